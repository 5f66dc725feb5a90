"""Wire "This did not answer my question" and the daily counts into the main window (issue 20).

The notes and counts go to the feedback store in the data folder (wizard/feedback/store.py);
only a records sync copies them on, to a configured records server. The store is loaded after
the first paint, counts are written on the event loop's next turn so that no screen waits for
the disk, and a count that cannot be written is let go: it never stops a walk.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.gui.first_paint import after_first_paint, after_paint
from wizard.gui.widgets import action_button

if TYPE_CHECKING:
    from collections.abc import Callable

    from wizard.core.transcript import Transcript
    from wizard.feedback.store import FeedbackStore
    from wizard.gui.main_window import MainWindow

# an outcome as counted: the walk (its id), its answers, the outcome's tree and id
CountedKey = tuple[int, tuple[str, ...], str, str]


def install(window: MainWindow) -> None:
    """The outcome's button, home's offer after a search that found nothing, and the counts."""

    def on_outcome() -> None:
        transcript = window.current_transcript()
        if transcript is not None and transcript.outcome is not None:
            note_on_outcome(window, transcript)

    # At the foot of the outcome's page, not in its action row: the row must stay small.
    offer = action_button(
        "This did not answer my question…",
        "Ctrl+Shift+F",
        on_outcome,
        "Tell the policy team what the guidance did not answer (nothing personal is kept)",
    )
    after_first_paint(window, lambda: window.outcome_view.add_page_action(offer))
    counted: list[CountedKey] = []  # the outcome last counted, so a re-show is not counted again
    if window.home is not None:
        window.home.notAnswered.connect(lambda text: note_on_search(window, text))
        window.home.topicChosen.connect(lambda tree_id: _count(window, "topic", tree_id))
    window.outcomeShown.connect(lambda t: _count_outcome(window, t, counted))
    after_first_paint(window, lambda: __import__("wizard.feedback.store"))


def store_of(window: MainWindow) -> FeedbackStore:
    """The store in the data folder this terminal uses (the advice records' folder)."""
    from wizard.feedback.store import FeedbackStore
    from wizard.gui.records_actions import records_file

    return FeedbackStore(Path(records_file(window.settings)).parent)


def note_on_outcome(window: MainWindow, transcript: Transcript) -> None:
    """Ask for the one line and keep it with the walk's answers and outcome."""
    from wizard.gui.feedback_dialog import FeedbackDialog

    line = FeedbackDialog.ask(window)
    o = transcript.outcome
    if line is None or o is None:
        return
    answers = [(s.tree_id, s.question_id, s.answer_id) for s in transcript.steps]
    _keep(
        window,
        lambda s: s.add_note(transcript.tree.id, answers, outcome_key(transcript), o.verdict, line),
    )


def note_on_search(window: MainWindow, text: str) -> None:
    """After a home search that found nothing: the line, offered filled with the search."""
    from wizard.gui.feedback_dialog import FeedbackDialog

    line = FeedbackDialog.ask(window, text, with_walk=False)
    if line is not None:
        _keep(window, lambda s: s.add_note("", [], "", "", line))


def _keep(window: MainWindow, add: Callable[[FeedbackStore], object]) -> None:
    from wizard.feedback.store import FeedbackError

    try:
        add(store_of(window))
    except FeedbackError as exc:
        window.statusBar().showMessage(f"The note was not kept: {exc}", 10_000)
        return
    window.statusBar().showMessage("Thank you: the note is kept for the policy team.", 8000)


def _count_outcome(window: MainWindow, t: Transcript, counted: list[CountedKey]) -> None:
    """Count an outcome reached, once for the same walk and answers."""
    if t.outcome is None:
        return
    key = (id(window.walk), tuple(s.answer_id for s in t.steps), t.outcome.tree_id, t.outcome.id)
    if counted and counted[0] == key:
        return
    counted[:] = [key]
    _count(window, "outcome", t.tree.id, outcome_key(t))


def outcome_key(t: Transcript) -> str:
    """The outcome's id; tree.outcome when the walk ended in another topic than it began."""
    o = t.outcome
    if o is None:
        return ""
    return o.id if o.tree_id == t.tree.id else f"{o.tree_id}.{o.id}"


def _count(window: MainWindow, kind: str, topic: str, outcome: str = "") -> None:
    """Add one to today's count once the screen asked for is painted (a write to disk must not
    delay the outcome it counts); a failure is let go."""

    def write() -> None:
        from wizard.feedback.store import FeedbackError

        # A count is a help to the policy team, never worth stopping a walk for.
        with contextlib.suppress(FeedbackError):
            store_of(window).count(kind, topic, outcome)

    after_paint(window, write)
