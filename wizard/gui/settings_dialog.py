"""Settings (Ctrl+,): what a supervisor or station admin sets on a terminal, in one dialog.

The protective marking and paper size of PDFs, when an untouched screen is cleared, where the
advice records are kept, which trees are used, and the text size and contrast. OK checks every
changed value, refuses a bad one with a message beside its field, and saves only what changed;
Cancel (or Esc, or the screen being cleared) changes nothing. Each value is read and written
through the module that uses it (settings.Preferences, pdf_actions, records_actions), so there
is one key and one default for each.

`SettingsDialog.ask` and `choose_folder` are what tests replace, so nothing blocks.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.export.pdf import DEFAULT_MARKING, PAGE_SIZES
from wizard.gui.flow_layout import flow_row
from wizard.gui.form_widgets import STACK_AT, wrapping_check
from wizard.gui.hinted_line import HintedLine
from wizard.gui.pdf_actions import MARKING_KEY, PAGE_SIZE_KEY, pdf_options
from wizard.gui.qt import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSettings,
    Qt,
    QVBoxLayout,
    QWidget,
)
from wizard.gui.records_actions import SETTING as RECORDS_KEY
from wizard.gui.settings import TEXT_SIZES, Preferences
from wizard.gui.widgets import ResponsiveRow, button, label, scrolling
from wizard.library.choose import ENV_VAR as TREES_ENV
from wizard.library.choose import folder_problem
from wizard.library.locations import bundled_trees, inside_bundle
from wizard.records.datadir import ENV as RECORDS_ENV
from wizard.records.datadir import data_dir, default_data_dir

if TYPE_CHECKING:
    from wizard.gui.main_window import MainWindow

TITLE = "Settings"
MARKINGS = ("OFFICIAL", "OFFICIAL-SENSITIVE")
MAX_MARKING = 60
IDLE_CHOICES = (1.0, 2.0, 3.0, 5.0, 10.0, 15.0, 30.0, 60.0)  # minutes; the setting's own kept too
NEVER = "Never (not for a shared terminal)"
WIDE_AT = 75  # characters: a narrower folder row puts its buttons under the box


class Rows(QGridLayout):
    """Captions beside their fields (or above them, at a large text size), under headings.

    A grid rather than a QFormLayout: that misjudges the height of a field whose wrapped
    message appears after it was laid out, and cut the message off.
    """

    def __init__(self, stacked: bool) -> None:
        super().__init__()
        self.stacked = stacked
        self.setColumnStretch(1, 1)

    def heading(self, text: str) -> None:
        self.addWidget(label(text, "h2"), self.rowCount(), 0, 1, 2)

    def add(self, caption: QLabel, field: QWidget) -> None:
        row = self.rowCount()
        if self.stacked:
            self.addWidget(caption, row, 0, 1, 2)
            self.addWidget(field, row + 1, 0, 1, 2)
        else:
            self.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            self.addWidget(field, row, 1)


class SettingsDialog(QDialog):
    """The settings form; `changed` names the settings that OK saved."""

    def __init__(
        self, settings: QSettings, trees_in_use: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.prefs = Preferences(settings)
        self.trees_in_use = trees_in_use
        self.changed: set[str] = set()
        self.errors: dict[QWidget, QLabel] = {}  # by field: its message, hidden until needed
        self.notes: dict[QWidget, QLabel] = {}  # by field: the line under it, if any
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        form = Rows(stacked=self.prefs.text_size >= STACK_AT)
        self._pdf_rows(form)
        self._terminal_rows(form)
        self._folder_rows(form)
        self._display_rows(form)
        body = QWidget()
        body.setLayout(form)
        self.scroll_area = scrolling(body)
        outer = QVBoxLayout(self)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(self._buttons())
        # Only once OK is inside the dialog: QDialog remembers its default button then, and
        # otherwise makes the first auto-default button (Browse…) what Enter presses.
        self.ok_button.setDefault(True)
        self.initial = self.values()
        self.tab_order: list[QWidget] = [
            self.marking,
            self.page_size,
            self.idle,
            self.records,
            self.records_browse,
            self.trees,
            self.trees_browse,
            self.trees_bundled,
            self.text_size,
            self.contrast,
            self.ok_button,
            self.cancel_button,
        ]
        self.marking.setFocus(Qt.FocusReason.OtherFocusReason)
        self._fit_to(parent, body)

    # -- building
    def _pdf_rows(self, form: Rows) -> None:
        form.heading("PDFs")
        options = pdf_options(self.settings)
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.marking.addItems(MARKINGS)
        marking_line = self.marking.lineEdit()
        if marking_line is not None:  # always: an editable box has one
            marking_line.setMaxLength(MAX_MARKING)
        self.marking.setCurrentText(options.marking)
        self._field(
            form,
            "Protective &marking",
            self.marking,
            "Printed at the top and bottom of every page. Choose one or type your own.",
        )
        self.page_size = QComboBox()
        self.page_size.addItems(list(PAGE_SIZES))
        self.page_size.setCurrentText(options.page_size)
        self._field(form, "&Paper size", self.page_size, "")

    def _terminal_rows(self, form: Rows) -> None:
        form.heading("Shared terminal")
        self.idle = QComboBox()
        current = self.prefs.idle_minutes
        for minutes in sorted({*IDLE_CHOICES, current} - {0.0}):
            self.idle.addItem(idle_text(minutes), minutes)
        self.idle.addItem(NEVER, 0.0)
        self.idle.setCurrentIndex(self.idle.findData(current))
        self._field(
            form,
            "Clear the screen &after",
            self.idle,
            "With no key press or click for this long, the answers on screen are wiped "
            "and home shows again, for the next person. “Never” is only for a terminal "
            "one person uses.",
        )

    def _folder_rows(self, form: Rows) -> None:
        form.heading("Folders")
        self.records = HintedLine(str(self.settings.value(RECORDS_KEY, "") or "").strip())
        self.records.set_hints(f"The default: {default_data_dir()}", "The default folder")
        self.records_browse = button(
            "&Browse…",
            "Browse for the records folder",
            "Choose the folder for the advice records",
            lambda: self._browse(self.records, "Advice records folder", default_data_dir()),
        )
        self.records_note = label("", "meta")
        self.records.textChanged.connect(self._records_note)
        self._field(
            form,
            "&Records folder",
            self._with(self.records, self.records_browse),
            note=self.records_note,
            field=self.records,
        )
        self._records_note()
        self.trees = HintedLine(self.prefs.trees_folder)
        self.trees.set_hints("The trees that came with the program", "The bundled trees")
        self.trees_browse = button(
            "Bro&wse…",
            "Browse for the trees folder",
            "Choose a folder of trees, e.g. the policy team's share",
            lambda: self._browse(self.trees, "Trees folder", bundled_trees()),
        )
        self.trees_bundled = button(
            "&Use the bundled trees",
            "Use the bundled trees",
            "Use the trees that came with the program",
            self.trees.clear,
        )
        env = os.environ.get(TREES_ENV, "").strip()
        env_note = (
            f" {TREES_ENV} names {env} on this computer; a folder set here comes first."
            if env
            else ""
        )
        self._field(
            form,
            "&Trees folder",
            self._with(self.trees, self.trees_browse, self.trees_bundled),
            f"In use now: {self.trees_in_use}. A change takes effect the next time the "
            f"program starts.{env_note}",
            field=self.trees,
        )

    def _display_rows(self, form: Rows) -> None:
        form.heading("Display")
        self.text_size = QComboBox()
        for size in TEXT_SIZES:
            self.text_size.addItem(f"{size} points", size)
        self.text_size.setCurrentIndex(TEXT_SIZES.index(self.prefs.text_size))
        self._field(
            form,
            "Text si&ze",
            self.text_size,
            "Also Ctrl+Plus and Ctrl+Minus in the window; Ctrl+0 resets.",
        )
        contrast, self.contrast = wrapping_check("&High contrast colours (also Ctrl+Shift+H)")
        self.contrast.setAccessibleName("High contrast colours")
        self.contrast.setChecked(self.prefs.high_contrast)
        self._field(form, "Contrast", contrast, field=self.contrast)

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&OK")
        self.ok_button.setAccessibleName("OK: save these settings")
        self.cancel_button = box.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText("&Cancel")
        self.cancel_button.setAccessibleName("Cancel: change nothing")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        return box

    def _field(
        self,
        form: Rows,
        caption: str,
        widget: QWidget,
        note: str | QLabel = "",
        *,
        field: QWidget | None = None,
    ) -> QWidget:
        """A row: the caption (Alt+letter goes to the field), the field, a note under it, and a
        message for a refused value, hidden until needed."""
        field = field or widget
        name = caption.replace("&", "")
        field.setAccessibleName(field.accessibleName() or name)
        note_label = (label(note, "meta") if note else None) if isinstance(note, str) else note
        if note_label is not None:
            field.setAccessibleDescription(note_label.text())
            self.notes[field] = note_label
        error = label("", "error")
        error.setAccessibleName(f"{name}: problem")
        error.hide()
        self.errors[field] = error
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        for w in (widget, note_label, error):
            if w is not None:
                column.addWidget(w)
        for combo in [widget, *widget.findChildren(QComboBox)]:
            if isinstance(combo, QComboBox):  # as narrow as the dialog, not its longest item
                combo.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                combo.setMinimumContentsLength(8)
        caption_label = QLabel(caption)
        caption_label.setBuddy(field)
        form.add(caption_label, cell)
        return cell

    @staticmethod
    def _with(line: QLineEdit, *buttons: QPushButton) -> QWidget:
        """The box with its buttons beside it, or under it where the row is narrow."""
        row = ResponsiveRow(WIDE_AT)
        row.box.addWidget(line, 1)
        group, layout = flow_row()  # the buttons wrap rather than widen the dialog
        for b in buttons:
            layout.addWidget(b)
        row.box.addWidget(group)
        return row

    def _fit_to(self, parent: QWidget | None, body: QWidget) -> None:
        """Wide enough to read at any text size, tall enough to show everything if it can;
        never more than 90% of the window it belongs to (the form scrolls instead)."""
        self.ensurePolished()
        body.ensurePolished()
        fm = self.fontMetrics()
        width = fm.averageCharWidth() * 110
        height = body.sizeHint().height() + self.ok_button.sizeHint().height() + fm.height() * 4
        if parent is not None:
            room = parent.window().size()
            width = min(width, int(room.width() * 0.9))
            height = min(height, int(room.height() * 0.9))
        self.resize(width, height)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab and Shift+Tab go round `tab_order`, as the fields read, scrolling to each."""
        now = self.focusWidget()
        at = next(
            (
                i
                for i, w in enumerate(self.tab_order)
                if now is not None and (w is now or w.isAncestorOf(now))
            ),
            None,
        )
        if at is None:
            return super().focusNextPrevChild(forward)
        step = 1 if forward else -1
        for i in range(1, len(self.tab_order) + 1):
            target = self.tab_order[(at + step * i) % len(self.tab_order)]
            if target.isEnabled() and target.isVisibleTo(self):
                break
        reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        content = self.scroll_area.widget()
        if content is not None and content.isAncestorOf(target):
            self.scroll_area.ensureWidgetVisible(target)
        return True

    def _browse(self, line: QLineEdit, title: str, default: Path) -> None:
        """Choose a folder for `line`, starting at the one in use. An empty box means the
        default: choosing the default itself (Enter in the chooser) leaves it empty."""
        start = line.text().strip() or str(default)
        chosen = choose_folder(self, title, start)
        if chosen and not (not line.text().strip() and _same_folder(chosen, default)):
            line.setText(chosen)
        line.setFocus(Qt.FocusReason.OtherFocusReason)

    def _records_note(self) -> None:
        chosen = self.records.text().strip()
        in_force = data_dir(None, chosen or None)
        env = os.environ.get(RECORDS_ENV, "").strip()
        text = f"Records will be kept in {in_force}."
        if env:
            text = (
                f"The environment variable {RECORDS_ENV} is set on this computer, so records "
                f"are kept in {in_force} whatever is chosen here."
            )
        self.records_note.setText(
            f"{text} Records already saved are not moved. Leave it empty for the default."
        )
        self.records.setAccessibleDescription(self.records_note.text())

    # -- values
    def values(self) -> dict[str, object]:
        """What the form shows, by setting."""
        return {
            MARKING_KEY: " ".join(self.marking.currentText().split()),
            PAGE_SIZE_KEY: self.page_size.currentText(),
            "idle": self.idle.currentData(),
            RECORDS_KEY: self.records.text().strip(),
            "trees": self.trees.text().strip(),
            "text_size": self.text_size.currentData(),
            "high_contrast": self.contrast.isChecked(),
        }

    def problems(self, values: dict[str, object]) -> dict[QWidget, str]:
        """Each changed field whose value cannot be used, with why and what to do."""
        out: dict[QWidget, str] = {}
        changed = {k for k, v in values.items() if v != self.initial[k]}
        if not values[MARKING_KEY]:
            out[self.marking] = f"Enter a marking, for example {DEFAULT_MARKING}."
        if RECORDS_KEY in changed and values[RECORDS_KEY]:
            reason = records_folder_problem(Path(str(values[RECORDS_KEY])))
            if reason:
                out[self.records] = (
                    f"This folder cannot hold the records: {reason}. Choose a "
                    "folder you can write to, or leave it empty for the default."
                )
        if "trees" in changed and values["trees"]:
            reason = trees_folder_problem(Path(str(values["trees"])))
            if reason:
                out[self.trees] = (
                    f"These trees cannot be used: {reason}. Choose another "
                    "folder, or use the bundled trees."
                )
        return out

    def show_problems(self, problems: dict[QWidget, str]) -> None:
        for field, error in self.errors.items():
            problem = problems.get(field, "")
            error.setText(problem)
            error.setVisible(bool(problem))
            note = self.notes[field].text() if field in self.notes else ""
            field.setAccessibleDescription(" ".join(t for t in (problem, note) if t))
        if problems:
            first = next(f for f in self.errors if f in problems)
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            QApplication.beep()

    def accept(self) -> None:
        """Save what changed if every changed value can be used; else say why beside it."""
        values = self.values()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a share may be slow
        try:
            problems = self.problems(values)
        finally:
            QApplication.restoreOverrideCursor()
        self.show_problems(problems)
        if problems:
            return
        self.changed = {k for k, v in values.items() if v != self.initial[k]}
        self._save(values)
        super().accept()

    def _save(self, values: dict[str, object]) -> None:
        for key in self.changed & {MARKING_KEY, PAGE_SIZE_KEY, RECORDS_KEY}:
            self.settings.setValue(key, values[key])
        if "idle" in self.changed:
            self.prefs.idle_minutes = float(values["idle"])  # type: ignore[arg-type]
        if "trees" in self.changed:
            self.prefs.trees_folder = str(values["trees"])
        if "text_size" in self.changed:
            self.prefs.text_size = int(values["text_size"])  # type: ignore[call-overload]
        if "high_contrast" in self.changed:
            self.prefs.high_contrast = bool(values["high_contrast"])
        self.settings.sync()

    @classmethod
    def ask(
        cls, settings: QSettings, trees_in_use: Path, parent: QWidget | None = None
    ) -> set[str] | None:
        """Show the dialog; the settings OK saved, or None if cancelled (tests replace this)."""
        dialog = cls(settings, trees_in_use, parent)
        return dialog.changed if dialog.exec() == QDialog.DialogCode.Accepted else None


