"""The shipped trees load cleanly, reach every node from the start tree, cite every clause, and
keep the promises the guidance makes by role and verdict."""

from __future__ import annotations

import pytest

from wizard.core.catalog import Catalog
from wizard.core.model import Outcome
from wizard.core.paths import TreePath, all_paths

TOPICS = {
    "campaigners",
    "family",
    "photos",
    "social-media",
    "talking-politics",
    "events",
    "force-output",
    "station-visits",
    "complaints",
    "statements",
    "badges",
    "campaigning",
}
ROLES = {"officer", "special", "pcc_staff", "pcso", "staff"}  # the shared role question's answers
WARRANTED = {"officer", "special"}
UNWARRANTED = ROLES - WARRANTED
PERMISSIVE = {"acceptable", "acceptable_with_care"}
# From the start tree. It was 6, about a minute for a user. The 2.0 trees ask a member of staff
# "on duty?", "does it touch your job?" and "restricted post?" before any permissive verdict, and
# the start tree asks which kind of own-time question first: an honest walk from the start tree
# through a candidate's event into campaigning ("help at a candidate's stall on my day off")
# needs 8 (start:about, events:kind, candidate_why, attend_on_duty, campaigning:support_role,
# support_on_duty, through_job, restricted_post). No more than that.
MAX_QUESTIONS = 8
# Verdicts no outcome gives. The 2.0 trees give no plain "acceptable" (trees/READINGS.md:
# "Acceptable, with care, not plain Acceptable"); VERDICTS still defines it.
UNUSED_VERDICTS = {"acceptable"}


def nodes(catalog: Catalog) -> set[tuple[str, str]]:
    return {(t.id, n) for t in catalog.trees.values() for n in [*t.questions, *t.outcomes]}


def reached(paths: list[TreePath]) -> set[tuple[str, str]]:
    out = set()
    for p in paths:
        out |= {(s.tree_id, s.question.id) for s in p.steps}
        out.add((p.tree_id, p.outcome.id))
    return out


def outcome_of(catalog: Catalog, p: TreePath) -> Outcome:
    assert p.outcome is not None, p.broken
    return p.outcome


def role_of(p: TreePath) -> str | None:
    """The role the user gave on this path, if any question asked it."""
    return next((s.answer.id for s in p.steps if s.answer.id in ROLES), None)


@pytest.fixture(scope="module")
def start_paths(shipped) -> list[TreePath]:
    return all_paths(shipped, "start")


def test_every_shipped_tree_loads_with_no_problems(shipped) -> None:
    assert shipped.problems == []
    assert shipped.failed == {}
    assert set(shipped.trees) == TOPICS | {"start"}


def test_no_path_is_broken(shipped) -> None:
    for tree_id in shipped.trees:
        assert all(p.outcome is not None for p in all_paths(shipped, tree_id)), tree_id


def test_every_node_of_every_tree_is_reached_from_its_own_start(shipped) -> None:
    for tree in shipped.trees.values():
        mine = {n for n in reached(all_paths(shipped, tree.id)) if n[0] == tree.id}
        assert mine == {n for n in nodes(shipped) if n[0] == tree.id}, tree.id


def test_every_node_of_every_tree_is_reached_from_the_start_tree(shipped, start_paths) -> None:
    assert nodes(shipped) - reached(start_paths) == set()


def test_the_start_tree_routes_into_every_topic(shipped, start_paths) -> None:
    """Every topic is entered within the first three questions from the start tree (a station
    visit, one of the things a candidate asks for, within four), and one answer of the start
    tree's first question ends at "Speak to a supervisor first"."""
    entered_by = {}
    for p in start_paths:
        trees = [s.tree_id for s in p.steps] + [p.tree_id]
        for i, t in enumerate(trees):
            entered_by[t] = min(i, entered_by.get(t, i))
    assert set(entered_by) == TOPICS | {"start"}
    deeper = {"station-visits": 3}
    assert all(entered_by[t] <= deeper.get(t, 2) for t in TOPICS), entered_by
    start = shipped.trees["start"]
    other = [
        a for a in start.questions["about"].answers if a.tree is None and a.next in start.outcomes
    ]
    assert len(other) == 1
    assert start.outcomes[other[0].next].verdict == "speak_to_supervisor"


def test_every_clause_is_cited_on_some_path_from_the_start_tree(shipped, start_paths) -> None:
    cited = {c for p in start_paths for c in outcome_of(shipped, p).cite}
    assert cited == set(shipped.sources["wmp-foi-177a-22"].clauses)


def test_every_verdict_is_used(shipped, start_paths) -> None:
    from wizard.core.verdicts import VERDICTS

    assert {outcome_of(shipped, p).verdict for p in start_paths} == set(VERDICTS) - UNUSED_VERDICTS


def test_a_user_finishes_within_a_few_questions(start_paths) -> None:
    too_long = sorted(
        (p for p in start_paths if len(p.steps) > MAX_QUESTIONS), key=lambda p: -len(p.steps)
    )
    assert not too_long, (
        f"{len(too_long)} paths ask more than {MAX_QUESTIONS} questions; "
        "the longest: "
        + " ".join(f"{s.tree_id}:{s.question.id}={s.answer.id}" for s in too_long[0].steps)
    )


