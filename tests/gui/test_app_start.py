"""Starting the program: the window opens over the trees folder given, with the bundled font."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from wizard.cli import main
from wizard.gui import app as gui_app

pytestmark = pytest.mark.gui


def test_no_command_opens_the_window_on_the_trees_given(qtbot, monkeypatch, example_trees):
    windows = []

    def create(folder):
        window = real_create(folder)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    real_create = gui_app.create_window
    monkeypatch.setattr(gui_app, "create_window", create)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    assert main(["--trees", str(example_trees)]) == 0
    assert len(windows) == 1
    window = windows[0]
    assert window.isVisible()
    assert window.folder == example_trees
    assert window.home is not None and list(window.home.tiles) == ["photos"]
    assert QCoreApplication.organizationName() == gui_app.ORGANISATION
    assert QApplication.font().family() == "DejaVu Sans"
    assert not QApplication.windowIcon().isNull()
