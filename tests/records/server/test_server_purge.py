"""`records server purge`: an administrator removes the records the retention rule allows from
every journal, each purge is an entry in the server's purge log, `verify --server` still verifies
every journal (and the log), terminals sync on; a terminal's or a supervisor's account is refused
by the database itself, and not even the administrator can delete what no purge covers."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import psycopg
import pytest

from tests.records.kit import advice, transcript
from tests.records.server.pg import OWNER
from wizard.cli.main import main
from wizard.records.model import Record, utc_stamp
from wizard.records.server.purge import plan_server_purge, purge_server
from wizard.records.server.verify import compare_local, verify_server
from wizard.records.store import RecordStore
from wizard.records.verify import verify

pytestmark = pytest.mark.postgres

OLD = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
CUTOFF = (OLD + dt.timedelta(days=30)).date()  # after the old records, long before today
TOMORROW = dt.date.today() + dt.timedelta(days=1)


def add_old(store: RecordStore, n: int, name: str = "Old person") -> None:
    """Add `n` records as if made 400 days ago (the clock is replaced for each add)."""
    for i in range(n):

        def build(conn, next_id, now, i=i) -> Record:
            when = utc_stamp(OLD + dt.timedelta(days=i))
            return replace(advice(advised_name=f"{name} {i + 1}"), id=next_id, created_at=when)

        store.append(build)


@pytest.fixture
def two(terminal):
    """Terminal A: 3 old records then 2 of today; terminal B: 2 old only. Both synced."""
    a, b = terminal("pc-a", "terminal_a"), terminal("pc-b", "terminal_b")
    with a.store() as store:
        add_old(store, 3)
    a.add(2, start=4)
    with b.store() as store:
        add_old(store, 2, "Other person")
    assert a.sync().ok and b.sync().ok
    return a, b


@pytest.fixture
def cli(server, tmp_path, monkeypatch):
    """`records ...` configured for the server, logging in as `user`."""
    monkeypatch.setenv("PURDAH_WIZARD_RECORDS_CA", server.cluster.ca)
    data = tmp_path / "data"

    def run(user: str, *args: str) -> int:
        monkeypatch.setenv(
            "PURDAH_WIZARD_RECORDS_URL", server.cluster.conninfo(server.dbname, user)
        )
        return main(["records", "--data-dir", str(data), *args])

    return run


def purge_args(*extra: str, before: dt.date = CUTOFF) -> tuple[str, ...]:
    return (
        "server",
        "purge",
        "--before",
        before.isoformat(),
        "--by",
        "Insp Ada Brown",
        "--why",
        "retention: 1 year",
        *extra,
    )


def test_without_yes_it_says_what_would_go_and_removes_nothing(two, server, cli, capsys) -> None:
    before = server.rows()
    assert cli("records_admin", *purge_args()) == 1
    out = capsys.readouterr().out
    assert "3 record(s), 1 to 3" in out and "2 record(s), 1 to 2" in out
    assert "This would purge 5 record(s) from 2 journal(s)" in out and "add --yes" in out
    assert server.rows() == before


def test_the_administrator_purges_every_journal_and_verify_passes_after(
    two, server, cli, capsys
) -> None:
    a, b = two
    assert cli("records_admin", *purge_args("--yes")) == 0
    out = capsys.readouterr().out
    assert "Purged 5 record(s) from 2 journal(s)" in out
    assert server.rows(a.journal()) == a.hashes()[3:]  # today's two are kept
    assert server.rows(b.journal()) == []
    with server.connect("supervisor") as conn:
        log = conn.execute(
            "SELECT journal_id::text, purged_from, purged_through, purged_count, anchor_hash, "
            "made_by, reason, account FROM purdah.purges ORDER BY seq"
        ).fetchall()
    assert log == [
        (
            a.journal(),
            1,
            3,
            3,
            a.hashes()[2][1],
            "Insp Ada Brown",
            "retention: 1 year",
            "records_admin",
        ),
        (
            b.journal(),
            1,
            2,
            2,
            b.hashes()[1][1],
            "Insp Ada Brown",
            "retention: 1 year",
            "records_admin",
        ),
    ]
    assert cli("supervisor", "verify", "--server") == 0
    out = capsys.readouterr().out
    assert "OK: 2 journal(s), 2 record(s) checked on the server" in out
    assert "The server's purge log: OK, 2 entries" in out
    assert "OK, 0 record(s); the newest, record 2, has hash " + b.hashes()[1][1] in out
    with a.store() as store:
        assert verify(store).ok  # the terminals' files are not touched


def test_terminals_sync_on_after_the_servers_purge(two, server) -> None:
    a, b = two
    with server.connect("records_admin") as conn:
        purge_server(conn, TOMORROW, "Insp Ada Brown")  # every record: nothing newer
    assert server.rows() == []
    a.add(1, start=9)
    b.add(1, start=9)
    sent_a, sent_b = a.sync(), b.sync()
    assert (sent_a.ok, sent_a.sent, sent_a.server_head) == (True, 1, 6)
    assert (sent_b.ok, sent_b.sent, sent_b.server_head) == (True, 1, 3)
    assert server.rows(a.journal()) == a.hashes()[5:]
    with server.connect("supervisor") as conn:
        check = verify_server(conn)
        assert check.ok, check.message()
        with b.store() as store:
            ok, said = compare_local(store, conn, b.journal())
    assert ok and "1 record(s) held by both, 0 not yet sent" in said


def test_a_record_purged_from_the_server_is_never_taken_again(two, server) -> None:
    a, _ = two
    with server.connect("records_admin") as conn:
        purge_server(conn, CUTOFF, "Insp Ada Brown")
    from wizard.records.server.sync import INSERT, _values

    with a.store() as store:
        first = store.conn.execute(
            "SELECT r.id, c.content, r.prev_hash, r.hash FROM records r "
            "JOIN record_content c ON c.id = r.id WHERE r.id = 1"
        ).fetchone()
    with (
        server.connect("terminal_a") as conn,
        pytest.raises(psycopg.Error, match="purged from the server"),
    ):
        conn.execute(INSERT, _values(a.journal(), first))


@pytest.mark.parametrize("user", ["terminal_a", "supervisor"])
def test_a_terminal_or_a_supervisor_is_refused_by_the_database(two, server, cli, capsys, user):
    before = server.rows()
    assert cli(user, *purge_args("--yes")) == 4
    err = capsys.readouterr().err
    assert "may not purge" in err and "purdah_admin" in err and "Nothing was purged" in err
    with server.connect(user) as conn:  # not the program's check: the database's
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            purge_server(conn, CUTOFF, "Someone")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM purdah.records WHERE seq = 1")
    assert server.rows() == before


def test_the_log_and_the_records_it_does_not_cover_are_safe_even_from_the_admin(
    two, server
) -> None:
    a, _ = two
    with server.connect("records_admin") as conn:
        purge_server(conn, CUTOFF, "Insp Ada Brown")
        with pytest.raises(psycopg.Error, match="never deleted"):
            conn.execute("DELETE FROM purdah.records WHERE seq = 4")  # kept by the rule
        for statement in ("UPDATE purdah.purges SET reason = ''", "DELETE FROM purdah.purges"):
            with pytest.raises(psycopg.Error):
                conn.execute(statement)
    with server.connect(OWNER) as conn:  # the owner has every privilege: the triggers stop it
        for statement in ("UPDATE purdah.purges SET reason = ''", "DELETE FROM purdah.purges"):
            with pytest.raises(psycopg.Error, match="never changed"):
                conn.execute(statement)
    assert [seq for seq, _ in server.rows(a.journal())] == [4, 5]


def test_the_database_refuses_a_log_entry_that_misdescribes_the_records(two, server) -> None:
    a, _ = two
    from wizard.records.canonical import canonical_json
    from wizard.records.model import GENESIS
    from wizard.records.server.purge import purge_hash

    fields = {
        "kind": "server_purge",
        "seq": 1,
        "journal_id": a.journal(),
        "purge_before": utc_stamp(),
        "purged_from": 1,
        "purged_through": 4,
        "purged_count": 4,
        "anchor_hash": a.hashes()[2][1],  # record 3's hash, not record 4's
        "made_by": "Someone",
        "reason": "",
        "account": "records_admin",
        "created_at": utc_stamp(),
    }
    content = canonical_json(fields)
    row = {**{k: v for k, v in fields.items() if k != "kind"}, "content": content}
    row |= {"prev_hash": GENESIS, "hash": purge_hash(GENESIS, content)}
    with (
        server.connect("records_admin") as conn,
        pytest.raises(psycopg.Error, match="does not describe the oldest records"),
    ):
        conn.execute(
            f"INSERT INTO purdah.purges ({', '.join(row)}) VALUES ({', '.join(['%s'] * len(row))})",
            list(row.values()),
        )
    assert len(server.rows(a.journal())) == 5


def test_a_changed_log_entry_fails_verify(two, server) -> None:
    with server.connect("records_admin") as conn:
        purge_server(conn, CUTOFF, "Insp Ada Brown")
    with server.connect() as conn:  # a superuser, going around the triggers
        conn.execute("ALTER TABLE purdah.purges DISABLE TRIGGER USER")
        content = json.loads(
            conn.execute("SELECT content FROM purdah.purges WHERE seq = 2").fetchone()[0]
        )
        content["purged_count"] = 1
        conn.execute(
            "UPDATE purdah.purges SET content = %s, purged_count = 1 WHERE seq = 2",
            (json.dumps(content),),
        )
        check = verify_server(conn)
    assert not check.ok
    assert "purge log: entry 2 does not match: its content does not match its hash" in (
        check.message()
    )


def test_nothing_old_enough(two, server, cli, capsys) -> None:
    with server.connect("supervisor") as conn:
        assert plan_server_purge(conn, OLD.date() - dt.timedelta(days=2)) == []
    assert cli("records_admin", *purge_args("--yes", before=OLD.date() - dt.timedelta(days=2))) == 0
    assert "Nothing to purge" in capsys.readouterr().out


def test_the_command_line_reads_the_windows_saved_settings(server, tmp_path, monkeypatch, capsys):
    """No PURDAH_WIZARD_RECORDS_* in the environment: the window's settings name the server."""
    from PySide6.QtCore import QSettings

    from wizard.library.locations import APPLICATION, ORGANISATION

    for name in ("PURDAH_WIZARD_RECORDS_URL", "PURDAH_WIZARD_RECORDS_CA", "PURDAH_WIZARD_STATION"):
        monkeypatch.delenv(name, raising=False)
    settings = QSettings(ORGANISATION, APPLICATION)
    settings.setValue("records/server_url", server.cluster.conninfo(server.dbname, "terminal_a"))
    settings.setValue("records/server_ca", server.cluster.ca)
    settings.setValue("records/station", "Bournville Lane")
    settings.sync()
    walk = tmp_path / "walk.json"
    walk.write_text(transcript().to_json(), encoding="utf-8")
    data = ["records", "--data-dir", str(tmp_path / "data")]
    add = ["add", "--transcript", str(walk), "--supervisor", "Sgt Roe", "--advice", "Decline"]
    assert main([*data, *add]) == 0
    assert "Sent 1 record(s)" in capsys.readouterr().out
    assert main([*data, "status"]) == 0
    assert "(from the setting records/server_url)" in capsys.readouterr().out
    with server.connect() as conn:
        assert conn.execute("SELECT station FROM purdah.journals").fetchone() == (
            "Bournville Lane",
        )
    monkeypatch.setenv("PURDAH_WIZARD_RECORDS_URL", "host=localhost port=1 dbname=x user=y")
    assert main([*data, "sync"]) == 4  # the environment comes first
    assert "Could not use the records server localhost" in capsys.readouterr().err
