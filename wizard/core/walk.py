"""A walk through a tree: answer, go back, change an earlier answer, start again, reach an outcome.

The answers given are the only state (as in GOV.UK Smart Answers): where the walk stands is
found by replaying them. Answers are also remembered by question, so that after a change a later
question that is reached again offers the earlier answer, pre-selected but never applied. An
answer to a shared question (`ask:`) is offered the same way wherever that question is asked
again: later in this walk, and in a walk given it as `carried` (the window's next topic).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from wizard import __version__
from wizard.core.catalog import Catalog, NodeRef
from wizard.core.model import Node, Outcome, Question, Tree
from wizard.core.periods import PeriodStatus, status_on
from wizard.core.problems import TreeError
from wizard.core.transcript import (
    OUTCOME_TEXTS,
    OutcomeRecord,
    QuotedClause,
    SourceRef,
    StepRecord,
    Transcript,
    TreeRef,
)
from wizard.core.verdicts import VERDICTS

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Step:
    """One answered question."""

    tree_id: str
    question_id: str
    answer_id: str
    answered_at: dt.datetime


class Walk:
    def __init__(
        self,
        catalog: Catalog,
        tree_id: str,
        clock: Clock = utc_now,
        carried: Mapping[str, str] | None = None,
        as_of: dt.date | None = None,
    ) -> None:
        """`carried`: answers to shared questions given before this walk, by shared id.
        `as_of`: the day whose pre-election period the walk is stamped with (a trainer's
        scenario day); by default the day it started."""
        self.catalog = catalog
        self.as_of = as_of
        self.start_tree: Tree = catalog.tree(tree_id)
        self._clock = clock
        self.started_at = clock()
        self.steps: list[Step] = []
        self._remembered: dict[tuple[str, str], str] = {}
        self._carried: dict[str, str] = dict(carried or {})
        self._shared: dict[str, str] = {}  # this walk's answers to shared questions
        self._position: NodeRef = (self.start_tree.id, self.start_tree.start)
        self._reached_at: dt.datetime | None = None

    # -- where the walk stands
    @property
    def position(self) -> NodeRef:
        return self._position

    @property
    def tree(self) -> Tree:
        return self.catalog.tree(self._position[0])

    @property
    def node(self) -> Node:
        return self.catalog.node(self._position)

    @property
    def question(self) -> Question | None:
        return self.node if isinstance(self.node, Question) else None

    @property
    def outcome(self) -> Outcome | None:
        return self.node if isinstance(self.node, Outcome) else None

    @property
    def finished(self) -> bool:
        return self.outcome is not None

    def remembered_answer(self) -> str | None:
        """The answer given earlier to the current question, to offer pre-selected; for a shared
        question, else the last answer to it anywhere (this walk first, then carried in)."""
        own = self._remembered.get(self._position)
        q = self.question
        if own is not None or q is None or not q.shared:
            return own
        shared = self.shared_answers().get(q.shared)
        return shared if shared is not None and q.answer(shared) is not None else None

    def shared_answers(self) -> dict[str, str]:
        """The latest answer to each shared question: carried in, then this walk's (to carry on
        into the next walk)."""
        return {**self._carried, **self._shared}

    # -- moving
    def answer(self, answer_id: str) -> Node:
        q = self.question
        if q is None:
            raise TreeError("the walk has reached an outcome; there is no question to answer")
        a = q.answer(answer_id)
        if a is None:
            ids = ", ".join(x.id for x in q.answers)
            raise TreeError(f"question '{q.id}' has no answer '{answer_id}' (answers: {ids})")
        target = self.catalog.target(self.tree, a.next, a.tree)
        self.catalog.node(target)  # raises before anything changes if the target is missing
        now = self._clock()
        self.steps.append(Step(self._position[0], q.id, a.id, now))
        self._remembered[self._position] = a.id
        if q.shared:
            self._shared[q.shared] = a.id
        self._position = target
        self._reached_at = now if isinstance(self.node, Outcome) else None
        return self.node

    def back(self) -> None:
        """Return to the last question answered; its answer stays remembered."""
        if not self.steps:
            raise TreeError("this is the first question: there is nothing to go back to")
        last = self.steps.pop()
        self._position = (last.tree_id, last.question_id)
        self._reached_at = None

    def change(self, index: int) -> None:
        """Return to the question of step `index` (0-based) to change its answer.

        Later answers are dropped from the path but stay remembered by question.
        """
        if not 0 <= index < len(self.steps):
            raise TreeError(f"there is no answer number {index + 1} to change")
        step = self.steps[index]
        del self.steps[index:]
        self._position = (step.tree_id, step.question_id)
        self._reached_at = None

    def restart(self) -> None:
        """Start the same tree again, forgetting every answer given in this walk (answers carried
        in from before it stay)."""
        self.steps.clear()
        self._remembered.clear()
        self._shared.clear()
        self._position = (self.start_tree.id, self.start_tree.start)
        self.started_at = self._clock()
        self._reached_at = None

    # -- the record
    def transcript(self) -> Transcript:
        trees = self._trees_passed()
        sources = [self.catalog.sources[s] for s in dict.fromkeys(t.source for t in trees)]
        law = self.catalog.law_source()
        if law is not None and self.outcome is not None and self.outcome.law:
            sources.append(law)
        steps = tuple(self._step_record(i, s) for i, s in enumerate(self.steps))
        return Transcript(
            program_version=__version__,
            started_at=_iso(self.started_at),
            tree=_tree_ref(self.start_tree),
            trees=tuple(_tree_ref(t) for t in trees),
            sources=tuple(
                SourceRef(s.id, s.title, s.reference, s.publisher, s.date, s.kind) for s in sources
            ),
            steps=steps,
            outcome=self._outcome_record(),
            period=status.stamp() if (status := self.period()) is not None else "",
        )

    def period(self) -> PeriodStatus | None:
        """Whether the walk's day is in a pre-election period, by the calendar; None without one."""
        if self.catalog.calendar is None:
            return None
        day = self.as_of or self.started_at.astimezone().date()
        return status_on(self.catalog.calendar, day)

    def _trees_passed(self) -> list[Tree]:
        ids = [self.start_tree.id, *(s.tree_id for s in self.steps), self._position[0]]
        return [self.catalog.tree(t) for t in dict.fromkeys(ids)]

    def _step_record(self, i: int, step: Step) -> StepRecord:
        q = self.catalog.node((step.tree_id, step.question_id))
        assert isinstance(q, Question)
        a = q.answer(step.answer_id)
        assert a is not None
        return StepRecord(
            i + 1,
            step.tree_id,
            q.id,
            q.text,
            q.help,
            a.id,
            a.label,
            a.explain,
            _iso(step.answered_at),
            q.shared,
        )

    def _outcome_record(self) -> OutcomeRecord | None:
        o = self.outcome
        if o is None:
            return None
        tree = self.tree
        return OutcomeRecord(
            tree_id=tree.id,
            id=o.id,
            verdict=o.verdict,
            verdict_label=VERDICTS[o.verdict].label,
            citations=quote(self.catalog, tree, o),
            reached_at=_iso(self._reached_at or self._clock()),
            law=quote_law(self.catalog, o),
            **{name: getattr(o, name) for name in OUTCOME_TEXTS},  # title, advice, reading...
        )


def quote(catalog: Catalog, tree: Tree, outcome: Outcome) -> tuple[QuotedClause, ...]:
    """The clauses an outcome cites, quoted in full from its tree's source."""
    source = catalog.sources[tree.source]
    return tuple(
        QuotedClause(
            source.id, c, source.clauses[c].heading, source.clauses[c].text, source.citation()
        )
        for c in outcome.cite
    )


def quote_law(catalog: Catalog, outcome: Outcome) -> tuple[QuotedClause, ...]:
    """The clauses of the law an outcome cites under `law:`, quoted in full, apart from the
    guidance; () when it cites none."""
    law = catalog.law_source()
    if law is None or not outcome.law:
        return ()
    return tuple(
        QuotedClause(law.id, c, law.clauses[c].heading, law.clauses[c].text, law.citation())
        for c in outcome.law
    )


def _tree_ref(t: Tree) -> TreeRef:
    return TreeRef(t.id, t.title, t.version, t.effective, t.sha256)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")
