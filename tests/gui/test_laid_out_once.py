"""A step's screen is laid out once, before the event loop runs again (issue 15): no half-laid-out
frame, layouts switched back on whatever happens, size hints that keep Qt's widths, and the
earlier answer scrolled into view the same way whichever screen came before. Speed itself is
measured by bench/steps.py, never here."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QFrame, QLayout, QWidget

from tests.gui.gui_helpers import focused, press
from wizard.gui.settings import TEXT_SIZES
from wizard.gui.widgets import laid_out_once, layout_size_hint

pytestmark = pytest.mark.gui


def geometry(view: QWidget) -> dict[int, QRect]:
    """Where each shown widget of a screen is, relative to the screen."""
    return {
        id(w): QRect(w.mapTo(view, QPoint(0, 0)), w.size())
        for w in view.findChildren(QWidget)
        if w.isVisible()
    }


def layouts(view: QWidget) -> list[QLayout]:
    return [lay for w in view.findChildren(QWidget) if (lay := w.layout()) is not None]


def test_a_step_is_laid_out_before_the_event_loop_runs_again(qtbot, make_window):
    window = make_window()
    window.start_topic("photos")
    view = window.question_view
    for _ in range(2):
        window.answer(window.walk.question.answers[0].id)  # no events processed in between
        if window.walk.outcome is not None:
            view = window.outcome_view
        now = geometry(view)
        for _ in range(3):
            QApplication.processEvents()
        assert geometry(view) == now  # nothing was left for a later turn (and a later paint)
        assert all(lay.isEnabled() for lay in layouts(view))


def test_the_layouts_are_switched_back_on_if_an_update_fails(qtbot, make_window):
    window = make_window()
    window.start_topic("photos")
    view = window.question_view
    with pytest.raises(RuntimeError), laid_out_once(view):
        assert not any(lay.isEnabled() for lay in layouts(view))
        raise RuntimeError
    assert all(lay.isEnabled() for lay in layouts(view))


def test_size_hints_keep_qts_width(qtbot, make_window):
    window = make_window()
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_1)
    panel = window.question_view.panel
    assert layout_size_hint(panel).width() == QFrame.sizeHint(panel).width()
    row = panel.change_buttons[0].parentWidget()  # an answer so far
    assert layout_size_hint(row).width() == QWidget.sizeHint(row).width()


def test_the_earlier_answer_is_scrolled_to_the_same_way_whichever_screen_came_before(
    qtbot, make_window
):
    window = make_window()
    window.prefs.text_size = TEXT_SIZES[-1]  # the first question no longer fits
    window.apply_style()
    window.start_topic("photos")
    view = window.question_view
    last = window.walk.question.answers[-1].id
    scrolled = []
    window.answer(last)
    while window.walk.outcome is None:
        window.answer(window.walk.question.answers[0].id)
    window.change(0)  # from the outcome
    scrolled.append(view.scroll_area.verticalScrollBar().value())
    window.answer(last)
    window.go_back()  # from the second question
    scrolled.append(view.scroll_area.verticalScrollBar().value())
    card = view.remembered_button()
    assert card is not None and focused() is card
    assert scrolled[0] == scrolled[1] > 0
    top = card.mapTo(view.scroll_area.viewport(), QPoint(0, 0)).y()
    assert top >= 0 and top + card.height() <= view.scroll_area.viewport().height()
