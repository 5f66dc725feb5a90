"""Notice when nobody has touched the program for a while, so a shared terminal can be cleared."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
})


class IdleWatcher(QObject):
    """Emits `idle` once after `msec` without keyboard, mouse or touch input anywhere in the app.

    Any input starts the count again. `msec` of 0 turns it off. Tests pass a few milliseconds.
    `set_msec` changes the wait while the program runs (the Settings dialog).
    """

    idle = Signal()

    def __init__(self, msec: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one rounds to whole seconds
        self.timer.setInterval(max(0, msec))
        self.timer.timeout.connect(self.idle)
        self.enabled = False
        self._filtering = False
        self.set_msec(msec)

    def set_msec(self, msec: int) -> None:
        """Wait `msec` from now (0 turns the watch off)."""
        app = QCoreApplication.instance()
        self.timer.setInterval(max(0, msec))
        self.enabled = msec > 0
        if self.enabled and app is not None:
            if not self._filtering:
                app.installEventFilter(self)
                self._filtering = True
            self.timer.start()
        else:
            self.timer.stop()
            if self._filtering and app is not None:
                app.removeEventFilter(self)
            self._filtering = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.timer.start()
        return False
