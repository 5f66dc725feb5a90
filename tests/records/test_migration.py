"""Opening a records file written by the first schema migrates it forward, losing nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.records.kit import advice, sql
from wizard.records import schema
from wizard.records.errors import RecordsError
from wizard.records.search import Query, search
from wizard.records.store import RecordStore
from wizard.records.verify import verify

V1_FILE = Path(__file__).parent.parent / "fixtures" / "records" / "records-v1.sqlite3"


@pytest.fixture
def v1(tmp_path):
    path = tmp_path / "records.sqlite3"
    shutil.copy(V1_FILE, path)
    return path


def test_the_fixture_really_is_a_version_1_file(v1):
    assert sql(v1, "PRAGMA user_version") == [(1,)]
    cols = {row[1] for row in sql(v1, "PRAGMA table_info(records)")}
    assert "advised_number" not in cols and "situation" not in cols


def test_a_v1_file_is_migrated_and_keeps_every_record(v1):
    before = sql(v1, "SELECT id, content, prev_hash, hash FROM records")
    with RecordStore(v1) as store:
        assert sql(v1, "PRAGMA user_version") == [(schema.CURRENT,)]
        after = store.conn.execute(
            "SELECT r.id, c.content, r.prev_hash, r.hash FROM records r "
            "JOIN record_content c ON c.id = r.id"
        ).fetchall()
        assert after == before  # the evidence itself is untouched, byte for byte
        assert verify(store).ok
        assert [r.id for r in store.history(1)] == [1, 3]
        assert store.get(3).advised_number == "2014"


def test_search_finds_what_only_the_new_columns_hold(v1):
    with RecordStore(v1) as store:
        assert [r.id for r in search(store, Query(text="rally"))] == [2]  # situation
        assert [r.id for r in search(store, Query(text="2014"))] == [3]  # advised number
        assert [r.id for r in search(store, Query(text="2041"))] == []  # superseded


def test_a_migrated_file_takes_new_records_and_still_refuses_changes(v1):
    with RecordStore(v1) as store:
        saved = store.add(advice())
        assert saved.id == 4 and saved.prev_hash == store.get(3).hash
        assert verify(store).ok
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        sql(v1, "UPDATE records SET advice = 'x' WHERE id = 1")
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        sql(v1, "DELETE FROM records WHERE id = 1")
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        sql(v1, "UPDATE record_content SET content = 'x' WHERE id = 1")


def test_opening_twice_migrates_once(v1):
    RecordStore(v1).close()
    with RecordStore(v1) as store:
        assert verify(store).ok and store.count() == 3


def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "r.sqlite3"
    RecordStore(path).close()
    sql(path, f"PRAGMA user_version = {schema.CURRENT + 1}")
    newer = rf"newer version of Purdah Wizard \(schema {schema.CURRENT + 1}\)"
    with pytest.raises(RecordsError, match=newer):
        RecordStore(path).close()


def test_another_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite3"
    sql(path, "CREATE TABLE customers (name TEXT)")
    with pytest.raises(RecordsError, match="not Purdah Wizard's advice records"):
        RecordStore(path).close()
    assert sql(path, "PRAGMA user_version") == [(0,)]
    assert sql(path, "PRAGMA journal_mode") == [("delete",)]
