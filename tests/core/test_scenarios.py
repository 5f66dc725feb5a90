"""Training scenarios: they parse, walk the trees, and fail loudly on the line that is wrong."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from wizard.cli.main import main
from wizard.core.problems import Problem
from wizard.core.scenarios import PERSONS, Parting, add_scenarios, parse_scenario, parting
from wizard.core.walk import Walk
from wizard.library.folder import load_folder

GOOD = """\
id: posed
title: A handshake photo
person: officer
tree: photos
story: A candidate asks you to shake hands for the camera.
answers:
  - candidate_present: "yes"
  - staged: "yes"
verdict: do_not
outcome: do_not_pose
discussion:
  - Why does a posed photo look like support?
"""


def problems_of(example_catalog, text: str, name: str = "s.yaml") -> list[Problem]:
    """Check one scenario text against the example trees; return its problems."""
    add_scenarios(example_catalog, [(name, textwrap.dedent(text).encode())])
    return [p for p in example_catalog.problems if p.file == name]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_fixture_scenarios_load_and_reach_their_verdicts(example_catalog):
    assert example_catalog.failed_scenarios == {}
    assert sorted(example_catalog.scenarios) == [
        "crowd-filming",
        "posed-photo",
        "something-else",
        "unsure-where-to-start",
    ]
    for s in example_catalog.scenarios.values():
        walk = s.walk(example_catalog)
        assert walk.outcome is not None and walk.outcome.verdict == s.verdict
        assert s.person in PERSONS and s.discussion


def test_scenario_fields_are_kept_as_written(example_catalog):
    s = example_catalog.scenarios["unsure-where-to-start"]
    assert s.title == "Not sure if the photo was posed"
    assert s.person_label == "Police staff"
    assert s.story.startswith("A member of police staff")
    assert [(a.question, a.answer) for a in s.answers] == [
        ("about", "photo"),
        ("candidate_present", "yes"),
        ("photos:staged", "not_sure"),
    ]
    assert s.outcome == "photos:supervisor"
    assert s.path(example_catalog) == [
        ("start", "about"),
        ("photos", "candidate_present"),
        ("photos", "staged"),
        ("photos", "supervisor"),
    ]


def test_a_good_scenario_has_no_problems(example_catalog):
    assert problems_of(example_catalog, GOOD) == []
    assert "posed" in example_catalog.scenarios


def test_wrong_expected_verdict_is_an_error_on_the_verdict_line(example_catalog):
    text = GOOD.replace("verdict: do_not", "verdict: acceptable")
    text = text.replace("outcome: do_not_pose\n", "")
    [p] = problems_of(example_catalog, text)
    assert (p.file, p.line, p.column) == ("s.yaml", line_of(text, "verdict:"), 10)
    assert "expected verdict 'acceptable' but the walk reaches 'do_not'" in p.message
    assert "photos:do_not_pose" in p.message and "verdict: do_not" in p.hint
    assert "posed" not in example_catalog.scenarios
    assert list(example_catalog.failed_scenarios) == ["s.yaml"]


def test_wrong_expected_outcome_is_an_error_on_the_outcome_line(example_catalog):
    text = GOOD.replace("outcome: do_not_pose", "outcome: fine")
    [p] = problems_of(example_catalog, text)
    assert p.line == line_of(text, "outcome:")
    assert "expected the outcome 'fine'" in p.message


def test_unknown_answer_is_an_error_on_its_line_with_the_choices(example_catalog):
    text = GOOD.replace('staged: "yes"', "staged: maybe")
    [p] = problems_of(example_catalog, text)
    assert p.line == line_of(text, "staged: maybe")
    assert "the question 'staged' has no answer 'maybe'" in p.message
    assert "not_sure" in p.hint


def test_answering_a_question_the_walk_is_not_at_is_an_error(example_catalog):
    text = GOOD.replace('  - staged: "yes"', '  - candidate_here: "yes"')
    [p] = problems_of(example_catalog, text)
    assert p.line == line_of(text, "candidate_here")
    assert "stands at the question 'staged'" in p.message
    assert "answer 'staged' on this line" in p.hint


def test_unknown_tree_is_an_error_on_the_tree_line(example_catalog):
    text = GOOD.replace("tree: photos", "tree: photo")
    [p] = problems_of(example_catalog, text)
    assert p.line == line_of(text, "tree: photo")
    assert "'photo', which is not loaded" in p.message and "did you mean 'photos'" in p.hint


def test_walk_that_stops_short_is_an_error_naming_the_next_question(example_catalog):
    text = GOOD.replace('  - staged: "yes"\n', "")
    [p] = problems_of(example_catalog, text)
    assert p.line == line_of(text, "candidate_present")
    assert "stop at the question 'staged'" in p.message
    assert "- staged: ANSWER" in p.hint


def test_answers_after_the_outcome_are_an_error(example_catalog):
    text = GOOD.replace('  - staged: "yes"\n', '  - staged: "yes"\n  - staged: "no"\n')
    [p] = problems_of(example_catalog, text)
    assert p.line == line_of(text, 'staged: "no"')
    assert "already reached the outcome 'do_not_pose'" in p.message


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ("person: officer", "person: sergeant", "person:", "the person 'sergeant' is not one"),
        ("verdict: do_not", "verdict: dont", "verdict:", "the verdict 'dont' is not one"),
        ('staged: "yes"', "staged: yes", "staged: yes", "was read as the boolean true"),
        (
            '  - staged: "yes"',
            '  - staged: "yes"\n    extra: "no"',
            "staged:",
            "one 'question_id: ",
        ),
        (
            "discussion:\n  - Why does a posed photo look like support?\n",
            "",
            "id:",
            "no 'discussion'",
        ),
        ("title: A handshake photo", "titel: A handshake photo", "titel", "unknown field 'titel'"),
    ],
)
def test_malformed_scenarios_are_errors_with_lines(example_catalog, old, new, needle, message):
    text = GOOD.replace(old, new)
    assert text != GOOD
    problems = problems_of(example_catalog, text)
    assert any(message in p.message and p.line == line_of(text, needle) for p in problems), problems
    assert "posed" not in example_catalog.scenarios


def test_answers_as_a_mapping_is_refused_with_the_list_form_as_hint(example_catalog):
    text = GOOD.replace(
        '  - candidate_present: "yes"\n  - staged: "yes"',
        '  candidate_present: "yes"\n  staged: "yes"',
    )
    [p] = problems_of(example_catalog, text)
    assert "must be a list" in p.message and p.line == line_of(text, "candidate_present")


def test_duplicate_scenario_id_is_an_error(example_catalog):
    problems_of(example_catalog, GOOD, "a.yaml")
    [p] = problems_of(example_catalog, GOOD, "b.yaml")
    assert "already used by a.yaml" in p.message
    assert example_catalog.scenarios["posed"].name == "a.yaml"


def test_yaml_syntax_error_in_a_scenario_is_reported_not_raised(example_catalog):
    [p] = problems_of(example_catalog, "id: x\ntitle: [unclosed\n")
    assert p.line > 0 and "syntax" in p.message


def test_parse_keeps_positions_for_messages():
    s, problems = parse_scenario(GOOD.encode(), "s.yaml")
    assert problems == [] and s is not None
    assert s.field_pos["verdict"].line == line_of(GOOD, "verdict:")
    assert s.answers[1].pos.line == line_of(GOOD, "staged:")


def test_broken_scenario_never_stops_trees_loading(trees: Path):
    (trees / "scenarios" / "bad.yaml").write_text("id: [\n")
    cat = load_folder(trees)
    assert sorted(cat.trees) == ["photos", "start"]
    assert str(trees / "scenarios" / "bad.yaml") in cat.failed_scenarios
    assert cat.failed == {}
    assert len(cat.scenarios) == 4


def test_validate_reports_a_changed_verdict_with_file_and_line(trees: Path, capsys):
    """A change of guidance that alters a scenario's verdict fails loudly."""
    photos = trees / "photos.yaml"
    photos.write_text(photos.read_text().replace("verdict: do_not\n", "verdict: acceptable\n"))
    assert main(["validate", str(trees)]) == 1
    out = capsys.readouterr().out
    scenario = trees / "scenarios" / "posed-photo.yaml"
    line = line_of(scenario.read_text(), "verdict:")
    expected = f"{scenario}:{line}:10: expected verdict 'do_not' but the walk reaches 'acceptable'"
    assert expected in out


