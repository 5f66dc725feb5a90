"""Faults a force's network and servers will have, each followed by a check that nothing was
lost or duplicated and that every chain verifies on both sides (the issue's figures: 0 and 0).

Server stopped mid-sync; connection killed during a push (pg_terminate_backend); the same records
pushed twice; two terminals (and two syncs of one terminal) at once; the server restarted; the
network gone for a day's records, then back; a file restored from an old backup (a fork:
refused, reported, nothing overwritten)."""

from __future__ import annotations

import sqlite3
import threading

import psycopg
import pytest

from tests.records.kit import advice
from tests.records.server.proxy import Relay
from wizard.records.server import sync
from wizard.records.server.connect import ServerError
from wizard.records.server.verify import compare_local, verify_server
from wizard.records.verify import verify

pytestmark = pytest.mark.postgres
GONE = (ServerError, psycopg.OperationalError, psycopg.InterfaceError)


def quick(t, n: int, start: int = 1) -> None:
    """Save n records in the terminal's file (fsync off: the speed of the test only)."""
    with t.store() as store:
        store.conn.execute("PRAGMA synchronous = OFF")
        for i in range(start, start + n):
            store.add(advice(advised_name=f"Person {i}"))


def lost_and_duplicated(server, *terminals) -> tuple[int, int]:
    """Records saved on a terminal but missing from the server, and copies beyond one of any
    record on the server; asserts every chain verifies on both sides."""
    lost = 0
    for t in terminals:
        local = set(t.hashes())
        lost += len(local - set(server.rows(t.journal())))
        with t.store() as store:
            assert verify(store).ok
    with server.connect() as conn:
        total, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT hash) FROM purdah.records"
        ).fetchone()
        check = verify_server(conn)
        assert check.ok, check.message()
        for t in terminals:
            with t.store() as store:
                agree, text = compare_local(store, conn, t.journal())
                assert agree, text
    return lost, total - distinct + sum(
        len(server.rows(t.journal())) - len(set(server.rows(t.journal()))) for t in terminals
    )


def test_server_stopped_mid_sync(terminal, server) -> None:
    t = terminal()
    quick(t, 600)

    def stop_after_first_batch(sent: int) -> None:
        if sent == 100:
            server.cluster.stop()

    try:
        with pytest.raises(GONE):
            t.sync(batch=100, progress=stop_after_first_batch)
    finally:
        server.cluster.start()
    assert len(server.rows()) == 100
    assert t.sync(batch=100).sent == 500
    assert lost_and_duplicated(server, t) == (0, 0)


def test_connection_killed_during_a_push(terminal, server, monkeypatch) -> None:
    t = terminal()
    quick(t, 450)
    real = sync._values

    def kill_at_record_260(journal_id, row):
        if row[0] == 260:  # inside the batch's transaction, before its rows are sent
            with server.connect() as conn:
                conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE usename = 'terminal_a' AND pid <> pg_backend_pid()"
                )
        return real(journal_id, row)

    monkeypatch.setattr(sync, "_values", kill_at_record_260)
    with pytest.raises(GONE):
        t.sync(batch=100)
    assert len(server.rows()) == 200  # the batches before it, whole; none of that one
    monkeypatch.setattr(sync, "_values", real)
    assert t.sync(batch=100).sent == 250
    assert lost_and_duplicated(server, t) == (0, 0)


def test_the_same_records_pushed_twice(terminal, server) -> None:
    t = terminal()
    quick(t, 120)
    assert t.sync().sent == 120
    assert t.sync().sent == 0
    # as if a push was cut off after the server committed: its rows sent again, as they were
    with server.connect("terminal_a") as conn, t.store() as store:
        rows = store.conn.execute(
            "SELECT r.id, c.content, r.prev_hash, r.hash FROM records r "
            "JOIN record_content c ON c.id = r.id ORDER BY r.id"
        ).fetchall()
        with conn.cursor() as cur:
            cur.executemany(sync.INSERT, [sync._values(t.journal(), row) for row in rows])
            assert cur.rowcount == 0
        with pytest.raises(psycopg.errors.UniqueViolation):
            conn.execute(sync.INSERT.split(" ON CONFLICT")[0], sync._values(t.journal(), rows[0]))
    assert lost_and_duplicated(server, t) == (0, 0)


