"""`purdah-wizard --self-test`: prove that this copy of the program works, one line per check.

Run on a terminal after installing (or by CI on the frozen build) it loads and checks the trees
and scenarios, checks every path on the map of each tree and walks every answer, and exercises
the parts a frozen build can lose (fonts, style sheets, Qt plugins, the PDF engine, SQLite for
the records, the window). Exit 0 only if no check failed.

A check is a function registered with `@check(...)`: it returns one line saying what it proved,
raises `CheckFailed` with one line saying what is wrong, or raises `Skip` when the feature it
tests is not in this build. A skip fails the run when the check is `required` (every check here
is: a build without the window or the PDF is not a program a terminal can run).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wizard import __version__
from wizard.core.catalog import Catalog
from wizard.core.paths import TreePath, count_paths, covering_paths, longest_path
from wizard.core.transcript import Transcript
from wizard.core.walk import Walk
from wizard.library.cache import CACHE_NAME, read_cache
from wizard.library.choose import TreeSource, choose_trees, requested_folder
from wizard.library.folder import load_folder
from wizard.library.locations import bundled_trees, is_frozen, resources

PASS, FAIL, SKIP = "PASS", "FAIL", "SKIP"
EXIT_OK, EXIT_FAILED = 0, 1
WINDOW_TIMEOUT_MS = 20_000


class CheckFailed(Exception):
    """A check found something wrong; the message is its one line."""


class Skip(Exception):
    """The feature a check tests is not in this build; the message says which."""


@dataclass
class Context:
    """What the checks share: the options, the trees, the transcripts walked, a scratch folder."""

    args: argparse.Namespace
    bundled: Path
    scratch: Path
    transcripts: list[Transcript] = field(default_factory=list)
    _source: TreeSource | None = None
    _setting: str | None = None

    @property
    def trees_setting(self) -> str:
        """The window's trees/folder setting on this computer, "" if none (or no Qt to read it)."""
        if self._setting is None:
            self._setting = _saved_trees_folder()
        return self._setting

    @property
    def source(self) -> TreeSource:
        """The trees the window would load with these options (loaded once): --trees, the
        window's setting, then PURDAH_WIZARD_TREES, as wizard/gui/app.run chooses them."""
        if self._source is None:
            self._source = choose_trees(
                getattr(self.args, "trees", None), self.trees_setting, bundled=self.bundled
            )
        return self._source

    @property
    def catalog(self) -> Catalog:
        return self.source.catalog

    def qt_app(self) -> Any:
        """The QApplication, created offscreen if none exists, so that no window flashes up.

        An explicit QT_QPA_PLATFORM wins, e.g. `QT_QPA_PLATFORM=xcb` to try the real platform.
        """
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is None:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            app = QApplication(["purdah-wizard", "--self-test"])
        return app


CheckFunc = Callable[[Context], str]


@dataclass(frozen=True)
class Check:
    name: str
    run: CheckFunc
    needs: str = ""  # a module this check needs; without it the check is skipped
    required: bool = True  # if False, a skip does not fail the self-test


@dataclass(frozen=True)
class Result:
    name: str
    status: str
    line: str
    seconds: float


CHECKS: list[Check] = []


def check(name: str, needs: str = "", required: bool = True) -> Callable[[CheckFunc], CheckFunc]:
    """Register a check, in the order checks run."""

    def register(func: CheckFunc) -> CheckFunc:
        CHECKS.append(Check(name, func, needs, required))
        return func

    return register


# -- the checks
@check("bundled trees")
def check_bundled_trees(ctx: Context) -> str:
    """The trees shipped with the program load with no problem at all."""
    if not ctx.bundled.is_dir():
        raise CheckFailed(f"no trees folder at {ctx.bundled}: this build ships no trees")
    cat = load_folder(ctx.bundled)
    if cat.problems:
        first = sorted(cat.problems)[0]
        raise CheckFailed(f"{len(cat.problems)} problem(s) in {ctx.bundled}; first: {first}")
    if not cat.trees:
        raise CheckFailed(f"no trees in {ctx.bundled}")
    shared = f", {len(cat.questions)} shared question(s)" if cat.questions else ""
    return (
        f"{len(cat.trees)} tree(s) and {len(cat.sources)} source(s){shared} in "
        f"{ctx.bundled}: no problems"
    )


