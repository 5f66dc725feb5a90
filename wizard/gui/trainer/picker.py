"""Pick a scenario: its title, who the person is and the topic, with the verdict hidden until the
trainer chooses to show it (so it is not given away on the projector)."""

from __future__ import annotations

from wizard.core.catalog import Catalog
from wizard.core.scenarios import Scenario
from wizard.gui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QKeyEvent,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    SignalInstance,
)
from wizard.gui.trainer.parts import button, label
from wizard.gui.trainer.texts import also_reached_from, verdict_words

HIDDEN = "(hidden)"
TITLE, PERSON, TOPIC, VERDICT = range(4)


def topic_of(catalog: Catalog, scenario: Scenario) -> str:
    """The topic a scenario is about: the first tree its path enters beyond the start tree."""
    trees = list(dict.fromkeys(t for t, _ in scenario.path(catalog)))
    if len(trees) > 1 and trees[0] == "start":
        trees.pop(0)
    return catalog.tree(trees[0]).title


def scenario_problems(catalog: Catalog, most: int = 6) -> str:
    """Which scenario files were left out of trainer mode and why (their first problem each), so
    a trainer sees at once why a scenario is missing; "" when none was."""
    failed = catalog.failed_scenarios
    if not failed:
        return ""
    count = len(failed)
    lines = [
        f"⚠ {count} scenario file{'s' if count != 1 else ''} could not be used and "
        f"{'are' if count != 1 else 'is'} left out of the list:"
    ]
    for name, problems in sorted(failed.items())[:most]:
        blocking = [p for p in problems if p.blocking] or problems
        more = f" (and {len(blocking) - 1} more)" if len(blocking) > 1 else ""
        first = str(blocking[0]) if blocking else f"{name}: could not be used"
        lines.append(f"•  {first}{more}")
    if count > most:
        lines.append(f"…and {count - most} more files.")
    lines.append("`python -m wizard validate` lists every problem.")
    return "\n".join(lines)


class ScenarioPicker(QWidget):
    presentRequested = Signal(str)  # a scenario id
    quizRequested = Signal(str)
    mapRequested = Signal(str)

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.verdicts_shown = False
        self.list = QTreeWidget()
        self.list.setProperty("role", "explain")
        self.list.setHeaderLabels(["Scenario", "Who", "Topic", "Verdict"])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName("Scenarios")
        self.list.setAccessibleDescription("Enter presents the chosen scenario.")
        header = self.list.header()
        header.setProperty("role", "person")
        # Titles whole; the topic takes what is left (and says itself in full as a tooltip).
        for col in (TITLE, PERSON, VERDICT):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TOPIC, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.ids: list[str] = []
        self.items: list[QTreeWidgetItem] = []  # the list's rows, in the order of self.ids
        for s in sorted(catalog.scenarios.values(), key=lambda s: (topic_of(catalog, s), s.title)):
            item = QTreeWidgetItem([s.title, s.person_label, topic_of(catalog, s), HIDDEN])
            item.setData(TITLE, Qt.ItemDataRole.UserRole, s.id)
            also = also_reached_from(catalog, s)
            item.setToolTip(TITLE, f"{s.story}\n\n{also}" if also else s.story)
            item.setToolTip(TOPIC, item.text(TOPIC))
            self.list.addTopLevelItem(item)
            self.ids.append(s.id)
            self.items.append(item)
        if self.items:
            self.list.setCurrentItem(self.items[0])
        self.list.itemActivated.connect(lambda *_: self._emit(self.presentRequested))
        self.present_button = button(
            "&Present",
            "Present",
            "Present the scenario to the room (Enter)",
            lambda: self._emit(self.presentRequested),
        )
        self.quiz_button = button(
            "&Quiz",
            "Quiz",
            "A trainee answers the scenario alone",
            lambda: self._emit(self.quizRequested),
        )
        self.map_button = button(
            "&Map",
            "Map",
            "Draw the scenario's topic as a map",
            lambda: self._emit(self.mapRequested),
        )
        self.verdict_button = button(
            "Show &verdicts",
            "Show verdicts",
            "Show or hide each scenario's verdict in the list",
            self.toggle_verdicts,
        )
        self.verdict_button.setCheckable(True)
        row = QHBoxLayout()
        for b in (self.present_button, self.quiz_button, self.map_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.verdict_button)
        empty = "" if self.ids else "No scenarios loaded: `python -m wizard validate` says why."
        column = QVBoxLayout(self)
        column.setContentsMargins(48, 24, 48, 16)
        column.addWidget(label("Choose a scenario", "title"))
        if empty:
            column.addWidget(label(empty, "prompt"))
        left_out = scenario_problems(catalog)
        self.problems = label(left_out, "problems")  # why a scenario is not in the list
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.setAccessibleName("Scenarios left out")
        self.problems.setAccessibleDescription(left_out)
        self.problems.setVisible(bool(left_out))
        column.addWidget(self.problems)
        column.addWidget(self.list, 1)
        column.addLayout(row)
        column.addWidget(
            label(
                "Keys: ↑ ↓ choose  ·  Enter present  ·  Alt+Q quiz  ·  Alt+M map"
                "  ·  Alt+V verdicts  ·  F11 full screen",
                "keys",
            )
        )
        for b in (self.present_button, self.quiz_button, self.map_button):
            b.setEnabled(bool(self.ids))

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(TITLE, Qt.ItemDataRole.UserRole))

    def select(self, scenario_id: str) -> None:
        if scenario_id in self.ids:
            self.list.setCurrentItem(self.items[self.ids.index(scenario_id)])

    def _emit(self, signal: SignalInstance) -> None:
        scenario_id = self.current_id()
        if scenario_id:
            signal.emit(scenario_id)

    def toggle_verdicts(self) -> None:
        self.verdicts_shown = not self.verdicts_shown
        self.verdict_button.setChecked(self.verdicts_shown)
        for scenario_id, item in zip(self.ids, self.items, strict=True):
            s = self.catalog.scenarios[scenario_id]
            item.setText(VERDICT, verdict_words(s.verdict) if self.verdicts_shown else HIDDEN)

    def verdict_texts(self) -> list[str]:
        return [item.text(VERDICT) for item in self.items]

    def focus_list(self) -> None:
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._emit(self.presentRequested)
        else:
            super().keyPressEvent(e)
