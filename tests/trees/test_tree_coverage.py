"""The shipped trees load cleanly, reach every node from the start tree, cite every clause, and
keep the promises the guidance makes by role and verdict."""

from __future__ import annotations

import pytest

from wizard.core.catalog import Catalog
from wizard.core.model import Outcome
from wizard.core.paths import Path, all_paths

TOPICS = {"photos", "social-media", "talking-politics", "station-visits", "complaints",
          "statements", "badges", "campaigning"}
ROLES = {"officer", "special", "pcso", "staff"}
WARRANTED = {"officer", "special"}
MAX_QUESTIONS = 6  # from the start tree; about a minute for a user


def nodes(catalog: Catalog) -> set[tuple[str, str]]:
    return {(t.id, n) for t in catalog.trees.values() for n in [*t.questions, *t.outcomes]}


def reached(paths: list[Path]) -> set[tuple[str, str]]:
    out = set()
    for p in paths:
        out |= {(s.tree_id, s.question.id) for s in p.steps}
        out.add((p.tree_id, p.outcome.id))
    return out


def outcome_of(catalog: Catalog, p: Path) -> Outcome:
    assert p.outcome is not None, p.broken
    return p.outcome


def role_of(p: Path) -> str | None:
    """The role the user gave on this path, if any question asked it."""
    return next((s.answer.id for s in p.steps if s.answer.id in ROLES), None)


@pytest.fixture(scope="module")
def start_paths(shipped) -> list[Path]:
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


def test_the_start_tree_routes_into_every_topic(shipped) -> None:
    about = shipped.trees["start"].questions["about"]
    assert {a.tree for a in about.answers if a.tree} == TOPICS
    other = [a for a in about.answers if a.tree is None]
    assert len(other) == 1
    assert shipped.trees["start"].outcomes[other[0].next].verdict == "speak_to_supervisor"


def test_every_clause_is_cited_on_some_path_from_the_start_tree(shipped, start_paths) -> None:
    cited = {c for p in start_paths for c in outcome_of(shipped, p).cite}
    assert cited == set(shipped.sources["wmp-foi-177a-22"].clauses)


def test_every_verdict_is_used(shipped, start_paths) -> None:
    from wizard.core.verdicts import VERDICTS

    assert {outcome_of(shipped, p).verdict for p in start_paths} == set(VERDICTS)


def test_a_user_finishes_within_a_few_questions(start_paths) -> None:
    longest = max(start_paths, key=lambda p: len(p.steps))
    assert len(longest.steps) <= MAX_QUESTIONS, [s.question.id for s in longest.steps]


def test_criminal_offence_only_for_warranted_officers(shipped, start_paths) -> None:
    """The offence is "limited to warranted officers": no PCSO or member of staff is told it."""
    for p in start_paths:
        o = outcome_of(shipped, p)
        if o.verdict == "criminal_offence":
            assert role_of(p) in WARRANTED, [s.answer.id for s in p.steps]
            assert "criminal-offence" in o.cite
    staff_verdicts = {outcome_of(shipped, p).verdict for p in start_paths
                      if role_of(p) in {"pcso", "staff"}}
    assert "criminal_offence" not in staff_verdicts


def test_officers_and_specials_are_always_told_the_same(shipped, start_paths) -> None:
    """The guidance treats specials as officers: swapping the role never changes the outcome."""
    by_answers = {tuple((s.tree_id, s.question.id, s.answer.id) for s in p.steps): p
                  for p in start_paths}
    for key, p in by_answers.items():
        if role_of(p) != "officer":
            continue
        twin = tuple((t, q, "special" if a == "officer" else a) for t, q, a in key)
        assert by_answers[twin].outcome == p.outcome, key


def test_role_questions_offer_all_four_roles(shipped) -> None:
    for tree in shipped.trees.values():
        for q in tree.questions.values():
            ids = {a.id for a in q.answers}
            if ids & ROLES:
                assert ids == ROLES, f"{tree.id}:{q.id}"


def test_supervisor_outcomes_rest_on_doubt_or_on_a_clause_that_names_a_supervisor(shipped) -> None:
    clauses = shipped.sources["wmp-foi-177a-22"].clauses
    for tree in shipped.trees.values():
        for o in tree.outcomes.values():
            if o.verdict == "speak_to_supervisor":
                assert "if-in-doubt" in o.cite or any(
                    "supervisor" in clauses[c].text for c in o.cite), f"{tree.id}:{o.id}"
                assert "supervisor" in o.advice, f"{tree.id}:{o.id}"


def test_corporate_comms_outcomes_cite_the_clause_that_gives_them_the_decision(shipped) -> None:
    for tree in shipped.trees.values():
        for o in tree.outcomes.values():
            if o.verdict == "refer_corporate_comms":
                assert "political-statements" in o.cite, f"{tree.id}:{o.id}"
                assert "Corporate Communications" in o.advice, f"{tree.id}:{o.id}"


def test_no_outcome_cites_a_clause_twice_and_titles_are_short(shipped) -> None:
    for tree in shipped.trees.values():
        for o in tree.outcomes.values():
            assert len(set(o.cite)) == len(o.cite), f"{tree.id}:{o.id}"
            assert len(o.title.split()) <= 10, f"{tree.id}:{o.id}: {o.title}"


TERMS = {  # a term a new PCSO may not know -> words its help must contain
    "candidate": "standing for election",
    "on duty": "on duty means",
    "politically restricted": "politically restricted by law",
    "official account": "run for west midlands police",
    "posed": "staged",
    "which of these are you": "special constable is",
}


def test_every_term_that_needs_help_has_it(shipped) -> None:
    for tree in shipped.trees.values():
        for q in tree.questions.values():
            for term, explained in TERMS.items():
                if term in q.text.lower():
                    assert explained in q.help.lower(), f"{tree.id}:{q.id} needs help on '{term}'"


def test_answers_within_a_question_read_differently(shipped) -> None:
    for tree in shipped.trees.values():
        for q in tree.questions.values():
            labels = [a.label.lower() for a in q.answers]
            assert len(set(labels)) == len(labels), f"{tree.id}:{q.id}"


def test_questions_where_a_user_may_not_know_offer_not_sure(shipped) -> None:
    wanted = {("photos", "candidate_present"), ("photos", "staged"), ("photos", "on_duty"),
              ("social-media", "account"), ("social-media", "mentions_employer"),
              ("campaigning", "restricted_post"), ("campaigning", "persuade_where"),
              ("complaints", "on_behalf"), ("station-visits", "purpose"), ("badges", "what")}
    for tree_id, q_id in wanted:
        q = shipped.trees[tree_id].questions[q_id]
        assert "not_sure" in {a.id for a in q.answers}, f"{tree_id}:{q_id}"
