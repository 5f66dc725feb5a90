"""Check a YAML mapping against the fields an author may write, with hints an author can act on."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from wizard.core.marked import MarkedDict, MarkedList, Pos
from wizard.core.parsed import ParsedDocuments
from wizard.core.problems import Problem, quote, shorten

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class Kind(Enum):
    TEXT = "text"
    ID = "id"
    DATE = "date"
    NUMBER = "number"
    TEXT_LIST = "list of texts"
    ID_LIST = "list of ids"
    LIST = "list"


@dataclass(frozen=True)
class Field:
    kind: Kind
    required: bool = False
    help: str = ""


_YAML11_WORDS = {True: "yes/true/on", False: "no/false/off"}


class Checker:
    """Collects problems for one file while fields are read from its mappings."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []

    def add(self, pos: Pos, message: str, hint: str = "", blocking: bool = True) -> None:
        self.problems.append(Problem(self.name, pos.line, pos.column, message, hint, blocking))

    def mapping(self, value: object, pos: Pos, what: str) -> MarkedDict | None:
        if isinstance(value, MarkedDict):
            return value
        self.add(
            pos,
            f"{what} must be a mapping of 'key: value' lines, not {_describe(value)}",
            "indent its fields under it, one 'key: value' per line",
        )
        return None

    def fields(self, m: MarkedDict, spec: dict[str, Field], what: str) -> dict[str, Any]:
        """Return the known fields of `m`, checked; report unknown, missing and mistyped ones.
        Each value is of the type its Field's kind says (so typed Any: the spec types it)."""
        out: dict[str, Any] = {}
        for key in m:
            if key not in spec:
                self._unknown(m, key, spec, what)
        for key, f in spec.items():
            if key not in m or m[key] is None:
                if f.required:
                    hint = f"add '{key}:' ({f.help or f.kind.value})"
                    self.add(m.pos, f"{what} has no '{key}'", hint)
                continue
            value = self._typed(m[key], f, m.where(key), f"'{key}' of {what}")
            if value is not None:
                out[key] = value
        return out

    def _unknown(self, m: MarkedDict, key: object, spec: dict[str, Field], what: str) -> None:
        import difflib  # only for mistakes: loading trees that have none does without it

        close = difflib.get_close_matches(str(key), list(spec), n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(spec)}"
        self.add(m.key_pos.get(key, m.pos), f"unknown field {quote(str(key))} in {what}", hint)

    def _typed(self, value: object, f: Field, pos: Pos, what: str) -> object:
        match f.kind:
            case Kind.TEXT | Kind.ID:
                return self.text(value, pos, what, as_id=f.kind is Kind.ID)
            case Kind.DATE:
                if isinstance(value, dt.datetime):
                    return value.date().isoformat()
                if isinstance(value, dt.date):
                    return value.isoformat()
                text = self.text(value, pos, what)
                if text is not None:
                    try:
                        return dt.date.fromisoformat(text).isoformat()
                    except ValueError:
                        self.add(
                            pos, f"{what} is not a date: {quote(text)}", "write it as 2024-05-02"
                        )
                return None
            case Kind.NUMBER:
                if isinstance(value, int) and not isinstance(value, bool):
                    return value
                self.add(pos, f"{what} must be a whole number, not {_describe(value)}")
                return None
            case Kind.TEXT_LIST | Kind.ID_LIST:
                items = self.sequence(value, pos, what)
                if items is None:
                    return None
                as_id = f.kind is Kind.ID_LIST
                texts = [
                    self.text(v, items.where(i), f"item {i + 1} of {what}", as_id=as_id)
                    for i, v in enumerate(items)
                ]
                return tuple(t for t in texts if t is not None)
            case Kind.LIST:
                return self.sequence(value, pos, what)
        raise AssertionError(f.kind)

    def sequence(self, value: object, pos: Pos, what: str) -> MarkedList | None:
        if isinstance(value, MarkedList):
            return value
        self.add(
            pos,
            f"{what} must be a list, not {_describe(value)}",
            "write each item on its own line starting with '- '",
        )
        return None

    def text(self, value: object, pos: Pos, what: str, as_id: bool = False) -> str | None:
        if isinstance(value, bool):
            self.add(
                pos,
                f"{what} was read as the boolean {str(value).lower()}, not as text",
                f"YAML reads an unquoted {_YAML11_WORDS[value]} as true/false: "
                'put it in quotes, e.g. "yes"',
            )
            return None
        if isinstance(value, (int, float)):
            self.add(
                pos,
                f"{what} was read as the number {shorten(repr(value))}, not as text",
                'put it in quotes, e.g. "1.10", so that it stays exactly as written',
            )
            return None
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        if not isinstance(value, str):
            self.add(pos, f"{what} must be text, not {_describe(value)}")
            return None
        text = value.strip()
        if not text:
            self.add(pos, f"{what} is empty", "write the text after the colon")
            return None
        if as_id and not ID_PATTERN.match(text):
            self.add(
                pos,
                f"{what} {quote(text)} is not a valid id",
                "use letters, digits, '_', '-' or '.', with no spaces, e.g. on_duty",
            )
            return None
        return text


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {shorten(repr(value))}"
    return f"the text {quote(str(value))}"


def open_document(
    data: str | bytes, name: str, what: str, parsed: ParsedDocuments | None = None
) -> tuple[Checker, MarkedDict | None]:
    """Read one YAML file whose top level must be a mapping (a tree, source or scenario file).

    Returns the checker holding every problem found so far, and the top mapping, or None when
    the file cannot be read as one. With `parsed`, a file parsed before is taken from it, and a
    clean parse of a new one is added to it.
    """
    raw = data if isinstance(data, bytes) else None  # the cache keeps files' bytes only
    cache = parsed if raw is not None else None
    kept = cache.get(raw) if cache is not None and raw is not None else None
    if kept is not None:
        return Checker(name), kept
    from wizard.core.yamlread import read_yaml  # PyYAML: imported only when a file is parsed

    content, problems = read_yaml(data, name)
    if cache is not None and raw is not None and not problems:
        cache.add(raw, content)
    check = Checker(name)
    check.problems = problems
    if content is None and problems:
        return check, None
    return check, check.mapping(content, Pos(1, 1), what)
