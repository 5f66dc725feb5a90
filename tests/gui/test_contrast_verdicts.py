"""Each verdict's colours on screen come from the one palette in core/verdicts.py: the window's
banner and the trainer's, in both themes, show each verdict's words readably (WCAG AA, 4.5:1) and
in the same colours; in high contrast each severity has its own colour, not one yellow for all
(issue 17, item 16; issue 16, item 1)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QFrame, QGraphicsScene, QLabel, QVBoxLayout, QWidget

from tests.conftest import SHIPPED_TREES
from tests.export.test_verdict_palette import AA, contrast
from wizard.core.layout import OUTCOME, layout_tree
from wizard.core.verdicts import VERDICTS
from wizard.gui.trainer import style as trainer_style
from wizard.gui.trainer.map_items import CONTRAST_INK, LIGHT_INK, BoxItem
from wizard.library.folder import load_folder

pytestmark = pytest.mark.gui


def _banner(parent: QWidget, role: str, verdict_id: str) -> tuple[QFrame, QLabel]:
    """A frame styled as the outcome's (role banner) or the trainer's (role verdict) is."""
    banner = QFrame(parent)
    banner.setProperty("role", role)
    banner.setProperty("verdict", verdict_id)
    banner.setProperty("severity", str(VERDICTS[verdict_id].severity))
    words = QLabel("Verdict", banner)
    QVBoxLayout(banner).addWidget(words)
    banner.resize(400, 80)
    banner.show()
    words.ensurePolished()
    return banner, words


def _looks(banner: QFrame, words: QLabel) -> tuple[str, str]:
    """(words, background) as drawn: the words' colour, and a pixel of the banner beside them."""
    image = banner.grab().toImage()
    background = image.pixelColor(image.width() - 20, image.height() // 2).name()
    return words.palette().color(QPalette.ColorRole.WindowText).name(), background


@pytest.mark.parametrize("high_contrast", [False, True], ids=["light", "high-contrast"])
def test_window_and_trainer_banners_show_each_verdict_readably_in_one_palette(
    qtbot, make_window, high_contrast
):
    window = make_window()
    window.prefs.high_contrast = high_contrast
    window.apply_style()
    trainer = QWidget()
    trainer.setObjectName("trainer")
    trainer.setStyleSheet(trainer_style.stylesheet(high_contrast))
    qtbot.addWidget(trainer)
    trainer.show()
    by_severity: dict[int, set[tuple[str, str]]] = {}
    for v in VERDICTS.values():
        look = v.look(high_contrast)
        in_window = _looks(*_banner(window.stack, "banner", v.id))
        in_trainer = _looks(*_banner(trainer, "verdict", v.id))
        assert in_window == (look.text, look.background), v.id
        assert in_trainer == in_window, v.id
        assert contrast(*in_window) >= AA, (v.id, in_window)
        by_severity.setdefault(v.severity, set()).add(in_window)
    everyone = [look for looks in by_severity.values() for look in looks]
    assert len(set(everyone)) == len(everyone), by_severity  # each severity its own colours


def test_criminal_offence_is_the_same_dark_red_in_the_window_and_the_trainers_map(qapp):
    """The map used to paint it purple (#4a148c) while the window showed dark red."""
    layout = layout_tree(load_folder(SHIPPED_TREES), "campaigning")
    box = next(
        b for b in layout.boxes if b.node.kind == OUTCOME and b.node.verdict == "criminal_offence"
    )
    assert box.band is not None
    crime = VERDICTS["criminal_offence"]
    for ink, look, body in (
        (LIGHT_INK, crime.light, crime.light.background),
        (CONTRAST_INK, crime.contrast, "#000000"),  # high contrast: boxes black, bands bright
    ):
        item = BoxItem(box, "DejaVu Sans")
        item.ink = ink
        scene = QGraphicsScene()
        scene.addItem(item)
        r = box.rect
        image = QImage(round(r.width) + 40, round(r.height) + 40, QImage.Format.Format_RGB32)
        image.fill(QColor("#808080"))
        painter = QPainter(image)
        painter.translate(20 - r.x, 20 - r.y)
        scene.render(painter, source=scene.sceneRect(), target=scene.sceneRect())
        painter.end()
        band_y = round(box.band.y + 3 - r.y + 20)
        body_y = round(r.y + r.height - 5 - r.y + 20)
        assert image.pixelColor(24, band_y).name() == look.border
        assert image.pixelColor(24, body_y).name() == body
