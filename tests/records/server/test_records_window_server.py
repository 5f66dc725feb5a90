"""The Advice records window and the force's records server: nothing shown (or opened) without
one; with one, the records are sent in the background and the window says so, or says how many
wait to be sent when the server cannot be reached."""

from __future__ import annotations

import platform

import pytest
from PySide6.QtCore import QDate, QSettings, Qt

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
    assert window.server_bar.isHidden() and window.server_bar.sync_thread is None
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
    qtbot.waitUntil(lambda: bar.sync_thread is None, timeout=30000)
    text = bar.label.text()
    assert text.startswith("Showing this terminal's records (connected to the force's records")
    assert "Sent 3 record" in text
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
    qtbot.waitUntil(lambda: bar.sync_thread is None, timeout=30000)
    text = bar.label.text()
    assert "not connected to the force's records server): 2 wait to be sent" in text
    assert "safe in this terminal's file" in text
    assert window.model.rowCount() == 2  # the terminal's own records, as ever
    window.shutdown()


# -- force-wide: every terminal's records, from the server (a supervisor's reader account)
def _logins(monkeypatch, *answers):
    """Stands in for the sign-in dialog: each time asked, the next (user, password) or None."""
    from wizard.gui import records_server

    asked: list[str] = []
    queue = list(answers)

    def ask(parent, user):
        asked.append(user)
        return queue.pop(0)

    monkeypatch.setattr(records_server, "ask_login", ask)
    return asked


def _configured(settings, server, station="Steelhouse Lane") -> None:
    settings.setValue("records/server_url", server.cluster.conninfo(server.dbname, "terminal_a"))
    settings.setValue("records/server_ca", server.cluster.ca)
    settings.setValue("records/station", station)


def _shown(window, name):
    from wizard.gui.records_model import FORCE_COLUMNS

    model = window.table.model()
    column = [n for n, _ in FORCE_COLUMNS].index(name)
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def _force_wide(qtbot, window) -> None:
    window.server_bar.force_button.click()
    qtbot.waitUntil(
        lambda: window.force_mode and window.status.text().endswith("server."), timeout=30000
    )


@pytest.fixture
def two_terminals(qtbot, terminal, server, settings, monkeypatch):
    """Terminal t2 (Lloyd House) has sent two records, one of them amended; the window is t1's,
    whose three records it sends on opening."""
    monkeypatch.delenv("PURDAH_WIZARD_RECORDS_URL", raising=False)
    other = terminal("t2", "terminal_b")
    other.add(2, start=10, advice="Decline: purdah.")
    with other.store() as store:
        store.add(
            store.get(1).amended(
                advised_name="Person 10b", amendment_reason="typo", made_by="Insp Black"
            )
        )
    other.sync()
    mine = terminal("t1")
    mine.add(3)
    _configured(settings, server)
    window = _window(qtbot, mine.path, settings)
    qtbot.waitUntil(lambda: window.server_bar.sync_thread is None, timeout=30000)
    yield window
    window.shutdown()


