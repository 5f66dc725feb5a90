"""Run work just after a window's first paint, so that it does not delay the first screen.

For work the first screen does not show (screens opened later) or that would slow it down (a
Python event filter on the whole application: the first event it sees from a widget Qt made
itself, a scroll bar or a clear button, makes PySide load every Qt class to name its type).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    """Waits for the window's first Paint event, then runs the callback once that is done."""

    def __init__(self, window: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(window)
        self.window = window
        self.callback = callback
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # once this paint is done
        return False

    def _run(self) -> None:
        self.callback()
        self.deleteLater()


def after_first_paint(window: QWidget, callback: Callable[[], object]) -> None:
    """Call `callback` once, just after `window` is first painted; if the window is already
    shown, on the event loop's next turn. A window never shown never calls it."""
    if window.isVisible():
        QTimer.singleShot(0, window, callback)
    else:
        _FirstPaint(window, callback)
