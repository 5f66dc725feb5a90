"""The server's schema (PostgreSQL), created and migrated forward by `records server init`.

Schema `purdah`: `journals` (one per terminal's records file: a random id made once, with the
terminal and station it came from), `records` (keyed by journal and sequence: the record's id in
its terminal's chain, with the same canonical content and hashes), `forks` (pushes refused
because they did not extend their journal: evidence, kept) and `migrations`.

Append-only in the database itself, twice over. Privileges: the writer role (terminals) may
INSERT and SELECT only (and of other journals' records, only the hashes); the reader role
(supervisors) SELECT only; the administrator may also DELETE records, which is how a purge
recorded in a journal's chain is applied. Triggers: UPDATE and TRUNCATE are refused for
everyone (owner included); DELETE only for records the journal's newest purge covers; an
INSERT must carry the hash of its own content and extend its journal's chain.

Version 2 adds the feedback of issue 20 (wizard.records.server.feedback), keyed by the journal
of the records file beside the feedback file and holding only the fields the local feedback
store keeps (no time, account or terminal of its own): `feedback_notes` (insert only, keyed by
journal, the note's number in its file and the digest of its fields) and `feedback_counts` (one
row per journal, day, kind, topic and outcome, whose total the terminal's sync replaces: the
writer may UPDATE its `n` and nothing else). Neither may be deleted or truncated.

Version 3 adds the server's purge log, `purges` (wizard.records.server.purge): an administrator's
purge of a journal's oldest records is an entry there, checked by the database against the
records it names; DELETE is then allowed for the records an entry covers, and a purged record is
never taken again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wizard.records.canonical import DOMAIN
from wizard.records.model import GENESIS
from wizard.records.schema import SEARCHED

if TYPE_CHECKING:
    import psycopg

SCHEMA = "purdah"
WRITER, READER, ADMIN = "purdah_writer", "purdah_reader", "purdah_admin"
ROLES = (WRITER, READER, ADMIN)
# the query columns, as the local file's (wizard.records.schema.columns gives their values)
QUERY_COLUMNS = (
    "kind",
    "created_at",
    *SEARCHED,
    "search_text",
    "verdict",
    "tree_id",
    "amends",
    "purged_through",
)
RECORD_COLUMNS = ("journal_id", "seq", *QUERY_COLUMNS, "content", "prev_hash", "hash")
DOMAIN_SQL = DOMAIN.decode("ascii").rstrip("\n")
NEVER_CHANGED = "advice records are never changed: record an amendment instead"

V1 = f"""
CREATE TABLE {SCHEMA}.journals (
    journal_id uuid PRIMARY KEY,
    terminal text NOT NULL DEFAULT '',
    station text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT current_user
);
CREATE TABLE {SCHEMA}.records (
    journal_id uuid NOT NULL REFERENCES {SCHEMA}.journals,
    seq bigint NOT NULL CHECK (seq > 0),
    kind text NOT NULL,
    created_at text NOT NULL,
    {" ".join(f"{c} text NOT NULL DEFAULT ''," for c in SEARCHED)}
    search_text text NOT NULL DEFAULT '',
    verdict text NOT NULL DEFAULT '',
    tree_id text NOT NULL DEFAULT '',
    amends bigint,
    purged_through bigint,
    content text NOT NULL,
    prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{{64}}$'),
    hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{{64}}$'),
    received_at timestamptz NOT NULL DEFAULT now(),
    received_by text NOT NULL DEFAULT current_user,
    PRIMARY KEY (journal_id, seq)
);
CREATE INDEX records_created ON {SCHEMA}.records (created_at DESC);
CREATE INDEX records_first_hash ON {SCHEMA}.records (hash) WHERE seq = 1;
CREATE INDEX records_purges ON {SCHEMA}.records (journal_id, seq) WHERE kind = 'purge';
CREATE INDEX records_amends ON {SCHEMA}.records (journal_id, amends) WHERE amends IS NOT NULL;
CREATE TABLE {SCHEMA}.forks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    journal_id uuid NOT NULL REFERENCES {SCHEMA}.journals,
    seq bigint NOT NULL,
    held_hash text NOT NULL DEFAULT '',
    offered_hash text NOT NULL,
    offered_prev_hash text NOT NULL,
    offered_content text NOT NULL,
    problem text NOT NULL,
    reported_at timestamptz NOT NULL DEFAULT now(),
    reported_by text NOT NULL DEFAULT current_user,
    UNIQUE (journal_id, seq, offered_hash)
);

