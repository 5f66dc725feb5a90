"""Find records: search as you type over names, numbers, situation and advice, with filters.

Each word typed must appear somewhere (any part of a word, any case, with or without accents:
"zoe" finds "Zoë"). Both sides are folded (wizard.records.folding). Words of three letters or
more use the full-text index (FTS5, trigram) over the folded column, shorter ones a scan of it.
Lists show the newest version of each record (an amended record appears once, as its latest
amendment), newest first, a page at a time: `before` is the last id of the previous page.

With words for the index, the query is driven by it, newest first (`ORDER BY f.rowid DESC`, the
index's own order; its rowid is the record's id), so a page stops after its rows instead of
first gathering every match (`hustings`, 17,000 matches at 100,000 records: 18 ms to 1 ms).
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


@dataclass(frozen=True)
class Source:
    """What a query reads: FROM (records as `r`), WHERE, its parameters, and the key that orders
    the records newest first (the index's rowid when the index drives the query)."""

    tables: str
    clause: str
    params: list[Any]
    key: str = "r.id"


def source(store: RecordStore, query: Query) -> Source:
    """How to read the records matching a query: through the full-text index when it has words
    for it, newest first in the index's own order; else a walk of `records` by id."""
    clause, params, match = _clauses(store, query)
    if match is None:
        return Source("records r", clause, params)
    return Source(
        "records_fts f JOIN records r ON r.id = f.rowid",
        f"records_fts MATCH ? AND {clause}",
        [match, *params],
        "f.rowid",
    )


def _clauses(store: RecordStore, query: Query) -> tuple[str, list[Any], str | None]:
    """The conditions on `records r` but the index's, their parameters, and the index's MATCH
    expression (None: no word for it)."""
    clauses = ["NOT EXISTS (SELECT 1 FROM records n WHERE n.amends = r.id)"]
    params: list[Any] = []
    fts_words = []
    for word in query.words():
        if len(word) >= 3 and store.has_fts:
            fts_words.append('"' + word.replace('"', '""') + '"')
        else:
            clauses.append("instr(r.search_text, ?) > 0")
            params.append(word)
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
    return " AND ".join(clauses), params, " AND ".join(fts_words) if fts_words else None


def search(
    store: RecordStore, query: Query, *, before: int | None = None, limit: int = PAGE
) -> list[Summary]:
    """One page of matching records, newest first, starting after id `before`."""
    src = source(store, query)
    clause, params = src.clause, list(src.params)
    if before is not None:
        clause += f" AND {src.key} < ?"
        params.append(before)
    with translated(store.path, "search"):
        rows = store.conn.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM {src.tables} WHERE {clause} "
            f"ORDER BY {src.key} DESC LIMIT ?",
            [*params, limit],
        ).fetchall()
    # the row's last column is the walk's mark; mypy cannot count a row's columns
    return [
        Summary(*row[:-1], walk_checked=bool(row[-1]))  # type: ignore[misc]
        for row in rows
    ]


def count(store: RecordStore, query: Query, cap: int | None = None) -> int:
    """How many records match (the newest version of each); stops counting at `cap`."""
    src = source(store, query)
    limit = "" if cap is None else f" LIMIT {int(cap)}"
    with translated(store.path, "search"):
        return int(
            store.conn.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {src.tables} WHERE {src.clause}{limit})",
                src.params,
            ).fetchone()[0]
        )


def matching_records(store: RecordStore, query: Query) -> Iterator[Record]:
    """Every matching record in full, newest first (for an export), read a page at a time."""
    src = source(store, query)
    before: int | None = None
    while True:
        extra, extra_params = (f"AND {src.key} < ?", [before]) if before is not None else ("", [])
        with translated(store.path, "read"):
            rows = store.conn.execute(
                f"SELECT r.id, c.content, r.prev_hash, r.hash FROM {src.tables} "
                f"JOIN record_content c ON c.id = r.id WHERE {src.clause} "
                f"{extra} ORDER BY {src.key} DESC LIMIT ?",
                [*src.params, *extra_params, PAGE],
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
