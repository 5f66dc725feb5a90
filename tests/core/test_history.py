"""Every published version findable: trees/history/TREE_ID/VERSION.yaml, the lookup a record's
check uses, `publish`, and `validate` refusing a changed tree that keeps its version."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from tests.conftest import SHIPPED_TREES
from tests.core import release
from wizard.cli.main import EXIT_PROBLEMS, main
from wizard.core.parsed import sha256_of
from wizard.core.replay import replay
from wizard.core.walkcheck import check_walk
from wizard.library.folder import load_folder
from wizard.library.history import find_tree, publish, published_catalog, version_path

WALKED = dt.datetime(2026, 5, 1, 9, 30, tzinfo=dt.UTC)


def published(tmp_path: Path) -> Path:
    """The old release, with its trees published to its history folder."""
    folder = release.old_folder(tmp_path)
    added, problems = publish(folder)
    assert problems == [] and len(added) == 2
    return folder


def edit_photos(folder: Path, old: str, new: str) -> Path:
    path = folder / "photos.yaml"
    path.write_text(path.read_text().replace(old, new, 1))
    return path


def test_publish_keeps_each_version_as_its_exact_bytes(tmp_path):
    folder = published(tmp_path)
    kept = folder / "history" / "photos" / "1.0.yaml"
    assert kept == version_path(folder, "photos", "1.0")
    assert kept.read_bytes() == (folder / "photos.yaml").read_bytes()
    assert publish(folder) == ([], [])  # nothing new: nothing written


def test_the_history_folder_is_never_loaded_as_trees(tmp_path):
    folder = published(tmp_path)
    edit_photos(folder, 'version: "1.0"', 'version: "1.1"')
    cat = load_folder(folder)
    assert sorted(cat.trees) == ["photos", "start"] and cat.tree("photos").version == "1.1"
    assert not any("history" in p.file for p in cat.problems)


def test_a_tree_is_found_by_id_version_and_sha256(tmp_path):
    folder = published(tmp_path)
    sha = sha256_of((folder / "photos.yaml").read_bytes())
    edit_photos(folder, 'version: "1.0"', 'version: "1.1"')
    found = find_tree(folder, "photos", "1.0", sha)
    assert found is not None and found.path == folder / "history" / "photos" / "1.0.yaml"
    assert sha256_of(found.data) == sha and found.version == "1.0"
    assert find_tree(folder, "photos", "1.0", "0" * 64) is None  # other bytes: not that tree
    assert find_tree(folder, "photos", "0.9", sha) is None
    assert find_tree(folder, "nothing", "1.0", sha) is None
    assert find_tree(folder, "..", "1.0", sha) is None  # never outside the history folder


def test_a_walk_on_an_older_version_is_replayed_on_that_version(tmp_path):
    folder = published(tmp_path)
    walk = replay(
        load_folder(folder),
        "photos",
        {"candidate_present": "yes", "staged": "yes"},
        clock=lambda: WALKED,
    ).walk.transcript()
    edit_photos(folder, 'version: "1.0"', 'version: "1.1"')
    assert not check_walk(load_folder(folder), walk).checked  # today's trees: another version
    then = published_catalog(folder, walk.trees)
    assert then is not None and then.tree("photos").version == "1.0"
    result = check_walk(then, walk)
    assert result.checked and result.matches


def test_validate_refuses_a_changed_tree_that_keeps_its_version(tmp_path, capsys):
    folder = published(tmp_path)
    path = edit_photos(folder, "advice: Decline politely.", "advice: Decline.")
    assert main(["validate", str(folder)]) == EXIT_PROBLEMS
    out = capsys.readouterr().out
    line = next(n for n, t in enumerate(path.read_text().splitlines(), 1) if "version:" in t)
    assert f"{path}:{line}:" in out
    assert "version 1.0 was published" in out and 'new version (e.g. "1.1")' in out
    assert "history/photos/1.0.yaml" in out
    edit_photos(folder, 'version: "1.0"', 'version: "1.1"')
    assert main(["validate", str(folder)]) == 0


def test_validate_of_the_one_file_says_so_too(tmp_path, capsys):
    folder = published(tmp_path)
    path = edit_photos(folder, "advice: Decline politely.", "advice: Decline.")
    assert main(["validate", str(path)]) == EXIT_PROBLEMS
    assert "was published" in capsys.readouterr().out


def test_publish_refuses_to_replace_a_published_version(tmp_path, capsys):
    folder = published(tmp_path)
    edit_photos(folder, "advice: Decline politely.", "advice: Decline.")
    added, problems = publish(folder)
    assert added == [] and len(problems) == 1 and "was published" in problems[0].message
    kept = version_path(folder, "photos", "1.0").read_text()
    assert "Decline politely." in kept  # history is never rewritten


def test_a_history_file_that_is_not_the_version_it_is_named_for_is_reported(tmp_path, capsys):
    folder = published(tmp_path)
    shutil.copy(folder / "start.yaml", folder / "history" / "photos" / "0.9.yaml")
    assert main(["validate", str(folder)]) == EXIT_PROBLEMS
    out = capsys.readouterr().out
    assert "0.9.yaml" in out and "'start'" in out


def test_the_command_publishes(tmp_path, capsys):
    folder = release.old_folder(tmp_path)
    assert main(["publish", str(folder)]) == 0
    assert "history/photos/1.0.yaml" in capsys.readouterr().out
    assert version_path(folder, "start", "1.0").exists()


def test_every_shipped_tree_is_in_the_history_and_findable():
    cat = load_folder(SHIPPED_TREES, scenarios=False)
    for tree in cat.trees.values():
        found = find_tree(SHIPPED_TREES, tree.id, tree.version, tree.sha256)
        assert found is not None, f"{tree.id} {tree.version}: run `python -m wizard publish`"
