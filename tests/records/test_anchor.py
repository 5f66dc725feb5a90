"""Anchors (issue 18, item 5): what `verify` alone cannot show, an anchor filed elsewhere does.

Each tampering below passes a plain `verify` (the attacker computes the hashes as the program
does); `verify --anchor` taken before it shows it, except records appended after the anchor,
which it names for a person to confirm."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from tests.records.kit import advice, append_chained, filled_store, sql, tamper
from wizard.cli.main import main
from wizard.records import datadir
from wizard.records.canonical import canonical_json, chain_hash
from wizard.records.model import GENESIS, Record
from wizard.records.schema import columns


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv(datadir.ENV, str(tmp_path / "not-this-one"))
    monkeypatch.chdir(tmp_path)
    filled_store(datadir.records_path(tmp_path / "data"), 5).close()
    return tmp_path / "data"


def records(data, *args: str) -> int:
    return main(["records", "--data-dir", str(data), *args])


@pytest.fixture
def anchor(data, tmp_path, capsys):
    """An anchor taken of the five records, then filed away."""
    path = tmp_path / "filed" / "anchor.txt"
    path.parent.mkdir()
    assert records(data, "anchor", "--out", str(path)) == 0
    capsys.readouterr()
    return path


def verify_with(data, anchor, capsys) -> tuple[int, int, str]:
    """(exit code of plain verify, exit code of verify --anchor, what the second printed)."""
    plain = records(data, "verify")
    capsys.readouterr()
    code = records(data, "verify", "--anchor", str(anchor))
    return plain, code, capsys.readouterr().out


def head(data) -> tuple[int, str]:
    [(last_id, last_hash)] = sql(
        datadir.records_path(data), "SELECT id, hash FROM records ORDER BY id DESC LIMIT 1"
    )
    return last_id, last_hash


def test_verify_prints_the_head_hash_and_the_count(data, capsys):
    assert records(data, "verify") == 0
    out = capsys.readouterr().out
    assert "5 record(s)" in out and head(data)[1] in out


def test_the_anchor_file_holds_the_head_the_count_and_the_time(data, anchor):
    text = anchor.read_text(encoding="utf-8")
    last_id, last_hash = head(data)
    assert f"record: {last_id}\n" in text and f"hash: {last_hash}\n" in text
    assert "count: 5\n" in text and "taken: 20" in text


def test_an_untouched_chain_extends_its_anchor_and_new_records_are_listed(data, anchor, capsys):
    assert verify_with(data, anchor, capsys)[1] == 0
    filled_store(datadir.records_path(data), 2).close()
    plain, code, out = verify_with(data, anchor, capsys)
    assert (plain, code) == (0, 0)
    assert "extend" in out and "2 record(s) added since, 6 to 7" in out


def test_a_rewritten_chain_passes_verify_but_not_the_anchor(data, anchor, capsys):
    path = datadir.records_path(data)
    rows = sql(
        path,
        "SELECT r.id, c.content FROM records r JOIN record_content c ON c.id = r.id ORDER BY r.id",
    )
    prev = GENESIS
    for record_id, content in rows:
        record = Record.from_content(json.loads(content))
        if record_id == 2:
            record = replace(record, advice="Go ahead and pose.")
        text = canonical_json(record.content())
        hash_ = chain_hash(prev, text)
        cols = columns(record)
        sets = ", ".join(f"{name} = ?" for name in cols)
        tamper(
            path,
            f"UPDATE records SET {sets}, prev_hash = ?, hash = ? WHERE id = ?",
            (*cols.values(), prev, hash_, record_id),
        )
        tamper(path, "UPDATE record_content SET content = ? WHERE id = ?", (text, record_id))
        prev = hash_
    tamper(path, "INSERT INTO records_fts(records_fts) VALUES ('rebuild')")  # search agrees too
    plain, code, out = verify_with(data, anchor, capsys)
    assert (plain, code) == (0, 1)
    assert "rewritten" in out and "record 5" in out


def test_the_newest_records_removed_pass_verify_but_not_the_anchor(data, anchor, capsys):
    tamper(datadir.records_path(data), "DELETE FROM records WHERE id >= 4")
    tamper(datadir.records_path(data), "DELETE FROM record_content WHERE id >= 4")
    plain, code, out = verify_with(data, anchor, capsys)
    assert (plain, code) == (0, 1)
    assert "removed" in out and "names record 5" in out and "newest record now is 3" in out


def forge_purge(data, through: int) -> None:
    """A correctly chained purge record appended, then the records it names deleted."""
    path = datadir.records_path(data)
    [(anchor_hash,)] = sql(path, "SELECT hash FROM records WHERE id = ?", (through,))
    append_chained(
        path,
        Record(
            kind="purge",
            made_by="Someone",
            purge_before="2030-01-01T00:00:00Z",
            purged_from=1,
            purged_through=through,
            purged_count=through,
            anchor_hash=anchor_hash,
        ),
    )
    for table in ("records", "record_content"):
        tamper(path, f"DELETE FROM {table} WHERE id <= ?", (through,))


@pytest.mark.parametrize("through", [2, 5])
def test_a_forged_purge_after_the_anchor_passes_verify_but_not_the_anchor(
    data, anchor, capsys, through
):
    forge_purge(data, through)
    plain, code, out = verify_with(data, anchor, capsys)
    assert (plain, code) == (0, 1)
    assert f"record 6 purged records 1 to {through}" in out and "'Someone'" in out


def test_a_record_appended_after_the_anchor_is_named_for_a_person_to_confirm(data, anchor, capsys):
    """The one thing no check can refuse: a well-formed record added with correct hashes."""
    append_chained(datadir.records_path(data), advice(advised_name="Forged Person"))
    plain, code, out = verify_with(data, anchor, capsys)
    assert (plain, code) == (0, 0)
    assert "1 record(s) added since, 6 to 6" in out and "confirm" in out


def test_a_hand_noted_anchor_of_id_and_hash_is_enough(data, tmp_path, capsys):
    last_id, last_hash = head(data)
    noted = tmp_path / "notebook.txt"
    noted.write_text(f"record: {last_id}\nhash: {last_hash.upper()}\n", encoding="utf-8")
    assert records(data, "verify", "--anchor", str(noted)) == 0
    noted.write_text(f"record: {last_id - 1}\nhash: {last_hash}\n", encoding="utf-8")
    assert records(data, "verify", "--anchor", str(noted)) == 1


@pytest.mark.parametrize(
    "content",
    [
        "",
        "record: 5\n",
        "record: five\nhash: 00\n",
        f"record: {2**70}\nhash: {'a' * 64}\n",
        f"record: 5\nhash: {'g' * 64}\n",
    ],
)
def test_a_file_that_is_not_an_anchor_is_a_bad_request(data, tmp_path, capsys, content):
    path = tmp_path / "not-an-anchor.txt"
    path.write_text(content, encoding="utf-8")
    assert records(data, "verify", "--anchor", str(path)) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --anchor") and len(err.strip().splitlines()) == 1


def test_a_missing_anchor_file_is_a_bad_request(data, tmp_path, capsys):
    assert records(data, "verify", "--anchor", str(tmp_path / "nowhere.txt")) == 2
    assert "nowhere.txt" in capsys.readouterr().err


def test_no_anchor_is_written_for_a_chain_that_does_not_verify(data, tmp_path, capsys):
    tamper(datadir.records_path(data), "UPDATE records SET advice = 'changed' WHERE id = 2")
    assert records(data, "anchor", "--out", str(tmp_path / "a.txt")) == 1
    assert "No anchor was written" in capsys.readouterr().out
    assert not (tmp_path / "a.txt").exists()


def test_an_empty_file_has_nothing_to_anchor(tmp_path, capsys):
    assert main(["records", "--data-dir", str(tmp_path / "empty"), "anchor", "--out", "-"]) == 2
    assert "nothing to anchor" in capsys.readouterr().err


def test_the_anchor_goes_to_a_new_file_here_by_default(data, tmp_path, capsys):
    assert records(data, "anchor") == 0
    [written] = tmp_path.glob("advice-records-anchor-*.txt")
    assert str(written.name) in capsys.readouterr().out
    assert records(data, "verify", "--anchor", str(written)) == 0
