"""`records server purge`: retention on the server, by an administrator, recorded on the server.

The rule is the local purge's (wizard.records.purge), applied to each journal: remove the run of
its oldest records, from the first one the server holds up to (not including) the first recorded
on or after the cut-off (the start of a day in this machine's local time); a journal with none
that recent loses all it holds. A terminal's journal is its own chain, which the server never
writes to, so the purge is recorded beside it: each journal purged gets an entry in the server's
purge log (`purges`, a hash chain of its own), naming the journal, the cut-off, the records
removed, the hash of the last one (the anchor, from which `verify --server` walks the records
kept), who purged (as given, and the database account) and why.

Each journal is purged in one transaction of its own (its entry and its deletion together, with
the journal locked against a sync), so an interrupted purge leaves every journal either purged
and logged or untouched; run it again to finish. The database checks each entry against the
records it names and lets only records an entry covers be deleted; only the administrator role
(purdah_admin) may add entries or delete (wizard.records.server.schema, version 3).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wizard.records.canonical import canonical_json
from wizard.records.errors import RecordRefused
from wizard.records.model import GENESIS, utc_stamp
from wizard.records.purge import cutoff_of
from wizard.records.server.schema import PURGE_COLUMNS, PURGE_DOMAIN, SCHEMA

if TYPE_CHECKING:
    import psycopg

PURGE_LOG = 3  # the server schema that has the purge log
PURGES_LOCK = "purdah-wizard purges"


@dataclass(frozen=True)
class JournalPurge:
    """What the retention rule removes from one journal: records `first` to `through`."""

    journal_id: str
    terminal: str
    station: str
    first: int
    through: int
    count: int

    def describe(self) -> str:
        return (
            f"journal {self.journal_id} ({self.terminal or '?'}, {self.station or '?'}): "
            f"{self.count} record(s), {self.first} to {self.through}"
        )


@dataclass(frozen=True)
class PurgeEntry:
    """One entry of the server's purge log: a journal's records removed, and the anchor."""

    seq: int
    purge: JournalPurge
    anchor_hash: str
    hash: str


def purge_hash(prev_hash: str, content: str) -> str:
    """SHA-256 (hex) of a purge log entry: its own domain tag, the previous entry's hash and
    its content (the database computes the same before it takes the entry)."""
    h = hashlib.sha256(PURGE_DOMAIN)
    h.update(prev_hash.encode("ascii"))
    h.update(b"\n")
    h.update(content.encode("utf-8"))
    return h.hexdigest()


def has_purge_log(conn: psycopg.Connection) -> bool:
    """Whether the server's schema has the purge log (version 3 on)."""
    row = conn.execute("SELECT to_regclass(%s) IS NOT NULL", (f"{SCHEMA}.purges",)).fetchone()
    return bool(row and row[0])


def purged_head(conn: psycopg.Connection, journal_id: str) -> tuple[int, str] | None:
    """(last record purged, its hash) of a journal's newest server purge; None if none."""
    if not has_purge_log(conn):
        return None
    row = conn.execute(
        f"SELECT purged_through, anchor_hash FROM {SCHEMA}.purges WHERE journal_id = %s "
        "ORDER BY purged_through DESC LIMIT 1",
        (journal_id,),
    ).fetchone()
    return (int(row[0]), str(row[1])) if row else None


_PLAN = f"""
WITH held AS (
    SELECT journal_id, min(seq) AS first, max(seq) AS last,
           min(seq) FILTER (WHERE created_at COLLATE "C" >= %(cutoff)s) AS kept
    FROM {SCHEMA}.records WHERE %(journal)s::uuid IS NULL OR journal_id = %(journal)s::uuid
    GROUP BY journal_id
), cut AS (
    SELECT journal_id, first, coalesce(kept - 1, last) AS through FROM held
)
SELECT c.journal_id::text, j.terminal, j.station, c.first, c.through,
       (SELECT count(*) FROM {SCHEMA}.records r
        WHERE r.journal_id = c.journal_id AND r.seq BETWEEN c.first AND c.through)
FROM cut c JOIN {SCHEMA}.journals j ON j.journal_id = c.journal_id
WHERE c.through >= c.first
ORDER BY j.created_at, c.journal_id
"""


