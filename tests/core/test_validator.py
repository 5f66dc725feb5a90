"""One test per kind of problem the validator must catch, asserting its message and its line."""

from __future__ import annotations

import pytest

from tests.core.helpers import GOOD_TREE, SOURCE, catalog, line_of, problems


def only(ps, fragment: str):
    """The one problem whose message contains `fragment`."""
    found = [p for p in ps if fragment in p.message]
    assert len(found) == 1, f"expected one problem with {fragment!r}, got: {[str(p) for p in ps]}"
    return found[0]


def test_good_tree_has_no_problems():
    cat = catalog(GOOD_TREE)
    assert cat.problems == []
    assert list(cat.trees) == ["t"]


def test_yaml_syntax_error_names_line_and_hint():
    text = GOOD_TREE.replace("text: First?", "text: First: really?")
    p = only(problems(text), "YAML syntax error")
    assert p.line == line_of(text, "First: really?")
    assert "quotes" in p.hint


def test_duplicate_key_is_reported_with_both_lines():
    text = GOOD_TREE.replace('version: "1.0"\n', 'version: "1.0"\nversion: "2.0"\n')
    p = only(problems(text), "duplicate key 'version'")
    assert p.line == line_of(text, 'version: "2.0"')
    first = line_of(text, 'version: "1.0"')
    assert f"line {first}" in p.message


def test_unknown_key_suggests_the_right_one():
    text = GOOD_TREE.replace("    answers:", "    anwsers:")
    ps = problems(text)
    p = only(ps, "unknown field 'anwsers'")
    assert p.line == line_of(text, "anwsers:")
    assert "answers" in p.hint
    assert any("has no 'answers'" in q.message for q in ps)


def test_missing_required_field():
    text = GOOD_TREE.replace("    advice: Go ahead.\n", "")
    p = only(problems(text), "has no 'advice'")
    assert "o1" in p.message
    assert p.line == line_of(text, "- id: o1")


def test_wrong_type_list_expected():
    text = GOOD_TREE.replace("cite: [c1]", "cite: {c1: yes}")
    p = only(problems(text), "must be a list")
    assert p.line == line_of(text, "cite: {c1")


def test_unquoted_yes_is_explained():
    text = GOOD_TREE.replace('- id: "yes"', "- id: yes")
    p = only(problems(text), "boolean true")
    assert p.line == line_of(text, "- id: yes")
    assert '"yes"' in p.hint


def test_unquoted_version_number_is_explained():
    text = GOOD_TREE.replace('version: "1.0"', "version: 1.10")
    p = only(problems(text), "number 1.1")
    assert "quotes" in p.hint


def test_duplicate_node_id():
    text = GOOD_TREE.replace("- id: o2", "- id: o1")
    p = only(problems(text), "the id 'o1' is used twice")
    assert p.line == line_of(text, "verdict: do_not") - 1


def test_duplicate_tree_id_across_files():
    ps = problems(GOOD_TREE, GOOD_TREE)
    p = only(ps, "tree id 't' is already used")
    assert p.file == "tree1.yaml"


def test_answer_to_unknown_node_suggests_close_id():
    text = GOOD_TREE.replace("next: o2", "next: o3")
    p = only(problems(text), "leads to 'o3'")
    assert p.line == line_of(text, '- id: "no"')
    assert "o1" in p.hint or "o2" in p.hint


def test_answer_that_leads_nowhere():
    text = GOOD_TREE.replace("        next: o2\n", "")
    p = only(problems(text), "leads nowhere")
    assert p.line == line_of(text, '- id: "no"')


def test_answer_to_unknown_tree():
    text = GOOD_TREE.replace("next: o2", "tree: elsewhere")
    p = only(problems(text), "tree 'elsewhere', which is not loaded")
    assert p.line == line_of(text, '- id: "no"')
    assert not p.blocking  # the rest of the tree still works


