"""A problem found while loading or validating a tree: where it is, what is wrong, how to fix it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Characters a terminal may act on (ESC, NUL, BEL, CR, C1 controls such as CSI), line and
# paragraph separators, and format characters (e.g. right-to-left overrides).
_UNSAFE = frozenset(("Cc", "Cf", "Zl", "Zp"))
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
QUOTE_MAX = 60  # characters of a file's text quoted in a message


def printable(text: str) -> str:
    """`text` with every control or format character written as an escape (ESC as \\x1b), so
    that text from a tree can never act on a terminal or break a message over two lines."""
    if text.isprintable():
        return text
    return "".join(_escape(c) if unicodedata.category(c) in _UNSAFE else c for c in text)


def _escape(c: str) -> str:
    if c in _NAMED:
        return _NAMED[c]
    code = ord(c)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shorten(text: str, limit: int = QUOTE_MAX) -> str:
    """At most one short line of `text`, escaped, for a message that quotes a file: a file that
    is not a tree must not be echoed whole."""
    whole = text.rstrip("\r\n")
    first = whole.split("\n", 1)[0].rstrip("\r")
    if len(first) > limit:
        return printable(first[:limit].rstrip()) + "…"
    return printable(first) + ("…" if first != whole else "")


def quote(text: str, limit: int = QUOTE_MAX) -> str:
    """`shorten(text)` in single quotes."""
    return f"'{shorten(text, limit)}'"


@dataclass(frozen=True, order=True)
class Problem:
    """One error in one file. Lines and columns are 1-based, 0 when unknown (a problem with the
    whole file: it cannot be read, it is too large).

    Problems sort by file, line, column, message and hint, in that order. The message and hint
    are made printable when the problem is made, since they may quote a tree's text.
    """

    file: str
    line: int
    column: int
    message: str
    hint: str = ""
    # A blocking problem makes its tree unavailable; a non-blocking one (an unused clause, a node
    # nothing reaches, a link to a tree that failed to load) is reported but the tree still works.
    blocking: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", printable(self.message))
        object.__setattr__(self, "hint", printable(self.hint))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        text = f"{printable(where)}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class TreeError(Exception):
    """Raised where one clear message is needed, e.g. an unknown tree or answer in a walk."""
