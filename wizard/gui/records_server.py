"""The Advice records window's line about the force's records server (issue 19).

Hidden when no server is configured (nothing is imported or opened then). Configured, it says
which records the list shows and how many of this terminal's wait to be sent, and sends them in
the background (a thread; the file was committed first, so a failure loses nothing).

"This terminal" or "Force-wide (server)" chooses the list. Force-wide asks for a supervisor's
reader account (purdah_reader) and its password, kept in memory for this window only and never
written; a thread of its own then holds the connection and answers each search (the newest only,
when the user types faster than the server answers) and each record opened, so the window never
waits on the network. If the server cannot be reached, or the connection is lost, the bar says
why and the list goes back to this terminal's records, saying how many wait to be sent.
"""

from __future__ import annotations

import contextlib
import os
import queue
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.gui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSettings,
    QThread,
    QVBoxLayout,
    QWidget,
    Signal,
)
from wizard.gui.records_rows import WrapRow
from wizard.records.errors import RecordsError
from wizard.records.search import Query
from wizard.records.server.config import (
    ServerConfig,
    saved_server_config,
)
from wizard.records.store import RecordStore

if TYPE_CHECKING:
    import psycopg

    from wizard.records.server.search import ForceRecord

LEAST_LABEL_CHARS = 20  # the server's line is never narrower than this (characters) beside others
FORCE_PAGE = 200  # the force-wide list shows the newest this many matches
SETTING_READER = "records/reader_user"  # the last reader account used (a name, no password)
NOT_A_READER = (
    "Your account may not read the force's records (it needs the purdah_reader role; a "
    "terminal's own account may only send its records)."
)


def configured(settings: QSettings) -> ServerConfig | None:
    """The server the environment or this terminal's settings name; None if none (or bad)."""
    try:
        return saved_server_config(settings)
    except RecordsError:
        return None


def _why(exc: BaseException, config: ServerConfig) -> str:
    """One line for a user: why the server could not be used (nothing local is lost)."""
    from wizard.records.server import connect as connecting

    if isinstance(exc, RecordsError):
        return str(exc)
    psycopg = connecting.driver()
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return NOT_A_READER
    try:
        host = connecting.params(config).get("host", "")
    except RecordsError:
        host = ""
    return connecting.explain(exc, host or "configured")


