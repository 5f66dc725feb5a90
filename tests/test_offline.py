"""Offline, by proof: the program works with the network taken away, and never reaches for it.

- With every socket creation made to fail (tests/netguard.py), the trees load, every path walks,
  and the whole self-test passes (so the PDF and window checks join in once those land).
- No module in wizard/ imports a network module, read from the source (AST) and seen at run time.
- Under strace, a self-test run makes no socket system call at all, Qt's C++ included.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

try:  # tests/ may be a package (tests.netguard) or a plain folder on sys.path (netguard)
    from tests.netguard import no_network
except ImportError:
    from netguard import no_network

from wizard.cli.selftest import CHECKS, run_self_test
from wizard.library.folder import load_folder

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "wizard"

# Modules that talk to the network (or exist only to). urllib.parse and ipaddress only parse text.
NETWORK_MODULES = (
    "socket",
    "_socket",
    "ssl",
    "_ssl",
    "http",
    "urllib.request",
    "urllib.response",
    "urllib.robotparser",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "nntplib",
    "telnetlib",
    "xmlrpc",
    "socketserver",
    "asyncio",
    "webbrowser",
    "wsgiref",
    "mailbox",
    "requests",
    "urllib3",
    "httpx",
    "aiohttp",
    "websocket",
    "websockets",
    "PySide6.QtNetwork",
    "PySide6.QtNetworkAuth",
    "PySide6.QtWebSockets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebChannel",
    "PySide6.QtHttpServer",
    "PySide6.QtRemoteObjects",
)


def is_network(module: str) -> bool:
    return any(module == m or module.startswith(m + ".") for m in NETWORK_MODULES)


def network_imports(source: str, filename: str = "<source>") -> list[str]:
    """Every import of a network module in Python source, as 'file:line module'."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and _called(node) in ("__import__", "import_module")
        ):
            names = [node.args[0].value]
        found += [f"{filename}:{node.lineno} {n}" for n in names if is_network(n)]
    return found


def _called(call: ast.Call) -> str:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def wizard_modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


# -- the guard itself can fail
def test_the_guard_makes_every_way_to_a_socket_fail() -> None:
    import _socket
    import socket
    import urllib.request

    with no_network() as attempts:
        for attempt in (
            lambda: socket.socket(),
            lambda: _socket.socket(),
            lambda: socket.socketpair(),
            lambda: socket.create_connection(("192.0.2.1", 80), timeout=1),
            lambda: urllib.request.urlopen("http://192.0.2.1/", timeout=1),
        ):
            with pytest.raises(OSError):
                attempt()
    assert len(attempts) == 5, attempts
    with socket.socket() as s:  # and everything is back afterwards
        assert s.fileno() >= 0


# -- the program works offline
def trees_to_walk(example_trees: Path) -> list[Path]:
    shipped = ROOT / "trees"
    return [example_trees, *([shipped] if list(shipped.glob("*.yaml")) else [])]


def test_trees_load_and_every_path_walks_with_the_network_gone(example_trees: Path) -> None:
    from wizard.core.paths import all_paths
    from wizard.core.transcript import Transcript
    from wizard.core.walk import Walk

    with no_network() as attempts:
        walked = 0
        for folder in trees_to_walk(example_trees):
            cat = load_folder(folder)
            assert cat.trees and not [p for p in cat.problems if p.blocking]
            for tree in cat.trees.values():
                for path in all_paths(cat, tree.id):
                    walk = Walk(cat, tree.id)
                    for step in path.steps:
                        walk.answer(step.answer.id)
                    assert walk.outcome is not None
                    Transcript.from_json(walk.transcript().to_json())
                    walked += 1
    assert attempts == []
    assert walked >= 12


@pytest.mark.gui
def test_the_whole_self_test_passes_with_the_network_gone(
    qapp, example_trees: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As the GUI walk, the PDF and the records land, their self-test checks run here too; add
    # any further offline steps (a keyboard walk in the window, a record saved) to this block.
    with no_network() as attempts:
        code = run_self_test(argparse.Namespace(trees=None), bundled=example_trees)
    out = capsys.readouterr().out
    assert attempts == [], attempts
    assert code == 0, out
    assert out.count("PASS") >= 5


# -- nothing reaches for the network
def test_the_import_scan_finds_network_imports() -> None:
    source = textwrap.dedent("""
        import os, socket
        from urllib.request import urlopen
        from urllib.parse import quote
        from PySide6 import QtNetwork, QtWidgets
        import importlib
        importlib.import_module("http.client")
    """)
    assert network_imports(source) == [
        "<source>:2 socket",
        "<source>:3 urllib.request",
        "<source>:3 urllib.request.urlopen",
        "<source>:5 PySide6.QtNetwork",
        "<source>:7 http.client",
    ]


def test_no_module_of_the_program_imports_a_network_module() -> None:
    modules = wizard_modules()
    assert len(modules) > 10
    found = [
        hit
        for path in modules
        for hit in network_imports(path.read_text(encoding="utf-8"), str(path))
    ]
    assert found == []


def test_importing_every_module_loads_no_network_module() -> None:
    # A fresh interpreter: what Python (and site) preloads is the baseline, the rest is ours.
    script = textwrap.dedent("""
        import importlib, pkgutil, sys
        before = set(sys.modules)
        import wizard
        for m in pkgutil.walk_packages(wizard.__path__, "wizard."):
            importlib.import_module(m.name)
        import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
        print("\\n".join(sorted(set(sys.modules) - before)))
    """)
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    loaded = done.stdout.split()
    assert "wizard.cli.selftest" in loaded and "wizard.core.walk" in loaded
    assert [m for m in loaded if is_network(m)] == []


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_a_self_test_run_makes_no_socket_system_call(tmp_path: Path, example_trees: Path) -> None:
    log = tmp_path / "strace.log"
    done = subprocess.run(
        [
            "strace",
            "-f",
            "-qq",
            "-e",
            "trace=%network",
            "-o",
            str(log),
            sys.executable,
            "-m",
            "wizard",
            "--trees",
            str(example_trees),
            "--self-test",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert "PASS  every path" in done.stdout and "PASS  qt and font" in done.stdout, done.stdout
    calls = [line for line in log.read_text().splitlines() if line.strip()]
    assert calls == [], calls[:10]
    assert len(CHECKS) + 1 == len(done.stdout.splitlines())
