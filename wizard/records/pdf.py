"""An advice record as a PDF: the reasoning PDF of its walk, plus the record's own fields.

Used by the records window (save a saved record) and by the "Record advice" form (save the
advice as a PDF instead, when the records file cannot be written: then the PDF says so).
"""

from __future__ import annotations

from pathlib import Path

from wizard.core.case import CaseDetails
from wizard.export.pdf import PdfOptions, Section, write_reasoning_pdf
from wizard.records.model import NDM_FIELDS, Record, local_time


def record_case(record: Record) -> CaseDetails:
    """Who was advised, by whom, about what: the PDF's case details."""
    supervisor = record.supervisor_name
    if record.supervisor_number:
        supervisor += f" ({record.supervisor_number})"
    return CaseDetails(
        name=record.advised_name,
        role=record.advised_role,
        number=record.advised_number,
        supervisor=supervisor,
        reference=record.reference,
        situation=record.situation,
    ).cleaned()


def record_sections(
    record: Record, history: list[Record] | None = None, not_saved: str = ""
) -> list[Section]:
    """The record's fields as the PDF's closing sections; `not_saved` says why it has no id."""
    advice: list[tuple[str, str]] = [
        ("Advice given", record.advice),
        ("Differs from the guidance", "Yes" if record.differs else "No"),
    ]
    if record.differs:
        advice.append(("Why it differs", record.reason))
    sections: list[Section] = [("Advice given by the supervisor", advice)]
    ndm = [
        (label, getattr(record, name))
        for name, label in NDM_FIELDS
        if getattr(record, name).strip()
    ]
    if ndm:
        sections.append(("National Decision Model", ndm))
    sections.append(("The advice record", _record_rows(record, history or [], not_saved)))
    return sections


def _record_rows(record: Record, history: list[Record], not_saved: str) -> list[tuple[str, str]]:
    if not record.saved:
        return [
            ("Record", "NOT SAVED in the advice records"),
            ("Why", not_saved or "It has not been saved."),
            (
                "What to do",
                "Keep this PDF, and record the advice when the records can be written again.",
            ),
        ]
    rows = [
        ("Record", str(record.id)),
        ("Recorded", f"{local_time(record.created_at)} ({record.created_at})"),
        ("Walk", record.walk_check_text()),
    ]
    if record.kind == "amendment":
        rows += [
            ("Amends record", str(record.amends)),
            ("Why it was amended", record.amendment_reason),
            ("Amended by", record.made_by),
        ]
    if len(history) > 1:
        rows.append(
            (
                "History",
                ", ".join(
                    f"record {v.id} ({local_time(v.created_at)})"
                    + (" – this one" if v.id == record.id else "")
                    for v in history
                ),
            )
        )
    rows += [("Previous record's hash", record.prev_hash), ("This record's hash", record.hash)]
    return rows


def write_record_pdf(
    path: Path,
    record: Record,
    *,
    history: list[Record] | None = None,
    options: PdfOptions | None = None,
    not_saved: str = "",
) -> None:
    """Write the record as a PDF, whole or not at all; SaveError if it cannot be written."""
    if record.transcript is None:
        raise ValueError("a purge record has no walk to print")
    write_reasoning_pdf(
        path,
        record.transcript,
        case=record_case(record),
        options=options or PdfOptions(),
        extra_sections=record_sections(record, history, not_saved),
    )
