"""A problem found while loading or validating a tree: where it is, what is wrong, how to fix it."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One error in one file. Lines and columns are 1-based, 0 when unknown.

    A NamedTuple (not a dataclass: see wizard/core/model.py): problems sort by file, line,
    column, message and hint, in that order.
    """

    file: str
    line: int
    column: int
    message: str
    hint: str = ""
    # A blocking problem makes its tree unavailable; a non-blocking one (an unused clause, a node
    # nothing reaches, a link to a tree that failed to load) is reported but the tree still works.
    blocking: bool = True

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        text = f"{where}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class TreeError(Exception):
    """Raised where one clear message is needed, e.g. an unknown tree or answer in a walk."""
