"""Shared questions (trees/questions/): defined once, asked by trees with `ask:`, resolved by the
catalog; an answer given once is offered pre-selected wherever the question is asked again."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.core.helpers import SOURCE, line_of
from wizard.cli.main import main as cli_main
from wizard.core.catalog import Catalog, load_catalog
from wizard.core.parsed import ParsedDocuments
from wizard.core.problems import Problem
from wizard.core.transcript import Transcript
from wizard.core.walk import Walk
from wizard.library.folder import folder_of, load_folder

SHARED_TREES = FIXTURES / "shared"
QUESTIONS_FILE = "trees/questions/people.yaml"
QUESTIONS = textwrap.dedent("""\
    questions:
      - id: on_duty
        text: Would you be on duty?
        help: On duty means working.
        answers:
          - id: "yes"
            label: "Yes: on duty"
          - id: "no"
            label: "No: off duty"
            explain: In your own time.
          - id: not_sure
            label: I'm not sure
      - id: role
        text: Which of these are you?
        answers:
          - id: officer
            label: A police officer
          - id: staff
            label: Police staff
    """)
TREE = textwrap.dedent("""\
    id: t
    title: Test tree
    summary: A test.
    version: "1.0"
    effective: 2026-01-01
    source: src
    questions:
      - id: duty
        ask: on_duty
        answers:
          - {id: "no", next: o1}
          - {id: "yes", next: o2}
          - {id: not_sure, next: o2}
    outcomes:
      - id: o1
        verdict: acceptable
        title: Fine
        advice: Go ahead.
        cite: [c1]
      - id: o2
        verdict: do_not
        title: Not allowed
        advice: Don't.
        cite: [c2]
    """)
OTHER_TREE = TREE.replace("id: t\n", "id: other\n")


def load(*trees: str, questions: tuple[str, ...] = (QUESTIONS,)) -> Catalog:
    names = [QUESTIONS_FILE, *(f"trees/questions/more{i}.yaml" for i in range(1, 9))]
    return load_catalog(
        [(f"tree{i}.yaml", t.encode()) for i, t in enumerate(trees)],
        [("src.yaml", SOURCE.encode())],
        None,
        [(names[i], q.encode()) for i, q in enumerate(questions)],
    )


def only(problems: list[Problem], fragment: str) -> Problem:
    found = [p for p in problems if fragment in p.message]
    assert len(found) == 1, f"expected one problem with {fragment!r}: {[str(p) for p in problems]}"
    return found[0]


# -- resolving
def test_a_question_that_asks_takes_the_definitions_words_in_its_order():
    cat = load(TREE)
    assert cat.problems == []
    q = cat.trees["t"].questions["duty"]
    assert (q.id, q.shared, q.text, q.help) == (
        "duty",
        "on_duty",
        "Would you be on duty?",
        "On duty means working.",
    )
    assert [(a.id, a.label, a.explain, a.next) for a in q.answers] == [
        ("yes", "Yes: on duty", "", "o2"),
        ("no", "No: off duty", "In your own time.", "o1"),
        ("not_sure", "I'm not sure", "", "o2"),
    ]


def test_the_fixture_folder_loads_with_its_shared_questions():
    cat = load_folder(SHARED_TREES)
    assert cat.problems == []
    assert sorted(cat.questions) == ["on_duty", "restricted_post", "role"]
    assert cat.trees["photos"].questions["who"].text == "Which of these are you?"


def test_the_shipped_definitions_load_cleanly():
    cat = load_folder(Path(__file__).parents[2] / "trees")
    assert [p for p in cat.problems if "questions" in p.file] == []
    role = cat.questions["role"]
    assert [a.id for a in role.answers] == ["officer", "special", "pcc_staff", "pcso", "staff"]
    assert [a.id for a in cat.questions["on_duty"].answers] == ["yes", "no", "not_sure"]
    assert [a.id for a in cat.questions["restricted_post"].answers] == ["yes", "no", "not_sure"]


# -- what the validator reports in a tree that asks
def test_text_written_beside_ask_is_an_error_naming_the_definitions_file():
    text = TREE.replace("    ask: on_duty\n", "    ask: on_duty\n    text: On duty?\n")
    cat = load(text, OTHER_TREE)
    p = only(cat.problems, "'text' of question 'duty'")
    assert f"comes from the shared question 'on_duty' in {QUESTIONS_FILE}: remove it" in p.message
    assert (p.file, p.line, p.column) == ("tree0.yaml", line_of(text, "text: On duty?"), 5)
    assert p.hint
    assert "t" not in cat.trees and "tree0.yaml" in cat.failed
    assert "other" in cat.trees  # every other tree still loads


def test_a_label_or_explain_written_on_a_routed_answer_is_an_error():
    text = TREE.replace('{id: "no", next: o1}', '{id: "no", label: Away, explain: Why, next: o1}')
    ps = load(text).problems
    label = only(ps, "'label' of answer 'no' of question 'duty'")
    explain = only(ps, "'explain' of answer 'no' of question 'duty'")
    assert label.line == explain.line == line_of(text, "label: Away")
    assert "remove it" in label.message and QUESTIONS_FILE in explain.message


def test_an_answer_of_the_definition_not_routed_is_named():
    text = TREE.replace("      - {id: not_sure, next: o2}\n", "")
    cat = load(text)
    p = only(cat.problems, "does not route the answer 'not_sure'")
    assert (p.file, p.line) == ("tree0.yaml", line_of(text, "ask: on_duty"))
    assert "add" in p.hint and "not_sure" in p.hint
    assert cat.trees == {}


def test_an_answer_the_definition_lacks_gets_a_suggestion():
    text = TREE.replace("{id: not_sure, next: o2}", "{id: not_shure, next: o2}")
    ps = load(text).problems
    p = only(ps, "answer 'not_shure' of question 'duty' is no answer of the shared question")
    assert p.line == line_of(text, "not_shure")
    assert "did you mean 'not_sure'?" in p.hint
    assert "yes, no, not_sure" in p.hint
    only(ps, "does not route the answer 'not_sure'")


def test_an_unknown_ask_lists_the_known_shared_questions():
    text = TREE.replace("ask: on_duty", "ask: on_dooty")
    p = only(load(text, OTHER_TREE).problems, "asks the shared question 'on_dooty'")
    assert (p.file, p.line, p.column) == ("tree0.yaml", line_of(text, "ask: on_dooty"), 10)
    assert "did you mean 'on_duty'?" in p.hint
    assert "on_duty, role" in p.hint


def test_an_ask_with_no_shared_questions_loaded_says_where_to_define_them():
    p = only(load(TREE, questions=()).problems, "asks the shared question 'on_duty'")
    assert "trees/questions/" in p.hint


def test_a_question_without_ask_still_needs_its_text():
    text = TREE.replace("    ask: on_duty\n", "")
    ps = load(text).problems
    p = only(ps, "question 'duty' has no 'text'")
    assert p.line == line_of(text, "- id: duty")
    assert "'ask:'" in p.hint


def test_every_tree_problem_reads_as_file_line_column_with_a_hint():
    text = TREE.replace("ask: on_duty", "ask: on_dooty")
    assert str(only(load(text).problems, "on_dooty")).startswith(
        f"tree0.yaml:{line_of(text, 'ask: on_dooty')}:10: question 'duty' asks"
    )


# -- what the validator reports in a questions file
def test_a_definitions_answer_that_leads_somewhere_is_an_error():
    text = QUESTIONS.replace('label: "Yes: on duty"', 'label: "Yes: on duty"\n        next: o1')
    cat = load(TREE, questions=(text,))
    p = only(cat.problems, "has 'next:'")
    assert (p.file, p.line) == (QUESTIONS_FILE, line_of(text, "next: o1"))
    assert "route" in p.hint
    assert cat.questions == {} and QUESTIONS_FILE in cat.failed
    assert "t" not in cat.trees  # it asks a question whose file is broken


def test_a_definition_needs_text_and_two_answers():
    text = QUESTIONS.replace("    text: Which of these are you?\n", "").replace(
        "      - id: staff\n        label: Police staff\n", ""
    )
    ps = load(questions=(text,)).problems
    assert only(ps, "shared question 'role' has no 'text'").line == line_of(text, "- id: role")
    assert only(ps, "has 1 answer(s)").file == QUESTIONS_FILE


def test_a_shared_question_defined_in_two_files_is_an_error_in_the_second():
    second = (
        "questions:\n  - id: role\n    text: Who?\n    answers:\n"
        "      - {id: a, label: A}\n      - {id: b, label: B}\n"
    )
    cat = load(TREE, questions=(QUESTIONS, second))
    p = only(cat.problems, "the shared question 'role' is already defined in")
    assert (p.file, p.line) == ("trees/questions/more1.yaml", 2)
    assert QUESTIONS_FILE in p.message
    assert [a.id for a in cat.questions["role"].answers] == ["officer", "staff"]
    assert "t" in cat.trees


def test_an_unknown_field_in_a_questions_file_gets_a_suggestion():
    text = QUESTIONS.replace("    help: On duty", "    hlep: On duty")
    p = only(load(questions=(text,)).problems, "unknown field 'hlep'")
    assert p.line == line_of(text, "hlep:") and "help" in p.hint


# -- folders, the command line and the start-up cache
def test_validate_takes_a_questions_file_like_a_source_file(tmp_path, capsys):
    folder = tmp_path / "trees"
    shutil.copytree(SHARED_TREES, folder)
    people = folder / "questions" / "people.yaml"
    assert folder_of(people) == folder
    assert cli_main(["validate", str(people)]) == 0
    text = people.read_text().replace("label: A PCSO", "label: A PCSO\n        tree: photos")
    people.write_text(text)
    assert cli_main(["validate", str(people)]) == 1
    out = capsys.readouterr().out
    assert f"{people}:{line_of(text, 'tree: photos')}:9: answer 'pcso'" in out


def test_the_parsed_trees_cache_holds_the_questions_files():
    parsed = ParsedDocuments()
    fresh = load_folder(SHARED_TREES, parsed=parsed)
    people = (SHARED_TREES / "questions" / "people.yaml").read_bytes()
    assert parsed.get(people) is not None
    again = ParsedDocuments(json.loads(json.dumps(parsed.in_use())))
    cached = load_folder(SHARED_TREES, parsed=again)
    assert again.added == 0
    assert cached.questions == fresh.questions and cached.trees == fresh.trees


# -- walks: the answer given once is offered again, never applied
def test_a_walk_across_two_trees_offers_the_shared_answer_preselected():
    cat = load_folder(SHARED_TREES)
    walk = Walk(cat, "photos")
    assert walk.remembered_answer() is None
    walk.answer("pcso")
    walk.change(0)
    walk.answer("officer")
    walk.answer("no")  # off duty: into the campaigning tree
    assert walk.position == ("campaigning", "campaign_role")
    assert walk.remembered_answer() == "officer"
    assert len(walk.steps) == 2  # offered, not applied
    walk.answer("officer")
    assert walk.position == ("campaigning", "canvass_duty")
    assert walk.remembered_answer() == "no"


def test_a_new_walk_offers_answers_carried_in_and_restart_keeps_only_those():
    cat = load_folder(SHARED_TREES)
    first = Walk(cat, "photos")
    first.answer("staff")
    second = Walk(cat, "campaigning", carried=first.shared_answers())
    assert second.remembered_answer() == "staff"
    second.answer("officer")
    second.answer("yes")
    assert second.shared_answers() == {"role": "officer", "on_duty": "yes"}
    second.restart()
    assert second.shared_answers() == {"role": "staff"}
    assert second.remembered_answer() == "staff"
    fresh = Walk(cat, "campaigning")
    assert fresh.remembered_answer() is None


def test_a_question_asked_again_in_its_own_place_offers_its_own_answer_first():
    cat = load_folder(SHARED_TREES)
    walk = Walk(cat, "campaigning", carried={"role": "staff"})
    walk.answer("officer")
    walk.back()
    assert walk.remembered_answer() == "officer"


def test_the_transcript_records_the_shared_question_asked():
    cat = load_folder(SHARED_TREES)
    walk = Walk(cat, "photos")
    walk.answer("officer")
    walk.answer("yes")
    steps = walk.transcript().steps
    assert [(s.question_id, s.shared, s.question) for s in steps] == [
        ("who", "role", "Which of these are you?"),
        ("photo_duty", "on_duty", "Would you be on duty, at work or in uniform at the time?"),
    ]
    again = Transcript.from_json(walk.transcript().to_json())
    assert again.steps == steps


def test_an_old_transcript_without_shared_still_loads():
    cat = load_folder(SHARED_TREES)
    walk = Walk(cat, "photos")
    walk.answer("officer")
    walk.answer("yes")
    data = walk.transcript().to_dict()
    for step in data["steps"]:
        del step["shared"]
    old = Transcript.from_dict(data)
    assert [s.shared for s in old.steps] == ["", ""]
    assert old.steps[0].answer == "A police officer"


@pytest.mark.parametrize("tree_id", ["photos", "campaigning"])
def test_every_path_of_the_fixture_trees_ends_at_an_outcome(tree_id):
    from wizard.core.paths import all_paths

    paths = all_paths(load_folder(SHARED_TREES), tree_id)
    assert paths and all(p.outcome is not None for p in paths)
