"""`records add --record FILE` goes through the same checks as the form (issue 18, item 4)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLE_TREES
from tests.records.kit import advice
from wizard.cli.main import main
from wizard.records import datadir
from wizard.records.store import RecordStore


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A data folder holding record 1, a plain piece of advice."""
    monkeypatch.setenv(datadir.ENV, str(tmp_path / "not-this-one"))
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "data"
    with RecordStore(datadir.records_path(folder)) as store:
        store.add(advice(advised_name="PC Original"))
    return folder


def add_file(data, tmp_path, content: dict) -> int:
    path = tmp_path / "kept.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    return main(
        [
            "--trees",
            str(EXAMPLE_TREES),
            "records",
            "--data-dir",
            str(data),
            "add",
            "--record",
            str(path),
        ]
    )


def count(data) -> int:
    with RecordStore(datadir.records_path(data)) as store:
        return store.count()


def refused(data, tmp_path, capsys, content: dict) -> str:
    """Adding the file is refused in one line, and nothing is saved; the line."""
    assert add_file(data, tmp_path, content) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert count(data) == 1
    return err


def test_a_kept_record_is_added(data, tmp_path, capsys):
    assert add_file(data, tmp_path, advice(advice="Kept, then added.").content()) == 0
    assert count(data) == 2


def test_an_amendment_needs_its_reason_and_author(data, tmp_path, capsys):
    content = {**advice().content(), "kind": "amendment", "amends": 1}
    err = refused(data, tmp_path, capsys, content)
    assert "why the record is being amended" in err and "who is making the amendment" in err


def test_advice_naming_a_record_it_amends_is_refused_and_hides_nothing(data, tmp_path, capsys):
    content = {**advice(advised_name="PC Impostor").content(), "amends": 1}
    err = refused(data, tmp_path, capsys, content)
    assert "amends" in err
    assert main(["records", "--data-dir", str(data), "list"]) == 0
    assert "PC Original" in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["purge", "zap", 7])
def test_a_purge_or_unknown_kind_is_refused_clearly(data, tmp_path, capsys, kind):
    content = {**advice().content(), "kind": kind, "made_by": "Insp Black"}
    err = refused(data, tmp_path, capsys, content)
    assert "kind" in err or "purge" in err, err


def test_purge_fields_in_advice_are_refused(data, tmp_path, capsys):
    content = {**advice().content(), "purged_through": 1, "purged_count": 1}
    assert "purged_through" in refused(data, tmp_path, capsys, content)


@pytest.mark.parametrize(
    "extra",
    [
        {"hash": "ab" * 32},
        {"prev_hash": "0" * 64},
        {"amends": 10**30, "kind": "amendment", "amendment_reason": "x", "made_by": "y"},
    ],
)
def test_odd_fields_give_a_clear_answer_not_a_traceback(data, tmp_path, capsys, extra):
    code = add_file(data, tmp_path, {**advice().content(), **extra})
    err = capsys.readouterr().err
    assert code in (0, 2) and "Traceback" not in err, err


def test_the_form_s_rules_apply(data, tmp_path, capsys):
    content = {**advice().content(), "supervisor_name": " ", "differs": True, "reason": ""}
    err = refused(data, tmp_path, capsys, content)
    assert "supervisor's name" in err and "why the advice differs" in err


def test_whatever_a_kept_file_adds_verify_accepts(data, tmp_path, capsys):
    """Each field of a kept record in turn made a number, nothing, empty text or a huge number:
    refused in one line, or saved and the chain still verifies."""
    content = advice().content()
    for key in content:
        for new in (123, None, "", 10**30):
            code = add_file(data, tmp_path, {**content, key: new})
            err = capsys.readouterr().err
            assert code in (0, 2) and "Traceback" not in err, (key, new, err)
            if code == 2:
                assert len(err.strip().splitlines()) == 1, (key, new, err)
    assert main(["records", "--data-dir", str(data), "verify"]) == 0, capsys.readouterr()
