"""Run work just after a window's first paint, so that it does not delay the first screen.

For work the first screen does not show (screens opened later) or that would slow it down (a
Python event filter on the whole application: the first event it sees from a widget Qt made
itself, a scroll bar or a clear button, makes PySide load every Qt class to name its type).
"""

from __future__ import annotations

from collections.abc import Callable
from weakref import WeakKeyDictionary

from wizard.gui.qt import QEvent, QObject, QTimer, QWidget


class _FirstPaint(QObject):
    """Waits for a widget's first Paint event, then runs its callbacks in order, each in a turn
    of the event loop of its own (a key pressed meanwhile waits less).

    One per widget, however many callbacks: every event the widget gets until then passes
    through this Python filter (~30 for the window before its first paint).
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self.callbacks: list[Callable[[], object]] = []
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.widget and event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            _waiting.pop(self.widget, None)
            for callback in self.callbacks:  # once this paint is done
                QTimer.singleShot(0, self.widget, callback)
            self.deleteLater()
        return False


_waiting: WeakKeyDictionary[QWidget, _FirstPaint] = WeakKeyDictionary()


def after_first_paint(window: QWidget, callback: Callable[[], object]) -> None:
    """Call `callback` once, just after `window` is first painted; if the window has been
    painted already, on the event loop's next turn. A window never shown never calls it."""
    waiting = _waiting.get(window)
    if waiting is None and window.isVisible():  # shown, and not waiting: painted already
        QTimer.singleShot(0, window, callback)
        return
    if waiting is None:
        waiting = _waiting[window] = _FirstPaint(window)
    waiting.callbacks.append(callback)
