"""Starting the program: the window opens over the trees folder given, with the bundled font."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from wizard.cli.main import main
from wizard.gui import app as gui_app

pytestmark = pytest.mark.gui


def test_no_command_opens_the_window_on_the_trees_given(qtbot, monkeypatch, example_trees):
    windows = []

    def create(folder, *args):
        window = real_create(folder, *args)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    real_create = gui_app.create_window
    monkeypatch.setattr(gui_app, "create_window", create)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    QApplication.setWindowIcon(QIcon())  # as if this were the first start in this process
    assert main(["--trees", str(example_trees)]) == 0
    assert len(windows) == 1
    window = windows[0]
    assert window.isVisible()
    assert window.folder == example_trees
    assert window.home is not None and list(window.home.tiles) == ["photos"]
    assert QCoreApplication.organizationName() == gui_app.ORGANISATION
    assert QApplication.font().family() == "DejaVu Sans"
    qtbot.waitUntil(lambda: not QApplication.windowIcon().isNull())  # just after first paint


def test_the_window_the_program_opens_saves_a_pdf_from_the_outcome(
    qtbot, monkeypatch, example_trees
):
    from tests.gui.gui_helpers import press
    from wizard.gui import pdf_actions

    saved = []
    monkeypatch.setattr(
        pdf_actions,
        "save_pdf_interactively",
        lambda parent, transcript, settings: saved.append((parent, transcript, settings)),
    )
    window = gui_app.create_window(example_trees)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    button = window.outcome_view.extra_actions[0]
    assert button.text() == "Save as PDF…"
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_2)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(saved) == 1)
    parent, transcript, settings = saved[0]
    assert parent is window and settings is window.settings
    assert transcript.outcome.title == "You may carry on"


def test_the_bundled_trees_scenarios_are_read_just_after_the_first_paint(qtbot, monkeypatch, trees):
    """The trainer's scenarios are not needed for the first screen; they arrive right after,
    and then the parsed-trees cache is written for the next start."""
    from wizard.library.cache import CACHE_NAME, read_cache
    from wizard.library.folder import load_folder

    bundled = trees
    monkeypatch.setattr("wizard.library.choose.bundled_trees", lambda: bundled)
    monkeypatch.delenv("PURDAH_WIZARD_TREES", raising=False)
    windows, seen = [], {}

    def create(folder, *args):
        window = real_create(folder, *args)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    def run_until_scenarios(self):
        catalog = windows[0].catalog
        seen["at first"] = dict(catalog.scenarios)
        qtbot.waitExposed(windows[0])
        qtbot.waitUntil(lambda: len(catalog.scenarios) == len(expected.scenarios))
        return 0

    expected = load_folder(bundled)
    real_create = gui_app.create_window
    monkeypatch.setattr(gui_app, "create_window", create)
    monkeypatch.setattr(QApplication, "exec", run_until_scenarios)
    assert main([]) == 0
    catalog = windows[0].catalog
    assert windows[0].folder == bundled and seen["at first"] == {}
    assert catalog.scenarios.keys() == expected.scenarios.keys()
    assert catalog.failed_scenarios == expected.failed_scenarios
    assert sorted(catalog.problems) == sorted(expected.problems)
    kept = read_cache(bundled)
    assert (bundled / CACHE_NAME).is_file()
    assert len(kept.entries) == len(list(bundled.rglob("*.yaml")))


def test_the_program_names_its_window_class_and_desktop_file(qtbot, monkeypatch):
    """Task bars group windows by these: from source the class was "__main__.py" (issue 17)."""
    monkeypatch.setattr("sys.argv", ["/somewhere/wizard/__main__.py"])
    assert gui_app.app_argv()[0] == "purdah-wizard"
    app = QApplication.instance()
    before = app.desktopFileName()
    try:
        gui_app.configure(app, icon=False)
        assert app.desktopFileName() == "purdah-wizard"
    finally:
        app.setDesktopFileName(before)
