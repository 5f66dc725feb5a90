"""Advice records: "Would new guidance change these?" A supervisor picks the folder of a new
release of the trees; every advice record's answers are replayed on it (wizard/records/impact.py)
and the records whose verdict would differ are listed. No record is changed."""

from __future__ import annotations

from pathlib import Path

from wizard.gui.qt import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from wizard.library.choose import unusable_reason
from wizard.library.folder import load_folder
from wizard.records.impact import ImpactReport, format_impact, impact
from wizard.records.store import RecordStore

TITLE = "Would new guidance change these?"


def ask_trees_folder(parent: QWidget) -> Path | None:
    """The folder of the new trees, or None if the supervisor cancelled (tests replace this)."""
    chosen = QFileDialog.getExistingDirectory(parent, "The folder of the new trees")
    return Path(chosen) if chosen else None


def report_for(store: RecordStore, folder: Path) -> tuple[ImpactReport | None, str]:
    """The records the trees in `folder` would decide otherwise, as text; or why they cannot."""
    catalog = load_folder(folder, scenarios=False)
    refused = unusable_reason(catalog)
    if refused:
        return None, f"The trees in {folder} cannot be used: {refused}"
    report = impact(store, catalog)
    return report, format_impact(report, str(folder))


class ImpactDialog(QDialog):
    """The report, read-only and selectable, with one Close button (Esc or Enter)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit(text)
        self.text.setReadOnly(True)
        self.text.setAccessibleName("What the new trees would decide")
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        if parent is not None:
            room = parent.window().size()
            self.resize(int(room.width() * 0.85), int(room.height() * 0.8))


def show_impact(parent: QWidget, store: RecordStore) -> ImpactDialog | None:
    """Ask for the new trees, then show what they would change; None if cancelled."""
    folder = ask_trees_folder(parent)
    if folder is None:
        return None
    _report, text = report_for(store, folder)
    dialog = ImpactDialog(text, parent)
    dialog.open()
    return dialog
