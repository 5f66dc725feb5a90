"""Advice records: "Would new guidance change these?" lists, in the window, the records a new
release of the trees would decide otherwise, by keyboard, and changes none (issue 20)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.core import release
from tests.records.test_impact import contents, store  # noqa: F401  (the records fixture)
from wizard.gui import impact_dialog
from wizard.gui.records_window import RecordsWindow

pytestmark = pytest.mark.gui


def test_the_window_lists_the_records_new_trees_would_decide_otherwise(
    qtbot,
    tmp_path,
    store,  # noqa: F811  (the fixture imported above)
    monkeypatch,
):
    new = release.new_folder(tmp_path, photos=release.changed_verdict())
    monkeypatch.setattr(impact_dialog, "ask_trees_folder", lambda parent: new)
    before = contents(store)
    window = RecordsWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    assert window.impact_button.isVisible(), "the button is on screen"
    window.impact_button.setFocus()  # as Tab reaches it
    qtbot.keyClick(window.impact_button, Qt.Key.Key_Space)
    dialog = window.impact_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.toPlainText()
    assert "2 would now get another verdict" in text
    assert "Sgt Jane Roe" in text and "Sgt Raj Patel" in text and "Insp Ali Khan" not in text
    assert contents(store) == before
    # As a user's key goes to the window in front: until the dialog is active, Escape is the
    # records window's own shortcut (Close), which a busy machine showed (random order, in CI).
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_folder_that_is_not_trees_says_so(qtbot, tmp_path, store, monkeypatch):  # noqa: F811
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setattr(impact_dialog, "ask_trees_folder", lambda parent: empty)
    window = RecordsWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show_impact()
    qtbot.addWidget(window.impact_dialog)  # a window of its own, closed with the test
    assert "cannot be used" in window.impact_dialog.text.toPlainText()
