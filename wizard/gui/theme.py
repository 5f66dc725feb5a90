"""Build the window's style sheet from resources/styles/*.qss for a text size and a theme."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from string import Template

from wizard.core.verdicts import VERDICTS
from wizard.gui.qt import QWidget
from wizard.library.locations import resources

STYLES = ("base.qss",)
THEMES = {False: "light.qss", True: "high_contrast.qss"}


def styles_dir() -> Path:
    return resources() / "styles"


@cache
def _read(name: str) -> str:
    try:
        return (styles_dir() / name).read_text(encoding="utf-8")
    except OSError:
        return ""  # a missing style file leaves Qt's plain look; the program still works


def sizes(base: int) -> dict[str, str]:
    """Every size the style sheets use, derived from the one text size.

    Text sizes are in points. Paddings are in pixels (Qt's style sheets ignore points there),
    computed as the same proportion of the text at 96 dpi; Qt scales them on high-DPI screens.
    """
    text = {"small": 0.9, "card": 1.15, "large": 1.3, "title": 1.6, "huge": 2.0}
    space = {"pad": 0.75, "half": 0.45, "quarter": 0.25, "gap": 0.6, "scrollbar": 1.1, "badge": 1.2}
    # Headings grow with the text up to 16 points, then only by what they add there: at 36
    # points a title twice the text would leave no room at 1024x768 for the question itself.
    out = {name: f"{base + (f - 1) * min(base, 16):.1f}" for name, f in text.items()}
    out |= {name: str(max(2, round(base * f * 96 / 72))) for name, f in space.items()}
    out["base"] = str(base)
    bar = min(base, 20)  # the bars' buttons: readable, and the bars a small part of 768 px
    out |= {
        "bar": str(bar),
        "barpad": str(round(bar * 0.75 * 96 / 72)),
        "barhalf": str(round(bar * 0.45 * 96 / 72)),
    }
    return out


def verdict_rules(high_contrast: bool) -> str:
    """Each verdict's banner colours, from the one palette in core/verdicts.py (the map, the
    trainer and the PDF use it too); the .qss files add only shape, by severity."""
    rules = []
    for v in VERDICTS.values():
        look = v.look(high_contrast)
        banner = f'QFrame[role="banner"][verdict="{v.id}"]'
        rules.append(f"{banner} {{ background: {look.background}; border-color: {look.border}; }}")
        rules.append(f"{banner} QLabel {{ color: {look.text}; }}")
    return "\n".join(rules)


def stylesheet(family: str, text_size: int, high_contrast: bool) -> str:
    """The whole style sheet: shapes and sizes, then the theme's colours and the verdicts'."""
    text = "\n".join(_read(n) for n in (*STYLES, THEMES[high_contrast]))
    text += "\n" + verdict_rules(high_contrast)
    return Template(text).safe_substitute(family=family, **sizes(text_size))


def restyle(widget: QWidget, children: bool = True) -> None:
    """Re-apply the style sheet after a property it selects on (e.g. severity) changed; to the
    widget's children too unless `children` is False (no rule selects them by that property)."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    for child in widget.findChildren(QWidget) if children else ():
        style.unpolish(child)
        style.polish(child)
