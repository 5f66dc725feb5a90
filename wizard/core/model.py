"""The tree model: questions, answers, outcomes, and the source guidance they quote.

Immutable values, as frozen dataclasses: the one idiom for an immutable value across the code
(positions, problems, verdicts, the calendar, the transcript, the walk, the map's layout, the
records and the feedback are frozen dataclasses too). Copied with a change by
`dataclasses.replace`; never compared with, unpacked or indexed as tuples.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from wizard.core.marked import Pos

NOWHERE = Pos(0, 0)
NO_POSITIONS: Mapping[str, Pos] = MappingProxyType({})


@dataclass(frozen=True)
class Answer:
    """One answer to a question, and where it leads: a node of this tree or of another tree."""

    id: str
    label: str
    explain: str = ""
    next: str | None = None  # a node id; in `tree` when that is set, else in this tree
    tree: str | None = None  # another tree's id; with no `next`, that tree's start
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Question:
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


@dataclass(frozen=True)
class SharedQuestion:
    """A question several trees ask, defined once in trees/questions/; its answers lead nowhere
    (each tree that asks it routes them)."""

    id: str
    text: str
    answers: tuple[Answer, ...]
    help: str
    name: str  # the file it is defined in, for messages
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Outcome:
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


@dataclass(frozen=True)
class Tree:
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
    # where each field is, for messages (one shared empty mapping unless given)
    field_pos: Mapping[str, Pos] = field(default_factory=lambda: NO_POSITIONS)

    def node(self, node_id: str) -> Node | None:
        return self.questions.get(node_id) or self.outcomes.get(node_id)


@dataclass(frozen=True)
class Clause:
    """One statement of guidance, verbatim."""

    id: str
    text: str
    heading: str = ""
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Source:
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
