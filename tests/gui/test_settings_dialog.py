"""Settings (Ctrl+,): each setting persists and takes effect; Cancel changes nothing; a bad value
is refused beside its field; the keyboard reaches every field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from tests.export.pdftools import all_text
from tests.gui.gui_helpers import focused, press
from wizard.core.case import CaseDetails
from wizard.gui import app as gui_app
from wizard.gui import pdf_actions, record_dialog, settings_dialog
from wizard.gui.case_dialog import CaseDialog
from wizard.gui.main_window import MainWindow
from wizard.gui.record_dialog import RecordDialog
from wizard.gui.records_window import RecordsWindow
from wizard.gui.settings_dialog import NEVER, SettingsDialog
from wizard.library.choose import ENV_VAR as TREES_ENV
from wizard.library.folder import load_folder
from wizard.records.datadir import ENV as RECORDS_ENV
from wizard.records.store import RecordStore

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def no_machine_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    """Folders set for the whole machine would override what these tests choose."""
    monkeypatch.delenv(RECORDS_ENV, raising=False)
    monkeypatch.delenv(TREES_ENV, raising=False)


@pytest.fixture
def window(make_window) -> MainWindow:
    """The window as the program opens it: with every feature's buttons, Settings among them."""
    w = make_window()
    gui_app.add_outcome_actions(w)
    return w


def settings_of(settings_file: Path) -> dict[str, object]:
    stored = QSettings(str(settings_file), QSettings.Format.IniFormat)
    return {key: stored.value(key) for key in stored.allKeys()}


def fill(
    dialog: SettingsDialog,
    *,
    marking: str | None = None,
    paper: str | None = None,
    idle: str | None = None,
    records: Path | str | None = None,
    trees: Path | str | None = None,
    size: int | None = None,
    contrast: bool | None = None,
) -> None:
    """Set fields as a user would (the value shown, not the value stored)."""
    if marking is not None:
        dialog.marking.setCurrentText(marking)
    if paper is not None:
        dialog.page_size.setCurrentText(paper)
    if idle is not None:
        dialog.idle.setCurrentText(idle)
        assert dialog.idle.currentText() == idle
    if records is not None:
        dialog.records.setText(str(records))
    if trees is not None:
        dialog.trees.setText(str(trees))
    if size is not None:
        dialog.text_size.setCurrentText(f"{size} points")
    if contrast is not None:
        dialog.contrast.setChecked(contrast)


def answer_with(monkeypatch: pytest.MonkeyPatch, **values) -> list[SettingsDialog]:
    """Make the real dialog, when Settings opens it, fill these values in and press OK."""
    shown: list[SettingsDialog] = []

    def exec_(self: SettingsDialog) -> int:
        shown.append(self)
        fill(self, **values)
        self.ok_button.click()
        return self.result()

    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    return shown


def open_with_keys(qtbot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_Comma, CTRL)


def test_ctrl_comma_opens_settings_and_tab_visits_every_field_in_order(qtbot, window, monkeypatch):
    opened: list[SettingsDialog] = []

    def ask(cls, settings, trees_in_use, parent=None):
        dialog = cls(settings, trees_in_use, parent)
        dialog.show()
        opened.append(dialog)
        return None

    monkeypatch.setattr(SettingsDialog, "ask", classmethod(ask))
    button = next(b for b in window.findChildren(QWidget) if b.accessibleName() == "Settings")
    assert "Ctrl+," in button.toolTip()
    open_with_keys(qtbot, window)
    qtbot.waitUntil(lambda: len(opened) == 1)
    dialog = opened[0]
    assert dialog.parent() is window and dialog.windowTitle() == "Settings"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    expected = [
        dialog.marking,
        dialog.page_size,
        dialog.idle,
        dialog.records,
        dialog.records_browse,
        dialog.trees,
        dialog.trees_browse,
        dialog.trees_bundled,
        dialog.text_size,
        dialog.contrast,
        dialog.ok_button,
        dialog.cancel_button,
        dialog.marking,
    ]
    for field in expected:
        now = focused()
        assert now is field or field.isAncestorOf(now), (field.accessibleName(), now)
        assert field.accessibleName(), "every field has a name for screen readers"
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert focused() is dialog.cancel_button  # Shift+Tab goes back round
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # the caption's Alt+letter
    assert focused() is dialog.records
    press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_every_setting_takes_effect_at_once_and_persists_in_a_new_window(
    qtbot, window, monkeypatch, tmp_path, settings_file, example_trees
):
    share = tmp_path / "policy-share"
    shutil.copytree(example_trees, share)
    answer_with(
        monkeypatch,
        marking="OFFICIAL-SENSITIVE",
        paper="Letter",
        idle="10 minutes",
        records=tmp_path / "station" / "records",
        trees=share,
        size=16,
        contrast=True,
    )
    before = window.styleSheet()
    open_with_keys(qtbot, window)
    qtbot.waitUntil(lambda: window.prefs.text_size == 16)
    assert window.contrast_button.isChecked() and window.styleSheet() != before
    assert window.idle.enabled and window.idle.timer.interval() == 10 * 60_000
    assert "the next start" in window.statusBar().currentMessage()

    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    again = MainWindow(load_folder(example_trees), example_trees, settings)  # idle from settings
    qtbot.addWidget(again)
    assert again.idle.timer.interval() == 10 * 60_000
    assert again.prefs.text_size == 16 and again.contrast_button.isChecked()
    assert again.prefs.trees_folder == str(share)
    dialog = SettingsDialog(again.settings, again.folder, again)
    qtbot.addWidget(dialog)
    assert dialog.marking.currentText() == "OFFICIAL-SENSITIVE"
    assert dialog.page_size.currentText() == "Letter"
    assert dialog.idle.currentText() == "10 minutes"
    assert dialog.records.text() == str(tmp_path / "station" / "records")
    assert dialog.trees.text() == str(share)
    assert dialog.text_size.currentText() == "16 points" and dialog.contrast.isChecked()


