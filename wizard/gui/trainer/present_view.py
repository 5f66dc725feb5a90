"""Present: a scenario at projector size, one key press at a time, so the room discusses first.

Space, Right, Enter or Page Down (what a presenter's clicker sends) reveals the answer, then moves
on; Left, Backspace or Page Up undoes one step; Home returns to the story. The slide's text grows
with the window and shrinks, if it must, to fit one screen; Up and Down scroll what still does not.
"""

from __future__ import annotations

from collections.abc import Callable

from wizard.core.periods import OUTSIDE_NOTE, stamped_outside
from wizard.core.scenarios import PERSONS, Scenario
from wizard.core.transcript import QuotedClause
from wizard.export.text import LAW_HEADING, READING_HEADING
from wizard.gui.qt import (
    QEvent,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QObject,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from wizard.gui.trainer import deck as d
from wizard.gui.trainer.parts import button, clear_layout, label, quote_box, slide_column
from wizard.gui.trainer.style import apply_fonts, base_size
from wizard.gui.trainer.texts import WhyStep, also_reached_from, verdict_words, why_steps

FORWARD_KEYS = {
    Qt.Key.Key_Space,
    Qt.Key.Key_Right,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
}
BACK_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}
MIN_FIT = 0.55  # the least a slide's text shrinks to fit before it scrolls instead


def why_lines(w: WhyStep) -> list[str]:
    """The other answers to one question, for a room: the verdicts they change to, then, in one
    line each, those that ask more questions first and those that change nothing."""
    lines = [f"If “{answer}”  →  {leads}" for answer, leads in w.changing]
    if len(w.further) > 2:
        lines.append(f"{len(w.further)} other answers ask more questions first.")
    elif w.further:
        lines.append(" or ".join(f"“{a}”" for a in w.further) + "  →  more questions first.")
    if w.same:
        others = not (w.changing or w.further)
        lines.append(
            "Any other answer here: the same verdict."
            if others
            else " or ".join(f"“{a}”" for a in w.same) + "  →  the same verdict."
        )
    return lines


def person_phrase(scenario: Scenario) -> str:
    """'this police officer', 'this PCSO': how the reveal names who the answer is for."""
    if PERSONS[scenario.person].phrase:
        return PERSONS[scenario.person].phrase
    text = scenario.person_label
    return f"this {text if text.isupper() else text.lower()}"


