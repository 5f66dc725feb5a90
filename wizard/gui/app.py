"""Start the window: check the display, set up Qt once (names, font, icon), load the trees, show.

Other features add their buttons to the outcome screen in `add_outcome_actions`, with
`window.add_outcome_action(text, shortcut, callback, description)`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wizard.gui.platform_check import display_problem
from wizard.gui.window_size import show_sized
from wizard.library.cache import needs_writing, read_cache, write_cache
from wizard.library.choose import choose_trees
from wizard.library.folder import load_folder, load_scenarios
from wizard.library.locations import APPLICATION, ORGANISATION, bundled_trees, resources

ICON = "purdah-wizard.png"
# Its window class and desktop file name: task bars group its windows by them (from source the
# window class would otherwise be the script's name, "__main__.py").
PROGRAM = "purdah-wizard"
EXIT_NO_WINDOW = 1


def configure(app, icon: bool = True) -> None:  # a QApplication; Qt is imported late
    """Names for QSettings, the bundled font as the application font, and the icon (unless
    `icon` is False: the caller sets it later with `set_icon`)."""
    from wizard.export.fonts import register_fonts
    from wizard.gui.qt import QFont

    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName(PROGRAM)  # Wayland's app id; X11's class comes from app_argv()
    app.setFont(QFont(register_fonts()))
    if icon:
        set_icon(app)


def app_argv() -> list[str]:
    """The arguments for QApplication: the program's own name first, which X11 task bars group
    its windows by (WM_CLASS), whether it runs frozen, as a script or as `python -m wizard`."""
    return [PROGRAM]


def set_icon(app) -> None:  # a QApplication
    """The program's icon, for its windows' title bars and the task bar."""
    from wizard.gui.qt import QIcon

    app.setWindowIcon(QIcon(str(resources() / "icons" / ICON)))


def create_window(folder: Path, catalog=None, notice: str = ""):  # -> MainWindow
    """Build the window over the trees in `folder` (loaded here unless `catalog` is given), with
    every feature's outcome actions, and `notice` shown above every screen if there is one."""
    from wizard.gui.main_window import MainWindow

    window = MainWindow(load_folder(folder) if catalog is None else catalog, folder)
    add_outcome_actions(window)
    if notice:
        window.show_notice(notice)
    return window


def add_outcome_actions(window) -> None:  # a MainWindow; Qt is imported late
    """The buttons other features put on the outcome screen and the top bar (one call each)."""

    def save_pdf(transcript) -> None:  # the PDF code is loaded on first use: a faster start
        from wizard.gui import pdf_actions

        pdf_actions.save_pdf_interactively(window, transcript, window.settings)

    window.add_outcome_action(
        "Save as PDF…", "Ctrl+S", save_pdf, "Save the reasoning, with case details, as a PDF"
    )
    from wizard.gui import records_actions
    from wizard.gui.trainer import launch as trainer_launch

    records_actions.install(window)
    trainer_launch.install(window)
    from wizard.gui import feedback_actions

    feedback_actions.install(window)

    def open_settings() -> None:  # the dialog is loaded on first use: a faster start
        from wizard.gui import settings_dialog

        settings_dialog.open_settings(window)

    window.add_tool(
        "Settings",
        "Settings",
        "PDF marking and paper, idle time, folders, text size and contrast for this terminal",
        "Ctrl+,",
        open_settings,
    )


def compare_bundled(window, share: Path, catalog) -> None:  # MainWindow, Catalog
    """Say how many verdicts the share's trees change (wizard/gui/share_notice.py)."""
    from wizard.gui.share_notice import compare_share

    window.share_comparison = compare_share(window, share, catalog, bundled_trees())


def run(trees_option: str | None = None) -> int:
    """Open the window and run until it is closed; a one-line message if it cannot open."""
    window = show_window(trees_option)
    if window is None:
        return EXIT_NO_WINDOW
    from wizard.gui.qt import QApplication

    app = QApplication.instance()
    assert app is not None  # show_window made it
    return app.exec()


def show_window(trees_option: str | None = None):  # -> MainWindow | None
    """Everything `run` does but the event loop: check the display, set Qt up, load the trees
    and show the window, which is returned; None, after a one-line message, if it cannot open.
    The self-test runs the window with this in a loop of its own.

    The trees come from `--trees`, else the setting trees/folder, else PURDAH_WIZARD_TREES, if
    that folder is usable; otherwise the bundled trees, with a notice on screen saying why.
    """
    problem = display_problem()
    if problem:
        print(f"purdah-wizard: {problem}", file=sys.stderr)
        return None
    # Qt only now: without the X libraries display_problem checks for, importing it fails.
    from wizard.gui.first_paint import after_first_paint
    from wizard.gui.qt import QApplication
    from wizard.gui.settings import saved_trees_folder

    app = QApplication.instance() or QApplication(app_argv())
    configure(app)  # before QSettings is read: it names the settings file
    later = []

    def bundled_trees_first(folder: Path):  # -> Catalog; parsed before, scenarios after the paint
        parsed = read_cache(folder)
        catalog = load_folder(folder, scenarios=False, parsed=parsed)

        def scenarios_then_cache() -> None:
            load_scenarios(catalog, folder, parsed)
            if needs_writing(parsed):  # from source, after an edit: kept for the next start
                write_cache(folder, parsed)

        later.append(scenarios_then_cache)
        return catalog

    chosen = choose_trees(trees_option, saved_trees_folder(), load_bundled=bundled_trees_first)
    if chosen.notice:
        print(f"note: {chosen.notice}", file=sys.stderr)
    window = create_window(chosen.folder, chosen.catalog, chosen.notice)
    for work in later:
        after_first_paint(window, work)
    if not chosen.fell_back and chosen.folder.resolve() != bundled_trees().resolve():
        after_first_paint(window, lambda: compare_bundled(window, chosen.folder, chosen.catalog))
    show_sized(window)
    return window
