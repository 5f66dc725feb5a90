"""Search as you type and filters, as the records window and `records list` use them."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.records.kit import advice
from wizard.records.model import utc_stamp
from wizard.records.search import Query, count, matching_records, search, topics
from wizard.records.store import RecordStore

LAST_YEAR = dt.datetime.now(dt.UTC) - dt.timedelta(days=365)


@pytest.fixture(params=["fts", "scan"])
def store(request, tmp_path):
    """The same records, searched with the full-text index and with a plain scan."""
    with RecordStore(tmp_path / "records.sqlite3") as s:
        s.append(
            lambda conn, i, now: replace(
                advice(
                    advised_name="PCSO Ann Ógúnlesí",
                    advised_number="7788",
                    advised_role="PCSO",
                    situation="Asked to hand out leaflets",
                    advice="Do not hand out leaflets.",
                ),
                id=i,
                created_at=utc_stamp(LAST_YEAR),
            )
        )
        s.add(
            advice(
                walk="fine",
                advised_name="PC John Smith",
                advised_number="1234",
                situation="Filming at a rally",
                advice="General filming is fine.",
            )
        )
        s.add(
            advice(
                walk="start_ask",
                supervisor_name="Insp Kay Black",
                advised_name="Ms Li",
                advised_role="Police staff",
                advised_number="S5566",
                advice="Ask Corporate Communications.",
            )
        )
        if request.param == "scan":
            s.has_fts = False
        yield s


def ids(store, **query):
    return [r.id for r in search(store, Query(**query))]


def test_everything_newest_first_with_no_query(store):
    assert ids(store) == [3, 2, 1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("smith", [2]),  # any case
        ("mit", [2]),  # any part of a word
        ("1234", [2]),  # a collar number
        ("leaflets", [1]),  # the situation and the advice
        ("corporate", [3]),
        ("black", [3]),  # the supervisor
        ("staff", [3]),  # the role
        ("Jane Roe", [2, 1]),  # every word must match, in any field
        ("smith leaflets", []),
        ("pc", [2, 1]),  # a short word still matches (PC and PCSO)
        ("77", [1]),
        ("Ógúnlesí", [1]),  # letters beyond ASCII
        ("óG", [1]),  # a short word, in any case, beyond ASCII too
        ('"quoted', []),  # a quote in what is typed is only a character
        ("100%", []),  # and so is a LIKE wildcard
    ],
)
def test_search_as_you_type(store, text, expected):
    assert ids(store, text=text) == expected


def test_filter_by_verdict_and_topic(store):
    assert ids(store, verdict="do_not") == [1]
    assert ids(store, verdict="acceptable") == [2]
    assert ids(store, tree_id="photos") == [2, 1]
    assert ids(store, tree_id="start") == [3]
    assert ids(store, tree_id="photos", text="leaflets") == [1]
    assert topics(store) == ["photos", "start"]


def test_filter_by_date_range_in_local_dates(store):
    today = dt.date.today()
    assert ids(store, date_from=today) == [3, 2]
    assert ids(store, date_to=today - dt.timedelta(days=1)) == [1]
    last_year = LAST_YEAR.astimezone().date()
    assert ids(store, date_from=last_year, date_to=last_year) == [1]


def test_an_amended_record_is_listed_once_as_its_latest_version(store):
    store.add(
        store.get(2).amended(
            advised_name="PC John Smyth", amendment_reason="typo", made_by="Insp Black"
        )
    )
    assert ids(store) == [4, 3, 1]
    assert ids(store, text="smyth") == [4]
    assert ids(store, text="smith") == []  # the superseded spelling is only in the history
    assert count(store, Query()) == 3


def test_pages_follow_on_from_the_last_id(tmp_path):
    with RecordStore(tmp_path / "r.sqlite3") as s:
        for _ in range(7):
            s.add(advice())
        first = search(s, Query(), limit=3)
        second = search(s, Query(), before=first[-1].id, limit=3)
        third = search(s, Query(), before=second[-1].id, limit=3)
        assert [r.id for r in first + second + third] == [7, 6, 5, 4, 3, 2, 1]
        assert len(list(matching_records(s, Query()))) == 7


def test_whatever_is_typed_searches_without_error(tmp_path):
    """Quotes, FTS operators, wildcards, control characters: all are plain text to find."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    with RecordStore(tmp_path / "r.sqlite3") as s:
        s.add(advice(advice='Say "no" AND mean it: NEAR(x) * ^start col:val 100% _x_'))

        @settings(max_examples=300, deadline=None)
        @given(st.text(max_size=30))
        def check(text):
            found = [r.id for r in search(s, Query(text=text))]
            assert found in ([], [1])
            assert count(s, Query(text=text)) == len(found)

        check()
        for text in ('"no"', "AND mean", "NEAR(x)", "* ^start", "col:val", "100%", "_x_"):
            assert ids(s, text=text) == [1], text
