"""Retention: a confirmed purge removes old records, is itself recorded, and the chain verifies."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace

import pytest

from tests.records.kit import advice, sql, tamper
from wizard.records.errors import RecordRefused
from wizard.records.model import Record, utc_stamp
from wizard.records.purge import plan_purge, purge
from wizard.records.store import RecordStore
from wizard.records.verify import verify

TODAY = dt.date.today()
OLD = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)


def add_at(store: RecordStore, when: dt.datetime, **fields: object) -> Record:
    """Add a record as if made at `when` (the clock the store reads is replaced for one add)."""

    def build(conn, next_id, now):
        return replace(advice(**fields), id=next_id, created_at=utc_stamp(when))

    return store.append(build)


@pytest.fixture
def store(tmp_path):
    with RecordStore(tmp_path / "records.sqlite3") as s:
        for i in range(4):
            add_at(
                s,
                OLD + dt.timedelta(days=i),
                advised_name=f"Old person {i + 1}",
                situation=f"old-secret-{i + 1}",
            )
        for i in range(3):
            s.add(advice(advised_name=f"New person {i + 1}"))
        yield s


def test_the_plan_names_the_old_records(store):
    plan = plan_purge(store, TODAY - dt.timedelta(days=100))
    assert (plan.first, plan.through, plan.count) == (1, 4, 4)
    assert plan_purge(store, TODAY - dt.timedelta(days=500)) is None


def test_a_purge_removes_the_old_records_records_itself_and_the_chain_verifies(store):
    anchor = store.get(4).hash
    record = purge(store, TODAY - dt.timedelta(days=100), "Insp Black", "retention: 12 months")
    assert record.kind == "purge" and record.id == 8
    assert (record.purged_from, record.purged_through, record.purged_count) == (1, 4, 4)
    assert record.anchor_hash == anchor and record.made_by == "Insp Black"
    assert [r.id for r in store.records()] == [5, 6, 7, 8]
    result = verify(store)
    assert result.ok and result.checked == 4


def test_purged_content_does_not_linger_in_the_files(store):
    """Checked while still open: the purge itself moves the WAL into the database file."""
    purge(store, TODAY - dt.timedelta(days=100), "Insp Black")
    data = b"".join(p.read_bytes() for p in store.path.parent.glob("records.sqlite3*"))
    assert b"old-secret-2" not in data and b"New person 1" in data


def test_a_second_purge_restarts_the_chain_from_its_own_anchor(store):
    purge(store, TODAY - dt.timedelta(days=100), "Insp Black")
    store.add(advice())
    second = purge(store, TODAY + dt.timedelta(days=1), "Insp Black")  # everything so far
    assert (second.purged_from, second.purged_through) == (5, 9)
    assert [r.id for r in store.records()] == [10]
    assert verify(store).ok
    store.add(advice())
    assert verify(store).ok


def test_nothing_old_enough_is_refused_and_nothing_is_recorded(store):
    with pytest.raises(RecordRefused, match="Nothing to purge"):
        purge(store, TODAY - dt.timedelta(days=1000), "Insp Black")
    assert store.count() == 7


def test_a_purge_needs_a_name(store):
    with pytest.raises(RecordRefused, match="who is purging"):
        purge(store, TODAY, " ")


def test_records_the_purge_does_not_cover_still_cannot_be_deleted(store):
    purge(store, TODAY - dt.timedelta(days=100), "Insp Black")
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        sql(store.path, "DELETE FROM records WHERE id = 5")
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        sql(store.path, "DELETE FROM record_content WHERE id = 5")


def test_the_purge_record_itself_is_tamper_evident(store):
    purge(store, TODAY - dt.timedelta(days=100), "Insp Black")
    [(content,)] = sql(store.path, "SELECT content FROM record_content WHERE id = 8")
    tamper(
        store.path,
        "UPDATE record_content SET content = ? WHERE id = 8",
        (content.replace('"purged_count":4', '"purged_count":2'),),
    )
    result = verify(store)
    assert result.first_bad == 8


def test_an_amendment_of_a_purged_record_keeps_its_history_readable(store):
    fixed = store.add(store.get(2).amended(amendment_reason="typo", made_by="X"))
    purge(store, TODAY - dt.timedelta(days=100), "Insp Black")
    assert [r.id for r in store.history(fixed.id)] == [fixed.id]
    assert verify(store).ok
