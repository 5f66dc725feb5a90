"""The map of one tree: boxes for questions and outcomes, arrows for answers, with coordinates.

A simple, deterministic layered (Sugiyama) layout, computed here so that no Graphviz is needed:
layers by longest path, every answer label a small node of its own in the row below its question
(so labels never overlap boxes or each other, and each sits on its arrow), long arrows routed
through placeholder points in the rows they cross, a few barycentre sweeps to reduce crossings,
then positions in each row by weighted isotonic regression (each item as near its neighbours as
the row's order and spacing allow).

An answer that leads into another tree ends in a "Go to the topic" box naming that tree, rather
than drawing the other tree's nodes: a trainer's map stays about one topic and one size, the
other topic has its own map, and a shared tree (such as the start tree) is not drawn again on
every map that leads into it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from wizard.core.catalog import Catalog, NodeRef
from wizard.core.model import Outcome, Question, Tree
from wizard.core.problems import TreeError
from wizard.core.textsize import ASCENT, LINE_SPACING, text_width, wrap
from wizard.core.verdicts import VERDICTS
from wizard.core.walk import Walk

# a line of a box: (dy from its top, text, size, bold, role)
BoxLine = tuple[float, str, float, bool, str]
Near = Callable[[int], list[int]]  # a vertex's neighbours in the row next to it

QUESTION, OUTCOME, LINK = "question", "outcome", "link"


@dataclass(frozen=True)
class MapStyle:
    """Sizes in px: what a renderer needs to draw the boxes the way they were measured."""

    text_size: float = 15
    heading_size: float = 14
    label_size: float = 13
    detail_size: float = 12
    title_size: float = 22
    subtitle_size: float = 13
    box_text_width: float = 250  # the widest a line of a box's text may be
    label_text_width: float = 150
    pad: float = 10
    label_pad: float = 4
    gap: float = 28  # between items in a row
    dummy_width: float = 14  # room for an arrow passing through a row
    row_gap: float = 26  # between rows, where the arrows run
    margin: float = 24


@dataclass(frozen=True)
class MapNode:
    """A box of the map before it is placed: a question, an outcome, or a link to another tree."""

    ref: NodeRef  # (tree id, node id); for a link, the node it leads to in the other tree
    kind: str  # QUESTION, OUTCOME or LINK
    text: str  # the question, the outcome's title, or the other tree's title
    heading: str = ""  # an outcome's verdict label; "Go to the topic" for a link
    detail: str = ""  # for a link into the middle of a tree: the question it leads to
    verdict: str | None = None
    start: bool = False


@dataclass(frozen=True)
class MapEdge:
    source: NodeRef
    answer_id: str
    label: str
    target: NodeRef


@dataclass(frozen=True)
class TreeGraph:
    """One tree as nodes and edges, in a stable order; DOT and Mermaid are written from this."""

    tree_id: str
    title: str
    version: str
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]

    def node(self, ref: NodeRef) -> MapNode:
        return next(n for n in self.nodes if n.ref == ref)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    def overlaps(self, other: Rect) -> bool:
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.right and self.y <= y <= self.bottom


@dataclass(frozen=True)
class TextLine:
    """One line of text to draw, centred on x, with its baseline at y."""

    x: float
    y: float
    text: str
    size: float
    bold: bool = False
    role: str = "text"  # text, heading, detail, label, title


@dataclass(frozen=True)
class Box:
    node: MapNode
    rect: Rect
    texts: tuple[TextLine, ...]
    band: Rect | None = None  # an outcome's verdict band, or a link's heading band
    layer: int = 0

    @property
    def ref(self) -> NodeRef:
        return self.node.ref


@dataclass(frozen=True)
class Arrow:
    """One answer: a polyline from its question's bottom edge, through its label, to the top edge
    of the box it leads to."""

    edge: MapEdge
    label: Rect
    texts: tuple[TextLine, ...]
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class MapLayout:
    graph: TreeGraph
    boxes: tuple[Box, ...]
    arrows: tuple[Arrow, ...]
    width: float
    height: float
    titles: tuple[TextLine, ...] = ()
    style: MapStyle = field(default_factory=MapStyle)

    def box(self, ref: NodeRef) -> Box:
        return next(b for b in self.boxes if b.ref == ref)

    def box_at(self, x: float, y: float) -> Box | None:
        """The box under a point, e.g. where the trainer clicked."""
        return next((b for b in self.boxes if b.rect.contains(x, y)), None)


# -- the graph of one tree


def tree_graph(catalog: Catalog, tree_id: str) -> TreeGraph:
    """The nodes of a tree (breadth first from its start, in answer order; then any node no answer
    reaches) and one edge per answer, with a link node for each place in another tree it enters."""
    tree = catalog.tree(tree_id)
    order = _reading_order(tree)
    nodes: dict[NodeRef, MapNode] = {}
    for node_id in order:
        nodes[(tree.id, node_id)] = _map_node(tree, node_id)
    edges: list[MapEdge] = []
    for node_id in order:
        q = tree.questions.get(node_id)
        if q is None:
            continue
        for a in q.answers:
            target = _answer_target(catalog, tree, a.next, a.tree)
            if target not in nodes:
                nodes[target] = _link_node(catalog, target)
            edges.append(MapEdge((tree.id, q.id), a.id, a.label, target))
    return TreeGraph(tree.id, tree.title, tree.version, tuple(nodes.values()), tuple(edges))


def _reading_order(tree: Tree) -> list[str]:
    order = [tree.start] if tree.start in tree.questions else []
    i = 0
    while i < len(order):
        q = tree.questions.get(order[i])
        i += 1
        for a in q.answers if q else ():
            if (
                (a.tree is None or a.tree == tree.id)
                and a.next
                and a.next not in order
                and tree.node(a.next) is not None
            ):
                order.append(a.next)
    return order + [n for n in [*tree.questions, *tree.outcomes] if n not in order]


def _answer_target(catalog: Catalog, tree: Tree, nxt: str | None, other: str | None) -> NodeRef:
    if other is None or other == tree.id:
        return tree.id, nxt or tree.start
    loaded = catalog.trees.get(other)
    return other, nxt or (loaded.start if loaded else "")


def _map_node(tree: Tree, node_id: str) -> MapNode:
    node = tree.node(node_id)
    if isinstance(node, Question):
        return MapNode((tree.id, node_id), QUESTION, node.text, start=node_id == tree.start)
    assert isinstance(node, Outcome)
    v = VERDICTS.get(node.verdict)
    heading = f"{v.symbol} {v.label}" if v else node.verdict
    return MapNode((tree.id, node_id), OUTCOME, node.title, heading, verdict=node.verdict)


def _link_node(catalog: Catalog, target: NodeRef) -> MapNode:
    other = catalog.trees.get(target[0])
    if other is None:
        return MapNode(target, LINK, f"the topic '{target[0]}' (not loaded)", "\u2192 Go to")
    detail = ""
    if target[1] != other.start:
        node = other.node(target[1])
        what = node.text if isinstance(node, Question) else getattr(node, "title", target[1])
        detail = f"at: {what}"
    return MapNode(target, LINK, other.title, "\u2192 Go to the topic", detail)


# -- sizes and text of boxes


def _box_texts(node: MapNode, style: MapStyle) -> tuple[float, float, list[BoxLine], bool]:
    """(width, height, [(dy, text, size, bold, role)], banded) for a box, relative to its top."""
    parts: list[tuple[str, float, bool, str]] = []
    if node.heading:
        parts += [
            (line, style.heading_size, True, "heading")
            for line in wrap(node.heading, style.heading_size, style.box_text_width, True)
        ]
    parts += [
        (line, style.text_size, False, "text")
        for line in wrap(node.text, style.text_size, style.box_text_width)
    ]
    if node.detail:
        parts += [
            (line, style.detail_size, False, "detail")
            for line in wrap(node.detail, style.detail_size, style.box_text_width)
        ]
    width = max(text_width(t, s, b) for t, s, b, _ in parts) + 2 * style.pad
    lines: list[BoxLine] = []
    y = style.pad
    banded = bool(node.heading)
    for i, (text, size, bold, role) in enumerate(parts):
        if banded and i > 0 and role != "heading" and parts[i - 1][3] == "heading":
            y += 2 * style.pad  # the band ends; the body starts below it
        lines.append((y + ASCENT * size, text, size, bold, role))
        y += LINE_SPACING * size
    return max(width, 120), y + style.pad, lines, banded


def _band_height(lines: list[BoxLine], style: MapStyle) -> float:
    """The height of the heading band: down to halfway between the heading and the body."""
    last = max(dy for dy, _, _, _, role in lines if role == "heading")
    size = style.heading_size
    return last - ASCENT * size + LINE_SPACING * size + style.pad


# -- layering


@dataclass
class _Vertex:
    kind: str  # "node", "label" or "dummy"
    width: float
    height: float
    rank: int
    ref: int  # index of the node (kind node) or of the edge (label, dummy)
    preds: list[int] = field(default_factory=list)
    succs: list[int] = field(default_factory=list)
    x: float = 0.0
    weight: float = 1.0


def _longest_path_ranks(graph: TreeGraph) -> list[int]:
    index = {n.ref: i for i, n in enumerate(graph.nodes)}
    preds: list[list[int]] = [[] for _ in graph.nodes]
    for e in graph.edges:
        preds[index[e.target]].append(index[e.source])
    rank: list[int | None] = [None] * len(graph.nodes)

    def visit(i: int, active: set[int]) -> int:
        known = rank[i]
        if known is not None:
            return known
        if i in active:
            raise TreeError(f"the tree '{graph.tree_id}' has a loop; it cannot be drawn")
        active.add(i)
        found = max((visit(p, active) + 1 for p in preds[i]), default=0)
        rank[i] = found
        active.discard(i)
        return found

    return [visit(i, set()) for i in range(len(graph.nodes))]


def _build(
    graph: TreeGraph,
    sizes: list[tuple[float, float]],
    label_sizes: list[tuple[float, float]],
    style: MapStyle,
) -> list[_Vertex]:
    """Vertices of the layered graph: nodes at even rows, labels just below their question,
    placeholders on the rows a long arrow crosses."""
    index = {n.ref: i for i, n in enumerate(graph.nodes)}
    ranks = _longest_path_ranks(graph)
    vs = [_Vertex("node", w, h, 2 * ranks[i], i) for i, (w, h) in enumerate(sizes)]
    for k, e in enumerate(graph.edges):
        u, v = index[e.source], index[e.target]
        lw, lh = label_sizes[k]
        chain = [u]
        vs.append(_Vertex("label", lw, lh, vs[u].rank + 1, k, weight=2.0))
        chain.append(len(vs) - 1)
        for r in range(vs[u].rank + 2, vs[v].rank):
            vs.append(_Vertex("dummy", style.dummy_width, 0, r, k, weight=8.0))
            chain.append(len(vs) - 1)
        chain.append(v)
        for a, b in itertools.pairwise(chain):
            vs[a].succs.append(b)
            vs[b].preds.append(a)
    return vs


def _initial_order(vs: list[_Vertex], n_nodes: int) -> list[list[int]]:
    """Rows in depth-first order from the first node, answers in the order written."""
    rows: list[list[int]] = [[] for _ in range(max(v.rank for v in vs) + 1)]
    seen: set[int] = set()

    def visit(i: int) -> None:
        stack = [i]
        while stack:
            j = stack.pop()
            if j in seen:
                continue
            seen.add(j)
            rows[vs[j].rank].append(j)
            stack.extend(reversed(vs[j].succs))

    for i in range(n_nodes):
        visit(i)
    return rows


def _crossings(rows: list[list[int]], vs: list[_Vertex]) -> int:
    total = 0
    for upper, lower in itertools.pairwise(rows):
        pos = {v: i for i, v in enumerate(lower)}
        ends = [pos[s] for u in upper for s in vs[u].succs if s in pos]
        total += sum(
            1 for i in range(len(ends)) for j in range(i + 1, len(ends)) if ends[i] > ends[j]
        )
    return total


def _reduce_crossings(rows: list[list[int]], vs: list[_Vertex], sweeps: int = 6) -> list[list[int]]:
    """Barycentre sweeps down and up, keeping the order with the fewest crossings."""
    best = [list(r) for r in rows]
    best_count = _crossings(best, vs)
    for _ in range(sweeps):
        for r in range(1, len(rows)):
            rows[r] = _by_barycentre(rows[r], rows[r - 1], vs, lambda v: vs[v].preds)
        for r in range(len(rows) - 2, -1, -1):
            if r % 2:
                rows[r] = _label_row_up(rows[r], rows[r + 1], vs)
            else:
                rows[r] = _by_barycentre(rows[r], rows[r + 1], vs, lambda v: vs[v].succs)
        count = _crossings(rows, vs)
        if count <= best_count:
            best, best_count = [list(r) for r in rows], count
        if best_count == 0:
            break
    return best


def _by_barycentre(row: list[int], ref: list[int], vs: list[_Vertex], near: Near) -> list[int]:
    """Sort a row by the mean position of each item's neighbours in the row `ref`."""
    pos = {v: i for i, v in enumerate(ref)}

    def key(item: tuple[int, int]) -> tuple[float, int]:
        i, v = item
        ps = [pos[n] for n in near(v) if n in pos]
        # Scale to the reference row so that a vertex with no neighbour there keeps its place.
        return (sum(ps) / len(ps) if ps else i * len(ref) / max(len(row), 1)), i

    return [v for _, v in sorted(enumerate(row), key=key)]


