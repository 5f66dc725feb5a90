"""Advice records at 1024x768 (issue 17, item 15): the verdict shows in the list without scrolling
sideways; a record opens wide, with its time given once in the heading."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from tests.records.kit import advice
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
