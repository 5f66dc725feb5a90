"""Choosing a scenario: title, person and topic shown, the verdict hidden until asked for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from wizard.gui.trainer.picker import HIDDEN, PERSON, TITLE, TOPIC

pytestmark = pytest.mark.gui


def rows(picker) -> list[tuple[str, str, str]]:
    items = [picker.list.topLevelItem(i) for i in range(picker.list.topLevelItemCount())]
    return [(it.text(TITLE), it.text(PERSON), it.text(TOPIC)) for it in items]


def test_the_list_shows_every_scenario_with_who_and_topic(qtbot, window, example_catalog):
    picker = window.picker
    assert window.stack.currentWidget() is picker
    assert len(rows(picker)) == len(example_catalog.scenarios)
    assert ("Not sure if the photo was posed", "Police staff", "Photos with candidates") in rows(
        picker
    )
    assert ("A question no topic covers", "Special constable", "Not sure where to start?") in rows(
        picker
    )


def test_verdicts_stay_hidden_until_the_trainer_shows_them(qtbot, window):
    picker = window.picker
    assert set(picker.verdict_texts()) == {HIDDEN}
    picker.verdict_button.click()
    shown = picker.verdict_texts()
    assert "✖ Do not do this" in shown and HIDDEN not in shown
    picker.verdict_button.click()
    assert set(picker.verdict_texts()) == {HIDDEN}


def test_enter_presents_the_chosen_scenario(qtbot, window):
    picker = window.picker
    picker.select("posed-photo")
    qtbot.keyClick(picker.list, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.present_view
    assert window.present_view.deck.scenario.id == "posed-photo"
    assert window.tabs["present"].isChecked()


def test_ctrl_numbers_switch_between_the_screens(qtbot, window):
    window.picker.select("posed-photo")
    for key, page in (
        (Qt.Key.Key_3, window.quiz_view),
        (Qt.Key.Key_4, window.map_panel),
        (Qt.Key.Key_2, window.present_view),
        (Qt.Key.Key_1, window.picker),
    ):
        qtbot.keyClick(window.focusWidget() or window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is page
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    qtbot.keyClick(window.present_view, Qt.Key.Key_M)
    assert window.stack.currentWidget() is window.map_panel


def test_esc_leaves_the_presentation_for_the_list(qtbot, window):
    window.present("posed-photo")
    qtbot.keyClick(window.present_view, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.picker