def _label_row_up(row: list[int], below: list[int], vs: list[_Vertex]) -> list[int]:
    """Order a row of labels by where their arrows go, keeping each question's labels together
    (so every label stays under its own question); a passing arrow may run between two labels
    of one question where that saves a crossing."""
    pos = {v: i for i, v in enumerate(below)}
    where = {v: float(pos[vs[v].succs[0]]) for v in row}  # labels and placeholders have one
    groups: dict[int, list[int]] = {}
    passing: list[int] = []
    for v in row:
        if vs[v].kind == "label":
            groups.setdefault(vs[v].preds[0], []).append(v)
        else:
            passing.append(v)
    units: list[tuple[float, int, list[int]]] = []
    for members in groups.values():
        members.sort(key=lambda v: (where[v], row.index(v)))
        units.append(
            (sum(where[v] for v in members) / len(members), row.index(members[0]), members)
        )
    for d in passing:
        inside = next(
            (
                u
                for u in units
                if where[u[2][0]] < where[d] < where[u[2][-1]]
                or (len(u[2]) > 1 and where[u[2][0]] < where[d] == where[u[2][-1]])
            ),
            None,
        )
        if inside is not None:
            members = inside[2]
            at = (
                next(i for i, v in enumerate(members) if where[v] > where[d])
                if any(where[v] > where[d] for v in members)
                else len(members)
            )
            members.insert(at, d)
        else:
            units.append((where[d], row.index(d), [d]))
    units.sort(key=lambda u: (u[0], u[1]))
    return [v for _, _, members in units for v in members]


