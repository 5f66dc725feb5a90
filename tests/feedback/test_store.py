"""The feedback store keeps nothing personal, writes whole, knows its version and reads what it
can; `python -m wizard feedback` groups it for the policy team (issue 20). No Qt here."""

from __future__ import annotations

import csv
import datetime as dt
import inspect
import io
import json
import sqlite3

import pytest

from wizard.cli.main import main
from wizard.feedback.store import (
    MAX_LINE,
    VERSION,
    FeedbackError,
    FeedbackStore,
    feedback_path,
)

DAY = dt.date(2027, 4, 1)
WALK = [("photos", "candidate_present", "yes"), ("photos", "staged", "yes")]


def test_the_store_accepts_ids_a_verdict_a_day_and_one_line_and_nothing_more():
    params = list(inspect.signature(FeedbackStore.add_note).parameters)
    assert params == ["self", "topic", "answers", "outcome", "verdict", "line", "day"]
    assert list(inspect.signature(FeedbackStore.count).parameters) == [
        "self",
        "kind",
        "topic",
        "outcome",
        "day",
    ]


@pytest.mark.parametrize(
    "field, value",
    [
        ("topic", "Jane Smith"),
        ("outcome", "PC 1234"),
        ("verdict", "jane@example.org"),
        ("answers", [("photos", "candidate_present", "Jane Smith")]),
        ("answers", [("photos", "called by Sgt Jones", "yes")]),
    ],
)
def test_free_text_is_refused_anywhere_but_the_line(tmp_path, field, value):
    note = {
        "topic": "photos",
        "answers": WALK,
        "outcome": "do_not_pose",
        "verdict": "do_not",
        "line": "",
    }
    note[field] = value
    with pytest.raises(FeedbackError):
        FeedbackStore(tmp_path).add_note(**note)
    assert not feedback_path(tmp_path).exists()


@pytest.mark.parametrize(
    "line",
    [
        "contact me at jane.smith@police.example.uk",
        "my number is 07700 900123",
        "staff number 123456",
        "two\nlines",
        "x" * (MAX_LINE + 1),
    ],
)
def test_a_line_with_an_email_a_long_number_a_second_line_or_too_long_is_refused(tmp_path, line):
    with pytest.raises(FeedbackError):
        FeedbackStore(tmp_path).add_note("photos", WALK, "do_not_pose", "do_not", line)
    assert FeedbackStore(tmp_path).read().notes == []


def test_the_line_is_stored_as_typed_with_the_walks_ids_and_only_the_day(tmp_path):
    store = FeedbackStore(tmp_path)
    store.add_note(
        "photos",
        WALK,
        "do_not_pose",
        "do_not",
        "  Selfie at the count in 2027 — is that posing?  ",
        day=DAY,
    )
    (note,) = store.read().notes
    assert note.line == "Selfie at the count in 2027 — is that posing?"
    assert note.answers == tuple(WALK) and note.day == "2027-04-01"
    with sqlite3.connect(feedback_path(tmp_path)) as conn:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(notes)")}
        columns |= {r[1] for r in conn.execute("PRAGMA table_info(counts)")}
    assert columns == {"id", "day", "topic", "answers", "outcome", "verdict", "line", "kind", "n"}


def test_counts_add_up_per_day_topic_and_outcome(tmp_path):
    store = FeedbackStore(tmp_path)
    for _ in range(3):
        store.count("topic", "photos", day=DAY)
    store.count("outcome", "photos", "do_not_pose", day=DAY)
    store.count("topic", "photos", day=DAY + dt.timedelta(days=1))
    counts = {(c.day, c.kind, c.topic, c.outcome): c.n for c in store.read().counts}
    assert counts == {
        ("2027-04-01", "topic", "photos", ""): 3,
        ("2027-04-01", "outcome", "photos", "do_not_pose"): 1,
        ("2027-04-02", "topic", "photos", ""): 1,
    }
    with pytest.raises(FeedbackError):
        store.count("searched", "photos")


