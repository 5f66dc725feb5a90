"""The order of a presentation and where it stands: story, each question (hidden, then its answer
revealed), the outcome (hidden, then revealed), the guidance, the law (when the outcome cites
it), why, and points for discussion.

No Qt here: the view shows what the deck says, and the tests drive the deck by key presses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wizard.core.catalog import Catalog, NodeRef
from wizard.core.model import Answer, Outcome, Question, Tree
from wizard.core.scenarios import Scenario
from wizard.core.walk import Step

STORY, QUESTION, OUTCOME, GUIDANCE, LAW, WHY, DISCUSSION = (
    "story",
    "question",
    "outcome",
    "guidance",
    "law",
    "why",
    "discussion",
)


@dataclass(frozen=True)
class Slide:
    kind: str
    step: int = -1  # for a question: its index among the scenario's answers
    hides: bool = False  # shown first with its answer hidden, so the room can discuss it


class Deck:
    """A scenario as slides, and a cursor that a presenter moves one key press at a time."""

    def __init__(self, catalog: Catalog, scenario: Scenario, as_of: dt.date | None = None) -> None:
        self.catalog = catalog
        self.scenario = scenario
        self.as_of = as_of  # the trainer's "as of" date: the walk is stamped with its period
        walk = scenario.walk(catalog, as_of)
        self.steps: list[Step] = list(walk.steps)
        outcome = walk.outcome
        assert outcome is not None, "a scenario that checks clean ends at an outcome"
        self.outcome: Outcome = outcome
        self.outcome_ref: NodeRef = walk.position
        self.transcript = walk.transcript()
        law = [Slide(LAW)] if outcome.law else []  # the law on a slide of its own
        self.slides = [
            Slide(STORY),
            *(Slide(QUESTION, i, True) for i in range(len(self.steps))),
            Slide(OUTCOME, hides=True),
            Slide(GUIDANCE),
            *law,
            Slide(WHY),
            Slide(DISCUSSION),
        ]
        self.index = 0
        self.revealed = False

    # -- where it stands
    @property
    def slide(self) -> Slide:
        return self.slides[self.index]

    @property
    def at_end(self) -> bool:
        return self.index == len(self.slides) - 1

    def question(self, step: int) -> Question:
        node = self.catalog.node(self.question_ref(step))
        assert isinstance(node, Question)
        return node

    def question_ref(self, step: int) -> NodeRef:
        s = self.steps[step]
        return s.tree_id, s.question_id

    def expected(self, step: int) -> Answer:
        answer = self.question(step).answer(self.steps[step].answer_id)
        assert answer is not None
        return answer

    def tree_of(self, step: int) -> Tree:
        return self.catalog.tree(self.steps[step].tree_id)

    # -- moving: forward reveals first, then moves on; backward undoes one forward
    def forward(self) -> bool:
        if self.slide.hides and not self.revealed:
            self.revealed = True
            return True
        if self.at_end:
            return False
        self.index += 1
        self.revealed = False
        return True

    def backward(self) -> bool:
        if self.slide.hides and self.revealed:
            self.revealed = False
            return True
        if self.index == 0:
            return False
        self.index -= 1
        self.revealed = self.slide.hides
        return True

    def go_to_step(self, step: int) -> None:
        """Show question `step` with its answer hidden (e.g. from a click on the map)."""
        self.index = 1 + step
        self.revealed = False

    def step_of(self, ref: NodeRef) -> int | None:
        """The index of the scenario's answer to this question, if its path asks it."""
        return next((i for i in range(len(self.steps)) if self.question_ref(i) == ref), None)

    def restart(self) -> None:
        self.index = 0
        self.revealed = False

    # -- what the map highlights: the path as far as the room has seen it
    def path_so_far(self) -> tuple[list[NodeRef], list[str]]:
        kind = self.slide.kind
        if kind == STORY:
            shown = 0
        elif kind == QUESTION:
            shown = self.slide.step + (1 if self.revealed else 0)
        else:
            shown = len(self.steps)
        nodes = [self.question_ref(i) for i in range(min(shown + 1, len(self.steps)))]
        if shown == len(self.steps):
            nodes.append(self.outcome_ref)
        return nodes, [s.answer_id for s in self.steps[:shown]]

    def current_ref(self) -> NodeRef:
        """The node on screen now (the start's first question on the story slide)."""
        if self.slide.kind == QUESTION:
            return self.question_ref(self.slide.step)
        if self.slide.kind == STORY:
            return self.question_ref(0)
        return self.outcome_ref
