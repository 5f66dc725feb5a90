"""A record as plain text for the terminal: every field, its history and its transcript."""

from __future__ import annotations

from wizard.export.text import format_transcript
from wizard.records.model import (
    ADVICE_FIELDS,
    AMENDMENT_FIELDS,
    NDM_FIELDS,
    PEOPLE_FIELDS,
    Record,
    is_stamp,
    local_time,
)


def heading(record: Record) -> str:
    kind = {
        "advice": "Advice",
        "amendment": f"Amendment of record {record.amends}",
        "purge": "Purge",
    }.get(record.kind, record.kind)
    stamp = f" ({record.created_at})" if is_stamp(record.created_at) else ""
    return f"Record {record.id}: {kind}, recorded {local_time(record.created_at)}{stamp}"


def fields_of(record: Record) -> list[tuple[str, str]]:
    """(label, value) of every field filled in, in reading order."""
    if record.kind == "purge":
        return [
            (
                "Purged",
                f"{record.purged_count} record(s), {record.purged_from} to {record.purged_through}",
            ),
            ("Recorded before", f"{local_time(record.purge_before)} ({record.purge_before})"),
            ("Purged by", record.made_by),
            ("Reason", record.reason),
            ("Hash of the last record purged", record.anchor_hash),
        ]
    out = [(label, getattr(record, name)) for name, label in PEOPLE_FIELDS]
    out.append(("Guidance's verdict", f"{record.verdict_label}: {record.outcome_title}"))
    tree = record.tree
    if tree is not None:
        out.append(
            ("Topic", f"{tree.title} ({tree.id}, version {tree.version}, sha256 {tree.sha256})")
        )
    out.append(("Walk", record.walk_check_text()))
    out.append((ADVICE_FIELDS[0][1], record.advice))
    if record.differs:
        out.append((ADVICE_FIELDS[1][1], record.reason))
    out += [(label, getattr(record, name)) for name, label in NDM_FIELDS]
    if record.kind == "amendment":
        out += [(label, getattr(record, name)) for name, label in AMENDMENT_FIELDS]
    return [(label, value) for label, value in out if str(value).strip()]


def format_record(record: Record, history: list[Record] | None = None) -> str:
    lines = [heading(record), ""]
    for label, value in fields_of(record):
        first, *rest = str(value).splitlines() or [""]
        lines.append(f"{label}: {first}")
        lines += [f"    {line}" for line in rest]
    if history and len(history) > 1:
        lines += ["", "History (oldest first):"]
        for version in history:
            mark = "  <- this one" if version.id == record.id else ""
            why = f": {version.amendment_reason}" if version.amendment_reason else ""
            lines.append(
                f"  record {version.id}, {local_time(version.created_at)}, "
                f"{version.kind}{why}{mark}"
            )
    lines += ["", f"Previous hash: {record.prev_hash}", f"Hash:          {record.hash}"]
    if record.transcript is not None:
        lines += [
            "",
            "The walk, as it was when the advice was recorded:",
            "",
            format_transcript(record.transcript),
        ]
    return "\n".join(lines)
