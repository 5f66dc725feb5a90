"""Export to CSV: every field, readable by a spreadsheet, written whole or not at all."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from tests.records.kit import advice, transcript
from wizard.core.transcript import Transcript
from wizard.library.atomicfile import SaveError
from wizard.records.csvexport import HEADER, write_csv
from wizard.records.errors import RecordsError
from wizard.records.purge import purge
from wizard.records.search import Query, matching_records
from wizard.records.store import RecordStore


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture
def store(tmp_path):
    with RecordStore(tmp_path / "records.sqlite3") as s:
        s.add(
            advice(
                advised_name="Zoë Ørsted",
                situation="Line one\nline two, with a comma",
                differs=True,
                reason="Not staged",
                review="Check with comms, 1 May",
            )
        )
        s.add(advice(walk="fine", advice="-1 is not a formula either"))
        yield s


def test_every_record_and_field_reads_back(store, tmp_path):
    out = tmp_path / "records.csv"
    assert write_csv(out, matching_records(store, Query())) == 2
    rows = read(out)
    assert [r["Record"] for r in rows] == ["2", "1"]
    first = rows[1]
    assert list(first) == [label for _, label in HEADER]
    assert first["Person advised"] == "Zoë Ørsted"
    assert first["Situation, in their words"] == "Line one\nline two, with a comma"
    assert first["Advice differs from the guidance"] == "yes"
    assert first["Why it differs"] == "Not staged"
    assert first["Review"] == "Check with comms, 1 May"
    assert first["Guidance's verdict"] == "Do not do this"
    assert first["Topic (tree)"] == "photos"
    assert first["Questions and answers"] == (
        "Is a candidate in the photo? → Yes\nIs the photo staged? → Yes, it is posed"
    )
    assert Transcript.from_json(first["Transcript (JSON)"]) == transcript("do_not")
    assert first["Hash"] == store.get(1).hash


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(store, tmp_path):
    out = tmp_path / "records.csv"
    write_csv(out, matching_records(store, Query()))
    assert read(out)[0]["Advice given"] == "'-1 is not a formula either"


def test_a_purge_is_exported_as_what_it_did(store, tmp_path):
    purge(store, dt.date.today() + dt.timedelta(days=1), "Insp Black", "retention")
    out = tmp_path / "records.csv"
    write_csv(out, matching_records(store, Query()))
    [row] = read(out)
    assert row["Kind"] == "purge" and row["Amended or purged by"] == "Insp Black"
    assert row["Purge"].startswith("removed 2 record(s), 1 to 2, recorded before ")
    assert row["Purge"].endswith("; retention")


def test_a_failed_export_leaves_no_file_and_no_half_file(store, tmp_path):
    out = tmp_path / "records.csv"
    out.write_text("the previous export", encoding="utf-8")

    def failing():
        yield store.get(1)
        raise RecordsError("Could not read the advice records: the disk reported an error.")

    with pytest.raises(RecordsError):
        write_csv(out, failing())
    assert out.read_text(encoding="utf-8") == "the previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".records.csv")] == []


def test_an_export_to_a_missing_folder_says_so(store, tmp_path):
    with pytest.raises(SaveError, match="the folder does not exist"):
        write_csv(tmp_path / "nowhere" / "r.csv", matching_records(store, Query()))
