"""`python -m wizard records ...` as a script or a supervisor at a terminal uses it."""

from __future__ import annotations

import csv
import json

import pytest

from tests.records.kit import EXAMPLE_TREES, pending_transcript, raw, sql, tamper, transcript
from wizard.cli.main import main
from wizard.core.transcript import Transcript
from wizard.records import datadir
from wizard.records.store import RecordStore


@pytest.fixture
def data(tmp_path, monkeypatch):
    """An empty data folder named by --data-dir in every call (the environment points away)."""
    monkeypatch.setenv(datadir.ENV, str(tmp_path / "not-this-one"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


@pytest.fixture
def walk_file(tmp_path):
    path = tmp_path / "walk.json"
    path.write_text(transcript("do_not").to_json(), encoding="utf-8")
    return path


def records(data, *args):
    return main(["records", "--data-dir", str(data), *args])


def add(data, walk_file, *extra):
    return records(
        data,
        "add",
        "--transcript",
        str(walk_file),
        "--supervisor",
        "Sgt Jane Roe",
        "--advised",
        "PC John Smith",
        "--role",
        "PC",
        "--advised-number",
        "1234",
        "--advice",
        "Do not pose for the photo.",
        *extra,
    )


def test_add_then_list_show_and_verify(data, walk_file, capsys):
    assert add(data, walk_file, "--situation", "At the fete") == 0
    out = capsys.readouterr().out
    assert out.startswith("Saved as record 1 (")
    assert records(data, "list") == 0
    assert "PC John Smith" in capsys.readouterr().out
    assert records(data, "show", "1") == 0
    shown = capsys.readouterr().out
    assert "Situation, in their words: At the fete" in shown
    assert "Officers should not engage in staged photos" in shown  # powers and policy, pre-filled
    assert "1. Is a candidate in the photo?" in shown  # the whole walk
    assert records(data, "verify") == 0
    assert capsys.readouterr().out.startswith("OK: 1 record(s) checked")


def test_add_takes_what_run_json_prints_on_standard_input(data, monkeypatch, capsys):
    assert (
        main(
            ["--trees", str(EXAMPLE_TREES), "run", "photos", "-a", "candidate_present=no", "--json"]
        )
        == 0
    )
    printed = capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(printed))
    assert (
        records(data, "add", "--transcript", "-", "--supervisor", "Sgt Roe", "--advice", "Carry on")
        == 0
    )
    with RecordStore(datadir.records_path(data)) as store:
        assert store.get(1).verdict == "acceptable"


def test_a_transcript_that_stops_short_is_refused_clearly(data, tmp_path, capsys):
    t = pending_transcript().to_dict()
    t["pending"] = {"question_id": "staged", "text": "Is the photo staged?"}
    path = tmp_path / "pending.json"
    path.write_text(json.dumps(t), encoding="utf-8")
    assert add(data, path) == 2
    err = capsys.readouterr().err
    assert "stops short of an outcome (next question staged: Is the photo staged?)" in err
    del t["pending"]
    path.write_text(json.dumps(t), encoding="utf-8")
    assert add(data, path) == 2
    assert "has no outcome" in capsys.readouterr().err
    assert not datadir.records_path(data).exists()


def test_not_a_transcript_is_refused_clearly(data, tmp_path, capsys):
    path = tmp_path / "x.json"
    path.write_text("[1, 2", encoding="utf-8")
    assert add(data, path) == 2
    assert "not JSON" in capsys.readouterr().err


def test_differing_advice_needs_a_reason(data, walk_file, capsys):
    assert add(data, walk_file, "--differs") == 2
    assert "say why the advice differs" in capsys.readouterr().err
    assert add(data, walk_file, "--differs", "--reason", "Not staged after all") == 0


def test_amend_shows_history_and_refuses_an_older_version(data, walk_file, capsys):
    add(data, walk_file)
    assert (
        records(
            data,
            "amend",
            "1",
            "--by",
            "Insp Black",
            "--why",
            "name misspelt",
            "--advised",
            "PC John Smyth",
        )
        == 0
    )
    assert "Saved as record 2" in capsys.readouterr().out
    assert records(data, "amend", "1", "--by", "Insp Black", "--why", "again") == 2
    assert "amend record 2 instead" in capsys.readouterr().err
    records(data, "show", "2", "--json")
    shown = json.loads(capsys.readouterr().out)
    assert shown["amends"] == 1 and shown["history"] == [1, 2]
    assert (
        shown["advised_name"] == "PC John Smyth" and shown["advice"] == "Do not pose for the photo."
    )
    records(data, "list")
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 1 and "Smyth" in listed[0] and "[amends 1]" in listed[0]


def test_verify_exits_1_naming_the_changed_record(data, walk_file, capsys):
    for _ in range(3):
        add(data, walk_file)
    tamper(datadir.records_path(data), "UPDATE records SET supervisor_name = 'Sgt X' WHERE id = 2")
    capsys.readouterr()
    assert records(data, "verify") == 1
    assert capsys.readouterr().out.startswith("Record 2 does not match")


def test_show_an_unknown_record(data, walk_file, capsys):
    add(data, walk_file)
    assert records(data, "show", "7") == 2
    assert "There is no record 7 (the records run from 1 to 1)" in capsys.readouterr().err


def test_export_csv_with_filters(data, walk_file, tmp_path, capsys):
    add(data, walk_file)
    records(
        data,
        "add",
        "--transcript",
        str(walk_file),
        "--supervisor",
        "Sgt Roe",
        "--advised",
        "PCSO Ann",
        "--advice",
        '=HYPERLINK("http://x")',
    )
    out = tmp_path / "export.csv"
    assert records(data, "export", "--csv", str(out), "--search", "ann") == 0
    assert "Wrote 1 record(s)" in capsys.readouterr().err
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["Person advised"] for r in rows] == ["PCSO Ann"]
    assert rows[0]["Advice given"] == '\'=HYPERLINK("http://x")'  # never a live formula


