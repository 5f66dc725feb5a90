"""Documents already parsed, kept by the SHA-256 of their bytes, so that a start-up can skip
PyYAML and the parse for files that have not changed.

Values go to plain JSON-able data and back exactly, positions included; a value that this cannot
carry exactly (a time of day, bytes, a list or mapping shared through a YAML alias) is not kept,
and its file is parsed as usual. Reading and writing the data to a file is for the caller.
"""

from __future__ import annotations

import datetime as dt

from wizard.core.marked import MarkedDict, MarkedList, Pos

# CPython's own SHA-256 (what hashlib itself falls back to, and all the frozen program has):
# importing hashlib first loads OpenSSL, some 2 ms of the window's start-up from source (issue 8).
# The same digest either way; tests/core/test_parsed.py compares it with hashlib's.
try:
    from _sha256 import sha256 as new_sha256  # Python 3.11
except ImportError:  # pragma: no cover - depends on the Python version
    try:
        from _sha2 import sha256 as new_sha256  # Python 3.12 and later
    except ImportError:
        from hashlib import sha256 as new_sha256

FORMAT = 1  # raise when the encoding below changes: older caches are then ignored
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
            value = decode(encoded, {})
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


def sha256_of(data: str | bytes) -> str:
    """The SHA-256 of a file's bytes (text as UTF-8): the cache's key and a tree's own hash."""
    return new_sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


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
        for key in value:
            if type(key) not in _PLAIN:
                raise _Unkeepable
        return {"p": _pair(value.pos),
                "e": [[k, _enc(v, seen)] for k, v in value.items()],
                "k": [[k, *_pair(p)] for k, p in value.key_pos.items()],
                "v": [[k, *_pair(p)] for k, p in value.value_pos.items()]}
    if kind is MarkedList:
        assert isinstance(value, MarkedList)
        return {"p": _pair(value.pos), "i": [_enc(v, seen) for v in value],
                "q": [_pair(p) for p in value.item_pos]}
    raise _Unkeepable


def _pair(pos: Pos) -> list[int]:
    return [pos.line, pos.column]


def decode(data: object, positions: dict[tuple[int, int], Pos]) -> object:
    """The value `encode` was given; `positions` shares equal Pos objects (they are immutable)."""
    if type(data) is not dict:
        return data

    def pos(line: int, column: int) -> Pos:
        p = positions.get((line, column))
        if p is None:
            p = positions[(line, column)] = Pos(line, column)
        return p

    if "d" in data:
        return dt.date.fromisoformat(data["d"])
    if "e" in data:
        m = MarkedDict()
        m.pos = pos(*data["p"])
        for key, value in data["e"]:
            m[key] = decode(value, positions)
        m.key_pos.update((k, pos(line, col)) for k, line, col in data["k"])
        m.value_pos.update((k, pos(line, col)) for k, line, col in data["v"])
        return m
    seq = MarkedList()
    seq.pos = pos(*data["p"])
    seq.extend(decode(v, positions) for v in data["i"])
    seq.item_pos.extend(pos(line, col) for line, col in data["q"])
    return seq
