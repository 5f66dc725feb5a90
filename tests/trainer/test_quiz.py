"""Quiz: a trainee answers alone with the number keys; the result shows where the paths parted,
the answer expected and the one given, and what the guidance says at both ends."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


def press(qtbot, view, *keys: str) -> None:
    for k in keys:
        qtbot.keyClick(view.answer_buttons[0] if view.answer_buttons else view, k)


def texts(view) -> str:
    from PySide6.QtWidgets import QLabel

    return "\n".join(w.text() for w in view.body.findChildren(QLabel))


def test_a_quiz_that_leaves_the_path_says_where_and_what_the_guidance_says(qtbot, window):
    window.quiz("unsure-where-to-start")
    q = window.quiz_view
    assert window.stack.currentWidget() is q
    assert "What is it about?" in texts(q) and "You are: Police staff" in texts(q)
    press(qtbot, q, "1", "1", "1")  # a photo; yes; yes, it is posed (expected: not sure)
    assert q.report is not None
    shown = texts(q)
    assert "reached a different verdict" in shown
    assert "Where the paths parted: question 3" in shown
    assert "“Is the photo staged?”" in shown
    assert "✔ The scenario expects:  “I'm not sure”" in shown
    assert "✖ You answered:  “Yes, it is posed”" in shown
    assert "For the scenario's outcome (“Ask a supervisor first”):" in shown
    assert "“If in doubt, don't do it.”" in shown  # cited by the expected outcome
    assert "For your outcome (“Do not pose for the photo”):" in shown
    assert "Also: “Staged photos” (above)." in shown  # a clause both outcomes cite, shown once
    assert shown.count("“Officers should not engage in staged photos") == 1
    assert window.focusWidget() is q.again_button


def test_a_perfect_quiz_says_so(qtbot, window):
    window.quiz("unsure-where-to-start")
    q = window.quiz_view
    press(qtbot, q, "1", "1", "3")
    assert "✔ Perfect: every answer is the one the scenario expects." in texts(q)
    assert "Where the paths parted" not in texts(q)


def test_backspace_goes_back_and_ctrl_r_starts_again(qtbot, window):
    window.quiz("unsure-where-to-start")
    q = window.quiz_view
    press(qtbot, q, "1")
    assert "Is a candidate in the photo?" in texts(q)
    qtbot.keyClick(q.answer_buttons[0], Qt.Key.Key_Backspace)
    assert "What is it about?" in texts(q)
    press(qtbot, q, "3")  # something else: an outcome at once
    assert q.report is not None
    qtbot.keyClick(q.again_button, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert q.report is None and "What is it about?" in texts(q)


def test_a_number_beyond_the_answers_does_nothing(qtbot, window):
    window.quiz("posed-photo")
    q = window.quiz_view
    press(qtbot, q, "7")
    assert q.walk.steps == [] and "Is a candidate in the photo?" in texts(q)


def test_no_part_of_the_quiz_opens_as_a_window_of_its_own(qtbot, window):
    from PySide6.QtWidgets import QApplication

    window.quiz("posed-photo")
    press(qtbot, window.quiz_view, "1", "1")
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert shown == [window]
