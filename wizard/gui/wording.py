"""The sentences the screens build from the catalog: dates, versions, problems. No Qt here."""

from __future__ import annotations

from pathlib import Path

from wizard.core.catalog import Catalog
from wizard.core.problems import Problem
from wizard.textreport import human_date as nice_date

APP_NAME = "Purdah Wizard"
PURPOSE = ("During the pre-election period, may I do this? Answer a few plain questions to see "
           "what the guidance says.")
DOUBT = "If in doubt, don't do it."
START_TREE = "start"


def guidance_lines(catalog: Catalog) -> list[str]:
    """Which guidance is loaded, and each topic's version and the date it took effect."""
    lines = []
    for s in sorted(catalog.sources.values(), key=lambda s: s.title.lower()):
        dated = f", dated {nice_date(s.date)}" if s.date else ""
        lines.append(f"Guidance: {s.citation()}{dated}.")
    versions = [f"{t.title} {t.version} (from {nice_date(t.effective)})"
                for t in catalog.sorted_trees() if t.id != START_TREE]
    if versions:
        lines.append("Topic versions: " + "; ".join(versions) + ".")
    return lines


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
            lines.append(f"… and {len(problems) - most} more: run 'purdah-wizard validate' to see "
                         "them all")
        out.append((where(Problem(name, 0, 0, ""), folder), lines))
    return out
