"""Replay a walk from answers given by question id, as the command line and scripts do."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wizard.core.catalog import Catalog
from wizard.core.model import Question
from wizard.core.problems import TreeError
from wizard.core.walk import Clock, Walk, utc_now


class UnknownAnswer(TreeError):
    """An answer names a question or answer id that does not exist."""


@dataclass
class Replay:
    walk: Walk
    pending: Question | None
    unused: list[str] = field(default_factory=list)

    def pending_dict(self) -> dict[str, Any]:
        q = self.pending
        assert q is not None
        return {
            "tree_id": self.walk.position[0],
            "question_id": q.id,
            "text": q.text,
            "help": q.help,
            "answers": [{"id": a.id, "label": a.label} for a in q.answers],
        }


def replay(
    catalog: Catalog, tree_id: str, answers: dict[str, str], clock: Clock = utc_now
) -> Replay:
    """Answer each question from `answers` (keyed by `question` or `tree:question`) until an
    outcome, or until a question has no answer given (then it is pending)."""
    walk = Walk(catalog, tree_id, clock)
    _check_known(catalog, answers)
    used: set[str] = set()
    while (q := walk.question) is not None:
        tree_id_now = walk.position[0]
        key = next((k for k in (f"{tree_id_now}:{q.id}", q.id) if k in answers), None)
        if key is None:
            return Replay(walk, q, [k for k in answers if k not in used])
        if q.answer(answers[key]) is None:
            ids = ", ".join(a.id for a in q.answers)
            raise UnknownAnswer(
                f"question '{q.id}' has no answer '{answers[key]}' (answers: {ids})"
            )
        used.add(key)
        walk.answer(answers[key])
    return Replay(walk, None, [k for k in answers if k not in used])


def _check_known(catalog: Catalog, answers: dict[str, str]) -> None:
    known = {q for t in catalog.trees.values() for q in t.questions}
    known |= {f"{t.id}:{q}" for t in catalog.trees.values() for q in t.questions}
    for key in answers:
        if key not in known:
            raise UnknownAnswer(
                f"no tree has a question '{key}'; "
                "`python -m wizard paths TREE_ID` lists the question ids"
            )
