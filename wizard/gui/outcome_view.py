"""The outcome: the verdict in words and a symbol (never colour alone), what to do now, the guidance
quoted in full, the answers that led here (each changeable) and why this outcome.

The action row at the bottom is the extension point: `MainWindow.add_outcome_action(...)` puts
another button there (Save as PDF, Record advice), through `insert_action`, before Back, Start
again and Home; `add_page_action` puts one at the foot of the page instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from wizard.core.periods import OUTSIDE_NOTE, stamped_outside
from wizard.core.transcript import OutcomeRecord, QuotedClause, StepRecord
from wizard.core.verdicts import Verdict
from wizard.core.whatif import Alternative
from wizard.export.text import LAW_HEADING, READING_HEADING
from wizard.gui import wording
from wizard.gui.answers_panel import AnswersPanel
from wizard.gui.flow_layout import flow_row
from wizard.gui.qt import (
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QPushButton,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from wizard.gui.theme import restyle
from wizard.gui.why_text import why_html
from wizard.gui.widgets import (
    Page,
    button,
    label,
    layout_size_hint,
    reuse,
    scrolling,
    tab_chain,
)

NAV_KEYS = ["Alt+Left go back", "Ctrl+R start again", "Alt+Home home"]


class VerdictBanner(QFrame):
    """The verdict: a large symbol and the words; its colour only repeats what they say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "banner")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        row = QHBoxLayout(self)
        self.symbol = label("", "bannerSymbol")
        self.symbol.setWordWrap(False)
        row.addWidget(self.symbol, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        self.verdict = label("", "bannerLabel")
        self.meaning = label("", "bannerMeaning")
        words.addWidget(self.verdict)
        words.addWidget(self.meaning)
        row.addLayout(words, 1)

    def sizeHint(self) -> QSize:
        return layout_size_hint(self)

    def set_verdict(self, v: Verdict) -> None:
        self.symbol.setText(v.symbol)
        self.verdict.setText(v.label)
        self.meaning.setText(v.meaning)
        self.setAccessibleName(f"Verdict: {v.label}")
        self.setAccessibleDescription(v.meaning)
        if self.property("verdict") != v.id:
            self.setProperty("verdict", v.id)  # its colours: core/verdicts.py, via theme.py
            self.setProperty("severity", str(v.severity))  # its shape in high contrast
            restyle(self)


class OutcomeView(QWidget):
    backRequested = Signal()
    restartRequested = Signal()
    homeRequested = Signal()
    changeRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        page = Page()
        col = page.column
        self.banner = VerdictBanner()
        self.title = label("", "h1")
        self.advice = label("", "")
        self.reading_head = label(READING_HEADING, "h2")
        self.reading = label("", "")
        col.addWidget(self.banner)
        col.addWidget(self.title)
        # A walk made outside every pre-election period says so under the verdict, as its PDF.
        self.period = label("", "reminder")
        self.period.setAccessibleName("Outside the pre-election period")
        self.period.hide()
        col.addWidget(self.period)
        col.addWidget(self.reading_head)
        col.addWidget(self.reading)
        col.addWidget(label("What to do now", "h2"))
        col.addWidget(self.advice)
        col.addWidget(label("The guidance says", "h2"))
        self.quotes = QVBoxLayout()
        col.addLayout(self.quotes)
        self.quoted = QuotedClauses(self.quotes)
        self.law_head = label(LAW_HEADING, "h2")
        col.addWidget(self.law_head)
        self.law = QVBoxLayout()
        col.addLayout(self.law)
        self.law_quoted = QuotedClauses(self.law)
        self.panel = AnswersPanel("The answers that led here")
        self.panel.changeRequested.connect(self.changeRequested)
        col.addWidget(self.panel)
        col.addWidget(label("Why this outcome", "h2"))
        col.addWidget(
            label("For each answer you gave, where the other answers would have led.", "meta")
        )
        self.why = QVBoxLayout()
        col.addLayout(self.why)
        self._why_labels: list[QLabel] = []  # one per answer, kept and updated
        col.addWidget(label(f"⚠  {wording.DOUBT}", "reminder"))
        self.page_actions: list[QPushButton] = []  # buttons in the page, see add_page_action
        self.keys = label("", "keys")  # here, not in the action bar, to keep the bar small
        col.addWidget(self.keys)
        self._column = col  # the page's column, for add_page_action
        col.addStretch(1)
        self.scroll_area = scrolling(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(self._action_bar())

    # -- the action row (the extension point)
    def _action_bar(self) -> QFrame:
        bar = QFrame()
        bar.setProperty("role", "actions")
        col = QVBoxLayout(bar)
        host, self.action_row = flow_row()
        self.extra_actions: list[QPushButton] = []
        self.extra_keys: list[str] = []
        self.back_button = button(
            "Back", "Back", "Go back to the last question (Alt+Left)", self.backRequested.emit
        )
        self.restart_button = button(
            "Start again",
            "Start again",
            "Clear your answers and start this topic again (Ctrl+R)",
            self.restartRequested.emit,
        )
        self.home_button = button(
            "Home", "Home", "Go to the home screen (Alt+Home)", self.homeRequested.emit
        )
        for b in (self.back_button, self.restart_button, self.home_button):
            self.action_row.addWidget(b)
        col.addWidget(host)
        self._update_keys()
        return bar

    def insert_action(self, b: QPushButton) -> QPushButton:
        """Put a button made by `action_button` in the action row, before Back, and its keys in
        the line of keys."""
        self.action_row.insert_widget(len(self.extra_actions), b)
        keys = b.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            text = b.text()
            self.extra_keys.append(f"{keys} {text[:1].lower()}{text[1:]}")
        self.extra_actions.append(b)
        self._update_keys()
        return b

    def add_page_action(self, b: QPushButton) -> QPushButton:
        """Put a button at the foot of the page, above the line of keys: for an offer that
        would crowd the action row (which must stay small at 1024x768)."""
        column = self._column
        column.insertWidget(column.indexOf(self.keys), b, 0, Qt.AlignmentFlag.AlignLeft)
        self.page_actions.append(b)
        return b

    def _update_keys(self) -> None:
        self.keys.setText("Keys: " + " · ".join([*self.extra_keys, *NAV_KEYS]))

    # -- showing the outcome
    def show_outcome(
        self,
        verdict: Verdict,
        outcome: OutcomeRecord,
        steps: Sequence[StepRecord],
        alternatives: Sequence[Alternative],
    ) -> None:
        self.banner.set_verdict(verdict)
        self.title.setText(outcome.title)
        self.reading.setText(outcome.reading)
        self.reading_head.setVisible(bool(outcome.reading))
        self.reading.setVisible(bool(outcome.reading))
        self.advice.setText(outcome.advice)
        self.quoted.show_clauses(outcome.citations)
        self.law_quoted.show_clauses(outcome.law)
        self.law_head.setVisible(bool(outcome.law))
        self.panel.set_steps(steps)
        reuse(
            self.why,
            self._why_labels,
            why_html(steps, alternatives),
            lambda _i: label("", "", rich=True),
            QLabel.setText,
        )
        self.back_button.setEnabled(bool(steps))
        tab_chain(
            self.banner,
            *self.panel.change_buttons,
            *self.page_actions,
            *self.extra_actions,
            self.back_button,
            self.restart_button,
            self.home_button,
        )
        self.scroll_area.verticalScrollBar().setValue(0)
        self.banner.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_period(self, stamp: str) -> None:
        """Say under the verdict that the walk was made outside every period (Transcript.period);
        nothing for a walk in a period or with no calendar."""
        outside = stamped_outside(stamp)
        self.period.setText(f"⚠  {stamp} {OUTSIDE_NOTE}" if outside else "")
        self.period.setVisible(outside)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() == Qt.Key.Key_Backspace and self.back_button.isEnabled():
            self.backRequested.emit()
        else:
            super().keyPressEvent(e)


class QuotedClauses:
    """Clauses in a column: each its heading (if it has one), its words, where it is from.

    The labels are kept from outcome to outcome and updated (issue 15: new labels cost a
    style-sheet polish each on their first show), three to a clause, straight in `layout`.
    """

    def __init__(self, layout: QVBoxLayout) -> None:
        self.layout = layout
        self.labels: list[tuple[QLabel, QLabel, QLabel]] = []

    def show_clauses(self, clauses: Sequence[QuotedClause]) -> None:
        while len(self.labels) < len(clauses):
            three = (label("", "stepAnswer"), label("", "quote"), label("", "citation"))
            for w in three:
                w.hide()  # until it has its text: see widgets.reuse
                self.layout.addWidget(w)
            self.labels.append(three)
        for i, (heading, words, source) in enumerate(self.labels):
            c = clauses[i] if i < len(clauses) else None
            heading.setText(c.heading if c is not None else "")
            words.setText(f"“{c.text}”" if c is not None else "")
            source.setText(f"— {c.citation}, clause “{c.clause_id}”" if c is not None else "")
            for w, shown in (
                (heading, bool(c is not None and c.heading)),
                (words, c is not None),
                (source, c is not None),
            ):
                if w.isHidden() == shown:  # only what changes: see widgets.reuse
                    w.setVisible(shown)
