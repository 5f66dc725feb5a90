"""At 1024x768, at every text size a user can choose, the bars stay small and the question, its
answers and the verdict show without scrolling (issue 17, items 2 and 6)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from tests.gui.gui_helpers import focused, press, type_text
from wizard.gui.settings import TEXT_SIZES
from wizard.library.locations import bundled_trees

pytestmark = pytest.mark.gui
HEIGHT = 768


def in_view(w: QWidget) -> bool:
    """Whether all of `w` shows inside the scroll area it is in (else inside its window)."""
    area = w.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    port = area.viewport() if area is not None else w.window()
    if not w.isVisible():
        return False
    return port.rect().contains(QRect(w.mapTo(port, QPoint(0, 0)), w.size()))


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def window(make_window):
    from wizard.gui import app as gui_app

    w = make_window(bundled_trees())
    gui_app.add_outcome_actions(w)
    return w


@pytest.mark.parametrize("size", TEXT_SIZES)
def test_bars_question_and_verdict_fit_at_every_text_size(qtbot, window, size):
    window.prefs.text_size = size
    window.apply_style()
    window.start_topic("photos")
    settle()
    assert window.top_bar.height() <= HEIGHT / 8, size
    view = window.question_view
    qtbot.waitUntil(lambda: in_view(view.text))
    window.answer(window.walk.question.answers[0].id)
    while window.walk.outcome is None:
        window.answer(window.walk.question.answers[0].id)
    settle()
    out = window.outcome_view
    bars = window.top_bar.height() + out.action_row.parentWidget().parentWidget().height()
    assert bars <= HEIGHT / 4, size
    qtbot.waitUntil(lambda: in_view(out.banner))


def test_the_top_bar_folds_into_a_menu_that_keeps_every_button(qtbot, window):
    window.prefs.text_size = TEXT_SIZES[-1]
    window.apply_style()
    settle()
    bar = window.top_bar
    assert bar.menu_button.isVisible()
    folded = bar.folded()
    assert folded and window.about_button in folded
    bar._fill_menu()
    names = [a.text() for a in bar.menu.actions()]
    assert "About" in names and "Larger text" in names
    window.prefs.text_size = 12
    window.apply_style()
    settle()
    assert not bar.menu_button.isVisible() and bar.folded() == []


def test_at_the_largest_text_home_scrolls_to_the_search_box_and_the_focused_topic(qtbot, window):
    window.prefs.text_size = TEXT_SIZES[-1]
    window.apply_style()
    window.go_home()
    qtbot.waitUntil(lambda: in_view(window.home.search))
    type_text(qtbot, "photo")
    press(qtbot, Qt.Key.Key_Down)
    assert focused() is window.home.tiles["photos"]
    qtbot.waitUntil(lambda: in_view(window.home.tiles["photos"]))


def test_every_answer_and_the_buttons_of_a_question_fit_at_the_default_size(qtbot, window):
    for topic in ("start", "talking-politics"):
        window.start_topic(topic)
        settle()
        view = window.question_view
        for w in [view.text, *view.answer_buttons, view.back_button, view.home_button]:
            qtbot.waitUntil(lambda w=w: in_view(w))
