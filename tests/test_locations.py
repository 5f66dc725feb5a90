"""Shipped files are found beside the source or inside a frozen bundle; written files never go
inside the bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from wizard import locations
from wizard.locations import DATA_ENV, app_root, bundled_trees, inside_bundle, user_data_dir


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
    assert bundled_trees() == Path(locations.__file__).resolve().parent.parent / "trees"


def test_frozen_the_trees_are_inside_the_bundle(frozen: Path) -> None:
    assert app_root() == frozen / "_internal"
    assert bundled_trees() == frozen / "_internal" / "trees"


@pytest.mark.parametrize(("platform", "env", "expected"), [
    ("linux", {"HOME": "/home/pc123"}, "/home/pc123/.local/share/PurdahWizard/PurdahWizard"),
    ("linux", {"HOME": "/home/pc", "XDG_DATA_HOME": "/data"}, "/data/PurdahWizard/PurdahWizard"),
    ("linux", {"HOME": "/h", "XDG_DATA_HOME": "rel"}, "/h/.local/share/PurdahWizard/PurdahWizard"),
    ("darwin", {"HOME": "/Users/pc"},
     "/Users/pc/Library/Application Support/PurdahWizard/PurdahWizard"),
    ("win32", {"APPDATA": "C:/Users/pc/AppData/Roaming"},
     "C:/Users/pc/AppData/Roaming/PurdahWizard/PurdahWizard"),
])
def test_data_goes_to_the_users_own_folder(platform: str, env: dict[str, str],
                                           expected: str) -> None:
    assert user_data_dir(env, platform) == Path(expected)


def test_the_environment_can_point_data_at_a_shared_folder(tmp_path: Path) -> None:
    env = {DATA_ENV: str(tmp_path / "station"), "HOME": "/home/pc"}
    assert user_data_dir(env, "linux") == tmp_path / "station"


def test_frozen_data_never_goes_inside_the_bundle(frozen: Path) -> None:
    env = {DATA_ENV: str(frozen / "_internal" / "records"), "HOME": str(frozen.parent / "home")}
    data = user_data_dir(env, "linux")
    assert not inside_bundle(data)
    assert data == frozen.parent / "home" / ".local" / "share" / "PurdahWizard" / "PurdahWizard"
    assert inside_bundle(frozen / "records")  # beside the .exe counts as inside too


def test_from_source_nothing_counts_as_inside_the_bundle(tmp_path: Path) -> None:
    assert not inside_bundle(app_root() / "records")
