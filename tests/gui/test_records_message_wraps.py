"""The advice-records window's messages wrap at its foot instead of being cut off at its edge.

They were painted on one line by the status bar (`showMessage`): at 36 points the tamper check's
"Checked: … none changed since it was saved." lost its end, and so, even at 12 points on a
1024 px screen, did "Saved record 12 as <a long path>"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAccessible

from tests.gui import test_records_fit_1024 as fit
from tests.gui.test_records_fit_1024 import TALL, WIDE, settle
from wizard.gui import records_window

pytestmark = pytest.mark.gui

styled_records = fit.styled_records  # the fixture: the window as the program opens it

CHECKED = "Checked: 12 record(s), none changed since it was saved."
LONG_FOLDER = Path("/home/pc0412/Documents/Purdah Wizard records/Supervisors' advice December 2026")
NO_SPACES = Path("/srv/records/PurdahWizardSupervisorsAdviceRecordsDecember2026")


def whole_and_inside(window) -> list[str]:
    """What is wrong with how the window's message shows (nothing: it is all there)."""
    label = window.message
    wrong = []
    if not label.isVisible():
        wrong.append("hidden")
    if label.heightForWidth(label.width()) > label.height():
        wrong.append(f"{label.heightForWidth(label.width())} px of lines in {label.height()} px")
    where = QRect(label.mapTo(window, QPoint(0, 0)), label.size())
    if not window.rect().contains(where):
        wrong.append(f"at {where} outside {window.rect()}")
    width = label.contentsRect().width()
    lines = label.lines(width)
    if "".join(lines) != label.text():
        wrong.append(f"lines {lines} are not the text")
    metrics = label.fontMetrics()
    wrong += [f"{line!r} is wider than {width}" for line in lines if too_wide(metrics, line, width)]
    return wrong


def too_wide(metrics, line: str, width: int) -> bool:
    return metrics.horizontalAdvance(line.rstrip()) > width


def save_as(window, monkeypatch, folder: Path) -> str:
    """Save record 12 as a PDF in `folder` (the file is not written); the message it gives."""
    path = folder / "Advice record 12 for PC Alexandra Montgomery-Fitzwilliam.pdf"
    monkeypatch.setattr(records_window, "ask_save_path", lambda *args: path)
    monkeypatch.setattr(records_window, "write_record_pdf", lambda *args, **kw: None)
    history = window.store.history(12)
    assert window.save_pdf(history[-1], history) == path
    settle()
    return f"Saved record 12 as {path}"


def verify(qtbot, window) -> None:
    with qtbot.waitSignal(window.verified, timeout=10_000):
        window.start_verify()
    settle()


@pytest.mark.parametrize("high_contrast", [False, True], ids=["everyday", "high-contrast"])
def test_the_tamper_checks_result_shows_whole_at_36_points(qtbot, styled_records, high_contrast):
    window = styled_records(36, high_contrast)
    verify(qtbot, window)
    assert window.message.text() == CHECKED
    assert len(window.message.lines(window.message.contentsRect().width())) > 1  # it wrapped
    assert whole_and_inside(window) == []
    assert not window.message.timer.isActive()  # it stays, as the check's result did


@pytest.mark.parametrize("size", [12, 36])
def test_a_long_saved_path_shows_whole_and_the_window_keeps_its_size(
    styled_records, monkeypatch, size
):
    """At 12 points on a 1024 px screen the message is longer than the window is wide."""
    window = styled_records(size, True)
    said = save_as(window, monkeypatch, LONG_FOLDER)
    label = window.message
    assert label.fontMetrics().horizontalAdvance(said) > label.width()
    assert label.text() == said
    assert whole_and_inside(window) == []
    assert window.width() <= WIDE and window.height() <= TALL, window.size()
    hint = window.minimumSizeHint()
    assert hint.width() <= WIDE and hint.height() <= TALL, hint  # the page scrolls instead
    assert label.timer.isActive() and label.timer.interval() == 8000


def test_a_folder_name_longer_than_a_line_is_broken_within_it(styled_records, monkeypatch):
    """A word wrap only at spaces (a QLabel's) would leave this folder's end past the edge."""
    window = styled_records(36, False)
    said = save_as(window, monkeypatch, NO_SPACES)
    label = window.message
    assert label.fontMetrics().horizontalAdvance(NO_SPACES.name) > label.contentsRect().width()
    assert label.text() == said
    assert whole_and_inside(window) == []


def test_at_12_points_a_message_that_fits_is_one_line_as_before(qtbot, styled_records):
    window = styled_records(12, False)
    verify(qtbot, window)
    label, bar = window.message, window.statusBar()
    assert label.lines(label.contentsRect().width()) == [CHECKED]
    assert bar.height() == bar.sizeHint().height() == label.fontMetrics().height() + 5


def test_a_timed_message_clears_and_an_untimed_one_stays(qtbot, styled_records):
    window = styled_records(12, False)
    window.say("Exported 3 record(s) to /tmp/records.csv", 50)
    assert window.message.text() == "Exported 3 record(s) to /tmp/records.csv"
    qtbot.waitUntil(lambda: window.message.text() == "", timeout=2000)
    window.say("Fetching record 7 from the server…", 50)
    window.say("Checking that no record has been changed…")  # replaces it: not cleared
    assert not window.message.timer.isActive()
    assert window.message.text() == "Checking that no record has been changed…"


def test_a_screen_reader_reads_the_message(qtbot, styled_records):
    window = styled_records(12, False)
    verify(qtbot, window)
    reader = QAccessible.queryAccessibleInterface(window.message)
    assert reader.text(QAccessible.Text.Name) == "Message"
    assert reader.text(QAccessible.Text.Description) == CHECKED