def test_unreachable_node():
    text = GOOD_TREE + (
        "  - id: lonely\n    verdict: do_not\n    title: X\n    advice: Y\n    cite: [c1]\n"
    )
    p = only(problems(text), "no answer leads to the outcome 'lonely'")
    assert p.line == line_of(text, "- id: lonely")


def test_cycle_is_an_error():
    text = GOOD_TREE.replace("next: o2", "next: q2").replace(
        "outcomes:",
        "  - id: q2\n    text: Second?\n    answers:\n      - id: back\n        label: Back\n"
        "        next: q1\n      - id: onward\n        label: Onward\n        next: o2\noutcomes:",
    )
    cat = catalog(text)
    p = only(cat.problems, "makes a loop")
    assert "q1 → q2 → q1" in p.message
    assert p.line == line_of(text, "- id: back")
    assert "t" not in cat.trees  # a tree with a loop cannot be walked safely


def test_question_with_one_answer():
    text = GOOD_TREE.replace('      - id: "no"\n        label: "No"\n        next: o2\n', "")
    p = only(problems(text), "it needs two or more")
    assert p.line == line_of(text, "answers:")


def test_outcome_without_citation():
    text = GOOD_TREE.replace("cite: [c1]", "cite: []")
    p = only(problems(text), "cites no clause")
    assert p.line == line_of(text, "cite: []")


def test_unknown_verdict_lists_the_known_ones():
    text = GOOD_TREE.replace("verdict: acceptable", "verdict: fine_by_me")
    p = only(problems(text), "unknown verdict 'fine_by_me'")
    assert p.line == line_of(text, "fine_by_me")
    assert "speak_to_supervisor" in p.hint


def test_citation_of_missing_clause():
    text = GOOD_TREE.replace("cite: [c2]", "cite: [c2, c9]")
    cat = catalog(text)
    p = only(cat.problems, "cites 'c9'")
    assert p.line == line_of(text, "cite: [c2, c9]")
    assert "t" not in cat.trees


def test_clause_nobody_cites():
    source = SOURCE + "  - id: c3\n    text: Clause three.\n"
    p = only(problems(GOOD_TREE, source=source), "no outcome cites the clause 'c3'")
    assert p.file == "src.yaml"
    assert p.line == line_of(source, "- id: c3")


def test_python_tag_is_refused_not_built():
    text = GOOD_TREE.replace("title: Test tree", "title: !!python/object/apply:os.system [echo hi]")
    p = only(problems(text), "is not allowed")
    assert p.line == line_of(text, "!!python")


def test_unknown_source():
    text = GOOD_TREE.replace("source: src", "source: nothing")
    p = only(problems(text), "source 'nothing' is not loaded")
    assert p.line == line_of(text, "source: nothing")


def test_every_problem_is_reported_not_only_the_first():
    text = (
        GOOD_TREE.replace("verdict: acceptable", "verdict: meh")
        .replace("next: o2", "next: o9")
        .replace("summary: A test.\n", "")
    )
    messages = " | ".join(p.message for p in problems(text))
    for fragment in ("unknown verdict", "leads to 'o9'", "has no 'summary'"):
        assert fragment in messages


def test_broken_tree_does_not_stop_others_loading():
    broken = GOOD_TREE.replace("id: t\n", "id: broken\n").replace("cite: [c1]", "cite: [")
    cat = catalog(GOOD_TREE, broken)
    assert list(cat.trees) == ["t"]
    assert "tree1.yaml" in cat.failed


@pytest.mark.parametrize("text", ["", "just text", "- a\n- b\n", "42"])
def test_file_that_is_not_a_mapping(text):
    mine = [p for p in problems(text) if p.file == "tree0.yaml"]
    assert mine and all(p.blocking for p in mine)


def test_problem_formats_as_file_line_column_with_hint():
    text = GOOD_TREE.replace("verdict: acceptable", "verdict: meh")
    p = only(problems(text), "unknown verdict")
    expected = f"tree0.yaml:{p.line}:{p.column}: outcome 'o1' has the unknown verdict"
    assert str(p).startswith(expected)
    assert "(hint: use one of:" in str(p)
