"""An outcome's texts are declared once (`OUTCOME_TEXTS` in core/transcript.py) and read from
there by the walk, the replay check, the transcript check and the tree diff (issue 16, item 2):
a text the tree's outcome and the record both have, but the declaration misses, would be lost
from records or never compared."""

from __future__ import annotations

import dataclasses
import typing

from wizard.core.model import Outcome
from wizard.core.replay import replay
from wizard.core.transcript import OUTCOME_QUOTES, OUTCOME_TEXTS, OutcomeRecord


def test_every_text_shared_by_a_tree_outcome_and_its_record_is_declared():
    record = {f.name: f.type for f in dataclasses.fields(OutcomeRecord)}
    shared = {
        name
        for name, kind in typing.get_type_hints(Outcome).items()
        if name in record and kind is str and record[name] == "str"
    } - {"id", "verdict"}
    assert shared == set(OUTCOME_TEXTS)
    assert set(OUTCOME_QUOTES) <= {f.name for f in dataclasses.fields(Outcome)}
    assert set(OUTCOME_QUOTES.values()) <= set(record)


def test_a_walks_record_carries_each_outcome_text_word_for_word(example_catalog):
    walk = replay(
        example_catalog, "start", {"about": "photo", "candidate_present": "yes", "staged": "yes"}
    ).walk
    assert walk.outcome is not None
    record = walk.transcript().outcome
    assert record is not None
    for name in OUTCOME_TEXTS:
        assert getattr(record, name) == getattr(walk.outcome, name), name
