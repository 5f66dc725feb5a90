"""A trainer window over the example trees and their scenarios, at projector size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path) -> None:
    """Even a QSettings() made without a file writes under tmp_path, never the user's."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "user-settings"))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(tmp_path / "system-settings"))


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, example_catalog, settings):
    from wizard.gui.trainer.window import TrainerWindow

    w = TrainerWindow(example_catalog, settings)
    qtbot.addWidget(w)
    w.resize(1920, 1080)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitActive(w)  # focus is only given in the active window
    return w
