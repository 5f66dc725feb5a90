"""Offline, by proof, in the window: a whole walk by keyboard and a saved PDF, with every socket
creation made to fail (tests/netguard.py). When the advice records land, record the advice in
this same block too (issue 8)."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt

from tests.gui.gui_helpers import press, type_text
from tests.netguard import no_network
from wizard.core.case import CaseDetails
from wizard.gui import app as gui_app
from wizard.gui import pdf_actions
from wizard.gui.case_dialog import CaseDialog

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_walk_in_the_window_and_its_pdf_need_no_network(qtbot, monkeypatch, tmp_path: Path,
                                                          example_trees: Path) -> None:
    target = tmp_path / "advice.pdf"
    monkeypatch.setattr(CaseDialog, "ask", classmethod(
        lambda cls, parent, settings, *a, **k: CaseDetails(name="Zoë Ó Súilleabháin")))
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

    assert attempts == []
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(target).pages)
    assert "Do not pose for the photo" in text and "Zoë Ó Súilleabháin" in text