CREATE FUNCTION {SCHEMA}.never_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{NEVER_CHANGED} (% on %)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE FUNCTION {SCHEMA}.delete_only_purged() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE covered bigint;
BEGIN
    SELECT purged_through INTO covered FROM {SCHEMA}.records
        WHERE journal_id = OLD.journal_id AND kind = 'purge' ORDER BY seq DESC LIMIT 1;
    IF covered IS NULL OR OLD.seq > covered THEN
        RAISE EXCEPTION 'advice records are never deleted, except by a purge recorded in the '
            'chain (record % of journal %)', OLD.seq, OLD.journal_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
END $$;
CREATE FUNCTION {SCHEMA}.extends_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE before text;
BEGIN
    IF NEW.hash <> encode(sha256(convert_to('{DOMAIN_SQL}' || chr(10) || NEW.prev_hash
                                            || chr(10) || NEW.content, 'UTF8')), 'hex') THEN
        RAISE EXCEPTION 'record % of journal %: its hash does not match its content',
            NEW.seq, NEW.journal_id USING ERRCODE = 'check_violation';
    END IF;
    SELECT hash INTO before FROM {SCHEMA}.records
        WHERE journal_id = NEW.journal_id AND seq = NEW.seq - 1;
    IF before IS NULL THEN
        IF NEW.seq = 1 THEN
            before := '{GENESIS}';
        ELSIF EXISTS (SELECT 1 FROM {SCHEMA}.records WHERE journal_id = NEW.journal_id) THEN
            RAISE EXCEPTION 'record % of journal %: record % is missing before it',
                NEW.seq, NEW.journal_id, NEW.seq - 1 USING ERRCODE = 'check_violation';
        ELSE
            before := NEW.prev_hash;  -- a journal whose older records were purged unsent
        END IF;
    END IF;
    IF NEW.prev_hash <> before THEN
        RAISE EXCEPTION 'record % of journal %: it does not extend the journal (its previous '
            'hash differs from the record before it)', NEW.seq, NEW.journal_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER records_extend BEFORE INSERT ON {SCHEMA}.records
    FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.extends_chain();
CREATE TRIGGER records_never_updated BEFORE UPDATE ON {SCHEMA}.records
    FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.never_changed();
CREATE TRIGGER records_delete_purged BEFORE DELETE ON {SCHEMA}.records
    FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.delete_only_purged();
CREATE TRIGGER records_never_truncated BEFORE TRUNCATE ON {SCHEMA}.records
    FOR EACH STATEMENT EXECUTE FUNCTION {SCHEMA}.never_changed();
""" + "".join(
    f"""
CREATE TRIGGER {t}_never_changed BEFORE UPDATE OR DELETE ON {SCHEMA}.{t}
    FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.never_changed();
CREATE TRIGGER {t}_never_truncated BEFORE TRUNCATE ON {SCHEMA}.{t}
    FOR EACH STATEMENT EXECUTE FUNCTION {SCHEMA}.never_changed();
"""
    for t in ("journals", "forks", "migrations")
)

# Search as you type across the force: a trigram index on the folded text (pg_trgm, in
# PostgreSQL's contrib; without it, searches scan). Run in a savepoint: it may be unavailable.
TRIGRAM = f"""
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS records_search ON {SCHEMA}.records USING gin (search_text gin_trgm_ops);
"""

V2 = f"""
CREATE TABLE {SCHEMA}.feedback_notes (
    journal_id uuid NOT NULL REFERENCES {SCHEMA}.journals,
    note_no bigint NOT NULL CHECK (note_no > 0),
    digest text NOT NULL CHECK (digest ~ '^[0-9a-f]{{64}}$'),
    day text NOT NULL,
    topic text NOT NULL,
    answers text NOT NULL,
    outcome text NOT NULL,
    verdict text NOT NULL,
    line text NOT NULL,
    PRIMARY KEY (journal_id, note_no, digest)
);
CREATE TABLE {SCHEMA}.feedback_counts (
    journal_id uuid NOT NULL REFERENCES {SCHEMA}.journals,
    day text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('topic', 'outcome')),
    topic text NOT NULL,
    outcome text NOT NULL,
    n bigint NOT NULL CHECK (n >= 0),
    PRIMARY KEY (journal_id, day, kind, topic, outcome)
);
CREATE INDEX feedback_counts_day ON {SCHEMA}.feedback_counts (day, kind);
CREATE TRIGGER feedback_notes_never_changed BEFORE UPDATE OR DELETE ON {SCHEMA}.feedback_notes
    FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.never_changed();
CREATE TRIGGER feedback_notes_never_truncated BEFORE TRUNCATE ON {SCHEMA}.feedback_notes
    FOR EACH STATEMENT EXECUTE FUNCTION {SCHEMA}.never_changed();
