"""For bench/memory.py: open the window offscreen, walk the longest path of the bundled trees
answer by answer, save the reasoning as a PDF through the window's own Save action, then quit.

Settings go to a temporary folder, never the user's; the dialogs are answered in code.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from wizard.core.case import CaseDetails
from wizard.core.paths import all_paths
from wizard.gui import app as gui_app
from wizard.gui import pdf_actions
from wizard.gui.case_dialog import CaseDialog
from wizard.library.choose import choose_trees


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="purdah-bench-"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(scratch / "settings"))
    app = QApplication(sys.argv[:1])
    gui_app.configure(app)
    chosen = choose_trees(None)
    window = gui_app.create_window(chosen.folder, chosen.catalog, "")
    gui_app.show_sized(window)
    app.processEvents()

    cat = chosen.catalog
    tree_id, path = max(
        ((t.id, p) for t in cat.trees.values() for p in all_paths(cat, t.id)),
        key=lambda tp: len(tp[1].steps),
    )
    window.start_topic(tree_id)
    for step in path.steps:
        window.answer(step.answer.id)
        app.processEvents()
    assert window.walk is not None and window.walk.outcome is not None

    target = scratch / "walk.pdf"
    CaseDialog.ask = classmethod(lambda cls, *a, **k: CaseDetails(name="Zoë Ó Súilleabháin"))
    pdf_actions.ask_save_path = lambda parent, suggestion: target
    pdf_actions.offer_open = lambda parent, saved: False
    pdf_actions.save_pdf_interactively(window, window.walk.transcript(), window.settings)
    assert target.stat().st_size > 0
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
