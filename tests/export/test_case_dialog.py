"""The case-details dialog: all optional, keyboard first; name and number kept only if ticked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit

from wizard.core.case import CASE_FIELDS, CaseDetails
from wizard.gui.case_dialog import CaseDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialog(qtbot, settings):
    def make() -> CaseDialog:
        d = CaseDialog(settings)
        qtbot.addWidget(d)
        d.show()
        qtbot.waitExposed(d)
        return d

    return make


def test_every_field_is_optional_and_empty_gives_empty_details(dialog):
    d = dialog()
    assert d.details() == CaseDetails()
    assert d.save_button.isEnabled()


def test_what_is_typed_becomes_the_details_trimmed(dialog, qtbot):
    d = dialog()
    qtbot.keyClicks(d.inputs["number"], "  4711 ")  # QTest types ASCII only
    d.set_value("name", " Zoë Ó Súilleabháin")
    d.set_value("situation", "A candidate asked Ayşe to pose.\nOutside the station.\n")
    assert d.details() == CaseDetails(
        name="Zoë Ó Súilleabháin",
        number="4711",
        situation="A candidate asked Ayşe to pose.\nOutside the station.",
    )


def test_enter_in_a_box_saves_and_escape_cancels(dialog, qtbot):
    d = dialog()
    qtbot.keyClicks(d.inputs["reference"], "INC-42")
    qtbot.keyClick(d.inputs["reference"], Qt.Key.Key_Return)
    assert d.result() == QDialog.DialogCode.Accepted
    d = dialog()
    qtbot.keyClick(d.inputs["name"], Qt.Key.Key_Escape)
    assert d.result() == QDialog.DialogCode.Rejected


def test_tab_walks_the_boxes_in_order_and_never_sticks_in_a_text_box(dialog, qtbot):
    d = dialog()
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow)
    assert QApplication.focusWidget() is d.inputs["name"]
    seen = [QApplication.focusWidget()]
    for _ in range(len(CASE_FIELDS) + 2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [
        *d.inputs.values(),
        d.remember,
        d.save_button,
        d.buttons.button(d.buttons.StandardButton.Cancel),
    ]
    situation = d.inputs["situation"]
    assert isinstance(situation, QPlainTextEdit) and situation.toPlainText() == ""  # no tab typed


def test_every_control_has_an_accessible_name(dialog):
    d = dialog()
    for (name, label), box in zip(CASE_FIELDS, d.inputs.values(), strict=True):
        assert box.accessibleName() == label, name
        assert box.accessibleDescription().startswith("Optional.")
    assert d.remember.accessibleName() == "Remember my name and number on this terminal"
    assert d.save_button.accessibleName()


def test_name_and_number_are_remembered_only_when_ticked(dialog, settings):
    d = dialog()
    d.set_value("name", "Łukasz Nowak")
    d.set_value("number", "4711")
    d.set_value("notes", "private")
    d.accept()
    assert settings.allKeys() == []  # not ticked: nothing kept
    assert dialog().details() == CaseDetails()

    d = dialog()
    d.set_value("name", "Łukasz Nowak")
    d.set_value("number", "4711")
    d.set_value("notes", "private")
    d.remember.setChecked(True)
    d.accept()
    again = dialog()
    assert again.remember.isChecked()
    assert again.details() == CaseDetails(name="Łukasz Nowak", number="4711")  # never the notes
    assert "private" not in str([settings.value(k) for k in settings.allKeys()])


def test_unticking_forgets(dialog, settings):
    d = dialog()
    d.set_value("name", "Ayşe")
    d.remember.setChecked(True)
    d.accept()
    d = dialog()
    d.remember.setChecked(False)
    d.accept()
    assert settings.allKeys() == []
    assert dialog().details() == CaseDetails()


def test_cancel_changes_nothing_remembered(dialog, settings):
    d = dialog()
    d.set_value("name", "Ayşe")
    d.remember.setChecked(True)
    d.accept()
    d = dialog()
    d.remember.setChecked(False)
    d.set_value("name", "Someone else")
    d.reject()
    assert dialog().details() == CaseDetails(name="Ayşe")


def test_ask_returns_the_details_or_none(monkeypatch, settings, qapp):
    monkeypatch.setattr(CaseDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert CaseDialog.ask(None, settings) is None

    def fill_and_save(self):
        self.set_value("supervisor", "Sgt Jones")
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CaseDialog, "exec", fill_and_save)
    assert CaseDialog.ask(None, settings) == CaseDetails(supervisor="Sgt Jones")
