"""The "Advice records" window: find, read, save as PDF and export supervisors' advice records.

A table of records, newest first, read a page at a time; search as you type (after a short
pause) over names, numbers, situation and advice; filters by date range, verdict and topic. How
many match is counted on a thread of its own, so a keystroke costs only the first page and its
paint (issue 15). The chain is verified in the background on opening, and a visible warning names
the first record that does not match. If the records cannot be opened, the window says why and
the wizard goes on. With a records server configured, the list can be the force's instead
(every terminal's, searched on the server off this thread; opened read-only): see ServerBar.

Every question put to the user is a module-level function, so tests replace them.
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from wizard.core.catalog import Catalog
from wizard.core.verdicts import VERDICTS
from wizard.gui.first_paint import after_paint
from wizard.gui.pdf_actions import default_folder, pdf_options, with_pdf_suffix
from wizard.gui.qt import (
    QAbstractItemView,
    QCheckBox,
    QCloseEvent,
    QComboBox,
    QDate,
    QDateEdit,
    QEvent,
    QFileDialog,
    QFontMetrics,
    QHBoxLayout,
    QHeaderView,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QModelIndex,
    QObject,
    QPushButton,
    QSettings,
    QShortcut,
    QShowEvent,
    QSizePolicy,
    Qt,
    QTableView,
    QThread,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from wizard.gui.record_view import RecordView
from wizard.gui.records_delegate import RecordsTable
from wizard.gui.records_model import (
    COLUMNS,
    COUNT_CAP,
    FORCE_COLUMNS,
    ForceRecordsModel,
    RecordsModel,
)
from wizard.gui.records_rows import TwoLineButton, WrapRow, scrolled_page
from wizard.gui.records_server import FORCE_PAGE, ServerBar
from wizard.gui.status_line import StatusLine, add_to_status_bar
from wizard.gui.unfinished import finish_draft, kept_drafts
from wizard.library.atomicfile import SaveError
from wizard.records.csvexport import write_csv
from wizard.records.errors import RecordsError
from wizard.records.model import Record
from wizard.records.pdf import write_record_pdf
from wizard.records.search import Query, count, matching_records, topics
from wizard.records.store import RecordStore
from wizard.records.verify import Verification, verify

if TYPE_CHECKING:  # the server's module is imported only once a server is used
    from wizard.records.server.search import ForceRecord

TITLE = "Advice records"
DEBOUNCE_MS = 250  # search after the user pauses typing, not on every key
FORCE_PAGE_NOTE = "narrow the search to find older ones"
LEAST_WRAPPED_CHARS = 12  # a word-wrapped label in a wrapping row is never narrower (characters)


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


class CountThread(QThread):
    """Count the matches of the newest query asked (up to COUNT_CAP), on a connection of its
    own: a count scans every match (20-45 ms at 100,000 records), so it is kept off the
    keystroke. A count no longer wanted is interrupted; `counted` carries the asker's token."""

    counted = Signal(int, object)  # token, the total (None: could not count)

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._jobs: queue.SimpleQueue[tuple[int, Query] | None] = queue.SimpleQueue()
        self._store: RecordStore | None = None
        self._counting = 0  # the token being counted now (0: none)
        self._latest = 0

    def ask(self, token: int, query: Query) -> None:
        self._latest = token
        self._jobs.put((token, query))
        store = self._store
        if store is not None and self._counting not in (0, token):
            store.conn.interrupt()  # the count under way is stale

    def cancel(self) -> None:
        """No count is wanted now (a newer list is being shown): the one under way is stopped
        at once, so that it does not compete with the new list's paint for the machine."""
        self._latest = 0
        store = self._store
        if store is not None and self._counting:
            store.conn.interrupt()

    def stop(self) -> None:
        self.cancel()
        self._latest = -1
        self._jobs.put(None)

    def _count(self, store: RecordStore, token: int, query: Query) -> int | None:
        """The count, or None: interrupted as stale, or unreadable. An interruption meant for
        an older count can land on this one (`ask` raced its end): then it is counted again."""
        for _attempt in range(2):
            try:
                return count(store, query, COUNT_CAP)
            except RecordsError:
                if token != self._latest:
                    return None
        return None

    def run(self) -> None:
        try:
            store = RecordStore(self.path)
        except RecordsError:
            return  # the window then says "200 or more": its own search reports the fault
        self._store = store
        with store:
            while (job := self._jobs.get()) is not None:
                token, query = job
                if token != self._latest:
                    continue  # a newer query waits behind it
                self._counting = token
                total = self._count(store, token, query)
                self._counting = 0
                if token == self._latest:
                    self.counted.emit(token, total)
        self._store = None


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
        self.verify_thread: VerifyThread | None = None
        self.counter: CountThread | None = None
        self._count_token = 0
        self.force_mode = False  # the list is the force's (from the server), not this terminal's
        self._force_token = 0
        self._force_asked: dict[int, Query] = {}
        # records asked of the server: what to do with each, and its row
        self._pending: dict[
            int, tuple[Callable[[list[Record], ForceRecord], object], ForceRecord]
        ] = {}
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.resize(1100, 640)
        self.store, problem = self._open_store()
        page = QWidget()
        # scrolls when too short for its rows and a few of the table's (36 points on a small screen)
        self.setCentralWidget(scrolled_page(page, self))
        layout = QVBoxLayout(page)
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
        self.server_bar.mode_changed.connect(self.set_force)
        self.server_bar.found.connect(self._found)
        self.server_bar.opened.connect(self._opened)
        layout.addWidget(self.server_bar)
        layout.addLayout(self._unfinished_row())
        layout.addLayout(self._filters())
        self.model = RecordsModel(self.store, self._topic_titles(), parent=self)
        self.model.failed.connect(self.show_warning)
        self.force_model = ForceRecordsModel(self._topic_titles(), parent=self)
        self.table = self._table()
        layout.addWidget(self.table, 1)
        layout.addLayout(self._buttons())
        self.message = StatusLine("Message")  # wraps: never cut off at the window's edge
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

    def _unfinished_row(self) -> WrapRow:
        """Records kept unfinished when a screen was cleared, and a button to finish one."""
        row = WrapRow()
        self.unfinished = QLabel()
        self.unfinished.setWordWrap(True)
        self.unfinished.setAccessibleName("Unfinished advice records")
        self.finish_button = QPushButton("Fi&nish unfinished record…")
        self.finish_button.setAutoDefault(False)
        self.finish_button.clicked.connect(self.finish_unfinished)
        row.add(self.unfinished, stretch=1, least_chars=LEAST_WRAPPED_CHARS)
        row.add(self.finish_button)
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
        find = QLabel("&Find:")
        find.setBuddy(self.search)
        top.addWidget(find)
        top.addWidget(self.search, 1)
        rows.addLayout(top)
        row = WrapRow()  # each check box stays beside its date
        rows.addLayout(row)
        today = QDate.currentDate()
        self.from_check, self.from_date = self._date_filter("Fro&m", today.addMonths(-1))
        self.to_check, self.to_date = self._date_filter("&To", today)
        row.add(self.from_check, self.from_date)
        row.add(self.to_check, self.to_date)
        self.verdict = QComboBox()
        _shrinkable(self.verdict)
        self.verdict.setAccessibleName("Verdict")
        self.verdict.addItem("Any verdict", "")
        for v in VERDICTS.values():
            self.verdict.addItem(f"{v.symbol} {v.label}", v.id)
        self.verdict.currentIndexChanged.connect(self.apply_filters)
        row.add(self.verdict, stretch=2)
        self.topic = QComboBox()
        _shrinkable(self.topic)
        self.topic.setAccessibleName("Topic")
        self.topic.addItem("Any topic", "")
        titles = self._topic_titles()
        for tree_id in self._topics():
            self.topic.addItem(titles.get(tree_id, tree_id), tree_id)
        self.topic.currentIndexChanged.connect(self.apply_filters)
        row.add(self.topic, stretch=2)
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

        def date_changed(_day: object) -> None:
            if check.isChecked():
                self.apply_filters()

        edit.dateChanged.connect(date_changed)
        return check, edit

    def _table(self) -> QTableView:
        table = RecordsTable()
        table.setModel(self.model)
        table.setAccessibleName("Advice records, newest first")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)  # Tab goes on to the buttons (arrows move in the list)
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
            "seq": "999999",
            "terminal": "PC-0123-LLOYD",
            "station": "Lloyd House Stn",
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
        for column, (name, title) in enumerate(FORCE_COLUMNS if self.force_mode else COLUMNS):
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

    def _buttons(self) -> WrapRow:
        """The actions on the chosen record(s), how many match, and Close; they wrap."""
        row = WrapRow()
        self.open_button = QPushButton("&Open…")
        self.open_button.clicked.connect(lambda: self.open_record())
        self.pdf_button = QPushButton("Save as &PDF…")
        self.pdf_button.clicked.connect(self.save_selected_pdf)
        self.csv_button = QPushButton("&Export shown to CSV…")
        self.csv_button.clicked.connect(self.export_csv)
        self.impact_button = TwoLineButton("&Would new guidance change these?…")
        self.impact_button.setAccessibleDescription(
            "Choose the folder of a new release of the trees: the records it would decide "
            "otherwise are listed. No record is changed."
        )
        self.impact_button.clicked.connect(self.show_impact)
        self.status = QLabel()
        self.status.setAccessibleName("Records shown")
        self.status.setWordWrap(True)  # a long status wraps: the window never grows for it
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        for widget in (self.open_button, self.pdf_button, self.csv_button, self.impact_button):
            row.add(widget)
        # not focusable, so it may go where a wrapped row has most room
        row.add(self.status, stretch=1, least_chars=LEAST_WRAPPED_CHARS, floating=True)
        row.add(close)
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
            # PySide6's stubs type toPython() as object; for a QDate it is a datetime.date
            return cast(dt.date, edit.date().toPython()) if check.isChecked() else None

        return Query(
            text=self.search.text(),
            date_from=day(self.from_check, self.from_date),
            date_to=day(self.to_check, self.to_date),
            verdict=self.verdict.currentData() or "",
            tree_id=self.topic.currentData() or "",
        )

    def apply_filters(self) -> None:
        """Show the records matching what is typed and chosen (the newest page first); how many
        match in all follows from the counting thread (or, force-wide, the server's answer)."""
        self.timer.stop()
        if self.force_mode:
            self._search_force()
            return
        if self.store is None:
            return
        query = self.current_query()
        if self.counter is not None:
            self.counter.cancel()
        self.model.set_query(query)
        self._count_token += 1
        rows = self.model.rowCount()
        if self.model.exhausted:  # everything is read: the count is free
            self.status.setText(matches_text(rows))
        elif any(len(word) < 3 for word in query.words()):
            # not counted: a short word would scan every record; "at least a page" is enough
            self.status.setText(f"{rows:,} or more records match.")
        else:
            self.status.setText(f"{rows:,} or more records match (counting…)")
            # asked once the list is painted: on two cores (one busy) a count running during
            # the keystroke's paint doubled the time to the new list
            after_paint(self, partial(self._count, self._count_token, query))
        if rows:
            self.table.selectRow(0)

    def _count(self, token: int, query: Query) -> None:
        if token != self._count_token or self.store is None:
            return  # typed on since: that query will be counted instead
        if self.counter is None:
            self.counter = CountThread(self.records_path, self)
            self.counter.counted.connect(self._counted)
            self.counter.start()
        self.counter.ask(token, query)

    def _counted(self, token: int, total: int | None) -> None:
        if token != self._count_token or self.force_mode:
            return  # an answer to an older query
        rows = self.model.rowCount()
        self.status.setText(
            matches_text(total) if total is not None else f"{rows:,} or more records match."
        )

    # -- the force's records (from the records server)
    def set_force(self, on: bool) -> None:
        """Show the force's records (every terminal's, from the server) or this terminal's."""
        self.force_mode = on
        model = self.force_model if on else self.model
        if self.table.model() is not model:
            old = self.table.selectionModel()
            self.table.setModel(model)
            old.deleteLater()
            self._size_columns()
        self.table.setAccessibleName(
            "The force's advice records, every terminal's, newest first"
            if on
            else "Advice records, newest first"
        )
        local_only = "This terminal's records only: choose This terminal (Alt+H) to use it."
        for button in (self.csv_button, self.impact_button):
            button.setEnabled(not on and self.store is not None)
            button.setToolTip(local_only if on else "")
        self.apply_filters()

    def _search_force(self) -> None:
        force = self.server_bar.force
        if force is None:
            return
        query = self.current_query()
        self._force_token = force.search(query)
        self._force_asked = {self._force_token: query}
        self.status.setText("Searching the force's records on the server…")

    def _found(self, token: int, rows: list[ForceRecord]) -> None:
        query = self._force_asked.get(token)
        if token != self._force_token or query is None or not self.force_mode:
            return  # an answer to an older query, or the list is this terminal's again
        self.force_model.set_rows(query, rows)
        n = len(rows)
        self.status.setText(
            f"The newest {n:,} matches on the server are shown: {FORCE_PAGE_NOTE}."
            if n >= FORCE_PAGE
            else matches_text(n).replace(".", " on the server.")
        )
        if n:
            self.table.selectRow(0)

    def _ask_force_record(self, then: Callable[[list[Record], ForceRecord], object]) -> None:
        """Ask the server for the selected force record's history; `then(history, row)`."""
        rows = self.table.selectionModel().selectedRows()
        force = self.server_bar.force
        if not rows or force is None:
            return
        row = self.force_model.summary(rows[0].row())
        self._pending[force.open(row.journal_id, row.seq)] = (then, row)
        self.say(f"Fetching record {row.seq} from the server…", 8000)

    def _opened(self, token: int, result: list[Record] | str) -> None:
        pending = self._pending.pop(token, None)
        if pending is None:
            return
        then, row = pending
        self.say("")
        if isinstance(result, str):
            tell_error(self, result, "The record cannot be shown")
            return
        then(result, row)

    def _show_force_record(self, history: list[Record], row: ForceRecord) -> None:
        view = RecordView(
            history,
            row.seq,
            self.save_pdf,
            self,
            source=force_source(row),
        )
        show_view(view)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_id(self) -> int | None:
        """The selected record of this terminal's list (None in the force-wide list)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.force_mode:
            return None
        return self.model.summary(rows[0].row()).id

    # -- one record
    def open_record(self, index: QModelIndex | None = None) -> RecordView | None:
        """Show the chosen record read-only, with its history (a force-wide one once the server
        answers: None is returned then)."""
        record_id = (
            self.model.summary(index.row()).id
            if index is not None and index.isValid() and not self.force_mode
            else self.selected_id()
        )
        if self.force_mode:  # asked of the server; shown when it answers
            if index is not None and index.isValid():
                self.table.selectRow(index.row())
            self._ask_force_record(self._show_force_record)
            return None
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
        if self.force_mode:
            self._ask_force_record(
                lambda history, row: self.save_pdf(
                    next(v for v in history if v.id == row.seq), history
                )
            )
            return
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
        self.say(f"Saved record {record.id} as {path}", 8000)
        return path

    # -- many records
    def export_csv(self) -> Path | None:
        """Write every record the filters match (not only those scrolled to) to a CSV file."""
        if self.store is None or self.force_mode:
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
        self.say(f"Exported {n} record(s) to {path}", 8000)
        return path

    def show_impact(self) -> None:
        """Replay the records on a new release of the trees (wizard/gui/impact_dialog.py)."""
        from wizard.gui.impact_dialog import show_impact

        if self.store is not None and not self.force_mode:
            self.impact_dialog = show_impact(self, self.store)

    # -- tamper evidence
    def start_verify(self) -> None:
        self.say("Checking that no record has been changed…")
        self.verify_thread = VerifyThread(self.records_path, self)
        self.verify_thread.done.connect(self._verified)
        self.verify_thread.start()

    def _verified(self, result: object) -> None:
        if isinstance(result, Verification):
            self.verification = result
            if result.ok:
                self.say(f"Checked: {result.checked} record(s), none changed since it was saved.")
            else:
                self.show_warning(
                    f"⚠ Warning: the advice records have been changed outside "
                    f"this program. {result.message()} Keep the file as it is "
                    "and report this."
                )
                self.say("")
        else:
            self.show_warning(f"⚠ The records could not be checked. {result}")
        self.verified.emit(result)

    def say(self, text: str, msec: int = 0) -> None:
        """Show a message at the foot of the window, wrapped to its width; after `msec` ms
        (if more than 0) it clears, as the status bar's messages did."""
        if self.message.parentWidget() is None:  # the status bar shows from the first message
            add_to_status_bar(self, self.message)
        self.message.say(text, msec)

    def show_warning(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.show()

    # -- closing
    def closeEvent(self, e: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(e)

    def shutdown(self) -> None:
        """Stop the background check, count and server connection, and close the file (safe
        to call twice)."""
        self.server_bar.shutdown()
        for thread in (self.verify_thread, self.counter):
            if thread is not None:
                thread.stop()
                thread.wait()
        self.verify_thread = self.counter = None
        if self.store is not None:
            self.store.close()
            self.store = None
            self.model.store = None


def force_source(row: object) -> str:
    """Where a force-wide record came from, for its view."""
    terminal = getattr(row, "terminal", "") or "(terminal not given)"
    station = getattr(row, "station", "")
    return f"terminal {terminal}" + (f" at {station}" if station else "")


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
