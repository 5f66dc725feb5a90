"""Shipped files are found beside the source or inside a frozen bundle; the records never go
inside the bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from wizard.library import locations
from wizard.library.locations import app_root, bundled_trees, inside_bundle
from wizard.records.datadir import ENV, data_dir


@pytest.fixture
def frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend to be a PyInstaller one-folder build living in tmp_path/app."""
    app = tmp_path / "app"
    (app / "_internal").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(app / "_internal"), raising=False)
    monkeypatch.setattr(sys, "executable", str(app / "purdah-wizard"))
    return app


def test_from_source_the_trees_are_beside_the_package() -> None:
    assert bundled_trees() == Path(locations.__file__).resolve().parents[2] / "trees"


def test_frozen_the_trees_are_inside_the_bundle(frozen: Path) -> None:
    assert app_root() == frozen / "_internal"
    assert bundled_trees() == frozen / "_internal" / "trees"


def test_frozen_records_never_go_inside_the_bundle(
    frozen: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inside = frozen / "_internal" / "records"
    monkeypatch.setenv(ENV, str(inside))
    monkeypatch.setenv("XDG_DATA_HOME", str(frozen.parent / "data"))
    assert inside_bundle(inside) and inside_bundle(frozen / "records")  # beside the .exe too
    default = frozen.parent / "data" / "Purdah Wizard" / "Purdah Wizard"
    assert data_dir() == default
    assert data_dir(option=str(frozen / "records")) == default
    assert data_dir(setting=str(frozen.parent / "share")) == frozen.parent / "share"


def test_from_source_nothing_counts_as_inside_the_bundle(tmp_path: Path) -> None:
    assert not inside_bundle(app_root() / "records")
