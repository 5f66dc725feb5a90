"""Read a folder of tree files (and its `sources/`, `questions/` and `scenarios/` subfolders) into
a Catalog."""

from __future__ import annotations

from pathlib import Path

from wizard.core.catalog import Catalog, load_catalog
from wizard.core.parsed import ParsedDocuments
from wizard.core.problems import Problem

PATTERNS = ("*.yaml", "*.yml")
SUBFOLDERS = ("sources", "questions", "scenarios")  # a file in one belongs to the folder above


def _files(folder: Path) -> list[Path]:
    return sorted(p for pattern in PATTERNS for p in folder.glob(pattern) if p.is_file())


def _read(paths: list[Path], problems: list[Problem]) -> list[tuple[str, bytes]]:
    out = []
    for p in paths:
        try:
            out.append((str(p), p.read_bytes()))
        except OSError as exc:
            problems.append(Problem(str(p), 0, 0, f"cannot read the file: {exc.strerror}",
                                    "check that it exists and that you may read it"))
    return out


def load_folder(folder: Path, scenarios: bool = True,
                parsed: ParsedDocuments | None = None) -> Catalog:
    """Every tree in `folder`, every source in `folder/sources`, every shared question in
    `folder/questions` and every training scenario in `folder/scenarios`. Never raises for bad
    files; a bad scenario never stops a tree loading.

    `scenarios=False` leaves the scenarios for `load_scenarios` (the window reads them after its
    first screen is up: only the trainer uses them). `parsed`: trees and sources parsed before
    (wizard/treecache.py), which are not parsed again (shared questions and scenarios too)."""
    problems: list[Problem] = []
    if not folder.is_dir():
        cat = Catalog()
        cat.problems.append(Problem(str(folder), 0, 0, "no such folder of trees",
                                    "give the folder that holds the .yaml tree files"))
        return cat
    trees = _read(_files(folder), problems)
    sources = _read(_files(folder / "sources"), problems)
    questions = _read(_files(folder / "questions"), problems)
    cat = load_catalog(trees, sources, parsed, questions)
    cat.problems.extend(problems)
    for p in problems:
        cat.failed.setdefault(p.file, []).append(p)
    if scenarios:
        load_scenarios(cat, folder, parsed)
    return cat


def load_scenarios(cat: Catalog, folder: Path, parsed: ParsedDocuments | None = None) -> None:
    """Add the training scenarios in `folder/scenarios`, checked against the catalog's trees."""
    from wizard.core.scenarios import add_scenarios  # with the walk: not needed for trees alone

    scenario_problems: list[Problem] = []
    add_scenarios(cat, _read(_files(folder / "scenarios"), scenario_problems), parsed)
    cat.problems.extend(scenario_problems)
    for p in scenario_problems:
        cat.failed_scenarios.setdefault(p.file, []).append(p)


def folder_of(path: Path) -> Path:
    """The tree folder a single file belongs to (a source file lives in its `sources/`, a
    shared question in its `questions/`, a scenario in its `scenarios/`)."""
    parent = path.parent
    return parent.parent if parent.name in SUBFOLDERS else parent
