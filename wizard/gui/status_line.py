"""A status bar's message that wraps instead of being cut off at the window's edge.

`QStatusBar.showMessage` paints its message on one line: at 36 points, or with a long path even
at 12 points on a 1024 px screen, the end of "Checked: 30 record(s), none changed since it was
saved." or "Saved record 12 as <path>" fell past the window's edge. A `StatusLine` in the
status bar (`add_to_status_bar` puts it there) shows the same message, on as many lines
as it needs: between words where it can, else within a word too long for a line (a path whose folders
have no spaces), so that nothing is ever cut off and the window never grows for it. A message
that fits on one line looks as showMessage painted it: the same place, font and colour.
"""

from __future__ import annotations

import math

from wizard.gui.qt import (
    QFontMetricsF,
    QFrame,
    QLabel,
    QMainWindow,
    QPainter,
    QPaintEvent,
    QRectF,
    QSize,
    QSizePolicy,
    Qt,
    QTextLayout,
    QTextOption,
    QTimer,
    QWidget,
)

# QStatusBar lays its widgets out 2 px from its left and 3 px from its top, but painted its
# message 6 px from its left, centred in its whole height: half a pixel above a widget's middle
INDENT = 4
RAISED = 0.5


class StatusLine(QLabel):
    """A message for a status bar that wraps (at words if it can, else anywhere) and clears
    itself after a time, as showMessage's did; its text is the message, for a screen reader."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        # hinted as one line (the status bar's height is its hint's), shrinking to nothing: it
        # never widens the window but wraps to the width it is given
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setContentsMargins(INDENT, 0, 0, 0)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.say(""))

    def say(self, text: str, msec: int = 0) -> None:
        """Show `text` until the next message, or for `msec` ms if more than 0 (showMessage's
        timeout); "" clears it. A screen reader is told of each one."""
        self.timer.stop()
        self.setText(text)
        self.setAccessibleDescription(text)  # the name stays: a change of it is announced
        if msec > 0:
            self.timer.start(msec)

    # -- size: one line's height at least, and as many lines as the width given needs
    def hasHeightForWidth(self) -> bool:
        """Its height depends on its width: layouts ask heightForWidth."""
        return True

    def heightForWidth(self, width: int) -> int:
        """As many lines as the message needs at this width (one when there is none)."""
        margins = self.contentsMargins()
        lines = len(self.lines(width - margins.left() - margins.right()))
        return max(1, lines) * self._line_height() + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        """The message on one line: the status bar's height is for this width."""
        margins = self.contentsMargins()
        advance = QFontMetricsF(self.font()).horizontalAdvance(self.text())
        width = math.ceil(advance) + 1 + margins.left() + margins.right()  # 1: rounding's room
        return QSize(width, self._line_height() + margins.top() + margins.bottom())

    def minimumSizeHint(self) -> QSize:
        """One line's height, and no width: it never makes the window wider."""
        margins = self.contentsMargins()
        return QSize(0, self._line_height() + margins.top() + margins.bottom())

    def _line_height(self) -> int:
        return self.fontMetrics().height()

    def lines(self, width: int) -> list[str]:
        """The message broken into lines no wider than `width`: at a word boundary where one
        fits, else within the word (a long path)."""
        text = self.text()
        if not text:
            return []
        width = max(width, self.fontMetrics().maxWidth())  # a line holds a character at least
        layout = QTextLayout(text, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        spans = []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            spans.append((line.textStart(), line.textLength()))
        layout.endLayout()
        return [text[start : start + length] for start, length in spans]

    # -- painting: each line as QStatusBar painted its one line
    def paintEvent(self, event: QPaintEvent) -> None:
        QFrame.paintEvent(self, event)  # the frame and background a style sheet gives
        rect = QRectF(self.contentsRect())
        lines = self.lines(math.floor(rect.width()))
        height = self._line_height()
        top = rect.top() + (rect.height() - len(lines) * height) / 2 - RAISED
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        flags = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        for n, line in enumerate(lines):
            box = QRectF(rect.left(), top + n * height, rect.width(), height)
            painter.drawText(box, int(flags | Qt.TextFlag.TextSingleLine), line)
        painter.end()


def add_to_status_bar(window: QMainWindow, line: StatusLine) -> None:
    """Put `line` in the window's status bar (made now if it has none), letting the bar grow as
    tall as the message's lines need: its height is otherwise fixed at its hint's, one line's."""
    bar = window.statusBar()
    bar.setSizePolicy(bar.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Preferred)
    bar.addWidget(line, 1)
