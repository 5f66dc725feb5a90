"""What the main window calls: "Record advice..." on the outcome screen, and "Advice records".

    window.add_outcome_action("Record advice…", "Ctrl+R",
                              lambda t: record_advice(window, t, settings), "Record the advice")
    an action or button: open_records_window(window, settings, catalog)

The records file is found from, in order: the environment variable PURDAH_WIZARD_DATA, the
setting SETTING (a folder), then Qt's AppDataLocation (see wizard.records.datadir).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget

from wizard.core.catalog import Catalog
from wizard.core.transcript import Transcript
from wizard.gui.record_dialog import RecordDialog
from wizard.gui.records_window import RecordsWindow
from wizard.records.datadir import data_dir, records_path
from wizard.records.model import Record

SETTING = "records/data_dir"


def records_file(settings: QSettings) -> Path:
    """The records file this terminal uses."""
    chosen = str(settings.value(SETTING, "") or "").strip()
    return records_path(data_dir(None, chosen or None))


def record_advice(parent: QWidget | None, transcript: Transcript,
                  settings: QSettings) -> Record | None:
    """Open the "Record advice" form on this walk; the saved record, or None."""
    return RecordDialog.ask(parent, transcript, records_file(settings), settings)


def open_records_window(parent: QWidget | None, settings: QSettings,
                        catalog: Catalog | None = None) -> RecordsWindow:
    """Open the "Advice records" window (modeless); it closes its file when closed."""
    window = RecordsWindow(records_file(settings), settings, catalog, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