CREATE TRIGGER feedback_counts_never_deleted BEFORE DELETE ON {SCHEMA}.feedback_counts
    FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.never_changed();
CREATE TRIGGER feedback_counts_never_truncated BEFORE TRUNCATE ON {SCHEMA}.feedback_counts
    FOR EACH STATEMENT EXECUTE FUNCTION {SCHEMA}.never_changed();
"""

# Version 3: the server's own purge (`records server purge`, by an administrator). Each journal
# it purges gets an entry in `purges`, a hash chain of its own (PURGE_DOMAIN) whose content names
# the journal, the cut-off, the records removed and the hash of the last one (the anchor), and the
# account that did it. The database checks an entry against the records it names before it is
# taken (the anchor, the first record held, the count), lets DELETE remove only records an entry
# covers (or, as before, the journal's own newest purge), and never takes a purged record again.
PURGE_DOMAIN = b"purdah-wizard server purge v1\n"
PURGE_DOMAIN_SQL = PURGE_DOMAIN.decode("ascii").rstrip("\n")
PURGE_FIELDS = (
    "kind",
    "seq",
    "journal_id",
    "purge_before",
    "purged_from",
    "purged_through",
    "purged_count",
    "anchor_hash",
    "made_by",
    "reason",
    "account",
    "created_at",
)
PURGE_COLUMNS = (*PURGE_FIELDS[1:], "content", "prev_hash", "hash")
V3 = f"""
CREATE TABLE {SCHEMA}.purges (
    seq bigint PRIMARY KEY CHECK (seq > 0),
    journal_id uuid NOT NULL REFERENCES {SCHEMA}.journals,
    purge_before text NOT NULL,
    purged_from bigint NOT NULL CHECK (purged_from > 0),
    purged_through bigint NOT NULL,
    purged_count bigint NOT NULL CHECK (purged_count > 0),
    anchor_hash text NOT NULL CHECK (anchor_hash ~ '^[0-9a-f]{{64}}$'),
    made_by text NOT NULL CHECK (btrim(made_by) <> ''),
    reason text NOT NULL DEFAULT '',
    account text NOT NULL,
    created_at text NOT NULL,
    content text NOT NULL,
    prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{{64}}$'),
    hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{{64}}$'),
    received_at timestamptz NOT NULL DEFAULT now(),
    CHECK (purged_through >= purged_from)
);
CREATE INDEX purges_journal ON {SCHEMA}.purges (journal_id, purged_through);

CREATE FUNCTION {SCHEMA}.purge_checked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE before text; held record;
BEGIN
    IF NEW.account <> current_user THEN
        RAISE EXCEPTION 'purge %: it names the account %, not the one purging (%)',
            NEW.seq, NEW.account, current_user USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.content::jsonb <> jsonb_build_object(
            'kind', 'server_purge', 'seq', NEW.seq, 'journal_id', NEW.journal_id::text,
            'purge_before', NEW.purge_before, 'purged_from', NEW.purged_from,
            'purged_through', NEW.purged_through, 'purged_count', NEW.purged_count,
            'anchor_hash', NEW.anchor_hash, 'made_by', NEW.made_by, 'reason', NEW.reason,
            'account', NEW.account, 'created_at', NEW.created_at) THEN
        RAISE EXCEPTION 'purge %: its content differs from its columns', NEW.seq
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.hash <> encode(sha256(convert_to('{PURGE_DOMAIN_SQL}' || chr(10) || NEW.prev_hash
                                            || chr(10) || NEW.content, 'UTF8')), 'hex') THEN
        RAISE EXCEPTION 'purge %: its hash does not match its content', NEW.seq
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.seq = 1 THEN
        before := '{GENESIS}';
    ELSE
        SELECT hash INTO before FROM {SCHEMA}.purges WHERE seq = NEW.seq - 1;
    END IF;
    IF before IS NULL OR NEW.prev_hash <> before THEN
        RAISE EXCEPTION 'purge %: it does not extend the purge log', NEW.seq
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT min(seq) AS first, count(*) FILTER (WHERE seq <= NEW.purged_through) AS n,
           min(hash) FILTER (WHERE seq = NEW.purged_through) AS anchor
        INTO held FROM {SCHEMA}.records WHERE journal_id = NEW.journal_id;
    IF held.first IS DISTINCT FROM NEW.purged_from OR held.n <> NEW.purged_count
            OR held.anchor IS DISTINCT FROM NEW.anchor_hash THEN
        RAISE EXCEPTION 'purge %: it does not describe the oldest records the server holds for '
            'journal % (records %, to %, their count, the anchor)', NEW.seq, NEW.journal_id,
            NEW.purged_from, NEW.purged_through USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER purges_checked BEFORE INSERT ON {SCHEMA}.purges
    FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.purge_checked();
