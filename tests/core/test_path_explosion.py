"""A tree whose paths multiply (issue 18, item 9): the validator warns, and `paths` and the
self-test stay bounded, working on the map of questions and answers rather than on every path."""

from __future__ import annotations

import argparse
from pathlib import Path

from tests.core.helpers import SOURCE
from tests.core.treegen import chain_tree_yaml
from wizard.cli.main import main
from wizard.cli.selftest import Context, check_every_path
from wizard.core.paths import PATHS_REVIEWABLE, PATHS_SHOWN, all_paths, count_paths, longest_path
from wizard.library.choose import TreeSource
from wizard.library.folder import load_folder


def chain_folder(tmp_path: Path, questions: int) -> Path:
    """A trees folder holding only the chain tree and its source."""
    folder = tmp_path / f"chain{questions}"
    (folder / "sources").mkdir(parents=True)
    (folder / "chain.yaml").write_text(chain_tree_yaml(questions), encoding="utf-8")
    (folder / "sources" / "src.yaml").write_text(SOURCE, encoding="utf-8")
    return folder


def test_validate_warns_of_more_paths_than_anyone_can_review_but_passes(tmp_path, capsys):
    folder = chain_folder(tmp_path, 18)
    code = main(["validate", str(folder)])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    warnings = [line for line in out.splitlines() if "262,144 paths" in line]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{folder / 'chain.yaml'}:1:1: warning: ")
    assert f"{PATHS_REVIEWABLE:,}" in warnings[0]
    assert err.startswith("OK:") and "1 warning" in err


def test_validate_says_nothing_of_paths_for_a_tree_of_reviewable_size(example_trees, capsys):
    assert main(["validate", str(example_trees)]) == 0
    out, err = capsys.readouterr()
    assert "warning" not in out + err


def test_paths_lists_a_bounded_number_and_says_how_many_there_are(tmp_path, capsys):
    folder = chain_folder(tmp_path, 20)
    assert main(["--trees", str(folder), "paths", "chain"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert "1,048,576 paths" in lines[0]
    assert f"only the first {PATHS_SHOWN:,} of 1,048,576 paths are listed" in lines[1]
    assert sum(line.startswith("path ") for line in lines) == PATHS_SHOWN
    assert f"{1_048_576 - PATHS_SHOWN:,} more paths not listed" in lines[-1]


def test_the_self_test_takes_every_answer_of_a_tree_with_a_million_paths(tmp_path):
    folder = chain_folder(tmp_path, 20)
    catalog = load_folder(folder)
    ctx = Context(
        argparse.Namespace(trees=None), folder, tmp_path, _source=TreeSource(folder, catalog)
    )
    line = check_every_path(ctx)
    assert "1,048,576 path(s) in 1 tree(s) end at an outcome" in line
    assert "40 answer(s)" in line and "not walked one by one" in line
    assert 0 < len(ctx.transcripts) <= 41  # a walk per answer, and the longest
    assert max(len(t.steps) for t in ctx.transcripts) == 20


def test_counting_on_the_map_agrees_with_listing_every_path(example_catalog):
    for tree_id in example_catalog.trees:
        paths = all_paths(example_catalog, tree_id)
        assert count_paths(example_catalog, tree_id) == len(paths)
        longest = longest_path(example_catalog, tree_id)
        assert len(longest.steps) == max(len(p.steps) for p in paths)
