"""A transcript as plain text for the terminal."""

from __future__ import annotations

import textwrap

from wizard.core.transcript import Transcript

DOUBT = "If in doubt, don't do it."


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
