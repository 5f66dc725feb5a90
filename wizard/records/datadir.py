"""Where the advice records live, found without Qt so the command line agrees with the window.

The default is what Qt's `QStandardPaths.AppDataLocation` gives once the application has set
organisation and application names ORGANIZATION and APPLICATION ("Purdah Wizard", the names the
window sets, from wizard/library/locations.py; a test checks the two agree with Qt):
  Linux    $XDG_DATA_HOME/Purdah Wizard/Purdah Wizard   (~/.local/share/... when unset)
  Windows  %APPDATA%\\Purdah Wizard\\Purdah Wizard        (...\\AppData\\Roaming\\...)
  macOS    ~/Library/Application Support/Purdah Wizard/Purdah Wizard
In order, these override it: `--data-dir DIR`, the environment variable PURDAH_WIZARD_DATA, and
the window's setting, e.g. to point every terminal of a station at one shared folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from wizard.library.locations import APPLICATION, inside_bundle
from wizard.library.locations import ORGANISATION as ORGANIZATION

ENV = "PURDAH_WIZARD_DATA"
RECORDS_FILE = "advice-records.sqlite3"


def default_data_dir(
    platform: str = sys.platform, env: dict[str, str] | None = None, home: Path | None = None
) -> Path:
    """The folder Qt's AppDataLocation names for ORGANIZATION/APPLICATION on this platform."""
    env = dict(os.environ) if env is None else env
    home = home if home is not None else Path.home()
    if platform.startswith("win"):
        base = Path(env["APPDATA"]) if env.get("APPDATA") else home / "AppData" / "Roaming"
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:  # Qt ignores an XDG_DATA_HOME that is not an absolute path
        xdg = env.get("XDG_DATA_HOME", "")
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
    return base / ORGANIZATION / APPLICATION


def data_dir(option: str | os.PathLike[str] | None = None, setting: str | None = None) -> Path:
    """The data folder in force: the --data-dir option, then the environment, the GUI's
    setting, then the default. A folder inside the frozen program's own folder is passed over:
    that folder may be read-only and is replaced whole by the next release."""
    for chosen in (option, os.environ.get(ENV), setting):
        if chosen and not inside_bundle(Path(chosen)):
            return Path(chosen).expanduser()
    return default_data_dir()


def records_path(folder: Path) -> Path:
    return folder / RECORDS_FILE
