"""One record of the force's, as the records server holds it, with its history (issue 19): what
the Advice records window shows when a supervisor opens a record from the force-wide list.

Read-only, by a reader's account (purdah_reader). The versions are rebuilt from their stored
canonical content and hashes, as a terminal's own are, so the view and its PDF show the same
record, hashes included, as the terminal that made it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wizard.records.errors import RecordsError
from wizard.records.model import Record
from wizard.records.server.schema import SCHEMA
from wizard.records.store import record_from_row

if TYPE_CHECKING:
    import psycopg


def _version(conn: psycopg.Connection, journal_id: str, where: str, value: int) -> Record | None:
    row = conn.execute(
        f"SELECT content, prev_hash, hash FROM {SCHEMA}.records "
        f"WHERE journal_id = %s::uuid AND {where} = %s ORDER BY seq LIMIT 1",
        (journal_id, value),
    ).fetchone()
    return None if row is None else record_from_row(*row)


def force_history(conn: psycopg.Connection, journal_id: str, seq: int) -> list[Record]:
    """Every version of record `seq` of a journal on the server, oldest first (a purged original
    is simply absent), as RecordStore.history gives a terminal's own."""
    first = _version(conn, journal_id, "seq", seq)
    if first is None:
        raise RecordsError(
            f"Record {seq} of journal {journal_id} is not on the records server (purged since "
            "the list was shown?): search again."
        )
    versions = [first]
    while versions[0].amends is not None:
        earlier = _version(conn, journal_id, "seq", versions[0].amends)
        if earlier is None:
            break
        versions.insert(0, earlier)
    while (later := _version(conn, journal_id, "amends", versions[-1].id)) is not None:
        versions.append(later)
    return versions
