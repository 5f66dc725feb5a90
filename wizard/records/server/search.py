"""Search the force's records on the server as you type: every journal, newest first, with the
terminal and station each came from. Accent- and case-insensitive like the local search: the
words are folded as `search_text` was (wizard.records.folding), and a trigram index (pg_trgm)
serves any part of a word. Needs a reader's account (purdah_reader)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wizard.records.purge import cutoff_after, cutoff_of
from wizard.records.search import Query
from wizard.records.server.schema import SCHEMA

if TYPE_CHECKING:
    import psycopg

PAGE = 200


@dataclass(frozen=True)
class ForceRecord:
    """One row of the force-wide list: the latest version of a record, and where it came from."""

    journal_id: str
    seq: int
    terminal: str
    station: str
    kind: str
    created_at: str
    supervisor_name: str
    advised_name: str
    verdict: str
    tree_id: str
    advice: str


# A word the trigram index can serve: three letters or digits in a row (pg_trgm takes its
# trigrams from those). A shorter one (the first keystrokes: "q", "zo") gives it none, and asked
# anyway it reads its whole index (13 s over a million records for a letter found nowhere); so
# a short word is matched as a plain filter, beside an indexed word or on the newest-first walk.
_INDEXED = re.compile(r"[^\W_]{3}")


def _like(word: str) -> str:
    """A LIKE pattern finding `word` anywhere, its own % and _ taken literally."""
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search_force(conn: psycopg.Connection, query: Query, limit: int = PAGE) -> list[ForceRecord]:
    """The newest records (latest versions) across every journal that match the query."""
    clauses = [
        f"NOT EXISTS (SELECT 1 FROM {SCHEMA}.records n WHERE n.journal_id = r.journal_id "
        "AND n.amends = r.seq)"
    ]
    params: list[object] = []
    for word in query.words():
        if _INDEXED.search(word):
            clauses.append("r.search_text LIKE %s")
            params.append(_like(word))
        else:  # see _INDEXED: the same match, in a form the trigram index is not asked for
            clauses.append("strpos(r.search_text, %s) > 0")
            params.append(word)
    if query.date_from is not None:  # as the local search (wizard.records.search)
        clauses.append("r.created_at >= %s")
        params.append(cutoff_of(query.date_from))
    if query.date_to is not None:
        clauses.append("r.created_at < %s")
        params.append(cutoff_after(query.date_to))
    if query.verdict:
        clauses.append("r.verdict = %s")
        params.append(query.verdict)
    if query.tree_id:
        clauses.append("r.tree_id = %s")
        params.append(query.tree_id)
    rows = conn.execute(
        f"SELECT r.journal_id::text, r.seq, j.terminal, j.station, r.kind, r.created_at, "
        f"r.supervisor_name, r.advised_name, r.verdict, r.tree_id, r.advice "
        f"FROM {SCHEMA}.records r JOIN {SCHEMA}.journals j ON j.journal_id = r.journal_id "
        f"WHERE {' AND '.join(clauses)} ORDER BY r.created_at DESC, r.journal_id, r.seq DESC "
        "LIMIT %s",
        [*params, limit],
    ).fetchall()
    return [ForceRecord(*row) for row in rows]
