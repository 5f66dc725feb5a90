"""Settings and Record advice at 1024x768 at every text size: nothing cut off at the right edge,
no hint cut short with "…", one scroll bar per form (issue 17, items 13 and 15)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollArea, QWidget

from tests.gui.gui_helpers import focused, press
from wizard.gui.settings import TEXT_SIZES
from wizard.library.locations import bundled_trees

pytestmark = pytest.mark.gui


@pytest.fixture
def window(make_window):
    return make_window(bundled_trees())


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def settings_dialog(window):
    from wizard.gui.settings_dialog import SettingsDialog

    return SettingsDialog(window.settings, window.folder, window)


def record_dialog(window):
    from wizard.gui.record_dialog import RecordDialog

    window.start_topic("photos")
    while window.walk.outcome is None:
        window.answer(window.walk.question.answers[0].id)
    # A folder of its own: a closed form keeps what was typed beside the records file.
    records = Path(tempfile.mkdtemp(prefix="purdah-dialogs-")) / "no-records.sqlite3"
    return RecordDialog(
        window.current_transcript(), records, window.settings, window, window.catalog
    )


def case_dialog(window):
    from wizard.gui.case_dialog import CaseDialog

    return CaseDialog(window.settings, window)


def cut_off(dialog) -> list[str]:
    """What shows inside the dialog's scrolling form but past its right edge."""
    area = dialog.findChild(QScrollArea)
    port = area.viewport()
    out = []
    for w in area.widget().findChildren(QWidget):
        if w.isVisible() and w.mapTo(port, QPoint(w.width(), 0)).x() > port.width():
            out.append(f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}")
    return out


@pytest.mark.parametrize("size", TEXT_SIZES)
@pytest.mark.parametrize("make", [settings_dialog, record_dialog, case_dialog])
def test_nothing_is_cut_off_at_the_right_edge(qtbot, window, size, make):
    window.prefs.text_size = size
    window.apply_style()
    dialog = make(window)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle()
    assert dialog.frameGeometry().right() <= window.frameGeometry().right() + 1
    assert cut_off(dialog) == [], size
    for line in dialog.findChildren(QLineEdit):  # a hint fits whole, or is not shown
        hint = line.placeholderText()
        if line.isVisible() and hint:
            assert line.fontMetrics().horizontalAdvance(hint) < line.contentsRect().width(), hint
    dialog.reject()


def test_the_record_forms_text_boxes_grow_instead_of_scrolling(qtbot, window):
    dialog = record_dialog(window)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.inputs["situation"]
    assert box.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    before = box.height()
    box.setPlainText("\n".join(f"line {n}" for n in range(12)))
    settle()
    assert box.height() > before
    assert box.verticalScrollBar().maximum() == 0  # all of it shows: nothing to scroll
    dialog.reject()


def test_alt_d_ticks_the_wrapping_differs_box(qtbot, window):
    dialog = record_dialog(window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.differs.isChecked)
    assert focused() is dialog.differs
    assert dialog.inputs["reason"].isVisible()
    dialog.reject()


def test_the_discard_prompt_names_its_buttons_by_what_they_do(qtbot, window):
    from wizard.gui.record_dialog import discard_box

    box, discard, keep = discard_box(window)
    qtbot.addWidget(box)
    names = [b.text().replace("&", "") for b in box.buttons()]
    assert "Cancel" not in names
    assert discard.text().replace("&", "") == "Discard what I typed"
    assert keep.text().replace("&", "") == "Keep editing"
    assert box.defaultButton() is keep and box.escapeButton() is keep


@pytest.mark.parametrize("size", TEXT_SIZES)
def test_the_home_search_box_shows_its_examples_whole_or_fewer_of_them(qtbot, window, size):
    window.prefs.text_size = size
    window.apply_style()
    window.go_home()
    settle()
    box = window.home.search
    hint = box.placeholderText()
    assert hint.startswith("e.g. photo"), size
    assert box.fontMetrics().horizontalAdvance(hint) < box.contentsRect().width(), (size, hint)
    if size == TEXT_SIZES[0]:
        assert hint == "e.g. photo, retweet, badge, leaflet"