@check("start-up cache", required=is_frozen())
def check_parsed_trees(ctx: Context) -> str:
    """The bundled trees' parsed cache (wizard/library/cache.py), which the window starts from,
    holds every tree, source, shared question and scenario and reads back exactly as parsing
    them does. Required when frozen (the build writes it); from source it is written when the
    window first starts."""
    parsed = read_cache(ctx.bundled)
    if not parsed.entries:
        raise Skip(f"no usable {CACHE_NAME} beside the trees in {ctx.bundled}")
    fresh, cached = load_folder(ctx.bundled), load_folder(ctx.bundled, parsed=parsed)
    if parsed.added:
        stale = f"{CACHE_NAME} lacks {parsed.added} file(s): they are parsed at every start"
        if not is_frozen():  # from source: a tree edited since the window last started
            raise Skip(f"{stale} until the window next starts and rewrites it")
        raise CheckFailed(stale)
    same = (
        cached.trees == fresh.trees
        and cached.sources == fresh.sources
        and cached.questions == fresh.questions
        and cached.scenarios == fresh.scenarios
        and sorted(cached.problems) == sorted(fresh.problems)
    )
    if not same:
        raise CheckFailed(f"{CACHE_NAME} reads back differently from the trees: rebuild")
    return f"{len(parsed.used)} file(s) read from {CACHE_NAME}, the same as parsing them"


@check("trees in use")
def check_trees_in_use(ctx: Context) -> str:
    """A trees folder set by --trees, the window's setting or PURDAH_WIZARD_TREES is usable (else
    the window would fall back to the bundled trees)."""
    source = ctx.source
    request = requested_folder(getattr(ctx.args, "trees", None), ctx.trees_setting)
    if request is None:
        return "the bundled trees (no other folder is set)"
    if source.fell_back:
        raise CheckFailed(source.notice)
    warnings = len(source.catalog.problems)
    extra = f", {warnings} warning(s): run `validate` on it" if warnings else ""
    return f"{len(source.catalog.trees)} tree(s) from {source.folder} ({request.origin}){extra}"


@check("scenarios")
def check_scenarios(ctx: Context) -> str:
    """Every training scenario validates (answers exist, the expected verdict is reached)."""
    scenarios, failed = ctx.catalog.scenarios, ctx.catalog.failed_scenarios
    if failed:
        first = sorted(p for problems in failed.values() for p in problems)[0]
        raise CheckFailed(f"{len(failed)} scenario file(s) fail; first: {first}")
    if not scenarios:
        return f"none in {ctx.source.folder / 'scenarios'}"
    return f"{len(scenarios)} scenario(s) reach their expected verdicts"


@check("every path")
def check_every_path(ctx: Context) -> str:
    """Every path of every tree ends at an outcome, checked on the map of questions and answers
    (a tree's paths can number millions): walks that take every answer at least once, and each
    tree's longest walk, reach their outcomes; their transcripts survive a JSON round trip."""
    cat = ctx.catalog
    if not cat.trees:
        raise CheckFailed("no trees to walk")
    paths = walks = 0
    covered: set[tuple[tuple[str, str], str]] = set()
    for tree in cat.sorted_trees():
        paths += count_paths(cat, tree.id)
        for path in [*covering_paths(cat, tree.id, covered), longest_path(cat, tree.id)]:
            ctx.transcripts.append(_walk_path(cat, tree.id, path))
            walks += 1
    return (
        f"{paths:,} path(s) in {len(cat.trees)} tree(s) end at an outcome (counted on the "
        f"map, not walked one by one): {walks:,} walk(s) take each of the {len(covered):,} "
        "answer(s) at least once; every transcript round-trips through JSON"
    )


def _walk_path(cat: Catalog, tree_id: str, path: TreePath) -> Transcript:
    """Walk `path` as the window would and return its transcript; CheckFailed if the walk stops
    short, ends elsewhere, or its transcript changes in a JSON round trip."""
    answers = ", ".join(f"{s.question.id}={s.answer.id}" for s in path.steps)
    where = f"{tree_id} ({answers})"
    if path.outcome is None:
        raise CheckFailed(f"{tree_id}: a path stops short: {path.broken} ({answers})")
    walk = Walk(cat, tree_id)
    for step in path.steps:
        walk.answer(step.answer.id)
    if walk.outcome is None or walk.position != (path.tree_id, path.outcome.id):
        raise CheckFailed(
            f"{where}: the walk ended at {walk.position}, not at the outcome {path.outcome.id}"
        )
    transcript = walk.transcript()
    if Transcript.from_json(transcript.to_json()) != transcript:
        raise CheckFailed(f"{where}: the transcript changed in a JSON round trip")
    return transcript


