"""Preview a tree as its author edits it: the window on the tree, reloaded each time the file is
saved, with the validator's problems listed beside it as file:line (issue 20).

The tree is loaded with its folder (its sources, shared questions and the topics it links to), as
`validate` loads it, and the walk on screen is replayed on each new version as far as its
answers still fit, so an edit's effect shows at once. Qt's file watcher, no new dependency.
"""

from __future__ import annotations

from pathlib import Path

from wizard.core.catalog import Catalog
from wizard.core.problems import TreeError
from wizard.gui.main_window import MainWindow
from wizard.gui.qt import (
    QFileSystemWatcher,
    QLabel,
    QListWidget,
    QMainWindow,
    QSettings,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from wizard.gui.wording import problem_line
from wizard.library.folder import folder_of, load_folder
from wizard.library.validate import validate_targets

SETTLE_MSEC = 200  # an editor's save can be several writes: reload once they settle


class PreviewWindow(QMainWindow):
    reloaded = Signal()  # the tree was read again and the problems listed

    def __init__(
        self, tree_file: Path, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = Path(tree_file).resolve()
        self.folder = folder_of(self.path)
        self.settings = settings
        self.wizard: MainWindow | None = None
        self.splitter = QSplitter()
        self.splitter.addWidget(QWidget())  # stands for the wizard until the first load
        self.splitter.addWidget(self._panel())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)  # the problems never squeezed out of sight
        self.setCentralWidget(self.splitter)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MSEC)
        self.settle.timeout.connect(self.reload)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._changed)
        self.watcher.directoryChanged.connect(self._changed)
        self.reload()
        self.splitter.setSizes([700, 320])

    def _panel(self) -> QWidget:
        panel = QWidget()
        col = QVBoxLayout(panel)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.problems = QListWidget()
        self.problems.setAccessibleName("Problems")
        self.problems.setWordWrap(True)
        panel.setMinimumWidth(self.fontMetrics().averageCharWidth() * 30)
        col.addWidget(self.heading)
        col.addWidget(self.problems, 1)
        return panel

    # -- watching the file
    def _changed(self, _path: str) -> None:
        """Any change to the file, its sources or shared questions, or their folders: watch them
        again (an editor that saves by replacing a file leaves the watcher on the old one), and
        reload once the writes settle."""
        self._watch()
        self.settle.start()

    def _watch(self) -> None:
        """Watch the tree, the sources and shared questions it draws on, and their folders (a
        folder's change shows a file replaced by a rename)."""
        folders = [self.path.parent, self.folder / "sources", self.folder / "questions"]
        wanted = [
            self.path,
            *folders,
            *(f for d in folders[1:] if d.is_dir() for f in sorted(d.glob("*.yaml"))),
        ]
        watched = {*self.watcher.files(), *self.watcher.directories()}
        missing = [str(p) for p in wanted if p.exists() and str(p) not in watched]
        if missing:
            self.watcher.addPaths(missing)

    # -- loading
    def reload(self) -> None:
        """Read the tree's folder again, show the window on the tree (replaying the answers on
        screen where they still fit) and list the validator's problems for the file."""
        self._watch()
        answers = self._answers_on_screen()
        catalog = load_folder(self.folder, scenarios=False)
        wizard = MainWindow(catalog, self.folder, self.settings, idle_msec=0)
        self._replace(wizard)
        tree_id = self._tree_id(catalog)
        if tree_id is not None:
            self._walk(wizard, tree_id, answers)
        self._list_problems(tree_id)
        self.reloaded.emit()

    def _answers_on_screen(self) -> list[str]:
        w = self.wizard.walk if self.wizard is not None else None
        return [s.answer_id for s in w.steps] if w is not None else []

    def _replace(self, wizard: MainWindow) -> None:
        old = self.splitter.widget(0)
        sizes = self.splitter.sizes()
        self.splitter.replaceWidget(0, wizard)
        self.splitter.setSizes(sizes)
        if old is not None:  # always: the splitter is made with a window in it
            old.deleteLater()
        self.wizard = wizard
        wizard.show()

    def _tree_id(self, catalog: Catalog) -> str | None:
        """The id of the tree in the file previewed, if it loaded."""
        return next(
            (t.id for t in catalog.trees.values() if Path(t.name).resolve() == self.path), None
        )

    @staticmethod
    def _walk(wizard: MainWindow, tree_id: str, answers: list[str]) -> None:
        """Open the tree and give the answers again, as far as the new version still asks them."""
        wizard.start_topic(tree_id)
        for answer in answers:
            walk = wizard.walk
            if walk is None or walk.question is None:
                break
            try:
                walk.answer(answer)
            except TreeError:
                break
        wizard.show_walk()

    def _list_problems(self, tree_id: str | None) -> None:
        report = validate_targets([self.path])
        lines = [problem_line(p, self.folder) for p in report.problems]
        lines += [f"warning: {problem_line(w, self.folder)}" for w in report.warnings]
        self.problems.clear()
        self.problems.addItems(lines or ["No problems."])
        state = (f"{len(report.problems)} problem(s)" if report.problems else "No problems") + (
            "" if tree_id is not None else "; the tree could not be loaded"
        )
        self.heading.setText(
            f"Previewing {self.path.name}: reloaded each time it is saved.\n"
            f"{state}. Each line names the file and line to edit."
        )
        self.setWindowTitle(f"{self.path.name} — preview")