def test_purge_asks_for_yes_then_purges_and_verifies(data, walk_file, capsys):
    add(data, walk_file)
    assert records(data, "purge", "--before", "2999-01-01", "--by", "Insp Black") == 1
    assert "add --yes to purge" in capsys.readouterr().out
    assert sql(datadir.records_path(data), "SELECT count(*) FROM records") == [(1,)]
    assert records(data, "purge", "--before", "2999-01-01", "--by", "Insp Black", "--yes") == 0
    assert "the purge is record 2" in capsys.readouterr().out
    assert records(data, "verify") == 0
    assert records(data, "purge", "--before", "2000-01-01", "--by", "X", "--yes") == 0
    assert "Nothing to purge" in capsys.readouterr().out


def test_a_bad_date_is_refused_by_the_parser(data, capsys):
    with pytest.raises(SystemExit):
        records(data, "purge", "--before", "01/02/2026", "--by", "X")
    assert "write it as YYYY-MM-DD" in capsys.readouterr().err


def test_a_locked_file_loses_nothing_the_record_is_kept_and_added_later(
    data, walk_file, tmp_path, capsys, monkeypatch
):
    add(data, walk_file)
    monkeypatch.setattr(
        "wizard.cli.records.open_store",
        lambda args: RecordStore(datadir.records_path(data), timeout=0.1),
    )
    with raw(datadir.records_path(data)) as holder:
        holder.execute("BEGIN EXCLUSIVE")
        capsys.readouterr()
        assert add(data, walk_file, "--situation", "Kept safe") == 4
        err = capsys.readouterr().err
        assert "locked" in err and "The record was NOT saved" in err
        kept = list(tmp_path.glob("unsaved-advice-record-*.json"))
        assert len(kept) == 1 and str(kept[0]) in err
    assert records(data, "add", "--record", str(kept[0])) == 0
    with RecordStore(datadir.records_path(data)) as store:
        again = store.get(2)
    written = Transcript.from_json(walk_file.read_text(encoding="utf-8"))
    assert again.situation == "Kept safe" and again.transcript == written


def test_the_environment_variable_names_the_data_folder(tmp_path, monkeypatch, walk_file, capsys):
    monkeypatch.setenv(datadir.ENV, str(tmp_path / "station"))
    assert main(["records", "where"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "station" / datadir.RECORDS_FILE)


def test_bytes_that_are_not_text_are_refused_not_crashed_on(data, walk_file, capsys):
    assert add(data, walk_file, "--situation", "caf\udce9") == 2  # how Linux passes a bad byte
    assert "situation holds bytes that are not text" in capsys.readouterr().err
