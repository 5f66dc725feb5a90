"""How trainer mode looks: projector-sized text that scales with the window, and a light or a
high-contrast palette. Text sizes are set as fonts (so a slide can shrink to fit); colours come
from one style sheet per palette."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.core.verdicts import VERDICTS
from wizard.gui.qt import QFont, QHeaderView, QWidget

# Each role's text size as a multiple of the base size, and whether it is bold.
ROLES: dict[str, tuple[float, bool]] = {
    "meta": (0.62, False),
    "title": (1.4, True),
    "question": (1.4, True),
    "story": (1.05, False),
    "person": (0.8, True),
    "answer": (1.0, False),
    "badge": (1.0, True),
    "explain": (0.8, False),
    "prompt": (0.8, False),
    "verdict": (1.2, True),
    "body": (0.95, False),
    "heading": (0.9, True),
    "section": (1.05, True),  # a heading within a slide: the reading, the law
    "quote": (0.85, False),
    "cite": (0.6, False),
    "point": (1.0, False),
    "keys": (0.55, False),
    "button": (0.7, False),
    "action": (1.0, True),  # what to do next at the end of a quiz
    "problems": (0.6, False),  # scenarios left out of the list, and why
}


@dataclass(frozen=True)
class Palette:
    background: str
    text: str
    muted: str
    accent: str  # the scenario's answer and path: the map's path colour
    accent_fill: str
    accent_text: str
    panel: str
    rule: str
    dimmed: str  # the answers that are not the scenario's, once it is revealed


LIGHT = Palette(
    "#ffffff",
    "#111111",
    "#37474f",
    "#e65100",
    "#fff3e0",
    "#111111",
    "#f3f5f6",
    "#546e7a",
    "#5f6b73",
)
HIGH_CONTRAST = Palette(
    "#000000",
    "#ffffff",
    "#ffffff",
    "#ffff00",
    "#000000",
    "#ffff00",
    "#000000",
    "#ffffff",
    "#ffffff",
)


def palette(high_contrast: bool) -> Palette:
    return HIGH_CONTRAST if high_contrast else LIGHT


def base_size(height: int, scale: float = 1.0) -> float:
    """The base text size in px for a view this tall: about 26 lines of it fill the screen,
    40 px on a 1080-line projector, never under 14 px."""
    return max(14.0, min(56.0, height / 26)) * scale


def apply_fonts(root: QWidget, family: str, base: float) -> None:
    """Give every widget under `root` that has a role its size; fonts, not the style sheet, so
    that a slide can be shrunk to fit without rebuilding it."""
    for w in [root, *root.findChildren(QWidget)]:
        role = w.property("role")
        if role in ROLES:
            factor, bold = ROLES[role]
            font = QFont(family)
            font.setPixelSize(max(10, round(base * factor)))
            font.setBold(bold)
            w.setFont(font)
            if isinstance(w, QHeaderView):  # its sections keep the font they were polished with
                w.style().unpolish(w)
                w.style().polish(w)


def stylesheet(high_contrast: bool) -> str:
    """Colours for every trainer screen; verdict banners keep their words in every palette."""
    p = palette(high_contrast)
    rules = [
        f"QWidget#trainer {{ background: {p.background}; color: {p.text}; }}",
        f"QLabel {{ color: {p.text}; background: transparent; }}",
        f'QLabel[role="meta"], QLabel[role="keys"], QLabel[role="prompt"], '
        f'QLabel[role="cite"], QLabel[role="explain"] {{ color: {p.muted}; }}',
        f'.QFrame[role="answer"] {{ border: 2px solid {p.rule}; border-radius: 10px; '
        f"background: {p.background}; }}",
        f'.QFrame[role="answer"][expected="true"] {{ border: 6px solid {p.accent}; '
        f"background: {p.accent_fill}; }}",
        f'.QFrame[role="answer"][expected="true"] QLabel {{ color: {p.accent_text}; }}',
        f'.QFrame[role="answer"][dimmed="true"] QLabel {{ color: {p.dimmed}; }}',
        f'QLabel[role="badge"] {{ border: 2px solid {p.rule}; border-radius: 8px; '
        f"padding: 2px 10px; }}",
        f'.QFrame[role="quoteBox"] {{ border-left: 8px solid {p.rule}; background: {p.panel}; }}',
        f'.QFrame[role="panel"] {{ background: {p.panel}; border: 2px solid {p.rule}; '
        "border-radius: 10px; }",
        f'QLabel[role="person"] {{ border: 2px solid {p.text}; border-radius: 8px; '
        "padding: 4px 12px; }",
        f"QPushButton {{ color: {p.text}; background: {p.panel}; border: 2px solid {p.rule}; "
        "border-radius: 6px; padding: 6px 12px; }",
        f"QPushButton:checked {{ background: {p.accent_fill}; border-color: {p.accent}; }}",
        f"QPushButton:disabled {{ color: {p.dimmed}; background: {p.background}; "
        "border-style: dashed; }",
        f"QPushButton:focus, QTreeWidget:focus, QComboBox:focus, QGraphicsView:focus "
        f"{{ border: 4px solid {p.accent}; }}",
        f"QPushButton:hover {{ border-color: {p.accent}; }}",
        f"QTreeWidget {{ background: {p.background}; color: {p.text}; "
        f"border: 2px solid {p.rule}; }}",
        f"QTreeWidget::item {{ padding: 6px; border-bottom: 1px solid {p.rule}; }}",
        f"QTreeWidget::item:selected {{ background: {p.accent_fill}; color: {p.accent_text}; "
        f"border-top: 3px solid {p.accent}; border-bottom: 3px solid {p.accent}; }}",
        f"QHeaderView::section {{ background: {p.panel}; color: {p.text}; padding: 4px; "
        f"border: none; border-bottom: 2px solid {p.rule}; }}",
        f"QComboBox {{ color: {p.text}; background: {p.panel}; border: 2px solid {p.rule}; "
        "padding: 4px 8px; }",
        f"QScrollArea {{ border: none; background: {p.background}; }}",
        f'QLabel[role="problems"] {{ border: 3px solid {p.accent}; border-radius: 8px; '
        "padding: 8px 12px; }",
        f'.QFrame[role="topBar"] {{ background: {p.panel}; border-bottom: 2px solid {p.rule}; }}',
    ]
    for v in VERDICTS.values():  # the window's banner colours: one palette, core/verdicts.py
        look = v.look(high_contrast)
        width = 6 if high_contrast else 3
        rules.append(
            f'.QFrame[role="verdict"][verdict="{v.id}"] {{ background: {look.background}; '
            f"border: {width}px solid {look.border}; border-radius: 10px; }}"
        )
        rules.append(f'QFrame[role="verdict"][verdict="{v.id}"] QLabel {{ color: {look.text}; }}')
    return "\n".join(rules)
