"""Walk the chain and name the first record that does not match.

For each record, oldest first: its id follows the previous one (none missing), its previous hash
is the hash before it (the genesis for record 1, or a purge's anchor for the first record kept
after a purge), its hash is SHA-256 over its stored content, the content reads back and names the
same id, and the columns used for searching agree with the content. Then the file's pages
(SQLite's integrity check) and the search index against those columns (wizard.records.indexcheck).

What this cannot show, from the file alone: the newest records removed, records appended or a
purge forged by someone who computes the hashes as the program does, or the whole chain
rewritten. An anchor (wizard.records.anchor: the head's id, hash and count, filed elsewhere)
shows the first three after it was taken, and lists what was added since.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from wizard.records import schema
from wizard.records.canonical import chain_hash
from wizard.records.indexcheck import index_problem, integrity_problem
from wizard.records.model import GENESIS, Record, is_stamp
from wizard.records.store import RecordStore, translated

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Verification:
    checked: int
    first_bad: int | None  # the id of the first record that does not match
    problem: str
    head_hash: str  # the newest record's hash: note it to detect later rewriting
    last_id: int
    damage: str = ""  # what SQLite's or the search index's own check found wrong in the file
    in_index: bool = False  # the first bad record's problem is in the search index only

    @property
    def ok(self) -> bool:
        return self.first_bad is None and not self.damage

    def message(self) -> str:
        """One line: OK with the head's id, hash and the count, or the first thing wrong."""
        if self.first_bad is not None:
            after = (
                "Searches cannot be trusted until the file is restored"
                if self.in_index
                else "Records from there on cannot be trusted as unchanged"
            )
            return f"Record {self.first_bad} does not match: {self.problem}. {after}."
        if self.damage:
            return (
                f"The records file is damaged: {self.damage}. The chain of {self.checked} "
                "record(s) is unbroken, but keep a copy of the file as it is for "
                "investigation and restore it from a backup."
            )
        if not self.checked:
            return "The advice records are empty: nothing to verify."
        return (
            f"OK: {self.checked} record(s) checked, the chain is unbroken; the newest, "
            f"record {self.last_id}, has hash {self.head_hash}."
        )


def verify(store: RecordStore, progress: Progress | None = None) -> Verification:
    """Check the chain, then the file (SQLite's integrity check) and the search index."""
    damage = integrity_problem(store)
    with _tolerant_text(store.conn):
        result = _walk(store, progress)
    if damage or not result.ok:
        return replace(result, damage=damage and f"SQLite's integrity check says {damage!r}")
    found = index_problem(store)
    if found is None:
        return result
    if found.record is None:
        return replace(result, damage=found.text)
    return replace(result, first_bad=found.record, problem=found.text, in_index=True)


@contextlib.contextmanager
def _tolerant_text(conn: sqlite3.Connection) -> Iterator[None]:
    """Read text that is not UTF-8 (bytes changed outside the program) without failing, so
    that the check names the record instead of stopping."""
    before = conn.text_factory
    conn.text_factory = lambda data: data.decode("utf-8", "surrogateescape")
    try:
        yield
    finally:
        conn.text_factory = before


def _walk(store: RecordStore, progress: Progress | None) -> Verification:
    """Walk the chain oldest first; stops at the first record that does not match."""
    names = [*schema.columns(Record()), "id", "prev_hash", "hash", "content"]
    selected = ", ".join(f"r.{n}" for n in names[:-1]) + ", c.content"
    checked = 0
    expected_id: int | None = None
    prev_hash = ""
    after = -1
    while True:
        with translated(store.path, "read"):
            rows = store.conn.execute(
                f"SELECT {selected} FROM records r LEFT JOIN record_content c ON c.id = r.id "
                "WHERE r.id > ? ORDER BY r.id LIMIT 1000",
                (after,),
            ).fetchall()
        if not rows:
            break
        for values in rows:
            row = dict(zip(names, values, strict=True))
            if expected_id is None:
                start = _start_hash(store, row["id"])
                if start is None:
                    return _bad(
                        checked,
                        row["id"],
                        "the records before it are missing and no purge record accounts for them",
                        "",
                        after,
                    )
                expected_id, prev_hash = row["id"], start
            if row["id"] != expected_id:
                return _bad(
                    checked,
                    expected_id,
                    f"it is missing (the records jump from {expected_id - 1} to {row['id']})",
                    prev_hash,
                    after,
                )
            problem = row_problem(row, prev_hash, row["id"])
            if problem:
                return _bad(checked, row["id"], problem, prev_hash, after)
            checked += 1
            prev_hash, expected_id, after = row["hash"], row["id"] + 1, row["id"]
        if progress is not None:
            progress(checked)
    return Verification(checked, None, "", prev_hash, max(after, 0))


def _bad(checked: int, bad: int, problem: str, head: str, last: int) -> Verification:
    return Verification(checked, bad, problem, head, max(last, 0))


def _start_hash(store: RecordStore, first_id: int) -> str | None:
    """What the first record kept must name as its previous hash."""
    if first_id == 1:
        return GENESIS
    with translated(store.path, "read"):
        row = store.conn.execute(
            "SELECT c.content FROM records r JOIN record_content c "
            "ON c.id = r.id WHERE r.kind = 'purge' AND "
            "r.purged_through = ? ORDER BY r.id DESC LIMIT 1",
            (first_id - 1,),
        ).fetchone()
    if row is None:
        return None
    try:
        anchor = json.loads(row[0]).get("anchor_hash")
    except (ValueError, AttributeError):
        return None  # the purge record itself is damaged; the walk will name it
    return anchor if isinstance(anchor, str) and HASH.fullmatch(anchor) else None


def row_problem(
    row: Mapping[str, Any], prev_hash: str, number: int, columns: Iterable[str] | None = None
) -> str:
    """What is wrong with one stored record, here or on the records server, or '' if it
    matches: its content, its link and hash, the number it claims, and the `columns` kept beside
    it for queries (by default every one the local file keeps)."""
    if row["content"] is None:
        return "its content is missing"
    if not isinstance(row["content"], str):
        return "its content is stored as bytes, not text (it was changed outside the program)"
    if not _is_utf8(row["content"]):
        return "its content is not UTF-8 text (bytes were changed outside the program)"
    if row["prev_hash"] != prev_hash:
        return "its link to the record before it is broken (previous hash differs)"
    if chain_hash(row["prev_hash"], row["content"]) != row["hash"]:
        return "its content does not match its hash (it was changed after it was saved)"
    try:
        record = Record.from_content(json.loads(row["content"]))
    except ValueError as exc:
        return f"its content cannot be read ({exc})"
    if record.id != number:
        return f"its content says it is record {record.id}"
    expected = schema.columns(record)
    for name in expected if columns is None else columns:
        if row[name] != expected[name]:
            return (
                f"its {name} column ({row[name]!r}) differs from its content ({expected[name]!r})"
            )
    if not is_stamp(record.created_at):
        return f"its time ({record.created_at[:40]!r}) is not a time the program writes"
    return ""


HASH = re.compile(r"[0-9a-f]{64}")


def _is_utf8(text: str) -> bool:
    """False for text read with bytes that are not UTF-8 (kept as lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
