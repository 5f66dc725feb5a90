"""Tamper evidence: verify passes on a clean chain and names the first record that was changed.

The attacker here has the file and plain sqlite3: they drop the guarding triggers and UPDATE or
DELETE rows directly.
"""

from __future__ import annotations

import json

import pytest

from tests.records.kit import advice, filled_store, sql, tamper
from wizard.records.canonical import chain_hash
from wizard.records.model import Record
from wizard.records.schema import search_text
from wizard.records.store import RecordStore
from wizard.records.verify import verify


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "records.sqlite3"
    filled_store(p, 5).close()
    return p


def check(path):
    with RecordStore(path) as store:
        return verify(store)


def test_a_clean_chain_verifies_and_reports_its_head(path):
    result = check(path)
    assert result.ok and result.checked == 5 and result.last_id == 5
    with RecordStore(path) as store:
        assert result.head_hash == store.get(5).hash
    assert "OK: 5 record(s)" in result.message()


def test_an_empty_file_verifies(tmp_path):
    with RecordStore(tmp_path / "empty.sqlite3") as store:
        result = verify(store)
    assert result.ok and result.checked == 0


def test_one_byte_of_the_stored_content_changed_names_that_record(path):
    [(content,)] = sql(path, "SELECT content FROM record_content WHERE id = 3")
    i = content.index("Politely")
    changed = content[:i] + "p" + content[i + 1 :]  # one byte: P -> p
    tamper(path, "UPDATE record_content SET content = ? WHERE id = 3", (changed,))
    result = check(path)
    assert not result.ok and result.first_bad == 3 and result.checked == 2
    assert "does not match its hash" in result.problem
    assert result.message().startswith("Record 3 does not match")


def test_a_changed_search_column_is_caught_even_though_the_content_is_intact(path):
    tamper(path, "UPDATE records SET advice = 'Go ahead and pose.' WHERE id = 4")
    result = check(path)
    assert result.first_bad == 4 and "advice column" in result.problem


def test_content_rehashed_by_the_attacker_breaks_the_next_link(path):
    """Rewriting one record with a fresh hash of its own still breaks the record after it."""
    [(content,)] = sql(path, "SELECT content FROM record_content WHERE id = 2")
    [(prev,)] = sql(path, "SELECT prev_hash FROM records WHERE id = 2")
    forged = content.replace("Politely decline", "Happily accept")
    tamper(path, "UPDATE record_content SET content = ? WHERE id = 2", (forged,))
    forged_record = Record.from_content(json.loads(forged))
    tamper(
        path,
        "UPDATE records SET hash = ?, advice = ?, search_text = ? WHERE id = 2",
        (chain_hash(prev, forged), forged_record.advice, search_text(forged_record)),
    )
    result = check(path)
    assert result.first_bad == 3 and "link to the record before it" in result.problem


def test_a_deleted_record_in_the_middle_is_named_as_missing(path):
    tamper(path, "DELETE FROM records WHERE id = 3")
    result = check(path)
    assert result.first_bad == 3 and "missing" in result.problem


def test_the_oldest_records_deleted_without_a_purge_are_caught(path):
    tamper(path, "DELETE FROM records WHERE id <= 2")
    result = check(path)
    assert result.first_bad == 3 and "no purge record accounts for them" in result.problem


def test_a_deleted_content_row_is_caught(path):
    tamper(path, "DELETE FROM record_content WHERE id = 2")
    result = check(path)
    assert result.first_bad == 2 and "content is missing" in result.problem


def test_a_changed_id_is_caught(path):
    tamper(path, "UPDATE records SET id = 50 WHERE id = 5")
    result = check(path)
    assert result.first_bad == 5 and "missing" in result.problem


def test_records_added_after_a_verified_chain_keep_it_verified(path):
    with RecordStore(path) as store:
        store.add(advice(walk="fine"))
        store.add(store.get(6).amended(amendment_reason="x", made_by="y"))
        assert verify(store).ok
