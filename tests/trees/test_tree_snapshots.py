"""Every path through every shipped tree is committed as a snapshot a reviewer reads as policy.

A change to a tree fails here until the snapshot is regenerated on purpose:
    .venv/bin/python tests/trees/regen_snapshots.py
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from wizard.core.paths import format_paths

SNAPSHOTS = Path(__file__).resolve().parents[1] / "snapshots" / "paths"
REGEN = ".venv/bin/python tests/trees/regen_snapshots.py"
TREE_IDS = sorted(p.stem for p in SNAPSHOTS.glob("*.txt"))


def test_there_is_one_snapshot_per_shipped_tree(shipped) -> None:
    assert sorted(shipped.trees) == TREE_IDS, (
        f"snapshots and trees differ: run `{REGEN}` and review `git diff tests/snapshots`"
    )


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_paths_match_the_committed_snapshot(shipped, tree_id: str) -> None:
    expected = (SNAPSHOTS / f"{tree_id}.txt").read_text(encoding="utf-8")
    actual = format_paths(shipped, tree_id)
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"tests/snapshots/paths/{tree_id}.txt (committed)",
                tofile=f"python -m wizard paths {tree_id} (now)",
            )
        )
        pytest.fail(
            f"the paths of '{tree_id}' changed:\n{diff}\n"
            f"If the change is deliberate, run `{REGEN}` and commit the new snapshot.",
            pytrace=False,
        )


def test_snapshot_is_what_the_paths_command_prints(shipped, capsys) -> None:
    """The snapshot is the CLI's output byte for byte, so a reviewer can reproduce it."""
    from wizard.cli.main import main

    assert (
        main(["--trees", str(Path(__file__).resolve().parents[2] / "trees"), "paths", "photos"])
        == 0
    )
    assert capsys.readouterr().out == (SNAPSHOTS / "photos.txt").read_text(encoding="utf-8")
