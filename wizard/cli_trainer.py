"""The `trainer` command: open trainer mode on its own (Qt is loaded only when it runs)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("trainer", help="open trainer mode: present scenarios, quiz, tree maps")
    p.add_argument("--scenario", metavar="SCENARIO_ID", help="open presenting this scenario")
    p.add_argument("--full-screen", action="store_true", help="start in full screen (F11)")
    p.set_defaults(func=cmd_trainer)


def cmd_trainer(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from wizard.cli import EXIT_OK, CliError, load
    from wizard.export.fonts import register_fonts
    from wizard.gui.trainer.window import TrainerWindow

    cat = load(args)
    if args.scenario and args.scenario not in cat.scenarios:
        known = ", ".join(sorted(cat.scenarios)) or "none"
        raise CliError(f"no scenario '{args.scenario}' checks clean (known: {known}); "
                       "`validate` says what is wrong with a broken one")
    app = QApplication.instance() or QApplication(["purdah-wizard"])
    app.setFont(QFont(register_fonts()))
    window = TrainerWindow(cat, QSettings("Purdah Wizard", "Purdah Wizard"))
    if args.scenario:
        window.present(args.scenario)
    if args.full_screen:
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()
    app.exec()
    return EXIT_OK
