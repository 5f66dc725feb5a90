"""Words for the trainer's screens, built from the core: "Why this outcome" for a room, and what a
quiz found. Plain data and text, no Qt, so they are tested without widgets."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.core.catalog import Catalog
from wizard.core.model import Answer, Outcome, Question
from wizard.core.scenarios import Parting, Scenario, parting
from wizard.core.transcript import QuotedClause
from wizard.core.verdicts import VERDICTS
from wizard.core.walk import Step, Walk, quote
from wizard.core.whatif import Alternative, alternatives


def also_reached_from(catalog: Catalog, scenario: Scenario) -> str:
    """'Also reached from: Talking about politics; …': the topics of the scenario's routes other
    than the one its walk starts in; '' when it has none."""
    titles = dict.fromkeys(
        catalog.tree(r.tree).title
        for r in scenario.routes
        if r.tree != scenario.tree and r.tree in catalog.trees
    )
    return "Also reached from: " + "; ".join(titles) if titles else ""


def verdict_words(verdict_id: str) -> str:
    v = VERDICTS[verdict_id]
    return f"{v.symbol} {v.label}"


def describe(alt: Alternative) -> str:
    """Where another answer would have led, in plain words."""
    if alt.outcome is not None:
        return f"{VERDICTS[alt.outcome.verdict].label}: “{alt.outcome.title}”"
    if alt.next_question is not None:
        return f"more questions, starting with “{alt.next_question.text}”"
    return "a topic that is not available (it did not load)"


@dataclass(frozen=True)
class WhyStep:
    """One answer on the path and where each other answer to it would have led."""

    question: str
    given: str
    changing: tuple[tuple[str, str], ...]  # (answer label, the other verdict it reaches)
    further: tuple[str, ...]  # labels of answers that would first ask more questions
    same: tuple[str, ...]  # labels of answers that give the same verdict


def why_steps(catalog: Catalog, steps: list[Step], outcome: Outcome) -> list[WhyStep]:
    alts = alternatives(catalog, steps, outcome)
    out = []
    for i, step in enumerate(steps):
        q = catalog.node((step.tree_id, step.question_id))
        assert isinstance(q, Question)
        given = q.answer(step.answer_id)
        mine = [a for a in alts if a.step_index == i]
        out.append(
            WhyStep(
                q.text,
                given.label if given else step.answer_id,
                tuple(
                    (a.answer.label, describe(a))
                    for a in mine
                    if a.changes_verdict and a.outcome is not None
                ),
                tuple(a.answer.label for a in mine if a.outcome is None),
                tuple(a.answer.label for a in mine if not a.changes_verdict),
            )
        )
    return out


@dataclass(frozen=True)
class QuizReport:
    """What a trainee's finished quiz walk shows against the scenario's expected one."""

    scenario: Scenario
    parting: Parting | None
    question: Question | None  # where the paths parted
    expected_answer: Answer | None
    given_answer: Answer | None
    expected: Outcome
    reached: Outcome
    expected_clauses: tuple[QuotedClause, ...]
    reached_clauses: tuple[QuotedClause, ...]

    @property
    def perfect(self) -> bool:
        return self.parting is None

    @property
    def same_verdict(self) -> bool:
        return self.expected.verdict == self.reached.verdict


def quiz_report(catalog: Catalog, scenario: Scenario, trainee: Walk) -> QuizReport:
    """Compare a trainee's walk (at its outcome) with the scenario's answers."""
    expected_walk = scenario.walk(catalog)
    assert expected_walk.outcome is not None and trainee.outcome is not None
    part = parting(catalog, scenario, trainee.steps)
    question = expected_answer = given_answer = None
    if part is not None:
        node = catalog.node(part.question)
        assert isinstance(node, Question)
        question = node
        expected_answer = node.answer(part.expected)
        given_answer = node.answer(part.given)
    return QuizReport(
        scenario,
        part,
        question,
        expected_answer,
        given_answer,
        expected_walk.outcome,
        trainee.outcome,
        quote(catalog, expected_walk.tree, expected_walk.outcome),
        quote(catalog, trainee.tree, trainee.outcome),
    )
