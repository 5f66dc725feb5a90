"""Walk the chain and name the first record that does not match.

For each record, oldest first: its id follows the previous one (none missing), its previous hash
is the hash before it (the genesis for record 1, or a purge's anchor for the first record kept
after a purge), its hash is SHA-256 over its stored content, the content reads back and names the
same id, and the columns used for searching agree with the content.

What this cannot show, from the file alone: the newest records removed, or the whole chain
rewritten by someone who recomputes every hash. The head hash it reports, noted elsewhere (an
export, a PDF, a notebook), lets a later check show either.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from wizard.records import schema
from wizard.records.canonical import chain_hash
from wizard.records.model import GENESIS, Record
from wizard.records.store import RecordStore, translated

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Verification:
    checked: int
    first_bad: int | None  # the id of the first record that does not match
    problem: str
    head_hash: str  # the newest record's hash: note it to detect later rewriting
    last_id: int

    @property
    def ok(self) -> bool:
        return self.first_bad is None

    def message(self) -> str:
        if self.ok:
            if not self.checked:
                return "The advice records are empty: nothing to verify."
            return (f"OK: {self.checked} record(s) checked, the chain is unbroken; the newest, "
                    f"record {self.last_id}, has hash {self.head_hash}.")
        return (f"Record {self.first_bad} does not match: {self.problem}. Records from there on "
                "cannot be trusted as unchanged.")


def verify(store: RecordStore, progress: Progress | None = None) -> Verification:
    """Check the whole chain; stops at the first record that does not match."""
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
                "WHERE r.id > ? ORDER BY r.id LIMIT 1000", (after,)).fetchall()
        if not rows:
            break
        for values in rows:
            row = dict(zip(names, values, strict=True))
            if expected_id is None:
                expected_id, prev_hash = row["id"], _start_hash(store, row["id"])
                if prev_hash is None:
                    return _bad(checked, row["id"], "the records before it are missing and no "
                                "purge record accounts for them", prev_hash or "", after)
            if row["id"] != expected_id:
                return _bad(checked, expected_id, "it is missing (the records jump from "
                            f"{expected_id - 1} to {row['id']})", prev_hash, after)
            problem = _check(row, prev_hash)
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
        row = store.conn.execute("SELECT c.content FROM records r JOIN record_content c "
                                 "ON c.id = r.id WHERE r.kind = 'purge' AND "
                                 "r.purged_through = ? ORDER BY r.id DESC LIMIT 1",
                                 (first_id - 1,)).fetchone()
    if row is None:
        return None
    try:
        anchor = json.loads(row[0]).get("anchor_hash")
    except (ValueError, AttributeError):
        return None  # the purge record itself is damaged; the walk will name it
    return anchor if isinstance(anchor, str) else None


def _check(row: dict, prev_hash: str) -> str:
    """What is wrong with one record, or '' if it matches."""
    if row["content"] is None:
        return "its content is missing"
    if row["prev_hash"] != prev_hash:
        return "its link to the record before it is broken (previous hash differs)"
    if chain_hash(row["prev_hash"], row["content"]) != row["hash"]:
        return "its content does not match its hash (it was changed after it was saved)"
    try:
        record = Record.from_content(json.loads(row["content"]))
    except ValueError as exc:
        return f"its content cannot be read ({exc})"
    if record.id != row["id"]:
        return f"its content says it is record {record.id}"
    expected = schema.columns(record)
    for name, value in expected.items():
        if row[name] != value:
            return f"its {name} column ({row[name]!r}) differs from its content ({value!r})"
    return ""
