"""What the safe YAML reader builds from each kind of YAML node, and what it refuses.

These pin the reader's behaviour so that it can be made faster without changing what it reads.
"""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.core.marked import MarkedDict, MarkedList, Pos
from wizard.core.yamlread import read_yaml


def test_scalars_are_read_as_yaml_1_1_says():
    text = (
        "a: yes\nb: 1.10\nc: 007\nd: ~\ne: 2024-05-02\nf: '1.10'\ng: 0x1F\nh: text\n"
        "i: !!str 123\nj: !!int '5'\nk: !!binary aGVsbG8=\nl: 2024-05-02 10:30:00\n"
    )
    data, problems = read_yaml(text, "f.yaml")
    assert problems == []
    assert data == {
        "a": True,
        "b": 1.1,
        "c": 7,
        "d": None,
        "e": dt.date(2024, 5, 2),
        "f": "1.10",
        "g": 31,
        "h": "text",
        "i": "123",
        "j": 5,
        "k": b"hello",
        "l": dt.datetime(2024, 5, 2, 10, 30),
    }
    assert type(data["h"]) is str


def test_every_mapping_and_list_remembers_where_it_stood():
    data, _ = read_yaml("top:\n  - x\n  - y: 1\n    z: [2, 3]\n", "f.yaml")
    assert isinstance(data, MarkedDict) and data.pos == Pos(1, 1)
    items = data["top"]
    assert isinstance(items, MarkedList)
    assert items.pos == Pos(2, 3) and items.item_pos == [Pos(2, 5), Pos(3, 5)]
    assert items[1].pos == Pos(3, 5)
    assert items[1].key_pos == {"y": Pos(3, 5), "z": Pos(4, 5)}
    assert items[1].value_pos == {"y": Pos(3, 8), "z": Pos(4, 8)}
    assert items[1]["z"].item_pos == [Pos(4, 9), Pos(4, 12)]
    assert items.where(5) == items.pos and items[1].where("nope") == items[1].pos


def test_keys_keep_their_order_and_the_first_of_two_equal_keys_wins():
    data, problems = read_yaml("b: 1\na: 2\nb: 3\n", "f.yaml")
    assert list(data) == ["b", "a"] and data["b"] == 1
    assert [(p.line, p.column) for p in problems] == [(3, 1)]


def test_a_list_or_mapping_as_a_key_is_refused_and_the_rest_is_kept():
    data, problems = read_yaml("? [a, b]\n: 1\n? {c: d}\n: 2\ne: 3\n", "f.yaml")
    assert data == {"e": 3}
    assert [p.line for p in problems] == [1, 3]
    assert all("a key must be a plain word" in p.message for p in problems)


def test_other_keys_are_kept_as_yaml_reads_them():
    data, problems = read_yaml("~: 1\n2: b\nyes: c\n", "f.yaml")
    assert problems == [] and data == {None: 1, 2: "b", True: "c"}


def test_tags_outside_plain_text_lists_and_mappings_are_refused_with_their_place():
    text = "a: !!set {x, y}\nb: !!omap [x: 1]\nc: !foo bar\nd: !!pairs [x: 1]\ne: !bar [1]\n"
    data, problems = read_yaml(text, "f.yaml")
    assert data == {"a": None, "b": None, "c": None, "d": None, "e": None}
    assert [(p.line, p.column) for p in problems] == [(1, 4), (2, 4), (3, 4), (4, 4), (5, 4)]
    assert all("is not allowed in a tree file" in p.message for p in problems)
    assert "'!foo'" in problems[2].message


def test_explicit_standard_tags_on_lists_and_mappings_are_fine():
    data, problems = read_yaml("a: !!map {x: 1}\nb: !!seq [1]\n", "f.yaml")
    assert problems == [] and data == {"a": {"x": 1}, "b": [1]}
    assert isinstance(data["a"], MarkedDict) and isinstance(data["b"], MarkedList)


def test_a_value_python_cannot_build_is_a_problem_and_none():
    data, problems = read_yaml("a: 2024-13-45\nb: ok\n", "f.yaml")
    assert data == {"a": None, "b": "ok"}
    assert (problems[0].line, problems[0].column) == (1, 4)
    assert "cannot read this value" in problems[0].message and "quotes" in problems[0].hint


def test_an_alias_gives_the_anchored_value():
    data, problems = read_yaml("a: &x {k: [1, 2]}\nb: *x\nc: &s text\nd: *s\n", "f.yaml")
    assert problems == []
    assert data["b"] == {"k": [1, 2]} and data["d"] == "text"


def test_many_aliases_to_one_anchor_do_not_multiply_the_work():
    # "billion laughs": 9 levels of 9 aliases would be 387 million strings if each were copied
    lines = ['l0: &l0 "lol"']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
    data, problems = read_yaml("\n".join(lines) + "\n", "f.yaml")
    assert problems == []
    assert data["l9"][0] is data["l9"][8] and data["l9"][0] is data["l8"]


def test_merge_keys_bring_in_the_anchored_mapping():
    data, problems = read_yaml("base: &b {k: 1, j: 2}\nd:\n  <<: *b\n  m: 3\n", "f.yaml")
    assert problems == [] and data["d"] == {"k": 1, "j": 2, "m": 3}


def test_a_bad_merge_is_a_problem_at_its_place():
    data, problems = read_yaml("a:\n  <<: 3\n", "f.yaml")
    assert data is None and (problems[0].line, problems[0].column) == (2, 7)
    assert "merging" in problems[0].message


def test_a_list_that_contains_itself_is_a_problem_not_a_hang():
    _, problems = read_yaml("a: &x [1, *x]\n", "f.yaml")
    assert problems and "recursive" in problems[0].message
    assert problems[0].line == 1


def test_an_empty_file_is_nothing_and_no_problem():
    assert read_yaml("", "f.yaml") == (None, [])
    assert read_yaml("# only a comment\n", "f.yaml") == (None, [])


def test_a_key_given_beside_a_merge_overrides_the_merged_one():
    data, problems = read_yaml("base: &b {k: 1, j: 2}\nd:\n  <<: *b\n  j: 3\n", "f.yaml")
    assert problems == [] and data["d"] == {"k": 1, "j": 3}


def test_a_key_given_twice_beside_a_merge_is_still_a_duplicate():
    data, problems = read_yaml("b: &b {k: 1}\nd:\n  <<: *b\n  k: 2\n  k: 3\n", "f.yaml")
    assert data["d"] == {"k": 2}
    assert [(p.line, p.message) for p in problems] == [
        (5, "duplicate key 'k' (first given on line 4)")
    ]


def test_the_hint_for_a_recursive_alias_is_not_about_tabs():
    _, problems = read_yaml("a: &x [1, *x]\n", "f.yaml")
    assert "tabs" not in problems[0].hint and "alias" in problems[0].hint


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !!bool maybe\nb: ok\n", "cannot read this value as bool"),
        ("a: !!timestamp soon\nb: ok\n", "cannot read this value as timestamp"),
        ("a: !!seq x\nb: ok\n", "the tag 'seq' needs a list here"),
        ("a: !!map x\nb: ok\n", "the tag 'map' needs a mapping here"),
        ("a: !!map [1]\nb: ok\n", "the tag 'map' needs a mapping here"),
    ],
)
def test_a_tag_that_does_not_fit_its_value_is_a_problem_not_a_crash(text, message):
    data, problems = read_yaml(text, "f.yaml")
    assert data == {"a": None, "b": "ok"}
    assert [(p.line, p.column, p.message) for p in problems] == [(1, 4, message)]
