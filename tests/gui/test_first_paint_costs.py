"""The first screen is drawn before the program does work it does not need yet (issue 8), but
only where that pays: start-up is a budget (at most 1.8x a bare PySide6 window, bench/README.md
section (b)), and a trick that saves less than ~10 ms is not worth code that is harder to follow.

Runs the program in a fresh process (this one paid for it all long ago) and looks, at the moment
the start-up benchmark stops its clock (bench/startup_probe.py: the window exposed and painted),
at what has been done so far. Each kept deferral, and what it saves (bench/README.md):
- PySide6.QtCore.Qt, whose ~90 enums cost ~330 M instructions (~60 ms), is not built yet: the
  first screen sets what it needs by name (wizard/gui/lazyqt.py);
- the bundled trees come parsed from their cache (wizard/library/cache.py), so `yaml` is not
  imported and no tree is parsed (~20 ms);
- the question and outcome screens are built, and their modules imported, just after the first
  paint (wizard/gui/main_window.py, ~12 ms);
- the idle watcher's application-wide event filter starts just after the first paint
  (wizard/gui/idle.py, ~20 ms: its first events make PySide name every Qt class);
- the training scenarios are read just after the first paint (wizard/gui/app.py, ~13 ms);
- the search box's clear button (hidden until something is typed) is added just after the first
  paint: its icon is looked up in the desktop's icon themes (wizard/gui/home_view.py, ~6 ms on X).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from wizard.library.cache import CACHE_NAME, needs_writing, read_cache, write_cache
from wizard.library.folder import load_folder
from wizard.library.locations import bundled_trees

pytestmark = pytest.mark.gui

PROBE = """
import os, runpy, sys
from pathlib import Path
import wizard.library.locations
wizard.library.locations.bundled_trees = lambda: Path(os.environ["PROBE_BUNDLED_TREES"])
from PySide6 import QtCore
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication
from wizard.gui.widgets import CardButton

def exec_(*_args):
    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if w.isVisible())

    class Exposed(QtCore.QObject):
        def eventFilter(self, obj, event):
            if event.type() == QtCore.QEvent.Type.Expose and obj.isExposed():
                obj.removeEventFilter(self)
                QtCore.QTimer.singleShot(0, report)
            return False

    def report():
        print("QT-ENUMS-BUILT", "Qt" in vars(QtCore), flush=True)
        print("IMPORTED", *(m for m in WATCHED if m in sys.modules), flush=True)
        print("LATE-SCREENS-BUILT", window._question_view is not None,
              window._outcome_view is not None, flush=True)
        print("IDLE-FILTERING", window.idle._filtering, flush=True)
        print("SCENARIOS", len(window.catalog.scenarios), flush=True)
        print("CLEAR-BUTTON", window.home.search.isClearButtonEnabled(), flush=True)
        QtCore.QTimer.singleShot(0, after_the_first_paint)  # after the work queued at it

    def after_the_first_paint():
        hand = card.cursor().shape() == QtCore.Qt.CursorShape.PointingHandCursor
        print("CARD-UNDER-POINTER-HAND", hand, flush=True)
        app.quit()

    probe = Exposed()
    window.windowHandle().installEventFilter(probe)
    # The pointer resting on a card as the window opens: the card hears of it before the paint.
    card = window.findChild(CardButton)
    at = QtCore.QPointF(5, 5)
    QApplication.sendEvent(card, QEnterEvent(at, at, at))
    return real_exec()

WATCHED = ("yaml", "wizard.gui.question_view", "wizard.gui.outcome_view")
real_exec = QApplication.exec
QApplication.exec = exec_
sys.argv = ["purdah-wizard"]
runpy.run_module("wizard", run_name="__main__")
"""


@pytest.fixture(scope="module")
def at_first_paint(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """What the probe printed at the first paint of a fresh start with the bundled trees."""
    # The parsed-trees cache, as the window writes it after its first paint: a fresh clone has
    # none yet, and its first start parses the trees (with PyYAML) once. The bundled trees are
    # copied, so that the cache is written beside the copy, never into the checkout.
    folder = tmp_path_factory.mktemp("bundled") / "trees"
    shutil.copytree(bundled_trees(), folder, ignore=shutil.ignore_patterns(CACHE_NAME))
    parsed = read_cache(folder)
    load_folder(folder, parsed=parsed)
    assert needs_writing(parsed)
    assert write_cache(folder, parsed)
    home = tmp_path_factory.mktemp("home")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home),
        "XDG_DATA_HOME": str(home),
        "HOME": str(home),
        "PROBE_BUNDLED_TREES": str(folder),
    }
    env.pop("PURDAH_WIZARD_TREES", None)
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    return (done.stdout + done.stderr).splitlines()


def reported(lines: list[str], key: str) -> str:
    found = [line for line in lines if line.startswith(key + " ") or line == key]
    assert len(found) == 1, "\n".join(lines)
    return found[0]


def test_the_first_screen_is_shown_without_yaml_or_the_late_screens(at_first_paint) -> None:
    assert reported(at_first_paint, "IMPORTED") == "IMPORTED"


def test_the_question_and_outcome_screens_are_built_after_the_first_paint(at_first_paint) -> None:
    assert reported(at_first_paint, "LATE-SCREENS-BUILT") == "LATE-SCREENS-BUILT False False"


def test_idle_watching_starts_after_the_first_paint(at_first_paint) -> None:
    assert reported(at_first_paint, "IDLE-FILTERING") == "IDLE-FILTERING False"


def test_the_scenarios_are_read_after_the_first_paint(at_first_paint) -> None:
    assert reported(at_first_paint, "SCENARIOS") == "SCENARIOS 0"


def test_the_search_boxs_clear_button_is_added_after_the_first_paint(at_first_paint) -> None:
    assert reported(at_first_paint, "CLEAR-BUTTON") == "CLEAR-BUTTON False"


def test_the_first_screen_is_shown_before_qts_enums_are_built(at_first_paint) -> None:
    """Even with the pointer on a card as the window opens (its pointing hand needs them)."""
    assert reported(at_first_paint, "QT-ENUMS-BUILT") == "QT-ENUMS-BUILT False"


def test_a_card_under_the_pointer_as_the_window_opens_shows_the_hand_after_the_paint(
    at_first_paint,
) -> None:
    assert reported(at_first_paint, "CARD-UNDER-POINTER-HAND") == "CARD-UNDER-POINTER-HAND True"
