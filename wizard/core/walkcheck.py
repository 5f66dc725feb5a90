"""Does a transcript tell the walk its own tree gives? Replay its answers and compare.

A transcript is only text: anyone can edit the quoted guidance, a question or the verdict. When
every tree the walk passed through is at hand in the same version (id, version and SHA-256), and
its sources too, the answers are replayed on those trees and the transcript must say what the
replay says: the same questions, answers, outcome, verdict and quoted text. When one is not at
hand (an older version), the walk cannot be checked; the caller keeps it marked as unchecked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from wizard.core.catalog import Catalog
from wizard.core.problems import TreeError
from wizard.core.transcript import OUTCOME_QUOTES, OUTCOME_TEXTS, Transcript
from wizard.core.walk import Walk

STEP_TEXT = ("question", "help", "answer", "explain", "shared")  # replay matched the ids
OUTCOME_FIELDS = ("tree_id", "id", "verdict", "verdict_label", *OUTCOME_TEXTS)
MOST = 3  # differences named in one message


@dataclass(frozen=True)
class WalkCheck:
    """What a check found: `checked` if the trees were at hand; then `differences` (empty when
    the walk matches); `note` says what it was checked against, or why it could not be."""

    checked: bool
    differences: tuple[str, ...]
    note: str

    @property
    def matches(self) -> bool:
        return self.checked and not self.differences

    def describe(self) -> str:
        """The differences in one line."""
        more = len(self.differences) - MOST
        return "; ".join(self.differences[:MOST]) + (f"; and {more} more" if more > 0 else "")


def check_walk(catalog: Catalog, t: Transcript) -> WalkCheck:
    """Replay `t` on the trees in `catalog`, if its trees and sources are there as they were."""
    missing = _not_at_hand(catalog, t)
    if missing:
        return WalkCheck(False, (), missing)
    replayed, differences = _replay(catalog, t)
    if replayed is not None:
        differences = _compare(t, replayed)
        reworded = _reworded_shared(t, replayed, differences)
        if reworded:
            return WalkCheck(False, (), reworded)
    return WalkCheck(True, tuple(differences), f"replayed on {_trees_named(t)}")


def _trees_named(t: Transcript) -> str:
    return ", ".join(f"{r.id} version {r.version} (SHA-256 {r.sha256[:16]}…)" for r in t.trees)


def _not_at_hand(catalog: Catalog, t: Transcript) -> str:
    """Why the trees or sources the walk used are not at hand as they were, or ''."""
    for ref in t.trees:
        tree = catalog.trees.get(ref.id)
        if tree is None:
            return f"tree {ref.id} is not among the trees loaded here"
        if tree.version != ref.version:
            return (
                f"tree {ref.id} is version {ref.version} in the walk, version {tree.version} here"
            )
        if tree.sha256 != ref.sha256:
            return (
                f"tree {ref.id} version {ref.version} has SHA-256 {ref.sha256[:16]}… in the "
                f"walk, {tree.sha256[:16]}… here"
            )
    for src in t.sources:
        here = catalog.sources.get(src.id)
        if here is None:
            return f"source {src.id} is not among the sources loaded here"
        mine = (here.title, here.reference, here.publisher, here.date, here.kind)
        if mine != (src.title, src.reference, src.publisher, src.date, src.kind):
            return (
                f"source {src.id} is {src.reference} of {src.date} in the walk, "
                f"{here.reference} of {here.date} here"
            )
    return ""


def _replay(catalog: Catalog, t: Transcript) -> tuple[Transcript | None, list[str]]:
    """The transcript the trees give for `t`'s answers, or None and where the answers part
    from the trees."""
    try:
        walk = Walk(catalog, t.tree.id, clock=lambda: dt.datetime.now(dt.UTC))
    except TreeError as exc:
        return None, [f"tree: {exc}"]
    for i, step in enumerate(t.steps):
        where = f"steps[{i}]"
        q = walk.question
        if q is None:
            return None, [f"{where}: the tree has already reached outcome {walk.position[1]!r}"]
        if walk.position != (step.tree_id, step.question_id):
            return None, [
                f"{where}: the record asks {step.tree_id}:{step.question_id}, the "
                f"tree asks {walk.position[0]}:{walk.position[1]} here"
            ]
        try:
            walk.answer(step.answer_id)
        except TreeError as exc:
            return None, [f"{where}.answer_id: {exc}"]
    if walk.outcome is None:
        return None, [
            f"outcome: the record says {_outcome_id(t)}, but the tree asks "
            f"{walk.position[0]}:{walk.position[1]} next"
        ]
    return walk.transcript(), []


def _outcome_id(t: Transcript) -> str:
    o = t.outcome
    return "no outcome" if o is None else f"outcome {o.tree_id}:{o.id}"


def _compare(t: Transcript, replayed: Transcript) -> list[str]:
    """Where `t` says other than the replay, field by field (times and version aside)."""
    out: list[str] = []
    if (t.tree, t.trees) != (replayed.tree, replayed.trees):
        out += _differ("trees", t.trees, replayed.trees)
    for i, (mine, theirs) in enumerate(zip(t.steps, replayed.steps, strict=True)):
        for name in STEP_TEXT:
            out += _differ(f"steps[{i}].{name}", getattr(mine, name), getattr(theirs, name))
    o, r = t.outcome, replayed.outcome
    if o is None or r is None:
        return [
            *out,
            f"outcome: the record says {_outcome_id(t)}, the tree {_outcome_id(replayed)}",
        ]
    for name in OUTCOME_FIELDS:
        out += _differ(f"outcome.{name}", getattr(o, name), getattr(r, name))
    for name in OUTCOME_QUOTES.values():
        out += _clauses(f"outcome.{name}", getattr(o, name), getattr(r, name))
    return out


def _clauses(field: str, mine: tuple[Any, ...], theirs: tuple[Any, ...]) -> list[str]:
    if len(mine) != len(theirs):
        return [f"{field}: the record quotes {len(mine)} clause(s), the tree {len(theirs)}"]
    out: list[str] = []
    for i, (a, b) in enumerate(zip(mine, theirs, strict=True)):
        for f in fields(a):
            out += _differ(f"{field}[{i}].{f.name}", getattr(a, f.name), getattr(b, f.name))
    return out


def _differ(field: str, mine: Any, theirs: Any) -> list[str]:
    """[] if equal, else one line showing both, around where they part for long text."""
    if mine == theirs:
        return []
    if isinstance(mine, str) and isinstance(theirs, str):
        mine, theirs = _around(mine, theirs)
    else:
        mine, theirs = repr(mine)[:60], repr(theirs)[:60]
    return [f"{field} is {mine} in the record, {theirs} in the tree"]


def _around(a: str, b: str, before: int = 20, after: int = 30) -> tuple[str, str]:
    """Both texts quoted from a little before where they first differ (whole if short)."""
    start = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    start = max(start - before, 0)

    def cut(s: str) -> str:
        end = start + before + after
        piece = s[start:end]
        return repr(("…" if start else "") + piece + ("…" if end < len(s) else ""))

    return cut(a), cut(b)


def _reworded_shared(t: Transcript, replayed: Transcript, differences: list[str]) -> str:
    """Why the check cannot decide, when only the words of shared questions differ: a shared
    question (trees/questions/) may be reworded without its trees' SHA-256 changing."""
    if not differences:
        return ""
    shared = {f"steps[{i}]." for i, s in enumerate(t.steps) if s.shared}
    if not all(any(d.startswith(p) for p in shared) for d in differences):
        return ""
    first = next(
        s
        for s, r in zip(t.steps, replayed.steps, strict=True)
        if any(getattr(s, n) != getattr(r, n) for n in STEP_TEXT)
    )
    return (
        f"the shared question {first.shared} reads differently here (it may have been "
        "reworded since the walk)"
    )
