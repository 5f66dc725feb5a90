"""Read YAML safely, keeping the line and column of every mapping, key and value.

Only PyYAML's safe constructors run: a `!!python/...` tag is reported as a problem, never built.
Duplicate keys, which `yaml.safe_load` silently collapses, are reported too.
"""

from __future__ import annotations

import re
from collections.abc import Hashable

import yaml

from wizard.core.marked import MarkedDict, MarkedList, Pos
from wizard.core.problems import Problem, shorten

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ScalarNode, MappingNode, SequenceNode = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode
_YAML = "tag:yaml.org,2002:"
MAP_TAG, SEQ_TAG, STR_TAG = _YAML + "map", _YAML + "seq", _YAML + "str"
MERGE_TAG, VALUE_TAG = _YAML + "merge", _YAML + "value"
# The plain values a tree may hold, built by PyYAML's safe constructors. Any other tag (!!set,
# !!omap, !!python/..., !custom) is refused.
_SCALARS = {
    _YAML + name: yaml.constructor.SafeConstructor.yaml_constructors[_YAML + name]
    for name in ("null", "bool", "int", "float", "binary", "timestamp", "str")
}


def _pos(mark: yaml.Mark | None) -> Pos:
    return Pos(mark.line + 1, mark.column + 1) if mark is not None else Pos(0, 0)


