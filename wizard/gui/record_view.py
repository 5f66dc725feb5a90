"""One advice record, read-only: every field, its history (amendments) and the walk it was made on.

Each version in the history is a link; following it shows that version. Nothing here can change
a record: a correction is an amendment (`records amend` on the command line). A record from the
force's records server (another terminal's, issue 19) says where it came from, and that only the
terminal that made it can amend it.
"""

from __future__ import annotations

from collections.abc import Callable

from wizard.core.transcript import OutcomeRecord
from wizard.export.fonts import register_fonts
from wizard.export.markup import escape as _e
from wizard.export.text import LAW_HEADING, READING_HEADING
from wizard.gui.qt import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from wizard.records.model import Record, local_time
from wizard.records.text import fields_of, heading


def _lines(text: str) -> str:
    return "<br>".join(_e(line) for line in str(text).splitlines())


def record_html(record: Record, history: list[Record]) -> str:
    """The record as rich text; every value typed by a user or taken from a tree is escaped."""
    rows = "".join(
        f"<tr><td valign='top'><b>{_e(label)}</b></td><td>{_lines(value)}</td></tr>"
        for label, value in fields_of(record)
    )
    title, stamp = heading(record), f" ({record.created_at})"
    if title.endswith(stamp):  # the time once in the heading; as stored, in small print
        title = title[: -len(stamp)]
        stamp = f"<p><small>Stored as {_e(record.created_at)}</small></p>"
    else:
        stamp = ""
    parts = [f"<h2>{_e(title)}</h2>{stamp}"]
    if record.walk_unchecked:  # said above the fields too: the walk is not vouched for
        parts.append(f"<p><b>⚠ {_e(record.walk_check_text())}</b></p>")
    parts.append(f"<table cellspacing='0' cellpadding='4'>{rows}</table>")
    if len(history) > 1:
        items = []
        for v in history:
            what = "amendment" if v.kind == "amendment" else v.kind
            why = f": {_e(v.amendment_reason)}" if v.amendment_reason else ""
            name = f"record {v.id}, {_e(local_time(v.created_at))}, {what}{why}"
            items.append(
                f"<li><b>{name} (shown)</b></li>"
                if v.id == record.id
                else f"<li><a href='record:{v.id}'>{name}</a></li>"
            )
        parts += ["<h3>History, oldest first</h3>", f"<ul>{''.join(items)}</ul>"]
    t = record.transcript
    if t is not None:
        parts.append("<h3>The walk, as it was when the advice was recorded</h3>")
        if t.period:  # the pre-election period it was made in (walks made since issue 20)
            parts.append(f"<p><b>Pre-election period:</b> {_e(t.period)}</p>")
        parts.append(
            "<ol>"
            + "".join(f"<li>{_e(s.question)}<br>→ <b>{_e(s.answer)}</b></li>" for s in t.steps)
            + "</ol>"
        )
        if t.outcome is not None:
            parts += _outcome_html(t.outcome)
    parts.append(
        f"<p><small>Previous hash: {_e(record.prev_hash)}<br>Hash: {_e(record.hash)}</small></p>"
    )
    return "<html><body>" + "".join(parts) + "</body></html>"


def _outcome_html(o: OutcomeRecord) -> list[str]:
    """The outcome of the walk: verdict, the reading of the guidance, the guidance quoted and,
    under its own heading, the law."""
    parts = [f"<p><b>Outcome: {_e(o.verdict_label)}: {_e(o.title)}</b></p>"]
    if o.reading:
        parts.append(f"<h4>{_e(READING_HEADING)}</h4><p>{_lines(o.reading)}</p>")
    parts.append(f"<p>{_lines(o.advice)}</p>")
    for heading_text, clauses in (("The guidance says", o.citations), (LAW_HEADING, o.law)):
        if clauses:
            parts.append(f"<h4>{_e(heading_text)}</h4>")
        parts += [
            f"<blockquote>“{_e(c.text)}”<br><i>{_e(c.citation)}, "
            f"clause {_e(c.clause_id)}</i></blockquote>"
            for c in clauses
        ]
    return parts


class RecordView(QDialog):
    """A record and its history, read-only; `save_pdf` is given the version shown."""

    def __init__(
        self,
        history: list[Record],
        shown: int,
        save_pdf: Callable[[Record, list[Record]], object] | None = None,
        parent: QWidget | None = None,
        source: str = "",
    ) -> None:
        """`source`: where a record from the force's records server came from ("terminal X at
        Y"); empty for this terminal's own."""
        super().__init__(parent)
        self.history = history
        self.save_pdf = save_pdf
        self.source = source
        self.setMinimumSize(480, 360)
        self._fit_to(parent)
        layout = QVBoxLayout(self)
        self.source_note = QLabel(
            f"From the force's records server: made on {source}. Read-only here: only "
            "that terminal can record an amendment to it."
        )
        self.source_note.setObjectName("recordSource")
        self.source_note.setWordWrap(True)
        self.source_note.setVisible(bool(source))
        layout.addWidget(self.source_note)
        self.latest_note = QLabel()
        self.latest_note.setWordWrap(True)
        layout.addWidget(self.latest_note)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        font = self.browser.font()
        font.setFamily(register_fonts())  # the bundled font, as everywhere else
        self.browser.document().setDefaultFont(font)
        self.browser.anchorClicked.connect(self._follow)
        layout.addWidget(self.browser, 1)
        row = QHBoxLayout()
        self.pdf_button = QPushButton("Save as &PDF…")
        self.pdf_button.clicked.connect(
            lambda: self.save_pdf and self.save_pdf(self.record, self.history)
        )
        self.pdf_button.setVisible(save_pdf is not None)
        row.addWidget(self.pdf_button)
        row.addStretch(1)
        close = QPushButton("Close")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.show_version(shown)

    def _fit_to(self, parent: QWidget | None) -> None:
        """Most of the window it belongs to (long values wrap wide, not squeezed), and no more."""
        if parent is not None:
            room = parent.window().size()
            self.resize(
                max(self.minimumWidth(), int(room.width() * 0.9)),
                max(self.minimumHeight(), int(room.height() * 0.9)),
            )

    def show_version(self, record_id: int) -> None:
        self.record = next(v for v in self.history if v.id == record_id)
        where = f" from {self.source}" if self.source else ""
        self.setWindowTitle(f"Advice record {self.record.id}{where}")
        self.setAccessibleName(f"Advice record {self.record.id}{where}")
        self.browser.setHtml(record_html(self.record, self.history))
        latest = self.history[-1]
        self.latest_note.setText(
            ""
            if self.record.id == latest.id
            else f"This is an earlier version: record {latest.id} is the latest."
        )
        self.latest_note.setVisible(self.record.id != latest.id)
        self.pdf_button.setEnabled(self.record.transcript is not None)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "record":
            self.show_version(int(url.path()))
