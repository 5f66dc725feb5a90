"""The map's drawn parts: one item per box (question, outcome or link) and one per arrow (answer),
painted from the core's layout with the same colours and words as the SVG export."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from wizard.core.layout import LINK, QUESTION, Arrow, Box, Rect, TextLine
from wizard.export.mapsvg import ARROW, PATH, TEXT, colours_of
from wizard.gui.qt import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGraphicsItem,
    QPainter,
    QPainterPath,
    QPen,
    QPointF,
    QPolygonF,
    QRectF,
    QStyleOptionGraphicsItem,
    Qt,
    QWidget,
)

PATH_PEN = 5.0


@dataclass(frozen=True)
class Ink:
    """The map's colours: the SVG export's on white, or white and yellow on black for high
    contrast (a verdict's band keeps its colour and words in both). None: the box's own."""

    background: str
    text: str
    path: str
    path_text: str  # the words on the "now" tag, on the path's colour
    arrow: str
    label_fill: str
    box_fill: str | None
    stroke: str | None


LIGHT_INK = Ink("#ffffff", TEXT, PATH, "#ffffff", ARROW, "#ffffff", None, None)
CONTRAST_INK = Ink(
    "#000000", "#ffffff", "#ffff00", "#000000", "#ffffff", "#000000", "#000000", "#ffffff"
)


def _qrect(r: Rect, grow: float = 0) -> QRectF:
    return QRectF(r.x - grow, r.y - grow, r.width + 2 * grow, r.height + 2 * grow)


def draw_text(painter: QPainter, family: str, t: TextLine, colour: str) -> None:
    """One line of text, centred on its x with its baseline at its y, as the layout measured it."""
    font = QFont(family)
    font.setPixelSize(max(1, round(t.size)))
    font.setBold(t.bold)
    font.setItalic(t.role == "detail")
    painter.setFont(font)
    painter.setPen(QColor(colour))
    width = QFontMetricsF(font).horizontalAdvance(t.text)
    painter.drawText(QPointF(t.x - width / 2, t.y), t.text)


class BoxItem(QGraphicsItem):
    """A question, an outcome (coloured AND headed by its verdict's words) or a link to a topic."""

    def __init__(self, box: Box, family: str) -> None:
        super().__init__()
        self.box = box
        self.family = family
        self.on_path = False
        self.current = False
        self.ink = LIGHT_INK
        self.setZValue(2)
        kind = {QUESTION: "Question", LINK: "Go to the topic"}.get(box.node.kind, "Outcome")
        words = " ".join(t.text for t in box.texts)
        tip = f"{kind}: {words}"
        if box.node.kind == QUESTION:
            tip += "\nClick to present this question."
        elif box.node.kind == LINK:
            tip += "\nClick to open that topic's map."
        self.setToolTip(tip)
        if box.node.kind in (QUESTION, LINK):
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    @property
    def ref(self):
        return self.box.ref

    def set_state(self, on_path: bool, current: bool) -> None:
        if (on_path, current) != (self.on_path, self.current):
            self.on_path, self.current = on_path, current
            self.update()

    def boundingRect(self) -> QRectF:
        return _qrect(self.box.rect, 10)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        box = self.box
        c = colours_of(box, high_contrast=self.ink is CONTRAST_INK)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.ink
        if self.on_path or self.current:
            pen = QPen(QColor(ink.path), PATH_PEN)
            if self.current and not self.on_path:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(_qrect(box.rect, 5), 10, 10)
        outline = QPen(QColor(ink.stroke or c.stroke), 3 if box.node.start else 1.5)
        if box.node.kind == LINK:
            outline.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(outline)
        painter.setBrush(QBrush(QColor(ink.box_fill or c.fill)))
        painter.drawRoundedRect(_qrect(box.rect), 6, 6)
        if box.band is not None:
            b = box.band
            band = QPainterPath()
            band.addRoundedRect(_qrect(b), 6, 6)
            square = QPainterPath()  # square off the band's bottom corners
            square.addRect(QRectF(b.x, b.y + b.height / 2, b.width, b.height / 2))
            painter.setPen(QPen(QColor(c.stroke), 1.5))
            painter.setBrush(QBrush(QColor(c.band)))
            painter.drawPath(band.united(square))
        for t in box.texts:
            body = ink.text if ink.box_fill else c.text  # the box's own words on its own fill
            draw_text(painter, self.family, t, c.band_text if t.role == "heading" else body)
        if self.current:
            self._now_tag(painter)

    def _now_tag(self, painter: QPainter) -> None:
        """A small "now" tag on the box the presentation is at, so the room finds its place."""
        r = self.box.rect
        font = QFont(self.family)
        font.setPixelSize(13)
        font.setBold(True)
        painter.setFont(font)
        text = "now"
        w = QFontMetricsF(font).horizontalAdvance(text) + 12
        tag = QRectF(r.x + 4, r.y - 9, w, 18)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(self.ink.path)))
        painter.drawRoundedRect(tag, 4, 4)
        painter.setPen(QColor(self.ink.path_text))
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)