TTF_MAGIC = (b"\x00\x01\x00\x00", b"true", b"OTTO")


def resource_files() -> list[str]:
    """Every file in resources/ the program reads, named by the modules that read them."""
    from wizard.export.fonts import FONT_FILES
    from wizard.gui.app import ICON
    from wizard.gui.theme import STYLES, THEMES

    return [
        *(f"fonts/{f}" for f in FONT_FILES),
        "fonts/LICENSE-DejaVu.txt",
        f"icons/{ICON}",
        "icons/app.ico",  # the window's icon, the Windows .exe's
        *(f"styles/{f}" for f in (*STYLES, *THEMES.values())),
    ]


@check("resources")
def check_resources(ctx: Context) -> str:
    """The fonts, their licence, the icons and the window's style sheets are shipped whole."""
    root = resources()
    names = resource_files()
    missing = [name for name in names if not _nonempty(root / name)]
    if missing:
        raise CheckFailed(f"missing from {root}: {', '.join(missing)}")
    for name in names:
        if name.endswith(".ttf") and (root / name).read_bytes()[:4] not in TTF_MAGIC:
            raise CheckFailed(f"{root / name} is not a TrueType font")
    return f"{len(names)} files in {root}"


@check("qt and font", needs="PySide6.QtWidgets")
def check_qt(ctx: Context) -> str:
    """Qt starts (its platform plugin is present) and uses the bundled font."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

    from wizard.export.fonts import FALLBACK_FAMILY, register_fonts

    app = ctx.qt_app()
    family = register_fonts()
    if family != FALLBACK_FAMILY or family not in QFontDatabase.families():
        raise CheckFailed(f"the bundled font did not load (Qt offers {family!r})")
    used = QFontInfo(QFont(family)).family()
    if used != family:
        raise CheckFailed(f"Qt substitutes {used!r} for {family!r}")
    return f"Qt {_qt_version()} on '{app.platformName()}' with the font {family}"


@check("pdf", needs="wizard.export.pdf")
def check_pdf(ctx: Context) -> str:
    """The longest walk saves as a PDF in a temporary folder, through the export the window uses."""
    from wizard.export.pdf import write_reasoning_pdf

    if not ctx.transcripts:
        raise CheckFailed("no walk to save (the path check found none)")
    ctx.qt_app()
    transcript = max(ctx.transcripts, key=lambda t: len(t.steps))
    target = ctx.scratch / "self-test.pdf"
    write_reasoning_pdf(target, transcript)
    data = target.read_bytes() if target.is_file() else b""
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise CheckFailed(f"{target} is not a whole PDF ({len(data)} bytes)")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    return f"{len(transcript.steps)}-step walk saved as a PDF of {len(data):,} bytes" + (
        f", {pages} page(s)" if pages else ""
    )


@check("records", needs="wizard.records")
def check_records(ctx: Context) -> str:
    """An advice record saves, is found by search and verifies, in a temporary records file (the
    frozen SQLite must have what the records use)."""
    from wizard.records.model import Record, cited_guidance
    from wizard.records.search import Query, search
    from wizard.records.store import RecordStore
    from wizard.records.verify import verify

    if not ctx.transcripts:
        raise CheckFailed("no walk to record (the path check found none)")
    transcript = max(ctx.transcripts, key=lambda t: len(t.steps))
    record = Record(
        supervisor_name="Self-test Łukasz",
        advice="Self-test: nothing was advised.",
        situation="selftest",
        transcript=transcript,
        powers_and_policy=cited_guidance(transcript),
    )
    with RecordStore(ctx.scratch / "self-test-records.sqlite3") as store:
        saved = store.add(record)
        found = [r.id for r in search(store, Query(text="Łukasz"))]
        checked = verify(store)
        fts = store.has_fts
    if found != [saved.id]:
        raise CheckFailed(f"record {saved.id} was saved but a search found {found}")
    if not checked.ok:
        raise CheckFailed(f"the record does not verify: {checked.problem}")
    return (
        f"record {saved.id} saved, found by search ({'FTS5' if fts else 'a scan: no FTS5'}),"
        " its hash verifies"
    )


@check("records server driver", needs="wizard.records.server")
def check_server_driver(ctx: Context) -> str:
    """psycopg and its libpq load, with TLS, as a force's records server needs; nothing is
    opened. The frozen build prunes modules, and the driver is imported only when a server is
    configured, so without this check a pruned one would first fail on a supervisor's sync."""
    from wizard.records.server.connect import driver

    psycopg = driver()  # raises, naming the driver, if psycopg or its libpq cannot load
    if psycopg.pq.__impl__ not in ("binary", "c"):
        raise CheckFailed(
            f"psycopg loaded its {psycopg.pq.__impl__} libpq wrapper, not the binary one"
        )
    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}), libpq {psycopg.pq.version()}"


