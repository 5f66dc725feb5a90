"""The feedback for the policy team: notes grouped by topic and outcome, and the daily counts,
as text, JSON or CSV. Reads only; sends nothing."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import asdict
from typing import Any

from wizard.feedback.store import Contents, Count, Note

SEARCH = "(a home search that found nothing)"


def answers_text(note: Note) -> str:
    """question=answer for each step, the question named tree/question outside the topic."""
    return " ".join(f"{q if t == note.topic else f'{t}/{q}'}={a}" for t, q, a in note.answers)


def grouped(notes: list[Note]) -> dict[tuple[str, str], list[Note]]:
    """The notes by (topic, outcome), most noted first, then by name."""
    groups: dict[tuple[str, str], list[Note]] = defaultdict(list)
    for n in notes:
        groups[(n.topic, n.outcome)].append(n)
    return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def totals(counts: list[Count], kind: str) -> dict[tuple[str, str], dict[str, int]]:
    """For each (topic, outcome) of this kind, its count on each day, most counted first."""
    out: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for c in counts:
        if c.kind == kind:
            out[(c.topic, c.outcome)][c.day] = out[(c.topic, c.outcome)].get(c.day, 0) + c.n
    return dict(sorted(out.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])))


def _name(topic: str, outcome: str) -> str:
    if not topic:
        return SEARCH
    return f"{topic} → {outcome}" if outcome else topic


def format_text(contents: Contents, where: str) -> str:
    """The report for a review meeting."""
    lines = [f"Feedback kept in {where}", ""]
    if contents.problem:
        lines += [contents.problem, ""]
    groups = grouped(contents.notes)
    lines.append(
        f'"This did not answer my question": {len(contents.notes)} note(s), by topic and outcome'
    )
    for (topic, outcome), notes in groups.items():
        verdict = notes[0].verdict
        lines.append(f"  {_name(topic, outcome)}{f' ({verdict})' if verdict else ''}: {len(notes)}")
        for n in notes:
            said = f"“{n.line}”" if n.line else "(no words given)"
            lines.append(
                f"    {n.day}  {said}" + (f"  after {answers_text(n)}" if n.answers else "")
            )
    for kind, title in (("topic", "Topics opened"), ("outcome", "Outcomes reached")):
        lines += ["", f"{title}, by day"]
        for (topic, outcome), days in totals(contents.counts, kind).items():
            per_day = ", ".join(f"{d}: {n}" for d, n in sorted(days.items(), reverse=True))
            lines.append(f"  {_name(topic, outcome)}: {sum(days.values())} ({per_day})")
    if contents.skipped:
        lines += ["", f"{contents.skipped} damaged row(s) passed over"]
    return "\n".join(lines) + "\n"


def to_dict(contents: Contents, where: str) -> dict[str, Any]:
    """The same, for other programs: the groups of notes, then the counts."""
    return {
        "file": where,
        "problem": contents.problem,
        "skipped": contents.skipped,
        "notes": [
            {
                "topic": topic,
                "outcome": outcome,
                "verdict": notes[0].verdict,
                "count": len(notes),
                "notes": [
                    {
                        "day": n.day,
                        "line": n.line,
                        "answers": [
                            {"tree": t, "question": q, "answer": a} for t, q, a in n.answers
                        ],
                    }
                    for n in notes
                ],
            }
            for (topic, outcome), notes in grouped(contents.notes).items()
        ],
        "counts": [asdict(c) for c in contents.counts],
    }


def to_csv(contents: Contents) -> str:
    """One row per note and per day's count: kind, day, topic, outcome, verdict, answers, line,
    count. A cell starting = + - @ gets a leading apostrophe (never run as a formula)."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["kind", "day", "topic", "outcome", "verdict", "answers", "line", "count"])
    for (_topic, _outcome), notes in grouped(contents.notes).items():
        for n in notes:
            w.writerow(
                _safe(["note", n.day, n.topic, n.outcome, n.verdict, answers_text(n), n.line, ""])
            )
    for c in contents.counts:
        w.writerow(_safe([c.kind, c.day, c.topic, c.outcome, "", "", "", str(c.n)]))
    return out.getvalue()


def _safe(cells: list[str]) -> list[str]:
    return [f"'{c}" if c[:1] in ("=", "+", "-", "@") else c for c in cells]
