"""When the window uses a share's trees, say above every screen how many situations they decide
otherwise than the trees bundled with the program: an officer then knows the share is not the
release they may have been trained on. Worked out in a thread after the first screen, because
comparing two releases can take most of a second."""

from __future__ import annotations

import threading
from pathlib import Path

from wizard.core.catalog import Catalog
from wizard.core.diff import diff_catalogs
from wizard.gui.qt import QObject, Signal
from wizard.library.folder import load_folder


def share_line(share: Path, changed: int, unanswerable: int) -> str:
    """The notice for a share whose trees differ from the bundled ones by these counts."""
    if not changed and not unanswerable:
        return f"Using the trees in {share}: they reach the same verdicts as the program's own."
    parts = [f"{changed:,} situation(s) reach a different verdict"]
    if unanswerable:
        parts.append(f"{unanswerable:,} can no longer be answered")
    return (
        f"Using the trees in {share}: {' and '.join(parts)} than with the trees bundled "
        "with the program. Your policy team chose them."
    )


class ShareComparison(QObject):
    """Compares in a thread; `counted` carries the notice back to the window's thread."""

    counted = Signal(str)

    def start(self, share: Path, catalog: Catalog, bundled: Path) -> None:
        threading.Thread(target=self._work, args=(share, catalog, bundled), daemon=True).start()

    def _work(self, share: Path, catalog: Catalog, bundled: Path) -> None:
        try:
            result = diff_catalogs(load_folder(bundled, scenarios=False), catalog, limit=0)
        except Exception:  # a notice is a courtesy: it never stops the window
            return
        self.counted.emit(share_line(share, result.verdicts_changed, result.unanswerable))


def compare_share(window, share: Path, catalog: Catalog, bundled: Path) -> ShareComparison:
    """Start comparing; the notice appears on `window` when done (keep the returned object)."""
    comparison = ShareComparison(window)
    comparison.counted.connect(window.show_notice)
    comparison.start(share, catalog, bundled)
    return comparison
