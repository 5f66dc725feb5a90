"""The `trainer` command: open trainer mode on its own (Qt is loaded only when it runs)."""

from __future__ import annotations

import argparse
import sys

from wizard.cli.base import EXIT_OK, CliError, load


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("trainer", help="open trainer mode: present scenarios, quiz, tree maps")
    p.add_argument("--scenario", metavar="SCENARIO_ID", help="open presenting this scenario")
    p.add_argument("--full-screen", action="store_true", help="start in full screen (F11)")
    p.set_defaults(func=cmd_trainer)


def cmd_trainer(args: argparse.Namespace) -> int:
    from wizard.gui.app import EXIT_NO_WINDOW, app_argv, configure
    from wizard.gui.platform_check import display_problem
    from wizard.gui.window_size import show_sized

    cat = load(args)
    if args.scenario and args.scenario not in cat.scenarios:
        known = ", ".join(sorted(cat.scenarios)) or "none"
        raise CliError(
            f"no scenario '{args.scenario}' checks clean (known: {known}); "
            "`validate` says what is wrong with a broken one"
        )
    problem = display_problem()
    if problem:
        print(f"purdah-wizard: {problem}", file=sys.stderr)
        return EXIT_NO_WINDOW
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from wizard.gui.trainer.window import TrainerWindow

    app = QApplication.instance() or QApplication(app_argv())
    configure(app)
    window = TrainerWindow(cat, QSettings())
    if args.scenario:
        window.present(args.scenario)
    if args.full_screen:
        window.showFullScreen()
    else:
        show_sized(window)
    app.exec()
    return EXIT_OK