def test_validate_one_scenario_file(trees: Path, capsys):
    bad = trees / "scenarios" / "bad.yaml"
    bad.write_text(GOOD.replace("tree: photos", "tree: nowhere"))
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:4:7: the scenario starts in the tree 'nowhere'" in out
    assert main(["validate", str(trees / "scenarios" / "posed-photo.yaml")]) == 0


def test_parting_finds_where_a_trainee_left_the_expected_path(example_catalog):
    scenario = example_catalog.scenarios["unsure-where-to-start"]
    trainee = Walk(example_catalog, "start")
    for answer in ("photo", "yes", "yes"):
        trainee.answer(answer)
    assert parting(example_catalog, scenario, trainee.steps) == Parting(
        2, ("photos", "staged"), "not_sure", "yes"
    )
    assert parting(example_catalog, scenario, trainee.steps[:2]) is None
    assert parting(example_catalog, scenario, scenario.walk(example_catalog).steps) is None


ROLE_TREE = """\
id: roles
title: Roles
summary: Who are you?
version: "1.0"
effective: 2026-01-01
source: src
questions:
  - id: role
    text: Which of these are you?
    answers:
      - {id: officer, label: A police officer, next: o1}
      - {id: special, label: A special constable, next: o1}
      - {id: pcso, label: A PCSO, next: o2}
      - {id: staff, label: Police staff, next: o2}
outcomes:
  - {id: o1, verdict: do_not, title: Not allowed, advice: Don't., cite: [c1]}
  - {id: o2, verdict: acceptable, title: Fine, advice: Go ahead., cite: [c2]}
"""

ROLE_SCENARIO = """\
id: who
title: Who am I?
person: pcso
tree: roles
story: A PCSO asks.
answers:
  - role: pcso
verdict: acceptable
discussion:
  - Roles matter.
"""


def test_a_role_answer_must_agree_with_the_scenarios_person():
    from tests.core.helpers import catalog

    cat = catalog(ROLE_TREE)
    add_scenarios(cat, [("ok.yaml", ROLE_SCENARIO.encode())])
    assert "who" in cat.scenarios and cat.problems == []
    wrong = ROLE_SCENARIO.replace("person: pcso", "person: staff").replace("id: who", "id: who2")
    add_scenarios(cat, [("wrong.yaml", wrong.encode())])
    [p] = [p for p in cat.problems if p.file == "wrong.yaml"]
    assert (p.line, p.column) == (line_of(wrong, "- role:"), 11)
    assert "person is 'staff' (Police staff) but this answer says 'pcso' (PCSO)" in p.message
    assert "answer 'staff' here" in p.hint
    assert "who2" not in cat.scenarios
