"""The Advice records window's line about the force's records server (issue 19).

Hidden when no server is configured (nothing is imported or opened then). Configured, it says
that the list shows this terminal's records and how many wait to be sent, and sends them in the
background (a thread; the file was committed first, so a failure loses nothing). The password,
if the server wants one, is asked for and kept in memory for this window only.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QThread, Signal
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QLineEdit, QPushButton, QWidget

from wizard.records.errors import RecordsError
from wizard.records.server.config import (
    SETTING_CA,
    SETTING_STATION,
    SETTING_URL,
    ServerConfig,
    server_config,
)
from wizard.records.store import RecordStore


def configured(settings: QSettings) -> ServerConfig | None:
    """The server the environment or this terminal's settings name; None if none (or bad)."""

    def value(key: str) -> str:
        return str(settings.value(key, "") or "")

    try:
        return server_config(
            os.environ, value(SETTING_URL), value(SETTING_CA), value(SETTING_STATION)
        )
    except RecordsError:
        return None


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


class ServerBar(QWidget):
    """'This terminal's records; N wait to be sent', a Send now button, and the last outcome."""

    def __init__(self, path: Path, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.config = configured(settings)
        self.password: str | None = None
        self.thread: SyncThread | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("recordsServer")
        self.label.setWordWrap(True)
        self.send = QPushButton("Send now")
        self.send.setAccessibleName("Send the waiting records to the force's records server")
        self.send.clicked.connect(lambda: self.sync(ask=True))
        row.addWidget(self.label, 1)
        row.addWidget(self.send)
        self.setVisible(self.config is not None)
        if self.config is not None:
            self.refresh()
            self.sync(ask=False)

    def waiting(self) -> int:
        from wizard.records.server.sync import waiting

        try:
            with RecordStore(self.path) as store:
                return waiting(store)
        except RecordsError:
            return 0

    def refresh(self, outcome: str = "") -> None:
        n = self.waiting()
        text = (
            f"Showing this terminal's records (not connected to the force's records "
            f"server): {n} wait to be sent."
        )
        self.label.setText(f"{text} {outcome}".strip())

    def sync(self, ask: bool) -> None:
        """Send in the background; with `ask`, first ask for a password if none is known."""
        if self.config is None or self.thread is not None:
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
        self.thread = SyncThread(self.path, self.config, self.password, self)
        self.thread.done.connect(self._synced)
        self.thread.start()

    def _synced(self, ok: bool, text: str) -> None:
        if self.thread is not None:
            self.thread.wait()
            self.thread = None
        if ok:
            self.label.setText(f"Connected to the force's records server. {text}")
        else:
            self.refresh(text)

    def shutdown(self) -> None:
        """Wait for a send under way (it is one transaction per batch; the file is safe)."""
        if self.thread is not None:
            self.thread.wait()
            self.thread = None
