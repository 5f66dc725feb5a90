"""Rows damaged outside the program are reported, never a traceback (issue 18, item 7): content
stored as bytes, content that is not UTF-8, a time that is not a time."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from tests.records.kit import advice, append_chained, filled_store, sql, tamper
from wizard.cli.main import main
from wizard.records import datadir
from wizard.records.canonical import chain_hash
from wizard.records.store import RecordStore
from wizard.records.verify import verify


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv(datadir.ENV, str(tmp_path / "not-this-one"))
    filled_store(datadir.records_path(tmp_path / "data"), 5).close()
    return tmp_path / "data"


def path_of(data):
    return datadir.records_path(data)


def records(data, *args: str) -> int:
    return main(["records", "--data-dir", str(data), *args])


def check(data):
    with RecordStore(path_of(data)) as store:
        return verify(store)


def test_content_stored_as_a_blob_is_named_as_changed(data, capsys):
    tamper(path_of(data), "UPDATE record_content SET content = CAST(content AS BLOB) WHERE id = 3")
    result = check(data)
    assert result.first_bad == 3 and "bytes" in result.problem
    assert records(data, "verify") == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and captured.out.startswith("Record 3 does not match")


def test_content_that_is_not_utf8_is_named_as_changed(data, capsys):
    [(content,)] = sql(path_of(data), "SELECT content FROM record_content WHERE id = 2")
    broken = content.encode("utf-8").replace(b"Politely", b"Polit\xffly")
    tamper(
        path_of(data), "UPDATE record_content SET content = CAST(? AS TEXT) WHERE id = 2", (broken,)
    )
    result = check(data)
    assert result.first_bad == 2 and "UTF-8" in result.problem
    assert records(data, "verify") == 1
    assert "Record 2 does not match" in capsys.readouterr().out


def test_a_search_column_that_is_not_utf8_is_named_as_changed(data):
    tamper(path_of(data), "UPDATE records SET advised_name = CAST(X'50cfff' AS TEXT) WHERE id = 4")
    result = check(data)
    assert result.first_bad == 4 and "advised_name" in result.problem


def test_a_garbage_time_in_the_list_is_shown_flagged_and_verify_names_it(data, capsys):
    tamper(path_of(data), "UPDATE records SET created_at = 'yesterday' WHERE id = 2")
    assert records(data, "list") == 0
    out = capsys.readouterr().out
    [line] = [line for line in out.splitlines() if line.split()[0] == "2"]
    assert "yesterday" in line and "not a time" in line
    assert records(data, "verify") == 1
    assert "Record 2 does not match: its created_at column" in capsys.readouterr().out


def test_a_chained_record_with_a_garbage_time_is_shown_and_named(data, capsys):
    append_chained(path_of(data), replace(advice(), created_at="\x1b[2Jsoon"))
    assert records(data, "list") == 0
    out = capsys.readouterr().out
    assert "not a time" in out and "\x1b" not in out
    assert records(data, "show", "6") == 0
    assert "not a time" in capsys.readouterr().out
    result = check(data)
    assert result.first_bad == 6 and "time" in result.problem


def test_a_record_whose_content_names_a_float_id_is_named(data):
    """JSON content that parses but is not a record: reported, not a traceback."""
    [(content,)] = sql(path_of(data), "SELECT content FROM record_content WHERE id = 5")
    [(prev,)] = sql(path_of(data), "SELECT prev_hash FROM records WHERE id = 5")
    forged = json.loads(content)
    forged["id"] = 5.0
    text = json.dumps(forged)
    tamper(path_of(data), "UPDATE record_content SET content = ? WHERE id = 5", (text,))
    tamper(path_of(data), "UPDATE records SET hash = ? WHERE id = 5", (chain_hash(prev, text),))
    result = check(data)
    assert result.first_bad == 5 and "cannot be read" in result.problem
