"""What a new user stumbled on in trainer mode (issue 17, items 16 and 17): the last slide's Next,
the hint's keys, the quiz result's buttons, and the map in high contrast."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

pytestmark = pytest.mark.gui


def test_on_the_last_slide_next_says_end_and_looks_off(qtbot, window):
    window.present("posed-photo")
    p = window.present_view
    active = p.next_button.palette().color(QPalette.ColorRole.ButtonText).name()
    while not p.deck.at_end:
        qtbot.keyClick(p, Qt.Key.Key_Space)
    assert not p.next_button.isEnabled()
    assert p.next_button.text() == "End"
    p.next_button.ensurePolished()
    assert p.next_button.palette().color(QPalette.ColorRole.ButtonText).name() != active
    assert p.keys.text().count("Esc") == 1  # not "Esc for the list … Esc list"


def test_the_quiz_results_buttons_are_as_large_as_its_text(qtbot, window):
    from PySide6.QtWidgets import QLabel

    window.quiz("unsure-where-to-start")
    q = window.quiz_view
    for key in ("1", "1", "1"):  # a path that leaves the scenario's: the longest result
        qtbot.keyClick(q.answer_buttons[0], key)
    assert q.report is not None
    body = max(
        w.font().pixelSize() for w in q.body.findChildren(QLabel) if w.property("role") == "body"
    )
    assert q.again_button.font().pixelSize() >= body
    assert q.leave_button.font().pixelSize() >= body


def test_the_map_turns_black_in_high_contrast(qtbot, window):
    window.map_of("posed-photo")
    view = window.map_panel.view
    assert view.backgroundBrush().color().name() == "#ffffff"
    window.set_high_contrast(True, remember=False)
    assert view.backgroundBrush().color().name() == "#000000"
    assert all(item.ink.background == "#000000" for item in view.box_items)
    image = view.grab().toImage()
    dark = sum(
        1
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
        if image.pixelColor(x, y).lightness() < 60
    )
    total = len(range(0, image.width(), 7)) * len(range(0, image.height(), 7))
    assert dark > total / 2  # mostly black, not white