def test_a_pdf_saved_after_changing_the_marking_and_paper_carries_them(
    qtbot, window, monkeypatch, tmp_path
):
    answer_with(monkeypatch, marking="OFFICIAL-SENSITIVE", paper="Letter")
    open_with_keys(qtbot, window)
    target = tmp_path / "advice.pdf"
    monkeypatch.setattr(
        CaseDialog, "ask", classmethod(lambda cls, parent, s, initial=None: CaseDetails())
    )
    monkeypatch.setattr(pdf_actions, "ask_save_path", lambda parent, suggestion: target)
    monkeypatch.setattr(pdf_actions, "offer_open", lambda parent, path: False)
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_2)  # no candidate: an outcome
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(target.exists)
    assert "OFFICIAL-SENSITIVE" in all_text(target)
    page = PdfReader(target).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)


def test_record_advice_and_the_records_window_use_the_new_records_folder(
    qtbot, window, monkeypatch, tmp_path
):
    folder = tmp_path / "station share" / "records"  # made when OK is pressed
    answer_with(monkeypatch, records=folder)
    open_with_keys(qtbot, window)
    assert folder.is_dir()

    saved = []

    def exec_form(self):
        self.set_text("supervisor_name", "Sgt Jane Roe")
        self.set_text("advice", "Carry on.")
        self.save()
        saved.append(self.saved)
        return 1

    monkeypatch.setattr(RecordDialog, "exec", exec_form)
    monkeypatch.setattr(record_dialog, "tell_saved", lambda parent, record: None)
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_2)
    press(qtbot, Qt.Key.Key_R, CTRL | SHIFT)  # Record advice…
    qtbot.waitUntil(lambda: len(saved) == 1)
    with RecordStore(folder / "advice-records.sqlite3") as store:
        assert store.get(1).supervisor_name == "Sgt Jane Roe"
    window.go_home()
    press(qtbot, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: bool(window.findChildren(RecordsWindow)))
    [records] = window.findChildren(RecordsWindow)
    assert records.records_path == folder / "advice-records.sqlite3"
    records.close()


def test_the_dialog_says_when_the_environment_decides_the_records_folder(
    qtbot, window, monkeypatch, tmp_path
):
    monkeypatch.setenv(RECORDS_ENV, str(tmp_path / "it-chose"))
    dialog = SettingsDialog(window.settings, window.folder, window)
    qtbot.addWidget(dialog)
    dialog.records.setText(str(tmp_path / "mine"))
    note = dialog.records_note.text()
    assert RECORDS_ENV in note and str(tmp_path / "it-chose") in note
    assert "whatever is chosen here" in note and "not moved" in note


