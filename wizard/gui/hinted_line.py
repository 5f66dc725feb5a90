"""A one-line box whose hint is never cut short with "…". A module of its own, free of Qt's
namespace enums, because the home screen's search box is one too (see wizard/gui/lazyqt.py)."""

from __future__ import annotations

from wizard.gui.qt import QEvent, QLineEdit, QResizeEvent, QWidget


class HintedLine(QLineEdit):
    """A one-line box whose placeholder is the longest of its hints that fits its width, never
    a hint cut short with "…"; the first (fullest) is its accessible description."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.hints: tuple[str, ...] = ()

    def set_hints(self, *hints: str) -> None:
        """The hints, fullest first; none shows where even the last does not fit."""
        self.hints = tuple(hints)
        self.setToolTip(hints[0] if hints else "")
        self._fit()

    def _room(self) -> int:
        """The width the text can take inside the frame and padding, in pixels."""
        margins = self.textMargins()
        return (
            self.contentsRect().width()
            - margins.left()
            - margins.right()
            - self.fontMetrics().averageCharWidth() * 2
        )

    def _fit(self) -> None:
        room = self._room()
        fitting = next(
            (h for h in self.hints if self.fontMetrics().horizontalAdvance(h) <= room), ""
        )
        if self.placeholderText() != fitting:
            self.setPlaceholderText(fitting)

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._fit()

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
