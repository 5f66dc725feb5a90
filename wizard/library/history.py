"""Every published version of every tree, kept as its exact bytes in
`trees/history/TREE_ID/VERSION.yaml`, so that a record naming a tree's id, version and SHA-256
can always be re-checked, re-rendered and compared with today's trees.

The loader never reads this folder as trees (wizard/library/folder.py reads only the top level and
sources/, questions/ and scenarios/). A tree's SHA-256 covers its own file only: the words of
the shared questions it asks (trees/questions/) and the guidance it quotes (trees/sources/) are
not in it and not kept here; a change there is shown by `diff`, and the trees that ask or quote
the changed text get a new version (trees/README.md, "Publishing a new version").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

from wizard.core.catalog import Catalog, load_catalog
from wizard.core.documents import parse_tree
from wizard.core.model import Tree
from wizard.core.parsed import sha256_of
from wizard.core.problems import Problem
from wizard.library.atomicfile import SaveError, write_bytes_new
from wizard.library.folder import MAX_FILE_BYTES, SUFFIXES, load_folder

HISTORY = "history"


@dataclass(frozen=True)
class PublishedTree:
    """One published version of a tree: its file in the history folder and its exact bytes."""

    tree_id: str
    version: str
    sha256: str
    path: Path
    data: bytes


class TreeRefLike(Protocol):
    """What a record names of a tree (wizard.core.transcript.TreeRef has these)."""

    @property
    def id(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def sha256(self) -> str: ...


def history_folder(trees: Path) -> Path:
    return Path(trees) / HISTORY


def version_path(trees: Path, tree_id: str, version: str) -> Path:
    """Where a version of a tree is kept: history/TREE_ID/VERSION.yaml (unsafe characters of
    the version %-escaped, so that any version names one file)."""
    return history_folder(trees) / tree_id / f"{quote(version, safe='')}.yaml"


def _safe_id(tree_id: str) -> bool:
    """A tree id that names a folder inside the history folder (never '..' or a path)."""
    return bool(re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]*", tree_id))


def _read(path: Path) -> bytes | None:
    """A history file's bytes, or None if it is missing, unreadable or larger than a tree."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


def find_tree(trees: Path, tree_id: str, version: str, sha256: str) -> PublishedTree | None:
    """The published tree with this id, version and SHA-256, from the history folder of the
    trees folder `trees`, or None if it is not kept there.

    For a record naming a tree not at hand in today's trees: its bytes can be loaded (see
    `published_catalog`) to re-check or re-render the walk. Only the file named for the version
    is read, and bytes that do not match `sha256` are never returned."""
    if not _safe_id(tree_id):
        return None
    path = version_path(trees, tree_id, version)
    data = _read(path)
    if data is None or sha256_of(data) != sha256:
        return None
    return PublishedTree(tree_id, version, sha256, path, data)


def published_catalog(trees: Path, refs: Iterable[TreeRefLike]) -> Catalog | None:
    """The trees a walk used (`refs`: a transcript's `trees`), each as it was published, with
    today's sources and shared questions from `trees`; None if one of them is not found.

    A tree whose current file has the same SHA-256 is taken from the trees folder, any other
    from the history folder. Pass the result to wizard.core.walkcheck.check_walk."""
    files: list[tuple[str, bytes]] = []
    for ref in refs:
        current = _current_file(trees, ref.id, ref.sha256)
        found = current or find_tree(trees, ref.id, ref.version, ref.sha256)
        if found is None:
            return None
        files.append((str(found.path), found.data))
    return load_catalog(
        files,
        _yaml_files(Path(trees) / "sources"),
        questions=_yaml_files(Path(trees) / "questions"),
    )


def _current_file(trees: Path, tree_id: str, sha256: str) -> PublishedTree | None:
    """Today's file of the tree in `trees`, if it has these bytes."""
    for path in sorted(Path(trees).glob("*")):
        if path.name.endswith(SUFFIXES):
            data = _read(path)
            if data is not None and sha256_of(data) == sha256:
                tree, _ = parse_tree(data, str(path))
                if tree is not None and tree.id == tree_id:
                    return PublishedTree(tree_id, tree.version, sha256, path, data)
    return None