@pytest.mark.postgres
def test_force_wide_lists_every_terminals_records_with_where_each_came_from(
    qtbot, two_terminals, settings, monkeypatch
) -> None:
    window = two_terminals
    asked = _logins(monkeypatch, ("supervisor", ""))
    assert window.model.rowCount() == 3  # this terminal's, until asked
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Force-wide (&server)
    qtbot.waitUntil(
        lambda: window.force_mode and window.status.text().endswith("server."), timeout=30000
    )
    assert asked == [""]  # the account asked for; the name kept, never the password
    assert settings.value("records/reader_user") == "supervisor"
    assert "password" not in " ".join(settings.allKeys()).lower()
    bar = window.server_bar
    assert bar.force_button.isChecked() and not bar.local_button.isChecked()
    assert bar.label.text().startswith("Showing the force's records: every terminal's")
    assert "as supervisor; read-only" in bar.label.text()
    header = window.table.model().headerData
    titles = [header(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert titles == ["Record", "Recorded", "Terminal", "Station"]
    names = _shown(window, "advised_name")
    assert sorted(names) == ["Person 1", "Person 10b", "Person 11", "Person 2", "Person 3"]
    where = set(zip(_shown(window, "terminal"), _shown(window, "station"), strict=True))
    assert where == {("t2", "Lloyd House"), (platform.node(), "Steelhouse Lane")}
    assert window.status.text() == "5 records match on the server."
    assert not window.csv_button.isEnabled() and not window.impact_button.isEnabled()

    window.search.setText("decline purdah")  # across every journal, as typed
    window.apply_filters()
    qtbot.waitUntil(lambda: window.status.text() == "2 records match on the server.", timeout=30000)
    assert sorted(_shown(window, "advised_name")) == ["Person 10b", "Person 11"]
    assert set(_shown(window, "terminal")) == {"t2"}
    window.search.setText("10B")  # any case
    window.apply_filters()
    qtbot.waitUntil(
        lambda: window.status.text() == "1 record matches on the server.", timeout=30000
    )

    bar.local_button.click()  # and back: this terminal's, its own columns
    assert not window.force_mode and window.table.model() is window.model
    assert window.model.rowCount() == 0 and window.csv_button.isEnabled()  # no "10b" here
    assert bar.label.text().startswith("Showing this terminal's records")
    bar.force_button.click()  # connected still: no second sign-in
    qtbot.waitUntil(
        lambda: window.status.text() == "1 record matches on the server.", timeout=30000
    )
    assert asked == [""]
    window.search.clear()
    window.from_date.setDate(QDate.currentDate().addDays(1))  # the date filters apply too
    window.from_check.setChecked(True)
    qtbot.waitUntil(
        lambda: window.status.text() == "No records match on the server.", timeout=30000
    )


@pytest.mark.postgres
def test_a_force_wide_record_opens_read_only_saying_where_it_was_made(
    qtbot, two_terminals, monkeypatch
) -> None:
    from wizard.gui import records_window

    window = two_terminals
    _logins(monkeypatch, ("supervisor", ""))
    views = []
    monkeypatch.setattr(records_window, "show_view", views.append)
    _force_wide(qtbot, window)
    row = _shown(window, "advised_name").index("Person 10b")
    window.table.selectRow(row)
    assert window.open_record() is None  # asked of the server, shown when it answers
    qtbot.waitUntil(lambda: bool(views), timeout=30000)
    view = views[0]
    qtbot.addWidget(view)
    assert view.windowTitle() == "Advice record 3 from terminal t2 at Lloyd House"
    assert not view.source_note.isHidden()
    assert "only that terminal can record an amendment" in view.source_note.text()
    assert [v.id for v in view.history] == [1, 3]  # its history, from the server
    text = view.browser.toPlainText()
    assert "Person 10b" in text and "typo" in text and view.record.hash in text
    assert view.browser.isReadOnly()


@pytest.mark.postgres
def test_a_terminals_own_account_cannot_read_the_force_and_the_window_says_so(
    qtbot, two_terminals, monkeypatch
) -> None:
    window = two_terminals
    _logins(monkeypatch, ("terminal_a", ""))  # a writer: it may send, not read others' records
    window.server_bar.force_button.click()
    bar = window.server_bar
    qtbot.waitUntil(lambda: bar.force is None and bar.local_button.isChecked(), timeout=30000)
    assert not window.force_mode and window.table.model() is window.model
    text = bar.label.text()
    assert text.startswith("Showing this terminal's records (not connected")
    assert "0 wait to be sent" in text and "needs the purdah_reader role" in text


@pytest.mark.postgres
def test_a_server_out_of_reach_falls_back_to_the_local_list_with_what_waits(
    qtbot, terminal, server, settings, monkeypatch
) -> None:
    from tests.records.server.proxy import Relay

    t = terminal()
    t.add(2)
    relay = Relay(server.cluster.port)
    try:
        monkeypatch.delenv("PURDAH_WIZARD_RECORDS_URL", raising=False)
        _configured(settings, server)
        url = server.cluster.conninfo(server.dbname, "terminal_a")
        settings.setValue(
            "records/server_url",
            url.replace(f"port={server.cluster.port}", f"port={relay.port}"),
        )
        relay.cut()  # the network is gone: nothing sent, and force-wide cannot connect
        window = _window(qtbot, t.path, settings)
        bar = window.server_bar
        qtbot.waitUntil(lambda: bar.sync_thread is None, timeout=30000)
        _logins(monkeypatch, ("supervisor", ""), ("supervisor", ""))
        bar.force_button.click()
        qtbot.waitUntil(lambda: bar.force is None and bar.local_button.isChecked(), timeout=30000)
        assert "2 wait to be sent" in bar.label.text()
        assert "Could not use the records server" in bar.label.text()
        assert window.model.rowCount() == 2 and not window.force_mode

        relay.mend()  # back: connected, then the cable pulled while searching
        _force_wide(qtbot, window)
        relay.cut()
        window.search.setText("person")
        window.apply_filters()
        qtbot.waitUntil(lambda: not window.force_mode, timeout=30000)
        assert bar.local_button.isChecked() and window.table.model() is window.model
        assert "2 wait to be sent" in bar.label.text()
        assert "safe in this terminal's file" in bar.label.text()
        assert window.model.rowCount() == 2  # "person": both local records
        window.shutdown()
    finally:
        relay.close()


@pytest.mark.postgres
def test_a_newer_search_cancels_one_still_running_on_the_server(
    qtbot, two_terminals, monkeypatch
) -> None:
    """A word that makes the server read its whole table can take seconds over a million
    records; the next keystroke must not wait for it. Here the first search sleeps 60 s on the
    server: the second is answered long before, and the first's rows are never shown."""
    from wizard.records.server import search as server_search

    real = server_search.search_force

    def slow_for_zzz(conn, query, limit=server_search.PAGE):
        if query.text == "zzz":
            conn.execute("SELECT pg_sleep(60)")
        return real(conn, query, limit)

    monkeypatch.setattr(server_search, "search_force", slow_for_zzz)
    window = two_terminals
    _logins(monkeypatch, ("supervisor", ""))
    _force_wide(qtbot, window)
    force = window.server_bar.force
    qtbot.waitUntil(lambda: force._searching == 0, timeout=30000)  # the first list is in
    window.search.setText("zzz")
    window.apply_filters()
    qtbot.waitUntil(lambda: force._searching != 0, timeout=10000)  # zzz is sleeping on the server
    window.search.setText("decline purdah")
    window.apply_filters()
    qtbot.waitUntil(lambda: window.status.text() == "2 records match on the server.", timeout=20000)
    assert sorted(_shown(window, "advised_name")) == ["Person 10b", "Person 11"]
