"""Enter presses a dialog's default button (OK, Save), never the first button in its focus
chain, and a folder box changes only when a folder is chosen (issue 17, item 1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog

from tests.gui.gui_helpers import focused, press
from tests.records.kit import transcript
from wizard.core.case import CaseDetails
from wizard.gui import settings_dialog
from wizard.gui.case_dialog import CaseDialog
from wizard.gui.record_dialog import RecordDialog
from wizard.gui.settings_dialog import SettingsDialog
from wizard.records.datadir import ENV as RECORDS_ENV
from wizard.records.datadir import default_data_dir

pytestmark = pytest.mark.gui
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def chooser(monkeypatch):
    """Stands in for the folder chooser: records each call; answers what it was started at,
    as the real one does when Enter is pressed in it."""
    calls: list[str] = []

    def choose(parent, title, start):
        calls.append(start)
        return start

    monkeypatch.setattr(settings_dialog, "choose_folder", choose)
    return calls


def shown(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_enter_in_settings_means_ok_not_browse(qtbot, make_window, chooser, monkeypatch):
    monkeypatch.delenv(RECORDS_ENV, raising=False)
    window = make_window()
    dialog = shown(qtbot, SettingsDialog(window.settings, window.folder, window))
    press(qtbot, Qt.Key.Key_A, ALT)  # "Clear the screen after"
    assert focused() is dialog.idle
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Up)
    assert dialog.idle.currentText() == "1 minute"
    press(qtbot, Qt.Key.Key_Return)
    assert chooser == []
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert window.prefs.idle_minutes == 1


def test_enter_after_tabbing_past_browse_still_means_ok(qtbot, make_window, chooser):
    window = make_window()
    dialog = shown(qtbot, SettingsDialog(window.settings, window.folder, window))
    dialog.records_browse.setFocus()
    dialog.text_size.setFocus()  # focus has passed over an auto-default button
    press(qtbot, Qt.Key.Key_Return)
    assert chooser == [] and dialog.result() == QDialog.DialogCode.Accepted


def test_a_folder_box_stays_empty_when_the_chooser_returns_the_default(
    qtbot, make_window, chooser, monkeypatch
):
    monkeypatch.delenv(RECORDS_ENV, raising=False)
    window = make_window()
    dialog = shown(qtbot, SettingsDialog(window.settings, window.folder, window))
    dialog.records_browse.click()
    assert chooser == [str(default_data_dir())]  # starts where the records are now kept
    assert dialog.records.text() == ""  # the default chosen: the box still says "the default"
    assert dialog.values() == dialog.initial


def test_enter_saves_in_the_pdf_case_form(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = shown(qtbot, CaseDialog(settings, initial=CaseDetails()))
    assert dialog.save_button.isDefault()
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_record_form_default_is_save(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = shown(
        qtbot, RecordDialog(transcript("do_not"), Path(tmp_path / "r.sqlite3"), settings)
    )
    assert dialog.save_button.isDefault()
