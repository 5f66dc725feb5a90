"""Offline, by proof, in the window (issue 8): a whole walk by keyboard, a saved PDF and the
advice recorded, with every socket creation made to fail (tests/netguard.py)."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt

from tests.gui.gui_helpers import press, type_text
from tests.netguard import no_network
from wizard.core.case import CaseDetails
from wizard.gui import app as gui_app
from wizard.gui import pdf_actions, record_dialog
from wizard.gui.case_dialog import CaseDialog
from wizard.gui.record_dialog import RecordDialog
from wizard.records.datadir import ENV, RECORDS_FILE
from wizard.records.store import RecordStore

pytestmark = pytest.mark.gui
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def fill_and_save(dialog: RecordDialog) -> int:
    """Stands in for the supervisor at the form: type the required fields, press Save."""
    dialog.set_text("supervisor_name", "Sgt Łukasz Nowak")
    dialog.set_text("advice", "Decline the photo politely.")
    dialog.save_button.click()
    return 0


def test_a_walk_in_the_window_its_pdf_and_its_record_need_no_network(
    qtbot, monkeypatch, tmp_path: Path, example_trees: Path
) -> None:
    target = tmp_path / "advice.pdf"
    monkeypatch.setenv(ENV, str(tmp_path / "data"))
    monkeypatch.setattr(RecordDialog, "exec", fill_and_save)
    told: list = []
    monkeypatch.setattr(record_dialog, "tell_saved", lambda parent, record: told.append(record))
    monkeypatch.setattr(
        CaseDialog,
        "ask",
        classmethod(lambda cls, parent, settings, *a, **k: CaseDetails(name="Zoë Ó Súilleabháin")),
    )
    monkeypatch.setattr(pdf_actions, "ask_save_path", lambda parent, suggestion: target)
    monkeypatch.setattr(pdf_actions, "offer_open", lambda parent, path: False)

    with no_network() as attempts:
        window = gui_app.create_window(example_trees)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        type_text(qtbot, "photo")
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_1)  # a candidate is in the photo
        press(qtbot, Qt.Key.Key_1)  # it is posed
        assert window.stack.currentWidget() is window.outcome_view
        press(qtbot, Qt.Key.Key_S, CTRL)
        qtbot.waitUntil(target.exists)
        press(qtbot, Qt.Key.Key_R, CTRL | SHIFT)
        qtbot.waitUntil(lambda: len(told) == 1)

    assert attempts == []
    with RecordStore(tmp_path / "data" / RECORDS_FILE) as store:
        [record] = list(store.records())
    assert record.supervisor_name == "Sgt Łukasz Nowak"
    assert record.transcript.outcome.title == "Do not pose for the photo"
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(target).pages)
    assert "Do not pose for the photo" in text and "Zoë Ó Súilleabháin" in text
