"""The window driven as a user would: home, search, questions, outcome, by keyboard alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.gui_helpers import focused, press, texts, type_text
from wizard.gui.question_view import REMEMBERED_NOTE

pytestmark = pytest.mark.gui
ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def on_screen(window):
    return window.stack.currentWidget()


def test_a_whole_walk_from_home_to_an_outcome_by_keyboard_alone(qtbot, make_window):
    window = make_window()
    assert focused() is window.home.search
    type_text(qtbot, "photo")
    press(qtbot, Qt.Key.Key_Down)
    assert focused() is window.home.tiles["photos"]
    press(qtbot, Qt.Key.Key_Return)
    assert on_screen(window) is window.question_view
    assert window.question_view.text.text() == "Is a candidate in the photo?"
    assert focused() is window.question_view.text  # the question, not answer 1
    press(qtbot, Qt.Key.Key_1)  # Yes
    assert window.question_view.text.text() == "Is the photo staged?"
    press(qtbot, Qt.Key.Key_1)  # Yes, it is posed
    assert on_screen(window) is window.outcome_view
    view = window.outcome_view
    assert view.banner.verdict.text() == "Do not do this"
    assert view.banner.symbol.text() == "✖"
    assert view.title.text() == "Do not pose for the photo"
    assert focused() is view.banner


def test_space_and_enter_choose_the_focused_answer_and_tab_moves_between_answers(
    qtbot, make_window
):
    window = make_window()
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_Down)  # from the question to the first answer
    assert focused() is window.question_view.answer_buttons[0]
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is window.question_view.answer_buttons[1]
    press(qtbot, Qt.Key.Key_Space)  # No
    assert window.outcome_view.title.text() == "You may carry on"


def test_search_finds_a_topic_as_you_type_and_enter_opens_it(qtbot, make_window):
    window = make_window()
    home = window.home
    type_text(qtbot, "selfies")
    assert home.shown == ["photos"]
    assert home.match_note.text() == "1 topic matches “selfies”."
    press(qtbot, Qt.Key.Key_Return)
    assert window.walk is not None and window.walk.start_tree.id == "photos"


def test_search_matches_question_text_and_says_so(qtbot, make_window):
    window = make_window()
    type_text(qtbot, "staged")
    tile = window.home.tiles["photos"]
    assert window.home.shown == ["photos"]
    assert tile.note.text() == "Asks: “Is the photo staged?”"


def test_a_search_that_finds_nothing_says_what_to_do(qtbot, make_window):
    window = make_window()
    type_text(qtbot, "parking tickets ")
    assert window.home.shown == []
    assert not window.home.tiles["photos"].isVisible()
    assert "No topic matches" in window.home.match_note.text()
    assert "ask a supervisor" in window.home.match_note.text()


def test_not_sure_where_to_start_opens_the_start_tree(qtbot, make_window):
    window = make_window()
    window.home.start_button.click()
    assert window.question_view.text.text() == "What is it about?"
    press(qtbot, Qt.Key.Key_2)  # a posed photo: straight into the photos tree, mid-way
    assert window.question_view.text.text() == "Is the photo staged?"


def test_back_offers_the_earlier_answer_selected_but_does_not_apply_it(qtbot, make_window):
    window = make_window()
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Left, ALT)
    view = window.question_view
    assert view.text.text() == "Is a candidate in the photo?"
    assert window.walk.steps == []
    remembered = view.remembered_button()
    assert remembered is view.answer_buttons[0]
    assert remembered.note.text() == REMEMBERED_NOTE
    assert focused() is remembered
    press(qtbot, Qt.Key.Key_2)  # choosing another answer is allowed
    assert window.outcome_view.title.text() == "You may carry on"


def test_backspace_also_goes_back_and_is_off_on_the_first_question(qtbot, make_window):
    window = make_window()
    window.start_topic("photos")
    assert not window.question_view.back_button.isEnabled()
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Backspace)
    assert window.question_view.text.text() == "Is a candidate in the photo?"


def test_change_from_the_outcome_returns_to_that_question_with_the_answer_selected(
    qtbot, make_window
):
    window = make_window()
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_3)  # not sure -> supervisor
    panel = window.outcome_view.panel
    assert len(panel.change_buttons) == 2
    panel.change_buttons[1].setFocus()
    press(qtbot, Qt.Key.Key_Return)
    view = window.question_view
    assert view.text.text() == "Is the photo staged?"
    assert len(window.walk.steps) == 1
    assert view.remembered_button() is view.answer_buttons[2]
    assert texts(view.panel, "stepAnswer") == ["Yes"]


def test_change_in_the_side_panel_during_the_questions(qtbot, make_window):
    window = make_window()
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_1)
    window.question_view.panel.change_buttons[0].click()
    assert window.question_view.text.text() == "Is a candidate in the photo?"
    assert window.question_view.remembered_button() is window.question_view.answer_buttons[0]


def test_start_again_forgets_every_answer(qtbot, make_window):
    window = make_window()
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_R, CTRL)
    view = window.question_view
    assert on_screen(window) is view
    assert view.text.text() == "Is a candidate in the photo?"
    assert window.walk.steps == []
    assert view.remembered_button() is None
    assert view.panel.change_buttons == []


def test_home_leaves_the_walk(qtbot, make_window):
    window = make_window()
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_Home, ALT)
    assert on_screen(window) is window.home
    assert window.walk is None
    assert focused() is window.home.search


def test_help_is_one_key_away(qtbot, make_window):
    window = make_window()
    window.start_topic("photos")
    view = window.question_view
    assert not view.help_button.isVisible()  # the first question has no help
    press(qtbot, Qt.Key.Key_1)
    assert view.help_button.isVisible()
    assert not view.help.isVisible()
    press(qtbot, Qt.Key.Key_F1)
    assert view.help.isVisible()
    assert view.help.text().startswith("A staged photo is one that is posed")
    press(qtbot, Qt.Key.Key_F1)
    assert not view.help.isVisible()


def test_the_outcome_quotes_the_guidance_in_full_and_explains_why(qtbot, make_window):
    window = make_window()
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_3)
    view = window.outcome_view
    assert texts(view, "quote") == [
        "“If in doubt, don't do it.”",
        "“Officers should not engage in staged photos with candidates, such as handshaking.”",
    ]
    assert texts(view, "citation")[0] == (
        "— Test Constabulary, Example guidance on photographs (TEST 1/26), clause “doubt”"
    )
    why = " ".join(texts(view, rich=True))
    assert "If you had answered “No”: Acceptable — “You may carry on”" in why
    assert "If you had answered “Yes, it is posed”: Do not do this — “Do not pose" in why


def test_an_answer_into_a_topic_that_did_not_load_says_so_and_stays(qtbot, make_window, trees):
    (trees / "photos.yaml").write_text("id: photos\ntitle: [broken\n", encoding="utf-8")
    window = make_window()
    window.start_topic("start")
    press(qtbot, Qt.Key.Key_1)  # "A photo" -> the photos tree, which failed
    view = window.question_view
    assert view.error.isVisible()
    assert "could not be loaded" in view.error.text()
    assert view.text.text() == "What is it about?"
    assert window.walk.steps == []


def test_tab_visits_each_screen_in_reading_order(qtbot, make_window):
    window = make_window()
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_1)
    view = window.question_view
    view.answer_buttons[-1].setFocus()
    order = []
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Tab)
        order.append(focused())
    assert order == [
        view.back_button,
        view.restart_button,
        view.home_button,
        view.panel.change_buttons[0],
    ]
    press(qtbot, Qt.Key.Key_1)  # the focus is on a Change button, still inside the view
    outcome = window.outcome_view
    assert window.stack.currentWidget() is outcome
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is outcome.panel.change_buttons[0]
    for _ in range(len(outcome.panel.change_buttons)):
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is outcome.back_button


def test_the_search_box_has_a_clear_button_once_something_is_typed(qtbot, make_window):
    from PySide6.QtWidgets import QToolButton

    window = make_window()
    search = window.home.search
    qtbot.waitUntil(search.isClearButtonEnabled)
    type_text(qtbot, "photo")
    clear = [b for b in search.findChildren(QToolButton) if b.isVisible()]
    assert len(clear) == 1
    clear[0].click()
    assert search.text() == "" and window.home.shown == ["photos"]
