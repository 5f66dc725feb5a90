"""The "Advice records" window: find, read, save as PDF and export supervisors' advice records.

A table of records, newest first, read a page at a time; search as you type (after a short
pause) over names, numbers, situation and advice; filters by date range, verdict and topic. The
chain is verified in the background on opening, and a visible warning names the first record
that does not match. If the records cannot be opened, the window says why and the wizard goes on.

Every question put to the user is a module-level function, so tests replace them.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wizard.core.catalog import Catalog
from wizard.core.verdicts import VERDICTS
from wizard.gui.pdf_actions import default_folder, pdf_options, with_pdf_suffix
from wizard.gui.record_view import RecordView
from wizard.gui.records_model import COLUMNS, COUNT_CAP, RecordsModel
from wizard.gui.records_server import ServerBar
from wizard.gui.unfinished import finish_draft, kept_drafts
from wizard.library.atomicfile import SaveError
from wizard.records.csvexport import write_csv
from wizard.records.errors import RecordsError
from wizard.records.model import Record
from wizard.records.pdf import write_record_pdf
from wizard.records.search import Query, matching_records, topics
from wizard.records.store import RecordStore
from wizard.records.verify import Verification, verify

TITLE = "Advice records"
DEBOUNCE_MS = 250  # search after the user pauses typing, not on every key


class _Stopped(Exception):
    pass


class VerifyThread(QThread):
    """Verify the chain on a connection of its own, off the window's thread."""

    done = Signal(object)  # a Verification, or a one-line error message

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def _progress(self, checked: int) -> None:
        if self._stop.is_set():
            raise _Stopped

    def run(self) -> None:
        try:
            with RecordStore(self.path) as store:
                result: object = verify(store, self._progress)
        except _Stopped:
            return
        except RecordsError as exc:
            result = str(exc)
        self.done.emit(result)


