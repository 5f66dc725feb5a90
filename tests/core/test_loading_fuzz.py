"""Mangled YAML always yields problems, never a traceback."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.helpers import GOOD_TREE, SOURCE
from wizard.core.catalog import load_catalog
from wizard.core.documents import parse_source, parse_tree

YAML_BITS = [
    ":",
    "- ",
    "\n",
    "  ",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!python/object ",
    "<<: ",
    "yes",
    "no",
    "1.10",
    "2026-13-45",
    "\t",
    "#",
    "|",
    ">-",
    "---\n",
    "~",
    "%",
]


@st.composite
def mangled(draw) -> str:
    text = draw(st.sampled_from([GOOD_TREE, SOURCE]))
    for _ in range(draw(st.integers(1, 6))):
        pos = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            bit = draw(st.one_of(st.sampled_from(YAML_BITS), st.text(max_size=4)))
            text = text[:pos] + bit + text[pos:]
        else:
            cut = draw(st.integers(0, 12))
            text = text[:pos] + text[pos + cut :]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled())
def test_mangled_tree_gives_problems_not_exceptions(text):
    tree, problems = parse_tree(text, "m.yaml")
    assert tree is not None or problems
    assert all(p.file == "m.yaml" and p.line >= 0 and p.message for p in problems)
    source, sproblems = parse_source(text, "m.yaml")
    assert source is not None or sproblems


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_never_raise(data):
    cat = load_catalog([("b.yaml", data)], [("s.yaml", data)])
    assert isinstance(cat.problems, list)


@settings(max_examples=100, deadline=None)
@given(mangled())
def test_catalog_of_mangled_tree_never_raises(text):
    cat = load_catalog([("m.yaml", text.encode())], [("src.yaml", SOURCE.encode())])
    assert cat.trees or cat.failed
