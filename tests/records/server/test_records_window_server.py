"""The Advice records window and the force's records server: nothing shown (or opened) without
one; with one, the records are sent in the background and the window says so, or says how many
wait to be sent when the server cannot be reached."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from wizard.gui.records_window import RecordsWindow

pytestmark = pytest.mark.gui


def _window(qtbot, path, settings) -> RecordsWindow:
    window = RecordsWindow(path, settings, verify_on_open=False)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_without_a_server_the_window_says_nothing_about_one(
    qtbot, tmp_path, settings, monkeypatch
) -> None:
    monkeypatch.delenv("PURDAH_WIZARD_RECORDS_URL", raising=False)
    window = _window(qtbot, tmp_path / "advice-records.sqlite3", settings)
    assert window.server_bar.isHidden() and window.server_bar.thread is None
    window.shutdown()


@pytest.mark.postgres
def test_with_a_server_the_records_are_sent_and_the_window_says_connected(
    qtbot, terminal, server, settings, monkeypatch
) -> None:
    t = terminal()
    t.add(3)
    monkeypatch.delenv("PURDAH_WIZARD_RECORDS_URL", raising=False)
    settings.setValue("records/server_url", server.cluster.conninfo(server.dbname, "terminal_a"))
    settings.setValue("records/server_ca", server.cluster.ca)
    window = _window(qtbot, t.path, settings)
    bar = window.server_bar
    qtbot.waitUntil(lambda: bar.thread is None, timeout=30000)
    assert bar.label.text().startswith("Connected to the force's records server. Sent 3 record")
    assert len(server.rows()) == 3
    window.shutdown()


@pytest.mark.postgres
def test_a_server_out_of_reach_leaves_the_local_records_and_counts_what_waits(
    qtbot, terminal, server, settings, monkeypatch
) -> None:
    t = terminal()
    t.add(2)
    monkeypatch.setenv(
        "PURDAH_WIZARD_RECORDS_URL", f"host=localhost port=1 dbname={server.dbname} user=terminal_a"
    )
    window = _window(qtbot, t.path, settings)
    bar = window.server_bar
    qtbot.waitUntil(lambda: bar.thread is None, timeout=30000)
    text = bar.label.text()
    assert "not connected to the force's records server): 2 wait to be sent" in text
    assert "safe in this terminal's file" in text
    assert window.model.rowCount() == 2  # the terminal's own records, as ever
    window.shutdown()