class PresentView(QWidget):
    moved = Signal()  # the slide or its reveal changed: the map follows
    leaveRequested = Signal()

    def __init__(self, family: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.family = family
        self.deck: d.Deck | None = None
        self.scale = 1.0
        self.fit = 1.0
        self.answer_rows: list[QFrame] = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Presentation")
        self.meta = label("", "meta")
        self.scroll_area, self.body, self.column = slide_column()
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._fitting = False
        self.scroll_area.viewport().installEventFilter(self)
        self.keys = label("", "keys")
        self.back_button = button(
            "◀ Back", "Back", "Undo the last step (Left arrow)", self.backward
        )
        self.next_button = button(
            "Next ▶", "Next", "Reveal the answer, or go on (Space)", self.forward
        )
        for b in (self.back_button, self.next_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys drive the view, not a button
        foot = QHBoxLayout()
        foot.addWidget(self.keys, 1)
        foot.addWidget(self.back_button)
        foot.addWidget(self.next_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 16)
        outer.addWidget(self.meta)
        outer.addWidget(self.scroll_area, 1)
        outer.addLayout(foot)

    # -- driving it
    def set_deck(self, deck: d.Deck) -> None:
        self.deck = deck
        self.redraw()

    def forward(self) -> None:
        if self.deck is not None and self.deck.forward():
            self._moved()

    def backward(self) -> None:
        if self.deck is not None and self.deck.backward():
            self._moved()

    def go_to_step(self, step: int) -> None:
        if self.deck is not None:
            self.deck.go_to_step(step)
            self._moved()

    def restart(self) -> None:
        if self.deck is not None:
            self.deck.restart()
            self._moved()

    def set_text_scale(self, scale: float) -> None:
        self.scale = max(0.5, min(2.0, scale))
        self.refit()

    def _moved(self) -> None:
        self.redraw()
        self.moved.emit()

    def keyPressEvent(self, e: QKeyEvent) -> None:
        key = Qt.Key(e.key())
        ctrl = bool(e.modifiers() & Qt.KeyboardModifier.ControlModifier)
        bar = self.scroll_area.verticalScrollBar()
        if key in FORWARD_KEYS and not ctrl:
            self.forward()
        elif key in BACK_KEYS and not ctrl:
            self.backward()
        elif key == Qt.Key.Key_Home:
            self.restart()
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            sign = 1 if key == Qt.Key.Key_Down else -1
            bar.setValue(bar.value() + sign * max(40, bar.pageStep() // 4))
        elif ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_text_scale(self.scale * 1.1)
        elif ctrl and key == Qt.Key.Key_Minus:
            self.set_text_scale(self.scale / 1.1)
        elif key == Qt.Key.Key_Escape:
            self.leaveRequested.emit()
        else:
            super().keyPressEvent(e)

    # -- what a test (or a screen reader) can ask
    @property
    def revealed_answer(self) -> str | None:
        """The label of the answer shown as the scenario's, or None while it is hidden."""
        row = next((r for r in self.answer_rows if r.property("expected")), None)
        return None if row is None else str(row.property("answer_label"))

    # -- drawing the slide
    def redraw(self) -> None:
        """Draw the deck's slide as it stands (its answer hidden or revealed), from the top."""
        clear_layout(self.column)
        self.answer_rows = []
        deck = self.deck
        if deck is None:
            return
        s = deck.scenario
        slide = deck.slide
        draw = self._drawers().get(slide.kind)
        if draw is None:
            raise ValueError(f"a slide of an unknown kind {slide.kind!r}: no way to draw it")
        n = len(deck.steps)
        where = {
            d.STORY: "The story",
            d.QUESTION: f"Question {slide.step + 1} of {n}",
            d.OUTCOME: "The outcome",
            d.GUIDANCE: "What the guidance says",
            d.LAW: LAW_HEADING,
            d.WHY: "Why this outcome",
            d.DISCUSSION: "For discussion",
        }[slide.kind]
        self.meta.setText(
            f"{s.title}  ·  {s.person_label}  ·  {where}  ({deck.index + 1}/{len(deck.slides)})"
        )
        draw(deck)
        self.column.addStretch(1)
        self.keys.setText(self._keys_text(deck))
        self.back_button.setEnabled(deck.index > 0 or deck.revealed)
        self.next_button.setText(
            "Reveal ▶" if slide.hides and not deck.revealed else "End" if deck.at_end else "Next ▶"
        )
        self.next_button.setEnabled(not deck.at_end)  # and looks it: see style.py
        self.scroll_area.verticalScrollBar().setValue(0)
        self.setAccessibleDescription(f"{where}. {self.keys.text()}")
        self.refit()

    def _drawers(self) -> dict[str, Callable[[d.Deck], None]]:
        """The method that draws each kind of slide (the kinds are deck.py's)."""
        return {
            d.STORY: self._story,
            d.QUESTION: self._question,
            d.OUTCOME: self._outcome,
            d.GUIDANCE: self._guidance,
            d.LAW: self._law,
            d.WHY: self._why,
            d.DISCUSSION: self._discussion,
        }

    def _keys_text(self, deck: d.Deck) -> str:
        if deck.slide.hides and not deck.revealed:
            first = "Discuss, then Space to reveal"
        elif deck.at_end:
            first = "End of the scenario"  # "Esc list" follows
        else:
            first = "Space or → next"
        return f"{first}  ·  ← back  ·  Home story  ·  M map  ·  F11 full screen  ·  Esc list"

    def _add(self, w: QWidget, space: int = 0) -> QWidget:
        if space:
            self.column.addSpacing(space)
        self.column.addWidget(w)
        w.setVisible(True)  # now, not when the event loop gets to it: focus needs it shown
        return w

    def _story(self, deck: d.Deck) -> None:
        s = deck.scenario
        self._add(label(s.title, "title"))
        who = label(s.person_label, "person")
        who.setAccessibleName(f"Who: {s.person_label}")
        who.setWordWrap(False)  # a long one ("Staff of the Police and Crime ...") stays one line
        row = QHBoxLayout()
        row.addWidget(who)
        row.addStretch(1)
        self.column.addSpacing(12)
        self.column.addLayout(row)
        self._add(label(s.story, "story"), 24)
        start = deck.catalog.tree(s.tree)
        self._add(label(f"The walk starts in: {start.title}", "prompt"), 24)
        also = also_reached_from(deck.catalog, s)
        if also:
            self._add(label(also, "prompt"), 6)

    def _question(self, deck: d.Deck) -> None:
        i = deck.slide.step
        q = deck.question(i)
        self._add(label(deck.tree_of(i).title, "prompt"))
        self._add(label(q.text, "question"))
        if q.help:
            self._add(label(q.help, "explain"), 4)
        expected = deck.expected(i)
        for k, a in enumerate(q.answers):
            self._add(self._answer_row(k, a.label, a.explain, a.id == expected.id, deck), 14)
        if deck.revealed:
            self._add(
                label(
                    f"✔ The answer for {person_phrase(deck.scenario)}: “{expected.label}”", "prompt"
                ),
                18,
            )
        else:
            self._add(
                label(
                    f"What should {person_phrase(deck.scenario)} answer? Discuss, then "
                    "press Space to reveal.",
                    "prompt",
                ),
                18,
            )

    def _answer_row(
        self, k: int, text: str, explain: str, is_expected: bool, deck: d.Deck
    ) -> QFrame:
        shown = deck.revealed and is_expected
        row = QFrame()
        row.setProperty("role", "answer")
        row.setProperty("expected", shown)
        row.setProperty("dimmed", deck.revealed and not is_expected)
        row.setProperty("answer_label", text)
        h = QHBoxLayout(row)
        h.setContentsMargins(16, 10, 16, 10)
        h.setSpacing(20)
        badge = label("✔" if shown else str(k + 1), "badge")
        badge.setWordWrap(False)
        h.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        v = QVBoxLayout()
        v.addWidget(label(text, "answer"))
        if shown and explain:
            v.addWidget(label(explain, "explain"))
        h.addLayout(v, 1)
        row.setAccessibleName(
            f"Answer {k + 1}: {text}" + (" (the scenario's answer)" if shown else "")
        )
        self.answer_rows.append(row)
        return row

    def _outcome(self, deck: d.Deck) -> None:
        if not deck.revealed:
            self._add(label("What does the guidance say?", "question"))
            self._add(label("The answers given:", "heading"), 18)
            for i in range(len(deck.steps)):
                self._add(
                    label(f"{i + 1}. {deck.question(i).text}  →  {deck.expected(i).label}", "body"),
                    6,
                )
            self._add(label("Discuss the verdict, then press Space to reveal it.", "prompt"), 24)
            return
        o = deck.outcome
        band = QFrame()
        band.setProperty("role", "verdict")
        band.setProperty("verdict", o.verdict)
        inner = QVBoxLayout(band)
        inner.setContentsMargins(24, 14, 24, 14)
        words = label(verdict_words(o.verdict), "verdict")
        inner.addWidget(words)
        band.setAccessibleName(f"Verdict: {words.text()}")
        self._add(band)
        self._add(label(o.title, "question"), 18)
        self._add(label(o.advice, "body"), 12)
        if stamped_outside(deck.transcript.period):  # the day the trainer set, or today
            self._add(label(f"{deck.transcript.period} {OUTSIDE_NOTE}", "explain"), 12)

    def _guidance(self, deck: d.Deck) -> None:
        self._add(label("What the guidance says", "title"))
        record = deck.transcript.outcome
        assert record is not None
        self._quotes(record.citations)
        if record.reading:
            self._add(label(READING_HEADING, "section"), 28)
            self._add(label(record.reading, "body"), 8)

    def _law(self, deck: d.Deck) -> None:
        """The law the outcome cites, on a slide of its own after the guidance."""
        self._add(label(LAW_HEADING, "title"))
        record = deck.transcript.outcome
        assert record is not None
        self._quotes(record.law)

    def _quotes(self, clauses: tuple[QuotedClause, ...]) -> None:
        """Each clause in a box, then where they are from."""
        for c in clauses:
            self._add(quote_box(c, 10), 16)
        if clauses:
            self._add(label(clauses[0].citation, "cite"), 12)

    def _why(self, deck: d.Deck) -> None:
        self._add(label("Why this outcome", "title"))
        self._add(
            label(
                f"The outcome: {verdict_words(deck.outcome.verdict)}. For each answer, "
                "where the other answers lead:",
                "prompt",
            ),
            6,
        )
        for i, w in enumerate(why_steps(deck.catalog, deck.steps, deck.outcome)):
            self._add(label(f"{i + 1}. {w.question}  →  “{w.given}”", "heading"), 14)
            for line in why_lines(w):
                self._add(label(line, "body"))

    def _discussion(self, deck: d.Deck) -> None:
        self._add(label("For discussion", "title"))
        for i, point in enumerate(deck.scenario.discussion):
            self._add(label(f"{i + 1}.  {point}", "point"), 18)

    # -- sizes: projector text, shrunk to fit one screen where it can be
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refit when the room for the slide changes: the viewport has its new size only after
        this view's own resize, so it is watched rather than this view."""
        if (
            watched is self.scroll_area.viewport()
            and event.type() == QEvent.Type.Resize
            and not self._fitting
        ):
            self.refit()
        return super().eventFilter(watched, event)

    def refit(self) -> None:
        self._fitting = True
        try:
            self._refit()
        finally:
            self._fitting = False

    def _refit(self) -> None:
        base = base_size(self.height(), self.scale)
        self.fit = 1.0
        room = self.scroll_area.viewport()
        apply_fonts(self, self.family, base)
        while True:
            apply_fonts(self.body, self.family, base * self.fit)
            self.column.activate()
            need = self.column.totalHeightForWidth(max(1, room.width()))
            if need <= room.height() or self.fit <= MIN_FIT:
                break
            self.fit = max(MIN_FIT, self.fit * 0.9)

    def labels(self) -> list[str]:
        """Every text on the slide, in order (for tests and for reading aloud)."""
        return [w.text() for w in self.body.findChildren(QLabel)]
