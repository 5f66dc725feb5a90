"""Find records: search as you type over names, numbers, situation and advice, with filters.

Each word typed must appear somewhere (any part of a word, any case, with or without accents:
"zoe" finds "Zoë"). Both sides are folded (wizard.records.folding). Words of three letters or
more use the full-text index (FTS5, trigram) over the folded column, shorter ones a scan of it.
Lists show the newest version of each record (an amended record appears once, as its latest
amendment), newest first, a page at a time: `before` is the last id of the previous page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from wizard.records.folding import fold
from wizard.records.model import WALK_CHECKED, Record
from wizard.records.purge import cutoff_after, cutoff_of
from wizard.records.store import RecordStore, record_from_row, translated

PAGE = 200


@dataclass(frozen=True)
class Query:
    """What the user typed and chose; empty means no filter."""

    text: str = ""
    date_from: dt.date | None = None  # local dates, both inclusive
    date_to: dt.date | None = None
    verdict: str = ""
    tree_id: str = ""

    def words(self) -> list[str]:
        """The words typed, folded as the stored text is; a word that folds to nothing (a lone
        accent) is dropped, and a NUL (pasted, never typed) would cut SQLite's query short."""
        return [w for w in (fold(word) for word in self.text.replace("\x00", " ").split()) if w]


@dataclass(frozen=True)
class Summary:
    """One row of a list of records: enough to show and sort, without the transcript."""

    id: int
    kind: str
    created_at: str
    supervisor_name: str
    supervisor_number: str
    advised_name: str
    advised_role: str
    advised_number: str
    situation: str
    advice: str
    verdict: str
    tree_id: str
    amends: int | None
    walk_checked: bool = False  # the walk was checked against its tree (from the content)

    @property
    def walk_unchecked(self) -> bool:
        """True for advice whose walk was not checked against its tree (see Record)."""
        return self.kind != "purge" and not self.walk_checked


# The mark is read from the content the hash covers (no column of its own); content that is not
# JSON text (damaged: `verify` names it) reads as unchecked instead of failing the whole list.
WALK_CHECKED_SQL = (
    f"coalesce((SELECT CASE WHEN typeof(c.content) = 'text' THEN CASE WHEN "
    f"json_valid(c.content) THEN json_extract(c.content, '$.walk_check') = "
    f"'{WALK_CHECKED}' END END FROM record_content c WHERE c.id = r.id), 0)"
)
SUMMARY_COLUMNS = ", ".join(
    [*(f"r.{f}" for f in Summary.__dataclass_fields__ if f != "walk_checked"), WALK_CHECKED_SQL]
)


def where(store: RecordStore, query: Query) -> tuple[str, list[Any]]:
    """The WHERE clause (over `records r`) and its parameters for a query."""
    clauses = ["NOT EXISTS (SELECT 1 FROM records n WHERE n.amends = r.id)"]
    params: list[Any] = []
    fts_words = []
    for word in query.words():
        if len(word) >= 3 and store.has_fts:
            fts_words.append('"' + word.replace('"', '""') + '"')
        else:
            clauses.append("instr(r.search_text, ?) > 0")
            params.append(word)
    if fts_words:
        clauses.append("r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)")
        params.append(" AND ".join(fts_words))
    if query.date_from is not None:
        clauses.append("r.created_at >= ?")
        params.append(cutoff_of(query.date_from))
    if query.date_to is not None:
        clauses.append("r.created_at < ?")
        params.append(cutoff_after(query.date_to))
    if query.verdict:
        clauses.append("r.verdict = ?")
        params.append(query.verdict)
    if query.tree_id:
        clauses.append("r.tree_id = ?")
        params.append(query.tree_id)
    return " AND ".join(clauses), params


def search(
    store: RecordStore, query: Query, *, before: int | None = None, limit: int = PAGE
) -> list[Summary]:
    """One page of matching records, newest first, starting after id `before`."""
    clause, params = where(store, query)
    if before is not None:
        clause += " AND r.id < ?"
        params.append(before)
    with translated(store.path, "search"):
        rows = store.conn.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM records r WHERE {clause} ORDER BY r.id DESC LIMIT ?",
            [*params, limit],
        ).fetchall()
    # the row's last column is the walk's mark; mypy cannot count a row's columns
    return [
        Summary(*row[:-1], walk_checked=bool(row[-1]))  # type: ignore[misc]
        for row in rows
    ]


def count(store: RecordStore, query: Query, cap: int | None = None) -> int:
    """How many records match (the newest version of each); stops counting at `cap`."""
    clause, params = where(store, query)
    limit = "" if cap is None else f" LIMIT {int(cap)}"
    with translated(store.path, "search"):
        return int(
            store.conn.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM records r WHERE {clause}{limit})", params
            ).fetchone()[0]
        )


def matching_records(store: RecordStore, query: Query) -> Iterator[Record]:
    """Every matching record in full, newest first (for an export), read a page at a time."""
    clause, params = where(store, query)
    before: int | None = None
    while True:
        extra, extra_params = ("AND r.id < ?", [before]) if before is not None else ("", [])
        with translated(store.path, "read"):
            rows = store.conn.execute(
                f"SELECT r.id, c.content, r.prev_hash, r.hash FROM records r "
                f"JOIN record_content c ON c.id = r.id WHERE {clause} "
                f"{extra} ORDER BY r.id DESC LIMIT ?",
                [*params, *extra_params, PAGE],
            ).fetchall()
        if not rows:
            return
        for _id, content, prev_hash, hash_ in rows:
            yield record_from_row(content, prev_hash, hash_)
        before = rows[-1][0]


def topics(store: RecordStore) -> list[str]:
    """The tree ids records were made about, for a topic filter."""
    with translated(store.path, "read"):
        return [
            r[0]
            for r in store.conn.execute(
                "SELECT DISTINCT tree_id FROM records WHERE tree_id != '' ORDER BY tree_id"
            )
        ]
