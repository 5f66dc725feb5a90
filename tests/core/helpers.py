"""Build small trees in text for the validator tests."""

from __future__ import annotations

import textwrap

from wizard.core.catalog import Catalog, load_catalog
from wizard.core.problems import Problem

SOURCE = textwrap.dedent("""\
    id: src
    title: Test guidance
    reference: T/1
    publisher: Test
    clauses:
      - id: c1
        text: Clause one.
      - id: c2
        text: Clause two.
    """)

GOOD_TREE = textwrap.dedent("""\
    id: t
    title: Test tree
    summary: A test.
    version: "1.0"
    effective: 2026-01-01
    source: src
    questions:
      - id: q1
        text: First?
        answers:
          - id: "yes"
            label: "Yes"
            next: o1
          - id: "no"
            label: "No"
            next: o2
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


def catalog(*trees: str, source: str = SOURCE) -> Catalog:
    return load_catalog(
        [(f"tree{i}.yaml", t.encode()) for i, t in enumerate(trees)],
        [("src.yaml", source.encode())],
    )


def problems(*trees: str, source: str = SOURCE) -> list[Problem]:
    return sorted(catalog(*trees, source=source).problems)


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of the first line containing `fragment`."""
    for n, line in enumerate(text.splitlines(), 1):
        if fragment in line:
            return n
    raise AssertionError(f"{fragment!r} not in text")
