"""The advice records' list is readable at every text size and in both themes (found in
screenshots at 36 points in high contrast): each row is as tall as its line of text, in this
terminal's list and the force's, also after the text size changes with the window open; and
every row's text, on the plain rows, every other row and the selected one, keeps 7:1 contrast in
high contrast (4.5:1 in the everyday theme)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMainWindow

from tests.export.test_verdict_palette import AA, contrast
from tests.records.kit import advice
from wizard.gui import theme
from wizard.gui.records_window import RecordsWindow
from wizard.gui.settings import DEFAULT_TEXT_SIZE, TEXT_SIZES
from wizard.records.server.search import ForceRecord
from wizard.records.store import RecordStore

pytestmark = pytest.mark.gui
AAA = 7.0  # WCAG's enhanced contrast, which high contrast promises
LARGEST = TEXT_SIZES[-1]
THEMES = [False, True]
THEME_IDS = ["everyday", "high-contrast"]


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "records.sqlite3"
    names = ("PC John Smith", "Sgt Priya Patel", "Mr Ümit Çelik", "PCSO Grace Okafor")
    with RecordStore(p) as store:
        for i in range(12):
            record = advice(walk=("do_not", "fine", "start_ask")[i % 3])
            store.add(replace(record, advised_name=names[i % len(names)]))
    return p


def styled(qtbot, path, tmp_path, high_contrast: bool, size: int) -> RecordsWindow:
    """The records window as the program opens it: a child of a window whose style sheet is the
    program's for this text size and theme (as MainWindow.apply_style sets it)."""
    parent = QMainWindow()
    qtbot.addWidget(parent)
    set_style(parent, high_contrast, size)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = RecordsWindow(path, settings, None, parent, verify_on_open=False)
    window.kept_parent = parent  # type: ignore[attr-defined]  # Python would delete it, and window
    qtbot.addWidget(window)  # a window of its own: closing its parent leaves it shown
    window.resize(1280, 1300)  # at 36 points, its rows wrapped: room for four rows, three columns
    window.show()
    qtbot.waitExposed(window)
    window.table.setFocus()
    return window


def set_style(parent: QMainWindow, high_contrast: bool, size: int) -> None:
    parent.setStyleSheet(theme.stylesheet(QApplication.font().family(), size, high_contrast))


def show_force_list(window: RecordsWindow) -> None:
    """The force-wide list, as if the records server had answered a search."""
    rows = [
        ForceRecord(
            "0b9d6c1e-8f0a-4c1e-9a57-1f2e3d4c5b6a",
            20 - i,
            "PC-0412-LLOYD",
            "Lloyd House",
            "advice",
            "2026-12-07T09:30:00Z",
            "Sgt Jane Roe",
            "PC John Smith",
            ("do_not", "acceptable")[i % 2],
            "photos",
            "Decline the photo.",
        )
        for i in range(12)
    ]
    window.server_bar.force = SimpleNamespace(  # type: ignore[assignment]
        search=lambda query: 1, stop=lambda: None, wait=lambda: True
    )
    window.set_force(True)
    window._found(1, rows)


def visible_rows(window: RecordsWindow) -> list[int]:
    table = window.table
    height = table.viewport().height()
    rows = range(table.model().rowCount())
    return [r for r in rows if table.rowViewportPosition(r) < height]


def assert_rows_hold_their_line(window: RecordsWindow) -> None:
    table = window.table
    line = table.fontMetrics().height()
    rows = visible_rows(window)
    assert rows
    for row in rows:
        assert table.rowHeight(row) >= line, (row, table.rowHeight(row), line)


# -- each row as tall as its line


@pytest.mark.parametrize("high_contrast", THEMES, ids=THEME_IDS)
@pytest.mark.parametrize("size", TEXT_SIZES)
def test_every_row_is_as_tall_as_its_line_at_every_text_size(
    qtbot, path, tmp_path, high_contrast, size
):
    window = styled(qtbot, path, tmp_path, high_contrast, size)
    assert_rows_hold_their_line(window)
    show_force_list(window)
    assert_rows_hold_their_line(window)


