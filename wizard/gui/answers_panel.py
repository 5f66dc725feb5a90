"""Your answers so far: each question, the answer given, and a Change button to go back to it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from wizard.core.transcript import StepRecord
from wizard.gui.qt import QFrame, QHBoxLayout, QPushButton, QSize, QVBoxLayout, QWidget, Signal
from wizard.gui.widgets import button, label, layout_size_hint, reuse


class AnswersPanel(QFrame):
    changeRequested = Signal(int)  # the 0-based index of the step to change

    def __init__(self, heading: str = "Your answers so far", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "panel")
        self.setAccessibleName(heading)
        outer = QVBoxLayout(self)
        outer.addWidget(label(heading, "h2"))
        self.rows = QVBoxLayout()
        outer.addLayout(self.rows)
        outer.addStretch(1)
        self.none_yet = label(
            "None yet. Each answer you give appears here, and you can change it.", "meta"
        )
        self.rows.addWidget(self.none_yet)
        self.change_buttons: list[QPushButton] = []  # those of the rows shown now
        self._rows: list[_StepRow] = []  # every row made, kept (issue 15), shown or not

    def sizeHint(self) -> QSize:
        return layout_size_hint(self)

    def set_steps(self, steps: Sequence[StepRecord]) -> None:
        self.none_yet.setVisible(not steps)
        rows = reuse(self.rows, self._rows, steps, self._new_row, _StepRow.show_step)
        self.change_buttons = [row.change for row in rows]

    def _new_row(self, i: int) -> _StepRow:
        return _StepRow(lambda: self.changeRequested.emit(i))


class _StepRow(QWidget):
    """One answer so far: the question and the answer, and a Change button."""

    def __init__(self, on_change: Callable[[], object]) -> None:
        super().__init__()
        grid = QHBoxLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        text = QVBoxLayout()
        self.question = label("", "stepQuestion")
        self.answer = label("", "stepAnswer")
        text.addWidget(self.question)
        text.addWidget(self.answer)
        grid.addLayout(text, 1)
        self.change = button("Change", "", "", on_change, link=True)
        grid.addWidget(self.change)

    def sizeHint(self) -> QSize:
        return layout_size_hint(self)

    def show_step(self, step: StepRecord) -> None:
        self.question.setText(f"{step.number}. {step.question}")
        self.answer.setText(step.answer)
        self.change.setAccessibleName(f"Change answer {step.number}")
        tip = (
            f"Go back to “{step.question}” (you answered “{step.answer}”) to choose again; "
            "your answer stays selected"
        )
        self.change.setAccessibleDescription(tip)
        self.change.setToolTip(tip)
