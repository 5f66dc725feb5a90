"""The warning before the idle reset, laid over the top of a window rather than put in its layout:
it takes no room from the screen's answers, and shows over a dialog open in front of the window
(issue 17, item 3). Any key or movement cancels it (see wizard/gui/idle.py)."""

from __future__ import annotations

from wizard.gui.qt import QEvent, QLabel, QObject, Qt, QWidget

NAME = "idleCountdown"


class CountdownBanner(QLabel):
    """A word-wrapped strip across the top of `host`, over its content, that the mouse passes
    through (so that it never takes a click meant for what is under it)."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self._host = host  # its parent, whose size it follows
        self.setObjectName(NAME)
        self.setProperty("role", "countdown")
        self.setWordWrap(True)
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName("Clearing the screen soon")
        self.hide()

    def say(self, text: str) -> None:
        """Show `text` over the top of the host window, and keep it there as the host resizes."""
        self.setText(text)
        self.setAccessibleDescription(text)
        if self.isHidden():
            self._host.installEventFilter(self)  # only while shown: resizes
        self._place()
        self.show()
        self.raise_()

    def withdraw(self) -> None:
        """Hide, and stop following the host's size."""
        if not self.isHidden():
            self._host.removeEventFilter(self)
        self.hide()

    def _place(self) -> None:
        width = self._host.width()
        self.setGeometry(0, 0, width, self.heightForWidth(width))

    def eventFilter(self, watched: QObject, e: QEvent) -> bool:
        if watched is self._host and e.type() == QEvent.Type.Resize:
            self._place()
        return False


def banner_on(host: QWidget) -> CountdownBanner:
    """The countdown banner of `host`, made the first time it is needed."""
    found = host.findChild(CountdownBanner, NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return found if found is not None else CountdownBanner(host)
