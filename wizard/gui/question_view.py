"""One view for every question of every tree: it shows what the walk gives it and reports choices.

It holds no policy: the window passes in the walk's current question and answers so far, and turns
the signals below into calls on the walk.
"""

from __future__ import annotations

from collections.abc import Sequence

from wizard.core.model import Answer, Question, Tree
from wizard.core.transcript import StepRecord
from wizard.gui.answers_panel import AnswersPanel
from wizard.gui.flow_layout import flow_row
from wizard.gui.qt import (
    QEvent,
    QFrame,
    QKeyEvent,
    QKeySequence,
    QObject,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from wizard.gui.theme import restyle
from wizard.gui.widgets import (
    CardButton,
    Column,
    Page,
    ResponsiveRow,
    button,
    label,
    reuse,
    scrolling,
    tab_chain,
)

REMEMBERED_NOTE = "Your earlier answer. Press Enter to keep it, or choose another."


class QuestionView(QWidget):
    answered = Signal(str)  # an answer id
    said = Signal(str)  # a word for the status strip, e.g. why Ctrl+S does nothing here
    backRequested = Signal()
    restartRequested = Signal()
    homeRequested = Signal()
    changeRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question: Question | None = None
        self.answer_buttons: list[CardButton] = []  # this question's: the first of _cards
        self._cards: list[CardButton] = []  # every card made, kept (issue 15), shown or not
        row = ResponsiveRow(95)
        main = Column()
        col = main.column
        self.where = label("", "meta")
        self.text = label("", "h1")
        # A fresh question has the focus on its words, not on answer 1: a stray Enter or Space
        # must not answer it. Down or Tab moves to the answers.
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.text.installEventFilter(self)  # Down: the scroll area would take it to scroll
        self.help_button = button(
            "What does this mean?  (F1)",
            "What does this mean?",
            "Show or hide an explanation of this question (F1)",
            self.toggle_help,
        )
        self.help_button.setCheckable(True)
        self.help = label("", "help")
        self.error = label("", "error")
        self.answers = QVBoxLayout()  # the answer cards, kept and updated
        for w in (self.where, self.text):
            col.addWidget(w)
        col.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignLeft)
        col.addWidget(self.help)
        col.addWidget(self.error)
        col.addLayout(self.answers)
        self.keys = label("", "keys")
        col.addWidget(self.keys)
        col.addStretch(1)
        self.panel = AnswersPanel()
        self.panel.changeRequested.connect(self.changeRequested)
        # The answers get most of the width: at 1024x768 every answer of a long question fits.
        row.box.addWidget(main, 3)
        row.box.addWidget(self.panel, 1, Qt.AlignmentFlag.AlignTop)
        page = Page()
        page.column.addWidget(row)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.scroll_area = scrolling(page)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(self._nav_bar())

    def _nav_bar(self) -> QWidget:
        """Back, Start again and Home in a bar under the page, as on the outcome: always on
        screen, however long the question."""
        bar = QFrame()
        bar.setProperty("role", "actions")
        host, nav = flow_row()
        QVBoxLayout(bar).addWidget(host)
        self.back_button = button(
            "Back",
            "Back",
            "Go back to the previous question (Alt+Left or Backspace)",
            self.backRequested.emit,
        )
        self.restart_button = button(
            "Start again",
            "Start again",
            "Clear your answers and start this topic again (Ctrl+R)",
            self.restartRequested.emit,
        )
        self.home_button = button(
            "Home",
            "Home",
            "Leave this topic and go to the home screen (Alt+Home)",
            self.homeRequested.emit,
        )
        for b in (self.back_button, self.restart_button, self.home_button):
            nav.addWidget(b)
        return bar

    # -- showing the walk
    def show_question(
        self, tree: Tree, question: Question, remembered: str | None, steps: Sequence[StepRecord]
    ) -> None:
        """Show the walk's current question; the remembered answer is marked and focused only."""
        self.question = question
        self.where.setText(f"{tree.title} · question {len(steps) + 1}")
        self.text.setText(question.text)
        self.text.setAccessibleName(f"Question: {question.text}")
        self.help.setText(question.help)
        self.help_button.setVisible(bool(question.help))
        self.help_button.setChecked(False)
        self.help.hide()
        self.error.hide()
        self.back_button.setEnabled(bool(steps))
        self.panel.set_steps(steps)
        n = len(question.answers)
        keys = [f"1–{n} choose an answer" if n > 1 else "1 choose"]
        if question.help:
            keys.append("F1 explain the question")
        keys += ["Alt+Left or Backspace go back", "Ctrl+R start again", "Alt+Home home"]
        self.keys.setText("Keys: " + " · ".join(keys))
        self._show_answers(question, remembered)  # last: it moves the focus
        tab_chain(
            self.text,
            self.help_button,
            *self.answer_buttons,
            self.back_button,
            self.restart_button,
            self.home_button,
            *self.panel.change_buttons,
        )

    def _show_answers(self, question: Question, remembered: str | None) -> None:
        # The cards are kept from question to question and updated (issue 15: a new card cost
        # ~4 ms of style-sheet polish on its first show); card i always has badge i + 1.
        def update(card: CardButton, ia: tuple[int, Answer]) -> None:
            i, a = ia
            card.set_text(a.label, a.explain)
            card.setAccessibleName(f"Answer {i + 1}: {a.label}")
            card.set_note(REMEMBERED_NOTE if a.id == remembered else "")
            card.setAccessibleDescription(
                " ".join(
                    t
                    for t in (
                        a.explain,
                        REMEMBERED_NOTE if a.id == remembered else "",
                        f"Press {i + 1} or Enter to choose it."
                        if i < 9
                        else "Press Enter to choose it.",
                    )
                    if t
                )
            )
            card.setProperty("answer_id", a.id)
            if bool(card.property("remembered")) != (a.id == remembered):
                card.setProperty("remembered", a.id == remembered)
                restyle(card, children=False)  # the style sheet marks the remembered card

        self.answer_buttons = reuse(
            self.answers, self._cards, list(enumerate(question.answers)), self._new_card, update
        )
        (self.remembered_button() or self.text).setFocus(Qt.FocusReason.OtherFocusReason)

    def scroll_to_start(self) -> None:
        """Show a new question from the top, down to the earlier answer if it is far down.

        Called once the question is laid out (`widgets.laid_out_once`): the focus, moved before
        that, was followed to where the last question had the widget (issue 15).
        """
        self.scroll_area.verticalScrollBar().setValue(0)
        if (focus := self.remembered_button()) is not None:
            self.scroll_area.ensureWidgetVisible(focus)

    def _new_card(self, i: int) -> CardButton:
        card = CardButton("", "", str(i + 1) if i < 9 else "")
        card.clicked.connect(lambda _=False: self.answered.emit(card.property("answer_id")))
        return card

    def remembered_button(self) -> CardButton | None:
        return next((b for b in self.answer_buttons if b.property("remembered")), None)

    def show_error(self, message: str) -> None:
        """Say why an answer could not be followed (e.g. it leads to a topic that did not load)."""
        self.error.setText(f"✖  {message}")
        self.error.show()

    def toggle_help(self) -> None:
        if not self.help_button.isVisible():
            return
        shown = not self.help.isVisible()
        self.help.setVisible(shown)
        self.help_button.setChecked(shown)
        self.help_button.setAccessibleDescription(
            self.help.text() if shown else "Show an explanation of this question (F1)"
        )

    def eventFilter(self, watched: QObject, e: QEvent) -> bool:
        """Down on the question's words moves to the first answer."""
        if (
            watched is self.text
            and e.type() == QEvent.Type.KeyPress
            and isinstance(e, QKeyEvent)
            and e.key() == Qt.Key.Key_Down
            and self.answer_buttons
        ):
            self.answer_buttons[0].setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, e)

    # -- keys: 1-9 choose, F1 or ? explains, Backspace goes back
    def keyPressEvent(self, e: QKeyEvent) -> None:
        text = e.text()
        if text.isdigit() and text != "0" and int(text) <= len(self.answer_buttons):
            self.answer_buttons[int(text) - 1].click()
        elif e.key() == Qt.Key.Key_F1 or text == "?":
            self.toggle_help()
        elif e.key() == Qt.Key.Key_Backspace and self.back_button.isEnabled():
            self.backRequested.emit()
        elif e.matches(QKeySequence.StandardKey.Save):
            self.said.emit(
                "Nothing to save yet: a PDF of the reasoning is made at the "
                "outcome, once every question is answered."
            )
        else:
            super().keyPressEvent(e)
