"""Documents already parsed, kept by the SHA-256 of their bytes, so that a start-up can skip
PyYAML and the parse for files that have not changed.

Values go to plain JSON-able data and back exactly, positions included; a value that this cannot
carry exactly (a time of day, bytes, a list or mapping shared through a YAML alias) is not kept,
and its file is parsed as usual. Reading and writing the data to a file is for the caller.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from functools import lru_cache

from wizard.core.marked import MarkedDict, MarkedList, Pos

FORMAT = 2  # raise when the encoding below changes: older caches are then ignored
_PLAIN = (str, int, float, bool, type(None))


class ParsedDocuments:
    """Parsed documents by content digest; records which were used, and how many were added."""

    def __init__(self, entries: dict[str, object] | None = None) -> None:
        self.entries: dict[str, object] = dict(entries or {})
        self.used: set[str] = set()
        self.added = 0

    def get(self, data: bytes) -> MarkedDict | None:
        """The parsed top-level mapping of a file with these bytes, or None if not kept."""
        key = sha256_of(data)
        encoded = self.entries.get(key)
        if encoded is None:
            return None
        try:
            value = decode(encoded)
        except (KeyError, TypeError, ValueError):  # a damaged entry: parse the file instead
            return None
        if not isinstance(value, MarkedDict):
            return None
        self.used.add(key)
        return value

    def add(self, data: bytes, value: object) -> None:
        """Keep a clean parse of these bytes, if it can be kept exactly."""
        encoded = encode(value, set())
        if encoded is not None and isinstance(value, MarkedDict):
            key = sha256_of(data)
            self.entries[key] = encoded
            self.used.add(key)
            self.added += 1

    def in_use(self) -> dict[str, object]:
        """Only the entries used or added since loading: what is worth writing back."""
        return {k: v for k, v in self.entries.items() if k in self.used}


@lru_cache(maxsize=64)  # asked twice per file (the cache key, the tree's own hash): hashed once
def sha256_of(data: str | bytes) -> str:
    """The SHA-256 of a file's bytes (text as UTF-8): the cache's key and a tree's own hash."""
    digest: str = hashlib.sha256(
        data.encode("utf-8") if isinstance(data, str) else data
    ).hexdigest()
    return digest


class _Unkeepable(Exception):
    """A value JSON cannot give back exactly."""


def encode(value: object, seen: set[int]) -> object | None:
    """`value` as JSON-able data, or None if it cannot be given back exactly."""
    try:
        return _enc(value, seen)
    except (_Unkeepable, RecursionError):
        return None


def _enc(value: object, seen: set[int]) -> object:
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is dt.date:  # `effective: 2024-05-02`
        assert isinstance(value, dt.date)
        return {"d": value.isoformat()}
    if kind is MarkedDict or kind is MarkedList:
        if id(value) in seen:  # an alias: decoding would make two copies of one container
            raise _Unkeepable
        seen.add(id(value))
    if kind is MarkedDict:
        assert isinstance(value, MarkedDict)
        keys = list(value)
        # Positions as flat [line, column, line, column, ...] lists in the order of the keys:
        # a third of the file, and quicker to read back, than [key, line, column] per key.
        if (
            any(type(k) not in _PLAIN for k in keys)
            or list(value.key_pos) != keys
            or list(value.value_pos) != keys
        ):
            raise _Unkeepable  # e.g. a key merged in with `<<` has no place of its own
        return {
            "p": _pair(value.pos),
            "e": [[k, _enc(v, seen)] for k, v in value.items()],
            "k": _flat(value.key_pos.values()),
            "v": _flat(value.value_pos.values()),
        }
    if kind is MarkedList:
        assert isinstance(value, MarkedList)
        return {
            "p": _pair(value.pos),
            "i": [_enc(v, seen) for v in value],
            "q": _flat(value.item_pos),
        }
    raise _Unkeepable


def _pair(pos: Pos) -> list[int]:
    return [pos.line, pos.column]


def _flat(positions: Iterable[Pos]) -> list[int]:
    return [n for p in positions for n in (p.line, p.column)]


def _positions(flat: list[int]) -> list[Pos]:
    return list(map(Pos, flat[::2], flat[1::2]))


def decode(data: object) -> object:
    """The value `encode` was given."""
    if type(data) is not dict:
        return data
    if "d" in data:
        return dt.date.fromisoformat(data["d"])
    if "e" in data:
        m = MarkedDict()
        m.pos = Pos(*data["p"])
        keys = []
        for key, value in data["e"]:
            m[key] = decode(value)
            keys.append(key)
        m.key_pos.update(zip(keys, _positions(data["k"]), strict=True))
        m.value_pos.update(zip(keys, _positions(data["v"]), strict=True))
        return m
    seq = MarkedList()
    seq.pos = Pos(*data["p"])
    seq.extend(decode(v) for v in data["i"])
    seq.item_pos.extend(_positions(data["q"]))
    return seq
