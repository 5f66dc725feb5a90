"""The "Advice records" window: newest first, lazy paging, search as you type, filters, open,
PDF, CSV export, and a visible warning when the chain does not verify."""

from __future__ import annotations

import csv
import datetime as dt
import os
import threading
from dataclasses import replace
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QUrl

from tests.export.pdftools import all_text
from tests.records.kit import advice, tamper
from wizard.gui import records_window
from wizard.gui.records_model import COLUMNS
from wizard.gui.records_window import RecordsWindow
from wizard.records.model import utc_stamp
from wizard.records.store import RecordStore

pytestmark = pytest.mark.gui
LAST_YEAR = dt.datetime.now(dt.UTC) - dt.timedelta(days=365)


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def path(tmp_path):
    """Four records: one a year old, one amended, different verdicts and topics."""
    p = tmp_path / "records.sqlite3"
    with RecordStore(p) as s:
        s.append(
            lambda conn, i, now: replace(
                advice(advised_name="PCSO Ann Old"), id=i, created_at=utc_stamp(LAST_YEAR)
            )
        )
        s.add(advice(walk="fine", advised_name="PC John Smith", advice="Filming is fine."))
        s.add(advice(walk="start_ask", advised_name="Ms Li", advice="Ask Corporate Comms."))
        s.add(
            s.get(2).amended(
                advised_name="PC John Smyth", amendment_reason="typo", made_by="Insp Black"
            )
        )
    return p


@pytest.fixture
def user(monkeypatch, tmp_path):
    """Stands in for the dialogs the window opens."""
    u = SimpleNamespace(paths=[], errors=[], views=[])
    monkeypatch.setattr(
        records_window,
        "ask_save_path",
        lambda parent, suggestion, filters: u.paths.pop(0) if u.paths else None,
    )
    monkeypatch.setattr(
        records_window, "tell_error", lambda parent, message, title: u.errors.append(message)
    )
    monkeypatch.setattr(records_window, "show_view", lambda view: u.views.append(view))
    return u


def make(qtbot, path, settings, **kw):
    window = RecordsWindow(path, settings, **kw)
    qtbot.addWidget(window)
    return window


def shown_ids(window):
    m = window.model
    return [m.summary(r).id for r in range(m.rowCount())]


def cell(window, row, name):
    column = [n for n, _ in COLUMNS].index(name)
    return window.model.data(window.model.index(row, column))


def test_newest_first_latest_versions_only(qtbot, path, settings, user):
    window = make(qtbot, path, settings, verify_on_open=False)
    assert shown_ids(window) == [4, 3, 1]  # record 2 is shown as its amendment, 4
    assert cell(window, 0, "kind") == "Amends 2"
    assert cell(window, 0, "advised_name") == "PC John Smyth"
    assert cell(window, 0, "verdict") == "✔ Acceptable"
    assert window.status.text() == "3 records match."


def test_search_waits_for_a_pause_in_typing(qtbot, path, settings, user):
    window = make(qtbot, path, settings, verify_on_open=False)
    qtbot.keyClicks(window.search, "smyth")
    assert shown_ids(window) == [4, 3, 1]  # not yet: no query per keystroke
    qtbot.waitUntil(lambda: shown_ids(window) == [4])
    assert window.status.text() == "1 record matches."
    window.search.clear()
    qtbot.keyClicks(window.search, "nobody here")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)  # Enter searches at once
    assert shown_ids(window) == [] and window.status.text() == "No records match."


def test_filters_by_verdict_topic_and_dates(qtbot, path, settings, user):
    window = make(qtbot, path, settings, verify_on_open=False)
    window.verdict.setCurrentIndex(window.verdict.findData("do_not"))
    assert shown_ids(window) == [1]
    window.verdict.setCurrentIndex(0)
    window.topic.setCurrentIndex(window.topic.findData("start"))
    assert shown_ids(window) == [3]
    window.topic.setCurrentIndex(0)
    window.from_date.setDate(dt.date.today() - dt.timedelta(days=7))
    window.from_check.setChecked(True)
    assert shown_ids(window) == [4, 3]
    window.from_check.setChecked(False)
    window.to_date.setDate(dt.date.today() - dt.timedelta(days=30))
    window.to_check.setChecked(True)
    assert shown_ids(window) == [1]


def test_a_long_list_is_read_a_page_at_a_time_as_it_scrolls(qtbot, tmp_path, settings, user):
    path = tmp_path / "many.sqlite3"
    with RecordStore(path) as s:
        s.conn.execute("PRAGMA synchronous = OFF")
        for i in range(450):
            s.add(advice(advised_name=f"Person {i + 1}"))
    window = make(qtbot, path, settings, verify_on_open=False)
    assert window.model.rowCount() == 60  # a screenful first; the count follows, from a thread
    qtbot.waitUntil(lambda: window.status.text() == "450 records match.")
    window.search.setText("person")
    window.apply_filters()  # counted (450) on the thread...
    window.search.setText("pe")  # ...but a short word is not counted (it would scan every
    window.apply_filters()  # record), and the count of "person" must not overwrite it
    assert window.status.text() == "60 or more records match."
    qtbot.wait(300)
    assert window.status.text() == "60 or more records match."
    window.search.clear()
    window.apply_filters()
    window.show()
    qtbot.waitExposed(window)
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: window.model.rowCount() == 260)  # then a page (200) at a time
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: window.model.rowCount() == 450)
    assert shown_ids(window)[-1] == 1 and not window.model.canFetchMore()
    out = tmp_path / "all.csv"
    user.paths = [out]
    window.search.setText("Person 44")
    window.apply_filters()
    assert window.export_csv() == out
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    # every match, not only the rows shown: Person 44, 144, ..., 440-449, newest first
    expected = [str(i) for i in range(450, 0, -1) if "44" in str(i)]
    assert [r["Record"] for r in rows] == expected


