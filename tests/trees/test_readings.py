"""The readings the trees chose (trees/READINGS.md) and the outcomes that show them hold together:
an officer must never meet a contested reading as plain fact, nor a reading the table omits."""

from __future__ import annotations

import re
from pathlib import Path

from tests.trees.conftest import SHIPPED_TREES
from wizard.core.catalog import Catalog

READINGS = SHIPPED_TREES / "READINGS.md"
REF = re.compile(r"`([a-z0-9-]+):([a-z0-9_]+)`")


def table_refs(path: Path = READINGS) -> dict[tuple[str, str], list[str]]:
    """Each outcome named in the last column of the table, with the readings (rows) naming it."""
    out: dict[tuple[str, str], list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| ") or line.startswith("| ---") or line.startswith("| question"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        for tree_id, outcome_id in REF.findall(cells[-1]):
            out.setdefault((tree_id, outcome_id), []).append(cells[0])
    return out


def test_every_outcome_named_in_the_table_shows_a_reading(shipped: Catalog) -> None:
    cat = shipped
    refs = table_refs()
    assert refs, "READINGS.md names no outcome"
    for tree_id, outcome_id in refs:
        outcome = cat.trees[tree_id].outcomes.get(outcome_id)
        assert outcome is not None, f"READINGS.md names {tree_id}:{outcome_id}, no such outcome"
        assert outcome.reading, f"{tree_id}:{outcome_id} is governed by a reading but shows none"


def test_every_reading_shown_is_in_the_table(shipped: Catalog) -> None:
    refs = table_refs()
    shown = {(t.id, o.id) for t in shipped.trees.values() for o in t.outcomes.values() if o.reading}
    assert shown - set(refs) == set(), "outcomes show a reading READINGS.md does not list"
