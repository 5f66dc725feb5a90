"""The records as table models: this terminal's, read a page at a time as the view scrolls; and
the force's, one page from the records server (issue 19).

A view asks `canFetchMore`/`fetchMore` when the user scrolls near the end, so a file of 100,000
records opens as fast as one of ten: only the first page is read, and it is short (FIRST_PAGE,
more than a screen holds): each row read costs its walk's mark from the JSON content, so a
keystroke reads 60 rows, not 200. A failure to read (the file locked, damaged) ends the list and
is reported through `failed`, never raised into Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from wizard.core.verdicts import VERDICTS
from wizard.gui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from wizard.records.errors import RecordsError
from wizard.records.model import local_time
from wizard.records.search import PAGE, Query, Summary, search
from wizard.records.store import RecordStore

if TYPE_CHECKING:  # the server's module is imported only once a server is used
    from wizard.gui.qt import QObject
    from wizard.records.server.search import ForceRecord

COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "Record"),
    ("created_at", "Recorded"),
    ("kind", "Kind"),
    ("verdict", "Guidance's verdict"),  # early: at 1024 px it shows without scrolling sideways
    ("supervisor_name", "Supervisor"),
    ("advised_name", "Person advised"),
    ("advised_role", "Role"),
    ("tree_id", "Topic"),
    ("advice", "Advice given"),
    ("walk_checked", "Walk checked"),
)
Index = QModelIndex | QPersistentModelIndex
FIRST_PAGE = 60  # rows read when the query changes (a tall screen shows ~35); then PAGE a time
COUNT_CAP = 10_000  # "more than 10,000 match" is as useful as the exact number, and quicker
# The roles as plain names: `data()` is asked seven roles for every cell painted, and looking
# `Qt.ItemDataRole.DisplayRole` up on each call was a good part of a repaint's cost.
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
USER = Qt.ItemDataRole.UserRole
# The force-wide list (from the records server): where each record came from, early, so that at
# 1024 px the terminal, station and verdict show without scrolling sideways.
FORCE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("seq", "Record"),
    ("created_at", "Recorded"),
    ("terminal", "Terminal"),
    ("station", "Station"),
    ("verdict", "Guidance's verdict"),
    ("supervisor_name", "Supervisor"),
    ("advised_name", "Person advised"),
    ("tree_id", "Topic"),
    ("kind", "Kind"),
    ("advice", "Advice given"),
)
KINDS = {"advice": "Advice", "purge": "Purge of older records", "amendment": "Amendment"}


class _RecordsTable(QAbstractTableModel):
    """What both lists share: rows shown in `columns`, each row's cell texts made the first time
    it is shown (a page is up to 200 rows and a screen shows about 25), and the cells both kinds
    of record have."""

    columns: tuple[tuple[str, str], ...] = ()

    def __init__(self, topic_titles: dict[str, str] | None, parent: QObject | None) -> None:
        super().__init__(parent)
        self.topic_titles = topic_titles or {}
        self.query = Query()
        self.shown: dict[int, tuple[str, ...]] = {}  # a row's cell texts, made when first shown

    rows: Sequence[Summary] | Sequence[ForceRecord]

    def text(self, record: Any, name: str) -> str:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section][1]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> object:
        # A repaint asks seven roles of each visible cell (about 1,700 calls): the roles not
        # used are answered first, and the texts come from `cells`, made once per row.
        if role in (DISPLAY, TOOLTIP):
            if not index.isValid():
                return None
            text = self.cells(index.row())[index.column()]
            return text if role == DISPLAY else (text or None)
        return None

    def cells(self, row: int) -> tuple[str, ...]:
        """The texts of a row's cells, in column order."""
        cells = self.shown.get(row)
        if cells is None:
            cells = self.shown[row] = tuple(
                self.text(self.rows[row], name) for name, _ in self.columns
            )
        return cells

    def common_text(self, row: Summary | ForceRecord, name: str) -> str:
        """A cell both lists show the same way."""
        if name == "created_at":
            return local_time(row.created_at)
        if name == "verdict":
            v = VERDICTS.get(row.verdict)
            return f"{v.symbol} {v.label}" if v else row.verdict
        if name == "tree_id":
            return self.topic_titles.get(row.tree_id, row.tree_id)
        return " ".join(str(getattr(row, name)).split())  # one line in a cell


class RecordsModel(_RecordsTable):
    """The latest version of each record matching a query, newest first."""

    failed = Signal(str)  # a one-line RecordsError message

    def __init__(
        self,
        store: RecordStore | None,
        topic_titles: dict[str, str] | None = None,
        page: int = PAGE,
        first: int = FIRST_PAGE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(topic_titles, parent)
        self.store = store
        self.page = page
        self.first = first
        self.rows: list[Summary] = []
        self.exhausted = store is None

    # -- loading
    def set_query(self, query: Query) -> None:
        """Show what matches `query`, from the newest; only the first page is read now."""
        self.beginResetModel()
        self.query = query
        self.rows = []
        self.shown = {}
        self.exhausted = self.store is None
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self.store is None:
            return
        before = self.rows[-1].id if self.rows else None
        try:
            limit = self.page if self.rows else self.first
            more = search(self.store, self.query, before=before, limit=limit)
        except RecordsError as exc:
            self.exhausted = True
            self.failed.emit(str(exc))
            return
        self.exhausted = len(more) < limit
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    # -- the table
    columns = COLUMNS

    def data(self, index: Index, role: int = DISPLAY) -> object:
        if role == USER and index.isValid():
            return self.rows[index.row()].id
        return super().data(index, role)

    def text(self, record: Summary, name: str) -> str:
        """A cell as it is shown."""
        if name == "id":
            return str(record.id)
        if name == "kind" and record.kind == "amendment":
            return f"Amends {record.amends}"
        if name == "kind":
            return KINDS.get(record.kind, record.kind)
        if name == "walk_checked":
            if record.walk_unchecked:
                return "NOT checked against its tree"
            return "" if record.kind == "purge" else "Checked"
        return self.common_text(record, name)

    def summary(self, row: int) -> Summary:
        return self.rows[row]


class ForceRecordsModel(_RecordsTable):
    """The force's records matching a query (from the records server, every terminal's), newest
    first, with the terminal and station each came from; filled by `set_rows` when a search
    made off the window's thread answers. Read-only: a record is amended only where it was made."""

    columns = FORCE_COLUMNS

    def __init__(
        self, topic_titles: dict[str, str] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(topic_titles, parent)
        self.rows: list[ForceRecord] = []

    def set_rows(self, query: Query, rows: list[ForceRecord]) -> None:
        self.beginResetModel()
        self.query, self.rows, self.shown = query, list(rows), {}
        self.endResetModel()

    def text(self, record: ForceRecord, name: str) -> str:
        """A cell as it is shown."""
        if name == "kind":
            return KINDS.get(record.kind, record.kind)
        if name in ("terminal", "station"):
            return str(getattr(record, name)) or "(not given)"
        return self.common_text(record, name)

    def summary(self, row: int) -> ForceRecord:
        return self.rows[row]
