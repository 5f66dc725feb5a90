""" "This did not answer my question": one optional line of what the person was trying to do,
kept with the walk's answers and outcome for the policy team; never a name, number or account.
"""

from __future__ import annotations

from wizard.feedback.store import MAX_LINE, FeedbackError, check_line
from wizard.gui.qt import QDialog, QDialogButtonBox, QLabel, QLineEdit, Qt, QVBoxLayout, QWidget
from wizard.gui.widgets import scrolling

TITLE = "This did not answer my question"
KEPT = (
    "Tell the policy team, who write the guidance, what it did not answer. This is kept on "
    "this computer{what}, for them to read. It is sent nowhere else, except to the force's "
    "records server when this computer sends its advice records to one."
)
NOT_PERSONAL = (
    "Do not type names, collar or staff numbers, phone numbers or email addresses: "
    "no name, number or account is kept."
)


class FeedbackDialog(QDialog):
    """Ask for the one optional line; Enter keeps the note, Esc cancels."""

    def __init__(
        self, parent: QWidget | None = None, prefill: str = "", with_walk: bool = True
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        outer = QVBoxLayout(self)
        body = QWidget()
        self.scroll_area = scrolling(body)
        outer.addWidget(self.scroll_area, 1)  # at the largest text the words scroll, never clip
        col = QVBoxLayout(body)
        what = " with your answers and the outcome reached" if with_walk else ""
        col.addWidget(_text(KEPT.format(what=what)))
        prompt = _text("&What were you trying to do? (optional, one line)")
        self.line = QLineEdit(prefill)
        self.line.setMaxLength(MAX_LINE)
        self.line.setAccessibleName("What were you trying to do?")
        self.line.setAccessibleDescription(NOT_PERSONAL)
        prompt.setBuddy(self.line)
        self.rule = _text(NOT_PERSONAL)
        self.rule.setProperty("role", "reminder")
        self.error = _text("")
        self.error.setProperty("role", "error")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        keep = buttons.addButton("&Keep this note", QDialogButtonBox.ButtonRole.AcceptRole)
        keep.setDefault(True)
        buttons.accepted.connect(self._keep)
        buttons.rejected.connect(self.reject)
        for w in (self.rule, prompt, self.line, self.error):  # the rule just above the box
            col.addWidget(w)
        col.addStretch(1)
        outer.addWidget(buttons)
        self.line.setFocus(Qt.FocusReason.OtherFocusReason)
        self._fit_to(parent)

    def _fit_to(self, parent: QWidget | None) -> None:
        """Wide enough for the rule on two lines, never larger than the window."""
        self.ensurePolished()  # the text size of the window's style sheet
        fm = self.fontMetrics()
        width, height = fm.averageCharWidth() * 64, fm.lineSpacing() * 17
        if parent is not None:
            room = parent.window().size()
            width, height = (
                min(width, int(room.width() * 0.9)),
                min(height, int(room.height() * 0.9)),
            )
        self.resize(width, height)

    def _keep(self) -> None:
        """Accept unless the store would refuse the line; then say why and stay."""
        try:
            check_line(self.line.text())
        except FeedbackError as exc:
            self.error.setText(f"Not kept: {exc}.")
            self.error.show()
            self.scroll_area.ensureWidgetVisible(self.error)
            self.line.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, prefill: str = "", with_walk: bool = True) -> str | None:
        """The line typed ("" for none), or None if cancelled (tests replace this)."""
        dialog = cls(parent, prefill, with_walk)
        return dialog.line.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _text(text: str) -> QLabel:
    w = QLabel(text)
    w.setWordWrap(True)
    w.setTextFormat(Qt.TextFormat.PlainText)
    return w
