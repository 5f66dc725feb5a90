"""Anchors: the newest record's id and hash, and the count, kept away from the records.

The chain shows any record changed in place. What it cannot show, since anyone with the file
and this program's source can compute the hashes: the newest records removed, the whole chain
rewritten, or a purge forged (a purge record appended, the oldest records deleted). An anchor,
written by `records anchor` and filed where the records' keepers cannot change it (a case
file, a notebook, an email), closes these from the moment it is taken: `records verify --anchor
FILE` checks the record it names still has its hash, that none of the records it counted has
gone, and lists the records added since. Records appended after an anchor, with correct hashes,
still cannot be told from real ones; the check names them, for a person to confirm.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass

from wizard.records.model import is_stamp, local_time, utc_stamp
from wizard.records.store import RecordStore, is_record_id, translated
from wizard.records.verify import Verification

TITLE = "Purdah Wizard advice records: anchor"
HASH = re.compile(r"[0-9a-f]{64}")
LARGEST = 64 * 1024  # an anchor file is a few lines; refuse to read anything much larger


@dataclass(frozen=True)
class Anchor:
    """The chain's head when the anchor was taken."""

    record_id: int
    hash: str
    count: int | None  # records in the file then (None for an anchor noted by hand)
    taken_at: str = ""  # UTC stamp

    def text(self, where: str) -> str:
        """The anchor file: key lines a program reads back, and what to do with it."""
        taken = f"taken: {self.taken_at} ({local_time(self.taken_at)})"
        return "\n".join(
            [
                TITLE,
                f"record: {self.record_id}",
                f"hash: {self.hash}",
                f"count: {self.count}",
                taken,
                f"file: {where}",
                "",
                "File this where whoever keeps the records cannot change it: a case file, a",
                "notebook, an email. Later, 'python -m wizard records verify --anchor FILE' shows",
                f"whether the records still extend it: record {self.record_id} with this hash, and "
                f"none of the {self.count}",
                "records up to it removed since.",
                "",
            ]
        )


def taken(verification: Verification) -> Anchor:
    """An anchor of a chain that has just verified."""
    return Anchor(verification.last_id, verification.head_hash, verification.checked, utc_stamp())


def parse(text: str) -> Anchor:
    """Read an anchor file; ValueError saying which line is missing or wrong."""
    values: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in ("record", "hash", "count", "taken"):
            values.setdefault(key.strip().lower(), value.strip())
    for key in ("record", "hash"):
        if key not in values:
            raise ValueError(f"it has no '{key}:' line")
    record_id = _number(values["record"], "record")
    if not HASH.fullmatch(values["hash"].lower()):
        raise ValueError(f"'hash: {values['hash'][:80]}' is not a SHA-256 (64 hex digits)")
    count = _number(values["count"], "count") if "count" in values else None
    taken_at = values.get("taken", "").split(" ")[0]
    return Anchor(record_id, values["hash"].lower(), count, taken_at if is_stamp(taken_at) else "")


def _number(value: str, key: str) -> int:
    number = int(value) if value.isdigit() and len(value) < 20 else 0
    if not is_record_id(number):
        raise ValueError(f"'{key}: {value[:40]}' is not a record number")
    return number


@dataclass(frozen=True)
class AnchorCheck:
    """Whether the chain still extends an anchor, in one line."""

    ok: bool
    message: str


def check(store: RecordStore, anchor: Anchor, verification: Verification) -> AnchorCheck:
    """Compare a chain that verifies with an anchor taken of it earlier."""
    when = f"the anchor of {local_time(anchor.taken_at)}" if anchor.taken_at else "the anchor"
    last = verification.last_id if verification.checked else 0
    if anchor.record_id > last:
        now = f"the newest record now is {last}" if last else "the file now holds no records"
        return AnchorCheck(
            False, f"Records were removed: {when} names record {anchor.record_id}, but {now}."
        )
    with translated(store.path, "read"):
        row = store.conn.execute(
            "SELECT hash FROM records WHERE id = ?", (anchor.record_id,)
        ).fetchone()
        held = store.conn.execute(
            "SELECT count(*) FROM records WHERE id <= ?", (anchor.record_id,)
        ).fetchone()[0]
    purges = _purges_after(store, anchor.record_id)
    if row is not None and row[0] != anchor.hash:
        return AnchorCheck(
            False,
            f"The chain was rewritten: record {anchor.record_id} no longer "
            f"has the hash {when} gives ({anchor.hash[:12]}…).",
        )
    if purges:
        return AnchorCheck(
            False,
            f"Records {when} covered were removed since: {purges[0]}. If "
            "that purge was authorised, take a new anchor.",
        )
    if row is None or (anchor.count is not None and held != anchor.count):
        return AnchorCheck(
            False,
            f"Records were removed: {when} counted {anchor.count} "
            f"record(s) up to record {anchor.record_id}; {held} remain.",
        )
    added = last - anchor.record_id
    since = (
        f"; {added} record(s) added since, {anchor.record_id + 1} to {last}: a record can "
        "be added by anyone with the file, so confirm these with the people they name"
        if added
        else "; nothing added since"
    )
    return AnchorCheck(
        True,
        f"The records extend {when}: record {anchor.record_id} still has "
        f"its hash and none before it is gone{since}.",
    )


def _purges_after(store: RecordStore, record_id: int) -> list[str]:
    """Each purge recorded after `record_id`, described: who, when, which records."""
    with translated(store.path, "read"):
        rows = store.conn.execute(
            "SELECT r.id, c.content FROM records r JOIN record_content c "
            "ON c.id = r.id WHERE r.kind = 'purge' AND r.id > ? "
            "ORDER BY r.id",
            (record_id,),
        ).fetchall()
    out = []
    for purge_id, content in rows:
        try:
            data = json.loads(content)
        except (ValueError, TypeError, sqlite3.Error):
            data = {}
        data = data if isinstance(data, dict) else {}
        out.append(
            f"record {purge_id} purged records {data.get('purged_from')} to "
            f"{data.get('purged_through')} (by {str(data.get('made_by'))[:60]!r}, "
            f"{local_time(str(data.get('created_at', '')))})"
        )
    return out
