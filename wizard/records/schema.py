"""The records database's schema, versioned with `PRAGMA user_version` and migrated forward.

A record's truth is its `content` column (the canonical JSON its hash covers); the other columns
are copies kept for searching and sorting, and `verify` checks they still agree with it.
Migrations only ever move forward, each in the caller's transaction; a new file runs them all.

Version 1 (the first schema) kept the content and a few columns, and refused every UPDATE and
DELETE. Version 2 adds the columns search needs, a full-text index (FTS5, trigram: any part of a
word matches), and lets a DELETE through only for records the newest record (a purge) covers.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

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
V1_COLUMNS = ("kind", "created_at", "supervisor_name", "advised_name", "verdict", "tree_id",
              "amends")

V2_ADDED = ("supervisor_number", "advised_role", "advised_number", "reference", "situation",
            "advice", "reason")
SEARCHED = ("supervisor_name", "supervisor_number", "advised_name", "advised_role",
            "advised_number", "reference", "situation", "advice", "reason")

V2_DELETE_TRIGGER = f"""
CREATE TRIGGER records_never_deleted BEFORE DELETE ON records
WHEN OLD.id > coalesce((SELECT purged_through FROM records
                        WHERE id = (SELECT max(id) FROM records) AND kind = 'purge'), 0)
BEGIN SELECT RAISE(ABORT, '{NEVER_DELETED}'); END;
"""
FTS = f"""
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


def columns(record: Record) -> dict[str, Any]:
    """The query columns (current schema) a record's content gives; verify compares them."""
    return {
        "kind": record.kind, "created_at": record.created_at,
        "supervisor_name": record.supervisor_name, "supervisor_number": record.supervisor_number,
        "advised_name": record.advised_name, "advised_role": record.advised_role,
        "advised_number": record.advised_number, "reference": record.reference,
        "situation": record.situation, "advice": record.advice, "reason": record.reason,
        "verdict": record.verdict, "tree_id": record.tree_id, "amends": record.amends,
        "purged_through": record.purged_through,
    }


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
    for name in V2_ADDED:
        conn.execute(f"ALTER TABLE records ADD COLUMN {name} TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE records ADD COLUMN purged_through INTEGER")
    conn.execute("DROP TRIGGER records_never_updated")
    rows = conn.execute("SELECT id, content FROM records").fetchall()
    for row_id, content in rows:  # copy the new columns out of each record's own content
        data = json.loads(content)
        conn.execute(f"UPDATE records SET {', '.join(f'{n} = ?' for n in V2_ADDED)}, "
                     "purged_through = ? WHERE id = ?",
                     [*(data.get(n, "") for n in V2_ADDED), data.get("purged_through"), row_id])
    _execute_script(conn, f"""
        CREATE TRIGGER records_never_updated BEFORE UPDATE ON records
        BEGIN SELECT RAISE(ABORT, '{NEVER_UPDATED}'); END;
        DROP TRIGGER records_never_deleted;
        {V2_DELETE_TRIGGER}
        CREATE UNIQUE INDEX records_amends ON records(amends) WHERE amends IS NOT NULL;
        CREATE INDEX records_verdict ON records(verdict);
        CREATE INDEX records_tree ON records(tree_id);
        CREATE INDEX records_purges ON records(purged_through) WHERE purged_through IS NOT NULL;
    """)
    if fts5_available(conn):
        _execute_script(conn, FTS)


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_to_v1, _to_v2)
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
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'records_fts'").fetchone() \
        is not None


def migrate(conn: sqlite3.Connection, start: int, stop: int = CURRENT) -> None:
    """Apply migrations start+1 .. stop inside the caller's transaction, and record the version."""
    for version in range(start, stop):
        MIGRATIONS[version](conn)
    conn.execute(f"PRAGMA user_version = {stop}")
