"""Home: what the program is for, a search box, the topics as large tiles, and what is loaded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.core.catalog import Catalog
from wizard.core.model import Tree
from wizard.gui import wording
from wizard.gui.first_paint import after_first_paint
from wizard.gui.hinted_line import HintedLine
from wizard.gui.lazyqt import Qt
from wizard.gui.qt import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget, Signal
from wizard.gui.widgets import CardButton, Page, label, scrolling, tab_chain

if TYPE_CHECKING:
    from wizard.core.search import Hit
    from wizard.gui.qt import QKeyEvent, QResizeEvent


def fixed_text(text: str, role: str) -> QLabel:
    """A label of home's own words. Not selectable, so it is drawn as plain text rather than
    through a text document of its own: the window starts ~4 ms sooner (issue 8). Nothing here
    needs copying; the About dialog, whose text can be copied, names the guidance and versions.
    (A tree's problems, listed under "Unavailable topics", stay selectable.)"""
    return label(text, role, selectable=False)


SEARCH_HELP = (
    "Type a few words: the matching topics are listed below as you type. Enter opens "
    "the first one; the Down arrow moves to the topics."
)


class HomeView(QWidget):
    topicChosen = Signal(str)  # a tree id
    notAnswered = Signal(str)  # "This did not answer my question" after a search found nothing

    def __init__(self, catalog: Catalog, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.topics = [t for t in catalog.sorted_trees() if t.id != wording.START_TREE]
        page = Page()
        col = page.column
        # Said after a clear that kept an unfinished advice record; hidden until then.
        self.kept = label("", "reminder")
        self.kept.setAccessibleName("Unfinished advice record kept")
        self.kept.hide()
        col.addWidget(self.kept)
        col.addWidget(fixed_text(wording.APP_NAME, "appTitle"))
        col.addWidget(fixed_text(wording.PURPOSE, "purpose"))
        # Whether a pre-election period is in force today (trees/calendar.yaml); none without one.
        self.period = fixed_text("", "period")
        self.period.setAccessibleName("Pre-election period")
        col.addWidget(self.period)
        self.show_period()
        reminder = fixed_text(f"⚠  {wording.DOUBT}  That is the guidance's own advice.", "reminder")
        reminder.setAccessibleName(f"Reminder: {wording.DOUBT}")
        col.addWidget(reminder)
        self._add_search(col)
        self.start_button = self._add_start(col)
        col.addWidget(fixed_text("Topics", "h2"))
        self.tiles: dict[str, CardButton] = {t.id: self._tile(t) for t in self.topics}
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.grid_host)
        self._columns = 0
        self.unavailable_labels = self._add_unavailable(col, folder)
        col.addStretch(1)
        self.guidance = fixed_text(wording.guidance_summary(catalog), "meta")
        col.addWidget(self.guidance)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(page))
        self.show_topics(self.topics)

    # -- building
    def _add_search(self, col: QVBoxLayout) -> None:
        prompt = fixed_text("What are you trying to do?", "h2")
        self.search = SearchBox(self._leave_search)
        self.search.set_hints(
            "e.g. photo, retweet, badge, leaflet",
            "e.g. photo, retweet, badge",
            "e.g. photo, retweet",
            "e.g. photo",
        )
        self.search.setAccessibleName("What are you trying to do?")
        self.search.setAccessibleDescription(SEARCH_HELP)
        self.search.setToolTip(SEARCH_HELP)
        # Shown only once something is typed, so added after the first paint: its icon is looked
        # up in the desktop's icon themes (on X ~30 M instructions, ~6 ms; bench/README.md (b)).
        after_first_paint(self.search, lambda: self.search.setClearButtonEnabled(True))
        prompt.setBuddy(self.search)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._open_first)
        self.match_note = fixed_text("", "meta")
        self.match_note.setAccessibleName("Search results")
        self.match_note.hide()
        for w in (prompt, self.search, self.match_note):
            col.addWidget(w)
        self._search_column = col
        self.not_answered: QPushButton | None = None  # made when a search first finds nothing

    def _add_start(self, col: QVBoxLayout) -> CardButton | None:
        start = self.catalog.trees.get(wording.START_TREE)
        if start is None:
            return None
        b = CardButton("Not sure where to start?", start.summary, "?")
        b.setAccessibleDescription(f"{start.summary} Opens a few questions that find the topic.")
        b.clicked.connect(lambda: self.topicChosen.emit(start.id))
        col.addWidget(b)
        return b

    def _tile(self, tree: Tree) -> CardButton:
        tile = CardButton(tree.title, tree.summary, "", self)
        tile.setAccessibleDescription(f"{tree.summary} Opens this topic's questions.")
        tile.clicked.connect(lambda: self.topicChosen.emit(tree.id))
        return tile

    def _add_unavailable(self, col: QVBoxLayout, folder: Path) -> list[QLabel]:
        items = wording.unavailable(self.catalog, folder)
        if not items:
            return []
        col.addWidget(label("Unavailable topics", "h2"))
        note = label(
            "These files could not be used, so their topics are not offered. The other "
            "topics work. Show this message to whoever looks after the guidance.",
            "meta",
        )
        col.addWidget(note)
        out = []
        for name, lines in items:
            w = label(f"✖  {name}: unavailable\n" + "\n".join(lines), "error")
            w.setAccessibleName(f"Unavailable: {name}")
            col.addWidget(w)
            out.append(w)
        return out

    # -- searching
    def _filter(self, text: str) -> None:
        self.match_note.setVisible(bool(text.strip()))
        if not text.strip():
            self.match_note.setText("")
            self._offer_not_answered(False)
            self.show_topics(self.topics)
            return
        from wizard.core.search import search  # on the first key typed: not for the first screen

        hits = search(self.topics, text)
        n = len(hits)
        self.match_note.setText(
            f"{n} topics match “{text.strip()}”."
            if n > 1
            else f"1 topic matches “{text.strip()}”."
            if n
            else f"No topic matches “{text.strip()}”. Try other words, choose “Not sure where to "
            "start?”, or ask a supervisor."
        )
        self._offer_not_answered(not n)
        self.show_topics([h.tree for h in hits], {h.tree.id: _why(h) for h in hits})

    def _offer_not_answered(self, shown: bool) -> None:
        """Offer "This did not answer my question" under a search that found nothing."""
        if self.not_answered is None:
            if not shown:
                return
            from wizard.gui.widgets import action_button

            self.not_answered = action_button(
                "This did not answer my question…",
                "Ctrl+Shift+F",
                lambda: self.notAnswered.emit(self.search.text().strip()),
                "Tell the policy team what you could not find (nothing personal is kept)",
            )
            at = self._search_column.indexOf(self.match_note) + 1
            self._search_column.insertWidget(at, self.not_answered, 0, Qt.AlignmentFlag.AlignLeft)
        self.not_answered.setVisible(shown)

    def show_topics(self, trees: list[Tree], why: dict[str, str] | None = None) -> None:
        """Lay out these topics' tiles in this order; hide the rest."""
        self.shown = [t.id for t in trees]
        for tid, tile in self.tiles.items():
            tile.set_note(why.get(tid, "") if why else "")
            tile.setVisible(tid in self.shown)
        self._relayout()

    def _relayout(self) -> None:
        while self.grid.takeAt(0) is not None:
            pass
        cols = self._columns or 1
        for i, tid in enumerate(self.shown):
            self.grid.addWidget(self.tiles[tid], i // cols, i % cols)
        for c in range(3):
            self.grid.setColumnStretch(c, 1 if c < cols else 0)
        offer = (
            self.not_answered if self.not_answered and not self.not_answered.isHidden() else None
        )
        tab_chain(self.search, offer, self.start_button, *(self.tiles[t] for t in self.shown))

    def resizeEvent(self, e: QResizeEvent) -> None:
        chars = e.size().width() / max(1, self.fontMetrics().averageCharWidth())
        cols = 3 if chars >= 170 else 2 if chars >= 80 else 1
        if cols != self._columns:
            self._columns = cols
            self._relayout()
        super().resizeEvent(e)

    def _open_first(self) -> None:
        if self.search.text().strip() and self.shown:
            self.topicChosen.emit(self.shown[0])

    def _leave_search(self) -> None:
        """Down from the search box: to the first match, else to "Not sure where to start?"."""
        first = self.start_button if not (self.search.text().strip() and self.shown) else None
        target = first or (self.tiles[self.shown[0]] if self.shown else None)
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)

    # -- for the window
    def show_period(self) -> None:
        """Say whether a period is in force today (again after a clear: days pass)."""
        text = wording.period_line(self.catalog.calendar, today())
        self.period.setText(text)
        self.period.setAccessibleDescription(text)
        self.period.setVisible(bool(text))

    def reset(self) -> None:
        """Forget the search (for the next person at a shared terminal) and focus it."""
        self.show_period()
        self.search.clear()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_kept(self, text: str) -> None:
        """Say that an unfinished advice record was kept, and how to finish it ("" hides)."""
        self.kept.setText(text)
        self.kept.setAccessibleDescription(text)
        self.kept.setVisible(bool(text))


class SearchBox(HintedLine):
    """The search box, whose Down arrow calls `on_down` (to move to the topics), and whose
    example words shorten rather than be cut with "…" at a large text size.

    A key handler rather than an event filter: a filter is handed every event the box gets,
    each a call into Python (~20 before the first screen).
    """

    def __init__(self, on_down: Callable[[], object]) -> None:
        super().__init__()
        self.on_down = on_down

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() == Qt.Key.Key_Down:
            self.on_down()
            return
        super().keyPressEvent(e)


def today() -> dt.date:
    """The terminal's date (a function, so that a test can set the day)."""
    return dt.date.today()


def _why(hit: Hit) -> str:
    """A line on a tile saying why it matched, when that is not plain from its title or summary."""
    if hit.field == "keyword":
        return f"Matches “{hit.text}”"
    if hit.field == "question":
        return f"Asks: “{hit.text}”"
    return ""