@pytest.mark.parametrize("force", [False, True], ids=["this-terminal", "force-wide"])
def test_a_row_at_36_points_in_high_contrast_shows_its_text_whole(qtbot, path, tmp_path, force):
    """What the screenshots showed: a 56 px line in a 30 px row, cut at its top and bottom."""
    window = styled(qtbot, path, tmp_path, True, LARGEST)
    if force:
        show_force_list(window)
    image = window.table.viewport().grab().toImage()
    for row in (0, 2, 3):  # selected, plain, an alternate row
        rect = window.table.visualRect(window.table.model().index(row, 1))  # "2026-12-07 …"
        background = commonest(image, rect)
        inked = [
            y
            for y in range(rect.top(), rect.bottom() + 1)
            if any(
                contrast(image.pixelColor(x, y).name(), background) >= 3
                for x in range(rect.left(), rect.right() + 1)
            )
        ]
        assert inked, row
        assert rect.top() < inked[0] and inked[-1] < rect.bottom(), (row, rect, inked[0], inked[-1])


def test_rows_follow_the_text_size_changed_with_the_window_open(qtbot, path, tmp_path):
    """Ctrl+Plus restyles the main window; the records window open over it follows."""
    window = styled(qtbot, path, tmp_path, False, DEFAULT_TEXT_SIZE)
    everyday = window.table.rowHeight(0)
    parent = window.parentWidget()
    assert isinstance(parent, QMainWindow)
    set_style(parent, True, LARGEST)
    qtbot.wait(10)
    assert_rows_hold_their_line(window)
    assert window.table.rowHeight(0) > everyday
    set_style(parent, False, DEFAULT_TEXT_SIZE)
    qtbot.wait(10)
    assert window.table.rowHeight(0) == everyday  # back as it was


# -- every row's colours


@pytest.mark.parametrize(
    ("high_contrast", "size", "needed"),
    [
        (False, DEFAULT_TEXT_SIZE, AA),
        (False, LARGEST, AA),
        (True, DEFAULT_TEXT_SIZE, AAA),
        (True, LARGEST, AAA),
    ],
    ids=["everyday", "everyday-36pt", "high-contrast", "high-contrast-36pt"],
)
@pytest.mark.parametrize("focus", ["list", "search"])
def test_plain_alternate_and_selected_rows_keep_their_text_readable(
    qtbot, path, tmp_path, high_contrast, size, needed, focus
):
    window = styled(qtbot, path, tmp_path, high_contrast, size)
    window.table.selectRow(2)
    if focus == "search":  # the row stays selected while the user types
        window.search.setFocus()
    qtbot.wait(10)
    image = window.table.viewport().grab().toImage()
    looks = {}
    for row, kind in ((0, "plain"), (1, "alternate"), (2, "selected")):
        for column in range(3):
            rect = inside(window, row, column)
            background = commonest(image, rect)
            ink = max(
                (
                    image.pixelColor(x, y).name()
                    for x in range(rect.left(), rect.right() + 1)
                    for y in range(rect.top(), rect.bottom() + 1)
                ),
                key=lambda colour, background=background: contrast(colour, background),
            )
            looks[kind] = (ink, background)
            assert contrast(ink, background) >= needed, (kind, column, ink, background)
    assert looks["alternate"][1] != looks["plain"][1]  # every other row does look different


def inside(window: RecordsWindow, row: int, column: int):
    """A cell's inside: its text and the background around it, not the grid or a focus frame at
    its edge."""
    return window.table.visualRect(window.table.model().index(row, column)).adjusted(3, 3, -3, -3)


def commonest(image: QImage, rect) -> str:
    """The colour of most of the rectangle: its background."""
    counts = Counter(
        image.pixelColor(x, y).name()
        for x in range(rect.left(), rect.right() + 1, 2)
        for y in range(rect.top(), rect.bottom() + 1, 2)
    )
    return counts.most_common(1)[0][0]
