"""A records file that is locked, read-only or damaged gives one clear line, and loses nothing.

Read-only: the tests run as root, and root ignores file permissions. So the test makes the file
(and, in one case, its folder) read-only with chmod and then drops its *effective* user id to
`nobody` around the open and the save, which makes the kernel apply the permissions for real;
it restores root afterwards. Run as another user, the chmod alone does it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.records.kit import advice, filled_store, raw
from wizard.records.errors import RecordsError
from wizard.records.store import RecordStore

NOBODY = 65534


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "records.sqlite3"
    filled_store(p, 2).close()
    return p


# -- locked
def test_a_locked_file_says_so_and_the_next_try_works(path):
    with raw(path) as holder, RecordStore(path, timeout=0.1) as store:
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(RecordsError) as caught:
            store.add(advice(advised_name="Waiting"))
        message = str(caught.value)
        assert "locked" in message and "try again in a moment" in message
        assert str(path) in message and "\n" not in message
        holder.execute("ROLLBACK")
        saved = store.add(advice(advised_name="Waiting"))
    assert saved.id == 3 and saved.advised_name == "Waiting"


def test_reading_goes_on_while_another_terminal_writes(path):
    """WAL: a writer holding its lock does not stop the records being read."""
    with raw(path) as holder, RecordStore(path, timeout=0.1) as store:
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("CREATE TABLE scratch (x)")
        assert store.get(2).advised_name == "Person 2"
        holder.execute("ROLLBACK")


# -- read-only
@contextlib.contextmanager
def without_write_access(*paths: Path) -> Iterator[None]:
    """Make `paths` read-only for this process, for real even when running as root."""
    for p in paths:
        p.chmod(0o555 if p.is_dir() else 0o444)
    as_root = os.geteuid() == 0
    if as_root:
        os.seteuid(NOBODY)
    try:
        yield
    finally:
        if as_root:
            os.seteuid(0)
        for p in paths:
            p.chmod(0o755 if p.is_dir() else 0o644)


@pytest.fixture
def open_folder():
    """A folder `nobody` can reach (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="records-ro-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def test_a_read_only_file_in_a_writable_folder_refuses_the_save_clearly(open_folder):
    path = open_folder / "records.sqlite3"
    filled_store(path, 2).close()
    if os.geteuid() == 0:
        os.chown(open_folder, NOBODY, -1)  # nobody may write the folder, not the file
    with without_write_access(path), RecordStore(path) as store:
        assert store.get(1).advised_name == "Person 1"  # reading still works
        with pytest.raises(RecordsError, match="read-only for you") as caught:
            store.add(advice())
    assert "\n" not in str(caught.value)
    with RecordStore(path) as store:
        assert store.count() == 2


def test_a_read_only_folder_and_file_refuse_to_open_clearly(open_folder):
    path = open_folder / "records.sqlite3"
    filled_store(path, 2).close()
    with without_write_access(path, open_folder), pytest.raises(RecordsError) as caught:
        RecordStore(path).close()
    assert "read-only for you" in str(caught.value)


# -- damaged
def test_garbage_bytes_are_reported_as_a_damaged_file(tmp_path):
    path = tmp_path / "records.sqlite3"
    path.write_bytes(os.urandom(8192))
    with pytest.raises(RecordsError, match="damaged or is not an advice records file"):
        RecordStore(path).close()
    assert len(path.read_bytes()) == 8192  # left as found, for investigation


def test_a_damaged_page_is_reported_when_read(path):
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):  # scribble over every page but the first
        data[offset : offset + 100] = b"\xff" * 100
    path.write_bytes(bytes(data))
    with pytest.raises(RecordsError, match="damaged"), RecordStore(path) as store:
        store.get(1)


def test_a_folder_that_cannot_be_made_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(RecordsError, match="Could not create the folder"):
        RecordStore(blocker / "sub" / "records.sqlite3").close()
