"""The first screen is drawn before the program pays for things it does not need yet (issue 8).

Runs the program in a fresh process (this one paid for them all long ago) and looks, at the
moment the start-up benchmark stops its clock (bench/startup_probe.py: the window exposed and
painted), at what has been made and imported so far:
- PySide6.QtCore.Qt, whose ~90 enums take ~15 ms. If it is there, something on the way to the
  first screen uses `Qt.` directly: set it by name instead, or after the first paint
  (wizard/gui/lazyqt.py).
- modules the first screen can do without: `yaml` (the bundled trees come parsed from their
  cache, wizard/library/cache.py), `dataclasses` (~7 ms: the records the window builds at start are
  NamedTuples or plain classes, wizard/core/model.py), `hashlib` (from source it loads
  OpenSSL, ~2 ms: wizard/core/parsed.py hashes with CPython's own SHA-256).
- PySide's types for QIcon, QKeySequence and QAction (each builds its enums, ~2.5 ms together):
  the window's shortcuts are made just after the first paint, buttons take their shortcut as
  text, and a button made as QPushButton(text) would build QIcon (wizard/gui/widgets.py).
- selectable labels: each draws through a text document of its own (~4 ms for home's labels;
  home uses `fixed_text`, wizard/gui/home_view.py).
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
from PySide6.QtWidgets import QApplication

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
        from PySide6 import QtGui
        print("QTGUI-TYPES-BUILT", *(t for t in LATER_TYPES if t in vars(QtGui)), flush=True)
        from PySide6.QtWidgets import QLabel
        selectable = [w.text() for w in app.allWidgets() if isinstance(w, QLabel)
                      and w.isVisible() and w.textInteractionFlags().value]
        print("SELECTABLE-LABELS", len(selectable), selectable, flush=True)
        app.quit()

    probe = Exposed()
    window.windowHandle().installEventFilter(probe)
    return real_exec()

WATCHED = ("yaml", "dataclasses", "hashlib")
LATER_TYPES = ("QIcon", "QKeySequence", "QAction")
real_exec = QApplication.exec
QApplication.exec = exec_
sys.argv = ["purdah-wizard"]
runpy.run_module("wizard", run_name="__main__")
"""


@pytest.fixture(scope="module")
def at_first_paint(tmp_path_factory: pytest.TempPathFactory) -> str:
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
    return done.stdout + done.stderr


def test_the_first_screen_is_shown_before_qts_enums_are_built(at_first_paint: str) -> None:
    lines = [line for line in at_first_paint.splitlines() if line.startswith("QT-ENUMS-BUILT")]
    assert lines == ["QT-ENUMS-BUILT False"], at_first_paint


def test_the_first_screen_is_shown_without_yaml_dataclasses_or_hashlib(at_first_paint: str) -> None:
    lines = [line for line in at_first_paint.splitlines() if line.startswith("IMPORTED")]
    assert lines == ["IMPORTED"], at_first_paint


def test_the_first_screen_is_shown_before_icons_and_shortcuts_are_made(at_first_paint: str) -> None:
    lines = [line for line in at_first_paint.splitlines() if line.startswith("QTGUI-TYPES-BUILT")]
    assert lines == ["QTGUI-TYPES-BUILT"], at_first_paint


def test_the_first_screen_has_no_selectable_labels(at_first_paint: str) -> None:
    lines = [line for line in at_first_paint.splitlines() if line.startswith("SELECTABLE-LABELS")]
    assert lines == ["SELECTABLE-LABELS 0 []"], at_first_paint
