"""The feedback of issue 20 goes to the records server with each sync, under the records file's
journal: notes once each, counts as the file's latest totals; nothing is sent twice, and a
problem with the feedback is a note that never stops the records."""

from __future__ import annotations

import contextlib
import datetime as dt

import psycopg
import pytest

from tests.records.server import pg
from tests.records.server.conftest import Server, Terminal
from wizard.feedback.store import FeedbackStore, feedback_path
from wizard.records.server import schema
from wizard.records.server.feedback import FeedbackSent, digest

pytestmark = pytest.mark.postgres

DAY, NEXT = dt.date(2027, 4, 1), dt.date(2027, 4, 2)
WALK = [("photos", "candidate_present", "yes"), ("photos", "staged", "yes")]


def feedback(t: Terminal) -> FeedbackStore:
    """The feedback kept in the terminal's data folder (beside its records file)."""
    return FeedbackStore(t.path.parent)


def keep_some(t: Terminal) -> None:
    fb = feedback(t)
    fb.add_note("photos", WALK, "decline", "", "wanted the rule on group photos", day=DAY)
    fb.add_note("photos", WALK, "decline", "", "wanted the rule on group photos", day=DAY)
    fb.add_note("", [], "", "", "", day=NEXT)
    for _ in range(3):
        fb.count("topic", "photos", day=DAY)
    fb.count("outcome", "photos", "decline", day=DAY)
    fb.count("topic", "vehicles", day=NEXT)


def server_notes(server: Server, journal: str | None) -> list[tuple]:
    with server.connect() as conn:
        return conn.execute(
            "SELECT note_no, digest, day, topic, answers, outcome, verdict, line "
            "FROM purdah.feedback_notes WHERE journal_id = %s ORDER BY note_no",
            (journal,),
        ).fetchall()


def server_counts(server: Server, journal: str | None) -> list[tuple]:
    with server.connect() as conn:
        return conn.execute(
            "SELECT day, kind, topic, outcome, n FROM purdah.feedback_counts "
            "WHERE journal_id = %s ORDER BY day, kind, topic, outcome",
            (journal,),
        ).fetchall()


def test_notes_and_counts_arrive_under_the_records_journal(terminal, server) -> None:
    t = terminal()
    t.add(2)
    keep_some(t)
    result = t.sync()
    assert (result.ok, result.sent) == (True, 2)
    assert result.feedback == FeedbackSent(3, 3, "") and result.note() == ""
    local = feedback(t).read()
    journal = t.journal()
    notes = server_notes(server, journal)
    assert [n[0] for n in notes] == [1, 2, 3]  # two identical notes are two notes
    assert [n[1] for n in notes] == [digest(n) for n in local.notes]
    assert notes[0][2:] == (
        "2027-04-01",
        "photos",
        '[["photos", "candidate_present", "yes"], ["photos", "staged", "yes"]]',
        "decline",
        "",
        "wanted the rule on group photos",
    )
    assert server_counts(server, journal) == [
        (c.day, c.kind, c.topic, c.outcome, c.n) for c in local.counts
    ]
    assert ("2027-04-01", "topic", "photos", "", 3) in server_counts(server, journal)


def test_a_second_sync_sends_nothing_and_later_totals_replace_the_counts(terminal, server) -> None:
    t = terminal()
    t.add(1)
    keep_some(t)
    t.sync()
    journal = t.journal()
    before = (server_notes(server, journal), server_counts(server, journal))
    again = t.sync()
    assert again.ok and again.feedback == FeedbackSent(0, 0, "")
    assert (server_notes(server, journal), server_counts(server, journal)) == before

    feedback(t).count("topic", "photos", day=DAY)
    feedback(t).add_note("vehicles", [], "", "", "", day=NEXT)
    assert t.sync().feedback == FeedbackSent(1, 1, "")
    counts = server_counts(server, journal)
    assert ("2027-04-01", "topic", "photos", "", 4) in counts  # replaced, not added to
    assert len(counts) == len(before[1]) and len(server_notes(server, journal)) == 4
    assert t.sync().feedback == FeedbackSent(0, 0, "")


def test_a_note_sent_twice_is_stored_once(terminal, server) -> None:
    """Two syncs at once, or a sync cut off after the server committed: the key holds."""
    from wizard.records.server.connect import connect
    from wizard.records.server.feedback import INSERT_NOTE, answers_json

    t = terminal()
    keep_some(t)
    t.sync()
    note = feedback(t).read().notes[0]
    row = [
        t.journal(),
        1,
        digest(note),
        note.day,
        note.topic,
        answers_json(note),
        note.outcome,
        note.verdict,
        note.line,
    ]
    with connect(t.config()) as conn:
        conn.execute(INSERT_NOTE, row)
    assert len(server_notes(server, t.journal())) == 3


