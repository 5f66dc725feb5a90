"""The window the program opens reaches trainer mode from home: a top-bar button and Ctrl+T."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from wizard.gui import app as gui_app
from wizard.gui.trainer.window import TrainerWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def main_window(qtbot, example_trees):
    w = gui_app.create_window(example_trees)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def open_trainers() -> list[TrainerWindow]:
    return [
        t for t in QApplication.topLevelWidgets() if isinstance(t, TrainerWindow) and t.isVisible()
    ]


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen only
def test_ctrl_t_on_home_opens_trainer_mode_once(qtbot, main_window):
    [button] = [
        b for b in main_window.findChildren(QPushButton) if b.accessibleName() == "Trainer mode"
    ]
    assert button.isVisible() and "Ctrl+T" in button.toolTip()
    qtbot.keyClick(main_window.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    [trainer] = open_trainers()
    qtbot.addWidget(trainer)
    assert trainer.stack.currentWidget() is trainer.picker
    assert trainer.parent() is None  # its own window: the main window's style stays out of it
    assert trainer.picker.ids  # the scenarios of the trees the window loaded
    button.click()  # again: the same window comes forward, no second one
    assert open_trainers() == [trainer]


def test_trainer_from_home_keeps_its_projector_text(qtbot, main_window):
    main_window.larger_text()  # the wizard's own text size must not reach the trainer
    qtbot.keyClick(main_window.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    [trainer] = open_trainers()
    qtbot.addWidget(trainer)
    trainer.resize(1920, 1080)
    trainer.present("posed-photo")
    trainer.present_view.forward()
    [question] = [
        w
        for w in trainer.present_view.body.findChildren(QLabel)
        if w.text() == "Is a candidate in the photo?"
    ]
    assert question.font().pixelSize() >= 48
