"""Time to the first window shown: run a Qt program and print `SHOWN <monotonic ns>` once its
first window has been exposed and painted, then make it quit.

    python bench/startup_probe.py bench/bare_window.py    # a script
    python bench/startup_probe.py -m wizard               # a module, as `python -m` runs it

It wraps QApplication.exec, so it works with any program that runs Qt's event loop, without
changing that program: it waits for the program's own import of PySide6.QtWidgets, so the
program's imports happen in their own order. It watches only the windows shown before exec(): an application-wide
Python event filter would itself slow the start it times (the first event it is handed from an
object Qt made makes PySide build the Python types of whole Qt modules, ~35 ms even for the
bare window). bench/startup.py starts it and takes the time before starting the process.
For a frozen program the same file is a PyInstaller runtime hook: built in (by startup.py
--frozen, never in a shipped build), it arms itself when PURDAH_WIZARD_STARTUP_PROBE=1.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import runpy
import sys
import time

_keep: list[object] = []  # the probe must outlive exec()'s start


def install() -> None:
    """Wrap QApplication.exec so that the first exposed window reports the time and quits."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    original = QApplication.exec

    class FirstShown(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if (
                not self.seen
                and event.type() == QEvent.Type.Expose
                and getattr(obj, "isExposed", lambda: False)()
            ):
                self.seen = True
                QTimer.singleShot(0, self.report)  # after the expose has been painted
            return False

        def report(self) -> None:
            print(f"SHOWN {time.monotonic_ns()}", flush=True)
            if os.environ.get("PURDAH_WIZARD_STARTUP_PROBE_EXIT") == "1":
                os._exit(0)  # at once: nothing after the first paint is counted (--instructions)
            QApplication.instance().quit()

    def exec_(*_args: object) -> int:  # app.exec() or QApplication.exec(): static in PySide6
        probe = FirstShown()
        _keep.append(probe)
        for window in QApplication.topLevelWindows():  # the windows shown before exec()
            window.installEventFilter(probe)
        return original()

    QApplication.exec = exec_


class _WhenTheProgramImportsQt(importlib.abc.MetaPathFinder):
    """Installs the probe once the program itself has imported PySide6.QtWidgets, so that the
    probe leaves the order of the program's imports as it is: PySide6's import hook reads the
    source of every module imported after it (PYSIDE-2029), which a program that imports its
    own modules first does not pay."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> object:
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)  # type: ignore[arg-type]
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        exec_module = loader.exec_module

        def exec_then_install(module: object) -> None:
            exec_module(module)  # type: ignore[arg-type]
            install()

        loader.exec_module = exec_then_install  # type: ignore[method-assign]
        return spec


def main() -> None:
    sys.meta_path.insert(0, _WhenTheProgramImportsQt())
    if sys.argv[1] == "-m":
        sys.argv = [sys.argv[2], *sys.argv[3:]]
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
    else:
        sys.argv = sys.argv[1:]
        runpy.run_path(sys.argv[0], run_name="__main__")


if getattr(sys, "frozen", False):  # a PyInstaller runtime hook (run as __main__) in a bench build
    if os.environ.get("PURDAH_WIZARD_STARTUP_PROBE") == "1":
        install()
elif __name__ == "__main__":
    main()
