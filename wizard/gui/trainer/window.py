"""The Trainer window: pick a scenario, then Present it, Quiz a trainee on it, or see its Map.

Ctrl+1 to Ctrl+4 switch between the four; F11 toggles full screen; Ctrl+Shift+H high contrast.
"""

from __future__ import annotations

import datetime as dt

from wizard.core.catalog import Catalog, NodeRef
from wizard.core.periods import long_date
from wizard.export.fonts import register_fonts
from wizard.gui.qt import (
    QAction,
    QCloseEvent,
    QEvent,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLineEdit,
    QMainWindow,
    QObject,
    QPushButton,
    QResizeEvent,
    QSettings,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
)
from wizard.gui.trainer.deck import Deck
from wizard.gui.trainer.map_panel import MapPanel
from wizard.gui.trainer.parts import button, label
from wizard.gui.trainer.picker import ScenarioPicker
from wizard.gui.trainer.present_view import PresentView
from wizard.gui.trainer.quiz_view import QuizView
from wizard.gui.trainer.style import apply_fonts, base_size, stylesheet
from wizard.gui.wording import period_line

TITLE = "Purdah Wizard: Trainer mode"
CONTRAST_KEY = "trainer/high_contrast"
CHROME_SCALE = 0.7


class TrainerWindow(QMainWindow):
    def __init__(
        self, catalog: Catalog, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.settings = settings
        self.family = register_fonts()
        self.deck: Deck | None = None
        self.as_of: dt.date | None = None  # the trainer's "as of" date; None for today
        self.setWindowTitle(TITLE)
        self.picker = ScenarioPicker(catalog)
        self.present_view = PresentView(self.family)
        self.quiz_view = QuizView(catalog, self.family)
        self.map_panel = MapPanel(catalog, self.family)
        self.stack = QStackedWidget()
        for page in (self.picker, self.present_view, self.quiz_view, self.map_panel):
            self.stack.addWidget(page)
        central = QWidget()
        central.setObjectName("trainer")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.bar = self._top_bar()
        column.addWidget(self.bar)
        self.as_of_note = label("", "asOf")  # says the date set, and the period on it
        self.as_of_note.setContentsMargins(12, 4, 12, 4)
        self.as_of_note.hide()
        column.addWidget(self.as_of_note)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._connect()
        self._add_actions()
        contrast = bool(settings and settings.value(CONTRAST_KEY, False, type=bool))
        self.set_high_contrast(contrast, remember=False)
        self.show_list()

    # -- parts
    def _top_bar(self) -> QFrame:
        bar = QFrame()
        bar.setProperty("role", "topBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 6, 12, 6)
        self.where = label("Trainer mode", "button")
        self.where.setWordWrap(False)
        row.addWidget(self.where)
        row.addStretch(1)
        self.tabs: dict[str, QPushButton] = {}
        for key, text, tip, slot in (
            ("list", "Scenarios", "Choose a scenario (Ctrl+1)", self.show_list),
            ("present", "Present", "Present the scenario to the room (Ctrl+2)", self.show_present),
            ("quiz", "Quiz", "A trainee answers the scenario alone (Ctrl+3)", self.show_quiz),
            ("map", "Map", "The topic as a map, with the path so far (Ctrl+4)", self.show_map),
        ):
            b = button(text, text, tip, slot)
            b.setCheckable(True)
            self.tabs[key] = b
            row.addWidget(b)
        row.addSpacing(24)
        self.as_of_box = QLineEdit()
        self.as_of_box.setPlaceholderText("As of: today")
        self.as_of_box.setAccessibleName("As of date")
        self.as_of_box.setToolTip(
            "Walk the scenarios as if on this date (YYYY-MM-DD), e.g. to "
            "show a pre-election period; empty for today (Ctrl+D)"
        )
        self.as_of_box.setAccessibleDescription(self.as_of_box.toolTip())
        self.as_of_box.setMaxLength(10)
        self.as_of_box.editingFinished.connect(lambda: self.set_as_of(self.as_of_box.text()))
        row.addWidget(self.as_of_box)
        self.contrast_button = button(
            "High contrast",
            "High contrast",
            "Switch high contrast colours on or off (Ctrl+Shift+H)",
            lambda: self.set_high_contrast(self.contrast_button.isChecked()),
        )
        self.contrast_button.setCheckable(True)
        self.full_button = button(
            "Full screen", "Full screen", "Fill the screen, or stop (F11)", self.toggle_full_screen
        )
        row.addWidget(self.contrast_button)
        row.addWidget(self.full_button)
        return bar

    def _connect(self) -> None:
        self.picker.presentRequested.connect(self.present)
        self.picker.quizRequested.connect(self.quiz)
        self.picker.mapRequested.connect(self.map_of)
        self.present_view.moved.connect(self._follow_deck)
        self.present_view.leaveRequested.connect(self.show_list)
        self.quiz_view.leaveRequested.connect(self.show_list)
        self.map_panel.questionClicked.connect(self.present_question)
        self.map_panel.saved.connect(
            lambda p: self.statusBar().showMessage(f"Saved the map as {p}", 8000)
        )

    def _add_actions(self) -> None:
        for keys, slot in (
            ("Ctrl+1", self.show_list),
            ("Ctrl+2", self.show_present),
            ("Ctrl+3", self.show_quiz),
            ("Ctrl+4", self.show_map),
            ("F11", self.toggle_full_screen),
            ("Ctrl+D", lambda: self.as_of_box.setFocus(Qt.FocusReason.ShortcutFocusReason)),
            ("Ctrl+Shift+H", lambda: self.set_high_contrast(not self.high_contrast)),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _=False, s=slot: s())
            self.addAction(action)
        self.present_view.installEventFilter(self)

    # -- choosing and switching
    def present(self, scenario_id: str) -> None:
        self._choose(scenario_id)
        self.show_present()

    def quiz(self, scenario_id: str) -> None:
        self._choose(scenario_id)
        self.show_quiz()

    def map_of(self, scenario_id: str) -> None:
        self._choose(scenario_id)
        self.show_map()

    def _choose(self, scenario_id: str) -> None:
        scenario = self.catalog.scenarios[scenario_id]
        self.picker.select(scenario_id)
        if (
            self.deck is None
            or self.deck.scenario.id != scenario_id
            or self.deck.as_of != self.as_of
        ):
            self.deck = Deck(self.catalog, scenario, self.as_of)
            self.quiz_view.as_of = self.as_of
            self.present_view.set_deck(self.deck)
            self.quiz_view.start(scenario)
            self._follow_deck()

    def _ensure_scenario(self) -> bool:
        if self.deck is None:
            chosen = self.picker.current_id()
            if chosen is None:
                return False
            self._choose(chosen)
        return True

    def _show(self, key: str, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)
        for k, b in self.tabs.items():
            b.setChecked(k == key)
        scenario = f": {self.deck.scenario.title}" if self.deck and key != "list" else ""
        self.where.setText(f"Trainer mode{scenario}")

    def show_list(self) -> None:
        self._show("list", self.picker)
        self.picker.focus_list()

    def show_present(self) -> None:
        if not self._ensure_scenario():
            return self.show_list()
        self._show("present", self.present_view)
        self.present_view.setFocus(Qt.FocusReason.OtherFocusReason)
        return None

    def show_quiz(self) -> None:
        if not self._ensure_scenario():
            return self.show_list()
        self._show("quiz", self.quiz_view)
        self.quiz_view.redraw()
        return None

    def show_map(self) -> None:
        if self.map_panel.tree_id is None:
            start = self.deck.scenario.tree if self.deck else self.catalog.sorted_trees()[0].id
            self.map_panel.show_tree(start)
        self._show("map", self.map_panel)
        self.map_panel.focus_map()

    def present_question(self, ref: NodeRef) -> None:
        """A question clicked on the map: present it, if the scenario's path asks it."""
        step = self.deck.step_of(ref) if self.deck else None
        if step is None:
            self.statusBar().showMessage(
                "That question is not on this scenario's path: choose a "
                "scenario that asks it, or a question in orange.",
                8000,
            )
            return
        self.present_view.go_to_step(step)
        self.show_present()

    def _follow_deck(self) -> None:
        """Keep the map on the tree the presentation is in, with the path as far as shown."""
        if self.deck is None:
            return
        path, answers = self.deck.path_so_far()
        current = self.deck.current_ref()
        self.map_panel.set_path(path, answers, current)
        self.map_panel.show_tree(current[0])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """M on the presentation opens the map."""
        if (
            watched is self.present_view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_M
            and not event.modifiers()
        ):
            self.show_map()
            return True
        return super().eventFilter(watched, event)

    # -- the "as of" date
    def set_as_of(self, text: str) -> bool:
        """Walk as if on the date typed (YYYY-MM-DD; empty for today) and say so on screen.
        The scenario chosen starts again on that date. False, saying why, for a bad date."""
        text = text.strip()
        try:
            day = dt.date.fromisoformat(text) if text else None
        except ValueError:
            self.statusBar().showMessage(
                f"“{text}” is not a date: type it as YYYY-MM-DD, e.g. "
                "2027-04-01, or leave it empty for today.",
                10_000,
            )
            return False
        if day == self.as_of:
            return True
        self.as_of = day
        self.as_of_box.setText(day.isoformat() if day else "")
        self.as_of_note.setText(as_of_text(self.catalog, day))
        self.as_of_note.setVisible(day is not None)
        if self.deck is not None:
            self._choose(self.deck.scenario.id)
        return True

    # -- how it looks
    @property
    def high_contrast(self) -> bool:
        return self.contrast_button.isChecked()

    def set_high_contrast(self, on: bool, remember: bool = True) -> None:
        self.contrast_button.setChecked(on)
        self.setStyleSheet(stylesheet(on))
        self.map_panel.view.set_high_contrast(on)  # drawn, not styled: told on its own
        if remember and self.settings is not None:
            self.settings.setValue(CONTRAST_KEY, on)
        self._size_chrome()
        self.present_view.refit()

    def _size_chrome(self) -> None:
        """Text of the bar, the list and the map's tools: large, but smaller than a slide's."""
        base = base_size(self.height(), CHROME_SCALE)
        for part in (self.bar, self.picker, self.map_panel):
            apply_fonts(part, self.family, base)
        box = self.as_of_box  # room for a whole date at the bar's text size
        box.setMinimumWidth(box.fontMetrics().horizontalAdvance("2027-04-01") * 3 // 2)

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._size_chrome()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.full_button.setText("Leave full screen" if self.isFullScreen() else "Full screen")

    def closeEvent(self, e: QCloseEvent) -> None:
        if self.settings is not None:
            self.settings.sync()
        super().closeEvent(e)


def as_of_text(catalog: Catalog, day: dt.date | None) -> str:
    """What the trainer's date means: the date, not today's, and the period on it."""
    if day is None:
        return ""
    period = period_line(catalog.calendar, day).replace("today", "on that day")
    return f"As of {long_date(day)} (set by the trainer, not today). {period}".strip()
