"""The parsed-trees cache beside the bundled trees: a faster start that never shows stale text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.library import cache as treecache
from wizard.library.cache import CACHE_NAME, needs_writing, read_cache, write_cache
from wizard.library.folder import load_folder


def cached_load(folder: Path):
    parsed = read_cache(folder)
    return load_folder(folder, parsed=parsed), parsed


def test_a_first_start_parses_and_keeps_every_file_and_the_next_reads_them_back(
    trees: Path,
) -> None:
    catalog, parsed = cached_load(trees)
    files = len(list(trees.rglob("*.yaml")))
    assert parsed.added == files and needs_writing(parsed)
    assert write_cache(trees, parsed)

    again, reread = cached_load(trees)
    assert reread.added == 0 and len(reread.used) == files and not needs_writing(reread)
    assert again.trees == catalog.trees and again.sources == catalog.sources
    assert again.scenarios == catalog.scenarios
    assert sorted(again.problems) == sorted(catalog.problems)


def test_an_edited_tree_shows_its_new_text_not_the_kept_one(trees: Path) -> None:
    write_cache(trees, cached_load(trees)[1])
    photos = trees / "photos.yaml"
    photos.write_text(photos.read_text().replace("title: ", "title: Edited ", 1))
    catalog, parsed = cached_load(trees)
    assert catalog.tree("photos").title.startswith("Edited ")
    assert parsed.added == 1 and needs_writing(parsed)
    write_cache(trees, parsed)
    kept = json.loads((trees / CACHE_NAME).read_text())["documents"]
    assert len(kept) == len(list(trees.rglob("*.yaml")))  # the old entry is not kept


def test_a_broken_tree_is_never_kept_and_keeps_its_problem_on_every_start(trees: Path) -> None:
    (trees / "photos.yaml").write_text("id: photos\ntitle: [unclosed\n")
    first, parsed = cached_load(trees)
    write_cache(trees, parsed)
    second, _ = cached_load(trees)
    assert "photos" not in second.trees
    assert [str(p) for p in second.problems] == [str(p) for p in first.problems]
    assert any("photos.yaml" in p.file and p.line for p in second.problems)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"format": 999, "documents": {}}',
        b'{"format": 1, "reader": "someone else", "documents": {}}',
        b'{"format": 1, "reader": null, "documents": []}',
    ],
    ids=["empty", "not-json", "not-a-mapping", "newer-format", "other-reader", "bad-documents"],
)
def test_a_damaged_or_foreign_cache_is_ignored(trees: Path, content: bytes) -> None:
    (trees / CACHE_NAME).write_bytes(content)
    catalog, parsed = cached_load(trees)
    assert parsed.used == set(parsed.entries) or not parsed.entries
    assert catalog.trees == load_folder(trees).trees


def test_a_cache_from_other_reading_code_is_ignored(
    trees: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_cache(trees, cached_load(trees)[1])
    monkeypatch.setattr(treecache, "reader_id", lambda: "the reader after a change")
    assert read_cache(trees).entries == {}


def test_the_frozen_program_never_writes_inside_its_own_folder(
    trees: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(treecache, "inside_bundle", lambda path: True)
    assert not write_cache(trees, cached_load(trees)[1])
    assert not (trees / CACHE_NAME).exists()


def test_a_disk_that_fills_up_mid_write_leaves_no_half_file(
    trees: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    def full_disk(fd: int) -> None:  # the temporary file is written; making it safe fails
        raise OSError(errno.ENOSPC, "No space left on device")

    parsed = cached_load(trees)[1]
    monkeypatch.setattr(os, "fsync", full_disk)
    assert not write_cache(trees, parsed)
    assert sorted(p.name for p in trees.iterdir() if p.is_file() and "parsed" in p.name) == []


def test_with_every_file_kept_pyyaml_is_not_even_imported(trees: Path) -> None:
    write_cache(trees, cached_load(trees)[1])
    code = (
        "import sys; from pathlib import Path; from wizard.library.cache import read_cache; "
        "from wizard.library.folder import load_folder; f = Path(sys.argv[1]); "
        "c = load_folder(f, parsed=read_cache(f)); "
        "print(len(c.trees), 'yaml' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(trees)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == [str(len(load_folder(trees).trees)), "False"]


def test_the_build_writes_a_cache_that_covers_every_file(trees: Path, tmp_path: Path) -> None:
    (trees / CACHE_NAME).write_bytes(treecache.fresh_cache(trees))
    catalog, parsed = cached_load(trees)
    assert parsed.added == 0 and len(parsed.used) == len(list(trees.rglob("*.yaml")))
    assert catalog.trees == load_folder(trees).trees
