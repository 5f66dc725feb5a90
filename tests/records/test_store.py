"""Saving, reading and amending advice records in a real SQLite file."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from tests.records.kit import advice, pending_transcript, sql, transcript
from wizard.records.errors import RecordRefused, UnknownRecord
from wizard.records.model import GENESIS, parse_stamp
from wizard.records.store import RecordStore


@pytest.fixture
def store(tmp_path):
    with RecordStore(tmp_path / "records.sqlite3") as s:
        yield s


def test_a_saved_record_reads_back_whole_with_its_transcript(store):
    saved = store.add(advice(reference="INC-77", information="Fete on the green"))
    assert saved.id == 1 and saved.prev_hash == GENESIS and len(saved.hash) == 64
    parse_stamp(saved.created_at)  # a UTC time in the fixed format
    back = store.get(1)
    assert back == saved
    assert back.transcript == transcript("do_not")
    assert back.verdict == "do_not" and back.tree_id == "photos" and back.tree_version == "1.0"
    assert "Officers should not engage in staged photos" in back.powers_and_policy


def test_each_record_chains_to_the_one_before(store):
    a = store.add(advice())
    b = store.add(advice(walk="fine"))
    assert b.id == 2 and b.prev_hash == a.hash and b.hash != a.hash


def test_the_topic_is_the_tree_that_gave_the_outcome(store):
    saved = store.add(advice(walk="start_ask"))
    assert saved.tree_id == "start" and saved.verdict == "speak_to_supervisor"


def test_the_file_uses_wal_and_the_current_schema(tmp_path):
    path = tmp_path / "r.sqlite3"
    RecordStore(path).close()
    assert sql(path, "PRAGMA journal_mode") == [("wal",)]
    assert sql(path, "PRAGMA user_version") == [(3,)]


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"supervisor_name": "  "}, "supervisor's name"),
        ({"advice": ""}, "what advice was given"),
        ({"differs": True}, "why the advice differs"),
        ({"transcript": None}, "transcript"),
    ],
)
def test_an_incomplete_record_is_refused_and_nothing_is_saved(store, changes, missing):
    with pytest.raises(RecordRefused, match=missing):
        store.add(advice(**changes))
    assert store.count() == 0


def test_a_walk_without_an_outcome_cannot_be_recorded(store):
    with pytest.raises(RecordRefused, match="no outcome yet"):
        store.add(advice(transcript=pending_transcript()))


def test_a_reason_makes_differing_advice_acceptable(store):
    saved = store.add(advice(differs=True, reason="The photo was not staged after all."))
    assert store.get(saved.id).reason == "The photo was not staged after all."


def test_an_amendment_is_a_new_record_and_the_original_is_kept(store):
    original = store.add(advice())
    fixed = store.add(
        original.amended(
            advised_name="PC John Smyth", amendment_reason="name misspelt", made_by="Insp Black"
        )
    )
    assert fixed.id == 2 and fixed.amends == 1 and fixed.kind == "amendment"
    assert store.get(1).advised_name == "PC John Smith"  # unchanged
    assert [r.id for r in store.history(1)] == [1, 2] == [r.id for r in store.history(2)]
    assert store.latest_id(1) == 2


def test_an_amendment_needs_a_reason_and_who_made_it(store):
    original = store.add(advice())
    with pytest.raises(RecordRefused, match="why the record is being amended"):
        store.add(original.amended(made_by="Insp Black"))
    with pytest.raises(RecordRefused, match="who is making"):
        store.add(original.amended(amendment_reason="typo"))


def test_only_the_latest_version_can_be_amended(store):
    original = store.add(advice())
    store.add(original.amended(amendment_reason="a", made_by="X"))
    third = store.add(store.get(2).amended(amendment_reason="b", made_by="X"))
    with pytest.raises(RecordRefused, match="already been amended by record 2; amend record 3"):
        store.add(original.amended(amendment_reason="c", made_by="X"))
    assert [r.id for r in store.history(1)] == [1, 2, 3] and third.amends == 2


def test_amending_a_record_that_does_not_exist_is_refused(store):
    store.add(advice())
    with pytest.raises(UnknownRecord, match="no record 9 to amend"):
        store.add(replace(advice(), kind="amendment", amends=9, amendment_reason="x", made_by="y"))
    with pytest.raises(UnknownRecord, match=r"no record 9 .*from 1 to 1"):
        store.get(9)


def test_the_file_itself_refuses_updates_and_deletes(store):
    store.add(advice())
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        sql(store.path, "UPDATE records SET advice = 'something else' WHERE id = 1")
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        sql(store.path, "DELETE FROM records WHERE id = 1")
    assert store.get(1).advice == "Politely decline the photo."


def test_two_stores_on_one_file_extend_one_chain(tmp_path):
    path = tmp_path / "shared.sqlite3"
    with RecordStore(path) as a, RecordStore(path) as b:
        first = a.add(advice())
        second = b.add(advice())
        third = a.add(advice())
    assert (first.id, second.id, third.id) == (1, 2, 3)
    assert second.prev_hash == first.hash and third.prev_hash == second.hash


def test_the_data_folder_is_created_when_missing(tmp_path):
    with RecordStore(tmp_path / "new" / "folder" / "r.sqlite3") as s:
        assert s.add(advice()).id == 1
