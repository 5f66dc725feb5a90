"""Every problem in a mangled tree names its file, line and column, in one line, with control
characters escaped (issue 18, item 14)."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.helpers import GOOD_TREE, SOURCE
from wizard.core.documents import parse_source, parse_tree
from wizard.core.problems import Problem
from wizard.core.yamlread import read_yaml

CONTROLS = [
    "\x00",
    "\x1b",
    "\x1b[2J",
    "\x07",
    "\x08",
    "\x7f",
    "\x85",
    "\x9b",
    "\u2028",
    "\u202e",
    "\r",
    "\x0c",
]


def one_clean_line(p: Problem) -> bool:
    """What reaches the terminal: one line, no control character a terminal would act on."""
    text = str(p)
    return not any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in text)


def only(data: str | bytes) -> Problem:
    content, problems = read_yaml(data, "f.yaml")
    assert content is None and len(problems) == 1, problems
    return problems[0]


def test_bytes_that_are_not_utf8_are_placed_by_line_and_column():
    p = only(b"id: t\ntitle: ok\nsummary: caf\xe9 au lait\n")
    assert (p.line, p.column) == (3, 13)
    assert "not UTF-8" in p.message and "\\xe9" in p.message


def test_a_control_character_is_placed_and_escaped_on_one_line():
    p = only("id: t\ntitle: caf\u00e9 \x1b[2J\n".encode())
    assert (p.line, p.column) == (2, 13)
    assert "\\x1b" in str(p) and "\x1b" not in str(p)
    assert "\n" not in str(p)


def test_a_nul_byte_is_placed():
    p = only(b"id: t\ntitle: x\x00y\n")
    assert (p.line, p.column) == (2, 9)
    assert "\\x00" in p.message


def test_nesting_too_deep_is_placed():
    text = "a:\n" + "".join("  " * i + "-\n" for i in range(1, 600))
    p = only(text)
    assert p.line > 1 and p.column > 1
    assert "nested too deeply" in p.message

    flow = only("a: " + "[" * 700 + "]" * 700 + "\n")
    assert flow.line == 1 and flow.column > 1


def test_control_characters_written_as_yaml_escapes_are_escaped_in_messages():
    tree = GOOD_TREE + '"\\e[2J\\0\\x85": 1\n'
    _, problems = parse_tree(tree, "t.yaml")
    unknown = [p for p in problems if "unknown field" in p.message]
    assert len(unknown) == 1 and unknown[0].line > 0
    assert "\\x1b[2J\\x00\\x85" in str(unknown[0])
    assert all(one_clean_line(p) for p in problems)


def test_a_long_value_is_quoted_as_one_short_line():
    _, problems = parse_tree("- " + "word " * 200 + "\n- second line\n", "t.yaml")
    assert len(str(problems[0])) < 200


@st.composite
def with_controls(draw) -> str:
    text = draw(st.sampled_from([GOOD_TREE, SOURCE]))
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(text)))
        bit = draw(
            st.one_of(
                st.sampled_from(CONTROLS),
                st.text(max_size=3),
                st.sampled_from(['"\\e"', '"\\0"', "[[[[", "- - - -", ": :"]),
            )
        )
        text = text[:pos] + bit + text[pos:]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(with_controls())
def test_every_problem_of_a_mangled_file_has_a_line_and_column_and_is_one_clean_line(text):
    for parse in (parse_tree, parse_source):
        _, problems = parse(text, "m.yaml")
        for p in problems:
            assert p.line >= 1 and p.column >= 1, p
            assert one_clean_line(p), p


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_every_problem_of_random_bytes_has_a_line_and_column(data):
    _, problems = parse_tree(data, "b.yaml")
    for p in problems:
        assert p.line >= 1 and p.column >= 1, p
        assert one_clean_line(p), p
