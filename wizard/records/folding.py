"""The folded form of text that records search compares: no accents, no case.

UK keyboards make "Zoë" or "Ó Súilleabháin" hard to type, so both what is stored for searching
and what is typed are folded the same way: NFKD, combining marks dropped, case folded, and the
few letters Unicode does not decompose (ø, ł, đ, ...) and curly quotes mapped to plain ones.
"""

from __future__ import annotations

import unicodedata

# Letters with no decomposition into a base letter and a mark, and typographic punctuation
# a keyboard does not type; after casefold, so lower case only.
_PLAIN = str.maketrans(
    {
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ħ": "h",
        "ı": "i",
        "ŧ": "t",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ð": "d",
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2010": "-",
        "\u2011": "-",
    }
)


def fold(text: str) -> str:
    """Text without accents or case, for comparing what is typed with what is stored."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold().translate(_PLAIN)
