"""Rewrite the path snapshots of the shipped trees after a deliberate change to a tree.

    .venv/bin/python tests/trees/regen_snapshots.py

Each snapshot, tests/snapshots/paths/TREE_ID.txt, is exactly what `python -m wizard paths TREE_ID`
prints. Read `git diff tests/snapshots` before committing: it is the change in policy.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wizard.core.paths import format_paths
from wizard.library.folder import load_folder

ROOT = Path(__file__).resolve().parents[2]
TREES = ROOT / "trees"
SNAPSHOTS = ROOT / "tests" / "snapshots" / "paths"


def main() -> int:
    """Write one snapshot per loaded tree and remove those of trees that no longer exist."""
    catalog = load_folder(TREES)
    if catalog.problems:
        for p in catalog.problems:
            print(p, file=sys.stderr)
        print(
            "the trees have problems: fix them (python -m wizard validate) before regenerating",
            file=sys.stderr,
        )
        return 1
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    for tree_id in sorted(catalog.trees):
        path = SNAPSHOTS / f"{tree_id}.txt"
        text = format_paths(catalog, tree_id)
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            path.write_text(text, encoding="utf-8")
        print(f"{'unchanged' if old == text else 'new' if old is None else 'updated'}: {path.name}")
    for path in sorted(SNAPSHOTS.glob("*.txt")):
        if path.stem not in catalog.trees:
            path.unlink()
            print(f"removed: {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
