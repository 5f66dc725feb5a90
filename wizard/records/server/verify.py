"""`records verify --server`: every journal's chain on the server, and this file against it.

Each journal is walked as `verify` walks the local file: sequences follow on (none missing), each
record's previous hash is the hash before it (the genesis for record 1, or a purge's anchor for
the first record kept after a purge, whether the purge is in the journal's chain or in the
server's purge log), its hash is SHA-256 over its content, the content reads back naming the
same sequence, and the query columns agree with it. The server's purge log is walked the same
way (wizard.records.server.purge). Then this file's records and the server's copy of its journal
must agree wherever both hold one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wizard.records.model import GENESIS
from wizard.records.server.purge import has_purge_log, purge_hash, purged_head
from wizard.records.server.schema import PURGE_COLUMNS, PURGE_FIELDS, QUERY_COLUMNS, SCHEMA
from wizard.records.store import RecordStore, translated
from wizard.records.verify import row_problem

if TYPE_CHECKING:
    import psycopg


@dataclass(frozen=True)
class JournalCheck:
    """One journal's chain on the server: how many records checked, the first bad one."""

    journal_id: str
    terminal: str
    station: str
    checked: int
    head_seq: int
    head_hash: str
    first_bad: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.first_bad is None

    def message(self) -> str:
        where = f"journal {self.journal_id} ({self.terminal or '?'}, {self.station or '?'})"
        if not self.ok:
            return f"{where}: record {self.first_bad} does not match: {self.problem}."
        return (
            f"{where}: OK, {self.checked} record(s); the newest, record {self.head_seq}, "
            f"has hash {self.head_hash or '-'}."
        )


@dataclass(frozen=True)
class PurgeLogCheck:
    """The server's purge log: how many entries checked, the first bad one."""

    checked: int
    head_hash: str
    first_bad: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.first_bad is None

    def message(self) -> str:
        if not self.ok:
            return f"The server's purge log: entry {self.first_bad} does not match: {self.problem}."
        if not self.checked:
            return "The server's purge log: no purge yet."
        return (
            f"The server's purge log: OK, {self.checked} entr{'y' if self.checked == 1 else 'ies'}"
            f"; the newest has hash {self.head_hash}."
        )


@dataclass
class ServerVerification:
    journals: list[JournalCheck] = field(default_factory=list)
    local: str = ""  # how this file compares with its journal on the server ('' if not asked)
    local_ok: bool = True
    purges: PurgeLogCheck | None = None  # None: the server's schema has no purge log

    @property
    def ok(self) -> bool:
        return (
            self.local_ok
            and all(j.ok for j in self.journals)
            and (self.purges is None or self.purges.ok)
        )

    def message(self) -> str:
        lines = [j.message() for j in self.journals] or ["The server holds no journals yet."]
        bad = sum(not j.ok for j in self.journals)
        total = sum(j.checked for j in self.journals)
        lines.append(
            f"{'OK' if not bad else 'NOT OK'}: {len(self.journals)} journal(s), "
            f"{total} record(s) checked on the server"
            f"{f', {bad} journal(s) do not verify' if bad else ''}."
        )
        if self.purges is not None:
            lines.append(self.purges.message())
        if self.local:
            lines.append(self.local)
        return "\n".join(lines)


def verify_server(conn: psycopg.Connection, journal_id: str | None = None) -> ServerVerification:
    """Check every journal's chain on the server (or one journal's)."""
    rows = conn.execute(
        f"SELECT journal_id::text, terminal, station FROM {SCHEMA}.journals "
        "WHERE %s::uuid IS NULL OR journal_id = %s::uuid ORDER BY created_at, "
        "journal_id",
        (journal_id, journal_id),
    ).fetchall()
    purges = verify_purge_log(conn) if has_purge_log(conn) else None
    return ServerVerification([verify_journal(conn, *row) for row in rows], purges=purges)


def verify_purge_log(conn: psycopg.Connection) -> PurgeLogCheck:
    """Walk the server's purge log, oldest first: sequences follow on from 1, each entry names
    the hash before it, its hash covers its content, and its content agrees with its columns."""
    checked, prev = 0, GENESIS
    with conn.transaction(), conn.cursor(name="verify_purges") as cur:
        cur.execute(f"SELECT {', '.join(PURGE_COLUMNS)} FROM {SCHEMA}.purges ORDER BY seq")
        for values in cur:
            row = dict(zip(PURGE_COLUMNS, values, strict=True))
            row["journal_id"] = str(row["journal_id"])
            problem = _purge_problem(row, checked + 1, prev)
            if problem:
                return PurgeLogCheck(checked, prev, checked + 1, problem)
            checked, prev = checked + 1, row["hash"]
    return PurgeLogCheck(checked, prev if checked else "")


