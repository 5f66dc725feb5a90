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
    """

    idle = Signal()

    def __init__(self, msec: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one rounds to whole seconds
        self.timer.setInterval(max(0, msec))
        self.timer.timeout.connect(self.idle)
        self.enabled = msec > 0
        app = QCoreApplication.instance()
        if self.enabled and app is not None:
            app.installEventFilter(self)
            self.timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.timer.start()
        return False
