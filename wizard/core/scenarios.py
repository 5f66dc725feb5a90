"""Training scenarios: a story, the answers its person should give, and the verdict they reach.

A scenario is checked against the trees by walking its answers, so every scenario is also a
regression test of the guidance: a change of tree that alters its verdict is a validator error
on the scenario's `verdict:` line. A scenario's `routes:` are the other topics the same person
could open for the same situation; each must reach the same verdict (one situation, one verdict).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from wizard.core.catalog import Catalog, NodeRef
from wizard.core.marked import MarkedDict, MarkedList, Pos
from wizard.core.model import Question
from wizard.core.parsed import ParsedDocuments, sha256_of
from wizard.core.problems import Problem, TreeError
from wizard.core.schema import Checker, Field, Kind, open_document
from wizard.core.verdicts import VERDICTS
from wizard.core.walk import Step, Walk


@dataclass(frozen=True)
class Person:
    """Who the person in a story is; the guidance treats officers, PCSOs and staff differently.
    `phrase`: how a sentence names them ("this PCSO"), where lower-casing the label would not do."""

    id: str
    label: str
    phrase: str = ""


PERSONS: dict[str, Person] = {
    p.id: p
    for p in (
        Person("officer", "Police officer"),
        Person("special", "Special constable"),
        Person("pcso", "PCSO"),
        Person("staff", "Police staff"),
        Person(
            "pcc_staff",
            "Staff of the Police and Crime Commissioner's office",
            "this member of the Police and Crime Commissioner's staff",
        ),
    )
}

NOWHERE = Pos(0, 0)

SCENARIO_FIELDS = {
    "id": Field(Kind.ID, True, "a short stable name, e.g. selfie-at-hustings"),
    "title": Field(Kind.TEXT, True, "a few words a trainer can read out"),
    "person": Field(Kind.ID, True, "one of: " + ", ".join(PERSONS)),
    "tree": Field(Kind.ID, True, "the id of the tree the walk starts in"),
    "story": Field(Kind.TEXT, True, "the situation, as a trainer would tell it"),
    "answers": Field(Kind.LIST, True, "one '- question_id: answer_id' line per question"),
    "verdict": Field(Kind.ID, True, "the verdict the answers reach: " + ", ".join(VERDICTS)),
    "outcome": Field(Kind.TEXT, False, "the outcome the answers reach: its id, or tree:id"),
    "discussion": Field(Kind.TEXT_LIST, True, "points for the room to discuss"),
    "routes": Field(
        Kind.LIST,
        False,
        "other topics the same person could open: '- tree: ID' with its own 'answers:'",
    ),
}

ROUTE_FIELDS = {
    "tree": Field(Kind.ID, True, "the id of the tree (topic) this route opens"),
    "answers": Field(Kind.LIST, True, "one '- question_id: answer_id' line per question"),
    "outcome": Field(Kind.TEXT, False, "the outcome the route reaches: its id, or tree:id"),
}


@dataclass(frozen=True)
class ScenarioAnswer:
    """One line of `answers:`: the question as written (`question` or `tree:question`) and the
    answer id given to it."""

    question: str
    answer: str
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Route:
    """Another topic the scenario's person could open for the same situation, and the answers
    they would give there. `reached` and `verdict` are filled once the route is checked clean."""

    tree: str
    answers: tuple[ScenarioAnswer, ...]
    outcome: str | None = None  # as written: the outcome the route must reach
    pos: Pos = NOWHERE  # the route's '- tree:' line
    field_pos: dict[str, Pos] = field(default_factory=dict, compare=False)
    reached: NodeRef | None = None  # (tree id, outcome id) the walk reaches
    verdict: str | None = None

    def walk(self, catalog: Catalog) -> Walk:
        """A walk with every answer of the route given; raises TreeError if it no longer fits."""
        walk = Walk(catalog, self.tree)
        for a in self.answers:
            walk.answer(a.answer)
        return walk


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    person: str
    tree: str
    story: str
    answers: tuple[ScenarioAnswer, ...]
    verdict: str
    outcome: str | None
    discussion: tuple[str, ...]
    name: str  # the file it was read from, for messages
    sha256: str = ""
    pos: Pos = NOWHERE
    field_pos: dict[str, Pos] = field(default_factory=dict, compare=False)
    routes: tuple[Route, ...] = ()

    @property
    def person_label(self) -> str:
        return PERSONS[self.person].label

    def walk(self, catalog: Catalog, as_of: dt.date | None = None) -> Walk:
        """A walk with every answer given (at its outcome, for a scenario that checks clean),
        stamped with the period of `as_of` (a trainer's date) if given, else of today.

        Raises TreeError if the trees no longer fit the scenario.
        """
        walk = Walk(catalog, self.tree, as_of=as_of)
        for a in self.answers:
            walk.answer(a.answer)
        return walk

    def path(self, catalog: Catalog) -> list[NodeRef]:
        """The nodes the expected walk passes, start to outcome: what the map highlights."""
        walk = self.walk(catalog)
        return [*((s.tree_id, s.question_id) for s in walk.steps), walk.position]


@dataclass(frozen=True)
class Parting:
    """Where a trainee's walk left the scenario's expected one: at answer `index` (0-based), to
    the question `question`, the scenario expects `expected` and the trainee gave `given`."""

    index: int
    question: NodeRef
    expected: str
    given: str


def parting(catalog: Catalog, scenario: Scenario, steps: Sequence[Step]) -> Parting | None:
    """The first answer where `steps` (a walk's, e.g. a trainee's in a quiz) differ from the
    scenario's answers; None when they agree as far as both go."""
    expected = scenario.walk(catalog).steps
    for i, (want, got) in enumerate(zip(expected, steps, strict=False)):
        if (want.tree_id, want.question_id, want.answer_id) != (
            got.tree_id,
            got.question_id,
            got.answer_id,
        ):
            return Parting(i, (want.tree_id, want.question_id), want.answer_id, got.answer_id)
    return None


def parse_scenario(
    data: str | bytes, name: str, parsed: ParsedDocuments | None = None
) -> tuple[Scenario | None, list[Problem]]:
    """Build a Scenario from one file's bytes (its fields only; `check_scenario` walks it).
    `parsed`: files parsed before (see open_document)."""
    check, top = open_document(data, name, "a scenario file", parsed)
    if top is None:
        return None, check.problems
    f = check.fields(top, SCENARIO_FIELDS, "the scenario")
    _check_closed(check, top, f, "person", PERSONS)
    _check_closed(check, top, f, "verdict", VERDICTS)
    answers = _answers(check, f.get("answers"), "the scenario")
    routes = _routes(check, f.get("routes"))
    if f.get("discussion") == ():
        check.add(
            top.where("discussion"),
            "the scenario has no discussion points",
            "list at least one point for the room under 'discussion:'",
        )
    if any(p.blocking for p in check.problems):
        return None, check.problems
    scenario = Scenario(
        id=f["id"],
        title=f["title"],
        person=f["person"],
        tree=f["tree"],
        story=f["story"],
        answers=answers,
        verdict=f["verdict"],
        outcome=f.get("outcome"),
        discussion=f["discussion"],
        name=name,
        sha256=sha256_of(data),
        pos=top.pos,
        field_pos={k: top.where(k) for k in top},
        routes=routes,
    )
    return scenario, check.problems


def _check_closed(
    check: Checker, top: MarkedDict, f: dict[str, Any], key: str, known: Mapping[str, Any]
) -> None:
    value = f.get(key)
    if value is not None and value not in known:
        close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'? " if close else ""
        check.add(
            top.where(key),
            f"the {key} '{value}' is not one of the known ones",
            f"{hint}use one of: {', '.join(known)}",
        )
        del f[key]


def _routes(check: Checker, seq: object) -> tuple[Route, ...]:
    """The `routes:` list: each item a mapping of tree, answers and optional outcome."""
    if not isinstance(seq, MarkedList):
        return ()
    out = []
    for i, raw in enumerate(seq):
        what = f"route {i + 1}"
        m = check.mapping(raw, seq.where(i), what)
        if m is None:
            continue
        f = check.fields(m, ROUTE_FIELDS, what)
        answers = _answers(check, f.get("answers"), f"the {what}")
        if "tree" in f and "answers" in f:
            out.append(
                Route(f["tree"], answers, f.get("outcome"), m.pos, {k: m.where(k) for k in m})
            )
    return tuple(out)


def _answers(check: Checker, seq: object, whose: str) -> tuple[ScenarioAnswer, ...]:
    if not isinstance(seq, MarkedList):
        return ()
    if not seq:
        check.add(
            seq.pos,
            f"{whose} gives no answers",
            "add one '- question_id: answer_id' line per question, in the order asked",
        )
    out = []
    for i, raw in enumerate(seq):
        pos = seq.where(i)
        if not isinstance(raw, MarkedDict) or len(raw) != 1:
            check.add(
                pos,
                f"answer {i + 1} must be one 'question_id: answer_id' pair",
                'write it as, e.g., - staged: "no" (one pair per line, each after "- ")',
            )
            continue
        ((key, value),) = raw.items()
        what = f"answer {i + 1}"
        question = check.text(key, raw.key_pos.get(key, pos), f"the question id of {what}")
        answer = check.text(value, raw.where(key), f"the answer id of {what}", as_id=True)
        if question is not None and answer is not None:
            out.append(ScenarioAnswer(question, answer, raw.where(key)))
    return tuple(out)


def check_scenario(catalog: Catalog, scenario: Scenario) -> list[Problem]:
    """Walk the scenario's answers, and each route's, through the trees; every mismatch is a
    problem on its line."""
    return [*_check_main(catalog, scenario), *check_routes(catalog, scenario)[1]]


def _check_main(catalog: Catalog, scenario: Scenario) -> list[Problem]:
    """Walk the scenario's own answers; check the verdict and outcome they reach."""
    walk, problems = _walk_answers(
        catalog,
        scenario,
        scenario.tree,
        scenario.answers,
        scenario.field_pos,
        scenario.pos,
        "the scenario",
    )
    if walk is None:
        return problems
    return [*problems, *_check_expected(catalog, scenario, walk)]


def check_routes(catalog: Catalog, scenario: Scenario) -> tuple[tuple[Route, ...], list[Problem]]:
    """Walk every route; return the routes with the outcome and verdict each reaches (where it
    reaches one), and the problems found, each on its line."""
    routes: list[Route] = []
    problems: list[Problem] = []
    for r in scenario.routes:
        walk, found = _walk_answers(
            catalog, scenario, r.tree, r.answers, r.field_pos, r.pos, "the route"
        )
        if walk is not None and walk.outcome is not None:
            found += _check_route_end(scenario, r, walk)
            r = replace(r, reached=walk.position, verdict=walk.outcome.verdict)
        routes.append(r)
        problems += found
    return tuple(routes), problems


def _walk_answers(
    catalog: Catalog,
    scenario: Scenario,
    tree: str,
    answers: tuple[ScenarioAnswer, ...],
    where: dict[str, Pos],
    pos: Pos,
    who: str,
) -> tuple[Walk | None, list[Problem]]:
    """Give `answers` from the start of `tree`: the walk at its outcome and any person mismatch,
    or None and the one problem that stopped the walk. `where`: the fields' positions."""
    if tree not in catalog.trees:
        return None, [_unknown_tree(catalog, scenario.name, tree, where.get("tree", pos), who)]
    walk = Walk(catalog, tree)
    mismatched: list[Problem] = []
    for a in answers:
        question = walk.question
        problem = _answer_one(walk, a, scenario.name)
        if problem is not None:
            return None, [problem]
        assert question is not None
        mismatched += _person_mismatch(scenario, question, a)
    if walk.question is not None:
        q = walk.question
        at = answers[-1].pos if answers else where.get("answers", pos)
        return None, [
            Problem(
                scenario.name,
                at.line,
                at.column,
                f"the answers stop at the question '{q.id}' (\u201c{q.text}\u201d) "
                "before the walk reaches an outcome",
                f"add a line '- {q.id}: ANSWER' after this one; {_choices(q)}",
            )
        ]
    return walk, mismatched


def _unknown_tree(catalog: Catalog, name: str, tree: str, pos: Pos, who: str) -> Problem:
    """A walk that starts in a tree that is not loaded, with the likeliest one meant."""
    known = sorted(catalog.trees)
    close = difflib.get_close_matches(tree, known, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"known trees: {', '.join(known) or 'none'}"
    return Problem(
        name,
        pos.line,
        pos.column,
        f"{who} starts in the tree '{tree}', which is not loaded",
        f"{hint} (if that tree has errors, `python -m wizard validate` says which)",
    )


def _check_route_end(scenario: Scenario, route: Route, walk: Walk) -> list[Problem]:
    """A route must reach the scenario's verdict, and the outcome it pins, if it pins one."""
    o = walk.outcome
    assert o is not None
    tree_id = walk.position[0]
    reached = f"the outcome '{tree_id}:{o.id}' (\u201c{o.title}\u201d)"
    out = []
    if o.verdict != scenario.verdict:
        out.append(
            Problem(
                scenario.name,
                route.pos.line,
                route.pos.column,
                f"the route through the topic '{route.tree}' reaches {reached}, verdict "
                f"'{o.verdict}', but the scenario's verdict is '{scenario.verdict}'",
                "one situation must get one verdict whichever topic is opened: if these are the "
                "answers the person would give, the trees disagree and one of them must change; "
                "otherwise correct this route's answers",
            )
        )
    if route.outcome is not None and route.outcome not in (o.id, f"{tree_id}:{o.id}"):
        pos = route.field_pos.get("outcome", route.pos)
        out.append(
            Problem(
                scenario.name,
                pos.line,
                pos.column,
                f"expected the outcome '{route.outcome}' but the route reaches {reached}",
                f"set 'outcome: {o.id}' if that is right, or check the route's answers",
            )
        )
    return out


def _person_mismatch(scenario: Scenario, q: Question, a: ScenarioAnswer) -> list[Problem]:
    """A role question ("Which of these are you?") answered as someone other than the story's
    person: the trainer would teach the wrong verdict for that person."""
    roles = [x.id for x in q.answers if x.id in PERSONS]
    if len(roles) < 2 or a.answer not in PERSONS or a.answer == scenario.person:
        return []
    return [
        Problem(
            scenario.name,
            a.pos.line,
            a.pos.column,
            f"the scenario's person is '{scenario.person}' "
            f"({PERSONS[scenario.person].label}) but this answer says '{a.answer}' "
            f"({PERSONS[a.answer].label})",
            f"answer '{scenario.person}' here, or change 'person:' if the story is about "
            f"a {PERSONS[a.answer].label.lower()}",
        )
    ]


def _answer_one(walk: Walk, a: ScenarioAnswer, name: str) -> Problem | None:
    """Give one answer to the walk, or say why it cannot be given there."""
    q = walk.question
    where = (name, a.pos.line, a.pos.column)
    if q is None:
        o = walk.outcome
        assert o is not None
        return Problem(
            *where,
            f"the walk already reached the outcome '{o.id}' "
            f"({VERDICTS[o.verdict].label}) before the answer "
            f"'{a.question}: {a.answer}'",
            "delete this line and the ones after it, or check the answers above",
        )
    tree_id = walk.position[0]
    if a.question not in (q.id, f"{tree_id}:{q.id}"):
        return Problem(
            *where,
            f"the walk stands at the question '{q.id}' (\u201c{q.text}\u201d), "
            f"not at '{a.question}'",
            f"answer '{q.id}' on this line; {_choices(q)}",
        )
    if q.answer(a.answer) is None:
        close = difflib.get_close_matches(a.answer, [x.id for x in q.answers], n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return Problem(
            *where, f"the question '{q.id}' has no answer '{a.answer}'", hint + _choices(q)
        )
    try:
        walk.answer(a.answer)
    except TreeError as exc:
        return Problem(
            *where,
            f"the answer '{a.answer}' to '{q.id}' cannot be followed: {exc}",
            "fix the tree it leads into",
        )
    return None


def _choices(q: Question) -> str:
    return "its answers: " + ", ".join(f"{a.id} (\u201c{a.label}\u201d)" for a in q.answers)


def _check_expected(catalog: Catalog, scenario: Scenario, walk: Walk) -> list[Problem]:
    o = walk.outcome
    assert o is not None
    tree_id = walk.position[0]
    reached = f"outcome '{tree_id}:{o.id}': \u201c{o.title}\u201d"
    out = []
    if o.verdict != scenario.verdict:
        pos = scenario.field_pos.get("verdict", scenario.pos)
        out.append(
            Problem(
                scenario.name,
                pos.line,
                pos.column,
                f"expected verdict '{scenario.verdict}' but the walk reaches '{o.verdict}' ({reached})",
                f"if the guidance changed, re-read the story and set 'verdict: {o.verdict}'; "
                "otherwise check the answers",
            )
        )
    if scenario.outcome is not None and scenario.outcome not in (o.id, f"{tree_id}:{o.id}"):
        pos = scenario.field_pos.get("outcome", scenario.pos)
        out.append(
            Problem(
                scenario.name,
                pos.line,
                pos.column,
                f"expected the outcome '{scenario.outcome}' but the walk reaches {reached}",
                f"set 'outcome: {o.id}' if that is right, or check the answers",
            )
        )
    return out


def add_scenarios(
    catalog: Catalog, files: Iterable[tuple[str, bytes]], parsed: ParsedDocuments | None = None
) -> None:
    """Parse and check each scenario file (name, bytes) against the catalog's trees.

    Clean ones go into `catalog.scenarios`; broken ones into `catalog.failed_scenarios`. Every
    problem goes into `catalog.problems`. Trees are never affected.
    """
    for name, data in files:
        scenario, problems = parse_scenario(data, name, parsed)
        if scenario is not None:
            routes, route_problems = check_routes(catalog, scenario)
            problems = [*problems, *_check_main(catalog, scenario), *route_problems]
            scenario = replace(scenario, routes=routes)
            other = catalog.scenarios.get(scenario.id)
            if other is not None:
                problems.append(
                    Problem(
                        name,
                        scenario.pos.line,
                        scenario.pos.column,
                        f"the scenario id '{scenario.id}' is already used by {other.name}",
                        "give each scenario its own id",
                    )
                )
        catalog.problems.extend(problems)
        if scenario is None or any(p.blocking for p in problems):
            catalog.failed_scenarios[name] = problems
        else:
            catalog.scenarios[scenario.id] = scenario
