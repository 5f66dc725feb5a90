"""The Qt binding installed must not lose references to None: PySide6 6.12.0 on Python 3.11 does,
one per call of a method that returns nothing, and the program then dies (after some thousands of
calls, e.g. painting a map or typing in a search box) with "deallocating None"."""

from __future__ import annotations

import sys

import pytest


@pytest.mark.gui
def test_calls_that_return_nothing_keep_none_alive(qapp) -> None:
    from PySide6.QtWidgets import QLabel

    label = QLabel("x")
    before = sys.getrefcount(None)
    for _ in range(200):
        label.setText("y")
    assert sys.getrefcount(None) >= before - 10, (
        "this PySide6 loses references to None: install another version (see pyproject.toml)"
    )
