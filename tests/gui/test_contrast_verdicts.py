"""In high contrast each kind of verdict has its own colour, not one yellow for all (issue 17,
item 16)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from wizard.core.verdicts import VERDICTS

pytestmark = pytest.mark.gui


def test_each_severity_of_verdict_has_its_own_colour_in_high_contrast(qtbot, make_window):
    window = make_window()
    window.prefs.high_contrast = True
    window.apply_style()
    looks = {}
    for severity in sorted({v.severity for v in VERDICTS.values()}):
        banner = QFrame(window.stack)  # styled as the outcome's banner is
        banner.setProperty("role", "banner")
        banner.setProperty("severity", str(severity))
        words = QLabel("Verdict", banner)
        QVBoxLayout(banner).addWidget(words)
        banner.show()
        words.ensurePolished()
        looks[severity] = words.palette().color(QPalette.ColorRole.WindowText).name()
        banner.deleteLater()
    assert len(set(looks.values())) == len(looks), looks
