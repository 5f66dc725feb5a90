"""Shared questions in the window: an answer given once is offered, pre-selected, in the next
topic too, until the screen is cleared for the next person (Clear, Ctrl+L or idle)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.conftest import FIXTURES
from tests.gui.gui_helpers import focused, press
from wizard.gui.question_view import REMEMBERED_NOTE

pytestmark = pytest.mark.gui
ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
SHARED_TREES = FIXTURES / "shared"


def answer_role_in_photos(qtbot, window) -> None:
    """Open photos, answer "Police staff" (the fifth answer) to the shared role, and go home."""
    window.start_topic("photos")
    assert window.question_view.text.text() == "Which of these are you?"
    press(qtbot, Qt.Key.Key_5)
    assert window.question_view.text.text().startswith("Would you be on duty")
    press(qtbot, Qt.Key.Key_Home, ALT)
    assert window.walk is None


def test_the_next_topic_offers_the_shared_answer_preselected(qtbot, make_window):
    window = make_window(SHARED_TREES)
    answer_role_in_photos(qtbot, window)
    window.start_topic("campaigning")
    view = window.question_view
    assert view.text.text() == "Which of these are you?"
    remembered = view.remembered_button()
    assert remembered is view.answer_buttons[4]
    assert remembered.note.text() == REMEMBERED_NOTE
    assert focused() is remembered
    assert window.walk.steps == []  # offered, never applied
    press(qtbot, Qt.Key.Key_Return)  # Enter keeps it
    assert window.walk.steps[0].answer_id == "staff"


def test_clear_forgets_the_shared_answers(qtbot, make_window):
    window = make_window(SHARED_TREES)
    answer_role_in_photos(qtbot, window)
    press(qtbot, Qt.Key.Key_L, CTRL)
    window.start_topic("campaigning")
    assert window.question_view.remembered_button() is None
    assert focused() is window.question_view.text  # no answer chosen for them


def test_clearing_mid_walk_forgets_its_shared_answers_too(qtbot, make_window):
    window = make_window(SHARED_TREES)
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_1)
    window.clear_button.click()
    window.start_topic("campaigning")
    assert window.question_view.remembered_button() is None


def test_the_idle_reset_forgets_the_shared_answers(qtbot, make_window):
    window = make_window(SHARED_TREES, idle_msec=500)
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_1)
    with qtbot.waitSignal(window.cleared, timeout=3000):
        pass
    window.start_topic("campaigning")
    assert window.question_view.remembered_button() is None


def test_start_again_forgets_this_walks_shared_answers_but_not_earlier_topics(qtbot, make_window):
    window = make_window(SHARED_TREES)
    answer_role_in_photos(qtbot, window)
    window.start_topic("campaigning")
    press(qtbot, Qt.Key.Key_1)  # a police officer, this time
    press(qtbot, Qt.Key.Key_2)  # off duty
    press(qtbot, Qt.Key.Key_R, CTRL)
    view = window.question_view
    assert window.walk.steps == []
    assert view.remembered_button() is view.answer_buttons[4]  # from photos, before this walk
