"""(c) Size of the frozen program's folder, against a naive one-folder build of a bare PySide6
window made in the same run. Target: at most 75% of the bare build (70% before the records
server's driver, psycopg with libpq and TLS, joined it: issue 19).

    python bench/frozen_size.py        # needs the build extra; takes a few minutes

Both are built fresh under out/bench/: the bare window with PyInstaller's defaults
(`pyinstaller --onedir bench/bare_window.py`, everything its Qt hooks collect), the program
with `python -m wizard.cli.build` (build/purdah-wizard.spec, pruned). Then both are run: the bare
window must open and quit offscreen, and the program must pass its own --self-test, which is the
proof that pruning dropped nothing it needs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import OUT, ROOT, folder_size, mb, python, table

# what each file is, by its path in the folder (first match wins)
GROUPS = [
    ("ICU (Qt's Unicode data)", r"libicu|icu\w*\.dll"),
    ("Qt translations", r"/translations/"),
    ("Qt plugins", r"/plugins/"),
    ("Qt libraries", r"(lib)?Qt6\w+\.(so|dll)"),
    ("PySide6/shiboken bindings", r"PySide6/|shiboken6/|pyside6|shiboken6"),
    ("Python", r"libpython|python3\d*\.dll|/python3\.\d+/|base_library\.zip|lib-dynload"),
    ("the program's data (trees, resources)", r"/(trees|resources)/"),
]


def group_of(rel: str) -> str:
    if "/" not in rel:
        return "executables"
    return next(
        (name for name, pattern in GROUPS if re.search(pattern, "/" + rel)),
        "other libraries (system, yaml, ...)",
    )


def breakdown(folder: Path) -> Counter[str]:
    sizes: Counter[str] = Counter()
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            sizes[group_of(path.relative_to(folder).as_posix())] += path.stat().st_size
    return sizes


def build_bare() -> Path:
    subprocess.run(
        [
            python(),
            "-m",
            "PyInstaller",
            "--onedir",
            "--noconfirm",
            "--log-level=WARN",
            f"--workpath={OUT / 'work-bare'}",
            f"--distpath={OUT / 'dist-bare'}",
            f"--specpath={OUT}",
            "--name=bare-window",
            str(ROOT / "bench" / "bare_window.py"),
        ],
        check=True,
        cwd=ROOT,
    )
    return OUT / "dist-bare" / "bare-window"


def build_program() -> Path:
    subprocess.run(
        [
            python(),
            "-m",
            "wizard.cli.build",
            f"--work={OUT / 'work-app'}",
            f"--dist={OUT / 'dist-app'}",
        ],
        check=True,
        cwd=ROOT,
    )
    return OUT / "dist-app" / "purdah-wizard"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in ("dist-bare", "dist-app"):
        shutil.rmtree(OUT / old, ignore_errors=True)
    bare, app = build_bare(), build_program()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    bare_ok = (
        subprocess.run(
            [str(bare / "bare-window"), "--quit"], env=env, timeout=60, capture_output=True
        ).returncode
        == 0
    )
    test = subprocess.run(
        [str(app / "purdah-wizard"), "--self-test"],
        env=env,
        timeout=300,
        capture_output=True,
        text=True,
    )
    print(test.stdout)

    sizes = {"bare": folder_size(bare), "app": folder_size(app)}
    parts = {"bare": breakdown(bare), "app": breakdown(app)}
    groups = sorted(set(parts["bare"]) | set(parts["app"]), key=lambda g: -parts["bare"][g])
    rows = [("", "naive bare window", "Purdah Wizard (pruned)")]
    rows += [(g, mb(parts["bare"][g]), mb(parts["app"][g])) for g in groups]
    rows += [("**whole folder**", f"**{mb(sizes['bare'])}**", f"**{mb(sizes['app'])}**")]
    print(f"Python {sys.version.split()[0]} on {sys.platform}")
    print(table(rows))
    print(
        f"\nratio: {sizes['app'] / sizes['bare']:.0%} of the bare window's build "
        f"(target <= 75%); bare window runs: {'yes' if bare_ok else 'NO'}; "
        f"program --self-test exit {test.returncode}"
    )


if __name__ == "__main__":
    main()
