"""Keep a record that could not be saved (or was left unfinished) as a file, so it is not lost.

The file holds the record's content as JSON; `records add --record FILE` saves it later.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from pathlib import Path

from wizard.library.atomicfile import SaveError, write_bytes_new
from wizard.records.model import Record, utc_stamp

UNSAVED_FOLDER = "unsaved"  # beside the records file, for the window's drafts
ATTEMPTS = 50  # names tried in one folder before giving up on it


def unsaved_name() -> str:
    """A fresh name: the time (so a folder lists them in order) and a random part, since
    several copies may be kept in one second."""
    return f"unsaved-advice-record-{utc_stamp().replace(':', '')}-{secrets.token_hex(4)}.json"


def keep_unsaved(record: Record, folders: Iterable[Path]) -> Path | None:
    """Write the record's content, whole, as a new file in the first of `folders` that will
    take it (made if missing); the file's path, or None if none would."""
    data = json.dumps(record.content(), ensure_ascii=False, indent=2).encode("utf-8")
    for folder in folders:
        path = _write_new(folder, data)
        if path is not None:
            return path
    return None


def _write_new(folder: Path, data: bytes) -> Path | None:
    """Write `data` whole under a name not yet taken in `folder` (never replacing another
    kept copy); its path, or None if the folder will not take it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    for _ in range(ATTEMPTS):
        path = folder / unsaved_name()
        try:
            write_bytes_new(path, data)
        except FileExistsError:
            continue
        except (OSError, SaveError):
            return None
        return path
    return None
