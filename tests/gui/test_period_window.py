"""The window says when the pre-election period is in force (issue 20): home says whether it is
today and until when, or when the next begins; an outcome reached outside every period says so
under the verdict; an advice record's view shows the period its walk was made in."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.gui_helpers import press, type_text
from tests.records.kit import advice
from wizard.core.periods import OUTSIDE_NOTE
from wizard.gui import home_view

pytestmark = pytest.mark.gui

CALENDAR = """\
elections:
  - id: local
    name: Local council elections
    polling_day: {poll}
    areas: [Coventry]
    period_start: {start}
    period_end: {end}
    provisional: "{provisional}"
"""


def with_calendar(
    trees: Path, start: str, end: str, poll: str | None = None, provisional: str = "no"
) -> Path:
    (trees / "calendar.yaml").write_text(
        CALENDAR.format(start=start, end=end, poll=poll or end, provisional=provisional),
        encoding="utf-8",
    )
    return trees


def on_day(monkeypatch, day: dt.date) -> None:
    monkeypatch.setattr(home_view, "today", lambda: day)


def test_home_says_a_period_is_in_force_and_until_when(qtbot, make_window, trees, monkeypatch):
    on_day(monkeypatch, dt.date(2027, 4, 1))
    window = make_window(with_calendar(trees, "2027-03-25", "2027-05-07", "2027-05-06"))
    line = window.home.period
    assert line.isVisible()
    assert line.text() == (
        "Pre-election period in force until 7 May 2027: Local council elections."
    )


def test_home_says_when_the_next_begins_and_that_its_dates_are_provisional(
    qtbot, make_window, trees, monkeypatch
):
    on_day(monkeypatch, dt.date(2026, 12, 7))
    window = make_window(with_calendar(trees, "2027-03-25", "2027-05-07", provisional="yes"))
    assert window.home.period.text() == (
        "No pre-election period today. The next begins 25 March 2027: Local council elections "
        "(dates provisional)."
    )


def test_home_says_nothing_of_periods_without_a_calendar(qtbot, make_window, trees):
    window = make_window(trees)
    assert window.home.period.isHidden() and window.home.period.text() == ""


def test_home_says_it_again_for_the_next_person_after_a_clear(
    qtbot, make_window, trees, monkeypatch
):
    on_day(monkeypatch, dt.date(2027, 3, 24))
    window = make_window(with_calendar(trees, "2027-03-25", "2027-05-07"))
    assert window.home.period.text().startswith("No pre-election period today.")
    on_day(monkeypatch, dt.date(2027, 3, 25))  # midnight passed
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.home.period.text().startswith("Pre-election period in force until")


def walk_to_do_not_pose(qtbot, window):
    type_text(qtbot, "photo")
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_1)
    assert window.stack.currentWidget() is window.outcome_view


def test_an_outcome_outside_every_period_says_so_under_the_verdict(qtbot, make_window, trees):
    window = make_window(with_calendar(trees, "2099-03-25", "2099-05-07"))  # today is before
    walk_to_do_not_pose(qtbot, window)
    view = window.outcome_view
    assert view.period.isVisible()
    assert view.period.text().startswith("⚠  Outside every pre-election period in the calendar")
    assert "The next begins 25 March 2099" in view.period.text()
    assert view.period.text().endswith(OUTSIDE_NOTE)
    column = view.banner.parentWidget().layout()
    assert column.indexOf(view.period) == column.indexOf(view.title) + 1  # under the verdict


def test_an_outcome_in_a_period_or_without_a_calendar_says_nothing_of_it(qtbot, make_window, trees):
    window = make_window(with_calendar(trees, "2000-01-01", "2099-12-31"))
    walk_to_do_not_pose(qtbot, window)
    assert window.outcome_view.period.isHidden()
    assert window.current_transcript().period.startswith("In the pre-election period")


def test_the_advice_records_view_shows_the_walks_period(qtbot, make_window, trees):
    from wizard.gui.record_view import RecordView

    window = make_window(with_calendar(trees, "2099-03-25", "2099-05-07"))
    walk_to_do_not_pose(qtbot, window)
    t = window.current_transcript()
    record = replace(advice(transcript=t), id=1, created_at="2026-12-07T09:15:00Z")
    view = RecordView([record], 1)
    qtbot.addWidget(view)
    text = " ".join(view.browser.toPlainText().split())
    assert f"Pre-election period: {t.period}" in text
    assert t.period.startswith("Outside every pre-election period")