def test_the_file_says_its_version_and_a_newer_one_is_read_but_never_written(tmp_path):
    store = FeedbackStore(tmp_path)
    store.add_note("photos", WALK, "fine", "acceptable", "", day=DAY)
    with sqlite3.connect(feedback_path(tmp_path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == VERSION
        conn.execute(f"PRAGMA user_version = {VERSION + 1}")
    with pytest.raises(FeedbackError, match="newer version"):
        store.add_note("photos", WALK, "fine", "acceptable", "")
    assert len(store.read().notes) == 1


def test_a_damaged_row_is_passed_over_and_a_damaged_file_said(tmp_path):
    store = FeedbackStore(tmp_path)
    store.add_note("photos", WALK, "fine", "acceptable", "good", day=DAY)
    store.add_note("photos", WALK, "fine", "acceptable", "bad", day=DAY)
    with sqlite3.connect(feedback_path(tmp_path)) as conn:
        conn.execute("UPDATE notes SET answers = 'not json' WHERE line = 'bad'")
    contents = store.read()
    assert [n.line for n in contents.notes] == ["good"] and contents.skipped == 1
    feedback_path(tmp_path).write_bytes(b"this is not a database" * 100)
    contents = store.read()
    assert contents.notes == [] and "could not read" in contents.problem
    with pytest.raises(FeedbackError):  # and it is not written over
        store.add_note("photos", WALK, "fine", "acceptable", "")


def test_a_refused_note_leaves_the_file_as_it_was(tmp_path):
    store = FeedbackStore(tmp_path)
    store.add_note("photos", WALK, "fine", "acceptable", "first", day=DAY)
    before = feedback_path(tmp_path).read_bytes()
    with pytest.raises(FeedbackError):
        store.add_note("photos", WALK, "fine", "not-a-verdict", "second")
    assert feedback_path(tmp_path).read_bytes() == before


def filled(tmp_path):
    store = FeedbackStore(tmp_path)
    store.add_note("photos", WALK, "do_not_pose", "do_not", "Selfie at the count", day=DAY)
    store.add_note("photos", WALK, "do_not_pose", "do_not", "", day=DAY)
    store.add_note("", [], "", "", "parking tickets", day=DAY)
    store.count("topic", "photos", day=DAY)
    store.count("outcome", "photos", "do_not_pose", day=DAY)
    return tmp_path


def test_the_command_lists_notes_by_topic_and_outcome_and_the_counts(tmp_path, capsys):
    assert main(["feedback", "--data-dir", str(filled(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "3 note(s)" in out
    assert "  photos → do_not_pose (do_not): 2" in out
    assert "“Selfie at the count”  after candidate_present=yes staged=yes" in out
    assert "(a home search that found nothing): 1" in out and "“parking tickets”" in out
    assert "Topics opened, by day\n  photos: 1 (2027-04-01: 1)" in out
    assert "Outcomes reached, by day\n  photos → do_not_pose: 1 (2027-04-01: 1)" in out


def test_the_command_gives_json_and_csv(tmp_path, capsys):
    folder = filled(tmp_path)
    assert main(["feedback", "--data-dir", str(folder), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    first = data["notes"][0]
    assert (first["topic"], first["outcome"], first["count"]) == ("photos", "do_not_pose", 2)
    assert first["notes"][0]["answers"][0] == {
        "tree": "photos",
        "question": "candidate_present",
        "answer": "yes",
    }
    assert {"day": "2027-04-01", "kind": "topic", "topic": "photos", "outcome": "", "n": 1} in data[
        "counts"
    ]
    assert main(["feedback", "--data-dir", str(folder), "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["kind"] for r in rows] == ["note", "note", "note", "outcome", "topic"]
    assert rows[0]["answers"] == "candidate_present=yes staged=yes"


def test_the_command_on_an_empty_folder_says_there_is_nothing(tmp_path, capsys):
    assert main(["feedback", "--data-dir", str(tmp_path)]) == 0
    assert "0 note(s)" in capsys.readouterr().out
    assert not feedback_path(tmp_path).exists()  # reading never makes the file
