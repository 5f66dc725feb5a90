"""Time the map layout and SVG export on generated trees of growing size (run by hand).

    .venv/bin/python bench/map_layout.py

Prints the median of several runs per size and the ratio to the smallest, so that a change that
makes the layout grow worse than it should shows up.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.core.treegen import big_tree_yaml
from wizard.core.catalog import load_catalog
from wizard.core.layout import layout_tree
from wizard.export.mapsvg import map_svg

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "trees"


def catalog_with(questions: int, outcomes: int):
    sources = [(p.name, p.read_bytes()) for p in (FIXTURES / "sources").glob("*.yaml")]
    trees = [(p.name, p.read_bytes()) for p in FIXTURES.glob("*.yaml")]
    tree = big_tree_yaml(questions, outcomes).encode()
    return load_catalog([*trees, ("big.yaml", tree)], sources)


def median_seconds(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    base = None
    print(f"{'nodes':>6} {'layout s':>9} {'svg s':>7} {'ratio':>6}")
    for q, o in ((12, 18), (24, 36), (48, 72)):
        cat = catalog_with(q, o)
        layout_s = median_seconds(lambda cat=cat: layout_tree(cat, "big"))
        layout = layout_tree(cat, "big")
        svg_s = median_seconds(lambda layout=layout: map_svg(layout))
        base = base or layout_s
        print(f"{q + o:>6} {layout_s:>9.3f} {svg_s:>7.3f} {layout_s / base:>6.1f}")


if __name__ == "__main__":
    main()