def test_opening_a_record_shows_it_read_only_with_its_history(qtbot, path, settings, user):
    window = make(qtbot, path, settings, verify_on_open=False)
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    [view] = user.views
    qtbot.addWidget(view)
    text = view.browser.toPlainText()
    assert "Record 4: Amendment of record 2" in text and "PC John Smyth" in text
    assert "History, oldest first" in text and "1. Is a candidate in the photo?" not in text
    assert "Is a candidate in the photo?" in text  # the walk itself
    assert view.browser.isReadOnly() and view.latest_note.isHidden()
    view.browser.anchorClicked.emit(QUrl("record:2"))
    assert (
        "Record 2: Advice" in view.browser.toPlainText()
        and "PC John Smith" in view.browser.toPlainText()
    )
    assert not view.latest_note.isHidden() and "record 4 is the latest" in view.latest_note.text()


def test_save_a_record_as_pdf_with_its_fields(qtbot, path, settings, user, tmp_path):
    window = make(qtbot, path, settings, verify_on_open=False)
    window.table.selectRow(0)
    user.paths = [tmp_path / "record-4"]
    window.pdf_button.click()
    pdf = tmp_path / "record-4.pdf"
    text = all_text(pdf)
    with RecordStore(path) as s:
        record = s.get(4)
    assert "PC John Smyth" in text and "Filming is fine." in text
    assert "Amends record 2" in text and "typo" in text
    assert record.hash in text.replace(" ", "")
    assert "Is a candidate in the photo?" in text


def test_a_changed_record_is_warned_about_visibly(qtbot, path, settings, user):
    tamper(path, "UPDATE records SET advice = 'Pose away.' WHERE id = 3")
    with qtbot.waitCallback(timeout=10_000) as done:
        window = make(qtbot, path, settings)
        window.verified.connect(done)
    assert not window.warning.isHidden()
    assert "Record 3 does not match" in window.warning.text()
    assert "advice column" in window.warning.text()


def test_a_clean_chain_gives_no_warning(qtbot, path, settings, user):
    with qtbot.waitCallback(timeout=10_000) as done:
        window = make(qtbot, path, settings)
        window.verified.connect(done)
    assert window.warning.isHidden()
    assert window.message.text().startswith("Checked: 4 record(s)")


def test_a_damaged_file_says_so_and_nothing_breaks(qtbot, tmp_path, settings, user):
    path = tmp_path / "records.sqlite3"
    path.write_bytes(os.urandom(4096))
    window = make(qtbot, path, settings)
    assert not window.warning.isHidden() and "damaged" in window.warning.text()
    assert not window.table.isEnabled() and window.model.rowCount() == 0
    assert window.export_csv() is None and user.errors == []


def test_closing_during_the_check_stops_it_cleanly(qtbot, tmp_path, settings, user, monkeypatch):
    """The check is held after its first batch until the window asks it to stop, so the close
    surely comes while it runs; it must then end, stopped (not finished), and report nothing."""
    path = tmp_path / "many.sqlite3"
    with RecordStore(path) as s:
        s.conn.execute("PRAGMA synchronous = OFF")
        for _ in range(1500):
            s.add(advice())  # two batches of the check (1000 a batch): it reports in between
    running, asked_to_stop, ended, checked_at = threading.Event(), threading.Event(), [], []
    real_verify, real_stop = records_window.verify, records_window.VerifyThread.stop

    def held_verify(store, progress):
        def held(checked):
            checked_at.append(checked)
            running.set()
            asked_to_stop.wait(10)
            progress(checked)

        try:
            result = real_verify(store, held)
        except BaseException as exc:
            ended.append(type(exc).__name__)
            raise
        ended.append("finished")
        return result

    def stop(self):
        real_stop(self)
        asked_to_stop.set()

    monkeypatch.setattr(records_window, "verify", held_verify)
    monkeypatch.setattr(records_window.VerifyThread, "stop", stop)
    window = make(qtbot, path, settings)
    thread, reported = window.verify_thread, []
    thread.done.connect(reported.append)
    assert running.wait(10), "the check never started"
    window.close()
    assert ended == ["_Stopped"] and thread.isFinished()
    QCoreApplication.processEvents()  # a result queued for the window would arrive now
    assert reported == [] and window.verification is None
    assert checked_at == [1000]  # stopped after its first batch: the last (1,500) never checked
    assert window.verify_thread is None and window.store is None
