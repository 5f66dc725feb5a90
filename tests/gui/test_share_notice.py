"""A window on a share's trees says how many situations they decide otherwise than the bundled
trees (issue 20), once the comparison made after the first screen is done."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import EXAMPLE_TREES
from wizard.gui.share_notice import compare_share, share_line
from wizard.library.folder import load_folder

pytestmark = pytest.mark.gui


def share_with_a_changed_verdict(tmp_path):
    share = tmp_path / "share"
    shutil.copytree(EXAMPLE_TREES, share)
    photos = share / "photos.yaml"
    text = photos.read_text(encoding="utf-8")
    assert "verdict: do_not" in text
    photos.write_text(
        text.replace("verdict: do_not", "verdict: speak_to_supervisor", 1).replace(
            'version: "1.0"', 'version: "1.1"', 1
        ),
        encoding="utf-8",
    )
    return share


def test_the_notice_counts_the_situations_the_share_decides_otherwise(qtbot, tmp_path):
    from wizard.gui.app import create_window

    share = share_with_a_changed_verdict(tmp_path)
    catalog = load_folder(share)
    window = create_window(share, catalog)
    qtbot.addWidget(window)
    compare_share(window, share, catalog, EXAMPLE_TREES)
    qtbot.waitUntil(lambda: "different verdict" in window.notice.text(), timeout=20000)
    text = window.notice.text()
    assert str(share) in text and "reach a different verdict" in text, text
    assert not window.notice.isHidden()


def test_a_share_like_the_bundled_trees_says_so():
    assert "reach the same verdicts" in share_line(EXAMPLE_TREES, 0, 0)
    assert "2 situation(s) reach a different verdict and 1 can no longer be answered" in share_line(
        EXAMPLE_TREES, 2, 1
    )
