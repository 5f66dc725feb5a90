"""Every key press answered within a frame (issue 15): screens are updated in place, not rebuilt,
and what users rely on (focus, the screen reader's text) holds. Speed itself is measured by
bench/steps.py, never here."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from tests.gui.gui_helpers import focused, press
from wizard.gui.widgets import CardButton

pytestmark = pytest.mark.gui


def widgets_in(view: QWidget) -> set[int]:
    return {id(w) for w in view.findChildren(QWidget)}


def test_answering_keeps_the_cards_and_rows_and_the_new_question_is_announced(qtbot, make_window):
    window = make_window()
    window.start_topic("photos")
    view = window.question_view
    first_cards = list(view.answer_buttons)
    press(qtbot, Qt.Key.Key_1)
    assert window.stack.currentWidget() is view and window.walk.question is not None
    assert view.answer_buttons[0] is first_cards[0]  # updated, not made anew
    assert all(isinstance(b, CardButton) and b.isVisible() for b in view.answer_buttons)
    assert len(view.answer_buttons) == len(window.walk.question.answers)
    # The focus lands on the new question's words, which a screen reader reads by their name.
    assert focused() is view.text
    assert view.text.accessibleName() == f"Question: {window.walk.question.text}"
    for i, (card, answer) in enumerate(
        zip(view.answer_buttons, window.walk.question.answers, strict=True)
    ):
        assert card.title.text() == answer.label
        assert card.accessibleName() == f"Answer {i + 1}: {answer.label}"
        assert card.property("answer_id") == answer.id
    # Back, then the same answer again: nothing new is made the second time.
    press(qtbot, Qt.Key.Key_Backspace)
    before = widgets_in(view)
    press(qtbot, Qt.Key.Key_1)
    assert widgets_in(view) == before


def test_an_answer_chosen_from_its_card_moves_the_focus_to_the_next_question(qtbot, make_window):
    window = make_window()
    window.start_topic("photos")
    view = window.question_view
    press(qtbot, Qt.Key.Key_Down)  # from the question's words to answer 1
    assert focused() is view.answer_buttons[0]
    press(qtbot, Qt.Key.Key_Space)
    assert len(window.walk.steps) == 1
    assert focused() is view.text  # not left on a card that now shows another answer


def test_a_remembered_answer_is_marked_on_the_card_that_shows_it_and_only_there(qtbot, make_window):
    window = make_window()
    window.start_topic("photos")
    view = window.question_view
    press(qtbot, Qt.Key.Key_1)
    window.change(0)
    assert view.remembered_button() is view.answer_buttons[0]
    assert focused() is view.answer_buttons[0]
    press(qtbot, Qt.Key.Key_1)  # the next question, on the same cards
    if window.walk.question is not None and window.walk.remembered_answer() is None:
        assert view.remembered_button() is None
        assert not any(b.note is not None and b.note.isVisible() for b in view.answer_buttons)


def test_outcomes_keep_their_labels_and_show_only_the_new_outcomes_text(qtbot, make_window):
    from tests.gui.gui_helpers import texts

    window = make_window()
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_2)  # an outcome
    view = window.outcome_view
    assert window.stack.currentWidget() is view
    first = window.walk.transcript().outcome
    shown = texts(view)
    assert all(f"“{c.text}”" in shown for c in first.citations)
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_1)
    while window.walk.outcome is None:
        press(qtbot, Qt.Key.Key_1)
    second = window.walk.transcript().outcome
    shown = texts(view)
    assert all(f"“{c.text}”" in shown for c in second.citations)
    quotes = texts(view, "quote")
    assert len(quotes) == len(second.citations) + len(second.law)
    assert not [
        w
        for w in view.findChildren(QLabel)
        if w.isVisibleTo(view)
        and not w.text()
        and w.property("role") in ("quote", "citation", "stepAnswer")
    ]
    assert focused() is view.banner
