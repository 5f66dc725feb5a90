"""Copy the feedback of issue 20 ("This did not answer my question" notes and the daily counts
of topics opened and outcomes reached) to the records server, as part of each sync.

The feedback file (`feedback.sqlite3`, wizard.feedback.store) sits in the same data folder as
the records file, and its copy on the server is filed under that records file's journal id.
Only the fields the local store keeps are sent: nothing about the time, the account or the
terminal is added (the journal already names its terminal and station, as for the records).

Idempotent, and nothing sent twice:
- a note is keyed by (journal, its number in the file, the digest of its fields): the server's
  keys are read first and only the notes it lacks are sent (ON CONFLICT DO NOTHING covers two
  syncs at once). The digest keeps a note apart from a different one given the same number by a
  feedback file made anew, and two identical notes apart by their numbers.
- counts are one row per (journal, day, kind, topic, outcome) whose `n` is the file's latest
  total: a row the server lacks is inserted, one whose total differs is updated (an upsert), one
  that agrees is not sent. The file's total is the truth for its journal; rows are per journal,
  so terminals never overwrite one another, and the force's total for a day is their sum.
  (Per-journal rows rather than "replace the journal's whole day": the same result, but a sync
  sends only what changed, and a count is never briefly missing.)

Never in the way of the records: this runs after the records are sent, in a transaction of its
own with short lock and statement timeouts, and any problem (a damaged or locked feedback file,
a server still at schema 1, a refused privilege, a lost connection) comes back as one line, a
note; the records sync's outcome is unchanged by it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard.feedback.store import KINDS, Count, FeedbackStore, Note, feedback_path
from wizard.records.server.schema import COUNT_COLUMNS, NOTE_COLUMNS, SCHEMA, version

if TYPE_CHECKING:
    import psycopg

FEEDBACK_SCHEMA = 2  # the server's schema version that has the feedback tables
INSERT_NOTE = (
    f"INSERT INTO {SCHEMA}.feedback_notes ({', '.join(NOTE_COLUMNS)}) "
    f"VALUES ({', '.join(['%s'] * len(NOTE_COLUMNS))}) "
    "ON CONFLICT (journal_id, note_no, digest) DO NOTHING"
)
UPSERT_COUNT = (
    f"INSERT INTO {SCHEMA}.feedback_counts ({', '.join(COUNT_COLUMNS)}) "
    f"VALUES ({', '.join(['%s'] * len(COUNT_COLUMNS))}) "
    "ON CONFLICT (journal_id, day, kind, topic, outcome) DO UPDATE SET n = EXCLUDED.n "
    f"WHERE {SCHEMA}.feedback_counts.n IS DISTINCT FROM EXCLUDED.n"
)


@dataclass(frozen=True)
class FeedbackSent:
    """What a sync did with the feedback: notes and count rows sent, and a problem, if any."""

    notes: int = 0
    counts: int = 0
    problem: str = ""  # one line: why some or all of the feedback was not sent


def answers_json(note: Note) -> str:
    """The note's answers as the local file keeps them: JSON [[tree, question, answer], ...]."""
    return json.dumps([list(step) for step in note.answers])


def digest(note: Note) -> str:
    """The SHA-256 of a note's fields, canonical JSON: what tells two notes apart."""
    fields = [
        note.day,
        note.topic,
        [list(step) for step in note.answers],
        note.outcome,
        note.verdict,
        note.line,
    ]
    text = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def send_feedback(conn: psycopg.Connection, journal_id: str, folder: Path) -> FeedbackSent:
    """Send the feedback in `folder` the server lacks, under `journal_id`; never raises."""
    try:
        return _send(conn, journal_id, folder)
    except Exception as exc:  # a note only: the records were sent (or not) without it
        from wizard.records.server.connect import first_line

        return FeedbackSent(problem=f"the feedback was not sent: {first_line(exc)}")


def _send(conn: psycopg.Connection, journal_id: str, folder: Path) -> FeedbackSent:
    if not feedback_path(folder).exists():
        return FeedbackSent()  # no feedback kept here: nothing to send, nothing to say
    found = version(conn)
    if found < FEEDBACK_SCHEMA:
        return FeedbackSent(
            problem=f"the feedback was not sent: the server has schema {found}, "
            f"feedback needs schema {FEEDBACK_SCHEMA} ('records server "
            "init', run by the records administrator)"
        )
    numbered, contents = FeedbackStore(folder).read_numbered()
    if contents.problem:
        return FeedbackSent(problem=f"the feedback was not sent: {contents.problem}")
    with conn.transaction():
        conn.execute("SET LOCAL lock_timeout = '5s'")
        conn.execute("SET LOCAL statement_timeout = '60s'")
        notes = _notes_lacking(conn, journal_id, numbered)
        good = [c for c in contents.counts if c.kind in KINDS and c.n >= 0]
        counts = _counts_differing(conn, journal_id, good)
        with conn.cursor() as cur:
            if notes:
                cur.executemany(INSERT_NOTE, notes)
            if counts:
                cur.executemany(UPSERT_COUNT, counts)
    skipped = contents.skipped + len(contents.counts) - len(good)
    problem = (
        f"{skipped} damaged feedback row(s) in {FeedbackStore(folder).path} were not sent"
        if skipped
        else ""
    )
    return FeedbackSent(len(notes), len(counts), problem)


def _notes_lacking(
    conn: psycopg.Connection, journal_id: str, numbered: Iterable[tuple[int, Note]]
) -> list[list[Any]]:
    held = {
        (no, dig)
        for no, dig in conn.execute(
            f"SELECT note_no, digest FROM {SCHEMA}.feedback_notes WHERE journal_id = %s",
            (journal_id,),
        )
    }
    rows = []
    for no, note in numbered:
        key = (no, digest(note))
        if key not in held:
            held.add(key)
            rows.append(
                [
                    journal_id,
                    no,
                    key[1],
                    note.day,
                    note.topic,
                    answers_json(note),
                    note.outcome,
                    note.verdict,
                    note.line,
                ]
            )
    return rows


def _counts_differing(
    conn: psycopg.Connection, journal_id: str, counts: Iterable[Count]
) -> list[list[Any]]:
    held = {
        (day, kind, topic, outcome): n
        for day, kind, topic, outcome, n in conn.execute(
            f"SELECT day, kind, topic, outcome, n FROM {SCHEMA}.feedback_counts "
            "WHERE journal_id = %s",
            (journal_id,),
        )
    }
    return [
        [journal_id, c.day, c.kind, c.topic, c.outcome, c.n]
        for c in counts
        if held.get((c.day, c.kind, c.topic, c.outcome)) != c.n
    ]