def _plan(conn: psycopg.Connection, cutoff: str, journal_id: str | None) -> list[JournalPurge]:
    rows = conn.execute(_PLAN, {"cutoff": cutoff, "journal": journal_id}).fetchall()
    return [JournalPurge(*row) for row in rows]


def plan_server_purge(conn: psycopg.Connection, before: dt.date) -> list[JournalPurge]:
    """What purging the server's records older than `before` would remove, journal by journal
    (none for a journal with nothing that old). Needs a reader's account."""
    return _plan(conn, cutoff_of(before), None)


def purge_server(
    conn: psycopg.Connection,
    before: dt.date,
    made_by: str,
    reason: str = "",
    done: Callable[[PurgeEntry], None] | None = None,
) -> list[PurgeEntry]:
    """Remove every journal's records older than `before`, each journal in a transaction with
    its entry in the purge log; `done` is told of each journal purged. Returns the entries.
    The database refuses an account without the administrator role (InsufficientPrivilege)."""
    if not made_by.strip():
        raise RecordRefused("Cannot purge: say who is purging.")
    if not has_purge_log(conn):
        raise RecordRefused(
            "Cannot purge: the server's schema has no purge log yet ('records server init', "
            "run by the records administrator, brings it up to date)."
        )
    cutoff = cutoff_of(before)
    entries: list[PurgeEntry] = []
    for planned in _plan(conn, cutoff, None):
        entry = _purge_journal(conn, planned.journal_id, cutoff, made_by.strip(), reason.strip())
        if entry is not None:
            entries.append(entry)
            if done is not None:
                done(entry)
    return entries


def _purge_journal(
    conn: psycopg.Connection, journal_id: str, cutoff: str, made_by: str, reason: str
) -> PurgeEntry | None:
    """One journal: lock it (and the log), plan again under the lock, log the purge, delete."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (PURGES_LOCK,))
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (journal_id,))
        plans = _plan(conn, cutoff, journal_id)
        if not plans:
            return None  # a sync in between brought records recent enough to keep
        plan = plans[0]
        anchor = _one(
            conn,
            f"SELECT hash FROM {SCHEMA}.records WHERE journal_id = %s AND seq = %s",
            (journal_id, plan.through),
        )
        last = conn.execute(
            f"SELECT seq, hash FROM {SCHEMA}.purges ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        seq, prev = (int(last[0]) + 1, str(last[1])) if last else (1, GENESIS)
        fields: dict[str, Any] = {
            "kind": "server_purge",
            "seq": seq,
            "journal_id": journal_id,
            "purge_before": cutoff,
            "purged_from": plan.first,
            "purged_through": plan.through,
            "purged_count": plan.count,
            "anchor_hash": anchor,
            "made_by": made_by,
            "reason": reason,
            "account": _one(conn, "SELECT current_user::text", ()),
            "created_at": utc_stamp(),
        }
        content = canonical_json(fields)
        digest = purge_hash(prev, content)
        values = [fields[c] for c in PURGE_COLUMNS[:-3]] + [content, prev, digest]
        conn.execute(
            f"INSERT INTO {SCHEMA}.purges ({', '.join(PURGE_COLUMNS)}) "
            f"VALUES ({', '.join(['%s'] * len(PURGE_COLUMNS))})",
            values,
        )
        removed = conn.execute(
            f"DELETE FROM {SCHEMA}.records WHERE journal_id = %s AND seq BETWEEN %s AND %s",
            (journal_id, plan.first, plan.through),
        ).rowcount
        if removed != plan.count:  # cannot happen under the lock; never leave a wrong entry
            raise RuntimeError(
                f"journal {journal_id}: {removed} record(s) deleted where {plan.count} were "
                "planned; nothing was purged from it"
            )
    return PurgeEntry(seq, plan, anchor, digest)


def _one(conn: psycopg.Connection, sql: str, params: tuple[Any, ...]) -> str:
    row = conn.execute(sql, params).fetchone()
    if row is None:
        raise RuntimeError("the server returned no row where one was expected")
    return str(row[0])
