"""Every key press answered within a frame (issue 15): from a step to the next screen painted.

    .venv/bin/python bench/steps.py [--rounds 2] [--records out/bench/records.sqlite3]

Offscreen, in one process, the window at 1280x960. Every path through the shipped trees is walked
as `MainWindow.answer()` calls; at each outcome Back, the answer again, Change (the first answer)
and Start again are timed too. Each step is timed from just before the call (after a Shift key
press, untimed, which the idle watch sees as it sees the key that makes a step) until the window
has painted the screen it leads to (the end of the last paint Qt makes for it; the window's own
event loop runs, with the idle watch and everything else the program has). The floor: a window with
the same style sheet switching a QStackedWidget between two prebuilt pages, each holding the
labels (texts and roles) that the screen shows. Then the same at the largest text size in high
contrast, trainer Present's next slide, and the records window per keystroke (if the file
bench/records_bench.py makes exists), timed to its first paint (the new list), with the window's
thread's CPU time to it. Settings go to a temporary folder, never the user's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wizard.core.paths import all_paths  # noqa: E402
from wizard.gui import app as gui_app  # noqa: E402
from wizard.gui.settings import TEXT_SIZES  # noqa: E402
from wizard.gui.widgets import label  # noqa: E402
from wizard.library.folder import load_folder  # noqa: E402

Step = tuple[str, Callable[[], object]]  # what kind of step, and the call that makes it


class PaintClock(QObject):
    """Times from `start()` to the end of the last paint of a window since then.

    Qt paints a window when it handles the UpdateRequest its widgets post; this filter (on the
    window only, so it sees few events) handles it itself and notes the time once it is done.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.t0 = 0.0
        self.t1: float | None = None
        self.first: float | None = None  # the end of the first paint since `start()`
        self.c0 = 0.0  # this thread's CPU time at `start()`, and at the end of the first paint:
        self.cpu: float | None = None  # the work itself, whatever else the machine is doing
        self.paints = 0
        window.installEventFilter(self)

    def start(self) -> None:
        self.t0, self.t1, self.first, self.paints = time.perf_counter(), None, None, 0
        self.c0, self.cpu = time.thread_time(), None

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:
        if obj is self.window and e.type() == QEvent.Type.UpdateRequest:
            self.window.event(e)  # paint now, to know when it is done
            self.t1 = time.perf_counter()
            if self.first is None:
                self.first, self.cpu = self.t1, time.thread_time()
            self.paints += 1
            return True
        return False

    def elapsed_ms(self) -> float | None:
        return None if self.t1 is None else (self.t1 - self.t0) * 1000

    def first_ms(self) -> float | None:
        return None if self.first is None else (self.first - self.t0) * 1000

    def cpu_ms(self) -> float | None:
        """The window's thread's CPU time from `start()` to the end of the first paint."""
        return None if self.cpu is None else (self.cpu - self.c0) * 1000


def press_shift() -> None:
    """A key press and release on whatever has the focus: a step is made by a key, and the
    program's idle watch sees every key (a bare Shift, so that it does nothing else)."""
    target = QApplication.focusWidget()
    if target is not None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                target, QKeyEvent(kind, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)
            )


def run_steps(
    app: QApplication,
    clock: PaintClock,
    steps: Iterable[Step],
    pause_ms: int = 60,
    first: list[tuple[str, float]] | None = None,
    cpu: list[tuple[str, float]] | None = None,
) -> list[tuple[str, float]]:
    """Make each step from the event loop, `pause_ms` apart (several a second, as an officer
    types), and time it to its last paint; with `first`, the time to its first paint is added
    to that list too, and with `cpu` the window's thread's CPU time to it."""
    out: list[tuple[str, float]] = []
    todo = iter(steps)
    unpainted: list[str] = []

    def next_step() -> None:
        step = next(todo, None)
        if step is None:
            app.exit(0)  # not quit(): that closes every window
            return
        kind, action = step
        press_shift()  # the key that makes the step, as the idle watch sees it (untimed)
        clock.start()
        action()
        QTimer.singleShot(pause_ms, lambda: done(kind))

    def done(kind: str) -> None:
        app.processEvents()  # anything the step still had queued, painted and timed too
        ms, first_ms = clock.elapsed_ms(), clock.first_ms()
        if ms is None:
            unpainted.append(kind)
        else:
            out.append((kind, ms))
        if first is not None and first_ms is not None:
            first.append((kind, first_ms))
        cpu_ms = clock.cpu_ms()
        if cpu is not None and cpu_ms is not None:
            cpu.append((kind, cpu_ms))
        next_step()

    QTimer.singleShot(0, next_step)
    app.exec()
    if unpainted:
        print(
            f"  (nothing to paint, left out: {len(unpainted)} steps: {sorted(set(unpainted))}; "
            "e.g. a topic started again on the question already on screen)"
        )
    return out


