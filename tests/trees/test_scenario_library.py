"""The training scenarios shipped in trees/scenarios: they all check clean, and between them they
teach every topic, every verdict and every kind of person the guidance treats differently."""

from __future__ import annotations

from wizard.core.scenarios import PERSONS
from wizard.core.verdicts import VERDICTS


def trees_passed(catalog, scenario) -> set[str]:
    return {tree_id for tree_id, _ in scenario.path(catalog)}


def test_every_shipped_scenario_checks_clean(shipped) -> None:
    assert shipped.failed_scenarios == {}
    assert len(shipped.scenarios) >= 15
    for s in shipped.scenarios.values():
        outcome = s.walk(shipped).outcome
        assert outcome is not None and outcome.verdict == s.verdict, s.id
        assert s.outcome is not None, f"{s.id}: name the outcome, so a moved one fails loudly"
        assert 2 <= len(s.discussion) <= 4, s.id


def test_scenarios_cover_every_topic_tree_verdict_and_person(shipped) -> None:
    passed = set().union(*(trees_passed(shipped, s) for s in shipped.scenarios.values()))
    assert passed == set(shipped.trees)
    given = {o.verdict for t in shipped.trees.values() for o in t.outcomes.values()}
    assert {s.verdict for s in shipped.scenarios.values()} == given & set(VERDICTS)
    assert {s.person for s in shipped.scenarios.values()} == set(PERSONS)


def test_most_scenarios_start_at_the_start_and_some_go_straight_to_a_topic(shipped) -> None:
    starts = [s.tree for s in shipped.scenarios.values()]
    from_start = [
        s for s in shipped.scenarios.values() if "start" in (s.tree, *(r.tree for r in s.routes))
    ]
    assert len(from_start) > len(starts) / 2  # the way in for anyone unsure, as route or main
    assert len(set(starts) - {"start"}) >= 3