def _purge_problem(row: dict[str, object], seq: int, prev: str) -> str:
    if row["seq"] != seq:
        return f"it is missing (the log jumps from {seq - 1} to {row['seq']})"
    if row["prev_hash"] != prev:
        return "its link to the entry before it is broken (previous hash differs)"
    if purge_hash(str(row["prev_hash"]), str(row["content"])) != row["hash"]:
        return "its content does not match its hash (it was changed after it was saved)"
    try:
        content = json.loads(str(row["content"]))
    except ValueError as exc:
        return f"its content cannot be read ({exc})"
    expected = {"kind": "server_purge", **{f: row[f] for f in PURGE_FIELDS[1:]}}
    if content != expected:
        return "its content differs from its columns"
    return ""


def verify_journal(
    conn: psycopg.Connection, journal_id: str, terminal: str = "", station: str = ""
) -> JournalCheck:
    """Walk one journal's chain, oldest first; stops at the first record that does not match."""
    names = ["seq", *QUERY_COLUMNS, "content", "prev_hash", "hash"]
    checked, expected, prev_hash, head = 0, None, "", (0, "")
    with conn.transaction(), conn.cursor(name=f"verify_{journal_id.replace('-', '')}") as cur:
        cur.itersize = 2000
        cur.execute(
            f"SELECT {', '.join(names)} FROM {SCHEMA}.records WHERE journal_id = %s ORDER BY seq",
            (journal_id,),
        )
        for values in cur:
            row = dict(zip(names, values, strict=True))
            if expected is None:
                start = _start_hash(conn, journal_id, row["seq"])
                if start is None:
                    return _bad(
                        journal_id,
                        terminal,
                        station,
                        checked,
                        head,
                        row["seq"],
                        "the records before it are missing and no purge accounts for them",
                    )
                expected, prev_hash = row["seq"], start
            if row["seq"] != expected:
                return _bad(
                    journal_id,
                    terminal,
                    station,
                    checked,
                    head,
                    expected,
                    f"it is missing (the records jump from {expected - 1} to {row['seq']})",
                )
            problem = row_problem(row, prev_hash, row["seq"], QUERY_COLUMNS)
            if problem:
                return _bad(journal_id, terminal, station, checked, head, row["seq"], problem)
            checked += 1
            prev_hash, expected, head = row["hash"], row["seq"] + 1, (row["seq"], row["hash"])
    if expected is None:  # no record held: every one was purged on the server, or none sent
        head = purged_head(conn, journal_id) or head
    return JournalCheck(journal_id, terminal, station, checked, *head)


def _bad(
    journal_id: str,
    terminal: str,
    station: str,
    checked: int,
    head: tuple[int, str],
    bad: int,
    problem: str,
) -> JournalCheck:
    return JournalCheck(journal_id, terminal, station, checked, *head, bad, problem)


def _start_hash(conn: psycopg.Connection, journal_id: str, first: int) -> str | None:
    """What a journal's first record on the server must name as its previous hash."""
    if first == 1:
        return GENESIS
    row = conn.execute(
        f"SELECT content FROM {SCHEMA}.records WHERE journal_id = %s AND "
        "kind = 'purge' AND purged_through = %s ORDER BY seq DESC LIMIT 1",
        (journal_id, first - 1),
    ).fetchone()
    if row is None and has_purge_log(conn):
        logged = conn.execute(
            f"SELECT anchor_hash FROM {SCHEMA}.purges WHERE journal_id = %s AND "
            "purged_through = %s ORDER BY seq DESC LIMIT 1",
            (journal_id, first - 1),
        ).fetchone()
        if logged is not None:
            return str(logged[0])
    try:
        anchor = json.loads(row[0]).get("anchor_hash") if row else None
    except (ValueError, AttributeError):
        return None
    return anchor if isinstance(anchor, str) and len(anchor) == 64 else None


def compare_local(
    store: RecordStore, conn: psycopg.Connection, journal_id: str | None
) -> tuple[bool, str]:
    """Whether this file and its journal on the server agree wherever both hold a record, and
    in words how they compare (or the first record where they differ)."""
    if journal_id is None:
        return True, "This file has not been synced yet: it has no journal on the server."
    held: dict[int, str] = dict(
        conn.execute(
            f"SELECT seq, hash FROM {SCHEMA}.records WHERE journal_id = %s", (journal_id,)
        ).fetchall()
    )
    both = 0
    for seq, _content, _prev, mine in store.rows():
        if seq in held:
            if held[seq] != mine:
                return False, (
                    f"This file's record {seq} differs from the server's record "
                    f"{seq} of journal {journal_id}: the chains fork there."
                )
            both += 1
    with translated(store.path, "read"):
        newest = store.conn.execute("SELECT coalesce(max(id), 0) FROM records").fetchone()[0]
    server_newest = max(held, default=0) or (purged_head(conn, journal_id) or (0, ""))[0]
    extra = (
        f"; the server holds {server_newest - newest} record(s) this file lacks"
        if server_newest > newest
        else ""
    )
    return True, (
        f"This file agrees with journal {journal_id} on the server: {both} "
        f"record(s) held by both, {max(newest - server_newest, 0)} not yet "
        f"sent{extra}."
    )
