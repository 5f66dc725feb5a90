"""A search that finds nothing points to "Not sure where to start?"; Down then Enter opens it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.gui_helpers import focused, press, type_text

pytestmark = pytest.mark.gui


def test_down_then_enter_after_no_match_opens_not_sure_where_to_start(qtbot, make_window):
    window = make_window()
    home = window.home
    type_text(qtbot, "parking tickets ")
    assert home.shown == []
    assert "“Not sure where to start?”" in home.match_note.text()
    press(qtbot, Qt.Key.Key_Down)
    assert focused() is home.start_button
    press(qtbot, Qt.Key.Key_Return)
    assert window.walk is not None and window.walk.start_tree.id == "start"
    assert window.question_view.text.text() == "What is it about?"
