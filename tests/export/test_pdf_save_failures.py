"""A failed save leaves no file, half or whole, and says in one line what went wrong and what to do
(the full-disk case on a real tiny disk is in test_cli_pdf.py)."""

from __future__ import annotations

import errno
import os
import tempfile

import pytest

from wizard.core.replay import replay
from wizard.export import pdf
from wizard.export.pdf import write_reasoning_pdf
from wizard.library.atomicfile import SaveError

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _qt(qapp):
    return qapp


@pytest.fixture
def transcript(example_catalog):
    return replay(
        example_catalog, "photos", {"candidate_present": "yes", "staged": "yes"}
    ).walk.transcript()


def _one_line(exc: pytest.ExceptionInfo) -> str:
    message = str(exc.value)
    assert "\n" not in message
    return message


def test_no_such_folder(tmp_path, transcript):
    target = tmp_path / "missing" / "record.pdf"
    with pytest.raises(SaveError) as exc:
        write_reasoning_pdf(target, transcript)
    assert "the folder does not exist; choose another folder" in _one_line(exc)
    assert not (tmp_path / "missing").exists()


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0,
    reason="root may write anywhere; the monkeypatched test below covers it",
)
def test_no_permission_for_real(tmp_path, transcript):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    with pytest.raises(SaveError) as exc:
        write_reasoning_pdf(locked / "record.pdf", transcript)
    assert "you may not write there" in _one_line(exc)
    assert list(locked.iterdir()) == []


def test_no_permission(tmp_path, transcript, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(SaveError) as exc:
        write_reasoning_pdf(tmp_path / "record.pdf", transcript)
    assert "you may not write there; choose a folder you can write to" in _one_line(exc)
    assert list(tmp_path.iterdir()) == []


def test_disk_full_half_way_leaves_no_file_and_no_temporary(tmp_path, transcript, monkeypatch):
    written = []

    def fill_up(tmp, data):
        with open(tmp, "wb") as f:
            f.write(data[: len(data) // 2])  # half the PDF reaches the disk, then it is full
        written.append(tmp)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pdf, "_write_bytes", fill_up)
    with pytest.raises(SaveError) as exc:
        write_reasoning_pdf(tmp_path / "record.pdf", transcript)
    assert "the disk is full; free some space or choose another drive" in _one_line(exc)
    assert written and written[0].parent == tmp_path  # the half file was really there...
    assert list(tmp_path.iterdir()) == []  # ...and is gone


def test_a_failed_save_leaves_an_earlier_file_as_it_was(tmp_path, transcript, monkeypatch):
    target = tmp_path / "record.pdf"
    target.write_bytes(b"the earlier record")

    def fail(tmp, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pdf, "_write_bytes", fail)
    with pytest.raises(SaveError):
        write_reasoning_pdf(target, transcript)
    assert target.read_bytes() == b"the earlier record"
    assert [p.name for p in tmp_path.iterdir()] == ["record.pdf"]


def test_a_folder_with_that_name(tmp_path, transcript):
    (tmp_path / "record.pdf").mkdir()
    with pytest.raises(SaveError) as exc:
        write_reasoning_pdf(tmp_path / "record.pdf", transcript)
    assert "a folder has that name; choose another file name" in _one_line(exc)
    assert [p.name for p in tmp_path.iterdir()] == ["record.pdf"]


def test_a_save_replaces_an_earlier_file_whole(tmp_path, transcript):
    target = tmp_path / "record.pdf"
    target.write_bytes(b"old")
    write_reasoning_pdf(target, transcript)
    assert target.read_bytes().startswith(b"%PDF-") and target.read_bytes().rstrip().endswith(
        b"%%EOF"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["record.pdf"]
