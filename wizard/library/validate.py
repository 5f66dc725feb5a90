"""What `validate` checks for each path it is given: a folder of trees or one tree file, and
never "OK" for something it did not check (an empty folder, a file that is not a tree, a tree
named so that the loader never reads it)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from wizard.core.catalog import Catalog
from wizard.core.paths import path_warning
from wizard.core.problems import Problem
from wizard.library.folder import SUFFIXES, folder_of, load_folder, never_loaded
from wizard.library.history import version_problems


@dataclass
class Report:
    """Everything found in the targets: problems (exit 1), warnings, and what was checked."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    trees: int = 0
    sources: int = 0
    questions: int = 0
    scenarios: int = 0

    def add(self, cat: Catalog) -> None:
        self.trees += len(cat.trees)
        self.sources += len(cat.sources)
        self.questions += len(cat.questions)
        self.scenarios += len(cat.scenarios)


def validate_targets(targets: list[Path]) -> Report:
    """Check each folder or file; a file is checked with the folder it belongs to."""
    report = Report()
    for target in targets:
        kind = _kind(target)
        if isinstance(kind, Problem):
            report.problems.append(kind)
        elif kind == "file":
            _check_file(target, report)
        else:
            _check_folder(target, report)
    return report


def _kind(target: Path) -> str | Problem:
    """ "file" or "folder" (a missing folder too: the loader says so), or why it cannot be told."""
    try:
        if target.is_file():
            return "file"
        if os.path.normcase(target.name).endswith(SUFFIXES) and not target.exists():
            return Problem(str(target), 0, 0, "no such file", "check the name and the folder")
        return "folder"
    except OSError as exc:
        return Problem(
            str(target),
            0,
            0,
            f"cannot read it: {exc.strerror or exc}",
            "check that you may open the folders above it",
        )


def _check_file(target: Path, report: Report) -> None:
    """One tree, source, shared-question or scenario file; a file the loader would never read
    is named as such, and not read."""
    if not os.path.normcase(target.name).endswith(SUFFIXES):
        report.problems.append(not_a_tree_file(target))
        return
    cat = load_folder(folder_of(target))
    report.add(cat)
    report.problems += [p for p in cat.problems if Path(p.file) == target]
    report.problems += [
        p for p in version_problems(folder_of(target), cat) if Path(p.file) == target
    ]
    report.warnings += [w for w in _warnings(cat) if Path(w.file) == target]


def not_a_tree_file(target: Path) -> Problem:
    """Why a file given to `validate` is not checked: its name is not one the loader reads."""
    if target.name.lower().endswith(SUFFIXES):
        return never_loaded(target)
    return Problem(
        str(target),
        0,
        0,
        f"{target.name} is not a tree file (.yaml)",
        "give a .yaml file of trees/, or the folder that holds them",
    )


def _check_folder(target: Path, report: Report) -> None:
    """A folder of trees with its sources/, questions/ and scenarios/."""
    cat = load_folder(target)
    report.add(cat)
    report.problems += cat.problems
    report.problems += version_problems(target, cat)  # a published version changed (history/)
    report.warnings += _warnings(cat)
    if not cat.trees and not cat.problems:
        report.problems.append(
            Problem(
                str(target),
                0,
                0,
                f"no trees found in {target}",
                "a folder of trees holds .yaml tree files, with their guidance in sources/",
            )
        )


def _warnings(cat: Catalog) -> list[Problem]:
    """What an author should know that is no error: a tree with more paths than can be read."""
    found = (path_warning(cat, tree.id) for tree in cat.sorted_trees())
    return [w for w in found if w is not None]


def warning_line(w: Problem) -> str:
    """A warning as printed: file:line:column: warning: message (hint: ...)."""
    return str(replace(w, message=f"warning: {w.message}"))
