"""Keyboard helpers for the GUI tests: keys go to whatever has the focus, as for a real user."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget


def focused() -> QWidget:
    w = QApplication.focusWidget()
    assert w is not None, "nothing has the keyboard focus"
    return w


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    """Press a key on whatever has the focus, as a keyboard user would."""
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def texts(widget: QWidget, role: str | None = None, rich: bool | None = None) -> list[str]:
    """The text of every label shown inside `widget` (with that role, or rich text), in order."""
    out = []
    for w in widget.findChildren(QLabel):
        if not w.isVisibleTo(widget) or (role is not None and w.property("role") != role):
            continue
        if rich is not None and (w.textFormat() == Qt.TextFormat.RichText) != rich:
            continue
        out.append(w.text())
    return out
