"""How the main window reaches trainer mode: a "Trainer mode" button on the top bar (Ctrl+T) that
opens the trainer window beside it, or brings it forward if it is already open."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget

from wizard.core.catalog import Catalog
from wizard.gui.trainer.window import TrainerWindow

SHORTCUT = "Ctrl+T"


def install(window) -> None:  # a MainWindow (its module imports the features, not the reverse)
    """Add the "Trainer mode" button and shortcut to the main window's top bar."""
    window.add_tool("Trainer mode", "Trainer mode",
                    "Trainers: present scenarios, quiz a trainee, show the map of a topic",
                    SHORTCUT, lambda: open_trainer(window, window.catalog, window.settings))


def open_trainer(parent: QWidget | None, catalog: Catalog,
                 settings: QSettings | None) -> TrainerWindow:
    """Open the trainer window (modeless), or bring the open one forward."""
    if parent is not None:
        for open_one in parent.findChildren(TrainerWindow):
            if open_one.isVisible():
                open_one.raise_()
                open_one.activateWindow()
                return open_one
    trainer = TrainerWindow(catalog, settings, parent)
    trainer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is not None:
        trainer.resize(parent.size())
    trainer.show()
    trainer.activateWindow()
    return trainer
