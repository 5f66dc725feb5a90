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


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> None:
    """Every QSettings a test makes, even one without a file (the window's, or the command line
    reading the window's records-server settings), lives under tmp_path: never the settings of
    the machine running the tests, and never another test's."""
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "user-settings"))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(tmp_path / "system-settings"))


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


# One election's pre-election period, for walks made inside it (e.g. 1 April 2027) and outside
# every period (e.g. 7 December 2026).
LOCAL_ELECTION_2027 = """\
elections:
  - id: local
    name: Local council elections
    polling_day: 2027-05-06
    areas: [Coventry]
    period_start: 2027-03-25
    period_end: 2027-05-07
"""


@pytest.fixture
def trees_with_calendar(trees: Path) -> Path:
    """A copy of the example trees with a calendar of one election (LOCAL_ELECTION_2027)."""
    (trees / "calendar.yaml").write_text(LOCAL_ELECTION_2027, encoding="utf-8")
    return trees


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
