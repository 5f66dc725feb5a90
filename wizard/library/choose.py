"""Choose the folder of trees the program uses: another folder if one is set and sound, else the
bundled trees, with a notice saying why when a folder that was asked for could not be used.

A force's policy team may keep the current trees on a share. That share can be unreachable (the
network is down, the terminal is offline) or hold a broken edit; the terminal must still answer,
so it falls back to the trees that came with the program and says so on screen (GUI) or on
stderr (command line).

Which folder is asked for, first match wins: the `--trees DIR` option, the window's setting
`trees/folder` (wizard/gui/settings.py; the caller passes its value), then the environment
variable PURDAH_WIZARD_TREES (set by IT for a whole machine).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from wizard.core.catalog import Catalog
from wizard.core.problems import printable
from wizard.library.folder import cancel_on, load_folder
from wizard.library.locations import bundled_trees

ENV_VAR = "PURDAH_WIZARD_TREES"
# An unreachable network share can block a file call for a long time (SMB waits ~20 s or more on
# Windows); past this many seconds the folder counts as unreachable.
LOAD_TIMEOUT = 10.0


@dataclass(frozen=True)
class Request:
    """A trees folder someone asked for, and who asked (for the notice)."""

    folder: Path
    origin: str  # "--trees", "the setting" or the environment variable's name


@dataclass(frozen=True)
class TreeSource:
    """The trees in use: where they came from, and a notice if a requested folder was refused."""

    folder: Path
    catalog: Catalog
    requested: Request | None = None
    notice: str = ""  # empty unless the requested folder could not be used

    @property
    def fell_back(self) -> bool:
        return bool(self.notice)


Loader = Callable[[Path], Catalog]


def requested_folder(
    option: str | None = None, setting: str | None = None, env: Mapping[str, str] | None = None
) -> Request | None:
    """The folder asked for by the option, the setting or the environment, in that order."""
    env = os.environ if env is None else env
    for value, origin in (
        (option, "--trees"),
        (setting, "the setting"),
        (env.get(ENV_VAR), ENV_VAR),
    ):
        if value and value.strip():
            return Request(Path(value.strip()).expanduser(), origin)
    return None


def choose_trees(
    option: str | None = None,
    setting: str | None = None,
    env: Mapping[str, str] | None = None,
    bundled: Path | None = None,
    load: Loader = load_folder,
    timeout: float = LOAD_TIMEOUT,
    load_bundled: Loader | None = None,
) -> TreeSource:
    """Load the requested folder if it is usable, else the bundled trees with a notice.

    A requested folder is loaded whole with `load`, since all of it decides whether it is used;
    the bundled trees with `load_bundled` if given (the window leaves their scenarios for later).
    """
    bundled = bundled_trees() if bundled is None else bundled
    load_bundled = load if load_bundled is None else load_bundled
    request = requested_folder(option, setting, env)
    if request is None or _same(request.folder, bundled):
        return TreeSource(bundled, load_bundled(bundled), request)
    catalog, reason = _load_within(request.folder, load, timeout)
    if catalog is not None:
        unusable = unusable_reason(catalog)
        if unusable is None:
            return TreeSource(request.folder, catalog, request)
        reason = unusable
    notice = (
        f"The trees folder {request.folder} (from {request.origin}) could not be used: "
        f"{reason}. The trees that came with the program are used instead."
    )
    return TreeSource(bundled, load_bundled(bundled), request, notice)


def folder_problem(
    folder: Path, load: Loader = load_folder, timeout: float = LOAD_TIMEOUT
) -> str | None:
    """Why `folder` could not be used as the trees folder (unreachable, unreadable, a blocking
    problem, no trees), or None if the window would use it; for checking a choice before it is
    saved."""
    catalog, reason = _load_within(folder, load, timeout)
    return reason if catalog is None else unusable_reason(catalog)


def unusable_reason(catalog: Catalog) -> str | None:
    """Why a loaded folder must not be used (a blocking problem, or no trees), or None.

    A scenario's problems never count: a broken scenario only drops out of trainer mode; nor do
    the calendar's: a broken calendar only leaves the period unknown."""
    apart = {*catalog.failed_scenarios.keys(), catalog.calendar_file}
    blocking = [p for p in catalog.problems if p.blocking and p.file not in apart]
    if blocking:
        first = blocking[0]
        more = f" (and {len(blocking) - 1} more)" if len(blocking) > 1 else ""
        where = printable(f"{first.file}:{first.line}" if first.line else first.file)
        return f"{where}: {first.message}{more}"
    if not catalog.trees:
        return "it holds no trees"
    return None


def _load_within(folder: Path, load: Loader, timeout: float) -> tuple[Catalog | None, str]:
    """Load in a daemon thread so that a hung share cannot freeze start-up. A load abandoned
    after `timeout` is cancelled: it stops before the next file (wizard/library/folder.py)."""
    result: list[Catalog] = []
    errors: list[BaseException] = []
    abandoned = threading.Event()

    def work() -> None:
        try:
            if not folder.is_dir():
                errors.append(FileNotFoundError("not found, or the share is offline"))
                return
            with cancel_on(abandoned):
                result.append(load(folder))
        except Exception as exc:  # an unexpected failure is a reason to fall back, not to crash
            errors.append(exc)

    worker = threading.Thread(target=work, name="load-trees", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        abandoned.set()
    if result:
        return result[0], ""
    if errors:
        if isinstance(errors[0], FileNotFoundError):
            return None, f"it cannot be reached ({errors[0]})"
        return None, f"it could not be read ({errors[0]})"
    return None, f"it did not answer within {timeout:g} seconds"


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
