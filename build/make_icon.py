"""Draw the app icon (resources/icons/app.png and app.ico) with Qt; run by hand when it changes.

    python build/make_icon.py

The icon: a white question mark on a dark blue rounded square with a yellow tick in a ballot box
corner, drawn in the bundled DejaVu Sans Bold so that it looks the same on every machine. The
.ico holds PNG images at the sizes Windows asks for (Vista and later read PNG inside .ico).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from wizard.export.fonts import register_fonts  # noqa: E402

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
NAVY, YELLOW, WHITE = QColor("#1b3a6b"), QColor("#f2c230"), QColor("#ffffff")


def draw(size: int, family: str) -> QImage:
    """The icon at `size` pixels square, drawn from vectors (sharp at every size)."""
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(NAVY)
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    font = QFont(family)
    font.setBold(True)
    font.setPixelSize(round(200 * s))
    p.setFont(font)
    p.setPen(WHITE)
    p.drawText(QRectF(0, -6 * s, 190 * s, 256 * s), Qt.AlignmentFlag.AlignCenter, "?")
    box = QRectF(150 * s, 150 * s, 76 * s, 76 * s)  # the ballot box with a tick
    p.setPen(QPen(YELLOW, max(1.0, 12 * s)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(box)
    tick = QPen(YELLOW, max(1.5, 16 * s), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin)
    p.setPen(tick)
    p.drawPolyline([QPointF(164 * s, 188 * s), QPointF(184 * s, 208 * s),
                    QPointF(236 * s, 140 * s)])
    p.end()
    return img


def png_bytes(img: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(data.data())


def ico_bytes(images: list[bytes], sizes: tuple[int, ...]) -> bytes:
    """An .ico file whose entries are PNG images."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in zip(sizes, images, strict=True):
        edge = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def main() -> None:
    app = QGuiApplication(sys.argv)  # noqa: F841 - fonts and painting need it
    family = register_fonts()
    out = ROOT / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    (out / "app.png").write_bytes(png_bytes(draw(256, family)))
    (out / "app.ico").write_bytes(ico_bytes([png_bytes(draw(n, family)) for n in ICO_SIZES],
                                            ICO_SIZES))
    print(f"wrote {out / 'app.png'} and {out / 'app.ico'}")


if __name__ == "__main__":
    main()
