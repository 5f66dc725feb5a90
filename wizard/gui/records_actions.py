"""What the main window offers: "Record advice..." on the outcome screen (Ctrl+Shift+R) and an
"Advice records" button on the top bar (Ctrl+Shift+A); `install(window)` adds both.

The records file is found from, in order: the environment variable PURDAH_WIZARD_DATA, the
setting SETTING (a folder), then Qt's AppDataLocation (see wizard.records.datadir).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wizard.core.catalog import Catalog
from wizard.gui.lazyqt import Qt
from wizard.gui.main_window import MainWindow
from wizard.gui.qt import QSettings, QWidget
from wizard.gui.window_size import show_sized
from wizard.records.datadir import data_dir, records_path

if TYPE_CHECKING:  # the form and the records window load on first use: a faster start
    from wizard.core.transcript import Transcript
    from wizard.gui.records_window import RecordsWindow
    from wizard.records.model import Record

SETTING = "records/data_dir"


def records_file(settings: QSettings) -> Path:
    """The records file this terminal uses."""
    chosen = str(settings.value(SETTING, "") or "").strip()
    return records_path(data_dir(None, chosen or None))


def record_advice(
    parent: QWidget | None,
    transcript: Transcript,
    settings: QSettings,
    trees: Catalog | None = None,
) -> Record | None:
    """Open the "Record advice" form on this walk (made on `trees`); the saved record, or
    None."""
    from wizard.gui.record_dialog import RecordDialog

    return RecordDialog.ask(parent, transcript, records_file(settings), settings, trees)


def install(window: MainWindow) -> None:
    """Add both to the main window; clearing the screen for the next person closes the
    records window too (its search box may hold a name)."""
    window.add_outcome_action(
        "Record advice…",
        "Ctrl+Shift+R",
        lambda transcript: record_advice(window, transcript, window.settings, window.catalog),
        "Supervisors: record the advice you gave on this walk",
    )
    window.add_tool(
        "Advice records",
        "Advice records",
        "Supervisors: find and read the advice recorded",
        "Ctrl+Shift+A",
        lambda: open_records_window(window, window.settings, window.catalog),
    )


def open_records_window(
    parent: QWidget | None, settings: QSettings, catalog: Catalog | None = None
) -> RecordsWindow:
    """Open the "Advice records" window (modeless; brought forward if already open); it closes
    its file when closed."""
    from wizard.gui.records_window import RecordsWindow

    if parent is not None:
        for open_one in parent.findChildren(RecordsWindow):
            if open_one.isVisible():
                open_one.raise_()
                open_one.activateWindow()
                return open_one
    window = RecordsWindow(records_file(settings), settings, catalog, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    cleared = getattr(parent, "cleared", None)
    if cleared is not None:
        cleared.connect(window.close)
    show_sized(window)
    return window
