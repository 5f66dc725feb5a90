"""Force-wide search on the server: every terminal's records, accent- and case-insensitive, any
part of a word, and the first keystrokes (one or two letters, too short for the trigram index)
find the same as a longer word would."""

from __future__ import annotations

import pytest

from tests.records.kit import advice
from wizard.records.search import Query
from wizard.records.server.search import search_force

pytestmark = pytest.mark.postgres


@pytest.fixture
def force(terminal, server):
    a, b = terminal("pc-a", "terminal_a"), terminal("pc-b", "terminal_b")
    with a.store() as store:
        for name in ("Zoë Kent", "Li Wu", "Ann 50%_off"):
            store.add(advice(advised_name=name))
    with b.store() as store:
        store.add(advice(advised_name="ZOE O'NEILL"))
    assert a.sync().ok and b.sync().ok
    with server.connect("supervisor") as conn:
        yield lambda text: sorted(r.advised_name for r in search_force(conn, Query(text=text)))


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("zoe", ["ZOE O'NEILL", "Zoë Kent"]),  # both terminals, any accent or case
        ("ZOË KENT", ["Zoë Kent"]),
        ("z", ["ZOE O'NEILL", "Zoë Kent"]),  # one letter: no trigram to look up
        ("wu", ["Li Wu"]),
        ("o'", ["ZOE O'NEILL"]),
        ("%_", ["Ann 50%_off"]),  # taken literally, not as wildcards
        ("50%", ["Ann 50%_off"]),
        ("q", []),
        ("wu zoe", []),  # every word must be found
    ],
)
def test_search_as_you_type_across_the_force(force, typed, found) -> None:
    assert force(typed) == found
