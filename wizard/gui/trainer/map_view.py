"""Map: a whole tree as a diagram, drawn from the core's layout, with the presentation's path.

Zoom with Ctrl+wheel or + and -, Ctrl+0 fits the map to the window; pan by dragging or with the
arrow keys. A click on a question asks to present it; a click on a "Go to the topic" box opens
that topic's map.
"""

from __future__ import annotations

from collections.abc import Sequence

from wizard.core.catalog import Catalog, NodeRef
from wizard.core.layout import LINK, QUESTION, MapLayout, highlighted, layout_tree
from wizard.gui.qt import (
    QColor,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPoint,
    QPointF,
    QRectF,
    QResizeEvent,
    QStyleOptionGraphicsItem,
    Qt,
    QWheelEvent,
    QWidget,
    Signal,
)
from wizard.gui.trainer.map_items import (
    CONTRAST_INK,
    LIGHT_INK,
    ArrowItem,
    BoxItem,
    draw_text,
)

ZOOM_STEP = 1.2
MIN_ZOOM, MAX_ZOOM = 0.1, 6.0
CLICK_SLOP = 6  # px a press may move and still count as a click, not a drag


class TitleItem(QGraphicsItem):
    """The map's title and how to read it."""

    def __init__(self, layout: MapLayout, family: str) -> None:
        super().__init__()
        self.layout = layout
        self.family = family
        self.ink = LIGHT_INK

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.layout.width, self.layout.style.margin * 4)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for t in self.layout.titles:
            draw_text(painter, self.family, t, self.ink.text)


class MapView(QGraphicsView):
    questionClicked = Signal(object)  # the NodeRef of a question
    linkClicked = Signal(str)  # the id of the tree a "Go to the topic" box leads to
    zoomChanged = Signal(float)

    def __init__(self, family: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.family = family
        self.layout_: MapLayout | None = None
        self.title_item: TitleItem | None = None
        self.box_items: list[BoxItem] = []
        self.arrow_items: list[ArrowItem] = []
        self.path: list[NodeRef] = []
        self.answers: list[str] = []
        self.current: NodeRef | None = None
        self._press: QPoint | None = None
        self.auto_fit = True  # until the user zooms, the map refits when the window resizes
        self.setScene(QGraphicsScene(self))
        self.ink = LIGHT_INK
        self.setBackgroundBrush(QColor(self.ink.background))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setInteractive(False)  # clicks are read here, against the layout, not by items
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Map of the tree")

    # -- what it shows
    def show_layout(self, layout: MapLayout) -> None:
        scene = self.scene()
        scene.clear()
        self.layout_ = layout
        self.title_item = TitleItem(layout, self.family)
        scene.addItem(self.title_item)
        self.arrow_items = [ArrowItem(a, k, self.family) for k, a in enumerate(layout.arrows)]
        self.box_items = [BoxItem(b, self.family) for b in layout.boxes]
        items: list[TitleItem | ArrowItem | BoxItem] = [
            self.title_item,
            *self.arrow_items,
            *self.box_items,
        ]
        for item in items:
            item.ink = self.ink
            if item is not self.title_item:
                scene.addItem(item)
        scene.setSceneRect(QRectF(0, 0, layout.width, layout.height))
        self.auto_fit = True
        self.setAccessibleName(f"Map of the tree: {layout.graph.title}")
        self.setAccessibleDescription(
            f"{sum(1 for b in layout.boxes if b.node.kind == QUESTION)} questions, "
            f"{len(layout.arrows)} answers. Ctrl+wheel, + or - zoom; Ctrl+0 fits; arrow keys "
            "pan; click a question to present it."
        )
        self._paint_path()

    def set_high_contrast(self, on: bool) -> None:
        """Draw the map white and yellow on black (high contrast), or as the SVG export."""
        self.ink = CONTRAST_INK if on else LIGHT_INK
        self.setBackgroundBrush(QColor(self.ink.background))
        for item in (self.title_item, *self.arrow_items, *self.box_items):
            if item is not None:
                item.ink = self.ink
                item.update()

    def show_tree(self, catalog: Catalog, tree_id: str) -> None:
        self.show_layout(layout_tree(catalog, tree_id))

    def set_path(
        self,
        path: Sequence[NodeRef],
        answers: Sequence[str] | None = None,
        current: NodeRef | None = None,
    ) -> None:
        """Highlight a walk's path (node refs in order, and the answers taken) and where it is."""
        self.path = list(path)
        self.answers = list(answers or [])
        self.current = current
        self._paint_path()

    def highlighted(self) -> tuple[set[NodeRef], set[int]]:
        """The boxes (by ref) and arrows (by index) drawn as the path."""
        return (
            {b.ref for b in self.box_items if b.on_path},
            {a.index for a in self.arrow_items if a.on_path},
        )

    def _paint_path(self) -> None:
        if self.layout_ is None:
            return
        boxes, arrows = highlighted(self.layout_, self.path, self.answers)
        for b in self.box_items:
            b.set_state(b.ref in boxes, b.ref == self.current and b.box.node.kind != LINK)
        for a in self.arrow_items:
            a.set_on_path(a.index in arrows)

    # -- zoom and pan
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        self.auto_fit = False
        target = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom * factor))
        if target != self.zoom:
            self.scale(target / self.zoom, target / self.zoom)
            self.zoomChanged.emit(self.zoom)

    def fit(self) -> None:
        """The whole map in the window (and again whenever the window changes size)."""
        self.auto_fit = True
        if self.layout_ is not None:
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self.zoomChanged.emit(self.zoom)

    def fit_readably(self) -> None:
        """Fit, but never so small that the text cannot be read: then show the top at 50%."""
        self.fit()
        if self.zoom < 0.5:
            self.scale(0.5 / self.zoom, 0.5 / self.zoom)
            self.centerOn(self.sceneRect().center().x(), 0)
            self.zoomChanged.emit(self.zoom)

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        if self.auto_fit:
            self.fit_readably()

    def wheelEvent(self, e: QWheelEvent) -> None:
        if e.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = e.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps)
            e.accept()
        else:
            super().wheelEvent(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        key = e.key()
        ctrl = bool(e.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0 and ctrl:
            self.fit()
        else:
            super().keyPressEvent(e)  # the arrow keys scroll

    # -- clicks (a drag pans instead)
    def mousePressEvent(self, e: QMouseEvent) -> None:
        self._press = e.position().toPoint()
        super().mousePressEvent(e)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        super().mouseReleaseEvent(e)
        start, self._press = self._press, None
        if (
            start is not None
            and e.button() == Qt.MouseButton.LeftButton
            and (e.position().toPoint() - start).manhattanLength() <= CLICK_SLOP
        ):
            self.click_at(self.mapToScene(e.position().toPoint()))

    def click_at(self, point: QPointF) -> None:
        """Act on a click at a point of the map (in map coordinates)."""
        if self.layout_ is None:
            return
        box = self.layout_.box_at(point.x(), point.y())
        if box is None:
            return
        if box.node.kind == QUESTION:
            self.questionClicked.emit(box.ref)
        elif box.node.kind == LINK:
            self.linkClicked.emit(box.ref[0])