CREATE TRIGGER purges_never_changed BEFORE UPDATE OR DELETE ON {SCHEMA}.purges
    FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.never_changed();
CREATE TRIGGER purges_never_truncated BEFORE TRUNCATE ON {SCHEMA}.purges
    FOR EACH STATEMENT EXECUTE FUNCTION {SCHEMA}.never_changed();

CREATE OR REPLACE FUNCTION {SCHEMA}.delete_only_purged() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE covered bigint;
BEGIN
    IF EXISTS (SELECT 1 FROM {SCHEMA}.purges WHERE journal_id = OLD.journal_id
               AND purged_through >= OLD.seq AND purged_from <= OLD.seq) THEN
        RETURN OLD;
    END IF;
    SELECT purged_through INTO covered FROM {SCHEMA}.records
        WHERE journal_id = OLD.journal_id AND kind = 'purge' ORDER BY seq DESC LIMIT 1;
    IF covered IS NULL OR OLD.seq > covered THEN
        RAISE EXCEPTION 'advice records are never deleted, except by a purge recorded in the '
            'chain or in the server''s purge log (record % of journal %)', OLD.seq, OLD.journal_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
END $$;
CREATE OR REPLACE FUNCTION {SCHEMA}.extends_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE before text; purged bigint; anchor text;
BEGIN
    IF NEW.hash <> encode(sha256(convert_to('{DOMAIN_SQL}' || chr(10) || NEW.prev_hash
                                            || chr(10) || NEW.content, 'UTF8')), 'hex') THEN
        RAISE EXCEPTION 'record % of journal %: its hash does not match its content',
            NEW.seq, NEW.journal_id USING ERRCODE = 'check_violation';
    END IF;
    SELECT purged_through, anchor_hash INTO purged, anchor FROM {SCHEMA}.purges
        WHERE journal_id = NEW.journal_id ORDER BY purged_through DESC LIMIT 1;
    IF NEW.seq <= purged THEN
        RAISE EXCEPTION 'record % of journal %: it was purged from the server, which never '
            'takes a purged record again', NEW.seq, NEW.journal_id
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT hash INTO before FROM {SCHEMA}.records
        WHERE journal_id = NEW.journal_id AND seq = NEW.seq - 1;
    IF before IS NULL THEN
        IF NEW.seq = 1 THEN
            before := '{GENESIS}';
        ELSIF NEW.seq = purged + 1 THEN
            before := anchor;  -- the server purged every record before it
        ELSIF EXISTS (SELECT 1 FROM {SCHEMA}.records WHERE journal_id = NEW.journal_id)
                OR purged IS NOT NULL THEN
            RAISE EXCEPTION 'record % of journal %: record % is missing before it',
                NEW.seq, NEW.journal_id, NEW.seq - 1 USING ERRCODE = 'check_violation';
        ELSE
            before := NEW.prev_hash;  -- a journal whose older records were purged unsent
        END IF;
    END IF;
    IF NEW.prev_hash <> before THEN
        RAISE EXCEPTION 'record % of journal %: it does not extend the journal (its previous '
            'hash differs from the record before it)', NEW.seq, NEW.journal_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
"""

MIGRATIONS: tuple[str, ...] = (V1, V2, V3)
CURRENT = len(MIGRATIONS)

_JOURNAL_COLS = "journal_id, terminal, station"
_FORK_COLS = "journal_id, seq, held_hash, offered_hash, offered_prev_hash, offered_content, problem"
NOTE_COLUMNS = (
    "journal_id",
    "note_no",
    "digest",
    "day",
    "topic",
    "answers",
    "outcome",
    "verdict",
    "line",
)
COUNT_COLUMNS = ("journal_id", "day", "kind", "topic", "outcome", "n")
# the grants of each version's tables, in order; those up to the schema's version are run
GRANT_SETS = (
    f"""
REVOKE ALL ON SCHEMA {SCHEMA} FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA {SCHEMA} FROM PUBLIC;
GRANT USAGE ON SCHEMA {SCHEMA} TO {WRITER}, {READER}, {ADMIN};
GRANT SELECT ({_JOURNAL_COLS}), INSERT ({_JOURNAL_COLS}) ON {SCHEMA}.journals TO {WRITER};
GRANT SELECT (journal_id, seq, prev_hash, hash), INSERT ({", ".join(RECORD_COLUMNS)})
    ON {SCHEMA}.records TO {WRITER};