def test_cancel_changes_nothing(qtbot, window, tmp_path, settings_file, example_trees):
    window.prefs.text_size = 14  # something already set, to see it is kept
    before = settings_of(settings_file)
    style = window.styleSheet()
    dialog = SettingsDialog(window.settings, window.folder, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    fill(
        dialog,
        marking="SECRET",
        paper="Letter",
        idle=NEVER,
        records=tmp_path / "r",
        trees=example_trees,
        size=28,
        contrast=True,
    )
    press(qtbot, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert settings_of(settings_file) == before
    assert not (tmp_path / "r").exists()
    assert window.styleSheet() == style and window.prefs.text_size == 14


def test_ok_without_changes_writes_nothing(qtbot, window, settings_file):
    dialog = SettingsDialog(window.settings, window.folder, window)
    qtbot.addWidget(dialog)
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.changed == set()
    assert settings_of(settings_file) == {}  # the defaults stay defaults, not copies of them


def test_a_records_folder_that_cannot_be_written_is_refused_beside_the_field(
    qtbot, window, tmp_path, settings_file
):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialog = SettingsDialog(window.settings, window.folder, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    fill(dialog, records=blocker / "records", size=16)
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    error = dialog.errors[dialog.records]
    assert error.isVisible() and "cannot hold the records" in error.text()
    assert QApplication.focusWidget() is dialog.records  # where to fix it
    assert dialog.records.accessibleDescription().startswith(error.text())  # read out too
    assert settings_of(settings_file) == {}  # nothing saved, not even the valid text size

    dialog.records.setText("relative/folder")
    dialog.ok_button.click()
    assert "give the whole path" in error.text() and dialog.isVisible()

    dialog.records.setText(str(tmp_path / "fine"))
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and not error.isVisible()
    assert settings_of(settings_file)["records/data_dir"] == str(tmp_path / "fine")


def test_an_empty_marking_is_refused(qtbot, window):
    dialog = SettingsDialog(window.settings, window.folder, window)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, marking="   ")
    dialog.ok_button.click()
    assert dialog.isVisible() and "Enter a marking" in dialog.errors[dialog.marking].text()


def test_a_trees_folder_the_window_would_not_use_is_refused_and_bundled_clears_it(
    qtbot, window, monkeypatch, tmp_path, settings_file
):
    dialog = SettingsDialog(window.settings, window.folder, window)
    qtbot.addWidget(dialog)
    dialog.show()
    (tmp_path / "empty").mkdir()
    for folder, why in (
        (tmp_path / "offline", "cannot be reached"),
        (tmp_path / "empty", "holds no trees"),
    ):
        fill(dialog, trees=folder)
        dialog.ok_button.click()
        error = dialog.errors[dialog.trees]
        assert dialog.isVisible() and why in error.text() and "bundled trees" in error.text()
    assert "In use now: " + str(window.folder) in dialog.trees.accessibleDescription()
    dialog.trees_bundled.click()
    assert dialog.trees.text() == ""
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert "trees/folder" not in settings_of(settings_file)


def test_browse_puts_the_chosen_folder_in_the_box(qtbot, window, monkeypatch, tmp_path):
    monkeypatch.setattr(
        settings_dialog, "choose_folder", lambda parent, title, start: str(tmp_path)
    )
    dialog = SettingsDialog(window.settings, window.folder, window)
    qtbot.addWidget(dialog)
    dialog.records_browse.click()
    assert dialog.records.text() == str(tmp_path)
    assert str(tmp_path) in dialog.records_note.text()


def test_never_turns_the_idle_reset_off_and_a_time_turns_it_back_on(qtbot, window, monkeypatch):
    answer_with(monkeypatch, idle=NEVER)
    window.idle.set_msec(60_000)
    open_with_keys(qtbot, window)
    assert window.prefs.idle_minutes == 0
    assert not window.idle.enabled and not window.idle.timer.isActive()

    answer_with(monkeypatch, idle="2 minutes")
    open_with_keys(qtbot, window)
    assert window.idle.enabled and window.idle.timer.interval() == 120_000
    assert window.idle.timer.isActive()


def test_a_changed_idle_time_clears_the_screen_when_it_runs_out(qtbot, window):
    window.start_topic("photos")
    window.idle.set_msec(300)  # what Settings does, at test speed
    qtbot.waitUntil(lambda: window.walk is None, timeout=5000)


def test_an_unusual_stored_idle_time_is_shown_and_kept(qtbot, window, settings_file):
    window.settings.setValue("terminal/idle_minutes", 0.5)
    dialog = SettingsDialog(window.settings, window.folder, window)
    qtbot.addWidget(dialog)
    assert dialog.idle.currentText() == "30 seconds"
    dialog.ok_button.click()
    assert float(settings_of(settings_file)["terminal/idle_minutes"]) == 0.5


def test_the_dialog_fits_inside_a_1024_by_768_window_at_every_text_size(qtbot, window):
    for size in (12, 20, 36):
        window.prefs.text_size = size
        window.apply_style()
        dialog = SettingsDialog(window.settings, window.folder, window)
        qtbot.addWidget(dialog)
        assert dialog.width() <= 0.9 * window.width() and dialog.height() <= 0.9 * window.height()
        assert dialog.width() >= 0.5 * window.width()
