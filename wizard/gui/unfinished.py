"""Advice records kept unfinished when the screen was cleared (the records folder's `unsaved/`):
say so, and finish one in the Record advice form, which deletes the file once it is saved."""

from __future__ import annotations

import json
from pathlib import Path

from wizard.core.catalog import Catalog
from wizard.gui.qt import QSettings, QWidget
from wizard.records.drafts import UNSAVED_FOLDER
from wizard.records.model import Record

PATTERN = "unsaved-advice-record-*.json"


def kept_drafts(records_path: Path) -> list[Path]:
    """The unfinished records kept beside this records file, oldest first."""
    folder = Path(records_path).parent / UNSAVED_FOLDER
    try:
        return sorted(folder.glob(PATTERN))
    except OSError:
        return []


def kept_text(paths: list[Path]) -> str:
    """One line saying how many are kept, where, and how to finish them."""
    if not paths:
        return ""
    what = (
        "An unfinished advice record was"
        if len(paths) == 1
        else f"{len(paths)} unfinished advice records were"
    )
    return (
        f"{what} kept when the screen was cleared, in {paths[0].parent}. To finish it, open "
        "Advice records (Ctrl+Shift+A) and choose “Finish unfinished record…”."
    )


def load_draft(path: Path) -> Record:
    """The record a kept file holds (ValueError or OSError if it cannot be read)."""
    return Record.from_content(json.loads(path.read_text(encoding="utf-8")))


def finish_draft(
    parent: QWidget | None,
    path: Path,
    records_path: Path,
    settings: QSettings,
    catalog: Catalog | None = None,
) -> Record | None:
    """Open the form filled from the kept file; once the record is saved, delete the file.
    The saved record, or None."""
    from wizard.gui.record_dialog import RecordDialog

    draft = load_draft(path)
    if draft.transcript is None:
        raise ValueError(f"{path} holds no walk to record advice on")
    dialog = RecordDialog(draft.transcript, records_path, settings, parent, catalog)
    dialog.fill_from(draft)
    dialog.exec()
    if dialog.saved is not None:
        path.unlink(missing_ok=True)
    return dialog.saved
