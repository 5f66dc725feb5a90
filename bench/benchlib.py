"""Small helpers the benchmark scripts share: medians, child processes, sizes, a table."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "bench"


def median_of(runs: int, measure: Callable[[], float]) -> tuple[float, list[float]]:
    """Run `measure` `runs` times; its median and every value."""
    values = [measure() for _ in range(runs)]
    return statistics.median(values), values


def run_child(
    argv: list[str], env: dict[str, str] | None = None, timeout: float = 120
) -> tuple[int, str, int]:
    """Run a process to its end: (exit code, stdout, its own peak RSS in KiB). POSIX only."""
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(
            argv,
            stdout=out,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, **(env or {})},
            cwd=ROOT,
        )
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        return proc.returncode, out.read(), usage.ru_maxrss


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def python() -> str:
    return sys.executable


def table(rows: list[tuple[str, ...]]) -> str:
    """A Markdown table; the first row is the header."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows
    ]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)
