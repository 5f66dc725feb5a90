"""Where the records live: Qt's AppDataLocation, found without Qt; overridable."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from wizard.records import datadir
from wizard.records.datadir import data_dir, default_data_dir

HOME = Path("/home/sgt")


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {}, HOME / ".local/share/Purdah Wizard/Purdah Wizard"),
        ("linux", {"XDG_DATA_HOME": "/srv/data"}, Path("/srv/data/Purdah Wizard/Purdah Wizard")),
        ("linux", {"XDG_DATA_HOME": "relative"}, HOME / ".local/share/Purdah Wizard/Purdah Wizard"),
        ("darwin", {}, HOME / "Library/Application Support/Purdah Wizard/Purdah Wizard"),
        (
            "win32",
            {"APPDATA": "C:/Users/sgt/AppData/Roaming"},
            Path("C:/Users/sgt/AppData/Roaming/Purdah Wizard/Purdah Wizard"),
        ),
    ],
)
def test_the_default_folder_per_platform(platform, env, expected):
    assert default_data_dir(platform, env, HOME) == expected


def test_the_option_beats_the_environment_which_beats_the_setting(monkeypatch, tmp_path):
    monkeypatch.setenv(datadir.ENV, str(tmp_path / "env"))
    assert data_dir(tmp_path / "option", "setting") == tmp_path / "option"
    assert data_dir(None, str(tmp_path / "setting")) == tmp_path / "env"
    monkeypatch.delenv(datadir.ENV)
    assert data_dir(None, str(tmp_path / "setting")) == tmp_path / "setting"
    assert data_dir(None, None) == default_data_dir()


def test_importing_the_records_does_not_import_qt():
    import subprocess

    code = (
        "import sys, wizard.cli.records, wizard.records.store; "
        "print([m for m in sys.modules if m.startswith('PySide6')])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


@pytest.mark.gui
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="checks Qt's Linux rule")
def test_it_agrees_with_qt(qapp, monkeypatch, tmp_path):
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName(datadir.ORGANIZATION)
    QCoreApplication.setApplicationName(datadir.APPLICATION)
    try:
        qt = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    finally:
        QCoreApplication.setOrganizationName(names[0])
        QCoreApplication.setApplicationName(names[1])
    assert Path(qt) == default_data_dir() == tmp_path / "xdg/Purdah Wizard/Purdah Wizard"
