"""Offline stays the default with the records server in the program: with no server configured,
the driver (psycopg) is never imported, no socket is made, and the records work as ever.

Only wizard/records/server/connect.py may import psycopg, and only inside a function, so that
importing the program (tests/test_offline.py imports every module) never loads it.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRIVER = ("psycopg", "psycopg_binary", "psycopg_c", "psycopg_pool")
ALLOWED = ROOT / "wizard" / "records" / "server" / "connect.py"


def driver_imports(path: Path) -> list[tuple[int, bool]]:
    """(line, at module level) of each import of the driver that can run in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    typing_only = {
        id(n)
        for block in tree.body
        if isinstance(block, ast.If)
        and ast.unparse(block.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")
        for n in ast.walk(block)
    }  # never run: for type hints only
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        names = (
            [a.name for a in node.names]
            if isinstance(node, ast.Import)
            else [node.module]
            if isinstance(node, ast.ImportFrom) and node.module
            else []
        )
        if any(n.split(".")[0] in DRIVER for n in names):
            found.append((node.lineno, id(node) in top))
    return found


def test_only_the_connect_module_imports_the_driver_and_only_when_called() -> None:
    found = {
        path.relative_to(ROOT).as_posix(): hits
        for path in sorted((ROOT / "wizard").rglob("*.py"))
        if (hits := driver_imports(path))
    }
    assert list(found) == [ALLOWED.relative_to(ROOT).as_posix()]
    assert not [line for line, top in found[ALLOWED.relative_to(ROOT).as_posix()] if top]


def test_records_without_a_server_load_no_driver_and_make_no_socket(tmp_path: Path) -> None:
    walk = subprocess.run(
        [
            sys.executable,
            "-m",
            "wizard",
            "run",
            "photos",
            "--json",
            "--answer",
            "candidate_present=no",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    (tmp_path / "walk.json").write_text(walk.stdout, encoding="utf-8")
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT / "tests")!r})
        from netguard import no_network
        from wizard.cli.main import main
        data = ["records", "--data-dir", {str(tmp_path / "data")!r}]
        with no_network() as attempts:
            codes = [main([*data, "add", "--transcript", {str(tmp_path / "walk.json")!r},
                           "--supervisor", "Sgt Roe", "--advice", "Fine"]),
                     main([*data, "list"]), main([*data, "verify"]),
                     main([*data, "sync"]), main([*data, "status"])]
        loaded = [m for m in sys.modules if m.split(".")[0] in
                  ("psycopg", "psycopg_binary", "ssl", "_ssl")]
        print("RESULT", codes, attempts, loaded)
    """)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PURDAH_WIZARD_RECORDS_URL", "PURDAH_WIZARD_RECORDS_CA")
    }
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
    )
    result = [ln for ln in done.stdout.splitlines() if ln.startswith("RESULT")]
    assert result == ["RESULT [0, 0, 0, 2, 2] [] []"], done.stdout + done.stderr
    assert "No records server is configured" in done.stderr
