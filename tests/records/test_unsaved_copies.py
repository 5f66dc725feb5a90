"""Kept copies of records that could not be saved never replace one another (issue 18, item 1)."""

from __future__ import annotations

import json

import pytest

from tests.records.kit import advice, raw, transcript
from wizard.cli.main import main
from wizard.records import datadir, drafts
from wizard.records.store import RecordStore

SAME_SECOND = "2026-05-01T09:30:00Z"


@pytest.fixture
def frozen_clock(monkeypatch):
    """Every kept copy is made in the same second, as three quick failures would be."""
    monkeypatch.setattr(drafts, "utc_stamp", lambda: SAME_SECOND)


def test_three_drafts_in_one_second_are_three_files_each_with_its_own_content(
    tmp_path, frozen_clock
):
    paths = [drafts.keep_unsaved(advice(advice=f"Advice number {i}"), [tmp_path]) for i in range(3)]
    assert None not in paths and len(set(paths)) == 3
    assert sorted(tmp_path.glob("unsaved-advice-record-*.json")) == sorted(paths)
    for i, path in enumerate(paths):
        assert json.loads(path.read_text(encoding="utf-8"))["advice"] == f"Advice number {i}"
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def test_a_kept_copy_never_replaces_a_file_already_there(tmp_path, monkeypatch):
    taken = tmp_path / "unsaved-advice-record-taken.json"
    taken.write_text("someone else's", encoding="utf-8")
    names = iter([taken.name, taken.name, "unsaved-advice-record-free.json"])
    monkeypatch.setattr(drafts, "unsaved_name", lambda: next(names))
    path = drafts.keep_unsaved(advice(), [tmp_path])
    assert path == tmp_path / "unsaved-advice-record-free.json"
    assert taken.read_text(encoding="utf-8") == "someone else's"


def test_three_failed_adds_in_one_second_leave_three_files_each_named_to_its_user(
    tmp_path, monkeypatch, capsys, frozen_clock
):
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    walk = tmp_path / "walk.json"
    walk.write_text(transcript("do_not").to_json(), encoding="utf-8")
    RecordStore(datadir.records_path(data)).close()
    monkeypatch.setattr(
        "wizard.cli.records.open_store",
        lambda args: RecordStore(datadir.records_path(data), timeout=0.05),
    )
    told = {}
    with raw(datadir.records_path(data)) as holder:
        holder.execute("BEGIN EXCLUSIVE")
        for i in range(3):
            capsys.readouterr()
            assert (
                main(
                    [
                        "records",
                        "--data-dir",
                        str(data),
                        "add",
                        "--transcript",
                        str(walk),
                        "--supervisor",
                        "Sgt Roe",
                        "--advice",
                        f"Advice number {i}",
                    ]
                )
                == 4
            )
            err = capsys.readouterr().err
            named = [w.strip("'.,;") for w in err.split() if "unsaved-advice-record-" in w]
            told[i] = named[0]
    kept = sorted(str(p) for p in tmp_path.glob("unsaved-advice-record-*.json"))
    assert len(kept) == 3 and sorted(told.values()) == kept
    for i, path in told.items():
        with open(path, encoding="utf-8") as f:
            assert json.load(f)["advice"] == f"Advice number {i}"
