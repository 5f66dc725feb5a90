"""The tree model: questions, answers, outcomes, and the source guidance they quote.

Immutable records, as NamedTuples rather than frozen dataclasses: the window builds them on
every start, and a dataclass compiles its methods when its module is imported (about 0.6 ms
each; with the `dataclasses` module itself, some 7 ms of the start-up, issue 8).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from wizard.core.marked import Pos

NOWHERE = Pos(0, 0)
NO_POSITIONS: Mapping[str, Pos] = MappingProxyType({})


class Answer(NamedTuple):
    """One answer to a question, and where it leads: a node of this tree or of another tree."""

    id: str
    label: str
    explain: str = ""
    next: str | None = None  # a node id; in `tree` when that is set, else in this tree
    tree: str | None = None  # another tree's id; with no `next`, that tree's start
    pos: Pos = NOWHERE


class Question(NamedTuple):
    id: str
    text: str
    answers: tuple[Answer, ...]
    help: str = ""
    pos: Pos = NOWHERE
    # With `ask:`, the id of the shared question (trees/questions/) it asks: the catalog gives it
    # that question's text, help and answer labels. `ask_pos` is where `ask:` is written, and
    # `overrides` what was written here anyway: (answer id or "", field, where), an error.
    shared: str = ""
    ask_pos: Pos = NOWHERE
    overrides: tuple[tuple[str, str, Pos], ...] = ()

    def answer(self, answer_id: str) -> Answer | None:
        return next((a for a in self.answers if a.id == answer_id), None)


class SharedQuestion(NamedTuple):
    """A question several trees ask, defined once in trees/questions/; its answers lead nowhere
    (each tree that asks it routes them)."""

    id: str
    text: str
    answers: tuple[Answer, ...]
    help: str
    name: str  # the file it is defined in, for messages
    pos: Pos = NOWHERE


class Outcome(NamedTuple):
    id: str
    verdict: str
    title: str
    advice: str
    cite: tuple[str, ...]
    pos: Pos = NOWHERE
    cite_pos: tuple[Pos, ...] = ()
    reading: str = ""  # how the guidance is read here, and why
    law: tuple[str, ...] = ()  # clauses of the law source (kind: law) it rests on
    law_pos: tuple[Pos, ...] = ()


Node = Question | Outcome


class Tree(NamedTuple):
    """One decision tree, as loaded from one file."""

    id: str
    title: str
    summary: str
    version: str
    effective: str
    source: str
    start: str
    keywords: tuple[str, ...]
    questions: dict[str, Question]
    outcomes: dict[str, Outcome]
    name: str  # the name it was loaded under, for messages
    sha256: str
    order: int = 100  # where it stands among the topics on the home screen
    pos: Pos = NOWHERE
    field_pos: Mapping[str, Pos] = NO_POSITIONS  # where each field is, for messages

    def node(self, node_id: str) -> Node | None:
        return self.questions.get(node_id) or self.outcomes.get(node_id)


class Clause(NamedTuple):
    """One statement of guidance, verbatim."""

    id: str
    text: str
    heading: str = ""
    pos: Pos = NOWHERE


class Source(NamedTuple):
    """A guidance document (or, with kind "law", the law) split into clauses outcomes quote."""

    id: str
    title: str
    reference: str
    publisher: str
    date: str
    description: str
    clauses: dict[str, Clause]
    name: str
    sha256: str
    url: str = ""
    kind: str = "guidance"  # "guidance" (the force's words) or "law" (the law behind them)

    def citation(self) -> str:
        """How the document is named under a quotation."""
        return f"{self.publisher}, {self.title} ({self.reference})"
