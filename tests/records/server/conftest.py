"""Fixtures for the records-server tests: a real PostgreSQL, a fresh database per test with the
schema made by `init`, and terminals (each its own records file and login account)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.records.kit import advice
from tests.records.server import pg
from wizard.records.server.config import ServerConfig
from wizard.records.store import RecordStore


@pytest.fixture(scope="session")
def cluster() -> Iterator[pg.Cluster]:
    if pg.from_env(__import__("os").environ.copy()) is None and not pg.binaries_exist():
        pytest.skip(pg.NO_POSTGRES)
    gen = pg.started()
    found = next(gen)
    pg.prepare_roles(found)
    yield found
    with contextlib.suppress(StopIteration):
        next(gen)


@dataclass
class Server:
    cluster: pg.Cluster
    dbname: str

    def config(
        self, user: str = "terminal_a", station: str = "Lloyd House", terminal: str = ""
    ) -> ServerConfig:
        return ServerConfig(
            self.cluster.conninfo(self.dbname, user),
            self.cluster.ca,
            "the test",
            station,
            terminal or user,
        )

    def connect(self, user: str | None = None):
        """As the superuser (default), or as one of the test accounts."""
        return self.cluster.connect(self.dbname, user)

    def rows(self, journal_id: str | None = None) -> list[tuple[int, str]]:
        """(seq, hash) of every record on the server (of one journal), in order."""
        with self.connect() as conn:
            return conn.execute(
                "SELECT seq, hash FROM purdah.records WHERE %s::uuid IS NULL OR "
                "journal_id = %s::uuid ORDER BY journal_id, seq",
                (journal_id, journal_id),
            ).fetchall()


@pytest.fixture
def server(cluster: pg.Cluster, monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    """A fresh database with the current schema; the test accounts' password in PGPASSWORD
    (libpq reads it; the program never stores one)."""
    from wizard.records.server.schema import init

    monkeypatch.setenv("PGPASSWORD", cluster.password)
    name = pg.new_database(cluster)
    with cluster.connect(name, pg.OWNER) as conn:
        init(conn)
    yield Server(cluster, name)
    with contextlib.suppress(Exception):  # a test may have stopped the server; it restarts it
        pg.drop_database(cluster, name)


@dataclass
class Terminal:
    """One terminal: its records file and the account its syncs use."""

    path: Path
    server: Server
    user: str = "terminal_a"

    def store(self) -> RecordStore:
        return RecordStore(self.path)

    def add(self, n: int, start: int = 1, **fields: object) -> None:
        with self.store() as store:
            for i in range(start, start + n):
                store.add(advice(advised_name=f"Person {i}", **fields))

    def config(self) -> ServerConfig:
        return self.server.config(self.user, terminal=self.path.parent.name)

    def sync(self, **kw: object):
        from wizard.records.server.connect import connect
        from wizard.records.server.sync import push

        with self.store() as store, connect(self.config()) as conn:
            return push(store, conn, self.config(), **kw)

    def hashes(self) -> list[tuple[int, str]]:
        with self.store() as store:
            return store.conn.execute("SELECT id, hash FROM records ORDER BY id").fetchall()

    def journal(self) -> str | None:
        from wizard.records.server.sync import local_journal

        with self.store() as store:
            return local_journal(store)


@pytest.fixture
def terminal(tmp_path: Path, server: Server):
    def make(name: str = "t1", user: str = "terminal_a") -> Terminal:
        return Terminal(tmp_path / name / "advice-records.sqlite3", server, user)

    return make
