"""Run work just after a paint, so that it does not delay what the user is waiting to see.

`after_first_paint`: after a window's first paint, for work the first screen does not show
(screens opened later) or that would slow it down (a Python event filter on the whole
application: the first event it sees from a widget Qt made itself, a scroll bar or a clear
button, makes PySide load every Qt class to name its type). `after_paint`: after the paint
request already posted, e.g. a new screen's, for work such as writing a count to disk.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from weakref import WeakKeyDictionary

from wizard.gui.lazyqt import Qt
from wizard.gui.qt import QCoreApplication, QEvent, QObject, QTimer, QWidget


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


class AfterPaint(QObject):
    """Calls functions, in order, after the paint already asked for. Qt posts its paint request
    (UpdateRequest) at low priority, after every ordinary posted event and queued call (so
    `QTimer.singleShot(0, ...)` runs before the paint); an event posted at a lower priority
    still is delivered after it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._calls: list[Callable[[], object]] = []

    def call(self, function: Callable[[], object]) -> None:
        self._calls.append(function)
        priority = Qt.EventPriority.LowEventPriority.value - 1
        QCoreApplication.postEvent(self, QEvent(_after_paint_event()), priority)

    def event(self, event: QEvent) -> bool:
        if event.type() != _after_paint_event():
            return super().event(event)
        if self._calls:
            self._calls.pop(0)()
        return True


@cache
def _after_paint_event() -> QEvent.Type:
    return QEvent.Type(QEvent.registerEventType())


_posters: WeakKeyDictionary[QObject, AfterPaint] = WeakKeyDictionary()


def after_paint(owner: QObject, callback: Callable[[], object]) -> None:
    """Call `callback` once Qt has handled the paint request already posted (not on the event
    loop's next turn, which comes before it): handling it paints, unless Qt is holding frames
    back just after another paint. Never if `owner` is deleted first."""
    poster = _posters.get(owner)
    if poster is None:
        poster = _posters[owner] = AfterPaint(owner)
    poster.call(callback)
