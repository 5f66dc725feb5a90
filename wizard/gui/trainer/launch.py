"""How the main window reaches trainer mode: a "Trainer mode" button on the top bar (Ctrl+T) that
opens the trainer window beside it, or brings it forward if it is already open.

The trainer window is a window of its own, not a child of the main one: a child would take the
main window's style sheet, whose text sizes would override the projector sizes. It can go on
the projector's screen while the wizard stays on the laptop's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from shiboken6 import isValid

from wizard.core.catalog import Catalog
from wizard.gui.lazyqt import Qt
from wizard.gui.qt import QSettings
from wizard.gui.window_size import show_sized

if TYPE_CHECKING:  # the trainer window loads when first opened: a faster start
    from wizard.gui.trainer.window import TrainerWindow

SHORTCUT = "Ctrl+T"


def install(window) -> None:  # a MainWindow (its module imports the features, not the reverse)
    """Add the "Trainer mode" button and shortcut to the main window's top bar."""
    opened: list[TrainerWindow] = []

    def open_it() -> TrainerWindow:
        opened[:] = [t for t in opened if isValid(t) and t.isVisible()]
        if opened:
            opened[0].raise_()
            opened[0].activateWindow()
            return opened[0]
        trainer = open_trainer(window.catalog, window.settings, window.size())
        opened.append(trainer)
        return trainer

    window.add_tool(
        "Trainer mode",
        "Trainer mode",
        "Trainers: present scenarios, quiz a trainee, show the map of a topic",
        SHORTCUT,
        open_it,
    )


def open_trainer(catalog: Catalog, settings: QSettings | None, size=None) -> TrainerWindow:
    """Open a trainer window (modeless); it is deleted when closed."""
    from wizard.gui.trainer.window import TrainerWindow

    trainer = TrainerWindow(catalog, settings)
    trainer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if size is not None:
        trainer.resize(size)
        trainer.show()
    else:
        show_sized(trainer)
    trainer.activateWindow()
    return trainer
