"""The advice records on disk: one SQLite file, appended to and never changed in place.

Durability: WAL journal, `synchronous = FULL` (a save that returned survives a crash), one
transaction per record, and `BEGIN IMMEDIATE` so that terminals sharing a file take turns to
extend the chain. Any SQLite failure becomes a one-line `RecordsError` saying what to do.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from wizard.core.catalog import Catalog
from wizard.records import schema
from wizard.records.canonical import canonical_json, chain_hash
from wizard.records.errors import RecordRefused, RecordsError, UnknownRecord
from wizard.records.model import GENESIS, Record, utc_stamp
from wizard.records.walkmark import Published, marked

APPLICATION_ID = 0x50575A52  # "PWZR": marks the file as Purdah Wizard's advice records
# id, content, prev_hash, hash of whole records (a record's content is in a table of its own)
FULL = "r.id, c.content, r.prev_hash, r.hash FROM records r JOIN record_content c ON c.id = r.id"


def explain(exc: sqlite3.Error, path: Path, doing: str) -> str:
    """One line for a user: what went wrong with the records file and what to do."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    text = str(exc).lower()
    if code in (5, 6) or "locked" in text:  # SQLITE_BUSY, SQLITE_LOCKED
        why = "another program or terminal is using them (locked); try again in a moment"
    elif code in (3, 8) or "readonly" in text or "read-only" in text:  # PERM, READONLY
        why = (
            "the file or its folder is read-only for you; ask for write access "
            "or use another data folder"
        )
    elif code == 14 or "unable to open" in text:  # SQLITE_CANTOPEN
        why = "the file cannot be opened (no access, or the folder is missing); use another folder"
    elif code in (11, 26) or "malformed" in text or "not a database" in text:  # CORRUPT, NOTADB
        why = (
            "the file is damaged or is not an advice records file; keep a copy of it "
            "for investigation and use another data folder"
        )
    elif code == 13 or (code == 10 and disk_full(path)):  # SQLITE_FULL, or an I/O error
        why = "the disk is full; free some space"  # (growing the -shm file) on a full disk
    elif code == 10:  # SQLITE_IOERR
        why = f"the disk reported an error ({exc}); check the drive or use another folder"
    else:
        why = str(exc)
    return f"Could not {doing} the advice records in {path}: {why}."


def disk_full(path: Path) -> bool:
    """Whether the drive holding `path` has (almost) no room: SQLite reports some writes that
    fail for want of space as a plain I/O error rather than SQLITE_FULL."""
    for folder in path.parents:
        try:
            return shutil.disk_usage(folder).free < 1 << 20
        except OSError:
            continue
    return False


@contextlib.contextmanager
def translated(path: Path, doing: str) -> Iterator[None]:
    """Turn any SQLite error inside the block into a RecordsError."""
    try:
        yield
    except sqlite3.Error as exc:
        raise RecordsError(explain(exc, path, doing)) from exc