def _at_once(*jobs) -> list[BaseException]:
    """Run the jobs in threads released together; the errors they raised."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job) -> None:
        barrier.wait()
        try:
            job()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for th in threads:
        th.start()
    for th in threads:
        th.join(120)
    return errors


def test_two_terminals_syncing_at_once(terminal, server) -> None:
    a, b = terminal("a", "terminal_a"), terminal("b", "terminal_b")
    quick(a, 400)
    quick(b, 350)
    assert _at_once(lambda: a.sync(batch=50), lambda: b.sync(batch=50)) == []
    assert (len(server.rows(a.journal())), len(server.rows(b.journal()))) == (400, 350)
    assert lost_and_duplicated(server, a, b) == (0, 0)


def test_one_terminal_syncing_twice_at_once(terminal, server) -> None:
    t = terminal()
    quick(t, 400)
    t.sync(batch=1)  # its journal exists; then two syncs of the same file race
    assert _at_once(lambda: t.sync(batch=30), lambda: t.sync(batch=30)) == []
    assert lost_and_duplicated(server, t) == (0, 0)


def test_server_restarted(terminal, server) -> None:
    t = terminal()
    quick(t, 150)
    from wizard.records.server.connect import connect

    with t.store() as store, connect(t.config()) as conn:
        sync.push(store, conn, t.config())
        server.cluster.restart()
        quick(t, 50, start=151)
        with pytest.raises(GONE):
            sync.push(store, conn, t.config())  # the old connection died with the server
    assert t.sync().sent == 50
    assert lost_and_duplicated(server, t) == (0, 0)


def test_network_gone_for_a_days_records_then_back(terminal, server) -> None:
    relay = Relay(server.cluster.port)
    t = terminal()
    t.config = lambda: server.config().__class__(  # the terminal reaches the server via the relay
        server.cluster.conninfo(server.dbname, "terminal_a").replace(
            f"port={server.cluster.port}", f"port={relay.port}"
        ),
        server.cluster.ca,
    )
    try:
        quick(t, 300)
        with pytest.raises(GONE):
            t.sync(batch=100, progress=lambda sent: relay.cut() if sent == 100 else None)
        quick(t, 250, start=301)  # a day's records with the network gone
        for _ in range(3):
            with pytest.raises(GONE):
                t.sync()
        with t.store() as store:
            assert sync.waiting(store) == 450  # 100 sent before the cable was pulled
        relay.mend()
        assert t.sync(batch=100).sent == 450
    finally:
        relay.close()
    assert lost_and_duplicated(server, t) == (0, 0)


def test_file_restored_from_an_old_backup_forks_and_nothing_is_overwritten(
    terminal, server, tmp_path
) -> None:
    t = terminal()
    quick(t, 40)
    t.sync()
    with t.store() as store:
        backup = sqlite3.connect(tmp_path / "backup.sqlite3")
        store.conn.backup(backup)
        backup.close()
    quick(t, 20, start=41)
    t.sync()
    sent = server.rows(t.journal())
    (tmp_path / "backup.sqlite3").replace(t.path)
    for extra in ("-wal", "-shm"):
        t.path.with_name(t.path.name + extra).unlink(missing_ok=True)
    quick(t, 5, start=100)
    result = t.sync()
    assert result.fork is not None and result.fork.seq == 41 and result.sent == 0
    assert server.rows(t.journal()) == sent  # nothing overwritten: all 60 are still there
    with server.connect() as conn:
        assert conn.execute("SELECT seq FROM purdah.forks").fetchall() == [(41,)]
        assert verify_server(conn).ok
        with t.store() as store:
            agree, text = compare_local(store, conn, t.journal())
    assert not agree and "record 41 differs" in text
    with t.store() as store:
        assert verify(store).ok and store.count() == 45  # the file's own chain is kept as is
    lost = len(set(t.hashes()[:40]) - set(sent))
    assert (lost, len(sent) - len(set(sent))) == (0, 0)