def open_window(args: argparse.Namespace) -> Any:
    """Show the window as the program does with no command, without running its event loop (the
    window check's seam): the window, or None if it cannot open (a line on stderr says why)."""
    from wizard.gui.app import show_window

    return show_window(getattr(args, "trees", None))


@check("window", needs="wizard.gui")
def check_window(ctx: Context) -> str:
    """The main window opens offscreen and closes again."""
    from PySide6.QtCore import QEventLoop, QTimer

    app = ctx.qt_app()
    shown: list[str] = []
    started = time.monotonic()
    # The window runs in a local event loop rather than QApplication.exec(): once exec() has
    # returned, Qt treats the application as closing down (no window is activated any more),
    # which would spoil whatever runs after the self-test in the same process, such as a test.
    loop = QEventLoop()

    def close_when_shown() -> None:
        windows = [w for w in app.topLevelWidgets() if w.isVisible()]
        if windows:
            shown.extend(w.windowTitle() or type(w).__name__ for w in windows)
            for w in windows:
                w.close()
            loop.quit()
        elif (time.monotonic() - started) * 1000 > WINDOW_TIMEOUT_MS:
            loop.quit()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(close_when_shown)
    timer.start()
    try:
        window = open_window(ctx.args)
        if window is not None:  # the window is shown: run it until the timer closes it
            loop.exec()
        close_when_shown()  # a window shown some other way, or none at all
    finally:
        timer.stop()
    if not shown:
        raise CheckFailed(f"no window was shown within {WINDOW_TIMEOUT_MS // 1000} seconds")
    return f"opened and closed {shown[0]!r}"


# -- running them
def run_checks(checks: list[Check], ctx: Context) -> Iterator[Result]:
    """Run each check in turn; a crash is a failure of that check, never of the run."""
    for c in checks:
        start = time.perf_counter()
        try:
            if c.needs and not _importable(c.needs):
                raise Skip(f"not in this build ({c.needs} is missing)")
            status, line = PASS, c.run(ctx)
        except Skip as exc:
            status, line = (FAIL, f"required, but {exc}") if c.required else (SKIP, str(exc))
        except CheckFailed as exc:
            status, line = FAIL, str(exc)
        except Exception as exc:
            status, line = FAIL, f"{type(exc).__name__}: {_first_line(exc)}"
        yield Result(c.name, status, line, time.perf_counter() - start)


def format_result(r: Result, width: int) -> str:
    return f"{r.status}  {r.name:<{width}}  {r.line}  ({r.seconds:.2f} s)"


def summary(results: list[Result]) -> str:
    counts = {s: sum(r.status == s for r in results) for s in (PASS, FAIL, SKIP)}
    how = "frozen" if is_frozen() else "from source"
    verdict = "all checks passed" if not counts[FAIL] else "FAILED"
    return (
        f"self-test: {verdict}: {counts[PASS]} passed, {counts[FAIL]} failed, "
        f"{counts[SKIP]} skipped (purdah-wizard {__version__}, {how})"
    )


def run_self_test(
    args: argparse.Namespace, checks: list[Check] | None = None, bundled: Path | None = None
) -> int:
    """Print one line per check and a summary; 0 if no check failed, else 1."""
    checks = CHECKS if checks is None else checks
    width = max((len(c.name) for c in checks), default=0)
    results = []
    with _scratch() as scratch:
        ctx = Context(args, bundled_trees() if bundled is None else bundled, scratch)
        for r in run_checks(checks, ctx):
            results.append(r)
            print(format_result(r, width), flush=True)
    print(summary(results), flush=True)
    return EXIT_FAILED if any(r.status == FAIL for r in results) else EXIT_OK


@contextmanager
def _scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="purdah-wizard-self-test-") as name:
        yield Path(name)


def _saved_trees_folder() -> str:
    """The window's trees/folder setting; "" where this build has no Qt to read it with."""
    if not _importable("PySide6.QtCore"):
        return ""
    from wizard.gui.settings import saved_trees_folder

    return saved_trees_folder()


def _importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _nonempty(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else "(no message)"


def _qt_version() -> str:
    from PySide6.QtCore import qVersion

    return qVersion()