class RecordStore:
    """An open records file. Use as a context manager, or call close()."""

    def __init__(self, path: Path, *, timeout: float = 5.0, readonly: bool = False) -> None:
        """Open the file, creating and migrating it; `readonly` writes nothing, there or beside
        it, so that an evidence copy in a read-only folder or on a full disk can be read."""
        self.path = Path(path)
        self.readonly = readonly
        self.conn = self._open_readonly(timeout) if readonly else self._open(timeout)
        self.has_fts = schema.has_fts(self.conn)  # else search scans (an SQLite without FTS5)

    # -- opening
    def _open(self, timeout: float) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RecordsError(
                f"Could not create the folder for the advice records "
                f"{self.path.parent}: {exc.strerror}; use another data folder."
            ) from exc
        with translated(self.path, "open"):
            conn = sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            try:
                self._check_ours(conn)  # before anything changes another program's file
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute("PRAGMA secure_delete = ON")  # a purge leaves no readable remains
                self._migrate(conn)
            except BaseException:
                conn.close()
                raise
        return conn

    def _open_readonly(self, timeout: float) -> sqlite3.Connection:
        """Open with SQLite's mode=ro. A missing file reads as empty and one written by an
        older version is migrated in a copy in memory: the file itself is left as it was (in a
        writable folder SQLite may still make its -wal and -shm files beside it)."""
        if not self.path.exists():
            return self._in_memory(None)
        try:
            return self._connect_readonly(timeout, "mode=ro")
        except RecordsError:
            wal = Path(f"{self.path}-wal")
            if wal.exists() and wal.stat().st_size > 0:
                raise
        # An empty -wal or none: every saved record is in the file itself, and SQLite could not
        # create its -shm file (a read-only folder, a full disk): read the file as it stands.
        return self._connect_readonly(timeout, "mode=ro&immutable=1")

    def _connect_readonly(self, timeout: float, options: str) -> sqlite3.Connection:
        """Connect with these URI options, check the file is ours and at the current schema."""
        with translated(self.path, "open"):
            conn = sqlite3.connect(
                f"{self.path.absolute().as_uri()}?{options}",
                uri=True,
                timeout=timeout,
                isolation_level=None,
                check_same_thread=False,
            )
            try:
                self._check_ours(conn)
                if conn.execute("PRAGMA user_version").fetchone()[0] < schema.CURRENT:
                    return self._in_memory(conn)
                self._migrate(conn)  # refuses a newer schema; writes nothing
            except BaseException:
                conn.close()
                raise
        return conn

    def _in_memory(self, source: sqlite3.Connection | None) -> sqlite3.Connection:
        """A copy of `source` (closed after) or an empty file, in memory, at the current schema."""
        copy = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            if source is not None:
                source.backup(copy)
                source.close()
            self._migrate(copy)
        except BaseException:
            copy.close()
            raise
        return copy

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > schema.CURRENT:
            raise RecordsError(
                f"The advice records in {self.path} were written by a newer "
                f"version of Purdah Wizard (schema {version}); use that version."
            )
        if version == schema.CURRENT:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]  # another may have won
            if version == 0:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            if version < schema.CURRENT:
                schema.migrate(conn, version)
            conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)
            raise

    def _check_ours(self, conn: sqlite3.Connection) -> None:
        """Refuse a database that is not ours: marked by another program, or holding tables."""
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        empty = not conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != APPLICATION_ID and not (app_id == 0 and empty):
            raise RecordsError(
                f"{self.path} is a database, but not Purdah Wizard's advice "
                "records; use another data folder."
            )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> RecordStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing
    def add(
        self, record: Record, trees: Catalog | None = None, published: Published | None = None
    ) -> Record:
        """Save a new advice record or amendment; returns it with its id, time and hashes.

        Its walk is replayed on `trees` (the trees in use) when they hold its tree as it was,
        else on that version from `published` (the trees' history): refused if it differs;
        saved marked "not checked against its tree" when neither holds it."""
        if record.kind == "purge":
            raise RecordRefused(
                "A purge is not added as a record: it is made with "
                "'records purge', which removes the records it names."
            )
        problems = record.problems()
        if problems:
            raise RecordRefused(f"Cannot save the record: {'; '.join(problems)}.")
        try:
            canonical_json(record.content())
        except (ValueError, TypeError) as exc:  # NaN, infinity or a non-JSON value inside
            raise RecordRefused(
                f"Cannot save the record: its content cannot be kept as JSON ({exc})."
            ) from exc
        record = marked(record, trees, published)

        def build(conn: sqlite3.Connection, next_id: int, now: str) -> Record:
            if record.kind == "amendment":
                self._check_amendable(conn, record.amends)
            return replace(record, id=next_id, created_at=now)

        return self.append(build)

    def append(
        self,
        build: Callable[[sqlite3.Connection, int, str], Record],
        after: Callable[[sqlite3.Connection, Record], None] | None = None,
    ) -> Record:
        """Add one record at the end of the chain in one transaction.

        `build(conn, next_id, now)` makes the record while the write lock is held; `after`
        runs in the same transaction once it is inserted (a purge deletes there).
        """
        conn = self.conn
        with translated(self.path, "save a record in"):
            conn.execute("BEGIN IMMEDIATE")
            try:
                last = conn.execute(
                    "SELECT id, hash FROM records ORDER BY id DESC LIMIT 1"
                ).fetchone()
                last_id, last_hash = last if last else (0, GENESIS)
                record = build(conn, last_id + 1, utc_stamp())
                text = canonical_json(record.content())
                record = replace(record, prev_hash=last_hash, hash=chain_hash(last_hash, text))
                schema.insert(conn, record, text)
                if after is not None:
                    after(conn, record)
                conn.execute("COMMIT")
            except BaseException:
                _rollback(conn)
                raise
        return record

    def _check_amendable(self, conn: sqlite3.Connection, record_id: int | None) -> None:
        if not is_record_id(record_id):
            raise UnknownRecord(f"There is no record {record_id} to amend.")
        row = conn.execute("SELECT kind FROM records WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            raise UnknownRecord(f"There is no record {record_id} to amend.")
        if row[0] == "purge":
            raise RecordRefused(f"Record {record_id} is a purge; it cannot be amended.")
        later = conn.execute("SELECT id FROM records WHERE amends = ?", (record_id,)).fetchone()
        if later is not None:
            raise RecordRefused(
                f"Record {record_id} has already been amended by record "
                f"{later[0]}; amend record {self.latest_id(later[0])} instead."
            )

    # -- reading
    def get(self, record_id: int) -> Record:
        """The record with this id, rebuilt from the content its hash covers."""
        if not is_record_id(record_id):
            raise UnknownRecord(f"There is no record {record_id}{self._range_hint()}.")
        with translated(self.path, "read"):
            row = self.conn.execute(f"SELECT {FULL} WHERE r.id = ?", (record_id,)).fetchone()
        if row is None:
            raise UnknownRecord(f"There is no record {record_id}{self._range_hint()}.")
        return record_from_row(*row[1:])

    def _range_hint(self) -> str:
        lo, hi = self.conn.execute("SELECT min(id), max(id) FROM records").fetchone()
        return (
            f" (the records run from {lo} to {hi})"
            if lo is not None
            else " (there are no records yet)"
        )

    def amended_by(self, record_id: int) -> int | None:
        """The id of the amendment that corrects this record, if any."""
        if not is_record_id(record_id):
            return None
        with translated(self.path, "read"):
            row = self.conn.execute(
                "SELECT id FROM records WHERE amends = ?", (record_id,)
            ).fetchone()
        return row[0] if row else None

    def latest_id(self, record_id: int) -> int:
        """The newest version of the record (itself if never amended)."""
        while (later := self.amended_by(record_id)) is not None:
            record_id = later
        return record_id

    def history(self, record_id: int) -> list[Record]:
        """Every version of a record, oldest first (a purged original is simply absent)."""
        versions = [self.get(record_id)]
        while versions[0].amends is not None:
            try:
                versions.insert(0, self.get(versions[0].amends))
            except UnknownRecord:
                break
        while (later := self.amended_by(versions[-1].id)) is not None:
            versions.append(self.get(later))
        return versions

    def records(self, start: int = 0) -> Iterator[Record]:
        """Every record from id `start` on, oldest first."""
        for _id, content, prev_hash, hash_ in self.rows(start):
            yield record_from_row(content, prev_hash, hash_)

    def rows(self, start: int = 0, batch: int = 500) -> Iterator[tuple[int, str, str, str]]:
        """(id, content, prev_hash, hash) of each record from id `start` on, in id order, in
        batches so that a long walk holds no read transaction open for long."""
        after = start - 1
        while True:
            with translated(self.path, "read"):
                rows = self.conn.execute(
                    f"SELECT {FULL} WHERE r.id > ? ORDER BY r.id LIMIT ?", (after, batch)
                ).fetchall()
            if not rows:
                return
            yield from rows
            after = rows[-1][0]

    def count(self) -> int:
        with translated(self.path, "read"):
            return int(self.conn.execute("SELECT count(*) FROM records").fetchone()[0])


def is_record_id(value: object) -> bool:
    """Whether `value` can be a record's id: SQLite's ids are 1 to 2**63 - 1 (a larger number
    cannot even be asked for: binding it raises OverflowError)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**63


def record_from_row(content: str, prev_hash: str, hash_: str) -> Record:
    """Rebuild a stored record; damaged content gives a RecordsError that says to verify."""
    try:
        return Record.from_content(json.loads(content), prev_hash=prev_hash, hash=hash_)
    except ValueError as exc:  # json.JSONDecodeError is a ValueError too
        raise RecordsError(
            f"A record cannot be read, its content is damaged ({exc}); "
            "run 'records verify' to find which."
        ) from exc


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
