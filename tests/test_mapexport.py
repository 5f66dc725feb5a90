"""Exports of the map: SVG that parses and says everything in words, DOT and Mermaid with every
node and edge, and the `graph` command writing them."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from wizard.cli.main import main
from wizard.core.catalog import load_catalog
from wizard.core.layout import OUTCOME, layout_tree, tree_graph
from wizard.core.verdicts import VERDICTS
from wizard.export.mapsvg import map_svg
from wizard.export.maptext import map_dot, map_mermaid

NS = {"s": "http://www.w3.org/2000/svg"}
AWKWARD = "Is it <b>bold</b> & \"quoted\" or 'single' # {curly} [square] |pipe|?"


@pytest.fixture
def awkward_catalog():
    """A tree whose texts hold every character that SVG, DOT or Mermaid treat specially."""
    tree = f"""\
id: awkward
title: "Odd <characters> & more"
summary: s
version: "1.0"
effective: 2026-01-01
source: g
questions:
  - id: q
    text: '{AWKWARD.replace("'", "''")}'
    answers:
      - id: a
        label: 'Yes & "no" <maybe>'
        next: o
      - id: b
        label: "#35; |x|"
        next: o2
outcomes:
  - id: o
    verdict: criminal_offence
    title: "Stop -> now & think"
    advice: a
    cite: [c]
  - id: o2
    verdict: refer_corporate_comms
    title: "Ask \\\\ them"
    advice: a
    cite: [c]
