"""What a YAML file reads as: mappings and lists that remember where each part stood in the file.

Apart from the YAML reader so that a tree read from the parsed-trees cache (wizard/core/parsed.py)
needs neither PyYAML nor the reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)  # slots: thousands are made as the trees load
class Pos:
    """A 1-based line and column in a file."""

    line: int
    column: int


class MarkedDict(dict[Any, Any]):
    """A mapping that remembers where it, each key and each value stood in the file."""

    pos: Pos = Pos(0, 0)

    def __init__(self) -> None:
        super().__init__()
        self.key_pos: dict[object, Pos] = {}
        self.value_pos: dict[object, Pos] = {}

    def where(self, key: object) -> Pos:
        """Position of a key's value, else of the key, else of the mapping itself."""
        return self.value_pos.get(key) or self.key_pos.get(key) or self.pos


class MarkedList(list[Any]):
    """A sequence that remembers where it and each item stood in the file."""

    pos: Pos = Pos(0, 0)

    def __init__(self) -> None:
        super().__init__()
        self.item_pos: list[Pos] = []

    def where(self, index: int) -> Pos:
        return self.item_pos[index] if index < len(self.item_pos) else self.pos
