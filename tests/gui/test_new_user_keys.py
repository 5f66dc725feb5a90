"""What a new user stumbled on (issue 17): a search that appended, a stray Space that answered,
Ctrl+S that said nothing, status lines that outlived their screen, details typed twice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.gui.gui_helpers import focused, press, type_text
from wizard.core.case import CaseDetails
from wizard.gui import app as gui_app
from wizard.gui import pdf_actions, record_dialog
from wizard.gui.case_dialog import CaseDialog
from wizard.gui.record_dialog import RecordDialog
from wizard.records.datadir import ENV

pytestmark = pytest.mark.gui
ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_alt_home_selects_the_last_search_so_typing_replaces_it(qtbot, make_window):
    """Item 5."""
    window = make_window()
    type_text(qtbot, "photo")
    press(qtbot, Qt.Key.Key_Return)
    assert window.walk is not None
    press(qtbot, Qt.Key.Key_Home, ALT)
    assert focused() is window.home.search
    type_text(qtbot, "selfies")
    assert window.home.search.text() == "selfies"


def test_enter_or_space_on_a_fresh_question_answers_nothing(qtbot, make_window):
    """Item 10."""
    window = make_window()
    window.start_topic("photos")
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
        press(qtbot, key)
    assert window.walk.steps == [] and window.stack.currentWidget() is window.question_view
    press(qtbot, Qt.Key.Key_1)  # its number still answers
    assert len(window.walk.steps) == 1


def test_ctrl_s_on_a_question_says_where_the_pdf_is_made(qtbot, make_window):
    """Item 10."""
    window = make_window()
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert "PDF" in window.statusBar().currentMessage()
    assert "outcome" in window.statusBar().currentMessage()


def test_a_status_message_goes_with_its_screen_and_no_empty_strip_stays(qtbot, make_window):
    """Item 11."""
    window = make_window()
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert window.statusBar().currentMessage().startswith("Cleared")
    assert window.statusBar().isVisible()
    window.start_topic("photos")
    assert window.statusBar().currentMessage() == ""
    assert not window.statusBar().isVisible()
    press(qtbot, Qt.Key.Key_2)  # an outcome: nothing under its buttons
    assert window.stack.currentWidget() is window.outcome_view
    assert not window.statusBar().isVisible()


def test_case_details_for_the_pdf_fill_the_record_form_for_the_same_walk(
    qtbot, make_window, monkeypatch, tmp_path
):
    """Item 7."""
    monkeypatch.setenv(ENV, str(tmp_path / "data"))
    window = make_window()
    gui_app.add_outcome_actions(window)
    given = CaseDetails(
        name="PC Ann Lee", role="PC", number="4521", supervisor="Sgt Roe", reference="INC-7"
    )
    asked: list[CaseDetails | None] = []

    def ask_case(cls, parent, settings, initial=None):
        asked.append(initial)
        return given

    monkeypatch.setattr(CaseDialog, "ask", classmethod(ask_case))
    monkeypatch.setattr(pdf_actions, "ask_save_path", lambda parent, s: None)
    forms: list[RecordDialog] = []
    monkeypatch.setattr(RecordDialog, "exec", lambda self: forms.append(self) or 0)
    monkeypatch.setattr(record_dialog, "confirm_discard", lambda parent: True)
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_2)
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: bool(asked))
    assert asked == [None]
    press(qtbot, Qt.Key.Key_R, CTRL | SHIFT)
    qtbot.waitUntil(lambda: bool(forms))
    form = forms[0]
    assert form.text("advised_name") == "PC Ann Lee"
    assert form.text("advised_role") == "PC"
    assert form.text("advised_number") == "4521"
    assert form.text("supervisor_name") == "Sgt Roe"
    assert form.text("reference") == "INC-7"
    assert not form.has_typed()  # filled in, not typed: closing it asks nothing
    press(qtbot, Qt.Key.Key_S, CTRL)  # and the other way round, for the same walk
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert asked[1] is not None and asked[1].name == "PC Ann Lee"
    window.start_topic("photos")  # another walk starts afresh
    press(qtbot, Qt.Key.Key_2)
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(asked) == 3)
    assert asked[2] is None


def test_the_reason_row_shows_only_while_differs_is_ticked(qtbot, tmp_path):
    """Item 8."""
    from PySide6.QtCore import QSettings

    from tests.records.kit import transcript

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    form = RecordDialog(transcript("do_not"), tmp_path / "r.sqlite3", settings)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    assert not form.inputs["reason"].isVisible()
    assert all(not w.isVisible() for w in form.reason_row)
    form.differs.setChecked(True)
    assert form.inputs["reason"].isVisible() and form.inputs["reason"].isEnabled()
    assert isinstance(form, QDialog)
