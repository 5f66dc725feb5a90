"""Advice records at 1024x768 (issue 17, item 15): the verdict shows in the list without scrolling
sideways; a record opens wide, with its time given once in the heading."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QScrollArea, QWidget

from tests.gui.gui_helpers import focused
from tests.records.kit import advice
from wizard.gui.settings import TEXT_SIZES
from wizard.records.store import RecordStore

pytestmark = pytest.mark.gui


@pytest.fixture
def records(qtbot, tmp_path):
    from wizard.gui.records_window import RecordsWindow

    path = tmp_path / "records.sqlite3"
    with RecordStore(path) as store:
        store.add(advice(advised_name="PC Alexandra Montgomery-Fitzwilliam"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = RecordsWindow(path, settings, verify_on_open=False)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_verdict_column_shows_whole_at_1024(records):
    from wizard.gui.records_model import COLUMNS

    table = records.table
    column = [n for n, _ in COLUMNS].index("verdict")
    right = table.columnViewportPosition(column) + table.columnWidth(column)
    assert table.columnViewportPosition(column) >= 0 and right <= table.viewport().width()


def test_a_record_opens_wide_with_its_time_once_in_the_heading(qtbot, records, monkeypatch):
    from wizard.gui import records_window

    monkeypatch.setattr(records_window, "show_view", lambda view: view.show())
    records.table.selectRow(0)
    view = records.open_record()
    qtbot.addWidget(view)
    assert view.width() >= records.width() * 0.85
    heading = view.browser.document().findBlockByNumber(0).text()
    assert heading.startswith("Record 1: Advice, recorded ")
    assert "(" not in heading  # not the time again, as stored
    assert "Stored as " in view.browser.toPlainText()


def test_the_force_wide_list_fits_at_1024_with_where_each_record_came_from(qtbot, records):
    """With the force's records (a server's answer stood in for), the terminal, station and
    verdict show without scrolling sideways, and the longest status wraps: the window does not
    grow past the screen."""
    from types import SimpleNamespace

    from wizard.gui.records_model import FORCE_COLUMNS
    from wizard.records.server.search import ForceRecord

    row = ForceRecord(
        "0b9d6c1e-8f0a-4c1e-9a57-1f2e3d4c5b6a",
        7,
        "PC-0412-LLOYD",
        "Lloyd House",
        "advice",
        "2026-12-07T09:30:00Z",
        "Sgt Jane Roe",
        "PC Alexandra Montgomery-Fitzwilliam",
        "do_not",
        "photos",
        "Decline the photo.",
    )
    records.server_bar.force = SimpleNamespace(
        search=lambda query: 1, stop=lambda: None, wait=lambda: True
    )
    records.set_force(True)
    records._found(1, [row] * 200)  # a full page: "the newest 200 … narrow the search"
    qtbot.wait(50)
    assert "narrow the search" in records.status.text()
    assert records.width() <= 1024
    table = records.table
    names = [n for n, _ in FORCE_COLUMNS]
    for name in ("terminal", "station", "verdict"):
        column = names.index(name)
        right = table.columnViewportPosition(column) + table.columnWidth(column)
        assert table.columnViewportPosition(column) >= 0 and right <= table.viewport().width()
    model = table.model()
    assert model.data(model.index(0, names.index("terminal"))) == "PC-0412-LLOYD"


# -- every text size, both themes: the rows wrap so that the window fits 1024x768

TITLE_BAR = 32  # what a window manager's title bar takes of a 768 px screen, and a little more
WIDE, TALL = 1024, 768 - TITLE_BAR
TAB_ORDER = ["search", "from_check", "to_check", "verdict", "topic", "table"]
BUTTONS = ["open_button", "pdf_button", "csv_button", "impact_button"]


@pytest.fixture
def styled_records(qtbot, tmp_path, monkeypatch):
    """A maker of the records window as the program opens it (a child of a window whose style
    sheet is the program's for a text size and theme), with a records server configured (its
    line and choice shown; nothing is sent) and an unfinished record kept, so that every row
    shows."""
    from wizard.gui import records_server, theme
    from wizard.gui.records_window import RecordsWindow
    from wizard.records.drafts import UNSAVED_FOLDER

    monkeypatch.delenv("PURDAH_WIZARD_RECORDS_URL", raising=False)
    monkeypatch.setattr(records_server.SyncThread, "start", lambda self: None)
    path = tmp_path / "records.sqlite3"
    with RecordStore(path) as store:
        for _ in range(12):
            store.add(advice(advised_name="PC Alexandra Montgomery-Fitzwilliam"))
    (tmp_path / UNSAVED_FOLDER).mkdir()
    (tmp_path / UNSAVED_FOLDER / "unsaved-advice-record-1.json").write_text("{}", encoding="utf-8")

    def make(size: int, high_contrast: bool, width: int = WIDE, height: int = TALL):
        parent = QMainWindow()
        qtbot.addWidget(parent)
        family = QApplication.font().family()
        parent.setStyleSheet(theme.stylesheet(family, size, high_contrast))
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("records/server_url", "host=records.example dbname=x sslmode=verify-full")
        window = RecordsWindow(path, settings, None, parent, verify_on_open=False)
        window.kept_parent = parent  # Python would delete it, and the window with it
        qtbot.addWidget(window)  # a window of its own: closing its parent leaves it shown
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        settle()
        return window

    return make


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def cut_off(window) -> list[str]:
    """What shows in the window's page but past the right edge of what the window shows of it."""
    area = window.centralWidget()
    assert isinstance(area, QScrollArea)
    port = area.viewport()
    return [
        f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
        for w in area.widget().findChildren(QWidget)
        if w.isVisible()
        and w.window() is window
        and w.mapTo(port, QPoint(w.width(), 0)).x() > port.width()
    ]


