"""The safe YAML reader: positions, duplicates, tags, encodings."""

from __future__ import annotations

from wizard.core.yamlread import MarkedDict, read_yaml


def test_positions_are_one_based():
    data, problems = read_yaml("a: 1\nb:\n  c: x\n", "f.yaml")
    assert problems == []
    assert isinstance(data, MarkedDict)
    assert data.key_pos["b"].line == 2
    assert data["b"].where("c").line == 3
    assert data["b"].where("c").column == 6


def test_duplicate_key_in_nested_mapping():
    _, problems = read_yaml("a:\n  x: 1\n  x: 2\n", "f.yaml")
    assert [(p.line, p.column) for p in problems] == [(3, 3)]
    assert "duplicate key 'x' (first given on line 2)" in problems[0].message


def test_python_tags_are_never_constructed(tmp_path):
    marker = tmp_path / "ran"
    text = f"a: !!python/object/apply:os.system ['touch {marker}']\n"
    data, problems = read_yaml(text, "f.yaml")
    assert not marker.exists()
    assert data["a"] is None
    assert "not allowed" in problems[0].message


def test_byte_order_mark_is_accepted():
    data, problems = read_yaml("\ufeffa: 1\n".encode(), "f.yaml")
    assert problems == [] and data["a"] == 1


def test_non_utf8_bytes_are_a_problem():
    data, problems = read_yaml(b"a: \xff\xfe\n", "f.yaml")
    assert data is None
    assert "not UTF-8" in problems[0].message


def test_several_documents_are_one_problem():
    data, problems = read_yaml("a: 1\n---\nb: 2\n", "f.yaml")
    assert data is None
    assert "one tree per file" in problems[0].hint


def test_tab_indentation_hint():
    _, problems = read_yaml("a:\n\tb: 1\n", "f.yaml")
    assert problems and "tabs" in problems[0].hint
