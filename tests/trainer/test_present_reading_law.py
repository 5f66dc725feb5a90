"""Present: the guidance slide quotes the guidance, then how it is read here; the law follows on a
slide of its own, headed "The law", only when the outcome cites it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from wizard.library.folder import load_folder

pytestmark = pytest.mark.gui

READING_LAW = Path(__file__).resolve().parents[1] / "fixtures" / "reading-law"


@pytest.fixture
def present(qtbot, settings):
    from wizard.gui.trainer.window import TrainerWindow

    w = TrainerWindow(load_folder(READING_LAW), settings)
    qtbot.addWidget(w)
    w.resize(1920, 1080)
    w.show()
    qtbot.waitExposed(w)
    w.present("officer-leaflets")
    return w.present_view


def test_the_guidance_slide_has_the_reading_after_the_guidance(qtbot, present):
    p = present
    while p.deck.slide.kind != "guidance":
        qtbot.keyClick(p, Qt.Key.Key_Space)
    lines = p.labels()
    guidance = lines.index("What the guidance says")
    reading = lines.index("How the guidance is read here")
    assert guidance < reading
    assert "“Staff must not campaign for a candidate.”" in lines[guidance:reading]
    assert lines[reading + 1].startswith("The guidance's 'staff' is read here")
    assert not any("police force" in t for t in lines)  # the law is not mixed in


def test_the_law_has_a_slide_of_its_own_after_the_guidance(qtbot, present):
    p = present
    kinds = [s.kind for s in p.deck.slides]
    assert kinds[kinds.index("guidance") + 1] == "law"
    while p.deck.slide.kind != "law":
        qtbot.keyClick(p, Qt.Key.Key_Space)
    lines = p.labels()
    assert lines[0] == "The law"
    assert "“No member of a police force may persuade any person to vote for a candidate.”" in lines
    assert (
        "Acts of Parliament and regulations, The law behind the guidance (summarised) "
        "(TEST LAW 1)" in lines
    )
    assert not any("Staff must not campaign" in t for t in lines)
    assert "The law" in p.meta.text()
    qtbot.keyClick(p, Qt.Key.Key_Space)
    assert p.deck.slide.kind == "why"
