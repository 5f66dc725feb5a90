"""The parsed-trees cache: the bundled trees as already parsed, so that the window starts without
PyYAML and without parsing files that have not changed (issue 8: start-up time).

`.parsed-trees.json` sits beside the bundled trees only: it is as trustworthy as they are (the
same folder, written by the same build), which a cache in the user's own folders would not be.
Each entry is keyed by the SHA-256 of a file's bytes, so a changed file is simply parsed again;
every check still runs on every file. The file also names the reader that wrote it (a hash of
the reading code and PyYAML's version); from source, a cache written by other code is ignored.
The frozen program cannot hash its code, so it trusts the cache its build wrote beside it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from wizard.core.parsed import FORMAT, ParsedDocuments
from wizard.library.locations import inside_bundle, is_frozen

CACHE_NAME = ".parsed-trees.json"
# The code whose output the cache holds; any change to it makes old caches unusable.
READER_MODULES = ("yamlread.py", "marked.py", "parsed.py")


def cache_file(folder: Path) -> Path:
    return folder / CACHE_NAME


def reader_id() -> str | None:
    """A hash of the reading code and PyYAML's version; None when frozen (see the docstring)."""
    if is_frozen():
        return None
    import importlib.util

    h = hashlib.sha256(f"format {FORMAT}".encode())
    core = Path(__file__).resolve().parents[1] / "core"
    for name in READER_MODULES:
        h.update((core / name).read_bytes())
    spec = importlib.util.find_spec("yaml")
    if spec is not None and spec.origin:
        h.update(Path(spec.origin).read_bytes())  # holds PyYAML's __version__
    return h.hexdigest()


def read_cache(folder: Path) -> ParsedDocuments:
    """The cache beside these trees; empty if there is none, or it is damaged or out of date."""
    try:
        data = json.loads(cache_file(folder).read_bytes())
    except (OSError, ValueError):
        return ParsedDocuments()
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return ParsedDocuments()
    expected = reader_id()
    if expected is not None and data.get("reader") != expected:
        return ParsedDocuments()
    documents = data.get("documents")
    return ParsedDocuments(documents) if isinstance(documents, dict) else ParsedDocuments()


def needs_writing(parsed: ParsedDocuments) -> bool:
    """Whether the cache file would change: a file was parsed anew, or an entry went unused."""
    return parsed.added > 0 or len(parsed.in_use()) != len(parsed.entries)


def write_cache(folder: Path, parsed: ParsedDocuments) -> bool:
    """Write the entries used in this load beside the trees, whole or not at all. Never inside
    a frozen program's folder (its build writes it); False if it could not be written."""
    from wizard.library.atomicfile import SaveError, write_bytes_atomic

    if inside_bundle(folder):
        return False
    try:
        write_bytes_atomic(cache_file(folder), cache_bytes(parsed))
    except SaveError:
        return False
    return True


def cache_bytes(parsed: ParsedDocuments) -> bytes:
    """The cache file's content: the entries used in this load, and who wrote them."""
    payload = {"format": FORMAT, "reader": reader_id(), "documents": parsed.in_use()}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def fresh_cache(folder: Path) -> bytes:
    """Parse every tree, source, shared question and scenario in `folder` and return the cache
    for them (for the build, which puts it beside the bundled trees)."""
    from wizard.library.folder import load_folder

    parsed = ParsedDocuments()
    load_folder(folder, parsed=parsed)
    return cache_bytes(parsed)
