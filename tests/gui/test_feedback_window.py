""" "This did not answer my question" on every outcome and after a home search that found nothing,
by keyboard; the note is kept with the walk's ids, and the topics opened and outcomes reached are
counted per day (issue 20). Nothing personal: the box says so, and the store refuses it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.gui.gui_helpers import focused, press, type_text
from wizard.feedback.store import FeedbackStore, Note
from wizard.gui import feedback_actions
from wizard.gui.feedback_dialog import NOT_PERSONAL, FeedbackDialog
from wizard.gui.main_window import MainWindow
from wizard.library.folder import load_folder

pytestmark = pytest.mark.gui
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def data(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("PURDAH_WIZARD_DATA", str(folder))
    return folder


@pytest.fixture
def asked(monkeypatch):
    """What the dialog was asked with; it answers with the line the test sets."""
    calls: list[dict] = []

    def ask(parent, prefill="", with_walk=True):
        calls.append({"prefill": prefill, "with_walk": with_walk})
        return calls_line[0]

    calls_line = ["Selfie at the count"]
    monkeypatch.setattr(FeedbackDialog, "ask", staticmethod(ask))
    return calls, calls_line


@pytest.fixture
def with_feedback(qtbot, trees, settings_file):
    """A window with the feedback wired in before it is shown, as create_window does."""

    def make() -> MainWindow:
        settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
        window = MainWindow(load_folder(trees), trees, settings, idle_msec=0)
        feedback_actions.install(window)
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


def test_an_outcome_offers_it_and_keeps_the_line_with_the_walks_ids(
    qtbot, with_feedback, data, asked
):
    window = with_feedback()
    type_text(qtbot, "photo")
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_1)
    assert window.stack.currentWidget() is window.outcome_view
    (offer,) = window.outcome_view.page_actions
    assert offer.text() == "This did not answer my question…" and offer.isVisible()
    press(qtbot, Qt.Key.Key_F, CTRL_SHIFT)  # a button's shortcut clicks it on a timer
    qtbot.waitUntil(lambda: asked[0] == [{"prefill": "", "with_walk": True}])
    (note,) = FeedbackStore(data).read().notes
    assert note == Note(
        dt.date.today().isoformat(),
        "photos",
        (("photos", "candidate_present", "yes"), ("photos", "staged", "yes")),
        "do_not_pose",
        "do_not",
        "Selfie at the count",
    )
    assert "kept for the policy team" in window.statusBar().currentMessage()


def test_a_search_that_finds_nothing_offers_it_filled_with_the_search(
    qtbot, with_feedback, data, asked
):
    window = with_feedback()
    home = window.home
    type_text(qtbot, "parking tickets")
    assert home.not_answered is not None and home.not_answered.isVisible()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is home.not_answered
    asked[1][0] = "parking tickets outside a polling station"
    press(qtbot, Qt.Key.Key_Return)
    assert asked[0] == [{"prefill": "parking tickets", "with_walk": False}]
    (note,) = FeedbackStore(data).read().notes
    assert (note.topic, note.answers, note.outcome, note.line) == (
        "",
        (),
        "",
        "parking tickets outside a polling station",
    )
    home.search.clear()
    assert home.not_answered.isHidden()
    type_text(qtbot, "photo")
    assert home.not_answered.isHidden()  # offered only when nothing was found


def test_a_line_the_store_refuses_is_not_kept_and_the_walk_goes_on(
    qtbot, with_feedback, data, asked
):
    window = with_feedback()
    asked[1][0] = "ring me on 07700 900123"
    type_text(qtbot, "parking")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Return)
    assert FeedbackStore(data).read().notes == []
    assert "not kept" in window.statusBar().currentMessage()


def test_the_box_says_not_to_type_names_or_numbers_and_refuses_them(qtbot):
    dialog = FeedbackDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.rule.text() == NOT_PERSONAL
    assert "names" in NOT_PERSONAL and "numbers" in NOT_PERSONAL
    dialog.line.setText("email jane@example.org")
    dialog._keep()
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.error.isVisibleTo(dialog)
    dialog.line.setText("A leaflet through the station's door")
    dialog._keep()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_topics_opened_and_outcomes_reached_are_counted_per_day(qtbot, with_feedback, data):
    window = with_feedback()
    type_text(qtbot, "photo")
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Backspace)  # back, and the same answer: the same outcome, once
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Backspace)  # back, and another answer: another outcome
    press(qtbot, Qt.Key.Key_2)
    today = dt.date.today().isoformat()
    expected = {
        (today, "topic", "photos", ""): 1,
        (today, "outcome", "photos", "do_not_pose"): 1,
        (today, "outcome", "photos", "fine"): 1,
    }

    def counts():
        return {(c.day, c.kind, c.topic, c.outcome): c.n for c in FeedbackStore(data).read().counts}

    qtbot.waitUntil(lambda: counts() == expected)
    assert FeedbackStore(data).read().notes == []
    assert window.walk is not None
