"""Notice when nobody has touched the program for a while, so a shared terminal can be cleared."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from wizard.gui.first_paint import after_first_paint

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
})


class IdleWatcher(QObject):
    """Emits `idle` once after `msec` without keyboard, mouse or touch input anywhere in the app.

    Any input starts the count again. `msec` of 0 turns it off. Tests pass a few milliseconds.
    `set_msec` changes the wait while the program runs (the Settings dialog).
    When `parent` is a window, input is watched from just after its first paint, which an
    application-wide filter would otherwise delay by some 20 ms (see wizard/gui/first_paint.py).
    """

    idle = Signal()

    def __init__(self, msec: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        # A coarse timer rounds to whole seconds. Set by name: see wizard/gui/lazyqt.py.
        self.timer.setProperty("timerType", "PreciseTimer")
        self.timer.setInterval(max(0, msec))
        self.timer.timeout.connect(self.idle)
        self.enabled = False
        self._filtering = False
        self._before_first_paint = isinstance(parent, QWidget)
        if self._before_first_paint:
            after_first_paint(parent, self._painted)
        self.set_msec(msec)

    def set_msec(self, msec: int) -> None:
        """Wait `msec` from now (0 turns the watch off)."""
        self.timer.setInterval(max(0, msec))
        self.enabled = msec > 0
        if self.enabled and QCoreApplication.instance() is not None:
            self.timer.start()
        else:
            self.timer.stop()
        self._update_filter()

    def _painted(self) -> None:
        self._before_first_paint = False
        self._update_filter()

    def _update_filter(self) -> None:
        """Filter the application's input while enabled (from the window's first paint)."""
        app = QCoreApplication.instance()
        wanted = self.enabled and app is not None and not self._before_first_paint
        if wanted and not self._filtering:
            app.installEventFilter(self)
        elif self._filtering and not wanted and app is not None:
            app.removeEventFilter(self)
        self._filtering = wanted

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.timer.start()
        return False
