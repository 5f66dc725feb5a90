"""Building blocks shared by the views: word-wrapped labels, large card buttons, a row that
stacks when the window is narrow. Sizes come from the style sheet and the font, never pixels."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import pairwise
from typing import TYPE_CHECKING, TypeVar

from wizard.gui.first_paint import after_first_paint
from wizard.gui.lazyqt import Qt
from wizard.gui.qt import (
    QApplication,
    QBoxLayout,
    QEvent,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPalette,
    QPushButton,
    QResizeEvent,
    QScrollArea,
    QSize,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from wizard.gui.qt import QEnterEvent

W = TypeVar("W", bound=QWidget)
T = TypeVar("T")


def label(
    text: str,
    role: str = "",
    parent: QWidget | None = None,
    *,
    rich: bool = False,
    selectable: bool = True,
) -> QLabel:
    """A word-wrapped label; plain text unless `rich`, so tree text is never read as markup.
    Its text can be selected with the mouse unless `selectable` is False (inside a button)."""
    w = QLabel(parent)
    # Enums set by their names: see wizard/gui/lazyqt.py (these labels make the first screen).
    w.setProperty("textFormat", "RichText" if rich else "PlainText")
    w.setText(text)
    w.setWordWrap(True)
    w.setIndent(0)  # else a style-sheet border or padding adds half an "x" on the left
    w.setProperty(
        "textInteractionFlags", "TextSelectableByMouse" if selectable else "NoTextInteraction"
    )
    if role:
        w.setProperty("role", role)
    return w


def button(
    text: str,
    name: str,
    description: str,
    on_click: Callable[[], object],
    parent: QWidget | None = None,
    *,
    link: bool = False,
) -> QPushButton:
    """A push button with its accessible name and description set, that Enter also presses."""
    b = QPushButton(text, parent)
    b.setAccessibleName(name)
    b.setAccessibleDescription(description)
    b.setToolTip(description)
    b.setAutoDefault(True)
    if link:
        b.setProperty("link", True)
    b.clicked.connect(lambda _checked=False: on_click())
    return b


def action_button(
    text: str, shortcut: str, on_click: Callable[[], object], description: str = ""
) -> QPushButton:
    """A button whose own shortcut presses it (so only while it is on screen); its tooltip names
    the keys as written, e.g. "Save the reasoning (Ctrl+S)"."""
    tip = f"{description or text} ({shortcut})" if shortcut else (description or text)
    b = button(text, text, tip, on_click)
    if shortcut:
        # As text, which Qt reads as a key sequence: setShortcut()'s overloads make PySide build
        # Qt's enums (lazyqt.py).
        b.setProperty("shortcut", shortcut)
    return b


class CardButton(QPushButton):
    """A large button with a badge (a number or mark), a wrapped title, detail and a note.

    Used for the topic tiles and the answers; a QPushButton so that it is focusable, pressed with
    Space or Enter, and announced as a button by screen readers.
    """

    def __init__(
        self, title: str, detail: str = "", badge: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.setAutoDefault(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        row = self._row = QHBoxLayout(self)
        # The badge and the note are made only when there is one: every label, shown or not,
        # is styled before the first screen, and most cards have neither.
        self.badge: QLabel | None = None
        if badge:
            self.badge = self._label(badge, "badge")
            self.badge.setProperty("alignment", "AlignCenter")  # by name: see lazyqt.py
            self.badge.setWordWrap(False)
            top = QVBoxLayout()  # the badge at the top of the card, as tall as its text
            top.addWidget(self.badge)
            top.addStretch(1)
            row.addLayout(top)
        self.column = QVBoxLayout()
        self.title = self._label(title, "cardTitle")
        self.detail = self._label(detail, "cardDetail")
        self.detail.setVisible(bool(detail))
        self.note: QLabel | None = None
        self.column.addWidget(self.title)
        self.column.addWidget(self.detail)
        self.column.addStretch(1)  # text at the top when a neighbour in the row is taller
        row.addLayout(self.column, 1)
        self._fit_margins()
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)

    def _label(self, text: str, role: str) -> QLabel:
        # Parented at once: showing a label that has no parent yet would open it as a window. A
        # label that takes no text interaction passes the mouse on to the card it is in.
        return label(text, role, self, selectable=False)

    def set_text(self, title: str, detail: str = "") -> None:
        """Show another title and detail in this card (a card is kept and updated, not rebuilt:
        issue 15). Any note is left as it is."""
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)

    def set_note(self, text: str) -> None:
        """A short line under the detail, e.g. "Your earlier answer" or why a search matched."""
        if self.note is None and text:
            self.note = self._label("", "cardNote")
            self.column.insertWidget(2, self.note)  # under the title and the detail
        if self.note is not None:
            self.note.setText(text)
            self.note.setVisible(bool(text))
        self.setAccessibleDescription(". ".join(t for t in (self.detail.text(), text) if t))

    def enterEvent(self, e: QEnterEvent) -> None:
        # The pointing hand is set as the mouse first comes over, and not before the window's
        # first paint: a cursor shape builds Qt's enums (wizard/gui/lazyqt.py), and the pointer
        # may rest on a card as the window opens (measured: ~120 M instructions, ~22 ms).
        after_first_paint(self.window(), self._point)
        super().enterEvent(e)

    def _point(self) -> None:
        if self.cursor().shape() != Qt.CursorShape.PointingHandCursor:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    # The size follows the wrapped labels inside, not QPushButton's one-line text.
    def sizeHint(self) -> QSize:
        return self._row.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._row.minimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._row.totalHeightForWidth(width)

    # changeEvent rather than event(): each event a Python override is handed costs a call into
    # Python, and a card gets some 25 kinds before the first screen; these are the few that
    # change its font (issue 8: start-up).
    def changeEvent(self, e: QEvent) -> None:
        if e.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_margins()
        super().changeEvent(e)

    def _fit_margins(self) -> None:
        # Snug above and below, so that nine answers fit at 1024x768 at the default size.
        line = self.fontMetrics().height()
        m, v = max(6, round(line * 0.55)), max(4, round(line * 0.35))
        self._row.setContentsMargins(m, v, m, v)
        self._row.setSpacing(m)
        self.column.setSpacing(max(2, round(line * 0.2)))  # title, detail and note


class ResponsiveRow(QWidget):
    """Lays its children side by side when there is room, else one above the other."""

    def __init__(self, wide_at_chars: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wide_at = wide_at_chars
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)

    def sizeHint(self) -> QSize:
        return layout_size_hint(self)

    def resizeEvent(self, e: QResizeEvent) -> None:
        wide = e.size().width() >= self.fontMetrics().averageCharWidth() * self._wide_at
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.box.direction() != direction:
            self.box.setDirection(direction)
        super().resizeEvent(e)


def scrolling(
    content: QWidget, parent: QWidget | None = None, area: QScrollArea | None = None
) -> QScrollArea:
    """Wrap a page in a vertical scroll area that resizes it to the width of the window (`area`
    if given: a scroll area of a class of its own)."""
    area = QScrollArea(parent) if area is None else area
    # See through to the window, whose background the theme sets (Qt would fill these with the
    # default palette's grey, wrong in high contrast). The viewport is made here rather than
    # fetched with viewport(): wrapping Qt's own viewport for Python makes PySide load every
    # QtWidgets class to find its type (about 15 ms at start-up).
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(False)
    area.setViewport(viewport)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")  # by name: lazyqt.py
    area.setWidget(content)
    content.setAutoFillBackground(False)
    area.setProperty("focusPolicy", "NoFocus")
    return area


def add_now(layout: QBoxLayout, widget: QWidget) -> QWidget:
    """Add a widget to a shown layout and show it at once (not later, when the layout gets to it),
    so that it can take the focus and is laid out before the next paint."""
    layout.addWidget(widget)
    widget.show()
    return widget


def reuse(
    layout: QBoxLayout,
    widgets: list[W],
    items: Sequence[T],
    make: Callable[[int], W],
    update: Callable[[W, T], object],
) -> list[W]:
    """Show each of `items` in one of `widgets` (in order), updated with `update(widget, item)`;
    widgets are made with `make(index)` and added to `layout` when there are not enough yet, and
    those left over are hidden, kept for a later screen that has more. The shown ones are
    returned.

    A screen shown again and again keeps its widgets and updates them: a new widget costs a
    style-sheet polish on its first show (~4 ms for a card; issue 15). New ones are shown last,
    with their text: showing a widget lays out its parents at once, as building anew did.
    """
    while len(widgets) < len(items):
        w = make(len(widgets))
        w.hide()  # until it has its text (else the layout shows it on the next turn)
        layout.addWidget(w)
        widgets.append(w)
    for w, item in zip(widgets, items, strict=False):
        update(w, item)
    for i, w in enumerate(widgets):
        if w.isHidden() == (i < len(items)):  # only what changes: each show lays out at once
            w.setVisible(i < len(items))
    return widgets[: len(items)]


def lay_out_now(screen: QWidget, levels: int = 10) -> None:
    """Lay out now what changed on `screen`, before the next paint.

    A label's new text asks its parent for a new layout, which asks its own parent, and so on:
    each a posted event, one level per turn of the event loop, and Qt paints between turns, so
    each new question or outcome was painted three times, the first two half laid out (issue
    15). The screen's layouts are laid out first, innermost first: a layout, once laid out, asks
    its parent's again, so a parent laid out before a child (as the posted requests come, in the
    order the texts changed) is laid out twice, and the whole page with it. Then each call of
    `sendPostedEvents` lays out one more level above the screen's own (the scroll area); `levels`
    is more than a screen nests (with nothing left to do, a call costs microseconds).
    """

    direct = Qt.FindChildOption.FindDirectChildrenOnly

    def inner_first(widget: QWidget) -> None:
        for child in widget.findChildren(QWidget, options=direct):
            if not child.isHidden():
                inner_first(child)
        if (layout := widget.layout()) is not None:
            layout.activate()  # at once if nothing in it changed

    inner_first(screen)
    for _ in range(levels):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


@contextmanager
def laid_out_once(screen: QWidget) -> Iterator[None]:
    """Change what `screen` shows inside this block, then lay it out once, before the next paint.

    Showing a widget lays out each of its shown parents at once (Qt activates their layouts), so
    a step that showed a new answers-so-far row and two cards laid the page out three times over
    (issue 15). The screen's layouts are switched off meanwhile: Qt's activation of a switched-off
    layout does nothing, and what changed is still noted, to be laid out by `lay_out_now`. For
    texts and what is shown only: a switched-off layout does not follow its widget being resized.
    """
    layouts = [w.layout() for w in (screen, *screen.findChildren(QWidget))]
    held = [layout for layout in layouts if layout is not None and layout.isEnabled()]
    for layout in held:
        layout.setEnabled(False)
    try:
        yield
    finally:
        for layout in held:
            layout.setEnabled(True)
        lay_out_now(screen)


def tab_chain(*widgets: QWidget | None) -> None:
    """Make Tab visit these widgets in this order (skipping None), as they read on screen.

    Widgets made after the window was built otherwise come last in Qt's focus chain.
    """
    present = [w for w in widgets if w is not None]
    for a, b in pairwise(present):
        QWidget.setTabOrder(a, b)


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget and sub-layout in a layout."""
    while (item := layout.takeAt(0)) is not None:
        if (w := item.widget()) is not None:
            w.hide()
            w.deleteLater()
        elif (sub := item.layout()) is not None:
            clear_layout(sub)


