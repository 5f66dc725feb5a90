"""Check the file itself and its full-text search index, for `verify`.

The chain's hashes cover each record's content, not SQLite's pages nor the search index: a record
removed from the index is hidden from search, a false entry makes a search find a record that
does not say what was searched for, and a damaged page may hold nothing the chain reads. So
`verify` also runs SQLite's `PRAGMA integrity_check` and FTS5's own 'integrity-check', which
compares the index with the columns it indexes (and `verify` compares those with the content).

FTS5's check is a write statement, refused on a file opened read-only, so it runs on a copy of
the file in memory; only when it fails is the index rebuilt in that copy and compared entry by
entry, to name the first record that differs.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from wizard.records.store import RecordStore, translated


@dataclass(frozen=True)
class IndexProblem:
    """What is wrong with the search index; `record` names the first record it affects."""

    record: int | None
    text: str


def integrity_problem(store: RecordStore) -> str:
    """SQLite's first complaint about the file's pages and indexes, or '' if it has none."""
    with translated(store.path, "check"):
        rows = store.conn.execute("PRAGMA integrity_check(3)").fetchall()
    found = [str(row[0]) for row in rows if row[0] != "ok"]
    return "; ".join(found)


def index_problem(store: RecordStore) -> IndexProblem | None:
    """Whether the search index matches the records' search columns; None if it does."""
    if not store.has_fts:
        return None
    with _copy_in_memory(store) as copy:
        try:
            copy.execute("INSERT INTO records_fts(records_fts, rank) VALUES ('integrity-check', 1)")
            return None
        except sqlite3.DatabaseError as exc:
            try:
                return _first_difference(copy)
            except sqlite3.DatabaseError:
                return IndexProblem(None, f"the search index is damaged ({exc})")


@contextlib.contextmanager
def _copy_in_memory(store: RecordStore) -> Iterator[sqlite3.Connection]:
    """A copy of the whole file in memory, that checks may write to; closed after."""
    copy = sqlite3.connect(":memory:", isolation_level=None)
    try:
        with translated(store.path, "check the search index of"):
            store.conn.backup(copy)
        yield copy
    finally:
        copy.close()


def _first_difference(conn: sqlite3.Connection) -> IndexProblem:
    """Rebuild the index from the records' columns beside the stored one and name the first
    record whose entries differ: missing (hidden from search) or extra (a false entry)."""
    columns = ", ".join(f'"{row[1]}"' for row in conn.execute("PRAGMA table_info(records_fts)"))
    declared = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'records_fts'").fetchone()
    tokenize = re.search(r"tokenize\s*=\s*('[^']*')", declared[0] if declared else "")
    options = f", tokenize={tokenize.group(1)}" if tokenize else ""
    conn.execute(f"CREATE VIRTUAL TABLE fresh_fts USING fts5({columns}, content=''{options})")
    conn.execute(f"INSERT INTO fresh_fts(rowid, {columns}) SELECT id, {columns} FROM records")
    for name, table in (("stored_terms", "records_fts"), ("fresh_terms", "fresh_fts")):
        conn.execute(f"CREATE VIRTUAL TABLE temp.{name} USING fts5vocab(main, {table}, instance)")
    entries = "SELECT term, doc, col, offset FROM {}"
    missing = conn.execute(
        f"SELECT min(doc) FROM ({entries.format('fresh_terms')} EXCEPT "
        f"{entries.format('stored_terms')})"
    ).fetchone()[0]
    false = conn.execute(
        f"SELECT min(doc) FROM ({entries.format('stored_terms')} EXCEPT "
        f"{entries.format('fresh_terms')})"
    ).fetchone()[0]
    return _described(conn, missing, false)


def _described(conn: sqlite3.Connection, missing: int | None, false: int | None) -> IndexProblem:
    """The first of the two differences, in words a supervisor can act on."""
    if missing is not None and (false is None or missing <= false):
        return IndexProblem(
            missing,
            "it is missing from the search index, whole or in part "
            "(a search for its words would not find it)",
        )
    if false is None:
        return IndexProblem(
            None,
            "the search index is damaged (its own check fails, though every entry is in place)",
        )
    exists = conn.execute("SELECT 1 FROM records WHERE id = ?", (false,)).fetchone()
    if exists is None:
        return IndexProblem(
            None, f"the search index holds an entry for a record {false} that is not in the file"
        )
    return IndexProblem(
        false,
        "the search index holds words it does not contain (a search "
        "for them would find it wrongly)",
    )
