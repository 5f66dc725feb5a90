"""(b) Start-up to the first window shown, against a bare PySide6 window in the same run.
Budget (issue 16): at most 1.8 times the bare window, from source and frozen.

    Xvfb :96 & DISPLAY=:96 python bench/startup.py [--runs 10]   # a real (xcb) window
    python bench/startup.py --frozen                            # also both frozen (builds them)
    git archive main | tar -x -C out/before                     # an earlier copy of the program,
    python bench/startup.py --before out/before                 #   timed beside this one
    python bench/startup.py --instructions [--before DIR]       # counted under valgrind

Each run starts a fresh process and takes the time from just before it starts to the moment the
first window has been exposed and painted (bench/startup_probe.py reports it and quits the
program). The bare window and the program alternate run by run; one warm-up run of each is
dropped (it also writes the .pyc files a normal install has, even where PYTHONDONTWRITEBYTECODE
is set). Without DISPLAY it runs offscreen, which times Qt but not the X server. `--before DIR`
times the copy of the program in DIR in the same rounds (from source, and frozen with --frozen),
for a before/after comparison on the same machine at the same time.

`--instructions` runs each program once (a warm-up: .pyc files, the parsed-trees cache), then
once under valgrind (callgrind), and counts the instructions up to the first paint (the probe
ends the process there): the same on every run, so a small change shows where timings on a
shared machine cannot. Offscreen without DISPLAY, else on the X display (where the pointer may
rest on the window as it opens). It leaves out what the clock also sees (the X server, the
disk), so its ratio is not the target's.
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


Program = tuple[list[str], dict[str, str]]  # argv, and environment variables to add


def time_to_window(program: Program, env: dict[str, str]) -> float | None:
    """Milliseconds from starting `program` to its first window shown; None if none was shown."""
    argv, extra = program
    start = time.monotonic_ns()
    try:
        done = subprocess.run(
            argv, capture_output=True, text=True, timeout=TIMEOUT, env={**env, **extra}, cwd=ROOT
        )
    except subprocess.TimeoutExpired:
        return None
    shown = [line for line in done.stdout.splitlines() if line.startswith("SHOWN ")]
    return (int(shown[0].split()[1]) - start) / 1e6 if shown else None


def measure(programs: dict[str, Program], env: dict[str, str], runs: int) -> dict[str, list]:
    times: dict[str, list] = {name: [] for name in programs}
    for n in range(runs + 1):
        for name, program in programs.items():
            t = time_to_window(program, env)
            if n:  # the first round warms the disk cache
                times[name].append(t)
    return times


def freeze_program(source: Path, dist: Path, work: Path) -> Program:
    """The program in `source` frozen with the probe as a runtime hook."""
    subprocess.run(
        [python(), "-m", "wizard.cli.build", f"--work={work}", f"--dist={dist}"],
        check=True,
        cwd=source,
        env={**os.environ, "PYTHONPATH": str(source), "PURDAH_WIZARD_RUNTIME_HOOK": str(PROBE)},
    )
    return [str(dist / "purdah-wizard" / "purdah-wizard")], {}


def build_frozen(before: Path | None) -> dict[str, Program]:
    """The programs frozen with the probe as a runtime hook, under out/bench/startup."""
    base = OUT / "startup"
    subprocess.run(
        [
            python(),
            "-m",
            "PyInstaller",
            "--onedir",
            "--noconfirm",
            "--log-level=WARN",
            f"--workpath={base / 'work-bare'}",
            f"--distpath={base / 'dist'}",
            f"--specpath={base}",
            "--name=bare-window",
            f"--runtime-hook={PROBE}",
            str(ROOT / "bench" / "bare_window.py"),
        ],
        check=True,
        cwd=ROOT,
    )
    programs = {"bare window (frozen)": ([str(base / "dist" / "bare-window" / "bare-window")], {})}
    if before is not None:
        programs["before (frozen)"] = freeze_program(
            before, base / "dist-before", base / "work-before"
        )
    programs["Purdah Wizard (frozen)"] = freeze_program(ROOT, base / "dist", base / "work-app")
    return programs


def count_instructions(program: Program, env: dict[str, str]) -> int:
    """Instructions valgrind counts from the start of `program` to its first paint."""
    argv, extra = program
    log = OUT / "startup" / "callgrind.out"
    log.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={log}", *argv],
        check=True,
        capture_output=True,
        cwd=ROOT,
        env={
            **env,
            **extra,
            "PURDAH_WIZARD_STARTUP_PROBE_EXIT": "1",
        },
    )
    for line in log.read_text().splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise RuntimeError(f"no instruction total in {log}")


def report_instructions(programs: dict[str, Program], env: dict[str, str]) -> list[tuple]:
    for program in programs.values():  # a warm start: .pyc files and the parsed-trees cache
        time_to_window(program, env)
    counts = {name: count_instructions(program, env) for name, program in programs.items()}
    (_, bare), *_ = counts.items()
    return [(name, f"{n / 1e6:.0f} M", f"{n / bare:.2f}x") for name, n in counts.items()]


def report(times: dict[str, list], runs: int) -> list[tuple[str, ...]]:
    (bare_name, bare), *apps = times.items()
    bare_ms = statistics.median(t for t in bare if t is not None)
    rows = [(bare_name, f"{bare_ms:.0f} ms", "1.00x")]
    for app_name, app in apps:
        shown = [t for t in app if t is not None]
        if not shown:
            rows.append((app_name, "no window shown (is the window in this build?)", ""))
            continue
        app_ms = statistics.median(shown)
        rows.append((app_name, f"{app_ms:.0f} ms", f"{app_ms / bare_ms:.2f}x"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--frozen", action="store_true", help="also time both frozen")
    parser.add_argument(
        "--before",
        type=Path,
        metavar="DIR",
        help="also time the copy of the program in DIR (e.g. main, exported)",
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions to the first paint under valgrind instead",
    )
    args = parser.parse_args()
    before = args.before.resolve() if args.before else None
    platform = "xcb" if os.environ.get("DISPLAY") else "offscreen"
    env = {**os.environ, "QT_QPA_PLATFORM": platform, "PURDAH_WIZARD_STARTUP_PROBE": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled once (warm-up), then cached

    rows = [(f"first window shown, median of {args.runs} ({platform})", "time", "ratio")]
    source: dict[str, Program] = {
        "bare window (source)": ([python(), str(PROBE), "bench/bare_window.py"], {})
    }
    if before is not None:  # found first on the path, ahead of this checkout's package
        source["before (source)"] = (
            [python(), str(PROBE), "-m", "wizard"],
            {"PYTHONPATH": str(before)},
        )
    source["Purdah Wizard (source)"] = ([python(), str(PROBE), "-m", "wizard"], {})
    if args.instructions:
        rows = [
            (f"to the first paint (callgrind, {platform}, from source)", "instructions", "ratio"),
            *report_instructions(source, env),
        ]
        print(table(rows))
        return
    rows += report(measure(source, env, args.runs), args.runs)
    if args.frozen:
        rows += report(measure(build_frozen(before), env, args.runs), args.runs)
    print(table(rows))


if __name__ == "__main__":
    main()
