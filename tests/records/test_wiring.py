"""The window the program opens offers "Record advice…" on an outcome and "Advice records"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.gui.gui_helpers import press
from wizard.gui import app as gui_app
from wizard.gui import record_dialog
from wizard.gui.record_dialog import RecordDialog
from wizard.gui.records_window import RecordsWindow
from wizard.records.datadir import ENV
from wizard.records.store import RecordStore

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch, example_trees):
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "user-settings"))
    monkeypatch.setenv(ENV, str(tmp_path / "data"))
    w = gui_app.create_window(example_trees)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def test_record_advice_from_the_outcome_saves_a_record_of_that_walk(
    qtbot, window, monkeypatch, tmp_path
):
    forms = []

    def exec_form(self):
        forms.append(self)
        self.set_text("supervisor_name", "Sgt Jane Roe")
        self.set_text("advice", "Carry on.")
        self.save()
        return 1

    monkeypatch.setattr(RecordDialog, "exec", exec_form)
    monkeypatch.setattr(record_dialog, "tell_saved", lambda parent, record: None)
    texts = [b.text() for b in window.outcome_view.extra_actions]
    assert texts == ["Save as PDF…", "Record advice…"]
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_2)  # no candidate: "You may carry on"
    press(
        qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: len(forms) == 1)
    assert forms[0].parent() is window
    with RecordStore(tmp_path / "data" / "advice-records.sqlite3") as store:
        record = store.get(1)
    assert record.outcome_title == "You may carry on" and record.supervisor_name == "Sgt Jane Roe"


def test_advice_records_opens_from_the_top_bar_and_closes_when_cleared(qtbot, window):
    press(
        qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: bool(window.findChildren(RecordsWindow)))
    [records] = window.findChildren(RecordsWindow)
    assert records.isVisible() and records.windowTitle() == "Advice records"
    window.clear()  # the next person must not see the last search
    assert not records.isVisible() and records.verify_thread is None and records.store is None