class RecordsWindow(QMainWindow):
    """Browse the records; `verified` is emitted when the background check ends."""

    verified = Signal(object)

    def __init__(
        self,
        records_path: Path,
        settings: QSettings,
        catalog: Catalog | None = None,
        parent: QWidget | None = None,
        verify_on_open: bool = True,
    ) -> None:
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window)
        self.records_path = Path(records_path)
        self.settings = settings
        self.catalog = catalog
        self.verification: Verification | None = None
        self._sized = False
        self.thread: VerifyThread | None = None
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.resize(1100, 640)
        self.store, problem = self._open_store()
        central = QWidget()
        self.setCentralWidget(central)
        layout = QVBoxLayout(central)
        self.warning = QLabel()
        self.warning.setObjectName("recordsWarning")
        self.warning.setWordWrap(True)
        self.warning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning.setStyleSheet(
            "QLabel#recordsWarning { background: #fff3cd; color: #000; "
            "border: 2px solid #b00020; padding: 8px; font-weight: bold; }"
        )
        self.warning.hide()
        layout.addWidget(self.warning)
        self.server_bar = ServerBar(self.records_path, settings, self)  # hidden if no server
        layout.addWidget(self.server_bar)
        layout.addLayout(self._unfinished_row())
        layout.addLayout(self._filters())
        self.model = RecordsModel(self.store, self._topic_titles(), parent=self)
        self.model.failed.connect(self.show_warning)
        self.table = self._table()
        layout.addWidget(self.table, 1)
        layout.addLayout(self._buttons())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self._shortcuts()
        if problem:
            self.show_warning(problem)
            for widget in (
                self.search,
                self.table,
                self.open_button,
                self.pdf_button,
                self.csv_button,
            ):
                widget.setEnabled(False)
        else:
            self.apply_filters()
            if verify_on_open:
                self.start_verify()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building
    def _open_store(self) -> tuple[RecordStore | None, str]:
        try:
            return RecordStore(self.records_path), ""
        except RecordsError as exc:
            return None, f"The advice records cannot be shown. {exc}"

    def _unfinished_row(self) -> QHBoxLayout:
        """Records kept unfinished when a screen was cleared, and a button to finish one."""
        row = QHBoxLayout()
        self.unfinished = QLabel()
        self.unfinished.setWordWrap(True)
        self.unfinished.setAccessibleName("Unfinished advice records")
        self.finish_button = QPushButton("Fi&nish unfinished record…")
        self.finish_button.setAutoDefault(False)
        self.finish_button.clicked.connect(self.finish_unfinished)
        row.addWidget(self.unfinished, 1)
        row.addWidget(self.finish_button)
        self._show_unfinished()
        return row

    def _show_unfinished(self) -> None:
        drafts = kept_drafts(self.records_path)
        self.unfinished.setText(
            ""
            if not drafts
            else f"{len(drafts)} unfinished advice record{'s are' if len(drafts) > 1 else ' is'} kept "
            f"in {drafts[0].parent} (typed when a screen was cleared)."
        )
        self.unfinished.setVisible(bool(drafts))
        self.finish_button.setVisible(bool(drafts))

    def finish_unfinished(self) -> None:
        """Open the oldest unfinished record in the Record advice form; list it once saved."""
        drafts = kept_drafts(self.records_path)
        if not drafts:
            return
        try:
            saved = finish_draft(self, drafts[0], self.records_path, self.settings, self.catalog)
        except (OSError, ValueError) as exc:
            self.show_warning(f"The unfinished record {drafts[0]} cannot be opened: {exc}.")
            return
        self._show_unfinished()
        if saved is not None:
            self.apply_filters()

    def _topic_titles(self) -> dict[str, str]:
        trees = self.catalog.trees if self.catalog is not None else {}
        return {tree_id: tree.title for tree_id, tree in trees.items()}

    def _filters(self) -> QVBoxLayout:
        rows = QVBoxLayout()
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search names, numbers, situation and advice")
        self.search.setAccessibleName("Search the records")
        self.search.setClearButtonEnabled(True)
        top.addWidget(QLabel("&Find:", buddy=self.search))
        top.addWidget(self.search, 1)
        rows.addLayout(top)
        row = QHBoxLayout()
        rows.addLayout(row)
        today = QDate.currentDate()
        self.from_check, self.from_date = self._date_filter("Fro&m", today.addMonths(-1))
        self.to_check, self.to_date = self._date_filter("&To", today)
        for widget in (self.from_check, self.from_date, self.to_check, self.to_date):
            row.addWidget(widget)
        self.verdict = QComboBox()
        _shrinkable(self.verdict)
        self.verdict.setAccessibleName("Verdict")
        self.verdict.addItem("Any verdict", "")
        for v in VERDICTS.values():
            self.verdict.addItem(f"{v.symbol} {v.label}", v.id)
        self.verdict.currentIndexChanged.connect(self.apply_filters)
        row.addWidget(self.verdict, 2)
        self.topic = QComboBox()
        _shrinkable(self.topic)
        self.topic.setAccessibleName("Topic")
        self.topic.addItem("Any topic", "")
        titles = self._topic_titles()
        for tree_id in self._topics():
            self.topic.addItem(titles.get(tree_id, tree_id), tree_id)
        self.topic.currentIndexChanged.connect(self.apply_filters)
        row.addWidget(self.topic, 2)
        return rows

    def _topics(self) -> list[str]:
        if self.store is None:
            return []
        try:
            return topics(self.store)
        except RecordsError:
            return []

    def _date_filter(self, label: str, start: QDate) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(label)
        check.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        edit = QDateEdit(start)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)
        edit.setAccessibleName(f"{label.replace('&', '')} date")
        check.toggled.connect(edit.setEnabled)
        check.toggled.connect(self.apply_filters)
        edit.dateChanged.connect(lambda _d: check.isChecked() and self.apply_filters())
        return check, edit

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName("Advice records, newest first")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        table.doubleClicked.connect(lambda index: self.open_record(index))
        return table

    def _size_columns(self) -> None:
        """Widths from the font in use once shown (the main window's style sets its size)."""
        metrics = self.table.fontMetrics()
        samples = {
            "id": "999999",
            "created_at": "2026-12-31 23:59 BST",
            "kind": "Amends 9999",
            "verdict": "✖ Do not do this: it",
            "supervisor_name": "Sgt Firstname La",
            "advised_name": "Firstname Lastna",
            "advised_role": "Police staff",
            "tree_id": "Photos and film",
        }
        bold = self.table.horizontalHeader().font()
        bold.setBold(True)
        header = QFontMetrics(bold)
        for column, (name, title) in enumerate(COLUMNS):
            if name in samples:
                width = max(
                    metrics.horizontalAdvance(samples[name]), header.horizontalAdvance(title)
                )
                self.table.setColumnWidth(column, width + 24)
        for check in (self.from_check, self.to_check):  # a styled check box's hint runs short
            check.setMinimumWidth(
                check.sizeHint().width() + check.fontMetrics().horizontalAdvance("  ")
            )

    def showEvent(self, e: QShowEvent) -> None:
        super().showEvent(e)
        if not self._sized:
            self._sized = True
            self._size_columns()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.open_button = QPushButton("&Open…")
        self.open_button.clicked.connect(lambda: self.open_record())
        self.pdf_button = QPushButton("Save as &PDF…")
        self.pdf_button.clicked.connect(self.save_selected_pdf)
        self.csv_button = QPushButton("&Export shown to CSV…")
        self.csv_button.clicked.connect(self.export_csv)
        self.impact_button = QPushButton("&Would new guidance change these?…")
        self.impact_button.setAccessibleDescription(
            "Choose the folder of a new release of the trees: the records it would decide "
            "otherwise are listed. No record is changed."
        )
        self.impact_button.clicked.connect(self.show_impact)
        self.status = QLabel()
        self.status.setAccessibleName("Records shown")
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        for widget in (self.open_button, self.pdf_button, self.csv_button, self.impact_button):
            row.addWidget(widget)
        row.addWidget(self.status, 1)
        row.addWidget(close)
        return row

    def _shortcuts(self) -> None:
        """Ctrl+F finds, Enter in the search shows the list, Enter on a row opens it."""
        for keys, slot in (("Ctrl+F", self.focus_search), ("Escape", self.close)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda slot=slot: slot())
        self.table.installEventFilter(self)  # Enter on a row opens it
        self.search.returnPressed.connect(self._search_now)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_record()
            return True
        return super().eventFilter(watched, event)

    def _search_now(self) -> None:
        self.apply_filters()
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- finding
    def current_query(self) -> Query:
        def day(check: QCheckBox, edit: QDateEdit) -> dt.date | None:
            return edit.date().toPython() if check.isChecked() else None

        return Query(
            text=self.search.text(),
            date_from=day(self.from_check, self.from_date),
            date_to=day(self.to_check, self.to_date),
            verdict=self.verdict.currentData() or "",
            tree_id=self.topic.currentData() or "",
        )

    def apply_filters(self) -> None:
        """Show the records matching what is typed and chosen (the newest page first)."""
        self.timer.stop()
        if self.store is None:
            return
        self.model.set_query(self.current_query())
        total = self.model.total()
        if total is not None:
            self.status.setText(matches_text(total))
        elif self.model.rowCount():  # not counted: a short word would scan every record
            self.status.setText(f"{self.model.rowCount():,} or more records match.")
        else:
            self.status.clear()
        if self.model.rowCount():
            self.table.selectRow(0)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.summary(rows[0].row()).id if rows else None

    # -- one record
    def open_record(self, index: QModelIndex | None = None) -> RecordView | None:
        """Show the chosen record read-only, with its history."""
        record_id = (
            self.model.summary(index.row()).id
            if index is not None and index.isValid()
            else self.selected_id()
        )
        if record_id is None or self.store is None:
            return None
        try:
            history = self.store.history(record_id)
        except RecordsError as exc:
            tell_error(self, str(exc), "The record cannot be shown")
            return None
        view = RecordView(history, record_id, self.save_pdf, self)
        show_view(view)
        return view

    def save_selected_pdf(self) -> None:
        record_id = self.selected_id()
        if record_id is None or self.store is None:
            return
        try:
            history = self.store.history(record_id)
        except RecordsError as exc:
            tell_error(self, str(exc), "The record cannot be read")
            return
        self.save_pdf(next(v for v in history if v.id == record_id), history)

    def save_pdf(self, record: Record, history: list[Record]) -> Path | None:
        """The reasoning PDF of the record's walk, with the record's own fields after it."""
        if record.transcript is None:
            tell_error(
                self,
                f"Record {record.id} is a purge: it has no walk to print.",
                "No PDF for a purge",
            )
            return None
        chosen = ask_save_path(
            self,
            default_folder(self.settings) / f"Advice record {record.id}.pdf",
            "PDF files (*.pdf)",
        )
        if chosen is None:
            return None
        path = with_pdf_suffix(chosen)
        try:
            write_record_pdf(path, record, history=history, options=pdf_options(self.settings))
        except SaveError as exc:
            tell_error(self, str(exc), "The PDF was not saved")
            return None
        self.statusBar().showMessage(f"Saved record {record.id} as {path}", 8000)
        return path

    # -- many records
    def export_csv(self) -> Path | None:
        """Write every record the filters match (not only those scrolled to) to a CSV file."""
        if self.store is None:
            return None
        name = f"Advice records {dt.date.today():%Y-%m-%d}.csv"
        chosen = ask_save_path(self, default_folder(self.settings) / name, "CSV files (*.csv)")
        if chosen is None:
            return None
        path = chosen if chosen.suffix.lower() == ".csv" else chosen.with_name(chosen.name + ".csv")
        try:
            n = write_csv(path, matching_records(self.store, self.model.query))
        except (SaveError, RecordsError) as exc:
            tell_error(self, str(exc), "The CSV file was not saved")
            return None
        self.statusBar().showMessage(f"Exported {n} record(s) to {path}", 8000)
        return path

    def show_impact(self) -> None:
        """Replay the records on a new release of the trees (wizard/gui/impact_dialog.py)."""
        from wizard.gui.impact_dialog import show_impact

        if self.store is not None:
            self.impact_dialog = show_impact(self, self.store)

    # -- tamper evidence
    def start_verify(self) -> None:
        self.statusBar().showMessage("Checking that no record has been changed…")
        self.thread = VerifyThread(self.records_path, self)
        self.thread.done.connect(self._verified)
        self.thread.start()

    def _verified(self, result: object) -> None:
        if isinstance(result, Verification):
            self.verification = result
            if result.ok:
                self.statusBar().showMessage(
                    f"Checked: {result.checked} record(s), none changed since it was saved."
                )
            else:
                self.show_warning(
                    f"⚠ Warning: the advice records have been changed outside "
                    f"this program. {result.message()} Keep the file as it is "
                    "and report this."
                )
                self.statusBar().clearMessage()
        else:
            self.show_warning(f"⚠ The records could not be checked. {result}")
        self.verified.emit(result)

    def show_warning(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.show()

    # -- closing
    def closeEvent(self, e: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(e)

    def shutdown(self) -> None:
        """Stop the background check and close the file (safe to call twice)."""
        self.server_bar.shutdown()
        if self.thread is not None:
            self.thread.stop()
            self.thread.wait()
            self.thread = None
        if self.store is not None:
            self.store.close()
            self.store = None
            self.model.store = None


def matches_text(total: int) -> str:
    if total == 0:
        return "No records match."
    if total >= COUNT_CAP:
        return f"More than {COUNT_CAP:,} records match."
    return "1 record matches." if total == 1 else f"{total:,} records match."


# -- the questions put to the user (tests replace these)
def ask_save_path(parent: QWidget | None, suggestion: Path, filters: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Save as", str(suggestion), filters)
    return Path(name) if name else None


def tell_error(parent: QWidget | None, message: str, title: str) -> None:
    QMessageBox.warning(parent, title, message)


def show_view(view: RecordView) -> None:
    """Show a record (modeless, so the list stays usable beside it)."""
    view.show()


def _shrinkable(combo: QComboBox) -> None:
    """Let a filter box be narrower than its longest item, so the window fits a 1024 px screen;
    the list it opens still shows items whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
