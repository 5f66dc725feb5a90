"""Why this outcome: for each answer on a path, where a different answer would have led."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.core.catalog import Catalog, NodeRef
from wizard.core.model import Answer, Outcome, Question
from wizard.core.problems import TreeError
from wizard.core.walk import Step


@dataclass(frozen=True)
class Alternative:
    step_index: int
    question: Question
    answer: Answer
    outcome: Outcome | None  # where it ends if the later answers still apply
    next_question: Question | None  # else the first question it would ask that was not answered
    changes_verdict: bool


def alternatives(catalog: Catalog, steps: list[Step], outcome: Outcome) -> list[Alternative]:
    """For every step, every other answer; a later question keeps the answer given to it before."""
    given = {(s.tree_id, s.question_id): s.answer_id for s in steps}
    out = []
    for i, step in enumerate(steps):
        q = catalog.node((step.tree_id, step.question_id))
        assert isinstance(q, Question)
        for a in q.answers:
            if a.id == step.answer_id:
                continue
            end = _follow(catalog, step.tree_id, a, {**given, (step.tree_id, q.id): a.id})
            if isinstance(end, Outcome):
                out.append(Alternative(i, q, a, end, None, end.verdict != outcome.verdict))
            else:
                out.append(Alternative(i, q, a, None, end, True))
    return out


def _follow(
    catalog: Catalog, tree_id: str, answer: Answer, given: dict[NodeRef, str]
) -> Outcome | Question | None:
    try:
        ref = catalog.target(catalog.tree(tree_id), answer.next, answer.tree)
        while True:
            node = catalog.node(ref)
            if isinstance(node, Outcome):
                return node
            chosen = node.answer(given.get(ref, ""))
            if chosen is None:
                return node
            ref = catalog.target(catalog.tree(ref[0]), chosen.next, chosen.tree)
    except TreeError:
        return None
