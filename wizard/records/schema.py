"""The records database's schema, versioned with `PRAGMA user_version` and migrated forward.

A record's truth is its `content` column (the canonical JSON its hash covers); the other columns
are copies kept for searching and sorting, and `verify` checks they still agree with it.
Migrations only ever move forward, each in the caller's transaction; a new file runs them all.

Version 1 (the first schema) kept the content in the same row as a few columns, and refused
every UPDATE and DELETE. Version 2 moves the content to a table of its own (long rows made every
scan read the whole file), adds the columns search needs and a full-text index (FTS5, trigram:
any part of a word matches), and lets a DELETE through only for records a purge covers.
Version 3 searches without accents or case: `search_text` holds the searched fields folded
(wizard.records.folding) and the full-text index covers that one column, so what is typed is
folded the same way; both are still derived from each record's content alone.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from wizard.records.folding import fold
from wizard.records.model import Record

NEVER_UPDATED = "advice records are never changed: record an amendment instead"
NEVER_DELETED = "advice records are never deleted, except by a purge recorded in the chain"

V1 = f"""
CREATE TABLE records (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    supervisor_name TEXT NOT NULL DEFAULT '',
    advised_name TEXT NOT NULL DEFAULT '',
    verdict TEXT NOT NULL DEFAULT '',
    tree_id TEXT NOT NULL DEFAULT '',
    amends INTEGER,
    content TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);
CREATE INDEX records_created ON records(created_at);
CREATE TRIGGER records_never_updated BEFORE UPDATE ON records
BEGIN SELECT RAISE(ABORT, '{NEVER_UPDATED}'); END;
CREATE TRIGGER records_never_deleted BEFORE DELETE ON records
BEGIN SELECT RAISE(ABORT, 'advice records are never deleted'); END;
"""
V1_COLUMNS = (
    "kind",
    "created_at",
    "supervisor_name",
    "advised_name",
    "verdict",
    "tree_id",
    "amends",
)

SEARCHED = (
    "supervisor_name",
    "supervisor_number",
    "advised_name",
    "advised_role",
    "advised_number",
    "reference",
    "situation",
    "advice",
    "reason",
)

V2 = f"""
CREATE TABLE records_v2 (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    {" ".join(f"{c} TEXT NOT NULL DEFAULT ''," for c in SEARCHED)}
    search_text TEXT NOT NULL DEFAULT '',
    verdict TEXT NOT NULL DEFAULT '',
    tree_id TEXT NOT NULL DEFAULT '',
    amends INTEGER,
    purged_through INTEGER,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);
CREATE TABLE record_content (
    id INTEGER PRIMARY KEY,
    content TEXT NOT NULL
);
"""
# A DELETE gets through only for records the newest record, a purge, covers.
PURGED = """OLD.id <= coalesce((SELECT purged_through FROM records
                           WHERE id = (SELECT max(id) FROM records) AND kind = 'purge'), 0)"""
V2_GUARDS = f"""
CREATE TRIGGER records_never_updated BEFORE UPDATE ON records
BEGIN SELECT RAISE(ABORT, '{NEVER_UPDATED}'); END;
CREATE TRIGGER records_never_deleted BEFORE DELETE ON records WHEN NOT ({PURGED})
BEGIN SELECT RAISE(ABORT, '{NEVER_DELETED}'); END;
CREATE TRIGGER content_never_updated BEFORE UPDATE ON record_content
BEGIN SELECT RAISE(ABORT, '{NEVER_UPDATED}'); END;
CREATE TRIGGER content_never_deleted BEFORE DELETE ON record_content WHEN NOT ({PURGED})
BEGIN SELECT RAISE(ABORT, '{NEVER_DELETED}'); END;
CREATE INDEX records_created ON records(created_at);
CREATE UNIQUE INDEX records_amends ON records(amends) WHERE amends IS NOT NULL;
CREATE INDEX records_verdict ON records(verdict);
CREATE INDEX records_tree ON records(tree_id);
CREATE INDEX records_purges ON records(purged_through) WHERE purged_through IS NOT NULL;
"""
FTS_V2 = f"""
CREATE VIRTUAL TABLE records_fts USING fts5({", ".join(SEARCHED)},
    content='records', content_rowid='id', tokenize='trigram');
CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN
    INSERT INTO records_fts(rowid, {", ".join(SEARCHED)})
    VALUES (new.id, {", ".join("new." + c for c in SEARCHED)});
END;
CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
    INSERT INTO records_fts(records_fts, rowid, {", ".join(SEARCHED)})
    VALUES ('delete', old.id, {", ".join("old." + c for c in SEARCHED)});