"""
    source = "id: g\ntitle: t\nreference: r\npublisher: p\nclauses:\n  - id: c\n    text: x\n"
    cat = load_catalog([("awkward.yaml", tree.encode())], [("g.yaml", source.encode())])
    assert cat.problems == [], cat.problems
    return cat


def svg_texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{{{NS['s']}}}text")]


def test_svg_is_well_formed_and_holds_every_text_and_verdict_label(example_catalog):
    layout = layout_tree(example_catalog, "photos")
    root = ET.fromstring(map_svg(layout))
    assert root.tag == f"{{{NS['s']}}}svg"
    assert "DejaVu Sans" in root.get("font-family") and "sans-serif" in root.get("font-family")
    texts = svg_texts(root)
    joined = " ".join(texts)
    tree = example_catalog.trees["photos"]
    for q in tree.questions.values():
        assert q.text in joined
        for a in q.answers:
            assert a.label.split()[0] in joined
    for o in tree.outcomes.values():
        assert o.title in joined
        assert any(VERDICTS[o.verdict].label in t for t in texts)
    groups = root.findall(".//s:g[@data-ref]", NS)
    assert len(groups) == len(layout.boxes)
    assert {g.get("data-verdict") for g in groups if "outcome" in g.get("class")} == {
        o.verdict for o in tree.outcomes.values()
    }


def test_svg_escapes_awkward_text(awkward_catalog):
    root = ET.fromstring(map_svg(layout_tree(awkward_catalog, "awkward")))
    joined = " ".join(svg_texts(root))
    for word in AWKWARD.split():
        assert word in joined
    assert 'Yes & "no" <maybe>' in joined and "Stop -> now & think" in joined
    assert VERDICTS["criminal_offence"].label.split(":")[0] in joined


def test_svg_highlights_the_path_in_more_than_colour(example_catalog):
    path = example_catalog.scenarios["posed-photo"].path(example_catalog)
    root = ET.fromstring(map_svg(layout_tree(example_catalog, "photos"), path))
    on = root.findall(".//s:g[@class]", NS)
    boxes = [
        g.get("data-ref") for g in on if "box" in g.get("class") and "on-path" in g.get("class")
    ]
    arrows = [
        (g.get("data-from"), g.get("data-answer"))
        for g in on
        if "arrow" in g.get("class") and "on-path" in g.get("class")
    ]
    assert boxes == ["photos:candidate_present", "photos:staged", "photos:do_not_pose"]
    assert sorted(arrows) == [("photos:candidate_present", "yes"), ("photos:staged", "yes")]
    widths = {
        g.get("data-answer"): g.find("s:path", NS).get("stroke-width")
        for g in on
        if "arrow" in g.get("class") and g.get("data-from") == "photos:staged"
    }
    assert float(widths["yes"]) > 2 * float(widths["no"])


def test_dot_has_every_node_and_edge(example_catalog):
    graph = tree_graph(example_catalog, "start")
    dot = map_dot(graph, example_catalog.scenarios["unsure-where-to-start"].path(example_catalog))
    assert dot.startswith('digraph "start" {') and dot.rstrip().endswith("}")
    for i, n in enumerate(graph.nodes):
        assert f"  n{i} [" in dot and f"// {n.ref[0]}:{n.ref[1]}" in dot
        assert n.text in dot
    assert dot.count(" -> ") == len(graph.edges) == 3
    for e in graph.edges:
        assert f'label="{e.label}"' in dot
    assert dot.count("penwidth=4") == 3  # the start question, the link taken, the arrow to it


def test_dot_escapes_quotes_and_backslashes(awkward_catalog):
    dot = map_dot(tree_graph(awkward_catalog, "awkward"))
    assert 'label="Yes & \\"no\\" <maybe>"' in dot
    assert "Ask \\\\ them" in dot


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_graphviz_reads_the_dot(awkward_catalog, example_catalog):
    for cat, tree in ((awkward_catalog, "awkward"), (example_catalog, "start")):
        out = subprocess.run(
            ["dot", "-Tsvg"],
            input=map_dot(tree_graph(cat, tree)),
            capture_output=True,
            text=True,
            check=False,
        )
        assert out.returncode == 0, out.stderr
        ET.fromstring(
            out.stdout.split("\n", 3)[-1] if out.stdout.startswith("<?xml") else out.stdout
        )


def test_mermaid_has_every_node_edge_and_verdict(example_catalog):
    graph = tree_graph(example_catalog, "photos")
    text = map_mermaid(graph)
    lines = text.splitlines()
    assert "flowchart TD" in lines
    for i, n in enumerate(graph.nodes):
        assert any(line.startswith(f"  n{i}[") or line.startswith(f"  n{i}(") for line in lines)
        assert n.text in text
        if n.kind == OUTCOME:
            assert f"  class n{i} {n.verdict}" in lines
            assert VERDICTS[n.verdict].label in text
    edges = [line for line in lines if "-->|" in line]
    assert len(edges) == len(graph.edges)
    assert '  n1 -->|"No, it is general filming"| n2' in lines


def test_mermaid_escapes_what_would_break_it(awkward_catalog):
    text = map_mermaid(tree_graph(awkward_catalog, "awkward"))
    body = text.split("flowchart TD", 1)[1]
    assert "<maybe>" not in body and "#lt;maybe#gt;" in body
    assert '"no"' not in body and "#quot;no#quot;" in body
    assert "#35;35;" in body  # the author's own '#35;' stays literal text
    assert "title: 'Odd <characters> & more (version 1.0)'" in text


# -- the graph command


def test_graph_writes_svg_to_stdout_by_default(example_trees, capsys):
    assert main(["--trees", str(example_trees), "graph", "photos"]) == 0
    ET.fromstring(capsys.readouterr().out)


@pytest.mark.parametrize("fmt", ["svg", "dot", "mermaid"])
def test_graph_writes_each_format_to_a_file(example_trees, tmp_path: Path, capsys, fmt):
    out = tmp_path / f"map.{fmt}"
    assert (
        main(
            [
                "--trees",
                str(example_trees),
                "graph",
                "photos",
                "--format",
                fmt,
                "--output",
                str(out),
            ]
        )
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert "Is the photo staged?" in text
    assert capsys.readouterr().out == ""
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left


def test_graph_highlights_answers_or_a_scenario(example_trees, capsys):
    assert (
        main(
            [
                "--trees",
                str(example_trees),
                "graph",
                "photos",
                "-f",
                "dot",
                "-a",
                "candidate_present=no",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.count("penwidth=4") == 3
    assert (
        main(
            [
                "--trees",
                str(example_trees),
                "graph",
                "photos",
                "-f",
                "dot",
                "--scenario",
                "posed-photo",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.count("penwidth=4") == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["graph", "nowhere"], "no tree with the id 'nowhere'"),
        (["graph", "photos", "--scenario", "nope"], "no scenario 'nope'"),
        (["graph", "photos", "-a", "candidate_present=maybe"], "no answer 'maybe'"),
        (["graph", "photos", "-o", "/nonexistent-folder/map.svg"], "Could not save"),
    ],
)
def test_graph_refuses_bad_requests_in_one_line(example_trees, capsys, args, message):
    assert main(["--trees", str(example_trees), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
