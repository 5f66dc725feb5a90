"""Adding a verdict is a row in core/verdicts.py and a row in the authors' table in
trees/README.md (issue 16, item 2): the table must list exactly the verdicts the program knows,
with the words officers see, or authors would write a verdict the validator refuses."""

from __future__ import annotations

import re
from pathlib import Path

from wizard.core.verdicts import VERDICTS

TREES_README = Path(__file__).resolve().parents[2] / "trees" / "README.md"


def test_the_authors_verdict_table_lists_every_verdict_as_shown():
    text = TREES_README.read_text(encoding="utf-8")
    section = text.split("### Verdicts", 1)[1]
    table = section.split("| --- | --- |", 1)[1].split("\n\n", 1)[0]
    rows = dict(re.findall(r"^\| `([a-z_]+)` \| (.+?) \|$", table, flags=re.MULTILINE))
    assert rows == {v.id: v.label for v in VERDICTS.values()}