END;
INSERT INTO records_fts(records_fts) VALUES ('rebuild');
"""
FTS_V2_DROP = """
DROP TRIGGER IF EXISTS records_fts_insert;
DROP TRIGGER IF EXISTS records_fts_delete;
DROP TABLE IF EXISTS records_fts;
"""
# Version 3: the index covers the folded search_text only (any part of a word, no accents).
FTS = """
CREATE VIRTUAL TABLE records_fts USING fts5(search_text,
    content='records', content_rowid='id', tokenize='trigram');
CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN
    INSERT INTO records_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
    INSERT INTO records_fts(records_fts, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
END;
INSERT INTO records_fts(records_fts) VALUES ('rebuild');
"""


def columns(record: Record) -> dict[str, Any]:
    """The query columns (current schema) a record's content gives; verify compares them."""
    return {
        "kind": record.kind,
        "created_at": record.created_at,
        **{c: getattr(record, c) for c in SEARCHED},
        "search_text": search_text(record),
        "verdict": record.verdict,
        "tree_id": record.tree_id,
        "amends": record.amends,
        "purged_through": record.purged_through,
    }


def search_text(record: Record) -> str:
    """The searched fields in one folded text (no accents, no case): a short word is found with
    one instr() per row instead of nine LIKEs (the full-text index needs three letters)."""
    return fold("\n".join(getattr(record, c) for c in SEARCHED))


def insert(conn: sqlite3.Connection, record: Record, content: str) -> None:
    """Write one record's two rows: its query columns and hashes, and its content."""
    cols = columns(record)
    names = [*cols, "id", "prev_hash", "hash"]
    conn.execute(
        f"INSERT INTO records ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        [*cols.values(), record.id, record.prev_hash, record.hash],
    )
    conn.execute("INSERT INTO record_content (id, content) VALUES (?, ?)", (record.id, content))


def _execute_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one (executescript would commit the caller's transaction)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


def _to_v1(conn: sqlite3.Connection) -> None:
    _execute_script(conn, V1)


def _to_v2(conn: sqlite3.Connection) -> None:
    """Move each record's content into a table of its own (so that a search scans only short
    rows), add the columns search needs, copied out of each record's own content, and index."""
    _execute_script(conn, V2)
    rows = conn.execute("SELECT id, content, prev_hash, hash FROM records ORDER BY id")
    for row_id, content, prev_hash, hash_ in rows.fetchall():
        record = Record.from_content(json.loads(content))
        cols = columns(record)
        names = [*cols, "id", "prev_hash", "hash"]
        conn.execute(
            f"INSERT INTO records_v2 ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [*cols.values(), row_id, prev_hash, hash_],
        )
        conn.execute("INSERT INTO record_content (id, content) VALUES (?, ?)", (row_id, content))
    conn.execute("DROP TABLE records")  # its triggers and indexes go with it
    conn.execute("ALTER TABLE records_v2 RENAME TO records")
    _execute_script(conn, V2_GUARDS)
    if fts5_available(conn):
        _execute_script(conn, FTS_V2)


def _to_v3(conn: sqlite3.Connection) -> None:
    """Search without accents: refill search_text, folded, and index that one column. The guard
    against updates is lifted for this transaction only."""
    _execute_script(conn, FTS_V2_DROP)
    conn.execute("DROP TRIGGER records_never_updated")
    # From the field columns, which verify holds equal to each record's content: parsing every
    # record's JSON (its transcript) would take some 15 s at 100,000 records.
    rows = conn.execute(f"SELECT id, {', '.join(SEARCHED)} FROM records").fetchall()
    conn.executemany(
        "UPDATE records SET search_text = ? WHERE id = ?",
        ((fold("\n".join(fields)), row_id) for row_id, *fields in rows),
    )
    conn.execute(
        f"CREATE TRIGGER records_never_updated BEFORE UPDATE ON records "
        f"BEGIN SELECT RAISE(ABORT, '{NEVER_UPDATED}'); END"
    )
    if fts5_available(conn):
        _execute_script(conn, FTS)


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_to_v1, _to_v2, _to_v3)
CURRENT = len(MIGRATIONS)


def fts5_available(conn: sqlite3.Connection) -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (3.34+, nearly every build)."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x, tokenize='trigram')")
    except sqlite3.OperationalError:
        return False
    conn.execute("DROP TABLE temp.fts5_probe")
    return True


def has_fts(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'records_fts'").fetchone()
        is not None
    )


def migrate(conn: sqlite3.Connection, start: int, stop: int = CURRENT) -> None:
    """Apply migrations start+1 .. stop inside the caller's transaction, and record the version."""
    for version in range(start, stop):
        MIGRATIONS[version](conn)
    conn.execute(f"PRAGMA user_version = {stop}")
