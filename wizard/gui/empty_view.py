"""Shown instead of home when no tree could be loaded: where the program looked, what it found."""

from __future__ import annotations

from pathlib import Path

from wizard.core.catalog import Catalog
from wizard.gui import wording
from wizard.gui.qt import QVBoxLayout, QWidget
from wizard.gui.widgets import Page, label, scrolling


class EmptyView(QWidget):
    def __init__(self, catalog: Catalog, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        page = Page()
        col = page.column
        col.addWidget(label(wording.APP_NAME, "appTitle"))
        col.addWidget(label("No guidance is loaded", "h1"))
        self.where = label(
            "The program looked for decision trees (.yaml files) in:\n"
            f"{folder.absolute()}\n"
            "and found none it could use. Nothing can be answered until they are "
            "there.",
            "error",
        )
        col.addWidget(self.where)
        col.addWidget(
            label(
                "Ask whoever looks after this computer to install the guidance trees, "
                "or start the program with --trees and the folder that holds them. "
                f"Until then: {wording.DOUBT} Ask a supervisor.",
                "",
            )
        )
        problems = [line for _, lines in wording.unavailable(catalog, folder) for line in lines]
        problems += [
            wording.problem_line(p, folder) for p in catalog.problems if p.file == str(folder)
        ]
        if problems:
            col.addWidget(label("What was found", "h2"))
            col.addWidget(label("\n".join(problems), "meta"))
        col.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(page))
