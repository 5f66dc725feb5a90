"""The feedback store: one small SQLite file, `feedback.sqlite3`, in the data folder.

No name, number or account is kept, and the rule is enforced by what the store accepts: ids
(tree, question, answer, outcome: the trees' own names), a known verdict, the day (never the
time, nor the terminal or the user), and one optional line of at most MAX_LINE characters,
stored as typed, except that a line holding an email address or a long number (a phone,
staff or incident number) is refused. A name typed into the line cannot be told from other
words: the window says beside the box not to type one.

Each write is one SQLite transaction (whole or not at all). The file carries its format in
`PRAGMA user_version`; a newer one is read for the columns this version knows and never
written. Reading is tolerant: a damaged row is skipped and counted, an unreadable file gives
nothing and says why.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wizard.core.verdicts import VERDICTS

FILE = "feedback.sqlite3"
VERSION = 1
MAX_LINE = 200
KINDS = ("topic", "outcome")  # what is counted: a topic opened, an outcome reached
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,79}")
# What the line may not hold: an email address, or six or more digits in a row (spaces, dots and
# dashes between them allowed): a phone, staff, collar or incident number. Years (2027) pass.
PERSONAL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+|\d(?:[\s.-]?\d){5,}")

SCHEMA = """
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,          -- YYYY-MM-DD, never a time
    topic TEXT NOT NULL,        -- the tree the walk started in; '' for a home search
    answers TEXT NOT NULL,      -- JSON [[tree_id, question_id, answer_id], ...]
    outcome TEXT NOT NULL,      -- the outcome's id; '' when none was reached
    verdict TEXT NOT NULL,      -- its verdict's id; ''
    line TEXT NOT NULL          -- what the person was trying to do, as typed (may be '')
);
CREATE TABLE IF NOT EXISTS counts (
    day TEXT NOT NULL,
    kind TEXT NOT NULL,         -- 'topic' or 'outcome'
    topic TEXT NOT NULL,
    outcome TEXT NOT NULL,      -- '' for a topic opened
    n INTEGER NOT NULL,
    PRIMARY KEY (day, kind, topic, outcome)
);
"""


class FeedbackError(Exception):
    """A note or count refused, or the file could not be written; one line saying why."""


@dataclass(frozen=True)
class Note:
    day: str
    topic: str
    answers: tuple[tuple[str, str, str], ...]  # (tree_id, question_id, answer_id)
    outcome: str
    verdict: str
    line: str


@dataclass(frozen=True)
class Count:
    day: str
    kind: str
    topic: str
    outcome: str
    n: int


@dataclass(frozen=True)
class Contents:
    """What a feedback file holds, and what could not be read of it."""

    notes: list[Note]
    counts: list[Count]
    skipped: int  # damaged rows passed over
    problem: str  # why the file could not be read at all, else ""


def feedback_path(folder: Path) -> Path:
    return Path(folder) / FILE


def check_line(line: str) -> str:
    """The line as it will be stored (surrounding spaces dropped), or FeedbackError saying why
    it is refused: more than one line, too long, or an email address or long number in it."""
    if not isinstance(line, str):
        raise FeedbackError("the note must be text")
    text = line.strip()
    if "\n" in text or "\r" in text:
        raise FeedbackError("the note must be one line")
    if len(text) > MAX_LINE:
        raise FeedbackError(f"the note is longer than {MAX_LINE} characters")
    if PERSONAL.search(text):
        raise FeedbackError(
            "the note seems to hold an email address or a number: leave out "
            "names, numbers and accounts"
        )
    return text


def _id(value: str, what: str, empty: bool = False) -> str:
    if isinstance(value, str) and ((empty and value == "") or ID.fullmatch(value)):
        return value
    raise FeedbackError(f"{what} must be an id from the trees, not {value!r}")


def _day(day: dt.date | None) -> str:
    return (day or dt.date.today()).isoformat()


class FeedbackStore:
    """The notes and counts in one data folder; opens the file for each call, so that nothing
    is held open between a walk's screens."""

    def __init__(self, folder: Path) -> None:
        self.path = feedback_path(folder)

    def add_note(
        self,
        topic: str,
        answers: Sequence[tuple[str, str, str]],
        outcome: str,
        verdict: str,
        line: str,
        day: dt.date | None = None,
    ) -> Note:
        """Keep a note; only ids, a known verdict, the day and the one line are accepted."""
        steps = tuple(
            (_id(t, "a tree"), _id(q, "a question"), _id(a, "an answer")) for t, q, a in answers
        )
        if verdict and verdict not in VERDICTS:
            raise FeedbackError(f"{verdict!r} is not a verdict")
        note = Note(
            _day(day),
            _id(topic, "the topic", empty=True),
            steps,
            _id(outcome, "the outcome", empty=True),
            verdict,
            check_line(line),
        )
        self._write(
            "INSERT INTO notes (day, topic, answers, outcome, verdict, line) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                note.day,
                note.topic,
                json.dumps([list(s) for s in steps]),
                note.outcome,
                note.verdict,
                note.line,
            ),
        )
        return note

    def count(self, kind: str, topic: str, outcome: str = "", day: dt.date | None = None) -> None:
        """Add one to the day's count of a topic opened or an outcome reached."""
        if kind not in KINDS:
            raise FeedbackError(f"{kind!r} is not counted")
        key = (
            _day(day),
            kind,
            _id(topic, "the topic"),
            _id(outcome, "the outcome", empty=kind == "topic"),
        )
        self._write(
            "INSERT INTO counts (day, kind, topic, outcome, n) VALUES (?, ?, ?, ?, 1) "
            "ON CONFLICT (day, kind, topic, outcome) DO UPDATE SET n = n + 1",
            key,
        )

    def _write(self, sql: str, values: tuple[Any, ...]) -> None:
        """One statement in a transaction of its own, in a file made or migrated as needed."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=5)
            try:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version > VERSION:
                    raise FeedbackError(
                        f"{self.path} was written by a newer version of the "
                        "program: it is not written by this one"
                    )
                if version < VERSION:  # a new file (CREATE ... IF NOT EXISTS: twice is harmless)
                    conn.executescript(f"{SCHEMA}PRAGMA user_version = {VERSION};")
                with conn:
                    conn.execute(sql, values)
            finally:
                conn.close()
        except (sqlite3.Error, OSError) as exc:
            raise FeedbackError(f"could not write {self.path}: {exc}") from exc

    def read(self) -> Contents:
        """Everything in the file, read-only; a missing file is empty, a damaged row skipped."""
        return self.read_numbered()[1]

    def read_numbered(self) -> tuple[list[tuple[int, Note]], Contents]:
        """As read(), with each good note's number in the file (its row id) beside it: what
        the records server's copy is keyed by (wizard.records.server.feedback)."""
        if not self.path.exists():
            return [], Contents([], [], 0, "")
        try:
            conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, timeout=5)
            try:
                tables = {
                    r[0]
                    for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                }
                notes = (
                    list(
                        conn.execute(
                            "SELECT id, day, topic, answers, outcome, verdict, line "
                            "FROM notes ORDER BY id"
                        )
                    )
                    if "notes" in tables
                    else []
                )
                counts = (
                    list(
                        conn.execute(
                            "SELECT day, kind, topic, outcome, n FROM counts "
                            "ORDER BY day, kind, topic, outcome"
                        )
                    )
                    if "counts" in tables
                    else []
                )
            finally:
                conn.close()
        except sqlite3.Error as exc:
            return [], Contents([], [], 0, f"could not read {self.path}: {exc}")
        numbered = [(row[0], n) for row in notes if (n := _note(row[1:])) is not None]
        good_counts = [c for c in map(_count, counts) if c is not None]
        skipped = len(notes) - len(numbered) + len(counts) - len(good_counts)
        return numbered, Contents([n for _, n in numbered], good_counts, skipped, "")


def _note(row: tuple[Any, ...]) -> Note | None:
    """A note row as read, or None if it is not one this version can make sense of."""
    try:
        day, topic, answers, outcome, verdict, line = row
        steps = tuple((str(t), str(q), str(a)) for t, q, a in json.loads(answers))
        if not all(isinstance(v, str) for v in (day, topic, outcome, verdict, line)):
            return None
        return Note(day, topic, steps, outcome, verdict, line)
    except (ValueError, TypeError):
        return None


def _count(row: tuple[Any, ...]) -> Count | None:
    day, kind, topic, outcome, n = row
    if isinstance(n, int) and all(isinstance(v, str) for v in (day, kind, topic, outcome)):
        return Count(day, kind, topic, outcome, n)
    return None
