"""Draw a tree's map (from `wizard.core.layout`) as an SVG document: no Qt, no Graphviz.

Outcomes are coloured by verdict and always carry the verdict's words too; the path a walk took
is drawn thicker and in a colour no verdict uses, so it shows without colour as well.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from wizard.core.catalog import NodeRef
from wizard.core.layout import LINK, OUTCOME, Box, MapLayout, TextLine, highlighted
from wizard.core.verdicts import VERDICTS, Look

SVG_NS = "http://www.w3.org/2000/svg"
FONT_FAMILY = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"


@dataclass(frozen=True)
class Colours:
    """How one kind of box is painted: its body and words, its outline, its heading band and the
    band's words."""

    fill: str
    stroke: str
    band: str
    band_text: str
    text: str = "#111111"


def look_colours(look: Look) -> Colours:
    """A verdict's box: its banner's colours (core/verdicts.py), headed by a band of its border."""
    return Colours(look.background, look.border, look.border, look.on_border, look.text)


# Every verdict's box, from the one palette in core/verdicts.py (as the window and the trainer).
VERDICT_COLOURS: dict[str, Colours] = {v.id: look_colours(v.light) for v in VERDICTS.values()}
CONTRAST_VERDICT_COLOURS: dict[str, Colours] = {
    v.id: look_colours(v.contrast) for v in VERDICTS.values()
}
TEXT = "#111111"
QUESTION_COLOURS = Colours("#ffffff", "#37474f", "#37474f", "#ffffff", TEXT)
LINK_COLOURS = Colours("#eceff1", "#546e7a", "#546e7a", "#ffffff", TEXT)
ARROW = "#546e7a"
PATH = "#e65100"  # the path taken: orange, which no verdict uses


def colours_of(box: Box, high_contrast: bool = False) -> Colours:
    """The box's colours; an outcome's are its verdict's, in the theme asked for."""
    if box.node.kind == OUTCOME:
        table = CONTRAST_VERDICT_COLOURS if high_contrast else VERDICT_COLOURS
        return table.get(box.node.verdict or "", QUESTION_COLOURS)
    return LINK_COLOURS if box.node.kind == LINK else QUESTION_COLOURS


def map_svg(
    layout: MapLayout, path: Sequence[NodeRef] = (), answers: Sequence[str] | None = None
) -> str:
    """The map as SVG text; `path` (node refs in order) and `answers` are highlighted."""
    on_boxes, on_arrows = highlighted(layout, path, answers)
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "version": "1.1",
            "width": _n(layout.width),
            "height": _n(layout.height),
            "viewBox": f"0 0 {_n(layout.width)} {_n(layout.height)}",
            "font-family": FONT_FAMILY,
            "role": "img",
        },
    )
    ET.SubElement(svg, "title").text = f"Map of the tree: {layout.graph.title}"
    ET.SubElement(svg, "rect", {"width": "100%", "height": "100%", "fill": "#ffffff"})
    for t in layout.titles:
        _text(svg, t, TEXT)
    arrows = ET.SubElement(svg, "g", {"class": "arrows"})
    # The path is drawn last so that it lies over the other arrows.
    order = sorted(range(len(layout.arrows)), key=lambda k: k in on_arrows)
    for k in order:
        _arrow(arrows, layout, k, k in on_arrows)
    boxes = ET.SubElement(svg, "g", {"class": "boxes"})
    for box in layout.boxes:
        _box(boxes, box, box.ref in on_boxes)
    ET.indent(svg)
    return ET.tostring(svg, encoding="unicode", xml_declaration=True) + "\n"


def _arrow(parent: ET.Element, layout: MapLayout, k: int, on: bool) -> None:
    a = layout.arrows[k]
    g = ET.SubElement(
        parent,
        "g",
        {
            "class": "arrow on-path" if on else "arrow",
            "data-from": _ref(a.edge.source),
            "data-answer": a.edge.answer_id,
            "data-to": _ref(a.edge.target),
        },
    )
    ET.SubElement(
        g,
        "path",
        {
            "d": _polyline(a.points),
            "fill": "none",
            "stroke": PATH if on else ARROW,
            "stroke-width": "5" if on else "1.6",
            "stroke-linejoin": "round",
        },
    )
    # A drawn head rather than an SVG marker: Qt's SVG renderer (SVG Tiny) ignores markers.
    ET.SubElement(
        g, "path", {"d": _head(a.points, 16 if on else 10), "fill": PATH if on else ARROW}
    )
    r = a.label
    ET.SubElement(
        g,
        "rect",
        {
            "x": _n(r.x),
            "y": _n(r.y),
            "width": _n(r.width),
            "height": _n(r.height),
            "rx": "4",
            "fill": "#ffffff",
            "stroke": PATH if on else "none",
            "stroke-width": "2",
        },
    )
    for t in a.texts:
        _text(g, t, TEXT)


