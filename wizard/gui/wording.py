"""The sentences the screens build from the catalog: dates, versions, problems. No Qt here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from wizard.core.catalog import Catalog
from wizard.core.periods import Calendar, Election, long_date, status_on
from wizard.core.problems import Problem
from wizard.export.text import human_date

nice_date = human_date  # the screens' name for it (about_dialog.py uses it too)

APP_NAME = "Purdah Wizard"
PURPOSE = (
    "During the pre-election period, may I do this? Answer a few plain questions to see "
    "what the guidance says."
)
DOUBT = "If in doubt, don't do it."
START_TREE = "start"


def guidance_summary(catalog: Catalog) -> str:
    """One short line for the foot of home: the guidance cited and the trees' version and date.

    Where the topics' versions or dates differ it says so and points to About, which lists each.
    """
    sources = "; ".join(
        s.citation() for s in sorted(catalog.sources.values(), key=lambda s: s.title.lower())
    )
    trees = catalog.sorted_trees()
    topics = sum(t.id != START_TREE for t in trees)
    parts = [f"{topics} topic{'s' if topics != 1 else ''}"] if trees else []
    versions = {t.version for t in trees}
    dates = {t.effective for t in trees}
    if len(versions) == 1:
        parts.append(f"version {next(iter(versions))}")
    elif versions:
        parts.append("versions differ")
    if len(dates) == 1:
        parts.append(f"in effect from {nice_date(next(iter(dates)))}")
    elif dates:
        parts.append("dates in effect differ")
    trees_text = ", ".join(parts)
    if len(versions) > 1 or len(dates) > 1:
        trees_text += " — see About"
    return " · ".join(x for x in (f"Guidance: {sources}" if sources else "", trees_text) if x)


def period_line(calendar: Calendar | None, day: dt.date) -> str:
    """One short line for home: the period in force on `day` and until when, else when the next
    begins ("" with no calendar). Provisional dates say so."""
    if calendar is None:
        return ""
    status = status_on(calendar, day)
    if status.in_force:
        until = max(e.period_end for e in status.in_force)
        return (
            f"Pre-election period in force until {long_date(until)}: {_elections(status.in_force)}."
        )
    if status.next is not None:
        return (
            f"No pre-election period today. The next begins "
            f"{long_date(status.next.period_start)}: {_elections((status.next,))}."
        )
    return "No pre-election period today, and none is in the calendar."


def _elections(elections: tuple[Election, ...]) -> str:
    """Their names, and "(dates provisional)" when any of their dates are."""
    names = "; ".join(e.name for e in elections)
    return names + (" (dates provisional)" if any(e.provisional for e in elections) else "")


def where(problem: Problem, folder: Path) -> str:
    """The problem's file, relative to the trees folder, with its line and column."""
    path = Path(problem.file)
    try:
        name = str(path.relative_to(folder)) if path != folder else str(folder)
    except ValueError:
        name = path.name or problem.file
    return f"{name}:{problem.line}:{problem.column}" if problem.line else name


def problem_line(problem: Problem, folder: Path) -> str:
    """file:line:column: message (hint), with the file named relative to the trees folder."""
    text = f"{where(problem, folder)}: {problem.message}"
    return f"{text} ({problem.hint})" if problem.hint else text


def unavailable(catalog: Catalog, folder: Path, most: int = 3) -> list[tuple[str, list[str]]]:
    """Each file that could not be used, with its first few blocking problems as lines."""
    out = []
    for name in sorted(catalog.failed):
        problems = sorted(p for p in catalog.failed[name] if p.blocking) or catalog.failed[name]
        lines = [problem_line(p, folder) for p in problems[:most]]
        if len(problems) > most:
            lines.append(
                f"… and {len(problems) - most} more: run 'purdah-wizard validate' to see them all"
            )
        out.append((where(Problem(name, 0, 0, ""), folder), lines))
    return out
