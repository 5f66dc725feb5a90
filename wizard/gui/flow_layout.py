"""A layout that places widgets in a row and wraps them onto the next line when there is no room.

Used for rows of buttons, so that at a large text size on a small screen they wrap instead of
forcing the window wider than the screen.
"""

from __future__ import annotations

from wizard.gui.qt import (
    QLayout,
    QLayoutItem,
    QMargins,
    QPoint,
    QRect,
    QSize,
    QSizePolicy,
    QWidget,
    QWidgetItem,
)


class FlowLayout(QLayout):
    # No expandingDirections(): its Qt.Orientation would build Qt's enums before the first
    # screen (wizard/gui/lazyqt.py). The rows it is in give their spare room to a stretch, so
    # the screens are the same without it (compared pixel for pixel, at two sizes and text sizes).
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    # -- the QLayout interface
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insert_widget(self, index: int, widget: QWidget) -> None:
        """Put a widget at `index` (0 = first)."""
        self.addChildWidget(widget)
        self._items.insert(max(0, min(index, len(self._items))), QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        shown = [i.sizeHint() for i in self._visible()]
        width = sum(s.width() for s in shown) + self._gap() * max(0, len(shown) - 1)
        height = max((s.height() for s in shown), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """The widest single item: anything wider wraps."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    # -- placing
    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if (w := i.widget()) is None or not w.isHidden()]

    def _gap(self) -> int:
        if self.spacing() >= 0:  # Qt asks the style, as below, so this is the usual way out
            return self.spacing()
        from wizard.gui.qt import QStyle  # here: making QStyle's enums costs ~10 ms

        parent = self.parentWidget()
        style = parent.style() if parent else None
        return style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if style else 6

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Fill lines left to right, centring each item in its line; return the height used."""
        m: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(m)
        gap = self._gap()
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = 0
        for item in self._visible():
            hint = item.sizeHint().boundedTo(QSize(area.width(), 1 << 20))
            if lines[-1] and x + hint.width() > area.width():
                lines.append([])
                x = 0
            lines[-1].append((item, hint))
            x += hint.width() + gap
        y = area.y()
        for line in lines:
            height = max((h.height() for _, h in line), default=0)
            x = area.x()
            for item, hint in line:
                if move:
                    top = y + (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), hint))
                x += hint.width() + gap
            y += height + gap
        return y - gap - rect.y() + m.bottom() if any(lines) else m.top() + m.bottom()


def flow_row(parent: QWidget | None = None) -> tuple[QWidget, FlowLayout]:
    """A widget holding a FlowLayout, sized by its height for its width."""
    host = QWidget(parent)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    host.setSizePolicy(policy)
    layout = FlowLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    return host, layout
