"""The command line with a records server: add sends at once, sync/status/verify --server say
what a supervisor or the force's IT needs, and a fault or a fork gets its exit code and one line.
"""

from __future__ import annotations

import subprocess

import pytest

from tests.records.kit import transcript
from tests.records.server.pg import OWNER
from wizard.cli.main import main
from wizard.records.server.schema import CURRENT

pytestmark = pytest.mark.postgres


@pytest.fixture
def cli(server, tmp_path, monkeypatch):
    """Run `records ...` against a terminal's data folder, configured for the server."""
    monkeypatch.setenv(
        "PURDAH_WIZARD_RECORDS_URL", server.cluster.conninfo(server.dbname, "terminal_a")
    )
    monkeypatch.setenv("PURDAH_WIZARD_RECORDS_CA", server.cluster.ca)
    monkeypatch.setenv("PURDAH_WIZARD_STATION", "Steelhouse Lane")
    walk = tmp_path / "walk.json"
    walk.write_text(transcript().to_json(), encoding="utf-8")
    data = tmp_path / "data"

    def run(*args: str) -> int:
        if args[0] == "add":
            args = (
                "add",
                "--transcript",
                str(walk),
                "--supervisor",
                "Sgt Roe",
                "--advice",
                "Decline",
                *args[1:],
            )
        return main(["records", "--data-dir", str(data), *args])

    return run


def test_a_record_added_is_sent_at_once_and_status_says_nothing_waits(cli, capsys) -> None:
    assert cli("add", "--advised", "PC Zoë Kent") == 0
    out = capsys.readouterr().out
    assert "Saved as record 1" in out and "Sent 1 record(s)" in out
    assert cli("status") == 0
    out = capsys.readouterr().out
    assert "Server's head for this journal: record 1, hash " in out
    assert "Waiting to be sent: 0" in out


def test_a_terminals_account_may_not_read_the_server_to_verify_it(cli, capsys) -> None:
    cli("add")
    capsys.readouterr()
    assert cli("verify", "--server") == 4
    assert "needs the purdah_reader role" in capsys.readouterr().err


def test_a_supervisor_verifies_the_server_and_the_file(cli, capsys, monkeypatch, server) -> None:
    cli("add")
    cli("add")
    monkeypatch.setenv(
        "PURDAH_WIZARD_RECORDS_URL", server.cluster.conninfo(server.dbname, "supervisor")
    )
    capsys.readouterr()
    assert cli("verify", "--server") == 0
    out = capsys.readouterr().out
    assert "OK: 2 record(s) checked, the chain is unbroken" in out  # the file
    assert "OK: 1 journal(s), 2 record(s) checked on the server" in out
    assert "This file agrees with journal" in out and "2 record(s) held by both" in out


def test_server_init_by_the_administrator(cli, capsys) -> None:
    assert cli("server", "init", "--user", OWNER) == 0
    assert f"schema is current (version {CURRENT})" in capsys.readouterr().out
    assert cli("server", "init") == 4  # a terminal's account may not change the schema
    assert "was not changed" in capsys.readouterr().err


def test_the_server_unreachable_keeps_the_record_and_counts_it_waiting(
    cli, capsys, monkeypatch, server
) -> None:
    cli("add")
    monkeypatch.setenv(
        "PURDAH_WIZARD_RECORDS_URL", f"host=localhost port=1 dbname={server.dbname} user=terminal_a"
    )
    capsys.readouterr()
    assert cli("add") == 0
    captured = capsys.readouterr()
    assert "Saved as record 2" in captured.out and "not yet sent" in captured.err
    assert cli("sync") == 4
    assert "safe in this terminal's file" in capsys.readouterr().err
    assert cli("status") == 4
    assert "Waiting to be sent: 1 (as of the last sync)" in capsys.readouterr().out
    assert cli("list") == 0  # the file works as ever


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("host=localhost dbname=x sslmode=require", "only sslmode=verify-full"),
        ("host=localhost dbname=x sslmode=disable", "only sslmode=verify-full"),
        ("host=localhost dbname=x password=secret", "includes a password"),
        ("postgresql://terminal_a:secret@localhost/x", "includes a password"),
    ],
)
def test_a_configuration_without_tls_or_with_a_password_is_refused(
    cli, capsys, monkeypatch, url, said
) -> None:
    monkeypatch.setenv("PURDAH_WIZARD_RECORDS_URL", url)
    assert cli("sync") == 2
    assert said in capsys.readouterr().err


def test_a_server_whose_certificate_is_not_from_the_ca_is_refused(
    cli, capsys, monkeypatch, tmp_path
) -> None:
    other = tmp_path / "other-ca.crt"  # a CA that did not sign the server's certificate
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=Another CA",
            "-keyout",
            str(tmp_path / "other.key"),
            "-out",
            str(other),
        ],
        check=True,
        capture_output=True,
    )
    monkeypatch.setenv("PURDAH_WIZARD_RECORDS_CA", str(other))
    assert cli("sync") == 4
    assert "certificate" in capsys.readouterr().err


def test_a_fork_exits_1_and_says_refused(cli, capsys, server, tmp_path) -> None:
    cli("add")
    folder = tmp_path / "data"
    backup = (folder / "advice-records.sqlite3").read_bytes()
    cli("add")
    (folder / "advice-records.sqlite3").write_bytes(backup)
    for extra in ("-wal", "-shm"):
        (folder / f"advice-records.sqlite3{extra}").unlink(missing_ok=True)
    capsys.readouterr()
    assert cli("add", "--advised", "Someone else") == 0  # saved here, whatever the server says
    assert "REFUSED" in capsys.readouterr().err
    assert cli("sync") == 1
    with server.connect() as conn:
        assert conn.execute("SELECT count(*) FROM purdah.records").fetchone()[0] == 2
