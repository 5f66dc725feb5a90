"""The question and outcome screens are built after the home screen is first painted (a faster
start): whatever is added to them before then, and whenever they are built, they work the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget

from tests.gui.gui_helpers import press
from wizard.gui.first_paint import after_first_paint
from wizard.gui.main_window import MainWindow
from wizard.library.folder import load_folder

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def unshown_window(qtbot, trees: Path, settings_file: Path, idle_msec: int = 0) -> MainWindow:
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    window = MainWindow(load_folder(trees), trees, settings, idle_msec=idle_msec)
    qtbot.addWidget(window)
    return window


def test_outcome_actions_added_before_the_outcome_screen_exists_are_on_it(
    qtbot, trees, settings_file
):
    window = unshown_window(qtbot, trees, settings_file)
    saved, recorded = [], []
    pdf = window.add_outcome_action("Save as PDF", "Ctrl+P", saved.append, "Save the reasoning")
    record = window.add_outcome_action("Record advice", "Ctrl+E", recorded.append, "Record it")
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_2)  # No: an outcome
    view = window.outcome_view
    assert window.stack.currentWidget() is view
    row = view.action_row
    assert row.indexOf(pdf) == 0 and row.indexOf(record) == 1
    assert row.indexOf(record) < row.indexOf(view.back_button)
    assert pdf.isVisible() and record.isVisible()
    assert pdf.toolTip() == "Save the reasoning (Ctrl+P)"
    assert "Ctrl+P save as PDF · Ctrl+E record advice · Alt+Left go back" in view.keys.text()
    press(qtbot, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: len(recorded) == 1)
    assert recorded[0].outcome.title == "You may carry on"
    assert saved == []


def test_a_window_never_shown_still_walks_to_an_outcome(qtbot, trees, settings_file):
    window = unshown_window(qtbot, trees, settings_file)
    window.start_topic("photos")
    assert window.stack.currentWidget() is window.question_view
    assert window.question_view.text.text() == "Is a candidate in the photo?"
    window.answer("yes")
    window.answer("not_sure")
    assert window.stack.currentWidget() is window.outcome_view
    assert window.outcome_view.title.text() == "Ask a supervisor first"
    assert window.outcome_view.banner.verdict.text() == "Speak to a supervisor first"


def test_both_screens_are_ready_soon_after_the_first_paint(qtbot, make_window):
    window = make_window()
    qtbot.waitUntil(lambda: window.stack.count() == 3)  # home, question, outcome
    assert window.stack.currentWidget() is window.home


def test_after_first_paint_waits_for_the_window_to_be_painted(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[str] = []
    after_first_paint(window, lambda: calls.append("painted"))
    qtbot.wait(50)
    assert calls == []  # not shown: never painted
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: calls == ["painted"])
    window.update()
    qtbot.wait(50)
    assert calls == ["painted"]  # once only
    after_first_paint(window, lambda: calls.append("later"))
    qtbot.waitUntil(lambda: calls == ["painted", "later"])


def test_the_idle_count_starts_with_the_window_and_input_restarts_it_once_shown(
    qtbot, trees, settings_file
):
    window = unshown_window(qtbot, trees, settings_file, idle_msec=60_000)
    assert window.idle.timer.isActive()  # counting from the start, before the first paint
    window.idle.set_msec(0)  # Settings may turn it off and on again at any time
    assert not window.idle.timer.isActive()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.idle.set_msec(60_000)
    qtbot.waitUntil(lambda: window.idle._filtering)  # input is watched from the first paint
    qtbot.waitUntil(lambda: window.idle.timer.remainingTime() < 59_900)  # the count has run
    before = window.idle.timer.remainingTime()
    press(qtbot, Qt.Key.Key_Shift)
    assert window.idle.timer.remainingTime() > before
