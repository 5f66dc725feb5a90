"""Save the map as SVG (the same document `wizard graph` writes) or as a PNG picture, whole or
not at all. The save dialog and the error message are small functions tests replace."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import cast

from wizard.core.catalog import NodeRef
from wizard.core.layout import MapLayout
from wizard.export.mapsvg import map_svg
from wizard.gui.qt import (
    QColor,
    QFileDialog,
    QGraphicsScene,
    QImage,
    QMessageBox,
    QPainter,
    QRectF,
    QStandardPaths,
    Qt,
    QWidget,
)
from wizard.library.atomicfile import write_atomic, write_bytes_atomic

FORMATS = {"svg": "SVG drawing (*.svg)", "png": "PNG picture (*.png)"}
PNG_SCALE = 2.0  # pixels per map unit: sharp on a slide or in print
PNG_MAX_SIDE = 12000


class ExportDialog:
    """Where to save the map: the system's save dialog."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggestion: Path, kind: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent, f"Save the map as {kind.upper()}", str(suggestion), FORMATS[kind]
        )
        return Path(name) if name else None


def tell_error(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, "The map was not saved", message)


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def with_suffix(path: Path, kind: str) -> Path:
    return path if path.suffix.lower() == f".{kind}" else path.with_name(f"{path.name}.{kind}")


def write_svg(
    path: Path,
    layout: MapLayout,
    route: Sequence[NodeRef] = (),
    answers: Sequence[str] | None = None,
) -> None:
    write_bytes_atomic(path, map_svg(layout, route, answers).encode("utf-8"))


def render_png(scene: QGraphicsScene, scale: float = PNG_SCALE) -> QImage:
    """The whole scene as a picture on white."""
    rect = scene.sceneRect()
    scale = min(scale, PNG_MAX_SIDE / max(rect.width(), rect.height(), 1))
    image = QImage(
        max(1, round(rect.width() * scale)),
        max(1, round(rect.height() * scale)),
        QImage.Format.Format_RGB32,
    )
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(
        painter,
        QRectF(0, 0, image.width(), image.height()),
        rect,
        Qt.AspectRatioMode.KeepAspectRatio,
    )
    painter.end()
    return image


def write_png(path: Path, scene: QGraphicsScene) -> None:
    image = render_png(scene)

    def save(tmp: Path) -> None:
        # The temporary name ends in .part, so the format is named rather than guessed. PySide6's
        # stubs type the format as bytes, but save() takes only a str (bytes: ValueError).
        if not image.save(str(tmp), cast(bytes, "PNG")):
            raise OSError(0, "the picture could not be written")

    write_atomic(path, save)
