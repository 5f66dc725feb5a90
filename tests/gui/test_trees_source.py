"""The window's trees: a folder set by --trees or the setting is used when sound; otherwise the
bundled trees are, and the screen says why."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from wizard.cli.main import main
from wizard.gui import app as gui_app
from wizard.gui.settings import Preferences
from wizard.library.choose import ENV_VAR

pytestmark = pytest.mark.gui


@pytest.fixture
def opened(qtbot, monkeypatch, example_trees, tmp_path):
    """Run the program's start-up with the example trees as the bundled ones; the windows made."""
    bundled = tmp_path / "bundled"
    (bundled / "sources").mkdir(parents=True)
    shutil.copy(example_trees / "photos.yaml", bundled)
    shutil.copy(example_trees / "sources" / "example-guidance.yaml", bundled / "sources")
    monkeypatch.setattr("wizard.library.choose.bundled_trees", lambda: bundled)
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    windows = []
    real_create = gui_app.create_window

    def create(*args):
        window = real_create(*args)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    monkeypatch.setattr(gui_app, "create_window", create)
    return windows


def test_an_unreachable_trees_folder_falls_back_and_the_screen_says_so(opened, tmp_path):
    assert main(["--trees", str(tmp_path / "offline-share")]) == 0
    window = opened[0]
    assert window.notice.isVisible()
    text = window.notice.text()
    assert str(tmp_path / "offline-share") in text and "came with the program" in text
    assert window.notice.accessibleDescription() == text
    assert list(window.home.tiles) == ["photos"]  # the bundled trees work


def test_the_setting_points_the_window_at_a_share(opened, example_trees):
    QCoreApplication.setOrganizationName(gui_app.ORGANISATION)
    QCoreApplication.setApplicationName(gui_app.APPLICATION)
    Preferences().trees_folder = str(example_trees)
    assert main([]) == 0
    window = opened[0]
    assert window.folder == example_trees and not window.notice.isVisible()
    assert set(window.home.tiles) == {"photos"}  # start is the "Not sure" entry, not a tile
    assert "start" in window.catalog.trees


def test_a_share_with_a_broken_tree_is_not_used(opened, tmp_path, example_trees):
    share = tmp_path / "share"
    shutil.copytree(example_trees, share)
    photos = share / "photos.yaml"
    photos.write_text(photos.read_text().replace("verdict: do_not", "verdict: forbidden"))
    assert main(["--trees", str(share)]) == 0
    window = opened[0]
    assert "start" not in window.catalog.trees
    assert f"{photos}:" in window.notice.text() and "forbidden" in window.notice.text()
