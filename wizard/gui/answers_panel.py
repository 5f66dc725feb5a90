"""Your answers so far: each question, the answer given, and a Change button to go back to it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from wizard.core.transcript import StepRecord
from wizard.gui.widgets import add_now, button, clear_layout, label


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
        self.change_buttons: list[QPushButton] = []

    def set_steps(self, steps: Sequence[StepRecord]) -> None:
        clear_layout(self.rows)
        self.change_buttons = []
        if not steps:
            add_now(self.rows, label("None yet. Each answer you give appears here, and you can "
                                      "change it.", "meta"))
            return
        for i, step in enumerate(steps):
            add_now(self.rows, self._row(i, step))

    def _row(self, i: int, step: StepRecord) -> QWidget:
        row = QWidget()
        grid = QHBoxLayout(row)
        grid.setContentsMargins(0, 0, 0, 0)
        text = QVBoxLayout()
        text.addWidget(label(f"{step.number}. {step.question}", "stepQuestion"))
        text.addWidget(label(step.answer, "stepAnswer"))
        grid.addLayout(text, 1)
        change = button("Change", f"Change answer {step.number}",
                        f"Go back to “{step.question}” (you answered “{step.answer}”) to choose "
                        "again; your answer stays selected", lambda: self.changeRequested.emit(i),
                        link=True)
        grid.addWidget(change)
        self.change_buttons.append(change)
        return row
