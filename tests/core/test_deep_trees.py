"""A tree far deeper than any written by hand still loads, validates and lists its paths.

The checks walk the tree; done by recursion, a chain of a few thousand questions overflowed
Python's stack and the validator crashed instead of answering.
"""

from __future__ import annotations

from tests.core.helpers import catalog
from wizard.core.paths import all_paths
from wizard.core.walk import Walk

DEPTH = 3000  # three times Python's default recursion limit


def chain_tree(depth: int, loop: bool = False) -> str:
    """Question i: 'yes' leads to question i+1 (the last one, back to the first if `loop`),
    'no' to an outcome."""
    lines = [
        "id: deep",
        "title: Deep",
        "summary: A very deep tree.",
        'version: "1"',
        "effective: 2026-01-01",
        "source: src",
        "questions:",
    ]
    for i in range(depth):
        nxt = f"q{i + 1}" if i + 1 < depth else ("q0" if loop else "end")
        lines += [
            f"  - id: q{i}",
            f"    text: Question {i}?",
            "    answers:",
            f"      - {{id: 'yes', label: 'Yes', next: {nxt}}}",
            "      - {id: 'no', label: 'No', next: stop}",
        ]
    lines += [
        "outcomes:",
        "  - {id: stop, verdict: do_not, title: Stop, advice: Stop., cite: [c1]}",
        "  - {id: end, verdict: acceptable, title: End, advice: Go on., cite: [c2]}",
    ]
    return "\n".join(lines) + "\n"


def test_a_very_deep_tree_validates_and_every_path_is_listed():
    cat = catalog(chain_tree(DEPTH))
    assert cat.problems == [] and "deep" in cat.trees
    paths = all_paths(cat, "deep")
    assert len(paths) == DEPTH + 1
    assert [s.answer.id for s in paths[0].steps] == ["yes"] * DEPTH
    assert paths[0].outcome.id == "end"
    assert [len(p.steps) for p in paths[1:4]] == [DEPTH, DEPTH - 1, DEPTH - 2]


def test_a_loop_at_the_bottom_of_a_very_deep_tree_is_found():
    cat = catalog(chain_tree(DEPTH, loop=True))
    assert "deep" not in cat.trees
    loops = [p for p in cat.problems if "makes a loop" in p.message]
    assert len(loops) == 1 and f"answer 'yes' of 'q{DEPTH - 1}'" in loops[0].message


def test_a_very_deep_walk_reaches_its_outcome():
    cat = catalog(chain_tree(DEPTH))
    walk = Walk(cat, "deep")
    for _ in range(DEPTH):
        walk.answer("yes")
    assert walk.outcome is not None and walk.outcome.id == "end"
    assert len(walk.transcript().steps) == DEPTH
