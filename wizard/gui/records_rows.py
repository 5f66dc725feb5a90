"""Rows of the Advice records window that wrap, so that it fits a 1024x768 screen at any text size.

`WrapRow` lays its groups of widgets out exactly as a QHBoxLayout would while they fit on one
line (the window looks as before at everyday text sizes), else wraps whole groups onto further
lines, in order: a check box stays beside its date, and Tab still goes through the fields in the
order they read. `TwoLineButton` breaks its words onto two lines when even a line of its own is
too narrow for them (36 points on a 1024 px screen). `keep_focus_in_view` scrolls a page to the
field that takes the focus, by Tab or by a mnemonic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from wizard.gui.qt import (
    QApplication,
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QPoint,
    QPushButton,
    QRect,
    QResizeEvent,
    QScrollArea,
    QSize,
    QSizePolicy,
    QStyle,
    Qt,
    QWidget,
)
from wizard.gui.widgets import scrolling


@dataclass
class _Group:
    """Widgets kept side by side on one line, each with its stretch in that line."""

    widgets: list[tuple[QWidget, int]]
    least_chars: int = 0  # a wrapping label: the width it is given at least, in characters
    floating: bool = False  # not focusable: may go on the line with the most room

    def shown(self) -> bool:
        return any(not w.isHidden() for w, _ in self.widgets)

    def visible(self) -> list[QWidget]:
        return [w for w, _ in self.widgets if not w.isHidden()]


class WrapRow(QLayout):
    """Groups of widgets on one line like a QHBoxLayout when they fit, else on as many lines as
    they need, in order (a floating group goes where there is most room)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []
        self._lines: list[QHBoxLayout] = []
        self._arranged: list[list[int]] = []  # the groups on each line, as laid out now
        if parent is not None:
            self.setContentsMargins(0, 0, 0, 0)

    def add(
        self, *widgets: QWidget, stretch: int = 0, least_chars: int = 0, floating: bool = False
    ) -> None:
        """Add a group of widgets (each given `stretch`), kept together on one line."""
        self._groups.append(_Group([(w, stretch) for w in widgets], least_chars, floating))
        if not self._lines:
            self._lines.append(self._new_line())
        for w in widgets:  # on one line from the start, as in a QHBoxLayout: parented in order
            self._lines[0].addWidget(w, stretch)
        self._arranged = [list(range(len(self._groups)))]

    # -- the QLayout interface: its items are its lines
    def addItem(self, item: QLayoutItem) -> None:
        widget = item.widget()
        if widget is None:
            raise TypeError("a WrapRow holds widgets only: use add()")
        self.add(widget)

    def count(self) -> int:
        return len(self._lines)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._lines[index] if 0 <= index < len(self._lines) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return None  # the lines are this layout's own; widgets are removed from them

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal  # never taller than its lines: the table takes the rest

    def hasHeightForWidth(self) -> bool:
        return True

    def sizeHint(self) -> QSize:
        """Everything on one line, as a QHBoxLayout hints it."""
        items = [w for g in self._groups for w in g.visible()]
        width = sum(_hint(w).width() for w in items) + self._gap() * max(0, len(items) - 1)
        height = max((_hint(w).height() for w in items), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        """The widest group at its narrowest: anything wider wraps."""
        groups = [g for g in self._groups if g.shown()]
        width = max((self._narrowest(g, _smallest) for g in groups), default=0)
        height = max((w.minimumSizeHint().height() for g in groups for w in g.visible()), default=0)
        return QSize(width, height)

    def heightForWidth(self, width: int) -> int:
        packing = self._pack(width)
        if packing == self._arranged:
            heights = [_line_height(line, width) for line in self._lines]
        else:  # an estimate until it is laid out at this width (then the lines say)
            heights = [self._estimate(line, width) for line in packing]
        return sum(heights) + self._gap() * max(0, len(heights) - 1)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        packing = self._pack(rect.width())
        if packing != self._arranged:
            self._arrange(packing)
        for line in self._lines:
            if line.spacing() != self._gap():
                line.setSpacing(self._gap())
        if len(self._lines) == 1:  # as a QHBoxLayout in its place would be: the whole rect
            self._lines[0].setGeometry(rect)
            return
        y = rect.y()
        for line in self._lines:
            height = _line_height(line, rect.width())
            line.setGeometry(QRect(rect.x(), y, rect.width(), height))
            y += height + self._gap()

    # -- which groups go on which line
    def _gap(self) -> int:
        """The spacing a QHBoxLayout in this one's place would have."""
        parent = self.parent()
        if isinstance(parent, QLayout) and parent.spacing() >= 0:
            return parent.spacing()
        widget = self.parentWidget()
        if widget is None:
            return 6
        metric = QStyle.PixelMetric.PM_LayoutHorizontalSpacing
        return max(0, widget.style().pixelMetric(metric, None, widget))

    def _with_hidden(self, lines: list[list[int]]) -> list[list[int]]:
        """Each hidden group put on the line of the group before it (it takes no room there)."""
        lines = [list(line) for line in lines if line] or [[]]
        for i, group in enumerate(self._groups):
            if not group.shown():
                line = next((ln for ln in reversed(lines) if ln and min(ln) < i), lines[0])
                line.append(i)
        return [sorted(line) for line in lines]

    def _least_width(self, group: _Group) -> int:
        shown = group.visible()
        if not (group.least_chars and shown):
            return 0
        return shown[0].fontMetrics().averageCharWidth() * group.least_chars

    def _need(self, group: _Group) -> int:
        """The width a group asks for on a line: its widgets' hints, or its least width."""
        if group.least_chars:
            return self._least_width(group)
        shown = group.visible()
        widths = [max(_hint(w).width(), w.minimumSizeHint().width()) for w in shown]
        return sum(widths) + self._gap() * max(0, len(widths) - 1)

    def _narrowest(self, group: _Group, least: Callable[[QWidget], int]) -> int:
        """A group's width with each widget at `least(widget)`."""
        widths = [least(w) for w in group.visible()]
        return sum(widths) + self._gap() * max(0, len(widths) - 1)

    def _pack(self, width: int) -> list[list[int]]:
        """The groups on each line at `width` (hidden ones with the group before them)."""
        return self._with_hidden(self._pack_shown(width))

    def _fits_one_line(self, shown: list[int], width: int) -> bool:
        """Whether a QHBoxLayout would fit them, squeezing each to its narrowest if need be."""
        groups = [self._groups[i] for i in shown]
        least = sum(max(self._narrowest(g, _squeezed), self._least_width(g)) for g in groups)
        return least + self._gap() * max(0, len(groups) - 1) <= width

    def _pack_shown(self, width: int) -> list[list[int]]:
        """The shown groups on each line: one line while they fit, else filled in order, each
        group at its preferred width."""
        shown = [i for i, g in enumerate(self._groups) if g.shown()]
        if self._fits_one_line(shown, width):
            return [shown]
        gap = self._gap()
        need = {i: min(self._need(self._groups[i]), width) for i in shown}
        lines: list[list[int]] = []
        used = width + 1
        for i in (i for i in shown if not self._groups[i].floating):
            if lines and used + gap + need[i] <= width:
                lines[-1].append(i)
                used += gap + need[i]
            else:
                lines.append([i])
                used = need[i]
        for i in (i for i in shown if self._groups[i].floating):
            _place_floating(lines, i, need, gap, width)
        return lines

    def _arrange(self, packing: list[list[int]]) -> None:
        """Put the widgets in lines as `packing` says (a line without stretch is left-aligned)."""
        while len(self._lines) < len(packing):
            self._lines.append(self._new_line())
        while len(self._lines) > len(packing):
            old = self._lines.pop()
            _empty(old)
            old.setParent(None)
        for line in self._lines:
            _empty(line)
        for line, groups in zip(self._lines, packing, strict=True):
            stretched = False
            for i in groups:
                for widget, stretch in self._groups[i].widgets:
                    line.addWidget(widget, stretch)
                    stretched = stretched or (stretch > 0 and not widget.isHidden())
            if len(packing) > 1 and not stretched:
                line.addStretch(1)
        self._arranged = packing

    def _new_line(self) -> QHBoxLayout:
        line = QHBoxLayout()
        self.addChildLayout(line)
        line.setContentsMargins(0, 0, 0, 0)
        return line

    def _estimate(self, groups: list[int], width: int) -> int:
        """A line's height before it is laid out: its tallest widget, a wrapping one at the width
        left to it."""
        widgets = [w for i in groups for w in self._groups[i].visible()]
        if not widgets:
            return 0
        others = sum(_hint(w).width() for w in widgets if not w.hasHeightForWidth())
        room = max(1, width - others - self._gap() * max(0, len(widgets) - 1))
        return max(
            (w.heightForWidth(room) if w.hasHeightForWidth() else _hint(w).height())
            for w in widgets
        )


def _hint(widget: QWidget) -> QSize:
    """A widget's size hint within its minimum and maximum, as a layout takes it."""
    hint = widget.sizeHint().expandedTo(widget.minimumSizeHint()).expandedTo(widget.minimumSize())
    return hint.boundedTo(widget.maximumSize())


def _squeezed(widget: QWidget) -> int:
    """The narrowest a QHBoxLayout makes a widget."""
    if widget.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored:
        return widget.minimumWidth()
    return max(widget.minimumWidth(), widget.minimumSizeHint().width())


def _smallest(widget: QWidget) -> int:
    """The narrowest a widget can be on a line of its own (a TwoLineButton breaks its words)."""
    return widget.narrowest_width() if isinstance(widget, TwoLineButton) else _squeezed(widget)


def _line_height(line: QHBoxLayout, width: int) -> int:
    return line.heightForWidth(width) if line.hasHeightForWidth() else line.sizeHint().height()


def _empty(line: QHBoxLayout) -> None:
    """Take every widget and stretch out of a line (the widgets stay where they are parented)."""
    while line.count():
        line.takeAt(0)


def _place_floating(
    lines: list[list[int]], group: int, need: dict[int, int], gap: int, width: int
) -> None:
    """Put a floating group on the line with the most room for it, in its place in the order
    there; on a line of its own after the group before it if no line has room."""
    rooms = [width - sum(need[i] for i in line) - gap * len(line) for line in lines]
    best = max(range(len(lines)), key=lambda n: rooms[n], default=None)
    if best is not None and rooms[best] >= need[group]:
        lines[best] = sorted([*lines[best], group])
        return
    after = max((n for n, line in enumerate(lines) if min(line) < group), default=-1)
    lines.insert(after + 1, [group])


class TwoLineButton(QPushButton):
    """A push button whose words go onto two lines when it is given less than one line needs."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._words = text
        self.setAccessibleName(text.replace("&", ""))
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:
        return self._size_for(self._words)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()  # as a QPushButton's: a row wraps before the words break

    def narrowest_width(self) -> int:
        """Its width with its words on two lines: a row is never narrower than this."""
        return self._size_for(self._two_lines()).width()

    def heightForWidth(self, width: int) -> int:
        return self._size_for(self._text_for(width)).height()

    def resizeEvent(self, e: QResizeEvent) -> None:
        text = self._text_for(e.size().width())
        if self.text() != text:
            self.setText(text)
        super().resizeEvent(e)

    def _text_for(self, width: int) -> str:
        return self._words if width >= self.sizeHint().width() else self._two_lines()

    def _size_for(self, text: str) -> QSize:
        """The button's size hint if it showed `text`: its own, grown or shrunk by the text's."""
        metrics, flag = self.fontMetrics(), Qt.TextFlag.TextShowMnemonic.value
        grown = metrics.size(flag, text) - metrics.size(flag, self.text())
        return super().sizeHint() + grown

    def _two_lines(self) -> str:
        """The words broken at the space that makes the longer line shortest."""
        words = self._words.split(" ")
        metrics = self.fontMetrics()

        def longer(n: int) -> int:
            return max(
                metrics.horizontalAdvance(" ".join(words[:n]).replace("&", "")),
                metrics.horizontalAdvance(" ".join(words[n:]).replace("&", "")),
            )

        if len(words) < 2:
            return self._words
        n = min(range(1, len(words)), key=longer)
        return " ".join(words[:n]) + "\n" + " ".join(words[n:])


class PageArea(QScrollArea):
    """A window's page, scrolled up and down when the window is too short for it, never
    sideways: the window is never narrower than the page at its narrowest."""

    def minimumSizeHint(self) -> QSize:
        size = super().minimumSizeHint()
        page = self.widget()
        if page is None:
            return size
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(page.minimumSizeHint().width() + bar + 2 * self.frameWidth(), size.height())


def scrolled_page(page: QWidget, parent: QWidget | None = None) -> PageArea:
    """`page` in a PageArea, made as wizard/gui/widgets.py's `scrolling` makes every page, that
    keeps the field with the focus in view."""
    area = PageArea(parent)
    scrolling(page, area=area)
    keep_focus_in_view(area)
    return area


def keep_focus_in_view(area: QScrollArea) -> None:
    """Scroll `area` to whichever of its fields takes the focus (by Tab, a mnemonic or Ctrl+F)."""

    def focus_changed(_old: QWidget | None, now: QWidget | None) -> None:
        page = area.widget()
        if now is not None and page is not None and page.isAncestorOf(now):
            # all of it, not only a text cursor (ensureWidgetVisible's choice for a text box)
            top_left = now.mapTo(page, QPoint(0, 0))
            half_w, half_h = now.width() // 2, now.height() // 2
            area.ensureVisible(top_left.x() + half_w, top_left.y() + half_h, half_w, half_h)

    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.focusChanged.connect(focus_changed)
        area.destroyed.connect(lambda: app.focusChanged.disconnect(focus_changed))