def _box(parent: ET.Element, box: Box, on: bool) -> None:
    c = colours_of(box)
    r = box.rect
    g = ET.SubElement(
        parent,
        "g",
        {
            "class": f"box {box.node.kind}" + (" on-path" if on else ""),
            "id": _xml_id("node", box.ref),
            "data-ref": _ref(box.ref),
        },
    )
    if box.node.verdict:
        g.set("data-verdict", box.node.verdict)
    ET.SubElement(g, "title").text = _ref(box.ref)
    if on:
        ET.SubElement(
            g,
            "rect",
            {
                "x": _n(r.x - 5),
                "y": _n(r.y - 5),
                "width": _n(r.width + 10),
                "height": _n(r.height + 10),
                "rx": "10",
                "fill": "none",
                "stroke": PATH,
                "stroke-width": "5",
            },
        )
    outline = {
        "x": _n(r.x),
        "y": _n(r.y),
        "width": _n(r.width),
        "height": _n(r.height),
        "rx": "6",
        "fill": c.fill,
        "stroke": c.stroke,
        "stroke-width": "3" if box.node.start else "1.5",
    }
    if box.node.kind == LINK:
        outline["stroke-dasharray"] = "6 4"
    ET.SubElement(g, "rect", outline)
    if box.band is not None:
        b = box.band
        clip = (
            f"M {_n(b.x)} {_n(b.bottom)} V {_n(b.y + 6)} Q {_n(b.x)} {_n(b.y)} {_n(b.x + 6)} "
            f"{_n(b.y)} H {_n(b.right - 6)} Q {_n(b.right)} {_n(b.y)} {_n(b.right)} "
            f"{_n(b.y + 6)} V {_n(b.bottom)} Z"
        )
        ET.SubElement(
            g, "path", {"d": clip, "fill": c.band, "stroke": c.stroke, "stroke-width": "1.5"}
        )
    for t in box.texts:
        _text(g, t, c.band_text if t.role == "heading" else c.text)


def _text(parent: ET.Element, t: TextLine, colour: str) -> None:
    attrs = {
        "x": _n(t.x),
        "y": _n(t.y),
        "font-size": _n(t.size),
        "text-anchor": "middle",
        "fill": colour,
    }
    if t.bold:
        attrs["font-weight"] = "bold"
    if t.role == "detail":
        attrs["font-style"] = "italic"
    ET.SubElement(parent, "text", attrs).text = t.text


def _head(points: Sequence[tuple[float, float]], size: float) -> str:
    """A triangle whose tip is the arrow's last point, pointing along its last segment."""
    (x0, y0), (x1, y1) = next((p, points[-1]) for p in reversed(points) if p != points[-1])
    length = math.hypot(x1 - x0, y1 - y0)
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    bx, by = x1 - ux * size, y1 - uy * size
    half = size * 0.45
    return (
        f"M {_n(x1)} {_n(y1)} L {_n(bx - uy * half)} {_n(by + ux * half)} "
        f"L {_n(bx + uy * half)} {_n(by - ux * half)} Z"
    )


def _polyline(points: Sequence[tuple[float, float]], radius: float = 14) -> str:
    """A path through the points with its corners rounded, so that bends read as one line."""
    kept = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    d = [f"M {_n(kept[0][0])} {_n(kept[0][1])}"]
    for prev, (x, y), nxt in zip(kept, kept[1:], kept[2:], strict=False):
        r_in = min(radius, math.dist(prev, (x, y)) / 2)
        r_out = min(radius, math.dist((x, y), nxt) / 2)
        ax, ay = _toward((x, y), prev, r_in)
        bx, by = _toward((x, y), nxt, r_out)
        d.append(f"L {_n(ax)} {_n(ay)} Q {_n(x)} {_n(y)} {_n(bx)} {_n(by)}")
    d.append(f"L {_n(kept[-1][0])} {_n(kept[-1][1])}")
    return " ".join(d)


def _toward(a: tuple[float, float], b: tuple[float, float], dist: float) -> tuple[float, float]:
    length = math.dist(a, b) or 1.0
    return a[0] + (b[0] - a[0]) * dist / length, a[1] + (b[1] - a[1]) * dist / length


def _n(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _ref(ref: NodeRef) -> str:
    return f"{ref[0]}:{ref[1]}"


def _xml_id(prefix: str, ref: NodeRef) -> str:
    return f"{prefix}-" + re.sub(r"[^A-Za-z0-9_.-]", "_", _ref(ref))
