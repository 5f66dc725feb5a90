"""The window's top bar: always one row. Buttons that do not fit fold into a Menu button at its
right end, as browsers do, so that at a large text size on a 1024x768 screen the bar stays small.
"""

from __future__ import annotations

from wizard.gui.qt import QFrame, QHBoxLayout, QMenu, QPushButton, QWidget
from wizard.gui.widgets import button


class TopBar(QFrame):
    """`fixed` buttons on the left always show; `tools` follow them and `right` sit at the right
    end; those fold into the menu, the rightmost first, when the row is too narrow."""

    def __init__(
        self, fixed: list[QPushButton], right: list[QPushButton], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "topBar")
        self.fixed = list(fixed)
        self.tools: list[QPushButton] = []
        self.right = list(right)
        self.row = QHBoxLayout(self)
        for b in self.fixed:
            self.row.addWidget(b)
        self.row.addStretch(1)
        for b in self.right:
            self.row.addWidget(b)
        self.menu = QMenu(self)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.menu_button = button(
            "Menu ▾", "Menu", "The buttons there is no room for here", self._open_menu
        )
        self.menu_button.hide()
        self.row.addWidget(self.menu_button)

    def add_tool(self, b: QPushButton) -> None:
        """Put a feature's button after the fixed ones (and fold it when there is no room)."""
        self.row.insertWidget(len(self.fixed) + len(self.tools), b)
        self.tools.append(b)
        self.fold()

    def folded(self) -> list[QPushButton]:
        """The buttons now in the menu, in the order they read in the bar."""
        return [b for b in (*self.tools, *self.right) if b.isHidden()]

    def fold(self) -> None:
        """Show as many buttons as fit in one row, in reading order; put the rest in the menu."""
        foldable = [*self.tools, *self.right]
        margins = self.row.contentsMargins()
        room = self.contentsRect().width() - margins.left() - margins.right()
        gap = max(0, self.row.spacing())

        def width(buttons: list[QPushButton]) -> int:
            return sum(b.sizeHint().width() for b in buttons) + gap * (len(buttons) - 1)

        keep = len(foldable)
        if width([*self.fixed, *foldable]) > room:
            keep -= 1
            while keep > 0 and width([*self.fixed, *foldable[:keep], self.menu_button]) > room:
                keep -= 1
        for i, b in enumerate(foldable):
            b.setVisible(i < keep)
        self.menu_button.setVisible(keep < len(foldable))

    def resizeEvent(self, e) -> None:  # a QResizeEvent
        super().resizeEvent(e)
        self.fold()

    def changeEvent(self, e) -> None:  # a new font (text size) changes what fits
        super().changeEvent(e)
        if self.isVisible():
            self.fold()

    def _open_menu(self) -> None:
        self.menu.popup(self.menu_button.mapToGlobal(self.menu_button.rect().bottomLeft()))

    def _fill_menu(self) -> None:
        """One entry per folded button, pressing it; a checkable one shows its state."""
        self.menu.clear()
        for b in self.folded():
            action = self.menu.addAction(b.accessibleName() or b.text())
            action.setToolTip(b.toolTip())
            if b.isCheckable():
                action.setCheckable(True)
                action.setChecked(b.isChecked())
            action.triggered.connect(lambda _=False, b=b: b.click())
        # The bar's own text size, set on the menu itself: sized from the style sheet alone,
        # Qt measures the entries in one font and draws them in another, cutting them short.
        self.menu.setFont(self.menu_button.font())
