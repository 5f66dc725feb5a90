"""Helpers the advice-records tests share: walks on the example trees and records made on them."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from tests.conftest import EXAMPLE_TREES
from wizard.core.replay import replay
from wizard.core.transcript import Transcript
from wizard.library.folder import load_folder
from wizard.records.model import Record, cited_guidance
from wizard.records.store import RecordStore

WALKS = {  # a name -> (tree, answers) that ends at an outcome of the example trees
    "do_not": ("photos", {"candidate_present": "yes", "staged": "yes"}),
    "fine": ("photos", {"candidate_present": "no"}),
    "supervisor": ("photos", {"candidate_present": "yes", "staged": "not_sure"}),
    "start_ask": ("start", {"about": "other"}),
}


WALKED_AT = dt.datetime(2026, 5, 1, 9, 30, tzinfo=dt.UTC)


def transcript(name: str = "do_not") -> Transcript:
    """The same transcript every time it is asked for: the walk's clock is fixed."""
    tree, answers = WALKS[name]
    result = replay(load_folder(EXAMPLE_TREES), tree, answers, clock=lambda: WALKED_AT)
    assert result.pending is None
    return result.walk.transcript()


def pending_transcript() -> Transcript:
    result = replay(load_folder(EXAMPLE_TREES), "photos", {"candidate_present": "yes"})
    assert result.pending is not None
    return result.walk.transcript()


def advice(walk: str = "do_not", **fields: object) -> Record:
    """An unsaved advice record on one of the example walks, with plausible people."""
    t = transcript(walk)
    base: dict[str, object] = {
        "supervisor_name": "Sgt Jane Roe",
        "supervisor_number": "4521",
        "advised_name": "PC John Smith",
        "advised_role": "PC",
        "advised_number": "1234",
        "situation": "A candidate asked for a handshake photo at the fete.",
        "advice": "Politely decline the photo.",
        "transcript": t,
        "powers_and_policy": cited_guidance(t),
    }
    base.update(fields)
    return Record(**base)  # type: ignore[arg-type]


@contextlib.contextmanager
def raw(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection, as anyone with the file could open it; closed after."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def sql(path: Path, statement: str, params: tuple = ()) -> list[tuple]:
    """Run one statement with a plain connection and return its rows."""
    with raw(path) as conn:
        return conn.execute(statement, params).fetchall()


def tamper(path: Path, statement: str, params: tuple = ()) -> None:
    """Change the file as an attacker would: drop the guarding triggers, then write."""
    with raw(path) as conn:
        for trigger in (
            "records_never_updated",
            "records_never_deleted",
            "content_never_updated",
            "content_never_deleted",
        ):
            conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        conn.execute(statement, params)


def filled_store(path: Path, n: int = 5) -> RecordStore:
    store = RecordStore(path)
    for i in range(n):
        store.add(advice(advised_name=f"Person {i + 1}"))
    return store


def append_chained(path: Path, record: Record) -> Record:
    """Append a record with correct hashes, as anyone with the file and the program's source
    can: what no check of the file alone can tell from a record the program saved."""
    from wizard.records import schema
    from wizard.records.canonical import canonical_json, chain_hash
    from wizard.records.model import utc_stamp

    [(last_id, last_hash)] = sql(path, "SELECT id, hash FROM records ORDER BY id DESC LIMIT 1")
    record = replace(record, id=last_id + 1, created_at=record.created_at or utc_stamp())
    text = canonical_json(record.content())
    record = replace(record, prev_hash=last_hash, hash=chain_hash(last_hash, text))
    with raw(path) as conn:
        schema.insert(conn, record, text)
    return record
