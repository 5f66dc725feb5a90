"""The map layout: one box per node, one arrow per answer, nothing overlapping, arrows that
start and end on their boxes, and outcomes that say their verdict in words."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tests.core.treegen import big_tree_yaml
from wizard.core.catalog import load_catalog
from wizard.core.layout import LINK, OUTCOME, QUESTION, Rect, highlighted, layout_tree, tree_graph
from wizard.core.textsize import text_width, wrap
from wizard.core.verdicts import VERDICTS

EXAMPLE_TREES = Path(__file__).parent.parent / "fixtures" / "trees"


@pytest.fixture(scope="module")
def big_catalog():
    """The example trees plus a generated tree of 60 nodes (24 questions, 36 outcomes)."""
    files = [(p.name, p.read_bytes()) for p in sorted(EXAMPLE_TREES.glob("*.yaml"))]
    sources = [(p.name, p.read_bytes()) for p in sorted((EXAMPLE_TREES / "sources").glob("*.yaml"))]
    cat = load_catalog([*files, ("big.yaml", big_tree_yaml().encode())], sources)
    assert [p for p in cat.problems if p.blocking] == []
    assert len(cat.trees["big"].questions) + len(cat.trees["big"].outcomes) == 60
    return cat


def all_rects(layout) -> list[tuple[str, Rect]]:
    return [(f"box {b.ref}", b.rect) for b in layout.boxes] + [
        (f"label of {a.edge.source}={a.edge.answer_id}", a.label) for a in layout.arrows
    ]


def assert_readable(layout) -> None:
    """No box or label overlaps another; every arrow starts on its question's bottom edge,
    passes through its label, and ends on its target's top edge."""
    for (n1, r1), (n2, r2) in itertools.combinations(all_rects(layout), 2):
        assert not r1.overlaps(r2), f"{n1} overlaps {n2}"
    for a in layout.arrows:
        src, dst = layout.box(a.edge.source).rect, layout.box(a.edge.target).rect
        (x0, y0), (x1, y1) = a.points[0], a.points[-1]
        assert y0 == pytest.approx(src.bottom) and src.x <= x0 <= src.right
        assert y1 == pytest.approx(dst.y) and dst.x <= x1 <= dst.right
        assert (a.label.cx, a.label.y) in a.points and (a.label.cx, a.label.bottom) in a.points
        assert all(y0 <= y <= y1 for _, y in a.points), "an arrow runs downwards only"
    for a in layout.arrows:
        own = {layout.box(a.edge.source).rect, layout.box(a.edge.target).rect, a.label}
        others = [(n, r) for n, r in all_rects(layout) if r not in own]
        for (x0, y0), (x1, y1) in itertools.pairwise(a.points):
            steps = max(1, int(max(abs(x1 - x0), abs(y1 - y0)) / 2))
            for i in range(steps + 1):
                x, y = x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps
                hit = [n for n, r in others if r.x < x < r.right and r.y < y < r.bottom]
                assert not hit, f"the arrow {a.edge.source}={a.edge.answer_id} crosses {hit}"
    for r in (r for _, r in all_rects(layout)):
        assert r.x >= 0 and r.right <= layout.width and r.y >= 0 and r.bottom <= layout.height


def test_one_box_per_node_and_one_arrow_per_answer(example_catalog):
    tree = example_catalog.trees["photos"]
    layout = layout_tree(example_catalog, "photos")
    assert sorted(b.ref[1] for b in layout.boxes) == sorted([*tree.questions, *tree.outcomes])
    answers = [(("photos", q.id), a.id) for q in tree.questions.values() for a in q.answers]
    assert sorted((a.edge.source, a.edge.answer_id) for a in layout.arrows) == sorted(answers)
    labels = {
        (a.edge.source[1], a.edge.answer_id): [t.text for t in a.texts] for a in layout.arrows
    }
    assert labels[("staged", "no")] == ["No, it is general", "filming"]
    assert_readable(layout)


def test_links_into_other_trees_are_one_box_per_place_entered(example_catalog):
    layout = layout_tree(example_catalog, "start")
    kinds = {b.ref: b.node.kind for b in layout.boxes}
    assert kinds == {
        ("start", "about"): QUESTION,
        ("start", "ask"): OUTCOME,
        ("photos", "candidate_present"): LINK,
        ("photos", "staged"): LINK,
    }
    staged = layout.box(("photos", "staged"))
    texts = [t.text for t in staged.texts]
    assert "Photos with candidates" in texts and "at: Is the photo staged?" in texts
    assert len(layout.arrows) == 3
    assert_readable(layout)


def test_outcomes_carry_their_verdict_in_words(example_catalog):
    layout = layout_tree(example_catalog, "photos")
    for box in layout.boxes:
        if box.node.kind == OUTCOME:
            heading = " ".join(t.text for t in box.texts if t.role == "heading")
            assert VERDICTS[box.node.verdict].label in heading
            assert box.band is not None and box.rect.y == box.band.y
            assert box.band.bottom < min(t.y for t in box.texts if t.role == "text")


