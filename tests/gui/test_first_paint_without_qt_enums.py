"""The first screen is drawn before PySide builds Qt's ~90 enums (~15 ms of start-up, issue 8).

Runs the program in a fresh process (this one built them long ago) and looks, at the moment the
start-up benchmark stops its clock (bench/startup_probe.py: the window exposed and painted),
whether PySide6.QtCore.Qt has been made yet. If this fails, something on the way to the first
screen uses `Qt.` directly: set it by name instead, or after the first paint (wizard/gui/lazyqt.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

PROBE = """
import runpy, sys
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
        app.quit()

    probe = Exposed()
    window.windowHandle().installEventFilter(probe)
    return real_exec()

real_exec = QApplication.exec
QApplication.exec = exec_
sys.argv = ["purdah-wizard"]
runpy.run_module("wizard", run_name="__main__")
"""


def test_the_first_screen_is_shown_before_qts_enums_are_built(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path)}
    env.pop("PURDAH_WIZARD_TREES", None)
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          env=env, timeout=60, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("QT-ENUMS-BUILT")]
    assert lines == ["QT-ENUMS-BUILT False"], done.stdout + done.stderr
