"""(a) Load and validate a generated 10,000-node tree, against a plain CSafeLoader parse of it.

    python bench/tree_load.py [--nodes 10000] [--runs 7] [--shape binary|chain]
    python bench/tree_load.py --instructions [--nodes 2000]   # under valgrind: machine-independent

Both sides read the same file from disk: the baseline is `yaml.load(bytes, Loader=CSafeLoader)`,
the program is `load_folder()` (read, parse with positions, check every field, link, loop,
reachability and citation). Target: at most 2x the baseline. Wall time (perf_counter) and CPU
time (process_time) are both printed; the two sides alternate run by run and the ratio is the
median of the per-run ratios, which is steadier on a shared machine than a ratio of medians.
`--instructions` counts instructions under valgrind (callgrind) instead, once per side, less a run
that only starts Python and imports: the same numbers on any run, however busy the machine.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import ROOT, table
from gentree import count_nodes, source_yaml, tree_yaml

from wizard.library.folder import load_folder


def timed(func, clock) -> float:
    gc.collect()
    start = clock()
    func()
    return clock() - start


def count_instructions(folder: Path, mode: str) -> int:
    """Instructions valgrind counts for a child that imports, reads, then does `mode`."""
    script = (
        f"import sys, yaml; sys.path.insert(0, {str(ROOT)!r})\n"
        "from pathlib import Path\nfrom wizard.library.folder import load_folder\n"
        f"folder = Path({str(folder)!r}); data = (folder / 'bench.yaml').read_bytes()\n"
        + {
            "none": "",
            "base": "yaml.load(data, Loader=yaml.CSafeLoader)\n",
            "ours": "load_folder(folder)\n",
        }[mode]
    )
    log = folder / f"callgrind.{mode}"
    subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={log}",
            sys.executable,
            "-c",
            script,
        ],
        check=True,
        capture_output=True,
    )
    for line in log.read_text().splitlines():
        if line.startswith("summary:") or line.startswith("totals:"):
            return int(line.split()[1])
    raise RuntimeError(f"no instruction total in {log}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--shape", choices=("binary", "chain"), default="binary")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions under valgrind instead of timing",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        text = tree_yaml(args.nodes, args.shape)
        (folder / "bench.yaml").write_text(text, encoding="utf-8")
        (folder / "sources").mkdir()
        (folder / "sources" / "bench.yaml").write_text(source_yaml(), encoding="utf-8")
        tree_file = folder / "bench.yaml"

        cat = load_folder(folder)
        assert cat.problems == [] and len(cat.trees) == 1, cat.problems[:3]
        if args.instructions:
            counts = {mode: count_instructions(folder, mode) for mode in ("none", "base", "ours")}
            base, ours = counts["base"] - counts["none"], counts["ours"] - counts["none"]
            rows = [
                (
                    "instructions (callgrind), less start-up",
                    "CSafeLoader parse",
                    "load + validate",
                    "ratio",
                ),
                ("", f"{base:,}", f"{ours:,}", f"{ours / base:.2f}x"),
            ]
            print(f"{count_nodes(text):,} nodes ({args.shape})")
            print(table(rows))
            return

        def baseline() -> None:
            yaml.load(tree_file.read_bytes(), Loader=yaml.CSafeLoader)

        def program() -> None:
            load_folder(folder)

        rows = [
            (
                f"clock, median of {args.runs} interleaved runs",
                "CSafeLoader parse",
                "load + validate",
                "ratio (median of per-run ratios)",
            )
        ]
        for label, clock in (
            ("wall (perf_counter)", time.perf_counter),
            ("CPU (process_time)", time.process_time),
        ):
            # baseline and program alternate, so that a load on the machine hits both alike
            pairs = [(timed(baseline, clock), timed(program, clock)) for _ in range(args.runs)]
            base = statistics.median(b for b, _ in pairs)
            ours = statistics.median(p for _, p in pairs)
            ratio = statistics.median(p / b for b, p in pairs)
            rows.append((label, f"{base:.3f} s", f"{ours:.3f} s", f"{ratio:.2f}x"))
    print(
        f"{count_nodes(text):,} nodes ({args.shape}), {len(text.encode()) / 1e6:.1f} MB of YAML,"
        f" Python {sys.version.split()[0]}, PyYAML {yaml.__version__} (libyaml "
        f"{yaml.__with_libyaml__})"
    )
    print(table(rows))


if __name__ == "__main__":
    main()
