"""GUI test set-up: settings kept under tmp_path, a window factory, and keyboard helpers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from wizard.gui.main_window import MainWindow
from wizard.library.folder import load_folder


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, trees: Path, settings_file: Path) -> Callable[..., MainWindow]:
    """Build, show and focus a window over `folder` (the example trees by default)."""

    def make(folder: Path | None = None, idle_msec: int = 0) -> MainWindow:
        folder = folder or trees
        settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
        window = MainWindow(load_folder(folder), folder, settings, idle_msec=idle_msec)
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make
