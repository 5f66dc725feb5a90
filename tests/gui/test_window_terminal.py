"""A shared terminal: idle reset, Clear, trees that fail to load, settings that persist."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.gui.gui_helpers import focused, press, texts, type_text
from wizard.gui.empty_view import EmptyView
from wizard.gui.settings import DEFAULT_TEXT_SIZE, Preferences

pytestmark = pytest.mark.gui
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def test_after_idle_time_the_walk_is_cleared_and_home_returns(qtbot, make_window):
    window = make_window(idle_msec=500)
    type_text(qtbot, "photo")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    assert window.walk is not None and len(window.walk.steps) == 1
    with qtbot.waitSignal(window.cleared, timeout=3000):
        pass
    assert window.walk is None
    assert window.stack.currentWidget() is window.home
    assert window.home.search.text() == ""
    assert focused() is window.home.search
    # to the millisecond: a coarse timer would round a long idle time to whole seconds
    assert window.idle.timer.timerType() == Qt.TimerType.PreciseTimer


def test_any_input_starts_the_idle_count_again(qtbot, make_window):
    window = make_window(idle_msec=60_000)
    window.start_topic("photos")
    qtbot.waitUntil(lambda: window.idle._filtering)  # input is watched from the first paint
    qtbot.waitUntil(lambda: window.idle.timer.remainingTime() < 59_900)  # the count has run
    before = window.idle.timer.remainingTime()
    press(qtbot, Qt.Key.Key_Shift)
    assert window.idle.timer.remainingTime() > before
    assert window.walk is not None


def test_idle_timeout_comes_from_the_settings(qtbot, trees, settings_file):
    from wizard.gui.main_window import MainWindow
    from wizard.library.folder import load_folder

    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    settings.setValue("terminal/idle_minutes", 0.5)
    window = MainWindow(load_folder(trees), trees, settings)
    qtbot.addWidget(window)
    assert window.idle.timer.interval() == 30_000


def test_clear_wipes_the_walk_and_the_search_at_once(qtbot, make_window):
    window = make_window()
    type_text(qtbot, "photo")
    window.start_topic("photos")
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert window.walk is None
    assert window.stack.currentWidget() is window.home
    assert window.home.search.text() == ""


def test_a_broken_tree_is_listed_as_unavailable_and_the_others_still_work(
    qtbot, make_window, trees: Path
):
    (trees / "leaflets.yaml").write_text(
        'id: leaflets\ntitle: Leaflets\nsummary: Handing out leaflets\nversion: "1.0"\n'
        "effective: 2026-02-01\nsource: example-guidance\nquestions:\n  - id: q\n"
        "    text: Are you on duty?\n    anwsers: []\noutcomes: []\n",
        encoding="utf-8",
    )
    window = make_window()
    shown = " ".join(texts(window.home, "error"))
    assert "leaflets.yaml: unavailable" in shown
    assert "leaflets.yaml:10:5: " in shown  # the validator's file:line:column
    assert "anwsers" in shown
    assert "leaflets" not in window.home.tiles
    type_text(qtbot, "photo")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_2)
    assert window.outcome_view.title.text() == "You may carry on"


def test_no_trees_at_all_says_where_it_looked(qtbot, make_window, tmp_path: Path):
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    window = make_window(empty)
    assert window.home is None
    assert isinstance(window.stack.currentWidget(), EmptyView)
    assert str(empty.absolute()) in window.start_page.where.text()
    press(qtbot, Qt.Key.Key_L, CTRL)  # the window's actions still do no harm
    assert isinstance(window.stack.currentWidget(), EmptyView)


def test_a_missing_folder_is_named_too(qtbot, make_window, tmp_path: Path):
    window = make_window(tmp_path / "no-such-folder")
    assert str(tmp_path / "no-such-folder") in window.start_page.where.text()
    assert "no such folder of trees" in " ".join(texts(window.start_page))


def test_text_size_and_high_contrast_persist_across_a_restart(
    qtbot, make_window, settings_file: Path
):
    first = make_window()
    body = first.home.search
    body.ensurePolished()
    before = body.font().pointSize()
    press(qtbot, Qt.Key.Key_Plus, CTRL)
    press(qtbot, Qt.Key.Key_Equal, CTRL)
    press(qtbot, Qt.Key.Key_H, CTRL | SHIFT)
    assert first.prefs.text_size == 16
    assert first.contrast_button.isChecked()
    first.close()

    second = make_window()
    assert second.prefs.text_size == 16
    assert second.prefs.high_contrast
    assert second.contrast_button.isChecked()
    assert "#ffff00" in second.styleSheet()  # the high-contrast focus colour
    second.home.search.ensurePolished()
    assert second.home.search.font().pointSize() > before
    stored = QSettings(str(settings_file), QSettings.Format.IniFormat)
    assert Preferences(stored).text_size == 16


def test_smaller_text_and_reset(qtbot, make_window):
    window = make_window()
    press(qtbot, Qt.Key.Key_Minus, CTRL)
    assert window.prefs.text_size < DEFAULT_TEXT_SIZE
    press(qtbot, Qt.Key.Key_0, CTRL)
    assert window.prefs.text_size == DEFAULT_TEXT_SIZE
    for _ in range(30):
        window.larger_text()
    assert window.prefs.text_size == 36  # stops at the largest


def test_the_tests_never_touch_the_users_own_settings(tmp_path: Path):
    assert str(tmp_path) in QSettings().fileName()


def test_clear_also_cancels_a_dialog_left_open(qtbot, make_window):
    from wizard.gui.about_dialog import AboutDialog

    window = make_window(idle_msec=300)
    dialog = AboutDialog(window.catalog, window.folder, window)
    dialog.show()
    with qtbot.waitSignal(window.cleared, timeout=3000):
        pass
    assert not dialog.isVisible()
    assert dialog.result() == AboutDialog.DialogCode.Rejected
