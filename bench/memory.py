"""(d) Peak memory of a whole walk with a PDF export, against a bare PySide6 window.

    python bench/memory.py [--runs 5]

Each measure is a fresh process; its peak resident set (ru_maxrss from wait4) is the figure.
- bare window: bench/bare_window.py --quit (opens, shows, quits)
- walk + PDF: `python -m wizard run TREE --answer ... --pdf FILE` along the longest path of the
  bundled trees; until the PDF export is in the build, the walk alone, and the table says so
- walk in the window + PDF: phase 2, once the window can be driven from a script (see WINDOW)
All run offscreen. Medians of --runs; POSIX only (wait4).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import OUT, ROOT, python, run_child, table

from wizard.core.paths import all_paths
from wizard.library.folder import load_folder
from wizard.library.locations import bundled_trees

ENV = {"QT_QPA_PLATFORM": "offscreen"}
# A script that opens the main window, walks the longest path by keyboard and saves a PDF, for
# phase 2; until it exists that row is left out.
WINDOW = ROOT / "bench" / "memory_window_walk.py"


def longest_walk() -> tuple[str, list[str]]:
    """The start tree and `--answer` pairs of the longest path in the bundled trees."""
    cat = load_folder(bundled_trees())
    paths = [(t.id, p) for t in cat.trees.values() for p in all_paths(cat, t.id)]
    tree_id, path = max(paths, key=lambda tp: len(tp[1].steps))
    return tree_id, [f"{s.tree_id}:{s.question.id}={s.answer.id}" for s in path.steps]


def peak_mib(argv: list[str], runs: int) -> tuple[float, int]:
    """Median peak RSS in MiB over `runs` fresh processes, and the last exit code."""
    peaks, code = [], 0
    for _ in range(runs):
        code, _, kib = run_child(argv, ENV)
        peaks.append(kib / 1024)
    return statistics.median(peaks), code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    bare, code = peak_mib([python(), "bench/bare_window.py", "--quit"], args.runs)
    assert code == 0, "the bare window did not run"
    rows = [
        (f"peak RSS, median of {args.runs} (offscreen)", "MiB", "ratio"),
        ("bare PySide6 window", f"{bare:.0f}", "1.00x"),
    ]

    tree_id, answers = longest_walk()
    walk = [python(), "-m", "wizard", "run", tree_id, *(a for x in answers for a in ("-a", x))]
    has_pdf = importlib.util.find_spec("wizard.export.pdf") is not None
    label = f"walk of {len(answers)} answers ({tree_id})"
    if has_pdf:
        walk += ["--pdf", str(OUT / "memory-walk.pdf")]
        label += " + PDF"
    else:
        label += " (PDF export not in this build)"
    peak, code = peak_mib(walk, args.runs)
    assert code == 0, f"the walk failed: {' '.join(walk)}"
    rows.append((label, f"{peak:.0f}", f"{peak / bare:.2f}x"))

    if WINDOW.exists():
        peak, code = peak_mib([python(), str(WINDOW)], args.runs)
        rows.append(
            (
                "walk in the window + PDF" + ("" if code == 0 else " (FAILED)"),
                f"{peak:.0f}",
                f"{peak / bare:.2f}x",
            )
        )
    print(table(rows))


if __name__ == "__main__":
    main()
