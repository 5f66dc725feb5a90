"""Records as a CSV file for a spreadsheet, written whole or not at all.

UTF-8 with a byte-order mark (so Excel reads names with accents correctly), one row per record,
every field including the whole transcript as JSON. A cell that starts with = + - @ or a tab is
prefixed with an apostrophe, so that a spreadsheet shows it as text and never runs it as a
formula (CSV injection); the apostrophe is the only change made to any value.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from wizard.library.atomicfile import write_atomic
from wizard.records.model import (
    NDM_FIELDS,
    PEOPLE_FIELDS,
    Record,
    local_time,
)

HEADER: tuple[tuple[str, str], ...] = (
    ("id", "Record"),
    ("kind", "Kind"),
    ("created_at", "Recorded (UTC)"),
    ("created_local", "Recorded (local time)"),
    *PEOPLE_FIELDS,
    ("tree_id", "Topic (tree)"),
    ("tree_version", "Tree version"),
    ("tree_sha256", "Tree SHA-256"),
    ("verdict_label", "Guidance's verdict"),
    ("outcome_title", "Guidance's outcome"),
    ("answers", "Questions and answers"),
    ("advice", "Advice given"),
    ("differs", "Advice differs from the guidance"),
    ("reason", "Why it differs"),
    *NDM_FIELDS,
    ("amends", "Amends record"),
    ("amendment_reason", "Why it was amended"),
    ("made_by", "Amended or purged by"),
    ("purge", "Purge"),
    ("prev_hash", "Previous hash"),
    ("hash", "Hash"),
    ("transcript", "Transcript (JSON)"),
)

RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(RISKY_STARTS) else text


def row_of(record: Record) -> list[str]:
    """One record as CSV cells, in HEADER order."""
    t = record.transcript
    special = {
        "created_local": local_time(record.created_at),
        "answers": "\n".join(f"{s.question} → {s.answer}" for s in t.steps) if t else "",
        "differs": "yes" if record.differs else ("no" if record.kind != "purge" else ""),
        "reason": record.reason if record.kind != "purge" else "",
        "purge": (
            f"removed {record.purged_count} record(s), {record.purged_from} to "
            f"{record.purged_through}, recorded before {record.purge_before}; "
            f"{record.reason}".rstrip("; ")
        )
        if record.kind == "purge"
        else "",
        "transcript": t.to_json(indent=None) if t else "",
    }
    return [safe_cell(special[k] if k in special else getattr(record, k)) for k, _ in HEADER]


def write_csv(path: Path, records: Iterable[Record]) -> int:
    """Write the records to `path` atomically; returns how many. SaveError if it cannot."""
    written = 0

    def write(tmp: Path) -> None:
        nonlocal written
        with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
            out = csv.writer(f)
            out.writerow([label for _, label in HEADER])
            for record in records:
                out.writerow(row_of(record))
                written += 1

    write_atomic(Path(path), write)
    return written