def test_every_text_line_fits_inside_its_box(big_catalog):
    layout = layout_tree(big_catalog, "big")
    for box in layout.boxes:
        for t in box.texts:
            room = box.rect.width - 2 * layout.style.pad + 0.01
            assert text_width(t.text, t.size, t.bold) <= room
            assert box.rect.y < t.y < box.rect.bottom
    for a in layout.arrows:
        for t in a.texts:
            assert text_width(t.text, t.size) <= a.label.width
            assert a.label.y < t.y < a.label.bottom


def test_sixty_node_tree_is_readable(big_catalog):
    tree = big_catalog.trees["big"]
    layout = layout_tree(big_catalog, "big")
    own = [b for b in layout.boxes if b.ref[0] == "big"]
    assert len(own) == 60
    assert [b.node.kind for b in layout.boxes if b.ref[0] != "big"] == [LINK]
    assert len(layout.arrows) == sum(len(q.answers) for q in tree.questions.values())
    assert_readable(layout)
    # Layers follow the answers: every arrow goes to a lower layer than it starts from.
    for a in layout.arrows:
        assert layout.box(a.edge.target).layer > layout.box(a.edge.source).layer


def test_layout_is_deterministic(big_catalog):
    assert layout_tree(big_catalog, "big") == layout_tree(big_catalog, "big")


def test_the_start_question_is_marked_and_on_top(example_catalog):
    layout = layout_tree(example_catalog, "photos")
    start = layout.box(("photos", "candidate_present"))
    assert start.node.start and start.layer == 0
    assert all(b.rect.y >= start.rect.y for b in layout.boxes)
    assert layout.box_at(start.rect.cx, start.rect.y + 5) == start
    assert layout.box_at(-10, -10) is None


def test_highlight_follows_a_scenario_path(example_catalog):
    scenario = example_catalog.scenarios["unsure-where-to-start"]
    path = scenario.path(example_catalog)
    photos = layout_tree(example_catalog, "photos")
    boxes, arrows = highlighted(photos, path)
    assert boxes == {
        ("photos", "candidate_present"),
        ("photos", "staged"),
        ("photos", "supervisor"),
    }
    assert {(photos.arrows[k].edge.source[1], photos.arrows[k].edge.answer_id) for k in arrows} == {
        ("candidate_present", "yes"),
        ("staged", "not_sure"),
    }
    # In the start tree only the link the walk left by lights up, not every link into photos.
    start = layout_tree(example_catalog, "start")
    boxes, arrows = highlighted(start, path)
    assert boxes == {("start", "about"), ("photos", "candidate_present")}
    assert [start.arrows[k].edge.answer_id for k in arrows] == ["photo"]


def test_answers_tell_apart_two_arrows_between_the_same_boxes(example_catalog):
    text = (
        b"id: two\ntitle: Two\nsummary: s\nversion: '1'\neffective: 2026-01-01\n"
        b"source: example-guidance\nquestions:\n  - id: q\n    text: Q?\n    answers:\n"
        b"      - {id: a, label: A, next: o}\n      - {id: b, label: B, next: o}\n"
        b"outcomes:\n  - {id: o, verdict: acceptable, title: T, advice: A, cite: [doubt]}\n"
    )
    cat = load_catalog(
        [("two.yaml", text)],
        [
            (
                "g.yaml",
                b"id: example-guidance\ntitle: t\nreference: r\npublisher: p\nclauses:\n"
                b"  - {id: doubt, text: If in doubt do not}\n",
            )
        ],
    )
    layout = layout_tree(cat, "two")
    assert_readable(layout)
    starts = [a.points[0] for a in layout.arrows]
    assert starts[0] != starts[1], "two answers to one box are two distinct arrows"
    _, both = highlighted(layout, [("two", "q"), ("two", "o")])
    _, one = highlighted(layout, [("two", "q"), ("two", "o")], ["b"])
    assert both == {0, 1} and one == {1}


def test_graph_order_is_reading_order(example_catalog):
    graph = tree_graph(example_catalog, "photos")
    assert [n.ref[1] for n in graph.nodes] == [
        "candidate_present",
        "staged",
        "fine",
        "do_not_pose",
        "supervisor",
    ]


def test_wrap_breaks_between_words_and_inside_overlong_words():
    lines = wrap("Is a candidate, or someone campaigning for one, in the photo?", 15, 200)
    assert len(lines) > 1 and all(text_width(line, 15) <= 200 for line in lines)
    assert " ".join(lines) == "Is a candidate, or someone campaigning for one, in the photo?"
    long = wrap("x" * 80, 15, 100)
    assert "".join(long) == "x" * 80 and all(text_width(line, 15) <= 100 for line in long)
    assert text_width("W", 10, bold=True) > text_width("W", 10) > text_width("i", 10)
