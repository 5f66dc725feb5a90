"""Shared test set-up: Qt runs offscreen, and the example trees are at hand."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE_TREES = FIXTURES / "trees"
SHIPPED_TREES = Path(__file__).parent.parent / "trees"


@pytest.fixture
def example_trees() -> Path:
    """The folder of small made-up trees the tests walk."""
    return EXAMPLE_TREES


@pytest.fixture
def example_catalog():
    from wizard.library.folder import load_folder

    return load_folder(EXAMPLE_TREES)


@pytest.fixture
def trees(tmp_path: Path, example_trees: Path) -> Path:
    """A copy of the example trees that a test may break, or that the program may write beside."""
    folder = tmp_path / "trees"
    shutil.copytree(example_trees, folder)
    return folder


@pytest.fixture
def share(tmp_path: Path, example_trees: Path) -> Path:
    """A copy of the example trees standing in for the policy team's share."""
    folder = tmp_path / "share"
    shutil.copytree(example_trees, folder)
    return folder


@pytest.fixture
def bundled(tmp_path: Path, example_trees: Path) -> Path:
    """A bundled folder with only the example source and the start tree's topic, photos."""
    folder = tmp_path / "bundled"
    (folder / "sources").mkdir(parents=True)
    shutil.copy(example_trees / "photos.yaml", folder)
    shutil.copy(example_trees / "sources" / "example-guidance.yaml", folder / "sources")
    return folder
