"""Where the program's files are: what it ships (read-only) and what it writes (the user's own).

Shipped, read-only: `trees/` and `resources/`, beside the source or, when frozen by PyInstaller,
inside the bundle (`sys._MEIPASS`, the `_internal/` folder of a one-folder build).

Written: never inside the bundle, which may sit on a read-only share or in Program Files, and is
replaced whole by the next release.
- The advice records go in the user's data folder (wizard/records/datadir.py), the folder Qt's
  `QStandardPaths.AppDataLocation` names for the window's organisation and application names:
  `%APPDATA%\\Purdah Wizard\\Purdah Wizard` on Windows, `~/.local/share/Purdah Wizard/...` on
  Linux. `--data-dir`, `PURDAH_WIZARD_DATA` or a setting point it elsewhere (e.g. a folder shared
  by a station's terminals), but never inside the bundle: `inside_bundle()` refuses that.
- The window's settings go through `QSettings`, which keeps them in the registry (HKCU) on
  Windows and in `~/.config` on Linux: also outside the bundle.
"""

from __future__ import annotations

import sys
from pathlib import Path

# The names the window gives Qt; Qt's settings and data folders are named after them, and the
# command line finds the same folders from them without Qt.
ORGANISATION = APPLICATION = "Purdah Wizard"


def app_root() -> Path:
    """The folder that holds `trees/` and `resources/`."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parents[2]


def bundled_trees() -> Path:
    return app_root() / "trees"


def resources() -> Path:
    return app_root() / "resources"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def inside_bundle(path: Path) -> bool:
    """True if `path` lies in the frozen program's own folder (where nothing may be written)."""
    if not is_frozen():
        return False
    bundle = Path(sys.executable).resolve().parent
    target = Path(path).expanduser().resolve()
    return any(target.is_relative_to(root) for root in {bundle, app_root().resolve()})
