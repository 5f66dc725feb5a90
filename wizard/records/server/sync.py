"""Send a terminal's records to the server, in order, never overwriting anything.

Every save commits to the local SQLite file first (wizard.records.store, unchanged); sync then
pushes the records the server's copy of this file's journal lacks, oldest first, in batches of
one transaction each. Idempotent: it always starts after the server's head, so a record already
there (a push cut off after the server committed, two syncs at once) is never sent twice, and
the database's primary key (journal, sequence) would refuse it anyway.

A fork is refused and reported, never resolved: when the server's record at a sequence differs
from this file's (a file restored from an old backup that has since recorded more, or a file
changed behind the program's back), nothing is sent, the server keeps what it has, the first
differing record is filed in the server's `forks` table as evidence, and sync says so.

The file keeps its journal id and a log of its syncs in two tables of its own (`server_journal`,
`server_pushes`), made at the first sync; they are outside the chain and change nothing in it.

After the records, the feedback kept in the same folder is sent under the same journal id
(wizard.records.server.feedback): a problem with it is a note on the result, never a failed sync.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wizard.records import schema as local_schema
from wizard.records.model import Record, local_time, utc_stamp
from wizard.records.server.config import ServerConfig
from wizard.records.server.feedback import FeedbackSent, send_feedback
from wizard.records.server.purge import purged_head
from wizard.records.server.schema import CURRENT, RECORD_COLUMNS, SCHEMA, version
from wizard.records.store import RecordStore, translated

if TYPE_CHECKING:
    import psycopg

BATCH = 500
NOTHING_SENT = FeedbackSent()
RECORDS_SCHEMA = 1  # the oldest server schema whose records tables are this program's
OUTBOX = """
CREATE TABLE IF NOT EXISTS server_journal (journal_id TEXT PRIMARY KEY, made_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS server_pushes (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, journal_id TEXT NOT NULL,
    sent INTEGER NOT NULL, server_head INTEGER NOT NULL, outcome TEXT NOT NULL);
"""
INSERT = (
    f"INSERT INTO {SCHEMA}.records ({', '.join(RECORD_COLUMNS)}) "
    f"VALUES ({', '.join(['%s'] * len(RECORD_COLUMNS))}) "
    "ON CONFLICT (journal_id, seq) DO NOTHING"
)


@dataclass(frozen=True)
class Fork:
    """This file and the server disagree at `seq`: refused, reported, nothing overwritten."""

    seq: int
    held_hash: str  # the server's record there ('' when the server lacks it)
    offered_hash: str  # this file's
    problem: str

    def message(self) -> str:
        return (
            f"REFUSED: this file's record {self.seq} differs from the server's record "
            f"{self.seq} of its journal ({self.problem}). Nothing was sent or overwritten; "
            "the fork is reported on the server. Keep this file as it is for "
            "investigation and tell the force's records administrator."
        )


@dataclass(frozen=True)
class SyncResult:
    """What a sync did: records sent, the heads on both sides, and any refusal."""

    journal_id: str
    sent: int
    server_head: int
    local_head: int
    fork: Fork | None = None
    problem: str = ""  # the file lacks records the server holds, or unsent ones were purged
    feedback: FeedbackSent = NOTHING_SENT  # the feedback sent after the records; its problem

    @property
    def ok(self) -> bool:
        return self.fork is None and not self.problem

    @property
    def unsent(self) -> int:
        return max(self.local_head - self.server_head, 0)

    def message(self) -> str:
        if self.fork is not None:
            return self.fork.message()
        if self.problem:
            return f"Not sent: {self.problem}."
        return (
            f"Sent {self.sent} record(s); the server holds this file's records through "
            f"record {self.server_head}, and {self.unsent} wait to be sent."
        )

    def note(self) -> str:
        """A problem with the feedback sent after the records, as a note ('' if none)."""
        return f"Note: {self.feedback.problem}." if self.feedback.problem else ""


# -- the file's side: its journal id and its log of syncs
def _outbox(store: RecordStore) -> None:
    with translated(store.path, "prepare"):
        for statement in OUTBOX.split(";"):
            if statement.strip():
                store.conn.execute(statement)


def local_journal(store: RecordStore) -> str | None:
    """This file's journal id, or None before its first sync."""
    with translated(store.path, "read"):
        if not _has_table(store, "server_journal"):
            return None
        row = store.conn.execute("SELECT journal_id FROM server_journal LIMIT 1").fetchone()
    return row[0] if row else None


def _has_table(store: RecordStore, name: str) -> bool:
    return (
        store.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
        is not None
    )


def _keep_journal(store: RecordStore, journal_id: str) -> str:
    """Record the journal id in the file, unless another sync recorded one first (it wins)."""
    _outbox(store)
    with translated(store.path, "save the journal id in"):
        store.conn.execute("BEGIN IMMEDIATE")
        try:
            row = store.conn.execute("SELECT journal_id FROM server_journal LIMIT 1").fetchone()
            if row is None:
                store.conn.execute(
                    "INSERT INTO server_journal VALUES (?, ?)", (journal_id, utc_stamp())
                )
            store.conn.execute("COMMIT")
        except BaseException:
            store.conn.execute("ROLLBACK")
            raise
    return row[0] if row else journal_id


def last_push(store: RecordStore) -> tuple[str, int, str] | None:
    """(when, the server's head then, outcome) of the last sync that reached the server."""
    with translated(store.path, "read"):
        if not _has_table(store, "server_pushes"):
            return None
        row: tuple[str, int, str] | None = store.conn.execute(
            "SELECT at, server_head, outcome FROM server_pushes ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return row


def _log_push(store: RecordStore, result: SyncResult) -> None:
    outcome = "fork" if result.fork else "problem" if result.problem else "ok"
    _outbox(store)
    with translated(store.path, "log the sync in"):
        store.conn.execute(
            "INSERT INTO server_pushes (at, journal_id, sent, server_head, outcome)"
            " VALUES (?, ?, ?, ?, ?)",
            (utc_stamp(), result.journal_id, result.sent, result.server_head, outcome),
        )


def local_head(store: RecordStore) -> int:
    with translated(store.path, "read"):
        return int(store.conn.execute("SELECT coalesce(max(id), 0) FROM records").fetchone()[0])


def _local_hash(store: RecordStore, seq: int) -> str | None:
    with translated(store.path, "read"):
        row = store.conn.execute("SELECT hash FROM records WHERE id = ?", (seq,)).fetchone()
    return row[0] if row else None


def _local_rows(store: RecordStore, after: int, limit: int) -> list[tuple[int, str, str, str]]:
    """(id, content, prev_hash, hash) of up to `limit` records after id `after`."""
    with translated(store.path, "read"):
        return store.conn.execute(
            "SELECT r.id, c.content, r.prev_hash, r.hash FROM records r JOIN record_content c "
            "ON c.id = r.id WHERE r.id > ? ORDER BY r.id LIMIT ?",
            (after, limit),
        ).fetchall()


# -- the server's side
def server_head(conn: psycopg.Connection, journal_id: str) -> tuple[int, str]:
    """(sequence, hash) of the newest record the server holds for a journal, or else of the last
    one the server's purge removed (the next must extend it); (0, '') if none."""
    row = conn.execute(
        f"SELECT seq, hash FROM {SCHEMA}.records WHERE journal_id = %s ORDER BY seq DESC LIMIT 1",
        (journal_id,),
    ).fetchone()
    if row:
        return (row[0], row[1])
    return purged_head(conn, journal_id) or (0, "")  # every record it held was purged there


def _server_hashes(conn: psycopg.Connection, journal_id: str, lo: int, hi: int) -> dict[int, str]:
    rows = conn.execute(
        f"SELECT seq, hash FROM {SCHEMA}.records WHERE journal_id = %s AND seq BETWEEN %s AND %s",
        (journal_id, lo, hi),
    ).fetchall()
    return dict(rows)


def check_schema(conn: psycopg.Connection) -> None:
    """Refuse a server whose schema is missing or newer than this program's. One at version 1
    takes the records (the feedback waits, with a note, until it is migrated)."""
    found = version(conn)
    if not RECORDS_SCHEMA <= found <= CURRENT:
        state = "has no advice records schema" if found == 0 else f"has schema {found}"
        raise ValueError(
            f"the server {state}; this program needs schema {CURRENT} "
            "('records server init', run by the records administrator)"
        )


def journal_for(store: RecordStore, conn: psycopg.Connection, config: ServerConfig) -> str:
    """This file's journal id: kept in the file; else the server's journal that starts with
    this file's first record (the file was restored from before its id was kept); else new."""
    journal_id = local_journal(store)
    if journal_id is None:
        first = _local_hash(store, 1)
        row = (
            first
            and conn.execute(
                f"SELECT journal_id::text FROM {SCHEMA}.records "
                "WHERE seq = 1 AND hash = %s LIMIT 1",
                (first,),
            ).fetchone()
        )
        journal_id = _keep_journal(store, row[0] if row else str(uuid.uuid4()))
    conn.execute(
        f"INSERT INTO {SCHEMA}.journals (journal_id, terminal, station) "
        "VALUES (%s, %s, %s) ON CONFLICT (journal_id) DO NOTHING",
        (journal_id, config.terminal, config.station),
    )
    return journal_id


def _values(journal_id: str, row: tuple[int, str, str, str]) -> list[Any]:
    """The server row of one local record: query columns derived from its content alone."""
    seq, content, prev_hash, hash_ = row
    columns = local_schema.columns(Record.from_content(json.loads(content)))
    return [journal_id, seq, *(columns[c] for c in RECORD_COLUMNS[2:-3]), content, prev_hash, hash_]


def _disagreement(
    store: RecordStore, conn: psycopg.Connection, journal_id: str, head: tuple[int, str]
) -> Fork | str | None:
    """A fork, a problem in words, or None when this file extends the server's journal."""
    seq, held = head
    if seq == 0:
        return None
    mine = _local_hash(store, seq)
    if mine == held:
        return None
    newest = local_head(store)
    if mine is None and seq > newest:
        at_newest = _local_hash(store, newest) if newest else None
        if newest == 0 or at_newest == _server_hashes(conn, journal_id, newest, newest).get(newest):
            return (
                f"the server holds {seq - newest} record(s) of this file's journal that the "
                f"file lacks (records {newest + 1} to {seq}: was it restored from a backup?); "
                "a record saved here now would fork the journal"
            )
        return _first_fork(store, conn, journal_id, newest)
    if mine is None:  # purged here after it was sent: the next record must extend it
        after = _local_rows(store, seq, 1)
        if not after or after[0][0] != seq + 1:
            return (
                f"records from {seq + 1} on were purged from this file before they were "
                "sent; the records administrator must decide what the server keeps"
            )
        if after[0][2] == held:
            return None
        return Fork(
            seq + 1,
            "",
            after[0][3],
            "it does not extend the server's journal (its "
            "previous hash differs from the server's record before it)",
        )
    return _first_fork(store, conn, journal_id, seq)


def _first_fork(store: RecordStore, conn: psycopg.Connection, journal_id: str, upto: int) -> Fork:
    """The first sequence, up to `upto`, where this file and the server differ."""
    held = _server_hashes(conn, journal_id, 1, upto)
    for seq, _content, _prev, mine in _iter_local(store, upto):
        if seq in held and held[seq] != mine:
            return Fork(
                seq, held[seq], mine, "a different record at a sequence the server already holds"
            )
    mine = _local_hash(store, upto) or ""
    return Fork(upto, held.get(upto, ""), mine, "the chains differ")


def _iter_local(store: RecordStore, upto: int) -> Iterator[tuple[int, str, str, str]]:
    after = 0
    while rows := _local_rows(store, after, 1000):
        for row in rows:
            if row[0] > upto:
                return
            yield row
        after = rows[-1][0]


def report_fork(store: RecordStore, conn: psycopg.Connection, journal_id: str, fork: Fork) -> None:
    """File the fork on the server, with this file's record, as evidence (once per record)."""
    row = next((r for r in _local_rows(store, fork.seq - 1, 1) if r[0] == fork.seq), None)
    content, prev = (row[1], row[2]) if row else ("", "")
    conn.execute(
        f"INSERT INTO {SCHEMA}.forks (journal_id, seq, held_hash, offered_hash, "
        "offered_prev_hash, offered_content, problem) VALUES (%s, %s, %s, %s, %s, %s, %s)"
        " ON CONFLICT (journal_id, seq, offered_hash) DO NOTHING",
        (journal_id, fork.seq, fork.held_hash, fork.offered_hash, prev, content, fork.problem),
    )


def _push_batch(
    store: RecordStore, conn: psycopg.Connection, journal_id: str, batch: int
) -> tuple[int, int, Fork | str | None]:
    """One transaction: lock the journal, check this file extends it, insert the next batch.
    Returns (sent, server head after, refusal)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (journal_id,))
        head = server_head(conn, journal_id)
        refusal = _disagreement(store, conn, journal_id, head)
        if refusal is not None:
            return 0, head[0], refusal
        rows = _local_rows(store, head[0], batch)
        if not rows:
            return 0, head[0], None
        if head[0] and rows[0][0] != head[0] + 1:
            return (
                0,
                head[0],
                (
                    f"records {head[0] + 1} to {rows[0][0] - 1} were purged from "
                    "this file before they were sent"
                ),
            )
        with conn.cursor() as cur:  # a generator: each row is sent (pipelined) as it is made,
            # so the server checks one while the next is derived (1,071 -> 1,735 records/s)
            cur.executemany(INSERT, (_values(journal_id, row) for row in rows))
    return len(rows), rows[-1][0], None


Progress = Callable[[int], None]


def push(
    store: RecordStore,
    conn: psycopg.Connection,
    config: ServerConfig,
    batch: int = BATCH,
    progress: Progress | None = None,
) -> SyncResult:
    """Send every record the server lacks, oldest first; stop at a fork or problem."""
    check_schema(conn)
    journal_id = journal_for(store, conn, config)
    sent, head, refusal = 0, 0, None
    try:
        while True:
            done, head, refusal = _push_batch(store, conn, journal_id, batch)
            sent += done
            if progress is not None and done:
                progress(sent)
            if refusal is not None or not done:
                break
    finally:
        fork = refusal if isinstance(refusal, Fork) else None
        result = SyncResult(
            journal_id,
            sent,
            head,
            local_head(store),
            fork,
            refusal if isinstance(refusal, str) else "",
        )
        if sent or refusal is not None or head:
            _log_push(store, result)
    if fork is not None:
        report_fork(store, conn, journal_id, fork)
    feedback = send_feedback(conn, journal_id, store.path.parent)
    return dataclasses.replace(result, feedback=feedback)


def waiting(store: RecordStore) -> int:
    """How many records wait to be sent, as of the last sync (all of them before the first)."""
    last = last_push(store)
    return max(local_head(store) - (last[1] if last else 0), 0)


def last_sync_text(store: RecordStore) -> str:
    last = last_push(store)
    if last is None:
        return "never"
    return f"{local_time(last[0])} ({last[2]}; the server then held through record {last[1]})"
