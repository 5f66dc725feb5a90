"""`python -m wizard.cli.build`: freeze the program into one folder with PyInstaller.

Needs the `build` extra (`pip install -e ".[build]"`). Runs build/purdah-wizard.spec with the
work and output folders named explicitly (build/work, build/dist), so PyInstaller's defaults never
overwrite or hide the spec, then prints where the program is and how big. `--self-test` runs the
frozen program's self-test afterwards (offscreen), as CI does.

This module is a developer tool: the spec leaves it out of the frozen program.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build" / "purdah-wizard.spec"
WORK = ROOT / "build" / "work"
DIST = ROOT / "build" / "dist"
NAME = "purdah-wizard"


def executable(dist: Path = DIST, console: bool = True) -> Path:
    """The frozen program; on Windows the console one prints, the other opens the window only."""
    if sys.platform == "win32":
        return dist / NAME / (f"{NAME}-cli.exe" if console else f"{NAME}.exe")
    return dist / NAME / NAME


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def freeze(work: Path = WORK, dist: Path = DIST, clean: bool = False) -> Path:
    """Run PyInstaller on the spec; return the program's folder."""
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        raise SystemExit('PyInstaller is missing: pip install -e ".[build]"') from None
    argv = [
        str(SPEC),
        "--noconfirm",
        "--log-level=WARN",
        f"--workpath={work}",
        f"--distpath={dist}",
        *(["--clean"] if clean else []),
    ]
    pyinstaller.run(argv)
    return dist / NAME


def self_test(dist: Path = DIST) -> int:
    """Run the frozen program's --self-test offscreen; return its exit code."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([str(executable(dist)), "--self-test"], env=env, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m wizard.cli.build", description="Freeze Purdah Wizard into one folder."
    )
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument(
        "--self-test", action="store_true", help="run the frozen program's self-test afterwards"
    )
    parser.add_argument("--dist", type=Path, default=DIST, help=f"output folder (default {DIST})")
    parser.add_argument("--work", type=Path, default=WORK, help=f"work folder (default {WORK})")
    args = parser.parse_args(argv)
    folder = freeze(args.work, args.dist, args.clean)
    print(f"built {folder} ({folder_size(folder) / 1e6:.1f} MB); run {executable(args.dist)}")
    return self_test(args.dist) if args.self_test else 0


if __name__ == "__main__":
    sys.exit(main())
