"""Start the window: check the display, set up Qt once (names, font, icon), load the trees, show.

Other features add their buttons to the outcome screen in `add_outcome_actions`, with
`window.add_outcome_action(text, shortcut, callback, description)`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wizard.gui.platform_check import display_problem
from wizard.gui.window_size import show_sized
from wizard.locations import resources

ORGANISATION = "Purdah Wizard"
APPLICATION = "Purdah Wizard"
ICON = "purdah-wizard.png"
EXIT_NO_WINDOW = 1


def configure(app) -> None:  # a QApplication; Qt is imported late
    """Names for QSettings, the bundled font as the application font, and the icon."""
    from PySide6.QtGui import QFont, QIcon

    from wizard.export.fonts import register_fonts

    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setFont(QFont(register_fonts()))
    app.setWindowIcon(QIcon(str(resources() / "icons" / ICON)))


def create_window(folder: Path):  # -> MainWindow; Qt is imported late
    """Load the trees in `folder` and build the window, with every feature's outcome actions."""
    from wizard.gui.main_window import MainWindow
    from wizard.treedir import load_folder

    window = MainWindow(load_folder(folder), folder)
    add_outcome_actions(window)
    return window


def add_outcome_actions(window) -> None:  # a MainWindow; Qt is imported late
    """The buttons other features put on the outcome screen (one call each)."""
    from wizard.gui import pdf_actions, records_actions
    from wizard.gui.trainer import launch as trainer_launch

    window.add_outcome_action(
        "Save as PDF…", "Ctrl+S",
        lambda transcript: pdf_actions.save_pdf_interactively(window, transcript, window.settings),
        "Save the reasoning, with case details, as a PDF")
    records_actions.install(window)
    trainer_launch.install(window)


def run(folder: Path) -> int:
    """Open the window and run until it is closed; a one-line message if it cannot open."""
    problem = display_problem()
    if problem:
        print(f"purdah-wizard: {problem}", file=sys.stderr)
        return EXIT_NO_WINDOW
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure(app)
    window = create_window(folder)
    show_sized(window)
    return app.exec()
