"""A transcript as plain text for the terminal."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import TYPE_CHECKING

from wizard.core.periods import OUTSIDE_NOTE, stamped_outside

if TYPE_CHECKING:  # for the type only: the window's start needs human_date, not transcripts
    from collections.abc import Sequence

    from wizard.core.transcript import QuotedClause, Transcript

DOUBT = "If in doubt, don't do it."
READING_HEADING = "How the guidance is read here"
LAW_HEADING = "The law"


def human_date(iso: str) -> str:
    """ "2026-02-01" as "1 February 2026"; anything else as written."""
    try:
        d = dt.date.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    return f"{d.day} {d:%B %Y}"


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(
        " ".join(text.split()), width=88, initial_indent=indent, subsequent_indent=indent
    )


def format_transcript(t: Transcript) -> str:
    tree = t.tree
    lines = [f"{tree.title} ({tree.id}, version {tree.version}, sha256 {tree.sha256[:12]}…)"]
    if t.period:
        lines.append(_wrap(f"Pre-election period: {t.period}", ""))
    lines.append("")
    for s in t.steps:
        lines.append(_wrap(f"{s.number}. {s.question}", ""))
        lines.append(_wrap(f"→ {s.answer}", "   "))
    o = t.outcome
    if o is not None:
        lines += ["", f"Outcome: {o.verdict_label.upper()}: {o.title}", _wrap(o.advice, "  ")]
        if stamped_outside(t.period):
            lines += ["", _wrap(f"{t.period} {OUTSIDE_NOTE}", "  ")]
        if o.reading:
            lines += ["", f"{READING_HEADING}:", _wrap(o.reading, "  ")]
        lines += ["", "The guidance says:", *_quoted(o.citations)]
        if o.law:
            lines += ["", f"{LAW_HEADING}:", *_quoted(o.law)]
        lines += ["", DOUBT]
    return "\n".join(lines)


def _quoted(clauses: Sequence[QuotedClause]) -> list[str]:
    """Each clause in quotation marks, with where it is from."""
    out = []
    for c in clauses:
        out.append(_wrap(f"“{c.text}”", "  "))
        out.append(f"    ({c.citation}, clause {c.clause_id})")
    return out
