"""Small building blocks for the trainer's screens: labels with a text role, buttons that say what
they do to a screen reader, and emptying a layout before a screen is rebuilt."""

from __future__ import annotations

from collections.abc import Callable

from wizard.core.transcript import QuotedClause
from wizard.gui.qt import (
    QFrame,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)


def label(text: str, role: str, parent: QWidget | None = None, *, rich: bool = False) -> QLabel:
    """A word-wrapped label; plain text unless `rich`, so tree text is never read as markup."""
    w = QLabel(parent)
    w.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    w.setText(text)
    w.setWordWrap(True)
    w.setProperty("role", role)
    w.setAccessibleName(text if not rich else "")
    return w


def button(
    text: str,
    name: str,
    description: str,
    on_click: Callable[[], object],
    parent: QWidget | None = None,
) -> QPushButton:
    b = QPushButton(text, parent)
    b.setProperty("role", "button")
    b.setAccessibleName(name)
    b.setAccessibleDescription(description)
    b.setToolTip(description)
    b.setAutoDefault(True)
    b.clicked.connect(lambda _checked=False: on_click())
    return b


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every item of a layout, nested layouts too."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:  # only past the last item
            break
        w = item.widget()
        if w is not None:
            w.hide()
            w.setParent(None)
            w.deleteLater()
        elif (inner := item.layout()) is not None:
            clear_layout(inner)


def quote_box(clause: QuotedClause, padding: int) -> QFrame:
    """A cited clause: its heading, then its words in quotation marks, in a framed box."""
    box = QFrame()
    box.setProperty("role", "quoteBox")
    v = QVBoxLayout(box)
    v.setContentsMargins(20, padding, 16, padding)
    if clause.heading:
        v.addWidget(label(clause.heading, "heading"))
    v.addWidget(label(f"“{clause.text}”", "quote"))
    return box


def slide_column() -> tuple[QScrollArea, QWidget, QVBoxLayout]:
    """A vertical column of slide content that scrolls up and down, never sideways."""
    body = QWidget()
    body.setObjectName("trainer")
    column = QVBoxLayout(body)
    column.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(body)
    return scroll, body, column
