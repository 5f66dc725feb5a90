""" "Record advice...": the form a supervisor fills in to record the advice given on a walk.

Filled from the walk's transcript (the guidance's verdict and topic shown, the cited guidance
pre-filled under "Powers and policy"). The supervisor's name and the advice given are required,
and a reason when the advice differs from the guidance's outcome. Saving shows the record's id.
If the records cannot be written, the form stays open with everything typed, says why in one
line, and offers to save the advice as a PDF instead: nothing typed is ever lost.

Cancel (or Esc, or closing the window) asks before throwing typed advice away. When the main
window clears the screen for the next person (Clear, or idle), it rejects open dialogs: then the
form closes without asking, and what was typed is kept as a file in the records folder's
`unsaved` folder (`records add --record FILE` saves it), so the next person sees nothing of it.

Every question put to the user is a module-level function or `RecordDialog.ask`, so tests
replace them and nothing blocks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from wizard.core.catalog import Catalog
from wizard.core.transcript import Transcript
from wizard.core.verdicts import VERDICTS
from wizard.export.markup import escape as _e
from wizard.gui.form_widgets import STACK_AT, GrowingText, wrapping_check
from wizard.gui.hinted_line import HintedLine
from wizard.gui.pdf_actions import default_folder, pdf_options, with_pdf_suffix
from wizard.gui.qt import (
    QCloseEvent,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSettings,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
)
from wizard.gui.settings import Preferences
from wizard.gui.widgets import scrolling
from wizard.library.atomicfile import SaveError
from wizard.records.drafts import UNSAVED_FOLDER, keep_unsaved
from wizard.records.errors import RecordRefused, RecordsError
from wizard.records.model import NDM_FIELDS, Record, cited_guidance, local_time
from wizard.records.pdf import write_record_pdf
from wizard.records.store import RecordStore

TITLE = "Record advice"
STORE_TIMEOUT = 5.0  # seconds to wait for another terminal's save before saying "locked"
LINES = (
    "supervisor_name",
    "supervisor_number",
    "advised_name",
    "advised_role",
    "advised_number",
    "reference",
)
LABELS = {
    "supervisor_name": "&Supervisor's name *",
    "supervisor_number": "Supervisor's collar or staff &number",
    "advised_name": "&Person advised",
    "advised_role": "Their &role",
    "advised_number": "Their collar or staff n&umber",
    "reference": "&Incident or reference number",
    "situation": "Si&tuation, in their words",
    "advice": "&Advice given *",
    "reason": "&Why your advice differs *",
}
# The fullest that fits the box shows (see HintedLine): never one cut short with "…".
LINE_HINTS = {
    "advised_role": (
        "For example: PC, PCSO, police staff, Special Constable",
        "PC, PCSO, police staff, Special",
        "PC, PCSO, staff",
    ),
}
HINTS = {
    "situation": "What they asked about, as they put it",
    "advice": "What you told them to do",
    "reason": "Why you advised something other than the guidance's outcome",
}


class RecordDialog(QDialog):
    """The form; `saved` holds the record once it is in the records."""

    def __init__(
        self,
        transcript: Transcript,
        records_path: Path,
        settings: QSettings,
        parent: QWidget | None = None,
        trees: Catalog | None = None,
    ) -> None:
        """`trees`: the trees the walk was made on, to check it against as it is saved."""
        super().__init__(parent)
        self.transcript = transcript
        self.trees = trees
        self.records_path = Path(records_path)
        self.settings = settings
        self.saved: Record | None = None
        self.failure = ""  # why the last save failed (for the PDF instead)
        self.pdf_path: Path | None = None
        self.draft_path: Path | None = None  # where typing was kept when the screen was cleared
        self.prefilled: dict[str, str] = {}  # filled from the walk's PDF case details
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.setMinimumWidth(560)
        self.inputs: dict[str, QLineEdit | QPlainTextEdit] = {}
        outer = QVBoxLayout(self)
        body = QWidget()
        # Wrapped to the dialog's width, never scrolled sideways, and see-through to the
        # theme's background (a plain QScrollArea is white in high contrast).
        scroll = scrolling(body)
        layout = QVBoxLayout(body)
        layout.addWidget(self._summary())  # scrolls with the form: at 36 points it is long
        layout.addLayout(self._people_form())
        layout.addWidget(self._ndm_group())
        outer.addWidget(scroll, 1)
        self.message = QLabel()
        self.message.setObjectName("recordMessage")
        self.message.setStyleSheet("QLabel#recordMessage { color: #b00020; font-weight: bold; }")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        outer.addWidget(self.message)
        outer.addLayout(self._buttons())
        self.save_button.setDefault(True)  # once inside the dialog, so QDialog keeps it
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(self.save)
        self.differs.toggled.connect(self._differs_changed)
        self._differs_changed(False)
        self.inputs["supervisor_name"].setFocus()
        self._fit_to(parent)

    def _fit_to(self, parent: QWidget | None) -> None:
        """Wide enough to read the fields at any text size, never larger than the window."""
        self.ensurePolished()  # the text size of the window's style sheet, not Qt's default
        fm = self.fontMetrics()
        width, height = fm.averageCharWidth() * 100, fm.lineSpacing() * 40
        if parent is not None:
            room = parent.window().size()
            width = min(width, int(room.width() * 0.9))
            height = min(height, int(room.height() * 0.9))
        self.resize(max(width, self.minimumWidth()), height)

    # -- building the form
    def _summary(self) -> QLabel:
        o = self.transcript.outcome
        if o is None:
            text = "The walk has no outcome yet."
        else:
            v = VERDICTS.get(o.verdict)
            mark = f"{v.symbol} " if v else ""
            tree = next(
                (t for t in self.transcript.trees if t.id == o.tree_id), self.transcript.tree
            )
            text = (
                f"The guidance's outcome: <b>{_e(mark + o.verdict_label)}</b>: "
                f"{_e(o.title)}<br>Topic: {_e(tree.title)} (version {_e(tree.version)})"
                "<br>Boxes marked * must be filled in."
            )
        label = QLabel(text)
        label.setObjectName("recordSummary")
        label.setWordWrap(True)
        return label

    def _people_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._stack_if_large(form)
        for name in (*LINES, "situation", "advice"):
            self._add_row(form, *self._labelled(name, self._input(name)))
        # Words that wrap: a check box's own text is cut off at a large text size.
        differs, self.differs = wrapping_check("My advice &differs from the guidance's outcome")
        form.addRow(differs)
        self.reason_row = self._labelled("reason", self._input("reason"))
        self._add_row(form, *self.reason_row)
        return form

    def _stack_if_large(self, form: QFormLayout) -> None:
        """At a large text size each caption goes above its box: side by side, they would be
        wider than the dialog and cut off at its right edge."""
        if self._stacked():
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)

    def _wrap_if_stacked(self, caption: QLabel) -> None:
        """Above its box (a row of its own, the form's width), a caption wraps past that."""
        caption.setWordWrap(self._stacked())

    def _add_row(self, form: QFormLayout, caption: QLabel, field: QWidget) -> None:
        """The caption beside its box, or above it at a large text size."""
        if self._stacked():
            form.addRow(caption)
            form.addRow(field)
        else:
            form.addRow(caption, field)

    def _stacked(self) -> bool:
        """Whether captions go above their boxes (at a large text size)."""
        return Preferences(self.settings).text_size >= STACK_AT

    def _labelled(self, name: str, widget: QWidget) -> tuple[QLabel, QWidget]:
        label = QLabel(LABELS[name])
        self._wrap_if_stacked(label)
        label.setBuddy(widget)
        widget.setAccessibleName(LABELS[name].replace("&", "").rstrip(" *"))
        return label, widget

    def _input(self, name: str, text: str = "") -> QLineEdit | QPlainTextEdit:
        if name in LINES:
            line = HintedLine(text)
            line.setMaxLength(200)
            line.set_hints(*LINE_HINTS.get(name, ()))
            widget: QLineEdit | QPlainTextEdit = line
        else:
            # As tall as its text: the form scrolls, not each box (issue 17, item 15).
            widget = GrowingText(text)
            widget.setTabChangesFocus(True)  # Tab moves on: keyboard users are never trapped
        if name in HINTS:
            widget.setPlaceholderText(HINTS[name])
        widget.setObjectName(name)
        self.inputs[name] = widget
        return widget

    def _ndm_group(self) -> QGroupBox:
        title = "National Decision Model (optional)"
        group = QGroupBox()  # its title inside, wrapped: a group box's own title cannot wrap
        group.setAccessibleName(title)
        form = QFormLayout(group)
        self._stack_if_large(form)
        heading = QLabel(title)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")
        form.addRow(heading)
        prefill = {"powers_and_policy": cited_guidance(self.transcript)}
        for name, label in NDM_FIELDS:
            widget = self._input(name, prefill.get(name, ""))
            widget.setAccessibleName(label)
            caption = QLabel(label)
            self._wrap_if_stacked(caption)
            self._add_row(form, caption, widget)
        return group

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.pdf_button = QPushButton("Save as PD&F instead…")
        self.pdf_button.setAutoDefault(False)
        self.pdf_button.clicked.connect(self.save_pdf_instead)
        self.pdf_button.hide()
        row.addWidget(self.pdf_button)
        row.addStretch(1)
        cancel = QPushButton("Cancel")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.cancel)
        self.save_button = QPushButton("Sa&ve record")
        self.save_button.setDefault(True)  # Enter in a one-line box saves, as in the PDF form
        self.save_button.clicked.connect(self.save)
        self.save_button.setToolTip("Save the record (Enter, or Ctrl+Enter from a text box)")
        row.addWidget(cancel)
        row.addWidget(self.save_button)
        return row

    def _differs_changed(self, on: bool) -> None:
        """The reason is asked for only while the box is ticked: unticked, its row is hidden
        rather than greyed, so it never looks like a box that must be filled in."""
        for widget in self.reason_row:
            widget.setEnabled(on)
            widget.setVisible(on)

    # -- what was typed
    def text(self, name: str) -> str:
        widget = self.inputs[name]
        return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()

    def set_text(self, name: str, value: str) -> None:
        widget = self.inputs[name]
        if isinstance(widget, QLineEdit):
            widget.setText(value)
        else:
            widget.setPlainText(value)

    def fill_from(self, draft: Record) -> None:
        """Fill the form with what an unfinished record held (kept when a screen was cleared)."""
        for name in self.inputs:
            value = getattr(draft, name, "")
            if isinstance(value, str) and value:
                self.set_text(name, value)
        self.differs.setChecked(bool(draft.differs))

    def record(self) -> Record:
        """The record as the form stands (not yet saved)."""
        # the form's boxes by Record field name (each a str field: mypy cannot tell which)
        values: dict[str, Any] = {name: self.text(name).strip() for name in self.inputs}
        differs = self.differs.isChecked()
        if not differs:
            values["reason"] = ""
        return Record(transcript=self.transcript, differs=differs, **values)

    def fill_known(self, known: dict[str, str]) -> None:
        """Fill empty boxes with what is known of this walk (the PDF's case details); that is
        not typing to keep or to ask about discarding."""
        for name, value in known.items():
            if name in self.inputs and value and not self.text(name).strip():
                self.set_text(name, value)
                self.prefilled[name] = value

    def has_typed(self) -> bool:
        prefill = {"powers_and_policy": cited_guidance(self.transcript), **self.prefilled}
        return any(self.text(n).strip() != prefill.get(n, "").strip() for n in self.inputs)

    # -- saving
    def save(self) -> None:
        record = self.record()
        problems = record.problems()
        if problems:
            self.show_message(f"Not saved yet: {'; '.join(problems)}.")
            self._focus_first_missing(record)
            return
        try:
            with RecordStore(self.records_path, timeout=STORE_TIMEOUT) as store:
                self.saved = store.add(record, trees=self.trees)
        except RecordRefused as exc:
            self.show_message(str(exc))
            return
        except RecordsError as exc:
            self.failure = str(exc)
            self.show_message(
                f"{exc} Your advice is still here: try again, or save it as a PDF instead."
            )
            self.pdf_button.show()
            return
        tell_saved(self, self.saved)
        self.accept()

    def _focus_first_missing(self, record: Record) -> None:
        for name, missing in (
            ("supervisor_name", not record.supervisor_name),
            ("advice", not record.advice),
            ("reason", record.differs and not record.reason),
        ):
            if missing:
                self.inputs[name].setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def save_pdf_instead(self) -> None:
        """The advice as a PDF that says it is not in the records; the form stays open."""
        stamp = dt.datetime.now().strftime("%Y-%m-%d %H%M")
        suggestion = default_folder(self.settings) / f"Advice not recorded {stamp}.pdf"
        chosen = ask_pdf_path(self, suggestion)
        if chosen is None:
            return
        path = with_pdf_suffix(chosen)
        try:
            write_record_pdf(
                path, self.record(), options=pdf_options(self.settings), not_saved=self.failure
            )
        except SaveError as exc:
            tell_error(self, str(exc))
            return
        self.pdf_path = path
        self.show_message(
            f"Saved as a PDF: {path}. The advice is NOT in the records yet; you "
            "can still try Save record again."
        )

    # -- leaving
    def _unsaved_typing(self) -> bool:
        return self.saved is None and self.pdf_path is None and self.has_typed()

    def cancel(self) -> None:
        """The user's Cancel (or Esc): ask before throwing typed advice away."""
        if self._unsaved_typing() and not confirm_discard(self):
            return
        super().reject()

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(e)

    def closeEvent(self, e: QCloseEvent) -> None:
        if self._unsaved_typing() and not confirm_discard(self):
            e.ignore()
            return
        super().closeEvent(e)

    def reject(self) -> None:
        """Closed by the program (the screen cleared for the next person): never ask, never
        lose typing: keep it as a file in the records folder, then close."""
        if self._unsaved_typing():
            self.draft_path = keep_unsaved(
                self.record(), (self.records_path.parent / UNSAVED_FOLDER, Path.home())
            )
        super().reject()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        transcript: Transcript,
        records_path: Path,
        settings: QSettings,
        trees: Catalog | None = None,
    ) -> Record | None:
        """Show the form; the saved record, or None if nothing was saved."""
        from wizard.gui import walk_details

        dialog = cls(transcript, records_path, settings, parent, trees)
        dialog.fill_known(walk_details.details(parent))
        dialog.exec()
        walk_details.keep_record(parent, {n: dialog.text(n) for n in dialog.inputs})
        return dialog.saved


