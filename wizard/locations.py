"""Where the program's bundled files are: beside the source, or inside a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder that holds `trees/` and `resources/`."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def bundled_trees() -> Path:
    return app_root() / "trees"


def resources() -> Path:
    return app_root() / "resources"
