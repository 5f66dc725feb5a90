"""Check a record's walk against its tree as it is saved, and mark the record with the result.

The mark is part of the record's content, so the chain's hash covers it; it is always worked out
again here, never taken from the caller (a kept file could claim anything).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from wizard.core.catalog import Catalog
from wizard.core.transcript import Transcript
from wizard.core.walkcheck import WalkCheck, check_walk
from wizard.records.errors import RecordRefused
from wizard.records.model import WALK_CHECKED, WALK_NOT_CHECKED, Record

NO_TREES = "no trees were at hand to check it against"

# The trees a walk was made on, as they were published (wizard/library/history.py), or None.
Published = Callable[[Transcript], Catalog | None]


def marked(record: Record, trees: Catalog | None, published: Published | None = None) -> Record:
    """`record` marked checked or not checked against `trees`, else against the published
    version of its trees; RecordRefused naming what differs when its walk contradicts its own
    tree (a forged or edited transcript)."""
    if record.kind == "purge" or record.transcript is None:
        return replace(record, walk_check="", walk_check_note="")
    result = _check(record.transcript, trees, published)
    if result is None:
        return replace(record, walk_check=WALK_NOT_CHECKED, walk_check_note=NO_TREES)
    if result.differences:
        raise RecordRefused(
            f"Cannot save the record: its walk does not match its own tree, "
            f"so it is not what the program showed: {result.describe()}."
        )
    return replace(
        record,
        walk_check=WALK_CHECKED if result.checked else WALK_NOT_CHECKED,
        walk_check_note=result.note,
    )


def _check(t: Transcript, trees: Catalog | None, published: Published | None) -> WalkCheck | None:
    """Check against the trees in use; when they hold another version, against the version the
    walk was made on, if it was published. None when no trees at all were at hand."""
    result = check_walk(trees, t) if trees is not None else None
    if (result is None or not result.checked) and published is not None:
        past = published(t)
        if past is not None:
            return check_walk(past, t)
    return result
