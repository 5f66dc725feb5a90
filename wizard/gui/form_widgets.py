"""Form parts for the dialogs (Settings, Record advice, case details) that must fit a 1024x768
screen at every text size: a check box whose words wrap, and a text box as tall as its text.
Apart from wizard/gui/widgets.py, which the first screen loads: these are loaded with a dialog."""

from __future__ import annotations

from wizard.gui.qt import (
    QCheckBox,
    QEvent,
    QHBoxLayout,
    QLabel,
    QMouseEvent,
    QPlainTextEdit,
    QResizeEvent,
    QSizePolicy,
    Qt,
    QWidget,
)

STACK_AT = 18  # points: from this text size each caption goes above its box, in every form


def wrapping_check(text: str, parent: QWidget | None = None) -> tuple[QWidget, QCheckBox]:
    """A check box whose words wrap (a QCheckBox's own text cannot, and at a large text size it
    is cut off at the dialog's edge): the box, and a label whose Alt+letter ticks it."""
    row = QWidget(parent)
    box = QHBoxLayout(row)
    box.setContentsMargins(0, 0, 0, 0)
    check = QCheckBox(row)
    check.setAccessibleName(text.replace("&", ""))
    words = CheckLabel(text, check)
    box.addWidget(check, 0, Qt.AlignmentFlag.AlignTop)
    box.addWidget(words, 1)
    return row, check


class CheckLabel(QLabel):
    """The words of a wrapping check box: its mnemonic ticks the box (QLabel clicks a button
    buddy), and so does a click on the words."""

    def __init__(self, text: str, check: QCheckBox) -> None:
        super().__init__(text, check.parentWidget())
        self.setWordWrap(True)
        self.setBuddy(check)
        self.check = check

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        if self.check.isEnabled() and self.rect().contains(e.position().toPoint()):
            self.check.setFocus(Qt.FocusReason.MouseFocusReason)
            self.check.toggle()
        super().mouseReleaseEvent(e)


class GrowingText(QPlainTextEdit):
    """A text box as tall as what is typed in it (at least `lines` lines), so that inside a
    scrolling form there is one scroll bar, the form's, not one per box."""

    def __init__(self, text: str = "", lines: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.lines = lines
        self.setProperty("verticalScrollBarPolicy", "ScrollBarAlwaysOff")
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setSizePolicy(policy)
        self.document().contentsChanged.connect(self._fit)
        self._fit()

    def _content_height(self) -> int:
        """The wrapped text's height in pixels at the box's present width."""
        layout = self.document().documentLayout()
        height = 0.0
        block = self.document().begin()
        while block.isValid():
            height += layout.blockBoundingRect(block).height()
            block = block.next()
        return round(height)

    def _fit(self) -> None:
        least = self.fontMetrics().lineSpacing() * self.lines
        frame = self.frameWidth() * 2 + round(self.document().documentMargin() * 2)
        margins = self.contentsMargins()
        wanted = max(least, self._content_height()) + frame + margins.top() + margins.bottom()
        if self.height() != wanted or self.minimumHeight() != wanted:
            self.setFixedHeight(wanted)

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._fit()  # a new width wraps the text anew

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