def idle_text(minutes: float) -> str:
    """ "3 minutes", "1 minute", "30 seconds": how long the screen waits, in words."""
    if minutes < 1:
        return f"{round(minutes * 60)} seconds"
    whole = f"{minutes:g}"
    return f"{whole} minute" if whole == "1" else f"{whole} minutes"


def records_folder_problem(folder: Path) -> str | None:
    """Why the records cannot be kept in `folder`, found by making it and writing a file there;
    None if they can."""
    if not folder.expanduser().is_absolute():
        return "give the whole path, from the drive or the top folder"
    folder = folder.expanduser()
    if inside_bundle(folder):
        return "it is inside the program's own folder, which the next release replaces"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".purdah-wizard-check-"):
            pass
    except OSError as exc:
        return f"it could not be made or written to ({exc.strerror or exc})"
    return None


def trees_folder_problem(folder: Path) -> str | None:
    """Why the window would not use `folder` for its trees, or None if it would."""
    if not folder.expanduser().is_absolute():
        return "give the whole path, from the drive or the top folder"
    folder = folder.expanduser()
    try:
        if folder.resolve() == bundled_trees().resolve():
            return None
    except OSError as exc:
        return f"it cannot be reached ({exc.strerror or exc})"
    return folder_problem(folder)


def _same_folder(chosen: str, folder: Path) -> bool:
    try:
        return Path(chosen).expanduser().resolve() == folder.expanduser().resolve()
    except OSError:
        return False


def choose_folder(parent: QWidget | None, title: str, start: str) -> str | None:
    """The system's folder chooser; the folder picked, or None (tests replace this)."""
    return QFileDialog.getExistingDirectory(parent, title, start) or None


def open_settings(window: MainWindow) -> set[str] | None:
    """Show Settings over the window and put what changed into effect at once (the trees at the
    next start); the settings changed, or None if cancelled."""
    changed = SettingsDialog.ask(window.settings, window.folder, window)
    if changed is None:
        return None
    if changed & {"text_size", "high_contrast"}:
        window.apply_style()
    if "idle" in changed:
        window.idle.set_msec(int(window.prefs.idle_minutes * 60_000))
    said = "Settings saved." if changed else "No settings changed."
    if "trees" in changed:
        said += " The trees folder is used from the next start."
    window.statusBar().showMessage(said, 6000)
    return changed