def test_a_damaged_feedback_file_never_stops_the_records(terminal, server) -> None:
    t = terminal()
    t.add(3)
    feedback_path(t.path.parent).write_bytes(b"this is not a database" * 100)
    result = t.sync()
    assert (result.ok, result.sent, result.server_head) == (True, 3, 3)
    assert server.rows(t.journal()) == t.hashes()
    assert "could not read" in result.feedback.problem
    assert result.note().startswith("Note: the feedback was not sent")


def test_a_refused_feedback_insert_never_stops_the_records(terminal, server) -> None:
    t = terminal()
    t.add(2)
    keep_some(t)
    with server.connect(pg.OWNER) as conn:
        conn.execute("REVOKE INSERT ON purdah.feedback_notes FROM purdah_writer")
    result = t.sync()
    assert (result.ok, result.sent) == (True, 2)
    assert server.rows(t.journal()) == t.hashes()
    assert "permission denied" in result.feedback.problem
    assert server_counts(server, t.journal()) == []  # one transaction: all the feedback or none
    with server.connect(pg.OWNER) as conn:
        conn.execute("GRANT INSERT ON purdah.feedback_notes TO purdah_writer")
    assert t.sync().feedback == FeedbackSent(3, 3, "")


def test_a_server_at_schema_1_takes_the_records_and_init_migrates_it_for_feedback(
    cluster, tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("PGPASSWORD", cluster.password)
    name = pg.new_database(cluster)
    try:
        with monkeypatch.context() as m, cluster.connect(name, pg.OWNER) as conn:
            m.setattr(schema, "CURRENT", 1)
            assert schema.init(conn) == (0, 1)
        server = Server(cluster, name)
        t = Terminal(tmp_path / "t1" / "advice-records.sqlite3", server)
        t.add(2)
        keep_some(t)
        result = t.sync()
        assert (result.ok, result.sent) == (True, 2)
        assert "schema 1" in result.feedback.problem and "records server init" in result.note()
        with cluster.connect(name, pg.OWNER) as conn:
            assert schema.init(conn) == (1, schema.CURRENT)
        assert t.sync().feedback == FeedbackSent(3, 3, "")
    finally:
        with contextlib.suppress(Exception):
            pg.drop_database(cluster, name)


def test_no_feedback_file_sends_nothing_and_says_nothing(terminal) -> None:
    t = terminal()
    t.add(1)
    result = t.sync()
    assert result.feedback == FeedbackSent() and result.message().startswith("Sent 1 record")
    assert not feedback_path(t.path.parent).exists()  # sync never makes one


@pytest.mark.parametrize(
    "statement",
    [
        "SELECT line FROM purdah.feedback_notes",
        "UPDATE purdah.feedback_notes SET line = ''",
        "DELETE FROM purdah.feedback_notes",
        "DELETE FROM purdah.feedback_counts",
        "UPDATE purdah.feedback_counts SET day = '2000-01-01'",
        "TRUNCATE purdah.feedback_counts",
    ],
)
def test_a_terminal_adds_feedback_and_replaces_its_totals_only(terminal, statement) -> None:
    t = terminal()
    keep_some(t)
    t.sync()
    with (
        t.server.connect("terminal_a") as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(statement)


def test_a_supervisor_reads_the_feedback_and_may_not_write_it(terminal, server) -> None:
    t = terminal()
    keep_some(t)
    t.sync()
    with server.connect("supervisor") as conn:
        assert conn.execute(
            "SELECT count(*) FROM purdah.feedback_notes WHERE line <> ''"
        ).fetchone() == (2,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE purdah.feedback_counts SET n = 0")


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE purdah.feedback_notes SET line = ''",
        "DELETE FROM purdah.feedback_counts",
    ],
)
def test_even_the_owner_may_not_change_notes_or_remove_counts(terminal, server, statement) -> None:
    t = terminal()
    keep_some(t)
    t.sync()
    with server.connect(pg.OWNER) as conn, pytest.raises(psycopg.Error, match="never"):
        conn.execute(statement)


def test_sync_on_the_command_line_gives_a_feedback_problem_as_a_note(
    terminal, server, monkeypatch, capsys
) -> None:
    from wizard.cli.main import main

    t = terminal()
    feedback_path(t.path.parent).parent.mkdir(parents=True, exist_ok=True)
    feedback_path(t.path.parent).write_bytes(b"damaged" * 100)
    monkeypatch.setenv(
        "PURDAH_WIZARD_RECORDS_URL", server.cluster.conninfo(server.dbname, "terminal_a")
    )
    monkeypatch.setenv("PURDAH_WIZARD_RECORDS_CA", server.cluster.ca)
    t.add(1)
    assert main(["records", "--data-dir", str(t.path.parent), "sync"]) == 0
    out, err = capsys.readouterr()
    assert "Sent 1 record(s)" in out
    assert "note: the feedback was not sent" in err
