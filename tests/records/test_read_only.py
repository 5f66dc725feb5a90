"""Reading must not need writing (issue 18, item 13): list, show, export and verify open the file
read-only, so an evidence copy in a read-only folder, or on a full disk, can be read and checked,
and is left exactly as it was. A save on a full disk says so.

Two tests mount a small tmpfs to fill a disk for real; they are skipped where mounting is not
allowed (not root)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.records.kit import filled_store, transcript
from tests.records.test_errors import open_folder, without_write_access  # noqa: F401 (fixture)
from tests.records.test_migration import V1_FILE
from wizard.cli.main import main
from wizard.records import datadir

READING = (
    ["list"],
    ["list", "--search", "Person"],
    ["show", "1"],
    ["show", "1", "--json"],
    ["verify"],
)


def records(data: Path, *args: str) -> int:
    return main(["records", "--data-dir", str(data), *args])


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file in the folder: its SHA-256 and modification time."""
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
    }


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv(datadir.ENV, str(tmp_path / "not-this-one"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


def test_reading_commands_in_a_read_only_folder_work(open_folder, capsys):  # noqa: F811
    import _strptime  # noqa: F401  (nobody cannot read root's Python to import it later)

    filled_store(datadir.records_path(open_folder), 3).close()
    with without_write_access(datadir.records_path(open_folder), open_folder):
        for args in READING:
            assert records(open_folder, *args) == 0, (args, capsys.readouterr().err)
        csv = Path("/tmp") / f"export-{os.getpid()}.csv"
        try:
            assert records(open_folder, "export", "--csv", str(csv)) == 0
        finally:
            csv.unlink(missing_ok=True)
    assert capsys.readouterr().out.count("OK: 3 record(s) checked") == 1


def test_reading_an_older_evidence_copy_leaves_it_byte_for_byte_as_it_was(data, capsys):
    """A file written by an older version is read without migrating it on disk."""
    data.mkdir()
    shutil.copy(V1_FILE, datadir.records_path(data))
    before = fingerprint(data)
    for args in READING:
        assert records(data, *args) == 0, args
    assert "OK: 3 record(s) checked" in capsys.readouterr().out
    assert fingerprint(data) == before


def test_reading_a_current_file_leaves_it_as_it_was(data):
    """The file itself is unchanged, and no rollback journal was made (SQLite may leave its
    empty -wal and shared-memory -shm files beside it: they hold no records)."""
    filled_store(datadir.records_path(data), 3).close()
    before = fingerprint(data)
    for args in READING:
        assert records(data, *args) == 0
    after = fingerprint(data)
    assert after[datadir.RECORDS_FILE] == before[datadir.RECORDS_FILE]
    assert set(after) <= {
        datadir.RECORDS_FILE,
        f"{datadir.RECORDS_FILE}-wal",
        f"{datadir.RECORDS_FILE}-shm",
    }
    wal = data / f"{datadir.RECORDS_FILE}-wal"
    assert not wal.exists() or wal.stat().st_size == 0


def test_reading_a_folder_that_does_not_exist_creates_nothing(data, capsys):
    assert records(data, "list") == 0
    assert records(data, "verify") == 0
    assert "empty" in capsys.readouterr().out
    assert records(data, "show", "1") == 2
    assert "no record 1" in capsys.readouterr().err
    assert not data.exists()


# -- a real full disk
@contextlib.contextmanager
def small_disk(point: Path, size: str = "512k"):
    point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def fill(folder: Path) -> None:
    """Write a file until the disk refuses another byte."""
    with contextlib.suppress(OSError), open(folder / "filler", "wb") as f:
        while True:
            f.write(b"\0" * 4096)
            f.flush()
    with contextlib.suppress(OSError), open(folder / "filler2", "wb") as f:
        while True:
            f.write(b"\0")
            f.flush()


def test_on_a_full_disk_reading_works_and_a_save_says_the_disk_is_full(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv(datadir.ENV, str(tmp_path / "not-this-one"))
    monkeypatch.chdir(tmp_path)
    walk = tmp_path / "walk.json"
    walk.write_text(transcript("do_not").to_json(), encoding="utf-8")
    with small_disk(tmp_path / "disk") as disk:
        data = disk / "data"
        filled_store(datadir.records_path(data), 3).close()
        fill(disk)
        assert records(data, "list") == 0
        assert records(data, "verify") == 0
        assert "OK: 3 record(s) checked" in capsys.readouterr().out
        code = records(
            data,
            "add",
            "--transcript",
            str(walk),
            "--supervisor",
            "Sgt Roe",
            "--advice",
            "Decline.",
        )
        err = capsys.readouterr().err
        assert code == 4
        assert "the disk is full" in err and "I/O error" not in err