# -- the program's window
def walk_steps(window, catalog, per_tree: int) -> Iterable[Step]:
    """`per_tree` paths of every shipped tree, spread over its list: their answers, then at the
    outcome Back, the answer again, Change (the first answer), and Start again."""
    for tree_id in sorted(catalog.trees):
        paths = [p for p in all_paths(catalog, tree_id) if p.outcome is not None and p.steps]
        for path in paths[:: max(1, len(paths) // per_tree)][:per_tree]:
            yield "start", lambda t=tree_id: window.start_topic(t)
            for i, step in enumerate(path.steps):
                last = i == len(path.steps) - 1
                yield (
                    "answer → outcome" if last else "answer → question",
                    lambda a=step.answer.id: window.answer(a),
                )
            yield "Back", window.go_back
            yield "answer → outcome", lambda a=path.steps[-1].answer.id: window.answer(a)
            yield "Change", lambda: window.change(0)
            yield "Start again", window.restart


def shown_labels(page: QWidget) -> list[tuple[str, str, bool]]:
    """The labels a screen shows: text, role, rich or not."""
    return [
        (w.text(), str(w.property("role") or ""), w.textFormat().name == "RichText")
        for w in page.findChildren(QLabel)
        if w.isVisibleTo(page)
    ]


class FloorWindow(QMainWindow):
    """Two prebuilt pages of labels in a QStackedWidget, styled as the program's window."""

    def __init__(self, style: str, labels: list[tuple[str, str, bool]]) -> None:
        super().__init__()
        self.setStyleSheet(style)
        self.stack = QStackedWidget()
        for _ in range(2):
            page = QWidget()
            col = QVBoxLayout(page)
            for text, role, rich in labels:
                col.addWidget(label(text, role, rich=rich))
            col.addStretch(1)
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        self.resize(1280, 960)

    def flip(self) -> None:
        self.stack.setCurrentIndex(1 - self.stack.currentIndex())


def floor(
    app: QApplication, style: str, labels: list[tuple[str, str, bool]], n: int
) -> list[float]:
    w = FloorWindow(style, labels)
    w.show()
    app.processEvents()
    clock = PaintClock(w)
    times = [ms for _, ms in run_steps(app, clock, [("floor", w.flip)] * n)]
    w.close()
    w.deleteLater()
    app.processEvents()
    return times


def sample_labels(app: QApplication, window, kinds: tuple[str, ...]) -> dict[str, list]:
    """The labels of one question screen and one outcome screen (the longest path's)."""
    cat = window.catalog
    tree_id, path = max(
        ((t, p) for t in sorted(cat.trees) for p in all_paths(cat, t) if p.outcome is not None),
        key=lambda tp: len(tp[1].steps),
    )
    window.start_topic(tree_id)
    app.processEvents()
    out = {"question": shown_labels(window.question_view)}
    for step in path.steps:
        window.answer(step.answer.id)
        app.processEvents()
    out["outcome"] = shown_labels(window.outcome_view)
    window.go_home()
    app.processEvents()
    return {k: out[k] for k in kinds}


def stats(values: list[float]) -> tuple[float, float, float]:
    """Median, 90th percentile and maximum."""
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    return statistics.median(ordered), p90, ordered[-1]


def report(title: str, results: list[tuple[str, float]], floors: dict[str, list[float]]) -> None:
    print(f"\n### {title}\n")
    print("| step | n | median | p90 | max | floor median | ratio |")
    print("|---|---|---|---|---|---|---|")
    kinds = ["answer → question", "answer → outcome", "Back", "Change", "Start again", "start"]
    for kind in kinds:
        values = [ms for k, ms in results if k == kind]
        if not values:
            continue
        med, p90, top = stats(values)
        fl = floors["outcome" if kind == "answer → outcome" else "question"]
        fmed = statistics.median(fl)
        print(
            f"| {kind} | {len(values)} | {med:.1f} ms | {p90:.1f} ms | {top:.1f} ms | "
            f"{fmed:.1f} ms | {med / fmed:.1f}x |"
        )
    steps = [ms for k, ms in results if k != "start"]
    med, p90, top = stats(steps)
    print(
        f"| **every step but start** | {len(steps)} | {med:.1f} ms | **{p90:.1f} ms** | "
        f"{top:.1f} ms | | |"
    )
    for kind, fl in floors.items():
        fmed, fp90, _ = stats(fl)
        print(
            f"\nfloor, {kind} screen ({len(fl)} switches): median {fmed:.1f} ms, p90 {fp90:.1f} ms"
        )


def main_window_rounds(app: QApplication, window, rounds: int, per_tree: int, title: str) -> None:
    labels = sample_labels(app, window, ("question", "outcome"))
    print(
        f"\n(labels on screen: question {len(labels['question'])}, "
        f"outcome {len(labels['outcome'])})"
    )
    clock = PaintClock(window)
    results: list[tuple[str, float]] = []
    cpu: list[tuple[str, float]] = []
    floors: dict[str, list[float]] = {"question": [], "outcome": []}
    for _ in range(rounds):  # the walks and the floor alternate, so both meet the same load
        for kind in floors:
            floors[kind] += floor(app, window.styleSheet(), labels[kind], 60)
        results += run_steps(app, clock, walk_steps(window, window.catalog, per_tree), cpu=cpu)
        window.go_home()
    report(title, results, floors)
    report_cpu(cpu)


def report_cpu(cpu: list[tuple[str, float]]) -> None:
    """The window's thread's CPU time to each step's first paint: the work itself, which load
    elsewhere on the machine inflates less than the wall time."""
    kinds = ["answer → question", "answer → outcome", "Back", "Change", "Start again"]
    parts = []
    for kind in kinds:
        values = [ms for k, ms in cpu if k == kind]
        if values:
            med, p90, _ = stats(values)
            parts.append(f"{kind} {med:.1f} (p90 {p90:.1f})")
    med, p90, _ = stats([ms for k, ms in cpu if k != "start"])
    print(f"\nCPU of the window's thread to the first paint, median ms: {'; '.join(parts)}")
    print(f"  every step but start: median {med:.1f} ms, p90 {p90:.1f} ms")


# -- trainer Present
def trainer_rounds(app: QApplication, settings: QSettings, rounds: int, scenarios: int) -> None:
    from wizard.gui.trainer.deck import Deck
    from wizard.gui.trainer.window import TrainerWindow

    catalog = load_folder(ROOT / "trees")
    trainer = TrainerWindow(catalog, settings)
    trainer.resize(1280, 960)
    trainer.show()
    app.processEvents()
    clock = PaintClock(trainer)

    def slides() -> Iterable[Step]:
        for sid in sorted(catalog.scenarios)[:scenarios]:
            deck = Deck(catalog, catalog.scenarios[sid])  # to count its slides
            forwards = 0
            while deck.forward():
                forwards += 1
            yield "open", lambda s=sid: trainer.present(s)
            yield from [("next slide", trainer.present_view.forward)] * forwards

    results: list[tuple[str, float]] = []
    for _ in range(rounds):
        results += run_steps(app, clock, slides())
        trainer.deck = None
    values = [ms for k, ms in results if k == "next slide"]
    med, p90, top = stats(values)
    shown = min(scenarios, len(catalog.scenarios))
    print(
        f"\n### Trainer Present, next slide\n\n{len(values)} slides over {shown} scenarios: "
        f"median {med:.1f} ms, p90 {p90:.1f} ms, max {top:.1f} ms"
    )
    trainer.close()


# -- the records window
def records_rounds(
    app: QApplication, path: Path, settings: QSettings, rounds: int, parent: QWidget
) -> None:
    from wizard.gui.records_window import RecordsWindow

    catalog = load_folder(ROOT / "trees")
    # opened from the main window, as the program does (records_actions): its style sheet
    # (the theme) applies, and painting a styled table costs more than a bare one
    records = RecordsWindow(path, settings, catalog, parent, verify_on_open=False)
    records.resize(1280, 960)
    records.show()
    app.processEvents()
    clock = PaintClock(records)
    typed = [
        "s",
        "sm",
        "smi",
        "smit",
        "smith",
        "",
        "o",
        "ok",
        "oka",
        "okaf",
        "okafo",
        "okafor",
        "",
        "h",
        "hu",
        "hus",
        "hust",
        "husti",
        "hustin",
        "husting",
        "hustings",
        "",
    ]

    def keystroke(text: str) -> Callable[[], None]:
        def run() -> None:
            records.search.setText(text)
            records.apply_filters()

        return run

    # Timed to the first paint after the keystroke: the one that shows the new list (the model
    # is reset within the step, so Qt's next paint of the window draws it). The last paint in
    # the 60 ms also counted the search box's clear button fading in after "(cleared)" (0.2 ms
    # repaints every ~16 ms for ~60 ms) and the count arriving on the status line afterwards:
    # shown for information ("to the last paint").
    listed: list[tuple[str, float]] = []
    cpu: list[tuple[str, float]] = []
    last: list[tuple[str, float]] = []
    for _ in range(rounds):
        last += run_steps(
            app, clock, [(t or "(cleared)", keystroke(t)) for t in typed], first=listed, cpu=cpu
        )
    values = [ms for _, ms in listed]
    med, p90, top = stats(values)
    print(
        f"\n### The records window, per keystroke ({path.name})\n\n{len(values)} keystrokes, "
        f"to the list painted: median {med:.1f} ms, p90 {p90:.1f} ms, max {top:.1f} ms"
    )
    per = {t: statistics.median([ms for k, ms in listed if k == (t or "(cleared)")]) for t in typed}
    print("  " + ", ".join(f"{t or '(cleared)'} {ms:.0f}" for t, ms in per.items()))
    med, p90, top = stats([ms for _, ms in cpu])
    print(
        f"  the window's thread's CPU time to the list painted (what load elsewhere on the "
        f"machine does not inflate): median {med:.1f} ms, p90 {p90:.1f} ms"
    )
    med, p90, top = stats([ms for _, ms in last])
    print(
        f"  to the last paint within 60 ms (the count on the status line, the clear button's "
        f"fade): median {med:.1f} ms, p90 {p90:.1f} ms"
    )
    records.shutdown()
    records.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="walks of every path (default 2)")
    parser.add_argument("--paths", type=int, default=3, help="paths walked per tree (3)")
    parser.add_argument("--scenarios", type=int, default=8, help="trainer scenarios shown (8)")
    parser.add_argument("--records", type=Path, default=ROOT / "out" / "bench" / "records.sqlite3")
    parser.add_argument(
        "--only",
        choices=["window", "large", "trainer", "records"],
        action="append",
        help="run only these parts",
    )
    args = parser.parse_args()
    parts = set(args.only or ["window", "large", "trainer", "records"])
    scratch = Path(tempfile.mkdtemp(prefix="purdah-bench-"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(scratch / "settings"))
    app = QApplication(sys.argv[:1])
    gui_app.configure(app)
    folder = ROOT / "trees"
    window = gui_app.create_window(folder, load_folder(folder))
    window.resize(1280, 960)
    window.show()
    for _ in range(5):
        app.processEvents()
    QTimer.singleShot(200, app.exit)  # the screens built after the first paint, the shortcuts
    app.exec()
    if "window" in parts:
        main_window_rounds(app, window, args.rounds, args.paths, "The window, default text size")
    if "large" in parts:
        window.prefs.text_size = TEXT_SIZES[-1]
        window.prefs.high_contrast = True
        window.apply_style()
        app.processEvents()
        main_window_rounds(
            app,
            window,
            max(1, args.rounds // 2),
            args.paths,
            f"The window at {TEXT_SIZES[-1]} points, high contrast",
        )
    window.close()
    settings = QSettings(str(scratch / "bench.ini"), QSettings.Format.IniFormat)
    if "trainer" in parts:
        trainer_rounds(app, settings, args.rounds, args.scenarios)
    if "records" in parts:
        if args.records.exists():
            records_rounds(app, args.records, settings, 3, window)
        else:
            print(
                f"\n(no {args.records}: make it with bench/records_bench.py for the records window)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