GRANT SELECT (journal_id, seq, offered_hash), INSERT ({_FORK_COLS}) ON {SCHEMA}.forks TO {WRITER};
GRANT SELECT ON {SCHEMA}.migrations TO {WRITER};
GRANT SELECT ON ALL TABLES IN SCHEMA {SCHEMA} TO {READER};
GRANT {READER} TO {ADMIN};
GRANT {WRITER} TO {ADMIN};
GRANT DELETE ON {SCHEMA}.records TO {ADMIN};
""",
    f"""
GRANT SELECT (journal_id, note_no, digest), INSERT ({", ".join(NOTE_COLUMNS)})
    ON {SCHEMA}.feedback_notes TO {WRITER};
GRANT SELECT ({", ".join(COUNT_COLUMNS)}), INSERT ({", ".join(COUNT_COLUMNS)}), UPDATE (n)
    ON {SCHEMA}.feedback_counts TO {WRITER};
""",
    f"""
GRANT SELECT (journal_id, purged_through, anchor_hash) ON {SCHEMA}.purges TO {WRITER};
GRANT SELECT ON {SCHEMA}.purges TO {READER};
GRANT INSERT ({", ".join(PURGE_COLUMNS)}) ON {SCHEMA}.purges TO {ADMIN};
""",
)
if len(GRANT_SETS) != len(MIGRATIONS):
    raise RuntimeError("each schema version needs its grants")


def grants(upto: int) -> str:
    """The grants of the schema's tables through version `upto`."""
    return "".join(GRANT_SETS[:upto])


def create_roles(conn: psycopg.Connection) -> list[str]:
    """Make the three group roles (NOLOGIN) that are missing; returns those made."""
    have = {
        r[0]
        for r in conn.execute(
            "SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)", (list(ROLES),)
        )
    }
    made = [role for role in ROLES if role not in have]
    for role in made:
        conn.execute(f"CREATE ROLE {role} NOLOGIN")
    return made


def version(conn: psycopg.Connection) -> int:
    """The schema's version on the server (0: none yet)."""
    exists = _value(conn.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.migrations",)))
    if exists is None:
        return 0
    return int(_value(conn.execute(f"SELECT coalesce(max(version), 0) FROM {SCHEMA}.migrations")))


def _value(cursor: psycopg.Cursor[tuple[Any, ...]]) -> Any:
    """The one value of a query that always gives one row (count, SHOW, to_regclass)."""
    row = cursor.fetchone()
    if row is None:
        raise RuntimeError("the server returned no row where one is always returned")
    return row[0]


def _run(conn: psycopg.Connection, script: str) -> None:
    conn.execute(script.encode("utf-8"))  # several statements: the simple query protocol


def _to_current(conn: psycopg.Connection, start: int) -> None:
    if start == 0:
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
        conn.execute(
            f"CREATE TABLE {SCHEMA}.migrations (version integer PRIMARY KEY, "
            "applied_at timestamptz NOT NULL DEFAULT now(), "
            "applied_by text NOT NULL DEFAULT current_user)"
        )
    for number in range(start, CURRENT):
        _run(conn, MIGRATIONS[number])
        conn.execute(f"INSERT INTO {SCHEMA}.migrations (version) VALUES (%s)", (number + 1,))


def _trigram(conn: psycopg.Connection) -> bool:
    """Add the search index if pg_trgm can be had; False (searches scan) if not."""
    from wizard.records.server.connect import driver

    psycopg = driver()
    try:
        with conn.transaction():
            _run(conn, TRIGRAM)
    except psycopg.Error:
        return False
    return True


def init(conn: psycopg.Connection, note: Callable[[str], None] = lambda _: None) -> tuple[int, int]:
    """Create or migrate the schema, make the roles and grant them; returns (before, after).
    Runs in one transaction: a failure leaves the server as it was."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('purdah-wizard schema'))")
        encoding = _value(conn.execute("SHOW server_encoding"))
        if encoding.upper() not in ("UTF8", "UTF-8"):
            raise ValueError(f"the database's encoding is {encoding}; it must be UTF8")
        before = version(conn)
        if before > CURRENT:
            raise ValueError(
                f"the server's schema is version {before}, newer than this "
                f"program's ({CURRENT}); use the newer program"
            )
        for role in create_roles(conn):
            note(f"made the role {role}")
        _to_current(conn, before)
        if not _trigram(conn):
            note(
                "pg_trgm is not available: force-wide search will scan (install "
                "PostgreSQL's contrib package for the index)"
            )
        _run(conn, grants(CURRENT))
    return before, CURRENT
