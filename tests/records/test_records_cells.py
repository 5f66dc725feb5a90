"""The records table's cells, drawn by `records_delegate.CellPainter` (issue 15), look exactly as
Qt draws them (plain, elided, selected, in both themes, at the largest text size); what a
screen reader reads is the whole text; and the count of matches waits for the list's paint."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QStyledItemDelegate

from tests.records.kit import advice
from wizard.gui import theme
from wizard.gui.records_model import COLUMNS
from wizard.gui.records_window import RecordsWindow
from wizard.gui.settings import TEXT_SIZES
from wizard.records.store import RecordStore

pytestmark = pytest.mark.gui
LONG_NAME = "Detective Chief Inspector Bartholomew Featherstonehaugh-Smythe of Major Crime"
NAMES = (
    LONG_NAME,
    "PC John Smith",
    "Sgt <b>Kaur</b> & Co",
    "Mr Ümit Çelik",
    "PC Tomasz Wiśniewski",
)
ADVISED = [n for n, _ in COLUMNS].index("advised_name")


@pytest.fixture
def path(tmp_path):
    """Twenty records: names long and short, with markup and accents, every verdict."""
    p = tmp_path / "records.sqlite3"
    walks = ("do_not", "fine", "start_ask")
    with RecordStore(p) as store:
        for i in range(20):
            record = advice(walk=walks[i % 3], advised_name=NAMES[i % len(NAMES)])
            store.add(replace(record, advice="Politely decline the photo. " * (1 + i % 4)))
    return p


def styled_window(qtbot, path, tmp_path, high_contrast: bool, size: int) -> RecordsWindow:
    """The records window under the program's style sheet, shown, the first record selected."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = RecordsWindow(path, settings, verify_on_open=False)
    qtbot.addWidget(window)
    family = QApplication.font().family()
    window.setStyleSheet(theme.stylesheet(family, size, high_contrast))
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    window.table.setFocus()
    return window


def drawn(window: RecordsWindow) -> QImage:
    return window.table.viewport().grab().toImage()


def drawn_by_qt(window: RecordsWindow) -> QImage:
    """The table as Qt's own delegate draws it, for comparison."""
    table = window.table
    painter = table.itemDelegate()
    plain = QStyledItemDelegate(table)
    table.setItemDelegate(plain)
    try:
        return drawn(window)
    finally:
        table.setItemDelegate(painter)


def long_row(window: RecordsWindow) -> int:
    """The first row whose person advised has the long name."""
    model = window.model
    return next(r for r in range(model.rowCount()) if model.cells(r)[ADVISED] == LONG_NAME)


def cell_rect(window: RecordsWindow, row: int, column: int):
    return window.table.visualRect(window.model.index(row, column))


@pytest.mark.parametrize(
    ("high_contrast", "size"), [(False, TEXT_SIZES[0]), (False, 12), (True, TEXT_SIZES[-1])]
)
def test_the_table_looks_exactly_as_qt_draws_it(qtbot, path, tmp_path, high_contrast, size):
    window = styled_window(qtbot, path, tmp_path, high_contrast, size)
    window.table.selectRow(1)
    ours = drawn(window)
    assert ours == drawn_by_qt(window)
    window.table.horizontalScrollBar().setValue(window.table.horizontalScrollBar().maximum())
    assert drawn(window) == drawn_by_qt(window)  # scrolled sideways too


def test_a_long_value_is_drawn_cut_short_within_its_cell(qtbot, path, tmp_path):
    window = styled_window(qtbot, path, tmp_path, False, 12)
    row = long_row(window)
    rect = cell_rect(window, row, ADVISED)
    metrics = window.table.fontMetrics()
    assert metrics.horizontalAdvance(LONG_NAME) > rect.width()  # it cannot show whole
    image = drawn(window)
    text = QColor(window.table.palette().color(QPalette.ColorRole.Text))
    inked = [x for x in range(rect.left(), rect.right() + 1) if _column_has(image, x, rect, text)]
    assert inked and inked[-1] < rect.right() - 2  # ends inside the cell, not run on or cut
    assert image == drawn_by_qt(window)  # and with Qt's "…"


def test_the_selected_row_is_drawn_in_the_highlight_colour(qtbot, path, tmp_path):
    window = styled_window(qtbot, path, tmp_path, False, 12)
    window.table.selectRow(2)
    image = drawn(window)
    highlight = window.table.palette().color(QPalette.ColorRole.Highlight)
    for row, selected in ((2, True), (3, False), (0, False)):
        rect = cell_rect(window, row, ADVISED)
        pixel = image.pixelColor(rect.right() - 2, rect.center().y())  # past the text
        assert (pixel == highlight) is selected, (row, pixel.name(), highlight.name())


def test_a_screen_reader_reads_whole_texts_not_the_cut_ones(qtbot, path, tmp_path):
    window = styled_window(qtbot, path, tmp_path, False, 12)
    drawn(window)
    index = window.model.index(long_row(window), ADVISED)
    assert index.data() == LONG_NAME
    assert window.model.data(index, Qt.ItemDataRole.ToolTipRole) == LONG_NAME


def test_a_stale_count_is_stopped_when_the_next_search_is_shown(qtbot, path, tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = RecordsWindow(path, settings, verify_on_open=False)
    qtbot.addWidget(window)
    window.model.first = 5  # a first page that does not hold every match: they are counted
    window.search.setText("politely")
    window.apply_filters()
    qtbot.waitUntil(lambda: window.counter is not None)
    cancelled: list[bool] = []
    monkeypatch.setattr(window.counter, "cancel", lambda: cancelled.append(True))
    window.search.setText("decline")
    window.apply_filters()
    assert cancelled == [True]


def _column_has(image: QImage, x: int, rect, colour: QColor) -> bool:
    """Whether a column of pixels in the cell is (nearly) the text's colour."""
    return any(_near(image.pixelColor(x, y), colour) for y in range(rect.top(), rect.bottom() + 1))


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 60
