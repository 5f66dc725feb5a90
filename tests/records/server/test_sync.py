"""Sync: a terminal's records reach the server in order, once, with the same hashes; a fork is
refused and reported and nothing is overwritten; the file's own chain never changes."""

from __future__ import annotations

import sqlite3

import pytest

from tests.records.kit import advice
from wizard.records.server.verify import compare_local, verify_server
from wizard.records.verify import verify

pytestmark = pytest.mark.postgres


def test_a_terminals_records_reach_the_server_with_the_same_hashes(terminal, server) -> None:
    t = terminal()
    t.add(7)
    result = t.sync()
    assert (result.ok, result.sent, result.server_head, result.unsent) == (True, 7, 7, 0)
    assert server.rows(t.journal()) == t.hashes()
    with server.connect() as conn:
        assert verify_server(conn).ok
        with t.store() as store:
            assert compare_local(store, conn, t.journal())[0]


def test_syncing_again_sends_nothing_and_changes_nothing(terminal, server) -> None:
    t = terminal()
    t.add(3)
    t.sync()
    again = t.sync()
    assert (again.ok, again.sent, again.server_head) == (True, 0, 3)
    t.add(2, start=4)
    assert t.sync().sent == 2
    assert server.rows(t.journal()) == t.hashes()


def test_the_file_keeps_its_journal_and_the_server_names_terminal_and_station(
    terminal, server
) -> None:
    t = terminal("station-pc-7")
    t.add(1)
    t.sync()
    journal = t.journal()
    t.sync()
    assert t.journal() == journal
    with server.connect() as conn:
        assert conn.execute(
            "SELECT terminal, station FROM purdah.journals WHERE journal_id = %s", (journal,)
        ).fetchone() == ("station-pc-7", "Lloyd House")
    with t.store() as store:
        assert verify(store).ok  # the outbox's own tables leave the chain as it was


def test_a_restored_old_file_that_records_more_is_refused_and_reported(
    terminal, server, tmp_path
) -> None:
    t = terminal()
    t.add(5)
    t.sync()
    with t.store() as store:
        copy = sqlite3.connect(tmp_path / "backup.sqlite3")
        store.conn.backup(copy)
        copy.close()
    t.add(3, start=6)
    t.sync()
    before = server.rows(t.journal())
    (tmp_path / "backup.sqlite3").replace(t.path)
    for extra in ("-wal", "-shm"):
        t.path.with_name(t.path.name + extra).unlink(missing_ok=True)

    behind = t.sync()  # nothing new yet: only behind, not a fork
    assert not behind.ok and behind.fork is None and "lacks" in behind.problem
    with t.store() as store:
        store.add(advice(advised_name="Someone else"))
    result = t.sync()
    assert result.fork is not None and result.fork.seq == 6 and result.sent == 0
    assert "REFUSED" in result.message()
    assert server.rows(t.journal()) == before  # nothing overwritten
    with server.connect() as conn:
        forks = conn.execute("SELECT seq, held_hash, offered_hash FROM purdah.forks").fetchall()
        assert verify_server(conn).ok
    assert forks == [(6, before[5][1], t.hashes()[5][1])]
    t.sync()  # reported once, however often it is tried
    with server.connect() as conn:
        assert conn.execute("SELECT count(*) FROM purdah.forks").fetchone()[0] == 1
