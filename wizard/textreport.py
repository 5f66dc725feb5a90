"""A transcript as plain text for the terminal."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for the type only: the window's start needs human_date, not transcripts
    from wizard.core.transcript import Transcript

DOUBT = "If in doubt, don't do it."


def human_date(iso: str) -> str:
    """"2026-02-01" as "1 February 2026"; anything else as written."""
    try:
        d = dt.date.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    return f"{d.day} {d:%B %Y}"


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(" ".join(text.split()), width=88, initial_indent=indent,
                         subsequent_indent=indent)


def format_transcript(t: Transcript) -> str:
    tree = t.tree
    lines = [f"{tree.title} ({tree.id}, version {tree.version}, sha256 {tree.sha256[:12]}…)", ""]
    for s in t.steps:
        lines.append(_wrap(f"{s.number}. {s.question}", ""))
        lines.append(_wrap(f"→ {s.answer}", "   "))
    o = t.outcome
    if o is not None:
        lines += ["", f"Outcome: {o.verdict_label.upper()}: {o.title}", _wrap(o.advice, "  "), "",
                  "The guidance says:"]
        for c in o.citations:
            lines.append(_wrap(f"“{c.text}”", "  "))
            lines.append(f"    ({c.citation}, clause {c.clause_id})")
        lines += ["", DOUBT]
    return "\n".join(lines)
