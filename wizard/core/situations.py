"""Walk two releases of the trees together, giving both the same answers by question id, and
find the situations (sets of answers) whose verdict differs between them.

A question is known by its tree and id; a shared question (`ask:`) by its shared id wherever it
is asked, since one person gives one answer to "who are you?". The walks go over the map, not
path by path: a state is where each release stands plus only
those answers already given that either release may still ask for, so a tree of 2**18 paths
whose questions all lead on to the next has a few dozen states. Situations are counted on the
states, and only the ones asked for are listed, up to a limit.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from wizard.core.catalog import Catalog, NodeRef
from wizard.core.model import Outcome, Question
from wizard.core.problems import TreeError

Side = NodeRef | str  # where one release's walk stands, or why it cannot go on
Key = tuple[str, str]  # a question: (tree id, question id), or ("", shared id) for `ask:`
State = tuple[Side, Side, frozenset[tuple[Key, str]]]
LISTED = ("changed", "unanswerable", "added")  # the kinds of situation listed
KINDS = (*LISTED, "outcome_changed", "same", "broken")
_NONE: frozenset[Key] = frozenset()


@dataclass(frozen=True)
class Given:
    """One answer of a situation: the question by tree and id, and the answer's id."""

    tree_id: str
    question_id: str
    answer_id: str


@dataclass(frozen=True)
class End:
    """Where one release's walk ends: an outcome, or (no outcome_id) why it cannot go on."""

    tree_id: str = ""
    outcome_id: str = ""
    verdict: str = ""
    title: str = ""
    why: str = ""


@dataclass(frozen=True)
class Situation:
    topic: str  # the tree the walks start in
    answers: tuple[Given, ...]
    old: End
    new: End

    def keys(self) -> list[str]:
        """The answers as `run --answer` takes them: question=answer, tree:question=answer
        outside the topic the walks start in."""
        return [
            (f"{g.question_id}" if g.tree_id == self.topic else f"{g.tree_id}:{g.question_id}")
            + f"={g.answer_id}"
            for g in self.answers
        ]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Compared:
    """What comparing one topic's walks found: situations listed by kind, and all counted."""

    changed: list[Situation] = field(default_factory=list)  # both end, verdicts differ
    unanswerable: list[Situation] = field(default_factory=list)  # only the old release ends
    added: list[Situation] = field(default_factory=list)  # only the new release ends
    counts: dict[str, int] = field(default_factory=dict)


class _Map:
    """One release's map of questions and answers, for walking it one answer at a time."""

    def __init__(self, catalog: Catalog, missing: str) -> None:
        self.catalog = catalog
        self.missing = missing  # how a missing answer is said, with {q} and {a}
        self._below: dict[NodeRef, frozenset[Key]] = {}

    def question(self, side: Side) -> Question | None:
        node = self._node(side)
        return node if isinstance(node, Question) else None

    def outcome(self, side: Side) -> Outcome | None:
        node = self._node(side)
        return node if isinstance(node, Outcome) else None

    def _node(self, side: Side) -> Question | Outcome | None:
        if isinstance(side, str) or side[0] not in self.catalog.trees:
            return None
        return self.catalog.trees[side[0]].node(side[1])

    def step(self, ref: NodeRef, answer_id: str) -> Side:
        """Where answering the question at `ref` with `answer_id` leads, or why it cannot."""
        q = self.question(ref)
        answer = q.answer(answer_id) if q is not None else None
        if answer is None:
            return self.missing.format(q=f"{ref[0]}:{ref[1]}", a=answer_id)
        try:
            target = self.catalog.target(self.catalog.trees[ref[0]], answer.next, answer.tree)
            self.catalog.node(target)
        except TreeError as exc:
            return str(exc)
        return target

    def key(self, ref: NodeRef) -> Key:
        """What a question asks: a shared question (trees/questions/) is one question wherever
        it is asked, as one person gives one answer to "who are you?"; else the node itself."""
        q = self.question(ref)
        return ("", q.shared) if q is not None and q.shared else ref

    def below(self, side: Side) -> frozenset[Key]:
        """The questions a walk standing at `side` may still be asked, itself included."""
        if isinstance(side, str):
            return _NONE
        stack = [side]
        while stack:
            ref = stack[-1]
            if ref in self._below:
                stack.pop()
                continue
            q = self.question(ref)
            targets = (
                [t for t in (self.step(ref, a.id) for a in q.answers) if isinstance(t, tuple)]
                if q is not None
                else []
            )
            todo = [t for t in targets if t not in self._below]
            if todo:
                stack.extend(todo)
                continue
            found = {self.key(ref)} if q is not None else set()
            for t in targets:
                found |= self._below[t]
            self._below[ref] = frozenset(found)
            stack.pop()
        return self._below[side]

    def end(self, side: Side) -> End:
        if isinstance(side, str):
            return End(why=side)
        o = self.outcome(side)
        assert o is not None
        return End(side[0], o.id, o.verdict, o.title)


Move = tuple[Given | None, State]


