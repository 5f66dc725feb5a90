"""Present: the answer stays hidden until the trainer presses a key; then the next question; the
outcome at the end; projector-sized text; F11 full screen; high contrast."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from wizard.gui.trainer.window import CONTRAST_KEY

pytestmark = pytest.mark.gui


def test_present_reveals_each_answer_only_on_a_key_press(qtbot, window):
    window.present("posed-photo")
    p = window.present_view
    assert window.stack.currentWidget() is p and window.focusWidget() is p
    assert p.deck.slide.kind == "story"
    assert "A candidate's team stops you" in " ".join(p.labels())

    qtbot.keyClick(p, Qt.Key.Key_Space)
    assert "Is a candidate in the photo?" in p.labels()
    assert p.revealed_answer is None  # the room discusses first
    assert not any(r.property("expected") for r in p.answer_rows)
    assert not any("The answer for this police officer" in t for t in p.labels())

    qtbot.keyClick(p, Qt.Key.Key_Space)
    assert p.revealed_answer == "Yes"
    assert "✔ The answer for this police officer: “Yes”" in p.labels()

    qtbot.keyClick(p, Qt.Key.Key_Right)
    assert "Is the photo staged?" in p.labels() and p.revealed_answer is None
    qtbot.keyClick(p, Qt.Key.Key_PageDown)  # what a presenter's clicker sends
    assert p.revealed_answer == "Yes, it is posed"

    qtbot.keyClick(p, Qt.Key.Key_Space)
    assert "What does the guidance say?" in p.labels()
    assert not any("Do not do this" in t for t in p.labels())
    qtbot.keyClick(p, Qt.Key.Key_Space)
    assert "✖ Do not do this" in p.labels() and "Do not pose for the photo" in p.labels()

    qtbot.keyClick(p, Qt.Key.Key_Space)
    quoted = " ".join(p.labels())
    assert "What the guidance says" in quoted
    assert "“Officers should not engage in staged photos with candidates" in quoted
    qtbot.keyClick(p, Qt.Key.Key_Space)
    assert "Why this outcome" in p.labels()
    qtbot.keyClick(p, Qt.Key.Key_Space)
    assert any("How would you decline politely?" in t for t in p.labels())
    qtbot.keyClick(p, Qt.Key.Key_Space)  # the end: nothing further
    assert p.deck.slide.kind == "discussion"


def test_left_goes_back_one_step_and_home_to_the_story(qtbot, window):
    window.present("posed-photo")
    p = window.present_view
    for _ in range(3):
        qtbot.keyClick(p, Qt.Key.Key_Space)
    assert "Is the photo staged?" in p.labels() and p.revealed_answer is None
    qtbot.keyClick(p, Qt.Key.Key_Left)
    assert "Is a candidate in the photo?" in p.labels() and p.revealed_answer == "Yes"
    qtbot.keyClick(p, Qt.Key.Key_Left)
    assert p.revealed_answer is None
    qtbot.keyClick(p, Qt.Key.Key_Home)
    assert p.deck.slide.kind == "story"


def test_text_is_projector_sized_and_grows_with_the_screen(qtbot, window):
    window.present("posed-photo")
    p = window.present_view
    qtbot.keyClick(p, Qt.Key.Key_Space)
    question = next(
        w for w in p.body.findChildren(type(p.meta)) if w.text() == "Is a candidate in the photo?"
    )
    big = question.font().pixelSize()
    assert big >= 48  # about 1/20 of a 1080-line screen: readable from the back of a room
    window.resize(960, 540)
    assert question.font().pixelSize() < big


def test_a_long_slide_shrinks_to_fit_rather_than_run_off(qtbot, window):
    window.present("unsure-where-to-start")
    p = window.present_view
    while p.deck.slide.kind != "why":
        p.forward()
    window.resize(1024, 500)
    room = p.scroll_area.viewport().height()
    assert p.column.totalHeightForWidth(p.scroll_area.viewport().width()) <= room or p.fit == 0.55


def test_f11_toggles_full_screen(qtbot, window):
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.present_view, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert window.full_button.text() == "Leave full screen"
    qtbot.keyClick(window.present_view, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())


def test_high_contrast_switches_colours_and_is_remembered(qtbot, window, settings):
    assert "#ffffff" in window.styleSheet().split("QWidget#trainer")[1].split("}")[0]
    window.contrast_button.click()
    assert window.high_contrast
    assert "background: #000000" in window.styleSheet().split("QWidget#trainer")[1]
    assert settings.value(CONTRAST_KEY, type=bool) is True
    qtbot.keyClick(
        window.picker.list,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not window.high_contrast and not window.contrast_button.isChecked()


def test_every_control_says_what_it_is(qtbot, window):
    from PySide6.QtWidgets import QAbstractButton

    window.present("posed-photo")
    for b in window.findChildren(QAbstractButton):
        if b.isVisibleTo(window) and b.text():
            assert b.accessibleName(), b.text()
    assert window.present_view.accessibleName() == "Presentation"


def test_ctrl_plus_and_minus_change_the_slide_text(qtbot, window):
    window.present("posed-photo")
    p = window.present_view
    p.forward()
    [question] = [
        w for w in p.body.findChildren(type(p.meta)) if w.text() == "Is a candidate in the photo?"
    ]
    size = question.font().pixelSize()
    qtbot.keyClick(p, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert question.font().pixelSize() < size
    qtbot.keyClick(p, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert question.font().pixelSize() == size


def test_a_slide_of_an_unknown_kind_is_refused_by_name(qtbot, window):
    """A new kind of slide added to the deck without a way to draw it fails loudly, naming the
    kind, instead of drawing nothing or whatever method happens to match its name."""
    from wizard.gui.trainer.deck import Slide

    window.present("posed-photo")
    p = window.present_view
    p.deck.slides[p.deck.index] = Slide("add")  # the view has a method _add, not for slides
    with pytest.raises(ValueError, match="unknown kind 'add'"):
        p.redraw()