def layout_size_hint(widget: QWidget) -> QSize:
    """A widget's size hint from its layout alone, for a widget holding word-wrapped labels.

    Qt's own (`QLayout::totalSizeHint`) adds the height for the hint's width: a layout of every
    label inside at a width the widget is never shown at, again whenever a text inside changes
    (issue 15). Where it is laid out, such a widget's height comes from heightForWidth at its
    real width, so only the hint's height differs, which nothing on screen uses.
    """
    layout = widget.layout()
    if layout is None:
        return QWidget.sizeHint(widget)
    m = widget.contentsMargins()
    return layout.sizeHint() + QSize(m.left() + m.right(), m.top() + m.bottom())


class Column(QWidget):
    """A plain column of widgets (no margins), hinted by `layout_size_hint`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)

    def sizeHint(self) -> QSize:
        return layout_size_hint(self)


class Page(QWidget):
    """A screen's content: a column whose margins and spacing follow the text size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self._fit_margins()

    def changeEvent(self, e: QEvent) -> None:  # not event(): see CardButton.changeEvent
        if e.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_margins()
        super().changeEvent(e)

    # A page is in a scroll area that makes it as wide as the window and as tall as its
    # heightForWidth() there. Qt's own size hints of a widget whose text wraps add the height for
    # the hint's width (and the minimum's): a whole layout of every label at widths the page is
    # never shown at, on every step (issue 15). The column's own hints, without it, are enough.
    def sizeHint(self) -> QSize:
        return layout_size_hint(self)

    def minimumSizeHint(self) -> QSize:
        return self.column.minimumSize()

    def _fit_margins(self) -> None:
        line = self.fontMetrics().height()
        m = min(line, 28)  # generous at normal sizes, not wasteful at the largest
        self.column.setContentsMargins(m, m, m, m)
        self.column.setSpacing(round(line * 0.6))
