"""Before the idle reset, a countdown that any key cancels; after it, what an advice-record form
held is said to be kept, with a way to finish it (issue 17, item 3)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.gui_helpers import press

pytestmark = pytest.mark.gui


def test_a_countdown_comes_first_and_any_key_keeps_the_answers(qtbot, make_window):
    window = make_window()
    window.idle.set_msec(60_000)
    qtbot.waitUntil(lambda: window.idle._filtering)  # input is watched from the first paint
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_1)
    window.idle.warn_timer.timeout.emit()  # the moment of the warning, without waiting for it
    assert window.countdown.isVisible()
    assert "Clearing the screen for the next person in" in window.countdown.text()
    assert "any key" in window.countdown.text()
    assert window.walk is not None  # nothing is lost yet
    press(qtbot, Qt.Key.Key_Shift)
    assert not window.countdown.isVisible()
    assert window.walk is not None and window.walk.steps
    assert window.idle.timer.isActive()  # counting again from the key press


def test_the_warning_comes_a_quarter_of_the_wait_or_fifteen_seconds_before(qtbot, make_window):
    window = make_window()
    window.idle.set_msec(180_000)
    assert window.idle.warn_timer.interval() == 165_000
    window.idle.set_msec(20_000)
    assert window.idle.warn_timer.interval() == 15_000


def test_when_the_countdown_runs_out_the_screen_is_cleared(qtbot, make_window):
    window = make_window()
    window.idle.set_msec(60_000)
    window.start_topic("photos")
    window.idle.warn_timer.timeout.emit()
    window.idle.timer.timeout.emit()
    assert window.walk is None and not window.countdown.isVisible()


def test_clearing_the_record_form_says_on_home_and_in_advice_records_how_to_finish_it(
    qtbot, make_window, tmp_path, monkeypatch
):
    from wizard.gui import app as gui_app
    from wizard.gui import record_dialog, records_actions
    from wizard.gui.record_dialog import RecordDialog
    from wizard.gui.records_window import RecordsWindow
    from wizard.records.datadir import ENV
    from wizard.records.store import RecordStore

    monkeypatch.setenv(ENV, str(tmp_path / "data"))
    monkeypatch.setattr(record_dialog, "tell_saved", lambda parent, r: None)
    window = make_window()
    gui_app.add_outcome_actions(window)
    opened: list[RecordDialog] = []
    monkeypatch.setattr(RecordDialog, "exec", lambda self: opened.append(self) or self.show())
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_2)  # an outcome
    press(
        qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: bool(opened))
    form = opened[0]
    qtbot.waitExposed(form)
    form.set_text("supervisor_name", "Sgt Zoë Roe")
    window.idle.set_msec(60_000)
    window.idle.warn_timer.timeout.emit()
    window.idle.timer.timeout.emit()  # nobody came back
    assert not form.isVisible() and form.draft_path is not None
    assert window.home.kept.isVisible()
    assert "unfinished advice record" in window.home.kept.text()
    assert "Advice records" in window.home.kept.text()

    records = RecordsWindow(
        records_actions.records_file(window.settings),
        window.settings,
        window.catalog,
        verify_on_open=False,
    )
    qtbot.addWidget(records)
    assert records.finish_button.isVisibleTo(records)
    assert "1 unfinished advice record is kept" in records.unfinished.text()

    def exec_(self):  # the supervisor finishes it
        assert self.text("supervisor_name") == "Sgt Zoë Roe"
        self.set_text("advice", "Declined.")
        self.save()

    monkeypatch.setattr(RecordDialog, "exec", exec_)
    records.finish_button.click()
    assert not records.finish_button.isVisibleTo(records)
    assert not form.draft_path.exists()
    with RecordStore(records_actions.records_file(window.settings)) as store:
        assert [r.supervisor_name for r in store.records()] == ["Sgt Zoë Roe"]


def test_ctrl_l_clears_from_an_open_record_form(qtbot, make_window, tmp_path, monkeypatch):
    from wizard.gui import app as gui_app
    from wizard.gui.record_dialog import RecordDialog
    from wizard.records.datadir import ENV

    monkeypatch.setenv(ENV, str(tmp_path / "data"))
    window = make_window()
    gui_app.add_outcome_actions(window)
    opened: list[RecordDialog] = []
    monkeypatch.setattr(RecordDialog, "exec", lambda self: opened.append(self) or self.open())
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_2)
    press(
        qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: bool(opened))
    form = opened[0]
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.inputs["supervisor_name"].setFocus()
    qtbot.waitUntil(lambda: form.property("clearReached") is True)
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not form.isVisible()
    assert window.walk is None


def test_the_countdown_lies_over_the_top_bar_and_moves_no_answer(qtbot, make_window):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    window = make_window()
    window.idle.set_msec(60_000)
    window.start_topic("photos")
    last = window.question_view.answer_buttons[-1]
    before = last.mapTo(window, QPoint(0, 0))
    window.idle.warn_timer.timeout.emit()
    for _ in range(3):  # let any layout that the countdown asked for happen
        QApplication.processEvents()
    assert window.countdown.isVisible()
    assert last.mapTo(window, QPoint(0, 0)) == before  # nothing pushed down
    assert (
        window.countdown.geometry().bottom()
        <= window.question_view.mapTo(window, QPoint(0, 0)).y() + window.question_view.text.y()
    )


def test_the_countdown_shows_in_an_open_dialog_and_a_key_there_cancels_it(qtbot, make_window):
    from wizard.gui.countdown import CountdownBanner
    from wizard.gui.settings_dialog import SettingsDialog

    window = make_window()
    window.idle.set_msec(60_000)
    qtbot.waitUntil(lambda: window.idle._filtering)
    dialog = SettingsDialog(window.settings, window.folder, window)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    window.idle.warn_timer.timeout.emit()
    shown = [b for b in dialog.findChildren(CountdownBanner) if b.isVisible()]
    assert shown and "Clearing the screen for the next person" in shown[0].text()
    assert shown[0].geometry().top() == 0 and shown[0].width() == dialog.width()
    press(qtbot, Qt.Key.Key_Shift)
    assert not shown[0].isVisible() and not window.countdown.isVisible()
    assert dialog.isVisible()
    dialog.reject()
