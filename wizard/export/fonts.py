"""Register the font shipped in resources/ so that screens and PDFs look the same everywhere."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase

from wizard.library.locations import resources

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FALLBACK_FAMILY = "DejaVu Sans"


@cache
def register_fonts() -> str:
    """Add the bundled fonts to Qt (needs a QGuiApplication); return the family name.

    Safe to call many times. If a font file is missing, Qt falls back to a system font and the
    family name is still returned, so the program keeps working.
    """
    family = FALLBACK_FAMILY
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resources() / "fonts" / name))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    return family
