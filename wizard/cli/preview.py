"""The `preview` command: the window on one tree file, reloaded each time it is saved, with the
validator's problems beside it (wizard/gui/preview.py). Qt is imported only when it runs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "preview",
        help="open the window on a tree file and reload it each time "
        "it is saved, with its problems listed as file:line",
    )
    p.add_argument("tree_file", metavar="TREE_FILE", help="the .yaml tree file being edited")
    p.set_defaults(func=cmd_preview)


def cmd_preview(args: argparse.Namespace) -> int:
    from wizard.cli.base import CliError
    from wizard.gui.platform_check import display_problem

    path = Path(args.tree_file)
    if not path.is_file():
        raise CliError(f"no such tree file: {path}")
    problem = display_problem()
    if problem:
        print(f"purdah-wizard: {problem}", file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from wizard.gui.app import app_argv, configure
    from wizard.gui.preview import PreviewWindow

    app = QApplication.instance() or QApplication(app_argv())
    configure(app)
    window = PreviewWindow(path)
    window.resize(1280, 800)
    window.show()
    return app.exec()
