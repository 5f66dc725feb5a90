"""Keep a record that could not be saved (or was left unfinished) as a file, so it is not lost.

The file holds the record's content as JSON; `records add --record FILE` saves it later.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from wizard.atomicfile import SaveError, write_bytes_atomic
from wizard.records.model import Record, utc_stamp

UNSAVED_FOLDER = "unsaved"  # beside the records file, for the window's drafts


def unsaved_name() -> str:
    return f"unsaved-advice-record-{utc_stamp().replace(':', '')}.json"


def keep_unsaved(record: Record, folders: Iterable[Path]) -> Path | None:
    """Write the record's content into the first of `folders` that will take it (made if
    missing); the file's path, or None if none would."""
    data = json.dumps(record.content(), ensure_ascii=False, indent=2).encode("utf-8")
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / unsaved_name()
            write_bytes_atomic(path, data)
        except (OSError, SaveError):
            continue
        return path
    return None
