"""A walk is checked against its tree before it becomes evidence; one whose tree is not at hand
is kept, marked "not checked against its tree" wherever it is shown (issue 18, item 3)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLE_TREES
from tests.records.kit import advice, transcript
from wizard.cli.main import main
from wizard.core.transcript import Transcript
from wizard.library.folder import load_folder
from wizard.records import datadir
from wizard.records.model import Record
from wizard.records.store import RecordStore
from wizard.records.text import format_record


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv(datadir.ENV, str(tmp_path / "not-this-one"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


def add(data, tmp_path, walk: dict, trees=EXAMPLE_TREES) -> int:
    path = tmp_path / "walk.json"
    path.write_text(json.dumps(walk), encoding="utf-8")
    first = ["--trees", str(trees)] if trees else []
    return main(
        [
            *first,
            "records",
            "--data-dir",
            str(data),
            "add",
            "--transcript",
            str(path),
            "--supervisor",
            "Sgt Roe",
            "--advice",
            "Decline the photo.",
        ]
    )


def stored(data) -> list[Record]:
    with RecordStore(datadir.records_path(data)) as store:
        return list(store.records())


def walk_dict(name: str = "do_not") -> dict:
    return transcript(name).to_dict()


def test_a_true_walk_is_checked_and_says_so(data, tmp_path, capsys):
    assert add(data, tmp_path, walk_dict()) == 0
    assert "not checked" not in capsys.readouterr().out.lower()
    (record,) = stored(data)
    assert not record.walk_unchecked
    assert "Checked against its tree" in format_record(record)
    assert main(["records", "--data-dir", str(data), "list"]) == 0
    assert "not checked" not in capsys.readouterr().out


def test_edited_guidance_is_refused_naming_the_difference(data, tmp_path, capsys):
    walk = walk_dict()
    quoted = walk["outcome"]["citations"][0]
    quoted["text"] = quoted["text"].replace("should not", "may")
    assert add(data, tmp_path, walk) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert (
        "outcome.citations[0].text" in err and "may engage" in err and "should not engage" in err
    ), err
    assert stored(data) == []


def test_a_verdict_contradicting_its_outcome_is_refused(data, tmp_path, capsys):
    walk = walk_dict()
    walk["outcome"].update(verdict="acceptable", verdict_label="Acceptable")
    assert add(data, tmp_path, walk) == 2
    err = capsys.readouterr().err
    assert "outcome.verdict" in err and "'acceptable'" in err and "'do_not'" in err, err
    assert stored(data) == []


def test_an_answer_that_leads_elsewhere_is_refused(data, tmp_path, capsys):
    walk = walk_dict()
    walk["steps"][1].update(answer_id="no", answer="No")  # the record still says "do not pose"
    assert add(data, tmp_path, walk) == 2
    err = capsys.readouterr().err
    assert "outcome" in err and "do_not_pose" in err, err


def test_a_changed_question_is_refused(data, tmp_path, capsys):
    walk = walk_dict()
    walk["steps"][0]["question"] = "Is a cat in the photo?"
    assert add(data, tmp_path, walk) == 2
    err = capsys.readouterr().err
    assert "steps[0].question" in err and "cat" in err and "candidate" in err, err


def test_a_zeroed_tree_hash_is_kept_but_marked_everywhere(data, tmp_path, capsys):
    walk = walk_dict()
    for ref in (walk["tree"], *walk["trees"]):
        ref["sha256"] = "0" * 64
    assert add(data, tmp_path, walk) == 0
    out = capsys.readouterr().out
    assert "not checked against its tree" in out.lower() and "SHA-256" in out, out
    (record,) = stored(data)
    assert record.walk_unchecked and "0000000000" in record.walk_check_note
    assert main(["records", "--data-dir", str(data), "list"]) == 0
    assert "not checked against its tree" in capsys.readouterr().out
    assert main(["records", "--data-dir", str(data), "show", "1"]) == 0
    shown = capsys.readouterr().out
    assert "NOT CHECKED against its tree" in shown and "SHA-256" in shown


def test_a_walk_on_trees_not_at_hand_is_marked_not_refused(data, tmp_path, capsys):
    assert add(data, tmp_path, walk_dict(), trees=None) == 0  # the bundled trees differ
    (record,) = stored(data)
    assert record.walk_unchecked and "photos" in record.walk_check_note


def test_a_forged_mark_in_a_kept_file_is_not_believed(data, tmp_path, capsys):
    record = advice(walk_check="checked", walk_check_note="trust me")
    kept = tmp_path / "kept.json"
    content = record.content()
    for ref in (content["transcript"]["tree"], *content["transcript"]["trees"]):
        ref["sha256"] = "0" * 64
    kept.write_text(json.dumps(content), encoding="utf-8")
    assert (
        main(
            [
                "--trees",
                str(EXAMPLE_TREES),
                "records",
                "--data-dir",
                str(data),
                "add",
                "--record",
                str(kept),
            ]
        )
        == 0
    )
    (saved,) = stored(data)
    assert saved.walk_unchecked and "trust me" not in saved.walk_check_note


def test_the_store_checks_against_the_trees_it_is_given(tmp_path):
    trees = load_folder(EXAMPLE_TREES)
    with RecordStore(tmp_path / "r.sqlite3") as store:
        checked = store.add(advice(), trees=trees)
        unchecked = store.add(advice())
    assert not checked.walk_unchecked and unchecked.walk_unchecked


def test_a_record_from_before_the_checks_still_loads_and_shows_as_not_checked():
    content = advice().content()
    for key in ("walk_check", "walk_check_note"):
        content.pop(key, None)
    content["format"] = 1
    record = Record.from_content(json.loads(json.dumps(content)))
    assert record.walk_unchecked
    assert "NOT CHECKED against its tree" in format_record(record)


def test_a_walk_reaching_no_outcome_in_its_tree_is_refused(data, tmp_path, capsys):
    walk = walk_dict()
    walk["steps"] = walk["steps"][:1]
    assert add(data, tmp_path, walk) == 2
    assert "staged" in capsys.readouterr().err


def test_a_transcript_still_reads_the_same(tmp_path):
    t = transcript("start_ask")
    assert Transcript.from_json(t.to_json()) == t


def newer_release(tmp_path):
    """The example trees with their versions published, then photos reissued as a new version
    whose outcome reads differently: walks made before it are on the published version."""
    import shutil

    from wizard.library.history import publish

    trees = tmp_path / "trees"
    shutil.copytree(EXAMPLE_TREES, trees)
    written, refused = publish(trees)
    assert written and not refused
    photos = trees / "photos.yaml"
    text = photos.read_text(encoding="utf-8")
    old_version = next(line for line in text.splitlines() if line.startswith("version:"))
    text = text.replace(old_version, 'version: "9.9"', 1)
    photos.write_text(text.replace("Do not pose", "Never pose", 1), encoding="utf-8")
    return trees


def test_a_walk_on_a_published_older_version_is_checked_against_that_version(
    data, tmp_path, capsys
):
    trees = newer_release(tmp_path)
    assert add(data, tmp_path, walk_dict(), trees=trees) == 0
    assert "not checked" not in capsys.readouterr().out.lower()
    (record,) = stored(data)
    assert not record.walk_unchecked


def test_a_forged_walk_on_a_published_older_version_is_refused(data, tmp_path, capsys):
    trees = newer_release(tmp_path)
    walk = walk_dict()
    quoted = walk["outcome"]["citations"][0]
    quoted["text"] = quoted["text"].replace("should not", "may")
    assert add(data, tmp_path, walk, trees=trees) == 2
    assert "outcome.citations[0].text" in capsys.readouterr().err
    assert stored(data) == []


def test_without_the_history_an_older_walk_is_kept_but_marked(data, tmp_path, capsys):
    import shutil

    trees = newer_release(tmp_path)
    shutil.rmtree(trees / "history")
    assert add(data, tmp_path, walk_dict(), trees=trees) == 0
    (record,) = stored(data)
    assert record.walk_unchecked
