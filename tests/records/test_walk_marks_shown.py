"""In the window, a walk not checked against its tree says so in the list, the record and its PDF;
the form checks the walk against the trees it was made on (issue 18, item 3)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.export.pdftools import all_text
from tests.records.kit import advice, transcript
from wizard.gui import record_dialog, records_window
from wizard.gui.record_dialog import RecordDialog
from wizard.gui.record_view import record_html
from wizard.gui.records_model import COLUMNS
from wizard.gui.records_window import RecordsWindow
from wizard.records.pdf import write_record_pdf
from wizard.records.store import RecordStore

pytestmark = pytest.mark.gui


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def path(tmp_path, example_catalog):
    """Record 1 checked against its tree, record 2 not (no trees were given)."""
    p = tmp_path / "records.sqlite3"
    with RecordStore(p) as s:
        s.add(advice(advised_name="PC Checked"), trees=example_catalog)
        s.add(advice(advised_name="PC Unchecked"))
    return p


def test_the_list_says_which_walks_were_not_checked(qtbot, path, settings, monkeypatch):
    monkeypatch.setattr(records_window, "show_view", lambda view: None)
    window = RecordsWindow(path, settings, verify_on_open=False)
    qtbot.addWidget(window)
    column = [n for n, _ in COLUMNS].index("walk_checked")
    cells = {
        window.model.summary(r).id: window.model.text(window.model.summary(r), "walk_checked")
        for r in range(window.model.rowCount())
    }
    assert cells == {1: "Checked", 2: "NOT checked against its tree"}
    assert window.model.headerData(column, Qt.Orientation.Horizontal) == "Walk checked"


def test_the_record_and_its_pdf_say_the_walk_was_not_checked(path, tmp_path):
    with RecordStore(path) as s:
        unchecked, checked = s.get(2), s.get(1)
    assert "NOT CHECKED against its tree" in record_html(unchecked, [unchecked])
    assert "NOT CHECKED" not in record_html(checked, [checked])
    pdf = tmp_path / "record.pdf"
    write_record_pdf(pdf, unchecked)
    assert "NOT CHECKED against its tree" in " ".join(all_text(pdf).split())


def test_the_form_checks_the_walk_against_the_window_s_trees(
    qtbot, tmp_path, settings, example_catalog, monkeypatch
):
    monkeypatch.setattr(record_dialog, "tell_saved", lambda parent, r: None)
    dialog = RecordDialog(
        transcript("do_not"), tmp_path / "r.sqlite3", settings, trees=example_catalog
    )
    qtbot.addWidget(dialog)
    dialog.set_text("supervisor_name", "Sgt Roe")
    dialog.set_text("advice", "Decline the photo.")
    dialog.save()
    assert dialog.saved is not None and not dialog.saved.walk_unchecked