class SyncThread(QThread):
    """Send what waits, in the background; `done` carries the outcome in words."""

    done = Signal(bool, str)

    def __init__(
        self, path: Path, config: ServerConfig, password: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path, self.config, self.password = path, config, password

    def run(self) -> None:
        from wizard.records.server import connect as connecting
        from wizard.records.server.sync import push

        try:
            with (
                RecordStore(self.path) as store,
                connecting.connect(self.config, self.password) as conn,
            ):
                result = push(store, conn, self.config)
            text = " ".join(filter(None, (result.message(), result.note())))  # note: feedback
            self.done.emit(result.ok, text)
        except Exception as exc:  # a thread must report, never raise; nothing local is lost
            text = str(exc) if isinstance(exc, RecordsError) else connecting.explain(exc, "")
            self.done.emit(False, text)


# token, "search" or "open", and what: the query, or the record's (journal id, seq)
Job = tuple[int, str, Query | tuple[str, int]]


class ForceSearch(QThread):
    """A reader's connection to the server, on a thread of its own: searches and opens records
    as asked, each answer carrying the token `search`/`open` returned. Only the newest search
    waiting is run. `failed` (one line) ends the thread: the connection is gone or refused."""

    connected = Signal()
    found = Signal(int, object)  # token, list[ForceRecord]
    opened = Signal(int, object)  # token, list[Record] (oldest first), or a one-line error
    failed = Signal(str)

    def __init__(
        self,
        config: ServerConfig,
        user: str,
        password: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.config, self.user, self.password = config, user, password
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._backlog: list[Job] = []
        self._tokens = count(1)
        self._conn: psycopg.Connection | None = None
        self._stopping = False
        self._newest_search = 0  # the token of the search asked for last
        self._searching = 0  # the token of the search under way on the server, else 0
        # the driver's QueryCanceled, once connected (the driver is imported only then)
        self._cancelled: type[Exception] = _NotConnected
        self.ready = False  # set (on the window's thread) once connected

    def search(self, query: Query) -> int:
        """Ask for a search; one under way is cancelled, since a newer keystroke overtakes it
        (a rare word of one or two letters can take seconds over a million records)."""
        token = next(self._tokens)
        self._newest_search = token
        self._jobs.put((token, "search", query))
        conn = self._conn
        if self._searching and conn is not None:
            with contextlib.suppress(Exception):  # a cancel that misses changes nothing
                conn.cancel_safe()
        return token

    def open(self, journal_id: str, seq: int) -> int:
        token = next(self._tokens)
        self._jobs.put((token, "open", (journal_id, seq)))
        return token

    def stop(self) -> None:
        """End the thread: a query under way is cancelled, the connection closed."""
        self._stopping = True
        self._jobs.put(None)
        conn = self._conn
        if conn is not None:
            with contextlib.suppress(Exception):  # closing anyway: nothing to tell
                conn.cancel_safe()

    def _next(self) -> Job | None:
        if self._backlog:
            return self._backlog.pop(0)
        jobs = [self._jobs.get()]
        while True:
            try:
                jobs.append(self._jobs.get_nowait())
            except queue.Empty:
                break
        if any(job is None for job in jobs):
            return None
        real = [job for job in jobs if job is not None]
        searches = [job for job in real if job[1] == "search"]
        keep = [job for job in real if job[1] != "search"] + searches[-1:]
        self._backlog = keep[1:]
        return keep[0]

    def run(self) -> None:
        from wizard.records.server import connect as connecting
        from wizard.records.server.history import force_history

        try:
            conn = connecting.connect(self.config, self.password, user=self.user or None)
        except Exception as exc:  # a thread must report, never raise
            if not self._stopping:
                self.failed.emit(_why(exc, self.config))
            return
        self._conn = conn
        self._cancelled = connecting.driver().errors.QueryCanceled
        try:
            with conn:
                self.connected.emit()
                while (job := self._next()) is not None:
                    token, _, what = job
                    if isinstance(what, Query):  # a search
                        rows = self._search(conn, token, what)
                        if rows is not None:
                            self.found.emit(token, rows)
                        continue
                    try:
                        self.opened.emit(token, force_history(conn, *what))
                    except RecordsError as exc:  # that record only (purged, damaged)
                        self.opened.emit(token, str(exc))
                    except self._cancelled:  # a search's cancel, landed late
                        self._backlog.insert(0, job)
        except Exception as exc:
            if not self._stopping:
                self.failed.emit(_why(exc, self.config))
        finally:
            self._conn = None

    def _search(
        self, conn: psycopg.Connection, token: int, query: Query
    ) -> list[ForceRecord] | None:
        """The rows of one search; None if a newer one cancelled it. A cancel can land on the
        newest search itself (sent as the older one finished): that one is then run again."""
        from wizard.records.server.search import search_force

        self._searching = token
        try:
            return search_force(conn, query, FORCE_PAGE)
        except self._cancelled:
            if token == self._newest_search and not self._stopping:
                self._backlog.insert(0, (token, "search", query))
            return None
        finally:
            self._searching = 0


class _NotConnected(Exception):
    """Stands for the driver's QueryCanceled until there is a connection (never raised)."""


class ServerBar(QWidget):
    """Which records the list shows (this terminal's or the force's), how many wait to be sent,
    a Send now button, and the last outcome. `mode_changed(True)` once the force's records can
    be searched (`force`), `mode_changed(False)` when the list is this terminal's again."""

    mode_changed = Signal(bool)
    found = Signal(int, object)  # from the force's search: token, rows
    opened = Signal(int, object)  # token, a record's versions or a one-line error

    def __init__(self, path: Path, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.settings = settings
        self.config = configured(settings)
        self.password: str | None = None
        self.sync_thread: SyncThread | None = None
        self.force: ForceSearch | None = None
        self.force_active = False
        self.reader = ""
        self._synced_text = ""
        row = WrapRow(self)  # wraps at large text sizes: the window fits a 1024 px screen
        self.label = QLabel()
        self.label.setObjectName("recordsServer")
        self.label.setWordWrap(True)
        self.label.setAccessibleName("The force's records server")
        choice = QWidget()
        choice.setAccessibleName("Which records to show")
        choosing = WrapRow(choice)
        self.local_button = QRadioButton("T&his terminal")
        self.local_button.setToolTip("The records saved on this terminal")
        self.local_button.setChecked(True)
        self.force_button = QRadioButton("Force-wide (&server)")
        self.force_button.setToolTip(
            "Every terminal's records, from the force's records server (a supervisor's "
            "account; read-only)"
        )
        self.local_button.toggled.connect(self._chosen)
        choosing.add(QLabel("Show:"), self.local_button)
        choosing.add(self.force_button)
        self.send = QPushButton("Send now")
        self.send.setAccessibleName("Send the waiting records to the force's records server")
        self.send.clicked.connect(lambda: self.sync(ask=True))
        row.add(self.label, stretch=1, least_chars=LEAST_LABEL_CHARS)
        row.add(choice)
        row.add(self.send)
        self.setVisible(self.config is not None)
        if self.config is not None:
            self.refresh()
            self.sync(ask=False)

    # -- what waits to be sent
    def waiting(self) -> int:
        from wizard.records.server.sync import waiting

        try:
            with RecordStore(self.path) as store:
                return waiting(store)
        except RecordsError:
            return 0

    def refresh(self, outcome: str = "") -> None:
        n = self.waiting()
        if self.force_active:
            text = (
                f"Showing the force's records: every terminal's, from the records server "
                f"(as {self.reader}; read-only). This terminal: {n} wait to be sent."
            )
        elif self._synced_text and not outcome:
            text = (
                "Showing this terminal's records (connected to the force's records server; "
                f"choose Force-wide to search every terminal's). {self._synced_text}"
            )
        else:
            text = (
                f"Showing this terminal's records (not connected to the force's records "
                f"server): {n} wait to be sent."
            )
        self.label.setText(f"{text} {outcome}".strip())

    def sync(self, ask: bool) -> None:
        """Send in the background; with `ask`, first ask for a password if none is known."""
        if self.config is None or self.sync_thread is not None:
            return
        if ask and self.password is None and not os.environ.get("PGPASSWORD"):
            text, ok = QInputDialog.getText(
                self,
                "Records server",
                "Your database password (not stored):",
                QLineEdit.EchoMode.Password,
            )
            if ok:
                self.password = text
        self.label.setText("Sending the records to the force's records server…")
        self.sync_thread = SyncThread(self.path, self.config, self.password, self)
        self.sync_thread.done.connect(self._synced)
        self.sync_thread.start()

    def _synced(self, ok: bool, text: str) -> None:
        if self.sync_thread is not None:
            self.sync_thread.wait()
            self.sync_thread = None
        self._synced_text = text if ok else ""
        self.refresh("" if ok else text)

    # -- this terminal's records or the force's
    def _chosen(self, local: bool) -> None:
        if local:
            self.show_local()
        else:
            self.show_force()

    def show_local(self, why: str = "") -> None:
        """The list is this terminal's records again; `why` says what went wrong, if anything."""
        was = self.force_active
        self.force_active = False
        self._check(self.local_button)
        self.refresh(why)
        if was or why:
            self.mode_changed.emit(False)

    def show_force(self) -> None:
        """Search the force's records: connect first (asking for a reader's account) if need be."""
        if self.config is None:
            return
        if self.force is not None:  # connected, or connecting
            self._check(self.force_button)
            if self.force.ready:
                self.force_active = True
                self.refresh()
                self.mode_changed.emit(True)
            return
        login = ask_login(self, str(self.settings.value(SETTING_READER, "") or ""))
        if login is None:
            self._check(self.local_button)
            return
        self.reader, password = login
        self.settings.setValue(SETTING_READER, self.reader)  # the name only, never the password
        self._check(self.force_button)
        self.label.setText(f"Connecting to the force's records server as {self.reader}…")
        self.force = ForceSearch(self.config, self.reader, password or None, self)
        self.force.connected.connect(self._connected)
        self.force.failed.connect(self._lost)
        self.force.found.connect(self.found)
        self.force.opened.connect(self.opened)
        self.force.start()

    def _connected(self) -> None:
        if self.force is None:
            return
        self.force.ready = True
        if self.force_button.isChecked():
            self.force_active = True
            self.refresh()
            self.mode_changed.emit(True)

    def _lost(self, why: str) -> None:
        """The server cannot be reached or refused us: back to this terminal's records."""
        self._end_force()
        self.show_local(why)

    def _check(self, button: QRadioButton) -> None:
        button.blockSignals(True)  # chosen by the program, not by the user: no second round
        button.setChecked(True)
        button.blockSignals(False)

    def _end_force(self) -> None:
        if self.force is not None:
            self.force.stop()
            self.force.wait()
            self.force = None

    def shutdown(self) -> None:
        """Wait for a send under way (it is one transaction per batch; the file is safe) and
        close the connection to the force's records, if open."""
        self._end_force()
        if self.sync_thread is not None:
            self.sync_thread.wait()
            self.sync_thread = None


# -- the question put to the user (tests replace it)
def ask_login(parent: QWidget | None, user: str) -> tuple[str, str] | None:
    """A supervisor's account on the records server and its password (kept in memory only);
    None if cancelled. An empty password lets libpq use Kerberos or PGPASSWORD."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("The force's records server")
    layout = QVBoxLayout(dialog)
    note = QLabel(
        "To search every terminal's records, sign in with a supervisor's account that may read "
        "them. The password is not stored."
    )
    note.setWordWrap(True)
    layout.addWidget(note)
    form = QFormLayout()
    name = QLineEdit(user)
    name.setAccessibleName("User name")
    password = QLineEdit()
    password.setEchoMode(QLineEdit.EchoMode.Password)
    password.setAccessibleName("Password")
    form.addRow("&User name:", name)
    form.addRow("&Password:", password)
    layout.addLayout(form)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    (password if user else name).setFocus()
    if dialog.exec() != QDialog.DialogCode.Accepted or not name.text().strip():
        return None
    return name.text().strip(), password.text()