# -- coordinates


def _place_row(row: list[int], vs: list[_Vertex], desired: list[float], style: MapStyle) -> None:
    """Put a row's items as near `desired` as their order and spacing allow (weighted isotonic
    regression by pooling adjacent violators), so that nothing in a row overlaps."""
    offsets = [0.0]
    for a, b in itertools.pairwise(row):
        gap = 6 if vs[a].kind == vs[b].kind == "dummy" else style.gap
        offsets.append(offsets[-1] + (vs[a].width + vs[b].width) / 2 + gap)
    blocks: list[list[float]] = []  # [weighted sum, weight, count]
    for i, v in enumerate(row):
        w = vs[v].weight
        blocks.append([(desired[i] - offsets[i]) * w, w, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, w2, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += w2
            blocks[-1][2] += c
    i = 0
    for s, w, c in blocks:
        for _ in range(int(c)):
            vs[row[i]].x = s / w + offsets[i]
            i += 1


def _assign_x(rows: list[list[int]], vs: list[_Vertex], style: MapStyle, rounds: int = 8) -> None:
    """Alternate passes down (toward predecessors) and up (toward successors), then settle each
    label under its own question and straighten long arrows."""
    for row in rows:
        _place_row(row, vs, [0.0] * len(row), style)

    def toward(row: list[int], near: Near, labels_under_question: bool = True) -> list[float]:
        out: list[float] = []
        for v in row:
            ns = vs[v].preds if vs[v].kind == "label" and labels_under_question else near(v)
            out.append(sum(vs[n].x for n in ns) / len(ns) if ns else vs[v].x)
        return out

    for _ in range(rounds):
        for row in rows[1:]:
            _place_row(row, vs, toward(row, lambda v: vs[v].preds), style)
        for row in reversed(rows[:-1]):
            # Going up, labels pass on where the answers lead, so questions centre over them.
            _place_row(row, vs, toward(row, lambda v: vs[v].succs, False), style)
    for row in rows:
        _place_row(row, vs, toward(row, lambda v: vs[v].preds + vs[v].succs), style)
    for _ in range(3):
        for row in rows:
            _place_row(row, vs, [_straight(vs, v) for v in row], style)


def _straight(vs: list[_Vertex], v: int) -> float:
    """Where a placeholder would lie on a straight line from its arrow's label to its box."""
    if vs[v].kind != "dummy":
        return vs[v].x
    head = v
    while vs[head].kind == "dummy":
        head = vs[head].preds[0]
    tail = v
    while vs[tail].kind == "dummy":
        tail = vs[tail].succs[0]
    t = (vs[v].rank - vs[head].rank) / (vs[tail].rank - vs[head].rank)
    return vs[head].x + t * (vs[tail].x - vs[head].x)


# -- the whole map


def layout_tree(catalog: Catalog, tree_id: str, style: MapStyle | None = None) -> MapLayout:
    """The map of one tree, ready to draw."""
    return layout_graph(tree_graph(catalog, tree_id), style)


def layout_graph(graph: TreeGraph, style: MapStyle | None = None) -> MapLayout:
    style = style or MapStyle()
    measured = [_box_texts(n, style) for n in graph.nodes]
    label_lines = [wrap(e.label, style.label_size, style.label_text_width) for e in graph.edges]
    label_sizes = [
        (
            max(text_width(t, style.label_size) for t in lines) + 2 * style.label_pad,
            len(lines) * LINE_SPACING * style.label_size + 2 * style.label_pad,
        )
        for lines in label_lines
    ]
    vs = _build(graph, [(w, h) for w, h, _, _ in measured], label_sizes, style)
    rows = _reduce_crossings(_initial_order(vs, len(graph.nodes)), vs)
    _assign_x(rows, vs, style)
    left = min(vs[v].x - vs[v].width / 2 for row in rows for v in row)
    subtitle = (
        f"Version {graph.version}. Start at the top (thick outline); each arrow is an "
        "answer; each outcome names its verdict."
    )
    top = style.margin + LINE_SPACING * (style.title_size + style.subtitle_size) + style.row_gap
    row_top, row_height = [], []
    for row in rows:
        row_top.append(top)
        row_height.append(max((vs[v].height for v in row), default=0))
        top += row_height[-1] + style.row_gap
    dx = style.margin - left

    def rect(v: int) -> Rect:
        x = vs[v].x + dx - vs[v].width / 2
        r = vs[v].rank
        return Rect(x, row_top[r] + (row_height[r] - vs[v].height) / 2, vs[v].width, vs[v].height)

    boxes = []
    for i, node in enumerate(graph.nodes):
        r = rect(i)
        _, _, lines, banded = measured[i]
        texts = tuple(TextLine(r.cx, r.y + dy, t, s, b, role) for dy, t, s, b, role in lines)
        band = Rect(r.x, r.y, r.width, _band_height(lines, style)) if banded else None
        boxes.append(Box(node, r, texts, band, vs[i].rank // 2))
    arrows = _route(graph, vs, rect, label_lines, boxes, row_top, row_height, style)
    width = max(b.rect.right for b in boxes) + style.margin
    width = max(
        width,
        text_width(graph.title, style.title_size, True) + 2 * style.margin,
        text_width(subtitle, style.subtitle_size) + 2 * style.margin,
    )
    title = TextLine(
        width / 2,
        style.margin + ASCENT * style.title_size,
        graph.title,
        style.title_size,
        True,
        "title",
    )
    sub = TextLine(
        width / 2,
        title.y + LINE_SPACING * style.subtitle_size + 4,
        subtitle,
        style.subtitle_size,
        False,
        "subtitle",
    )
    return MapLayout(
        graph,
        tuple(boxes),
        tuple(arrows),
        width,
        top - style.row_gap + style.margin,
        (title, sub),
        style,
    )


def _route(
    graph: TreeGraph,
    vs: list[_Vertex],
    rect: Callable[[int], Rect],
    label_lines: list[tuple[str, ...]],
    boxes: list[Box],
    row_top: list[float],
    row_height: list[float],
    style: MapStyle,
) -> list[Arrow]:
    chains: list[list[int]] = [[] for _ in graph.edges]
    for i, v in enumerate(vs):
        if v.kind != "node":
            chains[v.ref].append(i)
    index = {n.ref: i for i, n in enumerate(graph.nodes)}
    out_ports = _ports(graph, vs, index, chains, rect, outgoing=True)
    in_ports = _ports(graph, vs, index, chains, rect, outgoing=False)
    obstacles = [b.rect for b in boxes] + [rect(c[0]) for c in chains]
    arrows = []
    for k, e in enumerate(graph.edges):
        src, dst = boxes[index[e.source]].rect, boxes[index[e.target]].rect
        label = rect(chains[k][0])
        # A box shorter than its row first drops (or last rises) straight to the row's edge,
        # so that no arrow cuts the corner of a taller neighbour.
        r_src, r_dst = vs[index[e.source]].rank, vs[index[e.target]].rank
        head = [
            (out_ports[k], src.bottom),
            (out_ports[k], row_top[r_src] + row_height[r_src]),
            (label.cx, label.y),
        ]
        points = [
            *_shortcut(head, [o for o in obstacles if o not in (src, label)]),
            (label.cx, label.bottom),
        ]
        tail = [(label.cx, label.bottom)]
        for d in chains[k][1:]:
            r = vs[d].rank
            x = rect(d).cx
            tail += [(x, row_top[r]), (x, row_top[r] + row_height[r])]
        tail += [(in_ports[k], row_top[r_dst]), (in_ports[k], dst.y)]
        points += _shortcut(tail, [o for o in obstacles if o not in (label, dst)])[1:]
        texts = tuple(
            TextLine(
                label.cx,
                label.y
                + style.label_pad
                + i * LINE_SPACING * style.label_size
                + ASCENT * style.label_size,
                t,
                style.label_size,
                False,
                "label",
            )
            for i, t in enumerate(label_lines[k])
        )
        arrows.append(Arrow(e, label, texts, tuple(points)))
    return arrows


def _shortcut(
    points: list[tuple[float, float]], obstacles: list[Rect], margin: float = 6
) -> list[tuple[float, float]]:
    """Drop the bends of a long arrow wherever a straight line to a later point is clear of every
    box and label (with a margin), so that arrows bend only to go round something."""
    out = [points[0]]
    i = 0
    while i < len(points) - 1:
        j = len(points) - 1
        while j > i + 1 and any(_crosses(points[i], points[j], o, margin) for o in obstacles):
            j -= 1
        out.append(points[j])
        i = j
    return out


def _crosses(a: tuple[float, float], b: tuple[float, float], r: Rect, margin: float) -> bool:
    """Whether the segment a-b passes through the rectangle grown by `margin` (Liang-Barsky)."""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in (
        (-dx, a[0] - (r.x - margin)),
        (dx, r.right + margin - a[0]),
        (-dy, a[1] - (r.y - margin)),
        (dy, r.bottom + margin - a[1]),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def _ports(
    graph: TreeGraph,
    vs: list[_Vertex],
    index: dict[NodeRef, int],
    chains: list[list[int]],
    rect: Callable[[int], Rect],
    outgoing: bool,
) -> list[float]:
    """Where each arrow leaves its question (or enters its box): under (over) the next point
    of the arrow where the box is wide enough, else spread evenly along the edge, in order."""
    groups: dict[int, list[int]] = {}
    for k, e in enumerate(graph.edges):
        groups.setdefault(index[e.source if outgoing else e.target], []).append(k)
    ports = [0.0] * len(graph.edges)
    for node, ks in groups.items():
        box = rect(node)
        near = {k: rect(chains[k][0] if outgoing else chains[k][-1]).cx for k in ks}
        ks = sorted(ks, key=lambda k: (near[k], k))
        inset = min(12.0, box.width / (2 * len(ks)))
        xs = [min(max(near[k], box.x + inset), box.right - inset) for k in ks]
        if any(b - a < 8 for a, b in itertools.pairwise(xs)):
            xs = [box.x + box.width * (i + 1) / (len(ks) + 1) for i in range(len(ks))]
        for k, x in zip(ks, xs, strict=True):
            ports[k] = x
    return ports


def on_path(
    graph: TreeGraph, path: Sequence[NodeRef], answers: Sequence[str] | None = None
) -> tuple[set[NodeRef], set[int]]:
    """The nodes and edges (by index, as in `graph.edges` and `MapLayout.arrows`) a walk passed.

    `path` is the walk's nodes in order, as from `Scenario.path` or `walk_path`; `answers[i]`,
    when given, is the answer taken at `path[i]`, which tells apart two answers of one question
    that lead to the same box. Nodes of other trees in the path are ignored.
    """
    edges = set()
    for i, (u, v) in enumerate(itertools.pairwise(path)):
        for k, e in enumerate(graph.edges):
            if (
                e.source == u
                and e.target == v
                and (answers is None or i >= len(answers) or answers[i] == e.answer_id)
            ):
                edges.add(k)
    entered = {graph.edges[k].target for k in edges}
    # A link box is on the path only where the walk left this tree through it: the other
    # tree's nodes the walk passed later must not light up every link into that tree.
    nodes = {n.ref for n in graph.nodes if n.ref in path and (n.kind != LINK or n.ref in entered)}
    return nodes, edges


def highlighted(
    layout: MapLayout, path: Sequence[NodeRef], answers: Sequence[str] | None = None
) -> tuple[set[NodeRef], set[int]]:
    """The boxes (by ref) and arrows (by index) a walk passed; see `on_path`."""
    return on_path(layout.graph, path, answers)


def walk_path(walk: Walk) -> tuple[list[NodeRef], list[str]]:
    """A walk's nodes so far (the questions answered, then where it stands) and its answers."""
    nodes = [*((s.tree_id, s.question_id) for s in walk.steps), walk.position]
    return nodes, [s.answer_id for s in walk.steps]
