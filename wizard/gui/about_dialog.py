"""About: the program's version, the trees loaded with their versions, the guidance quoted."""

from __future__ import annotations

from pathlib import Path

from wizard import __version__
from wizard.core.catalog import Catalog
from wizard.export.markup import escape
from wizard.gui import wording
from wizard.gui.qt import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


def about_html(catalog: Catalog, folder: Path) -> str:
    """The dialog's text; every value from the trees is escaped."""
    parts = [
        f"<h1>{wording.APP_NAME} {escape(__version__)}</h1>",
        f"<p>{escape(wording.PURPOSE)}</p>",
        f"<p><b>{escape(wording.DOUBT)}</b></p>",
        "<h2>The guidance</h2>",
    ]
    for s in sorted(catalog.sources.values(), key=lambda s: s.title.lower()):
        dated = f", {escape(wording.nice_date(s.date))}" if s.date else ""
        parts.append(
            f"<p><b>{escape(s.title)}</b> ({escape(s.reference)}), "
            f"{escape(s.publisher)}{dated}.<br>{escape(s.description)}</p>"
        )
    parts.append("<h2>Topics loaded</h2><ul>")
    for t in catalog.sorted_trees():
        parts.append(
            f"<li><b>{escape(t.title)}</b>: version {escape(t.version)}, in effect from "
            f"{escape(wording.nice_date(t.effective))} <i>({escape(t.id)}, "
            f"{escape(t.sha256[:12])})</i></li>"
        )
    parts.append("</ul>")
    for name, lines in wording.unavailable(catalog, folder):
        parts.append(
            f"<p><b>Unavailable: {escape(name)}</b><br>"
            + "<br>".join(escape(line) for line in lines)
            + "</p>"
        )
    parts.append(
        f"<p>Trees read from: {escape(str(folder))}</p>"
        "<p>Text in DejaVu Sans (free licence, see resources/fonts). This program never "
        "uses the network.</p>"
    )
    return "".join(parts)


class AboutDialog(QDialog):
    def __init__(self, catalog: Catalog, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {wording.APP_NAME}")
        self.setAccessibleName(f"About {wording.APP_NAME}")
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setHtml(about_html(catalog, folder))
        self.text.setAccessibleName("About this program and the guidance loaded")
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        layout.addWidget(buttons)
        fm = self.fontMetrics()
        self.resize(fm.averageCharWidth() * 80, fm.height() * 30)

    @classmethod
    def ask(cls, catalog: Catalog, folder: Path, parent: QWidget | None = None) -> None:
        """Show the dialog until closed (tests replace this, so nothing blocks)."""
        cls(catalog, folder, parent).exec()
