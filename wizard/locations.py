"""Where the program's files are: what it ships (read-only) and what it writes (the user's own).

Shipped, read-only: `trees/` and `resources/`, beside the source or, when frozen by PyInstaller,
inside the bundle (`sys._MEIPASS`, the `_internal/` folder of a one-folder build).

Written: never inside the bundle, which may sit on a read-only share or in Program Files, and is
replaced whole by the next release.
- Records and any other data files go in `user_data_dir()`, the folder Qt's
  `QStandardPaths.AppDataLocation` names for organisation and application PurdahWizard:
  `%APPDATA%\\PurdahWizard\\PurdahWizard` on Windows, `~/Library/Application Support/...` on
  macOS, `$XDG_DATA_HOME/PurdahWizard/PurdahWizard` (default `~/.local/share/...`) elsewhere.
  `PURDAH_WIZARD_DATA` points it elsewhere (e.g. a folder shared by a station's terminals),
  unless that is inside the bundle.
- The window's settings go through `QSettings`, which keeps them in the registry (HKCU) on
  Windows and in `~/.config` on Linux: also outside the bundle.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

ORGANIZATION = APPLICATION = "PurdahWizard"  # as the window sets them for QStandardPaths
DATA_ENV = "PURDAH_WIZARD_DATA"


def app_root() -> Path:
    """The folder that holds `trees/` and `resources/`."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


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


def user_data_dir(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """The folder for records and other files the program writes (not created here)."""
    env = os.environ if env is None else env
    chosen = env.get(DATA_ENV, "").strip()
    if chosen and not inside_bundle(Path(chosen)):
        return Path(chosen).expanduser()
    return default_data_dir(env, platform or sys.platform)


def default_data_dir(env: Mapping[str, str], platform: str) -> Path:
    """The platform's per-user data folder, as QStandardPaths.AppDataLocation names it."""
    home = Path(env.get("USERPROFILE" if platform == "win32" else "HOME") or Path.home())
    if platform == "win32":
        base = Path(env["APPDATA"]) if env.get("APPDATA") else home / "AppData" / "Roaming"
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:  # Qt ignores an XDG_DATA_HOME that is not an absolute path
        xdg = env.get("XDG_DATA_HOME", "")
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
    return base / ORGANIZATION / APPLICATION