def rounded_path(points: Sequence[tuple[float, float]], radius: float = 14) -> QPainterPath:
    """A line through the points with its corners rounded, as in the SVG export."""
    kept = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    path = QPainterPath(QPointF(*kept[0]))
    for prev, (x, y), nxt in zip(kept, kept[1:], kept[2:], strict=False):
        a = _toward((x, y), prev, min(radius, math.dist(prev, (x, y)) / 2))
        b = _toward((x, y), nxt, min(radius, math.dist((x, y), nxt) / 2))
        path.lineTo(QPointF(*a))
        path.quadTo(QPointF(x, y), QPointF(*b))
    path.lineTo(QPointF(*kept[-1]))
    return path


def _toward(a: tuple[float, float], b: tuple[float, float], dist: float) -> tuple[float, float]:
    length = math.dist(a, b) or 1.0
    return a[0] + (b[0] - a[0]) * dist / length, a[1] + (b[1] - a[1]) * dist / length


def arrow_head(points: Sequence[tuple[float, float]], size: float) -> QPolygonF:
    (x0, y0), (x1, y1) = next((p, points[-1]) for p in reversed(points) if p != points[-1])
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    bx, by = x1 - ux * size, y1 - uy * size
    half = size * 0.45
    return QPolygonF(
        [
            QPointF(x1, y1),
            QPointF(bx - uy * half, by + ux * half),
            QPointF(bx + uy * half, by - ux * half),
        ]
    )


class ArrowItem(QGraphicsItem):
    """One answer: its line, its head and its label."""

    def __init__(self, arrow: Arrow, index: int, family: str) -> None:
        super().__init__()
        self.arrow = arrow
        self.index = index
        self.family = family
        self.on_path = False
        self.ink = LIGHT_INK
        self.line = rounded_path(arrow.points)
        self.setZValue(0)
        self.setToolTip(f"Answer: {arrow.edge.label}")

    def set_on_path(self, on: bool) -> None:
        if on != self.on_path:
            self.on_path = on
            self.setZValue(1 if on else 0)  # the path lies over the other arrows
            self.update()

    def boundingRect(self) -> QRectF:
        return self.line.boundingRect().united(_qrect(self.arrow.label)).adjusted(-12, -12, 12, 12)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        a = self.arrow
        ink = self.ink
        colour = QColor(ink.path if self.on_path else ink.arrow)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(colour, PATH_PEN if self.on_path else 1.6)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.line)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawPolygon(arrow_head(a.points, 16 if self.on_path else 10))
        painter.setPen(
            QPen(QColor(ink.path), 2)
            if self.on_path
            else QPen(QColor(ink.arrow), 1)
            if ink is not LIGHT_INK
            else Qt.PenStyle.NoPen
        )
        painter.setBrush(QBrush(QColor(ink.label_fill)))
        painter.drawRoundedRect(_qrect(a.label), 4, 4)
        for t in a.texts:
            draw_text(painter, self.family, t, ink.text)
