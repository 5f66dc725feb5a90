"""The Map screen: which topic, zoom buttons, export, and the map itself."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from wizard.core.catalog import Catalog, NodeRef
from wizard.gui.qt import QComboBox, QHBoxLayout, QLabel, Qt, QVBoxLayout, QWidget, Signal
from wizard.gui.trainer import map_export
from wizard.gui.trainer.map_view import ZOOM_STEP, MapView
from wizard.gui.trainer.parts import button, label
from wizard.library.atomicfile import SaveError


class MapPanel(QWidget):
    questionClicked = Signal(object)  # a NodeRef: present this question
    saved = Signal(str)  # the path a map was saved to

    def __init__(self, catalog: Catalog, family: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.tree_id: str | None = None
        self.path: list[NodeRef] = []
        self.answers: list[str] = []
        self.current: NodeRef | None = None
        self.view = MapView(family)
        self.view.questionClicked.connect(self.questionClicked)
        self.view.linkClicked.connect(self.open_linked)
        self.topics = QComboBox()
        self.topics.setAccessibleName("Topic to draw")
        for t in catalog.sorted_trees():
            self.topics.addItem(t.title, t.id)
        self.topics.currentIndexChanged.connect(self._topic_chosen)
        topic_label = QLabel("&Topic:")
        topic_label.setBuddy(self.topics)
        topic_label.setProperty("role", "button")
        self.zoom_label = label("100%", "button")
        self.zoom_label.setWordWrap(False)
        self.zoom_label.setAccessibleName("Zoom")
        self.view.zoomChanged.connect(lambda z: self.zoom_label.setText(f"{round(z * 100)}%"))
        bar = QHBoxLayout()
        bar.addWidget(topic_label)
        bar.addWidget(self.topics, 1)
        self.zoom_in_button = button(
            "+", "Zoom in", "Zoom in (+ or Ctrl+wheel)", lambda: self.view.zoom_by(ZOOM_STEP)
        )
        self.zoom_out_button = button(
            "−", "Zoom out", "Zoom out (- or Ctrl+wheel)", lambda: self.view.zoom_by(1 / ZOOM_STEP)
        )
        self.fit_button = button("Fit", "Fit the map", "Show the whole map (Ctrl+0)", self.view.fit)
        self.svg_button = button(
            "Save SVG…",
            "Save the map as SVG",
            "Save this map as an SVG drawing",
            lambda: self.export("svg"),
        )
        self.png_button = button(
            "Save PNG…",
            "Save the map as PNG",
            "Save this map as a PNG picture",
            lambda: self.export("png"),
        )
        for w in (
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
            self.fit_button,
            self.svg_button,
            self.png_button,
        ):
            bar.addWidget(w)
        self.note = label(
            "Orange: the path so far. Click a question to present it; drag or "
            "arrow keys to move; Ctrl+wheel, + or − to zoom.",
            "keys",
        )
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        column.addLayout(bar)
        column.addWidget(self.view, 1)
        column.addWidget(self.note)

    # -- what it shows
    def show_tree(self, tree_id: str) -> None:
        if tree_id not in self.catalog.trees:
            return
        fresh = tree_id != self.tree_id
        self.tree_id = tree_id
        index = self.topics.findData(tree_id)
        if index != self.topics.currentIndex():
            self.topics.blockSignals(True)
            self.topics.setCurrentIndex(index)
            self.topics.blockSignals(False)
        if fresh:
            self.view.show_tree(self.catalog, tree_id)
            self.view.set_path(self.path, self.answers, self.current)
            self.view.fit_readably()

    def set_path(
        self, path: Sequence[NodeRef], answers: Sequence[str], current: NodeRef | None
    ) -> None:
        self.path, self.answers, self.current = list(path), list(answers), current
        self.view.set_path(self.path, self.answers, current)

    def _topic_chosen(self, index: int) -> None:
        tree_id = self.topics.itemData(index)
        if tree_id:
            self.show_tree(str(tree_id))

    def open_linked(self, tree_id: str) -> None:
        if tree_id in self.catalog.trees:
            self.show_tree(tree_id)
            self.view.setFocus()

    # -- export
    def export(self, kind: str) -> Path | None:
        """Ask where, then save the map as `kind` (svg or png); say so if it failed."""
        layout = self.view.layout_
        if layout is None:
            return None
        suggestion = map_export.default_folder() / f"map-{self.tree_id}.{kind}"
        chosen = map_export.ExportDialog.ask(self, suggestion, kind)
        if chosen is None:
            return None
        path = map_export.with_suffix(chosen, kind)
        try:
            if kind == "svg":
                map_export.write_svg(path, layout, self.path, self.answers)
            else:
                map_export.write_png(path, self.view.scene())
        except SaveError as exc:
            map_export.tell_error(self, str(exc))
            return None
        self.saved.emit(str(path))
        return path

    def focus_map(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
