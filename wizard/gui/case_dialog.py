"""The case details asked for before a PDF is saved: all optional, printed on the record.

The name and number can be remembered on this terminal, but only while the user ticks the box;
unticking it forgets them. Nothing else is ever remembered: the terminal is shared.
"""

from __future__ import annotations

from itertools import pairwise

from wizard.core.case import CASE_FIELDS, CaseDetails
from wizard.gui.form_widgets import STACK_AT, wrapping_check
from wizard.gui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSettings,
    Qt,
    QVBoxLayout,
    QWidget,
)
from wizard.gui.settings import Preferences
from wizard.gui.widgets import scrolling

REMEMBER_KEY = "case/remember"
REMEMBERED = ("name", "number")  # the only fields ever kept on the terminal
MULTILINE = ("situation", "notes")
MAX_LINE = 200
# Alt+letter for each box, none shared with "Re&member" or "&Save"
MNEMONIC = {
    "name": "N",
    "role": "R",
    "number": "C",
    "supervisor": "u",
    "reference": "I",
    "situation": "t",
    "notes": "e",
}
HINTS = {
    "name": "Your name, or the name of the person asking",
    "role": "For example: PC, PCSO, police staff, Special Constable",
    "number": "Collar number or staff number",
    "supervisor": "The supervisor you spoke to, if any",
    "reference": "An incident, log or other reference number",
    "situation": "A short description of what was asked about",
    "notes": "Anything else worth keeping with the record",
}


# Shorter hints for a narrow box (a large text size): one cut short with "…" helps nobody.
SHORT_HINTS = {
    "name": ("Your name, or theirs",),
    "role": ("PC, PCSO, police staff, Special", "PC, PCSO, staff"),
    "number": ("Collar or staff number",),
    "supervisor": ("The supervisor, if any",),
    "reference": ("A reference number",),
}


class CaseDialog(QDialog):
    """Ask for the optional case details; Enter saves, Esc cancels."""

    def __init__(
        self, settings: QSettings, parent: QWidget | None = None, initial: CaseDetails | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Case details for the PDF")
        self.setAccessibleName("Case details for the PDF")
        outer = QVBoxLayout(self)
        body = QWidget()
        layout = QVBoxLayout(body)  # scrolls: at a large text size it is taller than the screen
        intro = QLabel(
            "Every box is optional. What you fill in is printed on the record; "
            "leave out anything that should not be on it."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if Preferences(settings).text_size >= STACK_AT:  # side by side they would not fit
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.inputs: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name, text in CASE_FIELDS:
            field = self._input(name, text)
            caption = QLabel(_with_mnemonic(text, MNEMONIC[name]) + ":")
            caption.setBuddy(field)
            form.addRow(caption, field)
            self.inputs[name] = field
        layout.addLayout(form)
        remember, self.remember = wrapping_check("Re&member my name and number on this terminal")
        self.remember.setAccessibleDescription(
            "Only if ticked. Untick it to forget them. Other people use this terminal too."
        )
        layout.addWidget(remember)
        outer.addWidget(scrolling(body), 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Save")
        self.save_button.setAccessibleName("Save the PDF with these details")
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            "Cancel: do not save"
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self._chain_tab_order()
        self._fill(initial)
        self._fit_to(parent)

    def _fit_to(self, parent: QWidget | None) -> None:
        """Wide enough to read the boxes at any text size, never larger than the window."""
        self.ensurePolished()  # the text size of the window's style sheet, not Qt's default
        fm = self.fontMetrics()
        width, height = fm.averageCharWidth() * 95, self.sizeHint().height()
        if parent is not None:
            room = parent.window().size()
            width = min(width, int(room.width() * 0.9))
            height = min(height, int(room.height() * 0.9))
        self.resize(width, height)

    def _input(self, name: str, text: str) -> QLineEdit | QPlainTextEdit:
        box: QLineEdit | QPlainTextEdit
        if name in MULTILINE:
            area = QPlainTextEdit()
            area.setTabChangesFocus(True)  # Tab moves on, so the keyboard is never trapped
            area.setPlaceholderText(HINTS[name])
            area.setFixedHeight(area.fontMetrics().lineSpacing() * 4)
            box = area
        else:
            from wizard.gui.hinted_line import HintedLine

            line = HintedLine()
            line.setMaxLength(MAX_LINE)
            line.set_hints(HINTS[name], *SHORT_HINTS.get(name, ()))  # whole, or a shorter one
            box = line
        box.setAccessibleName(text)
        box.setAccessibleDescription(f"Optional. {HINTS[name]}")
        box.setObjectName(f"case_{name}")
        return box

    def _chain_tab_order(self) -> None:
        order: list[QWidget] = [
            *self.inputs.values(),
            self.remember,
            self.save_button,
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        order[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, initial: CaseDetails | None) -> None:
        remembered = _truthy(self.settings.value(REMEMBER_KEY, False))
        self.remember.setChecked(remembered)
        values = {k: v for k, v in (initial.to_dict() if initial else {}).items() if v}
        if remembered:
            for name in REMEMBERED:
                values.setdefault(name, str(self.settings.value(f"case/{name}", "") or ""))
        for name, value in values.items():
            self.set_value(name, value)

    # -- values
    def set_value(self, name: str, value: str) -> None:
        box = self.inputs[name]
        if isinstance(box, QPlainTextEdit):
            box.setPlainText(value)
        else:
            box.setText(value)

    def value(self, name: str) -> str:
        box = self.inputs[name]
        return box.toPlainText() if isinstance(box, QPlainTextEdit) else box.text()

    def details(self) -> CaseDetails:
        return CaseDetails(**{name: self.value(name) for name in self.inputs}).cleaned()

    def accept(self) -> None:
        self.store_remembered()
        super().accept()

    def store_remembered(self) -> None:
        """Keep the name and number only if the box is ticked; otherwise forget them."""
        details = self.details()
        if self.remember.isChecked():
            self.settings.setValue(REMEMBER_KEY, True)
            for name in REMEMBERED:
                self.settings.setValue(f"case/{name}", getattr(details, name))
        else:
            self.settings.remove(REMEMBER_KEY)
            for name in REMEMBERED:
                self.settings.remove(f"case/{name}")
        self.settings.sync()

    @classmethod
    def ask(
        cls, parent: QWidget | None, settings: QSettings, initial: CaseDetails | None = None
    ) -> CaseDetails | None:
        """The details entered, or None if cancelled (tests replace this, so nothing blocks)."""
        dialog = cls(settings, parent, initial)
        return dialog.details() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _with_mnemonic(text: str, letter: str) -> str:
    """`text` with an & before the first `letter` (for Alt+letter)."""
    i = text.find(letter)
    return f"{text[:i]}&{text[i:]}" if i >= 0 else text


def _truthy(value: object) -> bool:
    return str(value).strip().lower() in ("true", "1", "yes")
