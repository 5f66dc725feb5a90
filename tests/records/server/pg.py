"""A real PostgreSQL for the server tests: the cluster `.ci/pg-cluster.sh` started (its
PURDAH_TEST_PG_* variables), else one started here with that script, for the session.

Skipped, loudly, only when this machine has no PostgreSQL binaries at all (CI installs them).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / ".ci" / "pg-cluster.sh"
OWNER = "records_owner"  # the force's records administrator: owns the database, runs init
LOGINS = {
    "terminal_a": "purdah_writer",
    "terminal_b": "purdah_writer",
    "supervisor": "purdah_reader",
    "records_admin": "purdah_admin",
}
NO_POSTGRES = (
    "NO POSTGRESQL: the records-server tests are SKIPPED because this machine has no "
    "PostgreSQL binaries (apt-get install postgresql); CI installs them and runs these"
)


def binaries_exist() -> bool:
    return bool(glob.glob("/usr/lib/postgresql/*/bin/initdb") or shutil.which("pg_config"))


@dataclass
class Cluster:
    """Where the throwaway cluster is and how to drive it."""

    host: str
    port: int
    ca: str
    superuser: str
    password: str
    bindir: str
    folder: str

    def conninfo(self, dbname: str, user: str) -> str:
        """A conninfo as a terminal would be configured with: no password, no sslmode."""
        return f"host={self.host} port={self.port} dbname={dbname} user={user}"

    def connect(self, dbname: str = "postgres", user: str | None = None, autocommit: bool = True):
        import psycopg

        return psycopg.connect(
            host=self.host,
            port=self.port,
            dbname=dbname,
            user=user or self.superuser,
            password=self.password,
            sslmode="verify-full",
            sslrootcert=self.ca,
            autocommit=autocommit,
        )

    def pg_ctl(self, *args: str) -> None:
        """Run pg_ctl on the cluster as its owner (postgres, when the tests run as root)."""
        cmd = [f"{self.bindir}/pg_ctl", "-D", f"{self.folder}/data", "-w", "-t", "60", *args]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)

    def stop(self) -> None:
        self.pg_ctl("-m", "fast", "stop")

    def start(self) -> None:
        self.pg_ctl("-l", f"{self.folder}/server.log", "start")

    def restart(self) -> None:
        self.pg_ctl("-m", "fast", "-l", f"{self.folder}/server.log", "restart")


def from_env(env: dict[str, str]) -> Cluster | None:
    if not env.get("PURDAH_TEST_PG_PORT"):
        return None
    return Cluster(
        env["PURDAH_TEST_PG_HOST"],
        int(env["PURDAH_TEST_PG_PORT"]),
        env["PURDAH_TEST_PG_CA"],
        env.get("PURDAH_TEST_PG_SUPERUSER", "postgres"),
        env["PURDAH_TEST_PG_PASSWORD"],
        env["PURDAH_TEST_PG_BIN"],
        env["PURDAH_TEST_PG_DIR"],
    )


def started() -> Iterator[Cluster]:
    """The cluster CI started, else one started now (stopped afterwards)."""
    cluster = from_env(dict(os.environ))
    if cluster is not None:
        yield cluster
        return
    folder = tempfile.mkdtemp(prefix="purdah-pg-")
    os.chmod(folder, 0o755)  # the postgres user must enter it
    try:
        done = subprocess.run(
            ["bash", str(SCRIPT), "start", f"{folder}/pg"],
            check=True,
            capture_output=True,
            text=True,
            timeout=180,
        )
        env = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
        cluster = from_env(env)
        assert cluster is not None, done.stdout
        yield cluster
    finally:
        subprocess.run(
            ["bash", str(SCRIPT), "stop", f"{folder}/pg"],
            check=False,
            capture_output=True,
            timeout=120,
        )
        shutil.rmtree(folder, ignore_errors=True)


def prepare_roles(cluster: Cluster) -> None:
    """The administrator (owner) account, the group roles (made by `init` in a first database)
    and a login account in each group; all share the cluster's password."""
    from wizard.records.server.schema import init

    with cluster.connect() as conn:
        have = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles")}
        if OWNER not in have:
            conn.execute(
                f"CREATE ROLE {OWNER} LOGIN CREATEROLE PASSWORD %s".replace(
                    "%s", quote(cluster.password)
                )
            )
    db = new_database(cluster)
    with cluster.connect(db, OWNER) as conn:
        init(conn)
    with cluster.connect() as conn:
        for login, group in LOGINS.items():
            if login not in have:
                conn.execute(
                    f"CREATE ROLE {login} LOGIN PASSWORD {quote(cluster.password)} IN ROLE {group}"
                )
    drop_database(cluster, db)


def quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def new_database(cluster: Cluster) -> str:
    name = f"records_{uuid.uuid4().hex[:12]}"
    with cluster.connect() as conn:
        conn.execute(f"CREATE DATABASE {name} OWNER {OWNER}")
    return name


def drop_database(cluster: Cluster, name: str) -> None:
    with cluster.connect() as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