def reading_order(window) -> list[tuple[int, int]]:
    """Where each field Tab goes to sits on the page (top, left), in Tab's order."""
    page = window.centralWidget().widget()
    points = [getattr(window, name).mapTo(page, QPoint(0, 0)) for name in [*TAB_ORDER, *BUTTONS]]
    return [(p.y(), p.x()) for p in points]


@pytest.mark.parametrize("high_contrast", [False, True], ids=["everyday", "high-contrast"])
@pytest.mark.parametrize("size", TEXT_SIZES)
def test_the_window_fits_1024x768_at_every_text_size(styled_records, size, high_contrast):
    """Before the rows wrapped, the window could not be narrower than 2,555 px at 36 points."""
    window = styled_records(size, high_contrast)
    hint = window.minimumSizeHint()
    assert hint.width() <= WIDE and hint.height() <= TALL, (size, hint)
    assert window.width() <= WIDE and window.height() <= TALL, (size, window.size())
    assert window.server_bar.isVisible() and window.finish_button.isVisible()
    assert cut_off(window) == [], size
    table = window.table
    assert table.height() >= table.least_height()  # the list keeps a few rows; the page scrolls


@pytest.mark.parametrize("high_contrast", [False, True], ids=["everyday", "high-contrast"])
@pytest.mark.parametrize("size", [12, 24, 36])
def test_tab_goes_through_the_fields_in_the_order_they_read(
    qtbot, styled_records, size, high_contrast
):
    """However the rows wrap, each field Tab reaches next is further along its line or below it,
    and every one is reached (the page scrolls to it)."""
    window = styled_records(size, high_contrast)
    where = reading_order(window)
    for (y0, x0), (y1, x1) in pairwise(where):
        assert y1 > y0 or (y1 >= y0 - 12 and x1 > x0), (size, where)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.search.setFocus()
    area = window.centralWidget()
    seen = []
    for _ in range(40):
        now = focused()
        if now is window.impact_button:
            break
        seen.append(now)
        qtbot.keyClick(now, Qt.Key.Key_Tab)  # out of the list too (it used to go round its cells)
        settle()
    focus = focused()
    assert focus is window.impact_button
    for name in ("search", "from_check", "to_check", "verdict", "topic", "table", "open_button"):
        assert getattr(window, name) in seen, name
    visible = area.viewport().rect()
    top_left = focus.mapTo(area.viewport(), focus.rect().topLeft())
    assert visible.contains(top_left)  # scrolled into view


@pytest.mark.parametrize("high_contrast", [False, True], ids=["everyday", "high-contrast"])
def test_at_36_points_maximised_on_1280x1024_the_list_shows_several_rows(
    styled_records, high_contrast
):
    window = styled_records(36, high_contrast, 1280, 1024 - TITLE_BAR)
    assert window.width() <= 1280
    table = window.table
    height = table.viewport().height()
    whole = [
        r
        for r in range(table.model().rowCount())
        if table.rowViewportPosition(r) >= 0
        and table.rowViewportPosition(r) + table.rowHeight(r) <= height
    ]
    assert len(whole) >= 3, len(whole)


@pytest.mark.parametrize("width", [WIDE, 1280])
def test_at_everyday_sizes_each_row_is_one_line_as_before(styled_records, width):
    window = styled_records(12, False, width)
    bar = window.server_bar
    rows = [
        [bar.label, bar.local_button, bar.force_button, bar.send],
        [window.unfinished, window.finish_button],
        [window.from_check, window.from_date, window.to_check, window.verdict, window.topic],
        [*(getattr(window, name) for name in BUTTONS), window.status],
    ]
    for row in rows:
        middles = {middle(w) for w in row}
        assert max(middles) - min(middles) <= 1, [(type(w).__name__, middle(w)) for w in row]
    assert window.impact_button.text() == "&Would new guidance change these?…"


def middle(widget: QWidget) -> int:
    """How far down the page a widget's middle is."""
    page = widget.window().centralWidget().widget()
    return widget.mapTo(page, QPoint(0, widget.height() // 2)).y()


def test_the_longest_button_breaks_its_words_and_keeps_its_mnemonic(styled_records):
    """At 36 points on a 1024 px screen (with the page's scroll bar) even a line of its own is
    too narrow for "Would new guidance change these?…": it goes onto two lines."""
    window = styled_records(36, True)
    button = window.impact_button
    assert "\n" in button.text(), button.text()
    assert QKeySequence.mnemonic(button.text()) == QKeySequence("Alt+W")
    assert button.accessibleName() == "Would new guidance change these?…"
    port = window.centralWidget().viewport()
    assert button.mapTo(port, QPoint(button.width(), 0)).x() <= port.width()


def test_a_mnemonic_scrolls_its_field_into_view(qtbot, styled_records):
    """Alt+F from the bottom of a scrolled page brings the search box back into view."""
    window = styled_records(36, False)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    area = window.centralWidget()
    window.impact_button.setFocus()
    settle()
    assert area.verticalScrollBar().value() > 0  # scrolled down to it
    qtbot.keyClick(window.impact_button, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    settle()
    assert focused() is window.search
    top = window.search.mapTo(area.viewport(), window.search.rect().topLeft())
    assert area.viewport().rect().contains(top)
