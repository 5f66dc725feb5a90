"""Retention: remove the oldest records, and say so in the chain itself.

A purge removes a run of the oldest records: from the first one kept up to (not including) the
first recorded on or after the cut-off. (Records are purged in chain order, so that what is left
is still one unbroken chain; should a clock have gone back, a record dated before the cut-off but
following a later one is kept.) In the same transaction it appends a `purge` record naming the
ids removed, the cut-off and the hash of the last record removed (the anchor). `verify` then
starts the chain from that anchor: the first record kept must name it as its previous hash.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from wizard.records.errors import RecordRefused
from wizard.records.model import Record, utc_stamp
from wizard.records.store import RecordStore, translated


@dataclass(frozen=True)
class PurgePlan:
    """What a purge before `cutoff` would remove."""

    cutoff: str  # UTC stamp
    first: int
    through: int
    count: int

    def describe(self) -> str:
        return (
            f"{self.count} record(s), {self.first} to {self.through}, recorded before {self.cutoff}"
        )


EARLIEST = "0000-01-01T00:00:00Z"  # sorts before every stamp the records hold
AFTER_ALL = "9999-12-31T24:00:00Z"  # and after every one (no clock reads 24:00)


def cutoff_of(day: dt.date) -> str:
    """The start of `day` in this machine's local time, as a UTC stamp. A day beyond what a
    clock can convert (0001-01-01, 9999-12-31) gives a stamp before or after every record."""
    try:
        moment = dt.datetime.combine(day, dt.time()).astimezone().astimezone(dt.UTC)
    except (ValueError, OverflowError):
        return EARLIEST if day.year < 5000 else AFTER_ALL
    return EARLIEST if moment.year < 1000 else utc_stamp(moment)  # %Y pads no year below 1000


def cutoff_after(day: dt.date) -> str:
    """The end of `day` (the start of the next) in local time, as a UTC stamp."""
    return AFTER_ALL if day == dt.date.max else cutoff_of(day + dt.timedelta(days=1))


def _plan(conn: sqlite3.Connection, cutoff: str) -> PurgePlan | None:
    first, last = conn.execute("SELECT min(id), max(id) FROM records").fetchone()
    if first is None:
        return None
    kept = conn.execute("SELECT min(id) FROM records WHERE created_at >= ?", (cutoff,)).fetchone()[
        0
    ]
    through = last if kept is None else kept - 1
    if through < first:
        return None
    count = conn.execute(
        "SELECT count(*) FROM records WHERE id BETWEEN ? AND ?", (first, through)
    ).fetchone()[0]
    return PurgePlan(cutoff, first, through, count)


def plan_purge(store: RecordStore, before: dt.date) -> PurgePlan | None:
    """What purging records older than `before` would remove; None if nothing is that old."""
    with translated(store.path, "read"):
        return _plan(store.conn, cutoff_of(before))


def purge(store: RecordStore, before: dt.date, made_by: str, reason: str = "") -> Record:
    """Remove the records older than `before` and return the purge record that says so."""
    problems = Record(kind="purge", made_by=made_by, reason=reason).problems()
    if problems:
        raise RecordRefused(f"Cannot purge: {'; '.join(problems)}.")
    cutoff = cutoff_of(before)
    plan: PurgePlan | None = None

    def build(conn: sqlite3.Connection, next_id: int, now: str) -> Record:
        nonlocal plan
        plan = _plan(conn, cutoff)
        if plan is None:
            raise RecordRefused(f"Nothing to purge: no record was made before {cutoff}.")
        anchor = conn.execute("SELECT hash FROM records WHERE id = ?", (plan.through,)).fetchone()[
            0
        ]
        return Record(
            kind="purge",
            made_by=made_by.strip(),
            reason=reason.strip(),
            purge_before=cutoff,
            purged_from=plan.first,
            purged_through=plan.through,
            purged_count=plan.count,
            anchor_hash=anchor,
            id=next_id,
            created_at=now,
        )

    def delete(conn: sqlite3.Connection, record: Record) -> None:
        for table in ("records", "record_content"):
            conn.execute(
                f"DELETE FROM {table} WHERE id BETWEEN ? AND ?",
                (record.purged_from, record.purged_through),
            )

    record = store.append(build, after=delete)
    with translated(store.path, "tidy"):  # move the purge out of the WAL: no remains left there
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return record
