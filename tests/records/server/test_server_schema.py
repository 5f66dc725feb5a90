"""The server's schema: made and migrated by `init`, append-only in the database itself (by
privileges and, for the owner too, by triggers), and a purge applied only by an administrator
and only as far as a purge in the chain says."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest

from tests.records.server.pg import OWNER
from wizard.records.purge import purge
from wizard.records.server.schema import CURRENT, init, version
from wizard.records.server.verify import verify_server

pytestmark = pytest.mark.postgres


def test_init_makes_the_schema_once_and_says_it_is_current_after(server) -> None:
    with server.connect(OWNER) as conn:
        assert version(conn) == CURRENT
        assert init(conn) == (CURRENT, CURRENT)
        assert conn.execute("SELECT count(*) FROM purdah.migrations").fetchone()[0] == CURRENT


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE purdah.records SET advice = 'changed'",
        "DELETE FROM purdah.records",
        "TRUNCATE purdah.records CASCADE",
        "UPDATE purdah.journals SET station = 'elsewhere'",
        "DELETE FROM purdah.forks",
    ],
)
@pytest.mark.parametrize("user", ["terminal_a", "supervisor"])
def test_terminals_and_supervisors_may_not_change_or_remove_anything(
    terminal, server, statement, user
) -> None:
    t = terminal()
    t.add(2)
    t.sync()
    with server.connect(user) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(statement)
    assert server.rows() == t.hashes()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE purdah.records SET advice = 'changed'",
        "DELETE FROM purdah.records",
        "TRUNCATE purdah.records CASCADE",
        "DELETE FROM purdah.journals",
    ],
)
def test_even_the_owner_is_stopped_by_the_triggers(terminal, server, statement) -> None:
    t = terminal()
    t.add(2)
    t.sync()
    with server.connect(OWNER) as conn, pytest.raises(psycopg.Error, match="never"):
        conn.execute(statement)
    assert server.rows() == t.hashes()


def test_a_terminal_reads_only_hashes_and_a_supervisor_cannot_write(terminal, server) -> None:
    t = terminal()
    t.add(1)
    t.sync()
    with server.connect("terminal_a") as conn:
        assert conn.execute("SELECT seq, hash FROM purdah.records").fetchall() == t.hashes()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT advised_name FROM purdah.records")
    with server.connect("supervisor") as conn:
        assert conn.execute("SELECT advised_name FROM purdah.records").fetchone() == ("Person 1",)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO purdah.journals (journal_id) VALUES (gen_random_uuid())")


def _copy_of_first(server, **change: str) -> dict:
    with server.connect() as conn:
        row = conn.execute(
            "SELECT journal_id, seq, kind, created_at, content, prev_hash, hash "
            "FROM purdah.records ORDER BY seq LIMIT 1"
        ).fetchone()
    names = ("journal_id", "seq", "kind", "created_at", "content", "prev_hash", "hash")
    return {**dict(zip(names, row, strict=True)), **change}


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"seq": 3, "hash": "a" * 64}, "does not match its content"),
        ({"content": '{"id":1}'}, "does not match its content"),
    ],
)
def test_the_database_refuses_a_record_that_is_not_its_hash_or_does_not_extend(
    terminal, server, change, why
) -> None:
    t = terminal()
    t.add(1)
    t.sync()
    row = _copy_of_first(server, **change)
    with server.connect("terminal_a") as conn, pytest.raises(psycopg.Error, match=why):
        conn.execute(
            f"INSERT INTO purdah.records ({', '.join(row)}) "
            f"VALUES ({', '.join(['%s'] * len(row))})",
            list(row.values()),
        )


def test_a_record_that_skips_a_sequence_is_refused(terminal, server) -> None:
    t = terminal()
    t.add(3)
    with t.store() as store:
        store.conn.execute("DROP TRIGGER IF EXISTS records_never_deleted")  # a forger's file
        store.conn.execute("DELETE FROM records WHERE id = 2")
    with server.connect("terminal_a") as conn, t.store() as store:
        from wizard.records.server.sync import INSERT, _values, journal_for

        journal = journal_for(store, conn, t.config())
        rows = store.conn.execute(
            "SELECT r.id, c.content, r.prev_hash, r.hash FROM records r "
            "JOIN record_content c ON c.id = r.id ORDER BY r.id"
        ).fetchall()
        conn.execute(INSERT, _values(journal, rows[0]))
        with pytest.raises(psycopg.Error, match="record 2 is missing"):
            conn.execute(INSERT, _values(journal, rows[1]))


def test_an_administrator_applies_a_purge_recorded_in_the_chain_and_no_more(
    terminal, server
) -> None:
    t = terminal()
    t.add(4)
    t.sync()
    with t.store() as store:
        purge(store, dt.date.today() + dt.timedelta(days=2), "Insp Ada Brown", "retention")
        t.add(1, start=9)
    assert t.sync().ok
    with server.connect("records_admin") as conn:
        with pytest.raises(psycopg.Error, match="never deleted"):
            conn.execute("DELETE FROM purdah.records WHERE seq = 5")  # the purge itself
        conn.execute("DELETE FROM purdah.records WHERE seq <= 4")
        check = verify_server(conn)
    assert check.ok, check.message()
    assert [seq for seq, _ in server.rows()] == [5, 6]