def test_criminal_offence_only_for_warranted_officers(shipped, start_paths) -> None:
    """The offence is "limited to warranted officers": no PCSO or member of staff is told it."""
    for p in start_paths:
        o = outcome_of(shipped, p)
        if o.verdict == "criminal_offence":
            assert role_of(p) in WARRANTED, [s.answer.id for s in p.steps]
            assert "criminal-offence" in o.cite
    staff_verdicts = {
        outcome_of(shipped, p).verdict for p in start_paths if role_of(p) in UNWARRANTED
    }
    assert "criminal_offence" not in staff_verdicts


def test_warranted_officers_never_reach_a_permissive_verdict_on_the_campaigning_routes(
    shipped, start_paths
) -> None:
    """Officers and specials keep no right to support or campaign in their own time: whichever
    topic leads into campaigning, an officer or special is never told "acceptable"."""
    campaigning = [
        p for p in start_paths if "campaigning" in {p.tree_id, *(s.tree_id for s in p.steps)}
    ]
    assert any(role_of(p) in WARRANTED for p in campaigning)
    for p in campaigning:
        if role_of(p) in WARRANTED:
            assert outcome_of(shipped, p).verdict not in PERMISSIVE, [
                f"{s.tree_id}:{s.question.id}={s.answer.id}" for s in p.steps
            ]


def test_officers_and_specials_are_always_told_the_same(shipped, start_paths) -> None:
    """The guidance treats specials as officers: swapping the role never changes the outcome."""
    by_answers = {
        tuple((s.tree_id, s.question.id, s.answer.id) for s in p.steps): p for p in start_paths
    }
    for key, p in by_answers.items():
        if role_of(p) != "officer":
            continue
        twin = tuple((t, q, "special" if a == "officer" else a) for t, q, a in key)
        assert by_answers[twin].outcome == p.outcome, key


def test_role_questions_offer_every_role(shipped) -> None:
    for tree in shipped.trees.values():
        for q in tree.questions.values():
            ids = {a.id for a in q.answers}
            if ids & ROLES:
                assert ids == ROLES, f"{tree.id}:{q.id}"


def test_supervisor_outcomes_rest_on_doubt_or_on_a_clause_that_names_a_supervisor(shipped) -> None:
    clauses = shipped.sources["wmp-foi-177a-22"].clauses
    unfounded, unsaid = [], []
    for tree in shipped.trees.values():
        for o in tree.outcomes.values():
            if o.verdict == "speak_to_supervisor":
                if not (
                    "if-in-doubt" in o.cite or any("supervisor" in clauses[c].text for c in o.cite)
                ):
                    unfounded.append(f"{tree.id}:{o.id}")
                if "supervisor" not in o.advice:
                    unsaid.append(f"{tree.id}:{o.id}")
    assert (unfounded, unsaid) == ([], [])


def test_corporate_comms_outcomes_cite_the_clause_that_gives_them_the_decision(shipped) -> None:
    for tree in shipped.trees.values():
        for o in tree.outcomes.values():
            if o.verdict == "refer_corporate_comms":
                assert "political-statements" in o.cite, f"{tree.id}:{o.id}"
                assert "Corporate Communications" in o.advice, f"{tree.id}:{o.id}"


def test_no_outcome_cites_a_clause_twice_and_titles_are_short(shipped) -> None:
    twice = [
        f"{t.id}:{o.id}"
        for t in shipped.trees.values()
        for o in t.outcomes.values()
        if len(set(o.cite)) != len(o.cite)
    ]
    long_titles = [
        f"{t.id}:{o.id}: {o.title}"
        for t in shipped.trees.values()
        for o in t.outcomes.values()
        if len(o.title.split()) > 10
    ]
    assert (twice, long_titles) == ([], [])


TERMS = {  # a term a new PCSO may not know -> words its help must contain
    "candidate": "standing for election",
    "on duty": "on duty means",
    "politically restricted": "politically restricted by law",
    "official account": "run for west midlands police",
    "posed": "staged",
    "which of these are you": "special constable is",
}


def test_every_term_that_needs_help_has_it(shipped) -> None:
    missing = [
        f"{tree.id}:{q.id} needs help on '{term}'"
        for tree in shipped.trees.values()
        for q in tree.questions.values()
        for term, explained in TERMS.items()
        if term in q.text.lower() and explained not in q.help.lower()
    ]
    assert missing == []


def test_answers_within_a_question_read_differently(shipped) -> None:
    for tree in shipped.trees.values():
        for q in tree.questions.values():
            labels = [a.label.lower() for a in q.answers]
            assert len(set(labels)) == len(labels), f"{tree.id}:{q.id}"


def test_questions_where_a_user_may_not_know_offer_not_sure(shipped) -> None:
    wanted = {
        ("photos", "candidate_present"),
        ("photos", "staged"),
        ("photos", "on_duty"),
        ("photos", "as_police"),
        ("social-media", "account"),
        ("social-media", "mentions_employer"),
        ("social-media", "routine_check"),
        ("campaigning", "restricted_post"),
        ("campaigning", "through_job"),
        ("campaigning", "campaign_on_duty"),
        ("complaints", "on_behalf"),
        ("station-visits", "purpose"),
        ("badges", "what"),
        ("badges", "on_duty"),
        ("events", "kind"),
        ("events", "listen_on_duty"),
        ("force-output", "what"),
        ("force-output", "routine_check"),
        ("force-output", "pcc_what"),
    }
    for tree_id, q_id in wanted:
        q = shipped.trees[tree_id].questions[q_id]
        assert "not_sure" in {a.id for a in q.answers}, f"{tree_id}:{q_id}"