class _MarkedLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader: libyaml (when present) parses and composes the nodes; `build` turns them
    into Marked* containers and plain values in one pass, collecting problems instead of stopping.

    `build` replaces PyYAML's generic construct_object machinery, which costs several times the
    parse itself on a large tree; plain values still go through PyYAML's safe constructors.
    """

    def __init__(self, stream: str | bytes, name: str) -> None:
        super().__init__(stream)
        self.file_name = name
        self.problems: list[Problem] = []
        self._built: dict[yaml.Node, object] = {}  # containers, so that aliases share them
        self._building: set[yaml.Node] = set()
        self.inside: yaml.Mark | None = None  # the last list or mapping entered, for messages

    def note(self, mark: yaml.Mark | None, message: str, hint: str = "") -> None:
        p = _pos(mark) if mark is not None else Pos(1, 1)
        self.problems.append(Problem(self.file_name, p.line, p.column, message, hint))

    def build(self, node: yaml.Node) -> object:
        """The value of a node: plain values as YAML 1.1 reads them, mappings and lists marked."""
        tag = node.tag
        if type(node) is ScalarNode:
            if tag == STR_TAG:
                return node.value
            if tag in _SCALARS:
                return self._scalar(node)
            return self._wrong_kind(node) if tag in (MAP_TAG, SEQ_TAG) else self._undefined(node)
        if node in self._built:
            return self._built[node]
        if node in self._building:
            raise yaml.constructor.ConstructorError(
                None, None, "found unconstructable recursive node", node.start_mark
            )
        self._building.add(node)
        self.inside = node.start_mark
        value: object
        try:
            if tag == MAP_TAG:
                value = self._map(node) if type(node) is MappingNode else self._wrong_kind(node)
            elif tag == SEQ_TAG:
                value = self._seq(node) if type(node) is SequenceNode else self._wrong_kind(node)
            elif tag in _SCALARS:
                value = self._scalar(node)  # PyYAML refuses a list or mapping here, as before
            else:
                value = self._undefined(node)
        finally:
            self._building.discard(node)
        self._built[node] = value
        return value

    def _scalar(self, node: yaml.Node) -> object:
        try:
            return _SCALARS[node.tag](self, node)
        except (ValueError, TypeError, OverflowError) as exc:
            # e.g. a timestamp such as 2024-13-45 that YAML recognises but Python cannot build
            self.note(node.start_mark, f"cannot read this value: {exc}", "put it in quotes")
        except (KeyError, AttributeError):
            # a tag that does not fit its value, e.g. !!bool maybe, !!timestamp on plain text
            self.note(
                node.start_mark,
                f"cannot read this value as {_tag_word(node.tag)}",
                "remove the '!!' tag, or put the value in quotes",
            )
        return None

    def _map(self, node: yaml.MappingNode) -> MarkedDict:
        data = MarkedDict()
        data.pos = _pos(node.start_mark)
        pairs = node.value
        merged = 0  # merged pairs come first; the mapping's own keys win over them
        if any(k.tag in (MERGE_TAG, VALUE_TAG) for k, _ in pairs):
            own = sum(k.tag != MERGE_TAG for k, _ in pairs)
            self.flatten_mapping(node)
            pairs = node.value
            merged = len(pairs) - own
        given: dict[object, Pos] = {}
        key_pos, value_pos = data.key_pos, data.value_pos
        for i, (key_node, value_node) in enumerate(pairs):
            if type(key_node) is ScalarNode and key_node.tag == STR_TAG:
                key: object = key_node.value
            else:
                key = self.build(key_node)
                if not isinstance(key, Hashable) or isinstance(key, (list, dict)):
                    self.note(
                        key_node.start_mark, "a key must be a plain word, not a list or mapping"
                    )
                    continue
            km = key_node.start_mark
            if i >= merged:
                if key in given:
                    self.note(
                        km,
                        f"duplicate key '{key}' (first given on line {given[key].line})",
                        "YAML keeps only the last of two equal keys: delete or rename one",
                    )
                    continue
                given[key] = key_pos[key] = Pos(km.line + 1, km.column + 1)
            else:
                key_pos[key] = Pos(km.line + 1, km.column + 1)
            if type(value_node) is ScalarNode and value_node.tag == STR_TAG:
                data[key] = value_node.value
            else:
                data[key] = self.build(value_node)
            vm = value_node.start_mark
            value_pos[key] = Pos(vm.line + 1, vm.column + 1)
        return data

    def _seq(self, node: yaml.SequenceNode) -> MarkedList:
        data = MarkedList()
        data.pos = _pos(node.start_mark)
        item_pos = data.item_pos
        for child in node.value:
            if type(child) is ScalarNode and child.tag == STR_TAG:
                data.append(child.value)
            else:
                data.append(self.build(child))
            m = child.start_mark
            item_pos.append(Pos(m.line + 1, m.column + 1))
        return data

    def _wrong_kind(self, node: yaml.Node) -> object:  # None: the node is refused, and noted
        kind = "a mapping" if node.tag == MAP_TAG else "a list"
        self.note(
            node.start_mark,
            f"the tag {_tag_word(node.tag)!r} needs {kind} here",
            "remove the '!!' tag",
        )
        return None

    def _undefined(self, node: yaml.Node) -> object:  # None: the node is refused, and noted
        self.note(
            node.start_mark,
            f"the tag {node.tag!r} is not allowed in a tree file",
            "trees hold plain text, lists and mappings only; remove the '!…' tag",
        )
        return None


def read_yaml(data: str | bytes, name: str) -> tuple[object, list[Problem]]:
    """Parse one YAML document; return its content (or None) and every problem found, each at
    a line and column of the file."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return None, [_not_utf8(data, exc, name)]
    else:
        text = data
    loader = _MarkedLoader(text, name)
    try:
        node = loader.get_single_node()
        content = None if node is None else loader.build(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "the YAML could not be read"
        lines = text.splitlines()
        written = lines[mark.line] if mark and mark.line < len(lines) else ""
        loader.note(mark, f"YAML syntax error: {what}", _syntax_hint(what, written))
        return None, loader.problems
    except yaml.reader.ReaderError as exc:
        return None, [*loader.problems, _bad_character(text, exc, name)]
    except yaml.YAMLError as exc:
        first = shorten(str(exc), 200)
        return None, [*loader.problems, Problem(name, 1, 1, f"YAML error: {first}")]
    except RecursionError:
        at = _pos(loader.inside) if loader.inside else _reader_pos(loader)
        return None, [
            Problem(
                name,
                at.line,
                at.column,
                "the YAML is nested too deeply to read",
                "a tree needs only a few levels of indentation: check the "
                "brackets and the indentation from here",
            )
        ]
    finally:
        loader.dispose()
    return content, loader.problems


def _not_utf8(data: bytes, exc: UnicodeDecodeError, name: str) -> Problem:
    """Where the first byte that is not UTF-8 is, as a line and column of the text before it."""
    line, column = _line_column(data[: exc.start].decode("utf-8-sig", errors="replace"))
    bad = "".join(f"\\x{b:02x}" for b in data[exc.start : exc.end])
    return Problem(
        name,
        line,
        column,
        f"the file is not UTF-8 text: the byte {bad} cannot be read ({exc.reason})",
        "save it as UTF-8 in your editor",
    )


def _bad_character(text: str, exc: yaml.reader.ReaderError, name: str) -> Problem:
    """A character YAML refuses (a control character such as ESC or NUL), at its line and column.

    libyaml counts the position in bytes of the UTF-8 text, PyYAML's own reader in characters."""
    position = exc.position
    if exc.encoding != "unicode":
        position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
    line, column = _line_column(text[:position])
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
    return Problem(
        name,
        line,
        column,
        f"the control character U+{code:04X} ({shorten(chr(code))}) is not allowed in a YAML file",
        "delete it: it may have come in with text copied from another program",
    )


def _line_column(before: str) -> tuple[int, int]:
    """The 1-based line and column just after `before`, the text that precedes a place."""
    lines = before.split("\n")
    return len(lines), len(lines[-1]) + 1


def _reader_pos(loader: _MarkedLoader) -> Pos:
    """Where PyYAML's own reader had got to (libyaml does not say): for a failure with no mark."""
    return Pos(getattr(loader, "line", 0) + 1, getattr(loader, "column", 0) + 1)


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
