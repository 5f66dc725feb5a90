"""(b) Start-up to the first window shown, against a bare PySide6 window in the same run.
Target: at most 1.5 times the bare window, from source and frozen.

    Xvfb :96 & DISPLAY=:96 python bench/startup.py [--runs 10]   # a real (xcb) window
    python bench/startup.py --frozen                            # also both frozen (builds them)

Each run starts a fresh process and takes the time from just before it starts to the moment the
first window has been exposed and painted (bench/startup_probe.py reports it and quits the
program). The bare window and the program alternate run by run; one warm-up run of each is
dropped (it also writes the .pyc files a normal install has, even where PYTHONDONTWRITEBYTECODE
is set). Without DISPLAY it runs offscreen, which times Qt but not the X server.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import OUT, ROOT, python, table

PROBE = ROOT / "bench" / "startup_probe.py"
TIMEOUT = 30


def time_to_window(argv: list[str], env: dict[str, str]) -> float | None:
    """Milliseconds from starting `argv` to its first window shown; None if none was shown."""
    start = time.monotonic_ns()
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT, env=env,
                              cwd=ROOT)
    except subprocess.TimeoutExpired:
        return None
    shown = [line for line in done.stdout.splitlines() if line.startswith("SHOWN ")]
    return (int(shown[0].split()[1]) - start) / 1e6 if shown else None


def measure(programs: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, list]:
    times: dict[str, list] = {name: [] for name in programs}
    for n in range(runs + 1):
        for name, argv in programs.items():
            t = time_to_window(argv, env)
            if n:  # the first round warms the disk cache
                times[name].append(t)
    return times


def build_frozen() -> dict[str, list[str]]:
    """Both programs frozen with the probe as a runtime hook, under out/bench/startup."""
    base = OUT / "startup"
    subprocess.run([python(), "-m", "PyInstaller", "--onedir", "--noconfirm", "--log-level=WARN",
                    f"--workpath={base / 'work-bare'}", f"--distpath={base / 'dist'}",
                    f"--specpath={base}", "--name=bare-window", f"--runtime-hook={PROBE}",
                    str(ROOT / "bench" / "bare_window.py")], check=True, cwd=ROOT)
    subprocess.run([python(), "-m", "wizard.build", f"--work={base / 'work-app'}",
                    f"--dist={base / 'dist'}"], check=True, cwd=ROOT,
                   env={**os.environ, "PURDAH_WIZARD_RUNTIME_HOOK": str(PROBE)})
    return {"bare window (frozen)": [str(base / "dist" / "bare-window" / "bare-window")],
            "Purdah Wizard (frozen)": [str(base / "dist" / "purdah-wizard" / "purdah-wizard")]}


def report(times: dict[str, list], runs: int) -> list[tuple[str, ...]]:
    (bare_name, bare), (app_name, app) = times.items()
    bare_ms = statistics.median(t for t in bare if t is not None)
    shown = [t for t in app if t is not None]
    if not shown:
        return [(bare_name, f"{bare_ms:.0f} ms", ""),
                (app_name, "no window shown (is the window in this build?)", "")]
    app_ms = statistics.median(shown)
    return [(bare_name, f"{bare_ms:.0f} ms", "1.00x"),
            (app_name, f"{app_ms:.0f} ms", f"{app_ms / bare_ms:.2f}x")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--frozen", action="store_true", help="also time both frozen")
    args = parser.parse_args()
    platform = "xcb" if os.environ.get("DISPLAY") else "offscreen"
    env = {**os.environ, "QT_QPA_PLATFORM": platform, "PURDAH_WIZARD_STARTUP_PROBE": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled once (warm-up), then cached

    rows = [(f"first window shown, median of {args.runs} ({platform})", "time", "ratio")]
    source = {"bare window (source)": [python(), str(PROBE), "bench/bare_window.py"],
              "Purdah Wizard (source)": [python(), str(PROBE), "-m", "wizard"]}
    rows += report(measure(source, env, args.runs), args.runs)
    if args.frozen:
        rows += report(measure(build_frozen(), env, args.runs), args.runs)
    print(table(rows))


if __name__ == "__main__":
    main()
