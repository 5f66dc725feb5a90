"""A trainer sets an "as of" date: the walks of trainer mode are made as if on that day (their
period stamped from it) and the window says so, with the period on it (issue 20)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from wizard.core.periods import status_on
from wizard.library.folder import load_folder

pytestmark = pytest.mark.gui


@pytest.fixture
def trainer(qtbot, trees_with_calendar, settings):
    from wizard.gui.trainer.window import TrainerWindow

    w = TrainerWindow(load_folder(trees_with_calendar), settings)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitActive(w)
    return w


def type_date(qtbot, window, text: str) -> None:
    """Ctrl+D to the date box, type, Enter: by keyboard, as a trainer would."""
    qtbot.keyClick(
        window.focusWidget() or window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier
    )
    assert window.focusWidget() is window.as_of_box
    window.as_of_box.selectAll()
    qtbot.keyClicks(window.as_of_box, text)
    qtbot.keyClick(window.as_of_box, Qt.Key.Key_Return)


def test_with_no_date_set_nothing_is_said_and_walks_are_of_today(qtbot, trainer):
    trainer.present("posed-photo")
    assert trainer.as_of_note.isHidden()
    assert trainer.deck.as_of is None
    started = dt.datetime.fromisoformat(trainer.deck.transcript.started_at).astimezone().date()
    assert trainer.deck.transcript.period == status_on(trainer.catalog.calendar, started).stamp()


def test_a_date_set_is_said_on_screen_and_stamps_the_presented_walk(qtbot, trainer):
    trainer.present("posed-photo")
    type_date(qtbot, trainer, "2027-04-01")
    assert trainer.as_of == dt.date(2027, 4, 1)
    assert trainer.as_of_note.isVisible()
    assert trainer.as_of_note.text() == (
        "As of 1 April 2027 (set by the trainer, not today). Pre-election period in force until "
        "7 May 2027: Local council elections."
    )
    assert trainer.deck.transcript.period.startswith("In the pre-election period: Local council")


def test_the_quiz_walks_on_the_date_set(qtbot, trainer):
    type_date(qtbot, trainer, "2027-03-01")
    assert "The next begins 25 March 2027" in trainer.as_of_note.text()
    trainer.quiz("posed-photo")
    q = trainer.quiz_view
    assert q.walk is not None and q.walk.as_of == dt.date(2027, 3, 1)
    assert q.walk.transcript().period.startswith(
        "Outside every pre-election period in the calendar on 1 March 2027"
    )


def test_a_bad_date_is_refused_and_clearing_it_returns_to_today(qtbot, trainer):
    type_date(qtbot, trainer, "2027-04-01")
    type_date(qtbot, trainer, "1st April")
    assert trainer.as_of == dt.date(2027, 4, 1)
    assert "is not a date" in trainer.statusBar().currentMessage()
    trainer.as_of_box.clear()
    qtbot.keyClick(trainer.as_of_box, Qt.Key.Key_Return)
    assert trainer.as_of is None and trainer.as_of_note.isHidden()


def texts(view) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(w.text() for w in view.findChildren(QLabel) if w.isVisible())


def test_outside_a_period_the_presented_outcome_and_the_quiz_result_say_so(qtbot, trainer):
    type_date(qtbot, trainer, "2027-03-01")
    trainer.present("posed-photo")
    p = trainer.present_view
    for _ in range(12):  # on to the revealed outcome
        if "Do not do this" in texts(p):
            break
        qtbot.keyClick(p, Qt.Key.Key_Space)
    assert "Outside every pre-election period in the calendar on 1 March 2027" in texts(p)
    trainer.quiz("posed-photo")
    q = trainer.quiz_view
    q.setFocus()
    for key in ("1", "1", "3"):
        qtbot.keyClicks(q, key)
    assert "Quiz result" in texts(q)
    assert "Outside every pre-election period in the calendar on 1 March 2027" in texts(q)
