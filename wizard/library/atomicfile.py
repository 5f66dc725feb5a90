"""Write a file whole or not at all: a temporary file beside it, flushed, then renamed over it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path


class SaveError(Exception):
    """A save that failed, in one line that says what went wrong and what to do."""


def explain(exc: OSError, path: Path) -> str:
    """One line for a user: what went wrong and what to do."""
    import errno

    what = {
        errno.ENOENT: ("the folder does not exist", "choose another folder"),
        errno.EACCES: ("you may not write there", "choose a folder you can write to"),
        errno.EPERM: ("you may not write there", "choose a folder you can write to"),
        errno.ENOSPC: ("the disk is full", "free some space or choose another drive"),
        errno.EROFS: ("the drive is read-only", "choose another drive"),
        errno.EISDIR: ("a folder has that name", "choose another file name"),
        errno.ENAMETOOLONG: ("the file name is too long", "choose a shorter name"),
    }.get(exc.errno or 0, (exc.strerror or str(exc), "try another folder"))
    return f"Could not save {path}: {what[0]}; {what[1]}."


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces `path` atomically.

    On any failure the temporary file is removed and `path` is left as it was.
    """
    path = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise SaveError(explain(exc, path)) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb+") as f:  # the writer may have closed it without fsync
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise SaveError(explain(exc, path)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, write: Callable[[Path], object]) -> None:
    """Call `write(tmp_path)`, then move the result into place; SaveError on failure."""
    with atomic_path(path) as tmp:
        write(tmp)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    write_atomic(path, lambda tmp: tmp.write_bytes(data))


def write_bytes_new(path: Path, data: bytes) -> None:
    """Write a new file whole, never replacing one: FileExistsError if `path` is taken.

    The bytes go to a temporary file first and are hard-linked into place (atomic, and refused
    if the name exists); where links are unsupported, the name is reserved with O_EXCL first.
    SaveError for any other failure; no temporary file is left behind.
    """
    path = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise SaveError(explain(exc, path)) from exc
    tmp = Path(tmp_name)
    try:
        with open(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        _link_new(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:
        raise SaveError(explain(exc, path)) from exc
    finally:
        tmp.unlink(missing_ok=True)


def _link_new(tmp: Path, path: Path) -> None:
    """Give `tmp`'s bytes the name `path`, refusing (FileExistsError) if it is taken."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (FAT, some shares): reserve, then replace
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        os.replace(tmp, path)
