"""How wide a text is in the bundled DejaVu Sans, without Qt: for laying out boxes in the core.

The widths are DejaVu Sans's own advance widths (measured once with Qt's QFontMetricsF at a pixel
size of 1000), so a box sized here fits the text when Qt or an SVG viewer draws it in that font.
"""

from __future__ import annotations

# Advance widths of the printable ASCII characters 32..126, per 1000 px of font size.
_REGULAR = (
    318,
    401,
    460,
    838,
    636,
    950,
    780,
    275,
    390,
    390,
    500,
    838,
    318,
    361,
    318,
    337,
    636,
    636,
    636,
    636,
    636,
    636,
    636,
    636,
    636,
    636,
    337,
    337,
    838,
    838,
    838,
    531,
    1000,
    684,
    686,
    698,
    770,
    632,
    575,
    775,
    752,
    295,
    295,
    656,
    557,
    863,
    748,
    787,
    603,
    787,
    695,
    635,
    611,
    732,
    684,
    989,
    685,
    611,
    685,
    390,
    337,
    390,
    838,
    500,
    500,
    613,
    635,
    550,
    635,
    615,
    352,
    635,
    634,
    278,
    278,
    579,
    278,
    974,
    634,
    612,
    635,
    635,
    411,
    521,
    392,
    634,
    592,
    818,
    592,
    592,
    525,
    636,
    337,
    636,
    838,
)
_BOLD = (
    348,
    456,
    521,
    838,
    696,
    1002,
    872,
    306,
    457,
    457,
    523,
    838,
    380,
    415,
    380,
    365,
    696,
    696,
    696,
    696,
    696,
    696,
    696,
    696,
    696,
    696,
    400,
    400,
    838,
    838,
    838,
    580,
    1000,
    774,
    762,
    734,
    830,
    683,
    683,
    821,
    837,
    372,
    372,
    775,
    637,
    995,
    837,
    850,
    733,
    850,
    770,
    720,
    682,
    812,
    774,
    1103,
    771,
    724,
    725,
    457,
    365,
    457,
    838,
    500,
    500,
    675,
    716,
    593,
    716,
    678,
    435,
    716,
    712,
    343,
    343,
    665,
    343,
    1042,
    712,
    687,
    716,
    716,
    493,
    595,
    478,
    712,
    652,
    924,
    645,
    652,
    582,
    712,
    365,
    712,
    838,
)
_OTHER = {
    "\u2018": 318,
    "\u2019": 318,
    "\u201c": 518,
    "\u201d": 518,
    "\u2013": 500,
    "\u2014": 1000,
    "\u2026": 1000,
    "\u2192": 838,
    "\u00a3": 636,
    "\u20ac": 636,
}
_UNKNOWN = 840  # wide on purpose: a character not in the table never overflows its box

LINE_SPACING = 1.164  # line height per px of font size
ASCENT = 0.928  # from the top of a line to its baseline, per px of font size


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width in px of `text` in DejaVu Sans at `size` px (bold if asked)."""
    table = _BOLD if bold else _REGULAR
    units = 0.0
    for ch in text:
        code = ord(ch)
        if 32 <= code <= 126:
            units += table[code - 32]
        else:
            units += _OTHER.get(ch, _UNKNOWN) * (1.08 if bold else 1.0)
    return units * size / 1000


def wrap(text: str, size: float, max_width: float, bold: bool = False) -> tuple[str, ...]:
    """Break `text` into lines no wider than `max_width`, between words where possible."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if text_width(candidate, size, bold) <= max_width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for piece in _break_word(word, size, max_width, bold):
                if line:
                    lines.append(line)
                line = piece
        lines.append(line)
    return tuple(lines) if any(lines) else ("",)


def _break_word(word: str, size: float, max_width: float, bold: bool) -> list[str]:
    """A word too wide for a line (a long id or address), cut into pieces that fit."""
    pieces: list[str] = []
    piece = ""
    for ch in word:
        if piece and text_width(piece + ch, size, bold) > max_width:
            pieces.append(piece)
            piece = ""
        piece += ch
    return [*pieces, piece]
