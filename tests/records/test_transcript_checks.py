"""`records add` checks a transcript in full before it enters the chain, so that whatever it
accepts `verify` accepts too (issue 18, item 2)."""

from __future__ import annotations

import copy
import json

import pytest

from tests.records.kit import transcript
from wizard.cli.main import main
from wizard.records import datadir
from wizard.records.store import RecordStore


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv(datadir.ENV, str(tmp_path / "not-this-one"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


def add_walk(data, tmp_path, walk: dict) -> int:
    path = tmp_path / "walk.json"
    path.write_text(json.dumps(walk), encoding="utf-8")
    return main(
        [
            "records",
            "--data-dir",
            str(data),
            "add",
            "--transcript",
            str(path),
            "--supervisor",
            "Sgt Roe",
            "--advice",
            "Decline.",
        ]
    )


def stored(data) -> int:
    with RecordStore(datadir.records_path(data)) as store:
        return store.count()


def walk_dict() -> dict:
    """The walk as its JSON file holds it (lists, not the tuples to_dict() gives)."""
    return json.loads(transcript("do_not").to_json())


@pytest.mark.parametrize(
    ("change", "field", "shown"),
    [
        (lambda w: w["outcome"].update(verdict=123), "outcome.verdict", "123"),
        (lambda w: w["outcome"].update(verdict="maybe"), "outcome.verdict", "'maybe'"),
        (lambda w: w["tree"].update(id=7), "tree.id", "7"),
        (lambda w: w["trees"][0].update(id=""), "trees[0].id", "empty"),
        (lambda w: w["tree"].update(sha256="abc"), "tree.sha256", "'abc'"),
        (lambda w: w["tree"].update(version=["1"]), "tree.version", "['1']"),
        (lambda w: w.update(steps={"a": 1}), "steps", "list"),
        (lambda w: w["steps"][1].update(number=7), "steps[1].number", "7"),
        (lambda w: w["steps"][0].update(answer_id=None), "steps[0].answer_id", "None"),
        (lambda w: w["outcome"]["citations"][0].update(text=5), "outcome.citations[0].text", "5"),
        (lambda w: w["outcome"].update(tree_id="elsewhere"), "outcome.tree_id", "'elsewhere'"),
        (
            lambda w: w["outcome"].update(verdict_label="Acceptable"),
            "outcome.verdict_label",
            "'Acceptable'",
        ),
    ],
)
def test_a_malformed_transcript_is_refused_naming_the_field(
    data, tmp_path, capsys, change, field, shown
):
    walk = walk_dict()
    change(walk)
    assert add_walk(data, tmp_path, walk) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert field in err and shown in err and "walk.json" in err, err
    assert stored(data) == 0


def leaves(value, path=()):
    """Every (path, value) of a JSON value, containers included."""
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from leaves(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from leaves(v, (*path, i))


def replaced(walk: dict, path: tuple, new: object) -> dict:
    out = copy.deepcopy(walk)
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = new
    return out


def test_whatever_add_accepts_verify_accepts(data, tmp_path, capsys):
    """Each part of a transcript in turn made a number, nothing, a list or empty text: add
    refuses it in one line (exit 2), or saves it and verify then passes."""
    walk = walk_dict()
    saved = 0
    for path, _ in list(leaves(walk))[1:]:
        for new in (123, None, [], ""):
            code = add_walk(data, tmp_path, replaced(walk, path, new))
            err = capsys.readouterr().err
            assert code in (0, 2), (path, new, err)
            if code == 2:
                assert len(err.strip().splitlines()) == 1, (path, new, err)
            saved += code == 0
    assert saved  # some changes are harmless (an empty help text)
    assert main(["records", "--data-dir", str(data), "verify"]) == 0, capsys.readouterr()
