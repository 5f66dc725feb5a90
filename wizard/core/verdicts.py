"""The closed set of verdicts an outcome may give, defined once for trees, GUI, PDF, maps and
records: words, symbol, order and colours. Adding a verdict is one more row in `VERDICTS`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Look:
    """A verdict's colours in one theme (hex RGB). The window's and the trainer's banner, and the
    PDF's verdict box, are `text` on `background` inside `border`; a map box is the same, under a
    heading band of `border` with `on_border` words. Each pair meets WCAG AA (4.5:1), tested."""

    background: str
    text: str
    border: str
    on_border: str


@dataclass(frozen=True)
class Verdict:
    """One kind of answer the guidance can give, in words (never colour alone)."""

    id: str
    label: str
    meaning: str
    severity: int  # 0 = go ahead ... 4 = criminal offence; orders banners and "changes the verdict"
    symbol: str  # a plain-text mark that also works in a PDF or a terminal
    light: Look  # the everyday theme, maps and PDFs
    contrast: Look  # the high-contrast theme: bright on black, the gravest reversed

    def look(self, high_contrast: bool = False) -> Look:
        """Its colours in the theme asked for."""
        return self.contrast if high_contrast else self.light


# Colours: green, light green, amber, red, and the gravest reversed (white on dark red). In high
# contrast each severity has its own bright colour on black, the gravest black on red; the style
# sheets add shape by severity too (dashed for "ask first", thicker for "do not").
_GREEN = (
    Look("#e3f4e6", "#0c4a1c", "#1e7b34", "#ffffff"),
    Look("#000000", "#00ff66", "#00ff66", "#000000"),
)
_LIGHT_GREEN = (
    Look("#edf6e0", "#2b4a08", "#4a7d12", "#ffffff"),
    Look("#000000", "#00ffff", "#00ffff", "#000000"),
)
_AMBER = (
    Look("#fff1d6", "#4d2e00", "#a36200", "#ffffff"),
    Look("#000000", "#ffff00", "#ffff00", "#000000"),
)
_RED = (
    Look("#fde7e7", "#7a0f0a", "#b3261e", "#ffffff"),
    Look("#000000", "#ff8c66", "#ff8c66", "#000000"),
)
_REVERSED_RED = (
    Look("#7a0f0a", "#ffffff", "#3d0603", "#ffffff"),
    Look("#ff6b6b", "#000000", "#ffffff", "#000000"),
)

VERDICTS: dict[str, Verdict] = {
    v.id: v
    for v in (
        Verdict("acceptable", "Acceptable", "The guidance allows this.", 0, "✔", *_GREEN),
        Verdict(
            "acceptable_with_care",
            "Acceptable, with care",
            "The guidance allows this, on the conditions given.",
            1,
            "✔",
            *_LIGHT_GREEN,
        ),
        Verdict(
            "refer_corporate_comms",
            "Refer to Corporate Communications",
            "Corporate Communications decides this, not you.",
            2,
            "➜",
            *_AMBER,
        ),
        Verdict(
            "speak_to_supervisor",
            "Speak to a supervisor first",
            "Do not act until a supervisor has advised you.",
            2,
            "?",
            *_AMBER,
        ),
        Verdict("do_not", "Do not do this", "The guidance says not to do this.", 3, "✖", *_RED),
        Verdict(
            "criminal_offence",
            "Do not do this: it may be a criminal offence",
            "For a police officer this may be a criminal offence.",
            4,
            "⚠",
            *_REVERSED_RED,
        ),
    )
}


def verdict(verdict_id: str) -> Verdict:
    """The verdict with this id; KeyError names the known ids."""
    try:
        return VERDICTS[verdict_id]
    except KeyError:
        raise KeyError(f"unknown verdict {verdict_id!r}; known: {', '.join(VERDICTS)}") from None
