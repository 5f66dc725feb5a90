"""Read a folder of tree files (and its `sources/`, `questions/` and `scenarios/` subfolders) into
a Catalog."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wizard.core.catalog import Catalog, load_catalog
from wizard.core.parsed import ParsedDocuments
from wizard.core.periods import CALENDAR_FILE
from wizard.core.problems import Problem

SUFFIXES = (".yaml", ".yml")  # the files read, their names compared as the file system does
SUBFOLDERS = ("sources", "questions", "scenarios")  # a file in one belongs to the folder above
# No tree, source, shared-question or scenario file is read past this size (stated in
# trees/README.md): the largest shipped file is some tens of KB and the 10,000-node tree of the
# load benchmark (bench/tree_load.py) 2.6 MB, while a share could serve a file of gigabytes that
# would fill the memory of every terminal.
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_FILE_WORDS = "4 MB"


class LoadCancelled(Exception):
    """The load was abandoned (see wizard/library/choose.py) and stopped before its next file."""


_cancel = threading.local()


@contextmanager
def cancel_on(event: threading.Event) -> Iterator[None]:
    """Within this block, a load in this thread stops with LoadCancelled before reading its next
    file once `event` is set: how an abandoned load of a slow share is stopped."""
    previous = getattr(_cancel, "event", None)
    _cancel.event = event
    try:
        yield
    finally:
        _cancel.event = previous


def _stop_if_cancelled() -> None:
    event = getattr(_cancel, "event", None)
    if event is not None and event.is_set():
        raise LoadCancelled("the load was abandoned")


def _files(folder: Path, problems: list[Problem]) -> list[Path]:
    """The files the loader reads in `folder` (none if there is no such folder), sorted. A folder
    that cannot be listed, and a file named as if for the loader but in other case
    (new-topic.YAML), are reported in `problems`."""
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries]
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        problems.append(
            Problem(
                str(folder),
                0,
                0,
                f"cannot read the folder: {exc.strerror or exc}",
                "check that you may open the folder",
            )
        )
        return []
    out = []
    for name in sorted(names):
        path = folder / name
        if os.path.normcase(name).endswith(SUFFIXES):
            if _is_file(path, problems):
                out.append(path)
        elif name.lower().endswith(SUFFIXES):
            problems.append(never_loaded(path))
    return out


def never_loaded(path: Path) -> Problem:
    """A file the loader never reads because of the case of its suffix, with the name to give it."""
    right = path.stem + path.suffix.lower()
    return Problem(
        str(path),
        0,
        0,
        f"{path.name} will never be loaded: rename it to {right}",
        "only names ending in .yaml or .yml, in lower case, are read",
        blocking=False,
    )


def _is_file(path: Path, problems: list[Problem]) -> bool:
    """Whether `path` is a file (following a symlink); a file that cannot be looked at is
    reported."""
    try:
        return path.is_file()
    except OSError as exc:
        problems.append(_unreadable(path, exc))
        return False


def _unreadable(path: Path, exc: OSError) -> Problem:
    return Problem(
        str(path),
        0,
        0,
        f"cannot read the file: {exc.strerror or exc}",
        "check that it exists and that you may read it",
    )


def _read(paths: list[Path], problems: list[Problem]) -> Iterator[tuple[str, bytes]]:
    """Each file's name and bytes, read only as the loader comes to it, so that a cancelled load
    stops between files; files that cannot be read, or are too large, go into `problems`."""
    for path in paths:
        _stop_if_cancelled()
        data = _read_one(path, problems)
        if data is not None:
            yield str(path), data


def _read_one(path: Path, problems: list[Problem]) -> bytes | None:
    """The bytes of one file, measured (a symlink by its target) before it is read."""
    try:
        size = path.stat().st_size
        if size <= MAX_FILE_BYTES:
            data = _read_file(path)
            size = max(size, len(data))  # it may have grown since
    except OSError as exc:
        problems.append(_unreadable(path, exc))
        return None
    if size > MAX_FILE_BYTES:
        problems.append(
            Problem(
                str(path),
                0,
                0,
                f"the file is {size:,} bytes: a tree, source, shared-question or "
                f"scenario file may be at most {MAX_FILE_WORDS} ({MAX_FILE_BYTES:,} bytes), so it "
                "is not read",
                "a file this large is not a tree: check what was saved here",
            )
        )
        return None
    return data


def _read_file(path: Path) -> bytes:
    """At most one byte more than the limit: enough to tell that a file is too large."""
    with path.open("rb") as f:
        return f.read(MAX_FILE_BYTES + 1)


def _not_a_folder(folder: Path) -> Problem | None:
    """Why `folder` cannot be loaded as a folder (none, or it cannot be looked at), or None."""
    try:
        if folder.is_dir():
            return None
    except OSError as exc:
        return Problem(
            str(folder),
            0,
            0,
            f"cannot read the folder: {exc.strerror or exc}",
            "check that you may open the folder and the folders above it",
        )
    return Problem(
        str(folder),
        0,
        0,
        "no such folder of trees",
        "give the folder that holds the .yaml tree files",
    )


def load_folder(
    folder: Path, scenarios: bool = True, parsed: ParsedDocuments | None = None
) -> Catalog:
    """Every tree in `folder`, every source in `folder/sources`, every shared question in
    `folder/questions`, the calendar of elections (`folder/calendar.yaml`) and every training
    scenario in `folder/scenarios`. Never raises for bad files; a bad scenario or calendar never
    stops a tree loading.

    `scenarios=False` leaves the scenarios for `load_scenarios` (the window reads them after its
    first screen is up: only the trainer uses them). `parsed`: trees and sources parsed before
    (wizard/library/cache.py), which are not parsed again (shared questions and scenarios too)."""
    problems: list[Problem] = []
    missing = _not_a_folder(folder)
    if missing is not None:
        cat = Catalog()
        cat.problems.append(missing)
        return cat
    files = _files(folder, problems)
    calendar = [f for f in files if f.name == CALENDAR_FILE]
    trees = _read([f for f in files if f not in calendar], problems)
    sources = _read(_files(folder / "sources", problems), problems)
    questions = _read(_files(folder / "questions", problems), problems)
    cat = load_catalog(
        trees, sources, parsed, questions, calendar=next(iter(_read(calendar, problems)), None)
    )
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
    scenario_files = _files(folder / "scenarios", scenario_problems)
    add_scenarios(cat, _read(scenario_files, scenario_problems), parsed)
    cat.problems.extend(scenario_problems)
    for p in scenario_problems:
        cat.failed_scenarios.setdefault(p.file, []).append(p)


def folder_of(path: Path) -> Path:
    """The tree folder a single file belongs to (a source file lives in its `sources/`, a
    shared question in its `questions/`, a scenario in its `scenarios/`)."""
    parent = path.parent
    return parent.parent if parent.name in SUBFOLDERS else parent