class _Pair:
    """Both releases walked together from one topic's start."""

    def __init__(self, old: Catalog, new: Catalog) -> None:
        self.old = _Map(old, "the question {q} had no answer '{a}' before this release")
        self.new = _Map(new, "the question {q} no longer has the answer '{a}'")
        self._moves: dict[State, list[Move]] = {}
        self.counts: dict[State, dict[tuple[Side, Side], int]] = {}
        self._kinds: dict[State, frozenset[str]] = {}

    def state(self, o: Side, n: Side, given: dict[Key, str]) -> State:
        """A state keeping only the answers either release may still ask for."""
        below_o, below_n = self.old.below(o), self.new.below(n)
        return o, n, frozenset((k, v) for k, v in given.items() if k in below_o or k in below_n)

    def moves(self, s: State) -> list[Move]:
        """The next answers from `s` (the answer given, if a new one, and the state it leads
        to); [] when both walks have ended."""
        if s not in self._moves:
            self._moves[s] = self._next(s)
        return self._moves[s]

    def _next(self, s: State) -> list[Move]:
        o, n, given = s
        qo, qn = self.old.question(o), self.new.question(n)
        ko = self.old.key(o) if isinstance(o, tuple) else None
        kn = self.new.key(n) if isinstance(n, tuple) else None
        fixed = dict(given)
        if qo is not None and qn is not None and ko == kn:  # the same question in both
            assert isinstance(o, tuple) and isinstance(n, tuple) and ko is not None
            ids = (
                [fixed[ko]]
                if ko in fixed
                else list(dict.fromkeys([*(a.id for a in qo.answers), *(a.id for a in qn.answers)]))
            )
            return [
                (
                    None if ko in fixed else Given(*o, a),
                    self.state(self.old.step(o, a), self.new.step(n, a), {**fixed, ko: a}),
                )
                for a in ids
            ]
        if qo is not None and ko in fixed:  # the new release asked it already
            assert isinstance(o, tuple) and ko is not None
            return [(None, self.state(self.old.step(o, fixed[ko]), n, fixed))]
        if qn is not None and kn in fixed:
            assert isinstance(n, tuple) and kn is not None
            return [(None, self.state(o, self.new.step(n, fixed[kn]), fixed))]
        if qo is not None:
            assert isinstance(o, tuple) and ko is not None
            return [
                (Given(*o, a.id), self.state(self.old.step(o, a.id), n, {**fixed, ko: a.id}))
                for a in qo.answers
            ]
        if qn is not None:
            assert isinstance(n, tuple) and kn is not None
            return [
                (Given(*n, a.id), self.state(o, self.new.step(n, a.id), {**fixed, kn: a.id}))
                for a in qn.answers
            ]
        return []

    def count(self, root: State) -> dict[tuple[Side, Side], int]:
        """How many situations from `root` end at each pair of ends, state by state (an
        explicit stack: a tree may be deeper than Python's)."""
        stack = [root]
        while stack:
            s = stack[-1]
            if s in self.counts:
                stack.pop()
                continue
            moves = self.moves(s)
            todo = [m for _, m in moves if m not in self.counts]
            if todo:
                stack.extend(todo)
                continue
            total: dict[tuple[Side, Side], int] = {}
            for _, m in moves:
                for ends, k in self.counts[m].items():
                    total[ends] = total.get(ends, 0) + k
            self.counts[s] = total if moves else {(s[0], s[1]): 1}
            stack.pop()
        return self.counts[root]

    def kind(self, o: Side, n: Side) -> str:
        """What the two ends of one situation amount to (one of KINDS)."""
        if isinstance(o, str):
            return "broken" if isinstance(n, str) else "added"
        if isinstance(n, str):
            return "unanswerable"
        a, b = self.old.outcome(o), self.new.outcome(n)
        assert a is not None and b is not None
        if a.verdict != b.verdict:
            return "changed"
        return "same" if o == n else "outcome_changed"

    def kinds(self, s: State) -> frozenset[str]:
        if s not in self._kinds:
            self._kinds[s] = frozenset(self.kind(*ends) for ends in self.counts[s])
        return self._kinds[s]


def compare_walks(old: Catalog, new: Catalog, tree_id: str, limit: int) -> Compared:
    """Walk the topic `tree_id` of both releases with the same answers; list up to `limit`
    situations of each kind in LISTED, and count every kind."""
    pair = _Pair(old, new)
    a, b = old.tree(tree_id), new.tree(tree_id)
    root = pair.state((a.id, a.start), (b.id, b.start), {})
    result = Compared(counts=dict.fromkeys(KINDS, 0))
    for (o, n), k in pair.count(root).items():
        result.counts[pair.kind(o, n)] += k
    result.counts["situations"] = sum(result.counts[k] for k in KINDS)
    _list(pair, root, tree_id, result, limit)
    return result


def _list(pair: _Pair, root: State, topic: str, result: Compared, limit: int) -> None:
    """Depth first in the order answers are written, into only the states that hold a kind of
    situation still wanted, until each list is full."""
    lists = {k: getattr(result, k) for k in LISTED}
    stack: list[tuple[State, tuple[Given, ...]]] = [(root, ())]
    while stack:
        wanted = {k for k in LISTED if len(lists[k]) < limit and result.counts[k]}
        if not wanted:
            return
        s, given = stack.pop()
        moves = pair.moves(s)
        if not moves:
            kind = pair.kind(s[0], s[1])
            if kind in wanted:
                lists[kind].append(Situation(topic, given, pair.old.end(s[0]), pair.new.end(s[1])))
            continue
        for answer, m in reversed(moves):
            if pair.kinds(m) & wanted:
                stack.append((m, given if answer is None else (*given, answer)))
