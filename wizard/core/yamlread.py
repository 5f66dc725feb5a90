"""Read YAML safely, keeping the line and column of every mapping, key and value.

Only PyYAML's safe constructors run: a `!!python/...` tag is reported as a problem, never built.
Duplicate keys, which `yaml.safe_load` silently collapses, are reported too.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass

import yaml

from wizard.core.problems import Problem

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(frozen=True)
class Pos:
    """A 1-based line and column in a file."""

    line: int
    column: int


def _pos(mark: yaml.Mark | None) -> Pos:
    return Pos(mark.line + 1, mark.column + 1) if mark is not None else Pos(0, 0)


class MarkedDict(dict):
    """A mapping that remembers where it, each key and each value stood in the file."""

    pos: Pos = Pos(0, 0)

    def __init__(self) -> None:
        super().__init__()
        self.key_pos: dict[object, Pos] = {}
        self.value_pos: dict[object, Pos] = {}

    def where(self, key: object) -> Pos:
        """Position of a key's value, else of the key, else of the mapping itself."""
        return self.value_pos.get(key) or self.key_pos.get(key) or self.pos


class MarkedList(list):
    """A sequence that remembers where it and each item stood in the file."""

    pos: Pos = Pos(0, 0)

    def __init__(self) -> None:
        super().__init__()
        self.item_pos: list[Pos] = []

    def where(self, index: int) -> Pos:
        return self.item_pos[index] if index < len(self.item_pos) else self.pos


class _MarkedLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader that builds Marked* containers and collects problems instead of stopping."""

    def __init__(self, stream: str | bytes, name: str) -> None:
        super().__init__(stream)
        self.file_name = name
        self.problems: list[Problem] = []

    def note(self, mark: yaml.Mark | None, message: str, hint: str = "") -> None:
        p = _pos(mark)
        self.problems.append(Problem(self.file_name, p.line, p.column, message, hint))

    def construct_marked_map(self, node: yaml.MappingNode):  # a generator, as PyYAML wants
        if not isinstance(node, yaml.MappingNode):
            yield self._wrong_kind(node, "a mapping")
            return
        data = MarkedDict()
        data.pos = _pos(node.start_mark)
        yield data
        own = sum(k.tag != MERGE_TAG for k, _ in node.value)
        self.flatten_mapping(node)
        merged = len(node.value) - own  # merged pairs come first; the mapping's own keys win
        given: dict[object, Pos] = {}
        for i, (key_node, value_node) in enumerate(node.value):
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, Hashable) or isinstance(key, (list, dict)):
                self.note(key_node.start_mark, "a key must be a plain word, not a list or mapping")
                continue
            if i >= merged:
                if key in given:
                    self.note(
                        key_node.start_mark,
                        f"duplicate key '{key}' (first given on line {given[key].line})",
                        "YAML keeps only the last of two equal keys: delete or rename one",
                    )
                    continue
                given[key] = _pos(key_node.start_mark)
            data[key] = self.construct_object(value_node, deep=True)
            data.key_pos[key] = _pos(key_node.start_mark)
            data.value_pos[key] = _pos(value_node.start_mark)

    def construct_marked_seq(self, node: yaml.SequenceNode):
        if not isinstance(node, yaml.SequenceNode):
            yield self._wrong_kind(node, "a list")
            return
        data = MarkedList()
        data.pos = _pos(node.start_mark)
        yield data
        for child in node.value:
            data.append(self.construct_object(child, deep=True))
            data.item_pos.append(_pos(child.start_mark))

    def _wrong_kind(self, node: yaml.Node, kind: str) -> None:
        self.note(node.start_mark, f"the tag {_tag_word(node.tag)!r} needs {kind} here",
                  "remove the '!!' tag")
        return None

    def construct_undefined(self, node: yaml.Node) -> None:
        self.note(
            node.start_mark,
            f"the tag {node.tag!r} is not allowed in a tree file",
            "trees hold plain text, lists and mappings only; remove the '!…' tag",
        )
        return None

    def construct_object(self, node: yaml.Node, deep: bool = False) -> object:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError) as exc:
            # e.g. a timestamp such as 2024-13-45 that YAML recognises but Python cannot build
            self.recursive_objects.pop(node, None)
            self.note(node.start_mark, f"cannot read this value: {exc}", "put it in quotes")
            return None
        except (KeyError, AttributeError):
            # a tag that does not fit its value, e.g. !!bool maybe, !!timestamp on plain text
            self.recursive_objects.pop(node, None)
            self.note(node.start_mark, f"cannot read this value as {_tag_word(node.tag)}",
                      "remove the '!!' tag, or put the value in quotes")
            return None


_MarkedLoader.add_constructor("tag:yaml.org,2002:map", _MarkedLoader.construct_marked_map)
_MarkedLoader.add_constructor("tag:yaml.org,2002:seq", _MarkedLoader.construct_marked_seq)
_MarkedLoader.add_constructor("tag:yaml.org,2002:omap", _MarkedLoader.construct_undefined)
_MarkedLoader.add_constructor("tag:yaml.org,2002:pairs", _MarkedLoader.construct_undefined)
_MarkedLoader.add_constructor("tag:yaml.org,2002:set", _MarkedLoader.construct_undefined)
_MarkedLoader.add_constructor(None, _MarkedLoader.construct_undefined)


def read_yaml(data: str | bytes, name: str) -> tuple[object, list[Problem]]:
    """Parse one YAML document; return its content (or None) and every problem found."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return None, [
                Problem(name, 0, 0, f"the file is not UTF-8 text ({exc.reason})",
                        "save it as UTF-8 in your editor")
            ]
    loader = _MarkedLoader(data, name)
    try:
        content = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "the YAML could not be read"
        line = data.splitlines()[mark.line] if mark and mark.line < len(data.splitlines()) else ""
        loader.note(mark, f"YAML syntax error: {what}", _syntax_hint(what, line))
        return None, loader.problems
    except yaml.YAMLError as exc:
        return None, [*loader.problems, Problem(name, 0, 0, f"YAML error: {exc}")]
    except RecursionError:
        return None, [Problem(name, 0, 0, "the YAML is nested too deeply to read")]
    finally:
        loader.dispose()
    return content, loader.problems


def _tag_word(tag: str) -> str:
    """'tag:yaml.org,2002:bool' -> 'bool', for messages."""
    return tag.rsplit(":", 1)[-1]


def _syntax_hint(what: str, line: str) -> str:
    if re.search(r"\btabs?\b", what) or "\t" in line:
        return "indent with spaces, never tabs"
    if "recursive" in what:
        return "an alias (*name) must not point into the list or mapping that holds it"
    if "mapping values are not allowed" in what:
        return "a text that contains ': ' must be put in quotes"
    if "single document" in what or "another document" in what:
        return "remove the extra '---' line: one tree per file"
    return "check the indentation and quotes on this line and the one above"