def _yaml_files(folder: Path) -> list[tuple[str, bytes]]:
    out = []
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        data = _read(path) if path.name.endswith(SUFFIXES) else None
        if data is not None:
            out.append((str(path), data))
    return out


# -- validate and publish
def version_problems(trees: Path, catalog: Catalog) -> list[Problem]:
    """Problems `validate` reports: a tree that differs from the published file of the version
    it still names, and a history file that is not the tree and version it is named for."""
    out = [p for t in catalog.trees.values() if (p := _kept_version(trees, t)) is not None]
    return out + _history_files(trees)


def _kept_version(trees: Path, tree: Tree) -> Problem | None:
    """A problem if `tree` names a published version but is not that version's bytes."""
    if not _safe_id(tree.id):
        return None
    path = version_path(trees, tree.id, tree.version)
    data = _read(path)
    if data is None or sha256_of(data) == tree.sha256:
        return None
    where = tree.field_pos.get("version", tree.pos)
    bumped = next_version(trees, tree.id, tree.version)
    return Problem(
        tree.name,
        where.line or 1,
        where.column or 1,
        f"the tree '{tree.id}' has changed since version {tree.version} was "
        f'published ({path}), but still says version "{tree.version}"',
        f"a published version is never changed: give it a new version (e.g. "
        f'"{bumped}") and its effective date, then run `python -m wizard diff` and '
        f"`python -m wizard publish`; if the change was not meant, copy {path} back",
    )


def next_version(trees: Path, tree_id: str, version: str) -> str:
    """A version after `version` not yet published: its last number raised ("1.9" -> "1.10")."""
    head, number = re.match(r"(.*?)(\d*)$", version).groups()  # type: ignore[union-attr]
    n = int(number) + 1 if number else 1
    candidate = f"{head}{n}" if number else f"{version}.1"
    while version_path(trees, tree_id, candidate).exists():
        n += 1
        candidate = f"{head}{n}" if number else f"{version}.{n}"
    return candidate


def _history_files(trees: Path) -> list[Problem]:
    """Each history file must be a tree with the id and version it is kept under."""
    root = history_folder(trees)
    out = []
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            if path.name.endswith(SUFFIXES):
                problem = _history_file(path, folder.name)
                if problem is not None:
                    out.append(problem)
    return out


def _history_file(path: Path, tree_id: str) -> Problem | None:
    data = _read(path)
    tree = parse_tree(data, str(path))[0] if data is not None else None
    if tree is None:
        return Problem(
            str(path),
            0,
            0,
            "this published version cannot be read as a tree",
            "restore it from the release it was published in (git)",
        )
    if tree.id == tree_id and version_path(path.parents[2], tree.id, tree.version) == path:
        return None
    where = tree.field_pos.get("version", tree.pos)
    return Problem(
        str(path),
        where.line or 1,
        where.column or 1,
        f"this file is kept as {tree_id} version {path.stem}, but it is the tree "
        f"'{tree.id}' version \"{tree.version}\"",
        "a history file is published by `python -m wizard publish`: move it back "
        "to where publish put it, or restore it from git",
    )


def publish(trees: Path, catalog: Catalog | None = None) -> tuple[list[Path], list[Problem]]:
    """Keep each tree of `trees` whose version is not yet in the history folder, as its exact
    bytes; a version already kept with other bytes is never replaced but reported.
    Returns the files written and the trees refused."""
    trees = Path(trees)
    catalog = catalog if catalog is not None else load_folder(trees, scenarios=False)
    written: list[Path] = []
    problems: list[Problem] = []
    for tree in catalog.sorted_trees():
        problem = _kept_version(trees, tree)
        path = version_path(trees, tree.id, tree.version)
        data = _read(Path(tree.name))
        if problem is not None:
            problems.append(problem)
        elif not path.exists() and data is not None and sha256_of(data) == tree.sha256:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                write_bytes_new(path, data)
            except (FileExistsError, SaveError) as exc:
                problems.append(
                    Problem(
                        str(path),
                        0,
                        0,
                        f"cannot publish: {exc}",
                        "check the history folder, then publish again",
                    )
                )
                continue
            written.append(path)
    return written, problems
