"""Parsed documents kept by digest: what comes back is exactly what the reader made."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_TREES, SHIPPED_TREES
from wizard.core.marked import MarkedDict, MarkedList, Pos
from wizard.core.parsed import ParsedDocuments, decode, encode, sha256_of
from wizard.core.yamlread import read_yaml


def same(a: object, b: object) -> bool:
    """Equal values, of the same types, with equal positions everywhere."""
    if type(a) is not type(b):
        return False
    if isinstance(a, MarkedDict):
        assert isinstance(b, MarkedDict)
        return (
            a.pos == b.pos
            and list(a) == list(b)
            and a.key_pos == b.key_pos
            and a.value_pos == b.value_pos
            and all(same(a[k], b[k]) for k in a)
        )
    if isinstance(a, MarkedList):
        assert isinstance(b, MarkedList)
        return (
            a.pos == b.pos
            and a.item_pos == b.item_pos
            and len(a) == len(b)
            and all(same(x, y) for x, y in zip(a, b, strict=True))
        )
    return a == b


def through_json(value: object) -> object:
    """Encode, write as JSON text, read back and decode: the path a cache file takes."""
    encoded = encode(value, set())
    assert encoded is not None
    return decode(json.loads(json.dumps(encoded)))


SHIPPED = sorted([*SHIPPED_TREES.rglob("*.yaml"), *EXAMPLE_TREES.rglob("*.yaml")])


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_every_shipped_file_comes_back_exactly_as_parsed(path: Path) -> None:
    value, problems = read_yaml(path.read_bytes(), str(path))
    assert not problems
    assert same(through_json(value), value)


TRICKY = """\
base: &base
  colour: blue
  size: 3
merged:
  <<: *base
  size: 4
numbers: [1, 1.5, -0.0, 1e3, 0x1F, .inf, true, no, ~, "yes"]
7: an int key
2.5: a float key
true: a bool key
null: a null key
effective: 2024-05-02
text: |
  Zoë Ó Súilleabháin, Łukasz, Ayşe
  on two lines
nested:
  - - a
    - {b: c, d: [e, f]}
  - []
  - {}
"""


def test_keys_numbers_dates_merges_and_unicode_come_back_exactly() -> None:
    value, problems = read_yaml(TRICKY.encode(), "tricky.yaml")
    assert not problems
    back = through_json(value)
    assert same(back, value)
    assert isinstance(back, MarkedDict)
    assert back["merged"]["colour"] == "blue" and back["merged"]["size"] == 4
    assert back.where("effective").line == 12


@pytest.mark.parametrize(
    "yaml_text",
    [
        "a: &x [1, 2]\nb: *x\n",  # one list reached twice: a copy would not be the same object
        "when: 2024-05-02 10:30:00\n",  # a time of day
        "data: !!binary aGVsbG8=\n",  # bytes
    ],
    ids=["alias", "timestamp", "binary"],
)
def test_what_cannot_come_back_exactly_is_not_kept(yaml_text: str) -> None:
    value, problems = read_yaml(yaml_text.encode(), "x.yaml")
    assert not problems
    assert encode(value, set()) is None
    docs = ParsedDocuments()
    docs.add(yaml_text.encode(), value)
    assert docs.entries == {} and docs.added == 0
    assert docs.get(yaml_text.encode()) is None


def test_a_document_is_found_by_its_bytes_and_a_changed_one_is_not() -> None:
    data = b"id: photos\ntitle: Photos\n"
    value, _ = read_yaml(data, "photos.yaml")
    docs = ParsedDocuments()
    docs.add(data, value)
    found = docs.get(data)
    assert found is not None and same(found, value)
    assert found is not docs.get(data)  # a fresh copy each time: nothing shared to spoil
    assert docs.get(data.replace(b"Photos", b"Photographs")) is None


def test_a_damaged_entry_is_ignored_so_the_file_is_parsed_instead() -> None:
    data = b"id: photos\n"
    value, _ = read_yaml(data, "photos.yaml")
    docs = ParsedDocuments()
    docs.add(data, value)
    key = next(iter(docs.entries))
    docs.entries[key] = {"e": [["id"]], "p": [1, 1]}  # truncated by hand
    assert docs.get(data) is None


def test_only_the_entries_used_are_written_back() -> None:
    old, new = b"id: old\n", b"id: new\n"
    seed = ParsedDocuments()
    for data in (old, new):
        seed.add(data, read_yaml(data, "x.yaml")[0])
    docs = ParsedDocuments(seed.entries)
    assert docs.get(new) is not None
    assert list(docs.in_use()) == [k for k in seed.entries if k in docs.used]
    assert len(docs.in_use()) == 1


@pytest.mark.parametrize("data", [b"", b"abc", "é: ünïcode\n".encode(), bytes(range(256)) * 300])
def test_the_digest_is_sha256_as_hashlib_computes_it(data: bytes) -> None:
    # The cache key and a tree's own hash: records and transcripts quote them, so they must be
    # the standard digest, of a text's UTF-8 bytes.
    assert sha256_of(data) == hashlib.sha256(data).hexdigest()
    assert (
        sha256_of(data.decode("latin-1"))
        == hashlib.sha256(data.decode("latin-1").encode("utf-8")).hexdigest()
    )


def test_a_mapping_whose_positions_do_not_follow_its_keys_is_not_kept() -> None:
    # Positions are kept as flat lists in the order of the keys; a mapping where some key has
    # no position of its own cannot be given back exactly that way, so its file is parsed.
    m = MarkedDict()
    m["a"], m["b"] = 1, 2
    m.key_pos.update(a=Pos(1, 1), b=Pos(2, 1))
    m.value_pos.update(a=Pos(1, 4))
    assert encode(m, set()) is None
    m.value_pos["b"] = Pos(2, 4)
    assert same(through_json(m), m)
