""" "Why this outcome" in words: for each answer given, where the other answers would have led.

Built from wizard.core.whatif; pure text (HTML-escaped for a rich-text label), so it is tested
without widgets.
"""

from __future__ import annotations

from collections.abc import Sequence

from wizard.core.transcript import StepRecord
from wizard.core.verdicts import VERDICTS
from wizard.core.whatif import Alternative
from wizard.export.markup import escape


def describe(alt: Alternative) -> str:
    """What one other answer would have led to, in plain words: the verdict, then the outcome's
    title in quotes (no symbol first: "? Speak to…" read as a stray question mark)."""
    if alt.outcome is not None:
        v = VERDICTS[alt.outcome.verdict]
        return f"{v.label} — “{alt.outcome.title}”"
    if alt.next_question is not None:
        return f"more questions, starting with “{alt.next_question.text}”"
    return "a topic that is not available (it did not load)"


def step_lines(step: StepRecord, alts: Sequence[Alternative]) -> list[str]:
    """The plain-text lines for one answer on the path."""
    lines = [f"{step.number}. “{step.question}” You answered “{step.answer}”."]
    changing = [a for a in alts if a.changes_verdict]
    same = [a for a in alts if not a.changes_verdict]
    lines += [f"If you had answered “{a.answer.label}”: {describe(a)}" for a in changing]
    if same and changing:
        labels = ", ".join(f"“{a.answer.label}”" for a in same)
        lines.append(f"{labels}: the same verdict.")
    elif same:
        lines.append("Any other answer here gives the same verdict.")
    return lines


def why_html(steps: Sequence[StepRecord], alts: Sequence[Alternative]) -> list[str]:
    """One rich-text paragraph per answer on the path: the answer in bold, the others listed."""
    out = []
    for i, step in enumerate(steps):
        first, *rest = step_lines(step, [a for a in alts if a.step_index == i])
        items = "".join(f"<li>{escape(line)}</li>" for line in rest)
        out.append(f"<p><b>{escape(first)}</b></p><ul>{items}</ul>")
    return out
