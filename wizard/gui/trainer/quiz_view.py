"""Quiz: a trainee answers a scenario's questions alone, with the wizard's keys (1-9 choose,
Backspace goes back), then sees where their path and the scenario's parted and what the guidance
says there."""

from __future__ import annotations

import datetime as dt

from wizard.core.catalog import Catalog
from wizard.core.periods import OUTSIDE_NOTE
from wizard.core.scenarios import Scenario
from wizard.core.transcript import QuotedClause
from wizard.core.walk import Walk
from wizard.gui.qt import (
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QPushButton,
    QResizeEvent,
    QSize,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from wizard.gui.trainer.parts import button, clear_layout, label, quote_box, slide_column
from wizard.gui.trainer.style import apply_fonts, base_size
from wizard.gui.trainer.texts import QuizReport, quiz_report, verdict_words

QUIZ_SCALE = 0.62  # a trainee at a terminal, not a room: smaller than Present
KEYS_SCALE = 0.9  # the line of keys stays readable at that size


class AnswerButton(QPushButton):
    """A focusable answer with its number and a label that wraps, pressed by click, Space or
    Enter (and by its number key, handled by the view)."""

    def __init__(self, number: int, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "button")
        self.setAutoDefault(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        row = self._row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.setSpacing(16)
        badge = label(str(number), "badge", self)
        badge.setWordWrap(False)
        self.text_label = label(text, "answer", self)
        self.text_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        badge.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text_label, 1)
        self.setAccessibleName(f"Answer {number}: {text}")
        self.setAccessibleDescription(f"Press {number}, or Enter, to choose it.")

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._row.totalHeightForWidth(width)

    def sizeHint(self) -> QSize:
        return self._row.totalSizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._row.totalMinimumSize()


class QuizView(QWidget):
    finished = Signal(object)  # a QuizReport
    leaveRequested = Signal()

    def __init__(self, catalog: Catalog, family: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.family = family
        self.scenario: Scenario | None = None
        self.walk: Walk | None = None
        self.as_of: dt.date | None = None  # the trainer's "as of" date, for the walk's period
        self.report: QuizReport | None = None
        self.answer_buttons: list[AnswerButton] = []
        self.setAccessibleName("Quiz")
        self.scroll_area, self.body, self.column = slide_column()
        self.keys = label("", "keys")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 16)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(self.keys)

    # -- driving it
    def start(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.walk = Walk(self.catalog, scenario.tree, as_of=self.as_of)
        self.report = None
        self.redraw()

    def answer(self, answer_id: str) -> None:
        if self.walk is None or self.walk.question is None:
            return
        self.walk.answer(answer_id)
        if self.walk.outcome is not None:
            assert self.scenario is not None
            self.report = quiz_report(self.catalog, self.scenario, self.walk)
            self.redraw()
            self.finished.emit(self.report)
        else:
            self.redraw()

    def back(self) -> None:
        if self.walk is not None and self.walk.steps:
            self.walk.back()
            self.report = None
            self.redraw()

    def restart(self) -> None:
        if self.scenario is not None:
            self.start(self.scenario)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        text = e.text()
        ctrl = bool(e.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if text.isdigit() and text != "0" and int(text) <= len(self.answer_buttons):
            self.answer_buttons[int(text) - 1].click()
        elif e.key() == Qt.Key.Key_Backspace and self.walk is not None and self.walk.steps:
            self.back()
        elif ctrl and e.key() == Qt.Key.Key_R:
            self.restart()
        elif e.key() == Qt.Key.Key_Escape:
            self.leaveRequested.emit()
        else:
            super().keyPressEvent(e)

    # -- drawing
    def redraw(self) -> None:
        """Draw the walk as it stands: its question, or the result once it is finished."""
        clear_layout(self.column)
        self.answer_buttons = []
        if self.scenario is None or self.walk is None:
            return
        if self.report is not None:
            self._result(self.report)
        else:
            self._question()
        self.column.addStretch(1)
        self._size_text()
        self.scroll_area.verticalScrollBar().setValue(0)
        focus = self.answer_buttons[0] if self.answer_buttons else self.again_button
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add(self, w: QWidget, space: int = 0) -> QWidget:
        if space:
            self.column.addSpacing(space)
        self.column.addWidget(w)
        w.setVisible(True)  # now, not when the event loop gets to it: focus needs it shown
        return w

    def _question(self) -> None:
        s, walk = self.scenario, self.walk
        assert s is not None and walk is not None and walk.question is not None
        q = walk.question
        self._add(label(f"Quiz: {s.title}  ·  You are: {s.person_label}", "meta"))
        self._add(label(s.story, "body"), 8)
        self._add(label(f"Question {len(walk.steps) + 1}  ·  {walk.tree.title}", "meta"), 18)
        self._add(label(q.text, "question"))
        if q.help:
            self._add(label(q.help, "explain"), 4)
        for k, a in enumerate(q.answers):
            b = AnswerButton(k + 1, a.label)
            b.clicked.connect(lambda _=False, aid=a.id: self.answer(aid))
            self._add(b, 6)
            self.answer_buttons.append(b)
        n = len(q.answers)
        keys = [f"1–{min(n, 9)} choose", "Tab and Enter also choose"]
        if walk.steps:
            keys.append("Backspace back")
        self.keys.setText("Keys: " + "  ·  ".join([*keys, "Ctrl+R start again", "Esc list"]))

    def _result(self, r: QuizReport) -> None:
        if r.perfect:
            head = "✔ Perfect: every answer is the one the scenario expects."
        elif r.same_verdict:
            head = "Your answers left the scenario's path, but reached the same verdict."
        else:
            head = "Your answers left the scenario's path, and reached a different verdict."
        self._add(label(f"Quiz result: {r.scenario.title}", "meta"))
        self._add(label(head, "title"))
        self._add(self._verdicts(r), 12)
        period = self.walk.period() if self.walk is not None else None
        if period is not None and period.outside:  # the day the trainer set, or today
            self._add(label(f"{period.stamp()} {OUTSIDE_NOTE}", "explain"), 12)
        if r.parting is not None and r.question is not None:
            self._add(
                label(f"Where the paths parted: question {r.parting.index + 1}", "heading"), 18
            )
            self._add(label(f"“{r.question.text}”", "question"))
            expected = r.expected_answer.label if r.expected_answer else r.parting.expected
            given = r.given_answer.label if r.given_answer else r.parting.given
            self._add(label(f"✔ The scenario expects:  “{expected}”", "answer"), 8)
            if r.expected_answer and r.expected_answer.explain:
                self._add(label(r.expected_answer.explain, "explain"))
            self._add(label(f"✖ You answered:  “{given}”", "answer"), 8)
        self._add(label("What the guidance says", "heading"), 24)
        if r.expected.id == r.reached.id or r.perfect:
            self._clauses(r.expected_clauses)
        else:
            self._add(label(f"For the scenario's outcome (“{r.expected.title}”):", "body"), 8)
            self._clauses(r.expected_clauses)
            self._add(label(f"For your outcome (“{r.reached.title}”):", "body"), 16)
            shown = {c.clause_id for c in r.expected_clauses}
            both = [c.heading or c.clause_id for c in r.reached_clauses if c.clause_id in shown]
            if both:
                self._add(
                    label("Also: " + ", ".join(f"“{h}”" for h in both) + " (above).", "body"), 4
                )
            self._clauses(tuple(c for c in r.reached_clauses if c.clause_id not in shown))
        row = QHBoxLayout()
        self.column.addSpacing(24)
        self.column.addLayout(row)
        self.again_button = button(
            "Try again",
            "Try the quiz again",
            "Answer this scenario again from the start (Ctrl+R)",
            self.restart,
        )
        self.leave_button = button(
            "Scenarios",
            "Back to the scenarios",
            "Choose another scenario (Esc)",
            self.leaveRequested.emit,
        )
        for b in (self.again_button, self.leave_button):
            b.setProperty("role", "action")  # as large as an answer: read across a room
            row.addWidget(b)
            b.setVisible(True)
        row.addStretch(1)
        self.keys.setText("Keys: Enter try again  ·  Ctrl+R try again  ·  Esc list")

    def _verdicts(self, r: QuizReport) -> QFrame:
        panel = QFrame()
        panel.setProperty("role", "panel")
        v = QVBoxLayout(panel)
        v.setContentsMargins(18, 12, 18, 12)
        v.addWidget(
            label(
                f"Your verdict:  {verdict_words(r.reached.verdict)}  ·  {r.reached.title}", "answer"
            )
        )
        v.addWidget(
            label(
                f"The scenario's:  {verdict_words(r.expected.verdict)}  ·  {r.expected.title}",
                "answer",
            )
        )
        return panel

    def _clauses(self, clauses: tuple[QuotedClause, ...]) -> None:
        for c in clauses:
            self._add(quote_box(c, 8), 10)

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._size_text()

    def _size_text(self) -> None:
        apply_fonts(self, self.family, base_size(self.height(), QUIZ_SCALE))
        apply_fonts(self.keys, self.family, base_size(self.height(), KEYS_SCALE))
