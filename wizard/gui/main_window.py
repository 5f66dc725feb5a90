"""The window: a top bar, and one of home / question / outcome, driven by a Walk.

The window is the only place that calls the walk; the views show what it is given and emit what
the user chose. Other features add buttons to the outcome screen with `add_outcome_action`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from wizard.core.catalog import Catalog
from wizard.core.problems import TreeError
from wizard.core.verdicts import verdict
from wizard.export.fonts import register_fonts
from wizard.gui import wording
from wizard.gui.first_paint import after_first_paint
from wizard.gui.home_view import HomeView
from wizard.gui.idle import IdleWatcher
from wizard.gui.qt import (
    QAction,
    QApplication,
    QCloseEvent,
    QDialog,
    QFrame,
    QKeySequence,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSettings,
    QShortcut,
    QStackedWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from wizard.gui.settings import Preferences
from wizard.gui.theme import stylesheet
from wizard.gui.top_bar import TopBar
from wizard.gui.widgets import action_button, button, laid_out_once

# Imported when first used, after the first paint. The late screens, the countdown, the About
# dialog and the empty-trees screen use Qt's enums as they are imported (which would build them
# before the first screen, ~22 ms: wizard/gui/lazyqt.py); the walk, the what-if and the kept
# record (with the records' model) cost ~12 ms together (bench/README.md, section (b)).
if TYPE_CHECKING:
    from wizard.core.transcript import Transcript
    from wizard.core.walk import Walk
    from wizard.gui.countdown import CountdownBanner
    from wizard.gui.outcome_view import OutcomeView
    from wizard.gui.question_view import QuestionView

OutcomeCallback = Callable[["Transcript"], object]
ViewT = TypeVar("ViewT", "QuestionView", "OutcomeView")


class MainWindow(QMainWindow):
    cleared = Signal()  # the walk was wiped (Clear or idle): forget anything about the last user
    outcomeShown = Signal(object)  # the Transcript of a walk whose outcome is now on screen

    def __init__(
        self,
        catalog: Catalog,
        folder: Path,
        settings: QSettings | None = None,
        idle_msec: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.folder = folder
        self.settings = settings if settings is not None else QSettings()  # features use it too
        self.prefs = Preferences(self.settings)
        self.family = register_fonts()
        self.walk: Walk | None = None
        # Answers to shared questions (trees/questions/) given on this screen, offered
        # pre-selected in the next topic; forgotten when the screen is cleared.
        self.shared_answers: dict[str, str] = {}
        # Who asked and about what, typed in the PDF or the record form for this walk (see
        # wizard/gui/walk_details.py); forgotten with the walk.
        self.walk_details: dict[str, str] = {}
        self.setWindowTitle(wording.APP_NAME)
        self.stack = QStackedWidget()
        self.home: HomeView | None = None
        if catalog.trees:
            self.home = HomeView(catalog, folder)
            self.home.topicChosen.connect(self.start_topic)
            self.start_page: QWidget = self.home
        else:
            from wizard.gui.empty_view import EmptyView  # only when no tree could be used

            self.start_page = EmptyView(catalog, folder)
        self.stack.addWidget(self.start_page)
        # The question and outcome screens are built just after the first paint (or when first
        # asked for): the home screen shows sooner. Outcome actions added before then wait here.
        self._question_view: QuestionView | None = None
        self._outcome_view: OutcomeView | None = None
        self._waiting_actions: list[QPushButton] = []
        # Each in a turn of the event loop of its own: a key pressed meanwhile waits less.
        after_first_paint(self, lambda: self.question_view)
        after_first_paint(self, lambda: self.outcome_view)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._top_bar())
        self.notice = QLabel()  # e.g. "the trees folder could not be used"; hidden until needed
        self.notice.setProperty("role", "reminder")
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("Notice")
        self.notice.hide()
        column.addWidget(self.notice)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._add_actions()
        minutes = self.prefs.idle_minutes
        self.idle = IdleWatcher(int(minutes * 60_000) if idle_msec is None else idle_msec, self)
        self.idle.idle.connect(self.clear)
        self.idle.warning.connect(self._count_down)
        self.idle.resumed.connect(self._stop_count)
        self._ticker: QTimer | None = None
        self.apply_style()
        # The status strip shows only while it has something to say (no empty strip under the
        # outcome's buttons); what it says belongs to the screen it was said on.
        self.statusBar().messageChanged.connect(
            lambda text: self.statusBar().setVisible(bool(text))
        )
        self.statusBar().hide()
        self.go_home()
        after_first_paint(self, self._follow_focus)

    def _follow_focus(self) -> None:
        """Follow the keyboard focus (a Qt signal, not an event filter: issue 8) to scroll what
        takes it into view and to reach the program's other windows with Ctrl+L."""
        app = QApplication.instance()
        if isinstance(app, QApplication):  # always: there is no window without one
            app.focusChanged.connect(self._focus_moved)
        self._scroll_to(None, QApplication.focusWidget())

    def _focus_moved(self, old: QWidget | None, now: QWidget | None) -> None:
        self._scroll_to(old, now)
        if now is not None:
            self._reach_clear(now.window())

    def _reach_clear(self, other: QWidget) -> None:
        """Give a dialog or window of this program its own Ctrl+L: the window's shortcut does
        not reach a modal dialog, and whoever walks away leaves whatever is on screen."""
        if other is self or other.property("clearReached") or not self._owns(other):
            return
        QShortcut(QKeySequence("Ctrl+L"), other).activated.connect(self.clear)
        other.setProperty("clearReached", True)

    @property
    def countdown(self) -> CountdownBanner:
        """The warning before the idle reset, laid over the top bar (made when first needed:
        Qt's enums it uses would otherwise be built before the first screen, lazyqt.py)."""
        from wizard.gui.countdown import banner_on

        return banner_on(self)

    def _owns(self, other: QWidget) -> bool:
        """Whether `other` (a dialog or window) belongs to this window."""
        owner = other.parentWidget()  # isAncestorOf() stops at a window's edge
        while owner is not None and owner is not self:
            owner = owner.parentWidget()
        return owner is self

    @staticmethod
    def _scroll_to(_old: QWidget | None, now: QWidget | None) -> None:
        if now is None:
            return
        area = now.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if (
            area is not None
            and (content := area.widget()) is not None
            and content.isAncestorOf(now)
        ):
            area.ensureWidgetVisible(now, 0, now.fontMetrics().height())

    # -- the question and outcome screens, built when first needed
    @property
    def question_view(self) -> QuestionView:
        if self._question_view is None:
            from wizard.gui.question_view import QuestionView

            self._question_view = self._add_view(QuestionView())
            self._question_view.answered.connect(self.answer)
            self._question_view.said.connect(lambda text: self.statusBar().showMessage(text, 8000))
        return self._question_view

    @property
    def outcome_view(self) -> OutcomeView:
        if self._outcome_view is None:
            from wizard.gui.outcome_view import OutcomeView

            self._outcome_view = self._add_view(OutcomeView())
            for b in self._waiting_actions:
                self._outcome_view.insert_action(b)
            self._waiting_actions.clear()
        return self._outcome_view

    def _add_view(self, view: ViewT) -> ViewT:
        self.stack.addWidget(view)
        view.backRequested.connect(self.go_back)
        view.restartRequested.connect(self.restart)
        view.homeRequested.connect(self.go_home)
        view.changeRequested.connect(self.change)
        return view

    # -- the top bar and the window's shortcuts
    def _top_bar(self) -> QFrame:
        """Home and Clear on the left, other features' tools after them, display settings and
        About on the right; always one row, folding what does not fit into a menu."""
        self.home_button = button("Home", "Home", "Go to the home screen (Alt+Home)", self.go_home)
        self.clear_button = button(
            "Clear",
            "Clear screen",
            "Forget the answers on screen and go home, for the next person (Ctrl+L)",
            self.clear,
        )
        self.smaller_button = button(
            "A−", "Smaller text", "Make the text smaller (Ctrl+Minus)", self.smaller_text
        )
        self.larger_button = button(
            "A+", "Larger text", "Make the text larger (Ctrl+Plus; Ctrl+0 resets)", self.larger_text
        )
        self.contrast_button = button(
            "High contrast",
            "High contrast",
            "Switch high contrast colours on or off (Ctrl+Shift+H)",
            self.toggle_contrast,
        )
        self.contrast_button.setCheckable(True)
        self.about_button = button(
            "About", "About", "The program's version and the guidance loaded", self.show_about
        )
        self.top_bar = TopBar(
            [self.home_button, self.clear_button],
            [self.smaller_button, self.larger_button, self.contrast_button, self.about_button],
        )
        return self.top_bar

    def _add_actions(self) -> None:
        for keys, slot in (
            (["Alt+Left"], self.go_back),
            (["Ctrl+R"], self.restart),
            (["Alt+Home"], self.go_home),
            (["Ctrl+L"], self.clear),
            (["Ctrl++", "Ctrl+="], self.larger_text),
            (["Ctrl+-"], self.smaller_text),
            (["Ctrl+0"], self.reset_text),
            (["Ctrl+Shift+H"], self.toggle_contrast),
        ):
            self._add_shortcut(keys, slot)

    def _add_shortcut(self, keys: list[str], slot: Callable[[], object]) -> None:
        """Keys that do something anywhere in the window."""
        action = QAction(self)
        action.setShortcuts([QKeySequence(k) for k in keys])  # not setShortcut: lazyqt.py
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)

    # -- the countdown before the idle reset
    def _count_down(self) -> None:
        """Say the screen is about to be cleared, and count the seconds down."""
        if self._ticker is None:
            self._ticker = QTimer(self)
            self._ticker.setInterval(1000)
            self._ticker.timeout.connect(self._show_count)
        self._ticker.start()
        self._show_count()
        QApplication.beep()

    def _show_count(self) -> None:
        """Say it over this window and over the dialog or window of ours in front, if any."""
        seconds = max(1, -(-self.idle.remaining() // 1000))
        text = (
            f"⚠  Clearing the screen for the next person in {seconds} "
            f"second{'s' if seconds != 1 else ''}. Press any key to carry on."
        )
        from wizard.gui.countdown import banner_on

        self.countdown.say(text)
        front = QApplication.activeModalWidget() or QApplication.activeWindow()
        if front is not None and front is not self and self._owns(front):
            banner_on(front).say(text)

    def _stop_count(self) -> None:
        if self._ticker is None:
            return  # never warned: no banner to hide
        from wizard.gui.countdown import CountdownBanner

        self._ticker.stop()
        for banner in self.findChildren(CountdownBanner):  # dialogs' too: they are children
            banner.withdraw()

    def show_notice(self, text: str) -> None:
        """Say something about the whole program above every screen (hidden when empty)."""
        self.notice.setText(text)
        self.notice.setAccessibleDescription(text)
        self.notice.setVisible(bool(text))

    # -- the walk
    def start_topic(self, tree_id: str) -> None:
        from wizard.core.walk import Walk

        self._keep_shared_answers()
        self.walk_details = {}
        self.walk = Walk(self.catalog, tree_id, carried=self.shared_answers)
        self.show_walk()

    def _keep_shared_answers(self) -> None:
        """Keep the walk's answers to shared questions, for the next topic, before it goes."""
        if self.walk is not None:
            self.shared_answers = self.walk.shared_answers()

    def show_walk(self) -> None:
        """Show where the walk stands: its question, or its outcome."""
        w = self.walk
        if w is None:
            return
        t = w.transcript()
        self.statusBar().clearMessage()  # said about the last screen, not this one
        self.setWindowTitle(f"{w.start_tree.title} — {wording.APP_NAME}")
        if w.outcome is not None and t.outcome is not None:
            from wizard.core.whatif import alternatives

            outcome = self.outcome_view
            self.stack.setCurrentWidget(outcome)
            with laid_out_once(outcome):
                outcome.show_outcome(
                    verdict(w.outcome.verdict),
                    t.outcome,
                    t.steps,
                    alternatives(self.catalog, w.steps, w.outcome),
                )
                outcome.show_period(t.period)
            self.outcomeShown.emit(t)
        elif w.question is not None:
            question = self.question_view
            self.stack.setCurrentWidget(question)
            with laid_out_once(question):
                question.show_question(w.tree, w.question, w.remembered_answer(), t.steps)
            question.scroll_to_start()

    def answer(self, answer_id: str) -> None:
        if self.walk is None:
            return
        try:
            self.walk.answer(answer_id)
        except TreeError as exc:
            self.question_view.show_error(str(exc))
            return
        self.show_walk()

    def go_back(self) -> None:
        if self.walk is not None and self.walk.steps:
            self.walk.back()
            self.show_walk()

    def change(self, index: int) -> None:
        if self.walk is not None:
            self.walk.change(index)
            self.show_walk()

    def restart(self) -> None:
        if self.walk is not None:
            self.walk.restart()
            self.show_walk()

    def go_home(self) -> None:
        self._keep_shared_answers()
        self.walk = None
        self.walk_details = {}
        self.setWindowTitle(wording.APP_NAME)
        self.stack.setCurrentWidget(self.start_page)
        if self.home is not None:
            self.home.search.setFocus()  # for OtherFocusReason, without Qt's enums (lazyqt.py)
            self.home.search.selectAll()  # typing replaces the last search, never appends
            self._scroll_to(None, self.home.search)

    def clear(self) -> None:
        """Wipe the walk and the search and go home, so the next person sees nothing of it.

        A dialog left open (case details for a PDF, say) is cancelled too: whoever comes next
        must not see what the last person typed.
        """
        self._stop_count()
        kept = []
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
                kept.append(getattr(dialog, "draft_path", None))  # Record advice keeps typing
        self.go_home()
        self.shared_answers = {}  # the terminal is shared: the next person starts afresh
        if self.home is not None:
            self.home.reset()
            from wizard.gui.unfinished import kept_text

            self.home.show_kept(kept_text([p for p in kept if p is not None]))
        self.statusBar().showMessage("Cleared: the last answers are gone.", 5000)
        self.cleared.emit()

    def current_transcript(self) -> Transcript | None:
        return self.walk.transcript() if self.walk is not None else None

    # -- the extension point for outcome actions
    def add_outcome_action(
        self, text: str, shortcut: str, callback: OutcomeCallback, description: str = ""
    ) -> QPushButton:
        """Add a button (and its shortcut) to the outcome screen's action row.

        `callback` is given the transcript of the walk on screen, e.g.
        `window.add_outcome_action("Save as PDF", "Ctrl+P", save_pdf, "Save the reasoning")`.
        """

        def run() -> None:
            transcript = self.current_transcript()
            if transcript is not None and transcript.outcome is not None:
                callback(transcript)

        b = action_button(text, shortcut, run, description)
        if self._outcome_view is None:
            self._waiting_actions.append(b)  # put on the outcome screen when it is built
            return b
        return self._outcome_view.insert_action(b)

    # -- the extension point for the top bar
    def add_tool(
        self, text: str, name: str, tip: str, shortcut: str, callback: Callable[[], object]
    ) -> QPushButton:
        """Add a button (and its shortcut) to the top bar, after Home and Clear."""
        b = button(text, name, f"{tip} ({shortcut})", callback)
        self.top_bar.add_tool(b)
        self._add_shortcut([shortcut], callback)
        return b

    # -- display preferences
    def apply_style(self) -> None:
        hc = self.prefs.high_contrast
        self.setStyleSheet(stylesheet(self.family, self.prefs.text_size, hc))
        self.contrast_button.setChecked(hc)

    def larger_text(self) -> None:
        self._text_size_changed(self.prefs.larger())

    def smaller_text(self) -> None:
        self._text_size_changed(self.prefs.smaller())

    def reset_text(self) -> None:
        self._text_size_changed(self.prefs.reset_text_size())

    def _text_size_changed(self, size: int) -> None:
        self.apply_style()
        self.statusBar().showMessage(f"Text size {size} points", 3000)

    def toggle_contrast(self) -> None:
        self.prefs.high_contrast = not self.prefs.high_contrast
        self.apply_style()
        state = "on" if self.prefs.high_contrast else "off"
        self.statusBar().showMessage(f"High contrast {state}", 3000)

    def show_about(self) -> None:
        from wizard.gui.about_dialog import AboutDialog

        AboutDialog.ask(self.catalog, self.folder, self)

    def closeEvent(self, e: QCloseEvent) -> None:
        self.walk = None
        super().closeEvent(e)