# -- the questions put to the user (tests replace these)
def tell_saved(parent: QWidget | None, record: Record) -> None:
    QMessageBox.information(
        parent, "Advice recorded", f"Saved as record {record.id} ({local_time(record.created_at)})."
    )


def tell_error(parent: QWidget | None, message: str, title: str = "Not saved") -> None:
    QMessageBox.warning(parent, title, message)


def discard_box(parent: QWidget | None) -> tuple[QMessageBox, QPushButton, QPushButton]:
    """The question before typing is lost, its buttons named by what they do (a "Cancel" here
    would mean the opposite of the form's own Cancel): the box, Discard, Keep editing."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Discard this advice?",
        "The advice has not been recorded. Close the form and lose what you typed?",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    discard = box.addButton("&Discard what I typed", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("&Keep editing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)  # Enter or Esc keeps the typing
    box.setEscapeButton(keep)
    return box, discard, keep


def confirm_discard(parent: QWidget | None) -> bool:
    """True if the user really wants to close the form and lose what was typed."""
    box, discard, _keep = discard_box(parent)
    box.exec()
    return box.clickedButton() is discard


def ask_pdf_path(parent: QWidget | None, suggestion: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, "Save the advice as a PDF", str(suggestion), "PDF files (*.pdf)"
    )
    return Path(name) if name else None
