"""Text into the HTML that Qt's rich text draws (the PDF, the record view, the record form) and
into the PDF's XMP metadata, and the window's rich-text labels (About, "Why this outcome"):
the one escape they all use."""

from __future__ import annotations

import html


def escape(text: object) -> str:
    """`text` (as str) with &, <, > and both quotes escaped: safe in an element or an attribute."""
    return html.escape(str(text), quote=True)
