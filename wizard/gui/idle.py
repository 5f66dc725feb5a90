"""Notice when nobody has touched the program for a while, so a shared terminal can be cleared."""

from __future__ import annotations

from wizard.gui.first_paint import after_first_paint
from wizard.gui.qt import QCoreApplication, QEvent, QObject, QTimer, QWidget, Signal

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)


WARN_MSEC = 15_000  # how long the countdown before the screen is cleared


class IdleWatcher(QObject):
    """Emits `idle` once after `msec` without keyboard, mouse or touch input anywhere in the app.

    Any input starts the count again. `msec` of 0 turns it off. Tests pass a few milliseconds.
    `warning` comes WARN_MSEC before (a quarter of the wait, if that is less), so the window can
    count down; `resumed` says that input came during the warning and the count starts again.
    `set_msec` changes the wait while the program runs (the Settings dialog).
    When `parent` is a window, input is watched from just after its first paint, which an
    application-wide filter would otherwise delay by some 20 ms (see wizard/gui/first_paint.py).
    """

    idle = Signal()
    warning = Signal()  # the screen will be cleared soon: `remaining()` says when
    resumed = Signal()  # input came after a warning: the screen stays

    def __init__(self, msec: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        # A coarse timer rounds to whole seconds. Set by name: see wizard/gui/lazyqt.py.
        self.timer.setProperty("timerType", "PreciseTimer")
        self.timer.setInterval(max(0, msec))
        self.timer.timeout.connect(self._ran_out)
        self.warn_timer = QTimer(self)
        self.warn_timer.setSingleShot(True)
        self.warn_timer.setProperty("timerType", "PreciseTimer")
        self.warn_timer.timeout.connect(self._warn)
        self.warned = False
        self.enabled = False
        self._filtering = False
        self._before_first_paint = False
        if isinstance(parent, QWidget):
            self._before_first_paint = True
            after_first_paint(parent, self._painted)
        self.set_msec(msec)

    def set_msec(self, msec: int) -> None:
        """Wait `msec` from now (0 turns the watch off)."""
        self.timer.setInterval(max(0, msec))
        self.warn_timer.setInterval(max(0, msec - min(WARN_MSEC, msec // 4)))
        self.enabled = msec > 0
        if self.enabled and QCoreApplication.instance() is not None:
            self._restart()
        else:
            self.timer.stop()
            self.warn_timer.stop()
        self._update_filter()

    def remaining(self) -> int:
        """Milliseconds until the screen is cleared (0 when the watch is off)."""
        return max(0, self.timer.remainingTime()) if self.timer.isActive() else 0

    def _restart(self) -> None:
        self.timer.start()
        self.warn_timer.start()
        if self.warned:
            self.warned = False
            self.resumed.emit()

    def _warn(self) -> None:
        self.warned = True
        self.warning.emit()

    def _ran_out(self) -> None:
        self.warned = False
        self.idle.emit()

    def _painted(self) -> None:
        self._before_first_paint = False
        self._update_filter()

    def _update_filter(self) -> None:
        """Filter the application's input while enabled (from the window's first paint)."""
        app = QCoreApplication.instance()
        wanted = self.enabled and app is not None and not self._before_first_paint
        if wanted and app is not None and not self._filtering:
            app.installEventFilter(self)
        elif self._filtering and not wanted and app is not None:
            app.removeEventFilter(self)
        self._filtering = wanted

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._restart()
        return False
