"""A tree's map as Graphviz DOT or Mermaid text, for authors who draw it with those tools.

These live in export, not the core: they are file formats for other programs, built from the
core's `TreeGraph` (the same nodes and edges as the SVG map), and the program never needs them.
"""

from __future__ import annotations

from collections.abc import Sequence

from wizard.core.catalog import NodeRef
from wizard.core.layout import LINK, OUTCOME, MapNode, TreeGraph, on_path
from wizard.export.mapsvg import (
    LINK_COLOURS,
    PATH,
    QUESTION_COLOURS,
    VERDICT_COLOURS,
    Colours,
)


def _ids(graph: TreeGraph) -> dict[NodeRef, str]:
    """Short, safe node names (n0, n1, ...) in the graph's order: tree ids may hold '-' or '.'."""
    return {n.ref: f"n{i}" for i, n in enumerate(graph.nodes)}


def _lines(node: MapNode) -> list[str]:
    return [t for t in (node.heading, node.text, node.detail) if t]


# -- DOT


def _dot_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _dot_attrs(attrs: dict[str, str]) -> str:
    return ", ".join(f"{k}={v}" for k, v in attrs.items())


def map_dot(
    graph: TreeGraph, path: Sequence[NodeRef] = (), answers: Sequence[str] | None = None
) -> str:
    """The tree as a Graphviz digraph: `dot -Tsvg` draws it."""
    ids = _ids(graph)
    nodes_on, edges_on = on_path(graph, path, answers)
    out = [
        f"digraph {_dot_string(graph.tree_id)} {{",
        f"  label={_dot_string(f'{graph.title} (version {graph.version})')};",
        "  labelloc=t; rankdir=TB;",
        '  node [shape=box, style="rounded,filled", fontname="DejaVu Sans"];',
        '  edge [fontname="DejaVu Sans"];',
    ]
    for n in graph.nodes:
        c = _colours(n)
        attrs = {
            "label": _dot_string("\n".join(_lines(n))),
            "fillcolor": f'"{c.fill}"',
            "color": f'"{c.stroke}"',
            "fontcolor": f'"{c.text}"',
        }
        if n.kind == LINK:
            attrs["style"] = '"rounded,filled,dashed"'
        if n.ref in nodes_on:
            attrs |= {"color": f'"{PATH}"', "penwidth": "4"}
        out.append(f"  {ids[n.ref]} [{_dot_attrs(attrs)}];  // {n.ref[0]}:{n.ref[1]}")
    for k, e in enumerate(graph.edges):
        attrs = {"label": _dot_string(e.label)}
        if k in edges_on:
            attrs |= {"color": f'"{PATH}"', "penwidth": "4"}
        out.append(
            f"  {ids[e.source]} -> {ids[e.target]} [{_dot_attrs(attrs)}];  // answer {e.answer_id}"
        )
    out.append("}")
    return "\n".join(out) + "\n"


# -- Mermaid


def _mermaid_text(text: str) -> str:
    """Text for inside a Mermaid "..." label: its own entity codes stop quotes and markup."""
    for ch, code in (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;")):
        text = text.replace(ch, code)
    return text.replace("\n", " ")


def map_mermaid(
    graph: TreeGraph, path: Sequence[NodeRef] = (), answers: Sequence[str] | None = None
) -> str:
    """The tree as a Mermaid flowchart (GitHub and many wikis draw these)."""
    ids = _ids(graph)
    nodes_on, edges_on = on_path(graph, path, answers)
    title = f"{graph.title} (version {graph.version})".replace("'", "''")
    out = ["---", f"title: '{title}'", "---", "flowchart TD"]
    for n in graph.nodes:
        label = "<br/>".join(_mermaid_text(t) for t in _lines(n))
        if n.kind == OUTCOME:
            label = f"<b>{_mermaid_text(n.heading)}</b><br/>" + "<br/>".join(
                _mermaid_text(t) for t in (n.text, n.detail) if t
            )
        shape = (
            ('(["', '"])')
            if n.kind == OUTCOME
            else ('[["', '"]]')
            if n.kind == LINK
            else ('["', '"]')
        )
        out.append(f"  {ids[n.ref]}{shape[0]}{label}{shape[1]}")
    for e in graph.edges:
        out.append(f'  {ids[e.source]} -->|"{_mermaid_text(e.label)}"| {ids[e.target]}')
    for verdict, c in VERDICT_COLOURS.items():
        out.append(f"  classDef {verdict} fill:{c.fill},stroke:{c.stroke},color:{c.text}")
    out.append(
        f"  classDef link fill:{LINK_COLOURS.fill},stroke:{LINK_COLOURS.stroke},"
        "stroke-dasharray:6 4"
    )
    out.append(f"  classDef onpath stroke:{PATH},stroke-width:4px")
    for n in graph.nodes:
        cls = (
            n.verdict
            if n.kind == OUTCOME and n.verdict in VERDICT_COLOURS
            else "link"
            if n.kind == LINK
            else None
        )
        if cls:
            out.append(f"  class {ids[n.ref]} {cls}")
        if n.ref in nodes_on:
            out.append(f"  class {ids[n.ref]} onpath")
    if edges_on:
        out.append(
            f"  linkStyle {','.join(str(k) for k in sorted(edges_on))} "
            f"stroke:{PATH},stroke-width:4px"
        )
    return "\n".join(out) + "\n"


def _colours(n: MapNode) -> Colours:
    if n.kind == OUTCOME:
        return VERDICT_COLOURS.get(n.verdict or "", QUESTION_COLOURS)
    return LINK_COLOURS if n.kind == LINK else QUESTION_COLOURS
