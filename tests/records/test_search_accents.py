"""Search ignores accents and case (issue 17, item 4): UK keyboards make accents hard to type."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.records.kit import advice, sql
from wizard.records import schema
from wizard.records.folding import fold
from wizard.records.search import Query, count, search
from wizard.records.store import RecordStore
from wizard.records.verify import verify

FIXTURES = Path(__file__).parent.parent / "fixtures" / "records"
V1_FILE = FIXTURES / "records-v1.sqlite3"
V2_FILE = FIXTURES / "records-v2.sqlite3"  # written by the version-2 program


@pytest.fixture(params=["fts", "scan"])
def store(request, tmp_path):
    """Records with accented names, searched with the full-text index and with a plain scan."""
    with RecordStore(tmp_path / "records.sqlite3") as s:
        s.add(
            advice(
                advised_name="PC Zoë Ó Súilleabháin",
                advised_number="ÉX-4471",
                situation="Café opening with the councillor",
            )
        )
        s.add(
            advice(
                supervisor_name="Sgt Łukasz Øster",
                advised_name="Ms Straße",
                advice="Don’t pose with the candidate.",
            )
        )
        if request.param == "scan":
            s.has_fts = False
        yield s


def ids(store, text):
    return [r.id for r in search(store, Query(text=text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zoe", [1]),
        ("ZOE", [1]),
        ("suilleabhain", [1]),
        ("o suilleabhain", [1]),
        ("Súil", [1]),  # typed with accents still finds it
        ("ex-4471", [1]),  # a number with a letter
        ("cafe", [1]),
        ("lukasz", [2]),  # letters that do not decompose
        ("oster", [2]),
        ("strasse", [2]),
        ("don't", [2]),  # a typed apostrophe finds a curly one
        ("zo", [1]),  # short words fold too (a scan, not the index)
    ],
)
def test_accents_and_case_are_ignored(store, text, expected):
    assert ids(store, text) == expected
    assert count(store, Query(text=text)) == len(expected)


def test_a_lone_accent_typed_does_not_match_everything(store):
    assert ids(store, "\u0301") == [2, 1]  # it is no word at all: no filter
    assert ids(store, "zoe \u0301") == [1]


def test_fold_is_what_the_index_holds():
    assert fold("Zoë Ó SÚILLEABHÁIN ’") == "zoe o suilleabhain '"


def test_a_version_2_file_is_migrated_to_folded_search_and_still_verifies(tmp_path):
    """records-v2.sqlite3 was written by the version-2 program: its index kept the accents."""
    path = tmp_path / "records.sqlite3"
    shutil.copy(V2_FILE, path)
    assert sql(path, "PRAGMA user_version") == [(2,)]
    before = sql(
        path, "SELECT id, content, prev_hash, hash FROM record_content JOIN records USING (id)"
    )
    with RecordStore(path) as s:
        assert sql(path, "PRAGMA user_version") == [(schema.CURRENT,)]
        assert verify(s).ok
        assert [r.id for r in search(s, Query(text="o suilleabhain"))] == [1]
        assert [r.id for r in search(s, Query(text="john smyth"))] == [3]
        assert [r.id for r in search(s, Query(text="smith"))] == []  # superseded
        assert [r.id for r in search(s, Query(text="cafe rally"))] == [1]
        saved = s.add(advice(advised_name="Sgt Zoë Brennan"))
        assert [r.id for r in search(s, Query(text="zoe"))] == [saved.id, 1]
        assert verify(s).ok
    after = sql(
        path,
        "SELECT id, content, prev_hash, hash FROM record_content "
        "JOIN records USING (id) WHERE id <= 3",
    )
    assert after == before  # the evidence is untouched


def test_a_version_1_file_is_migrated_all_the_way(tmp_path):
    path = tmp_path / "records.sqlite3"
    shutil.copy(V1_FILE, path)
    with RecordStore(path) as s:
        assert verify(s).ok
        assert [r.id for r in search(s, Query(text="rally"))] == [2]
        assert [r.id for r in search(s, Query(text="2014"))] == [3]
