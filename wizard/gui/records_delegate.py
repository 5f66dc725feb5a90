"""The records table, its plain cells drawn from cached `QStaticText` (issue 15).

Qt draws an item view's cell through the style: under the theme's style sheet that is a rule
lookup, a text layout and an elision per cell, ~30-130 µs, and a keystroke in the records
window repaints ~250 cells. Here a plain cell (not selected, focused or under the mouse) is its
text drawn from a `QStaticText` made once per text and width, elided with "…" as Qt elides it,
at the position Qt's own drawing puts it; the font, pen and margins are taken once per paint of
the table. Every other cell, and everything around the cells (alternate rows, grid, header), is
still drawn by Qt, so the table looks as it did. What a screen reader reads is the model's, and
unchanged.

A row is as tall as a line of the table's font needs, at every text size: Qt's rows are a fixed
height from the style (30 px), which cut a 36-point line (56 px) at its top and bottom. The
height follows the font when the style sheet changes it; no row is measured one by one (the
list can hold 100,000).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wizard.gui.qt import (
    QEvent,
    QFont,
    QFontMetrics,
    QPalette,
    QPen,
    QSize,
    QStaticText,
    QStyle,
    QStyledItemDelegate,
    Qt,
    QTableView,
    QWidget,
)

# a cell's text as drawn, half its line's height, and whether it is wider than the cell
_Text = tuple["QStaticText", int, bool]

if TYPE_CHECKING:
    from wizard.gui.qt import (
        QModelIndex,
        QPainter,
        QPaintEvent,
        QPersistentModelIndex,
        QStyleOptionViewItem,
    )

# The states Qt draws differently (highlight, focus frame, hover in some styles): such a cell,
# at most a row or two, is left to Qt. As plain ints: testing enum flags costs on every cell.
DRAWN_BY_QT = (
    QStyle.StateFlag.State_Selected
    | QStyle.StateFlag.State_HasFocus
    | QStyle.StateFlag.State_MouseOver
).value
ELIDE = Qt.TextElideMode.ElideRight
CACHE_LIMIT = 5_000  # texts kept (a screen shows ~250 cells); the cache starts again past it
ROW_ROOM = 4  # a row holds its line, 1/ROW_ROOM of the line's height as room, and the grid's 1 px
LEAST_ROWS = 3  # the list is never shorter than this many rows: a short window scrolls instead


class CellPainter(QStyledItemDelegate):
    """Draws a plain cell's text from a cached `QStaticText`; other cells as Qt does."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._font = QFont()
        self._metrics = QFontMetrics(self._font)
        self._ready = False  # `start` has taken the view's font
        self._margin = 0  # Qt's gap between a cell's edge and its text
        self._pen = QPen()
        self._texts: dict[tuple[str, int], _Text] = {}

    def start(self, view: QWidget) -> None:
        """Take the view's font, text colour and margins, once for a paint of all its cells."""
        font = view.font()
        if font != self._font or not self._ready:
            self._font, self._metrics, self._texts = font, QFontMetrics(font), {}
            self._ready = True
        focus_margin = QStyle.PixelMetric.PM_FocusFrameHMargin
        self._margin = view.style().pixelMetric(focus_margin, None, view) + 1
        self._pen = QPen(view.palette().color(_colour_group(view), QPalette.ColorRole.Text))
        if len(self._texts) > CACHE_LIMIT:
            self._texts = {}

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if option.state.value & DRAWN_BY_QT or not self._ready:
            super().paint(painter, option, index)
            return
        rect = option.rect
        x, y, width = rect.x() + self._margin, rect.y(), rect.width() - 2 * self._margin
        text = index.data()
        key = (text, width)
        static, half_height, wider = self._texts.get(key) or self._prepare(key)
        painter.setPen(self._pen)
        painter.setFont(self._font)
        # centred upright as Qt centres it (QStyle.alignedRect: half the cell less half the line)
        top = y + rect.height() // 2 - half_height
        if top >= y and not wider:
            painter.drawStaticText(x, top, static)
            return
        painter.save()  # a line taller or wider than its cell is cut at its edges, as by Qt
        painter.setClipRect(rect)
        painter.drawStaticText(x, top, static)
        painter.restore()

    def _prepare(self, key: tuple[str, int]) -> _Text:
        """A cell's text as drawn, elided to the width with "…" when wider, kept for next time."""
        text, width = key
        shown = self._metrics.elidedText("" if text is None else str(text), ELIDE, width)
        static = QStaticText(shown)
        static.setTextFormat(Qt.TextFormat.PlainText)  # a name with "<b>" is drawn as typed
        static.prepare(font=self._font)
        size = static.size()  # the line's height counts any fallback font a character needs
        prepared = self._texts[key] = (static, int(size.height()) // 2, size.width() > width)
        return prepared


class RecordsTable(QTableView):
    """The records list: a table view whose plain cells a `CellPainter` draws."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cell_painter = CellPainter(self)
        self.setItemDelegate(self.cell_painter)
        self.fit_rows()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_rows()  # the text size or the theme changed: the style sheet sets the font

    def row_height(self) -> int:
        """A row's height: the style's own (as before at everyday sizes), or taller when a line of
        the table's font and a little room around it need more."""
        header = self.verticalHeader()
        metric = QStyle.PixelMetric.PM_HeaderDefaultSectionSizeVertical
        line = self.fontMetrics().height()
        return max(self.style().pixelMetric(metric, None, header), line + line // ROW_ROOM + 1)

    def fit_rows(self) -> None:
        """Every row as tall as `row_height`: the header's default, so rows read later fit too."""
        height = self.row_height()
        header = self.verticalHeader()
        if header.defaultSectionSize() != height:
            header.setDefaultSectionSize(height)
            self.updateGeometry()  # the least height below follows the rows

    def least_height(self) -> int:
        """The height that shows the column titles and LEAST_ROWS whole rows, under a sideways
        scroll bar if there is one."""
        titles = self.horizontalHeader().sizeHint().height()
        rows = LEAST_ROWS * self.verticalHeader().defaultSectionSize()
        sideways = self.horizontalScrollBar().sizeHint().height()
        return titles + rows + 2 * self.frameWidth() + sideways

    def minimumSizeHint(self) -> QSize:
        size = super().minimumSizeHint()
        return QSize(size.width(), max(size.height(), self.least_height()))

    def sizeHint(self) -> QSize:
        size = super().sizeHint()
        return QSize(size.width(), max(size.height(), self.least_height()))

    def paintEvent(self, event: QPaintEvent) -> None:
        self.cell_painter.start(self)
        super().paintEvent(event)


def _colour_group(view: QWidget) -> QPalette.ColorGroup:
    """The palette's group Qt draws a cell's text in: disabled, or the window (in)active."""
    if not view.isEnabled():
        return QPalette.ColorGroup.Disabled
    if view.isActiveWindow():
        return QPalette.ColorGroup.Active
    return QPalette.ColorGroup.Inactive
