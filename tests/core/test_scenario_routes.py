"""Multi-route scenarios: one situation reached from several topics gets one verdict, and every
route that disagrees, or cannot be walked, is reported on its own line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wizard.cli.main import main
from wizard.core.catalog import Catalog
from wizard.core.problems import Problem
from wizard.core.scenarios import PERSONS, add_scenarios, parse_scenario
from wizard.library.folder import load_folder

ROUTES = Path(__file__).parent.parent / "fixtures" / "routes"
SCENARIO_FILE = ROUTES / "scenarios" / "hustings-invitation.yaml"
GOOD = SCENARIO_FILE.read_text()
TALKING_ROUTE = """\
      - topic: policing_view
      - talking-politics:setting: hustings
"""


@pytest.fixture
def route_trees() -> Catalog:
    """The three route trees, without their scenario: each test adds its own text."""
    return load_folder(ROUTES, scenarios=False)


def problems_of(cat: Catalog, text: str, name: str = "s.yaml") -> list[Problem]:
    add_scenarios(cat, [(name, text.encode())])
    return [p for p in cat.problems if p.file == name]


def line_of(text: str, needle: str, after: str = "") -> int:
    """The 1-based line of the first line containing `needle` (after the line holding `after`)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines[start:], start + 1) if needle in line)


def test_a_scenario_whose_routes_agree_validates_clean(route_trees):
    assert route_trees.problems == []
    assert problems_of(route_trees, GOOD) == []
    s = route_trees.scenarios["hustings-invitation"]
    assert [(r.tree, r.reached, r.verdict) for r in s.routes] == [
        ("talking-politics", ("talking-politics", "ask"), "speak_to_supervisor"),
        ("statements", ("statements", "careful"), "speak_to_supervisor"),
        ("start", ("talking-politics", "ask"), "speak_to_supervisor"),
    ]
    talking = s.routes[0]
    assert [(a.question, a.answer) for a in talking.answers] == [
        ("topic", "policing_view"),
        ("talking-politics:setting", "hustings"),
    ]
    assert talking.pos.line == line_of(GOOD, "- tree: talking-politics")
    assert s.routes[1].outcome == "careful" and talking.outcome is None
    walk = s.routes[2].walk(route_trees)
    assert [st.tree_id for st in walk.steps] == ["start", "talking-politics", "talking-politics"]


def test_the_routes_fixture_folder_validates_clean():
    assert main(["validate", str(ROUTES)]) == 0


def test_a_route_reaching_another_verdict_is_reported_on_its_line(route_trees):
    text = GOOD.replace(TALKING_ROUTE, TALKING_ROUTE.replace("hustings", "pub"))
    [p] = problems_of(route_trees, text)
    assert (p.line, p.column) == (line_of(text, "- tree: talking-politics"), 5)
    assert "'talking-politics'" in p.message and "'talking-politics:private'" in p.message
    assert "'acceptable'" in p.message and "'speak_to_supervisor'" in p.message
    assert "one verdict" in p.hint
    assert "hustings-invitation" not in route_trees.scenarios
    assert list(route_trees.failed_scenarios) == ["s.yaml"]
    assert sorted(route_trees.trees) == ["start", "statements", "talking-politics"]


def test_a_route_with_a_wrong_answer_id_is_reported_at_that_answer(route_trees):
    text = GOOD.replace(
        "- topic: policing_view\n      - talking", "- topic: policing_views\n      - talking"
    )
    [p] = problems_of(route_trees, text)
    assert p.line == line_of(text, "topic: policing_views")
    assert "the question 'topic' has no answer 'policing_views'" in p.message
    assert "did you mean 'policing_view'" in p.hint
    assert "hustings-invitation" not in route_trees.scenarios


@pytest.mark.parametrize(
    ("old", "new", "needle", "message", "hint"),
    [
        (
            "  - tree: statements",
            "  - tree: statement",
            "tree: statement",
            "the route starts in the tree 'statement', which is not loaded",
            "did you mean 'statements'",
        ),
        (
            "      - medium: meeting",
            "      - topic: meeting",
            "topic: meeting",
            "stands at the question 'medium'",
            "answer 'medium' on this line",
        ),
        (
            "      - medium: meeting",
            "      - medium: meeting\n      - medium: online",
            "medium: online",
            "already reached the outcome 'careful'",
            "delete this line",
        ),
        (
            "      - talking-politics:setting: hustings\n",
            "",
            "topic: policing_view",
            "stop at the question 'setting'",
            "- setting: ANSWER",
        ),
        (
            "    outcome: careful",
            "    outcome: no_statement",
            "outcome: no_statement",
            "expected the outcome 'no_statement'",
            "outcome: careful",
        ),
    ],
)
def test_every_problem_a_route_can_have_is_on_its_line(
    route_trees, old, new, needle, message, hint
):
    text = GOOD.replace(old, new)
    assert text != GOOD
    [p] = problems_of(route_trees, text)
    assert p.line == line_of(text, needle, after="routes:"), p
    assert message in p.message and hint in p.hint, p


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            "  - tree: statements\n    answers:\n      - medium: meeting\n    outcome: careful\n",
            "  - statements\n",
            "- statements",
            "route 2 must be a mapping",
        ),
        (
            "    answers:\n      - medium: meeting\n",
            "",
            "tree: statements",
            "route 2 has no 'answers'",
        ),
        (
            "  - tree: statements\n",
            "  - tre: statements\n",
            "tre: statements",
            "unknown field 'tre' in route 2",
        ),
        (
            "routes:\n  - tree: talking-politics",
            "routes: talking-politics\nx:\n  - tree: t",
            "routes:",
            "'routes' of the scenario must be a list",
        ),
    ],
)
def test_malformed_routes_are_errors_with_lines(route_trees, old, new, needle, message):
    text = GOOD.replace(old, new)
    assert text != GOOD
    problems = problems_of(route_trees, text)
    assert any(message in p.message and p.line == line_of(text, needle) for p in problems), problems
    assert "hustings-invitation" not in route_trees.scenarios


def test_staff_of_the_pcc_is_a_person_a_scenario_may_be_about(route_trees):
    assert PERSONS["pcc_staff"].label == "Staff of the Police and Crime Commissioner's office"
    assert problems_of(route_trees, GOOD.replace("person: officer", "person: pcc_staff")) == []
    assert route_trees.scenarios["hustings-invitation"].person_label.startswith("Staff of the")


def test_a_scenario_without_routes_has_none():
    s, problems = parse_scenario(GOOD.split("routes:")[0] + "discussion:\n  - Why?\n", "s.yaml")
    assert problems == [] and s is not None and s.routes == ()


def test_validate_names_the_route_and_both_verdicts(tmp_path: Path, capsys):
    folder = tmp_path / "routes"
    shutil.copytree(ROUTES, folder)
    scenario = folder / "scenarios" / SCENARIO_FILE.name
    text = GOOD.replace("      - medium: meeting", "      - medium: online")
    scenario.write_text(text.replace("    outcome: careful\n", ""))
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    line = line_of(text, "- tree: statements")
    assert f"{scenario}:{line}:5: the route through the topic 'statements' reaches" in out
    assert "'statements:no_statement'" in out and "'do_not'" in out
    assert "'speak_to_supervisor'" in out
