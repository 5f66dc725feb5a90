"""`records impact --trees NEW_DIR`: which advice already given would the new trees decide
otherwise? A supervisor reads the list; no record is ever altered by it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.core import release
from wizard.cli.main import main
from wizard.core.replay import replay
from wizard.library.folder import load_folder
from wizard.records import datadir
from wizard.records.impact import impact
from wizard.records.model import Record
from wizard.records.store import RecordStore
from wizard.records.verify import verify

WALKED = dt.datetime(2026, 5, 1, 9, 30, tzinfo=dt.UTC)
NOT_SURE = {"candidate_present": "yes", "staged": "not_sure"}
POSED = {"candidate_present": "yes", "staged": "yes"}


def record(folder: Path, answers: dict[str, str], supervisor: str, tree: str = "photos"):
    t = replay(load_folder(folder), tree, answers, clock=lambda: WALKED).walk.transcript()
    return Record(
        supervisor_name=supervisor, advised_name="PC Smith", advice="As the guidance.", transcript=t
    )


@pytest.fixture
def store(tmp_path):
    """Records made on the old trees: 'not sure' (Sgt Roe), a posed photo (Insp Khan), and the
    same 'not sure' walk reached through 'Not sure where to start?' (Sgt Patel)."""
    old = release.old_folder(tmp_path)
    path = tmp_path / "data" / datadir.RECORDS_FILE
    path.parent.mkdir()
    with RecordStore(path) as s:
        trees = load_folder(old)
        s.add(record(old, NOT_SURE, "Sgt Jane Roe"), trees=trees)
        s.add(record(old, POSED, "Insp Ali Khan"), trees=trees)
        s.add(record(old, {"about": "photos", **NOT_SURE}, "Sgt Raj Patel", "start"), trees=trees)
    return path


def contents(path: Path) -> list[tuple[int, str]]:
    with RecordStore(path) as s:
        return [(r.id, r.hash) for r in s.records()]


def test_records_whose_verdict_would_change_are_listed_with_both_verdicts(tmp_path, store):
    new = release.new_folder(tmp_path, photos=release.changed_verdict())
    before = contents(store)
    with RecordStore(store) as s:
        report = impact(s, load_folder(new))
    assert report.checked == 3 and report.same == 1
    assert [(i.record_id, i.supervisor, i.old_verdict, i.new_verdict) for i in report.differ] == [
        (3, "Sgt Raj Patel", "speak_to_supervisor", "do_not"),
        (1, "Sgt Jane Roe", "speak_to_supervisor", "do_not"),
    ]
    assert report.differ[0].created_at and report.unreplayable == []
    assert contents(store) == before  # nothing altered
    with RecordStore(store) as s:
        assert verify(s).ok


def test_a_removed_answer_shows_the_records_that_cannot_be_replayed(tmp_path, store):
    new = release.new_folder(tmp_path, photos=release.removed_answer())
    with RecordStore(store) as s:
        report = impact(s, load_folder(new))
    assert report.differ == [] and report.same == 1
    assert [i.record_id for i in report.unreplayable] == [3, 1]
    assert "no longer has the answer 'not_sure'" in report.unreplayable[1].why


def test_a_new_question_the_records_never_answered_is_named(tmp_path, store):
    new = release.new_folder(tmp_path, photos=release.new_question())
    with RecordStore(store) as s:
        report = impact(s, load_folder(new))
    assert report.differ == [] and len(report.unreplayable) == 3
    assert "photos:agreed" in report.unreplayable[0].why


def test_only_the_latest_version_of_an_amended_record_counts(tmp_path, store):
    old, new = tmp_path / "old", release.new_folder(tmp_path, photos=release.changed_verdict())
    with RecordStore(store) as s:
        first = s.get(1)
        s.add(
            first.amended(
                amendment_reason="wrong walk",
                made_by="Insp Khan",
                transcript=record(old, POSED, "x").transcript,
            ),
            trees=load_folder(old),
        )
        report = impact(s, load_folder(new))
    assert [i.record_id for i in report.differ] == [3]


def test_the_command_prints_text_and_json(tmp_path, store, capsys, monkeypatch):
    monkeypatch.setenv(datadir.ENV, str(tmp_path / "elsewhere"))
    new = release.new_folder(tmp_path, photos=release.changed_verdict())
    data = str(store.parent)
    assert main(["records", "--data-dir", data, "impact", "--trees", str(new)]) == 0
    text = capsys.readouterr().out
    assert "2 would now get another verdict" in text
    assert "Sgt Jane Roe" in text and "Speak to a supervisor first" in text
    assert "Do not do this" in text and "Insp Ali Khan" not in text
    assert "No record was changed" in text
    assert main(["records", "--data-dir", data, "impact", "--trees", str(new), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["checked"] == 3 and [d["record_id"] for d in out["differ"]] == [3, 1]
    assert out["differ"][1]["supervisor"] == "Sgt Jane Roe"


def test_the_command_refuses_broken_trees(tmp_path, store, capsys):
    new = release.new_folder(tmp_path, photos=release.PHOTOS.replace("next: careful", "next: x"))
    code = main(["records", "--data-dir", str(store.parent), "impact", "--trees", str(new)])
    assert code == 2 and "validate" in capsys.readouterr().err


def test_a_shared_question_asked_under_a_new_id_is_answered_from_the_record(tmp_path):
    old = release.old_folder(tmp_path)
    renamed = release.PHOTOS.replace("next: duty", "next: working").replace(
        "  - id: duty\n    ask: on_duty", "  - id: working\n    ask: on_duty"
    )
    new = release.new_folder(tmp_path, photos=renamed)
    path = tmp_path / "records.sqlite3"
    with RecordStore(path) as s:
        s.add(
            record(old, {"candidate_present": "no", "duty": "yes"}, "Sgt Roe"),
            trees=load_folder(old),
        )
        report = impact(s, load_folder(new))
    assert report.same == 1 and report.unreplayable == [] and report.differ == []
