"""The record of reasoning as a PDF a supervisor can file, drawn by Qt's own PDF engine.

The body is a QTextDocument laid out in pages that leave room for a header and footer; each page
is then painted with QPainter, which adds the protective marking at top and bottom, the title and
"page X of Y". The PDF is built in memory and written whole or not at all
(wizard.library.atomicfile).
"""

from __future__ import annotations

import datetime as dt
import string
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from wizard import __version__
from wizard.core.case import CaseDetails
from wizard.core.periods import OUTSIDE_NOTE, stamped_outside
from wizard.core.transcript import QuotedClause, Transcript
from wizard.core.verdicts import VERDICTS
from wizard.export.fonts import register_fonts
from wizard.export.markup import escape as _e
from wizard.export.naming import topic
from wizard.export.text import DOUBT, LAW_HEADING, READING_HEADING, human_date
from wizard.library.atomicfile import write_atomic

TITLE = "Pre-election guidance: record of reasoning"
PROGRAM = "Purdah Wizard"
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
DEFAULT_MARKING = "OFFICIAL"

# A section added after the reasoning, e.g. an advice record's own fields: (heading, rows).
Section = tuple[str, Sequence[tuple[str, str]]]

# Page furniture, in millimetres from the paper's edges.
SIDE_MM = 20.0
BODY_TOP_MM = 24.0
BODY_BOTTOM_MM = 24.0
MARKING_FROM_EDGE_MM = 7.0
RULE_FROM_EDGE_MM = 19.0
INDENT_MM = 6.0


@dataclass(frozen=True)
class PdfOptions:
    """How the document is printed: the protective marking, the paper and the program's version."""

    marking: str = DEFAULT_MARKING
    page_size: str = "A4"  # "A4" or "Letter"
    program_version: str = __version__

    def page_size_id(self) -> QPageSize.PageSizeId:
        for name, size in PAGE_SIZES.items():
            if name.lower() == self.page_size.strip().lower():
                return size
        choices = ", ".join(PAGE_SIZES)
        raise ValueError(f"unknown paper size {self.page_size!r}; use one of {choices}")

    def marking_text(self) -> str:
        """The marking to print; a blank setting still prints the default, never nothing."""
        return " ".join(self.marking.split()) or DEFAULT_MARKING


_app: QGuiApplication | None = None


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new offscreen one (for the command line, no display)."""
    global _app
    app = QGuiApplication.instance()
    if app is None:
        _app = app = QGuiApplication(["purdah-wizard", "-platform", "offscreen"])
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("a PDF needs a QGuiApplication, but a plain QCoreApplication is running")
    return app


def write_reasoning_pdf(
    path: Path | str,
    transcript: Transcript,
    *,
    case: CaseDetails | None = None,
    options: PdfOptions = PdfOptions(),
    extra_sections: Sequence[Section] = (),
    made_at: dt.datetime | None = None,
) -> None:
    """Write the record of reasoning to `path`, whole or not at all; SaveError on failure."""
    data = render_reasoning_pdf(
        transcript, case=case, options=options, extra_sections=extra_sections, made_at=made_at
    )
    write_atomic(Path(path), lambda tmp: _write_bytes(tmp, data))


def _write_bytes(tmp: Path, data: bytes) -> None:
    with open(tmp, "wb") as f:
        f.write(data)


def render_reasoning_pdf(
    transcript: Transcript,
    *,
    case: CaseDetails | None = None,
    options: PdfOptions = PdfOptions(),
    extra_sections: Sequence[Section] = (),
    made_at: dt.datetime | None = None,
) -> bytes:
    """The PDF's bytes. Makes an offscreen QGuiApplication if none is running: Qt's fonts
    need one, and without it the process would crash (ensure_gui_application)."""
    ensure_gui_application()
    made_at = (made_at or dt.datetime.now()).astimezone()
    family = register_fonts()
    buffer_bytes = QByteArray()
    buffer = QBuffer(buffer_bytes)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, transcript, options, made_at)
    doc = _document(
        reasoning_html(
            transcript, case=case, options=options, extra_sections=extra_sections, made_at=made_at
        ),
        family,
        writer,
    )
    _paint_pages(writer, doc, family, options.marking_text(), _footer_note(made_at, options))
    buffer.close()
    return bytes(buffer.data().data())


# -- the writer and its metadata
def _writer(
    device: QIODevice, t: Transcript, options: PdfOptions, made_at: dt.datetime
) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(options.page_size_id()),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    creator = f"{PROGRAM} {options.program_version}"
    writer.setTitle(TITLE)
    writer.setCreator(creator)
    # Qt 6 has no setSubject: the subject goes in the XMP metadata (dc:description), its standard
    # home, alongside what Qt would otherwise write there itself.
    writer.setDocumentXmpMetadata(_xmp(TITLE, subject(t), creator, made_at).encode("utf-8"))
    return writer


def subject(t: Transcript) -> str:
    """What the record is about, in one line: topic and verdict."""
    if t.outcome is None:
        return f"{topic(t)}: not finished, no outcome reached"
    return f"{topic(t)}: {t.outcome.verdict_label} ({t.outcome.title})"


def _xmp(title: str, subject_text: str, creator: str, made_at: dt.datetime) -> str:
    e = _e
    when = made_at.isoformat(timespec="seconds")
    return f"""<?xpacket begin='\ufeff' id='W5M0MpCehiHzreSzNTczkc9d'?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{e(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{e(subject_text)}</rdf:li></rdf:Alt>
   </dc:description>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    pdf:Producer="Qt" pdf:Trapped="False"/>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmp:CreatorTool="{e(creator)}" xmp:CreateDate="{when}" xmp:ModifyDate="{when}"
    xmp:MetadataDate="{when}"/>
  <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmpMM:DocumentID="uuid:{uuid.uuid4()}" xmpMM:VersionID="1" xmpMM:RenditionClass="default"/>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end='w'?>"""


# -- the body
# Qt ignores "pt" in CSS lengths other than font sizes. It scales vertical lengths in pixels
# (1/96 inch) to the PDF's resolution, but not left margins: $indent is filled in, in device units.
CSS = string.Template("""
body { font-size: 10pt; color: #000000; }
h1 { font-size: 17pt; font-weight: bold; margin-top: 0; margin-bottom: 3px; }
h2 { font-size: 12.5pt; font-weight: bold; margin-top: 22px; margin-bottom: 6px; }
p { margin-top: 0; margin-bottom: 6px; }
p.lead { color: #333333; margin-bottom: 0; }
td.label { font-weight: bold; color: #222222; }
td.num { font-weight: bold; }
h3 { font-size: 10pt; font-weight: bold; margin-top: 10px; margin-bottom: 3px; }
p.help, p.explain { font-size: 9pt; color: #444444; margin-left: $indent; margin-bottom: 3px; }
p.answer { margin-left: $indent; margin-bottom: 2px; }
p.verdicthead { font-size: 9pt; font-weight: bold; color: #333333; margin-bottom: 2px; }
p.verdict { font-size: 15pt; font-weight: bold; margin-bottom: 4px; }
p.meaning { margin-bottom: 10px; }
p.outcome { font-size: 11pt; font-weight: bold; margin-bottom: 4px; }
p.quote { margin-left: $indent; margin-bottom: 3px; }
p.cite { margin-left: $indent; font-size: 9pt; color: #444444; margin-bottom: 6px; }
p.hash { font-size: 8.5pt; margin-bottom: 8px; }
p.doubt { font-size: 13pt; font-weight: bold; margin-top: 14px; }
p.warning { font-weight: bold; }
""")


def reasoning_html(
    t: Transcript,
    *,
    case: CaseDetails | None = None,
    options: PdfOptions = PdfOptions(),
    extra_sections: Sequence[Section] = (),
    made_at: dt.datetime,
) -> str:
    """The body of the record as Qt rich text (HTML); every value from a tree or user escaped."""
    parts = [
        f"<h1>{_e(topic(t))}</h1>",
        "<p class='lead'>A record of the questions asked, the answers given, and what the "
        "guidance says.</p>",
        *_about(t, options, made_at),
        *_guidance(t),
        *_case(case),
        *_questions(t),
        *_outcome(t),
        *(html_section for s in extra_sections for html_section in _extra(s)),
    ]
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def _about(t: Transcript, options: PdfOptions, made_at: dt.datetime) -> list[str]:
    program = f"{PROGRAM} {options.program_version}"
    if t.program_version != options.program_version:
        program += f" (the walk was recorded by version {t.program_version})"
    o = t.outcome
    verdict_row = (
        ("Outcome", "Not finished: no outcome reached")
        if o is None
        else ("Outcome", f"{_symbol(o.verdict)}{o.verdict_label}: {o.title}")
    )
    rows = [
        verdict_row,
        ("Made", _local_time(made_at)),
        ("Program", program),
        ("Walk started", _local_time(_parse_iso(t.started_at))),
    ]
    if t.outcome is not None:
        rows.append(("Outcome reached", _local_time(_parse_iso(t.outcome.reached_at))))
    if t.period:
        rows.append(("Pre-election period", t.period))
    return ["<h2>About this record</h2>", _facts(rows)]


def _guidance(t: Transcript) -> list[str]:
    out = ["<h2>Guidance used</h2>"]
    for tree in t.trees:
        out.append(
            f"<p><b>{_e(tree.title)}</b>: decision tree “{_e(tree.id)}”, "
            f"version {_e(tree.version)}, in effect from {_e(human_date(tree.effective))}.</p>"
            f"<p class='hash'>SHA-256 of the tree file: {_e(tree.sha256)}</p>"
        )
    for s in t.sources:
        dated = f", dated {_e(human_date(s.date))}" if s.date else ""
        what = f"{LAW_HEADING}:" if s.kind == "law" else "Source guidance:"
        out.append(
            f"<p><b>{what}</b> {_e(s.publisher)}, {_e(s.title)}, "
            f"reference {_e(s.reference)}{dated}.</p>"
        )
    return out


def _case(case: CaseDetails | None) -> list[str]:
    rows = case.given() if case is not None else []
    return ["<h2>Case details</h2>", _facts(rows)] if rows else []


def _questions(t: Transcript) -> list[str]:
    out = ["<h2>Questions and answers</h2>"]
    if not t.steps:
        return [*out, "<p>No question was answered.</p>"]
    for s in t.steps:
        out.append(f"<h3>{s.number}.&nbsp;&nbsp;{_e(s.question)}</h3>")
        if s.help.strip():
            out.append(_paras(s.help, "help"))
        out.append(f"<p class='answer'>Answer: <b>{_e(s.answer)}</b></p>")
        if s.explain.strip():
            out.append(_paras(s.explain, "explain"))
    return out


def _outcome(t: Transcript) -> list[str]:
    o = t.outcome
    if o is None:
        return [
            "<h2>Outcome</h2>",
            "<p class='warning'>Not finished: the walk stopped before an outcome, so this "
            "record gives no advice.</p>",
            f"<p class='doubt'>{_e(DOUBT)}</p>",
        ]
    v = VERDICTS.get(o.verdict)
    symbol = _e(_symbol(o.verdict)).replace(" ", "&nbsp;&nbsp;")
    # The verdict in its banner's colours (core/verdicts.py, as on screen), the advice in black
    # under it; on a black-and-white printout the words and the symbol still say it all.
    look = v.light if v else None
    ink = f" style='color: {look.text};'" if look else ""
    meaning = f"<p class='meaning'{ink}>{_e(v.meaning)}</p>" if v else ""
    banner = (
        f"<p class='verdicthead'{ink}>VERDICT</p>"
        f"<p class='verdict'{ink}>{symbol}{_e(o.verdict_label)}</p>{meaning}"
    )
    cell = f" bgcolor='{look.background}'" if look else ""
    edge = look.border if look else "#000000"
    out = [
        "<h2>Outcome</h2>",
        "<table width='100%' border='1' cellspacing='0' cellpadding='8' style='border-color: "
        f"{edge}; border-style: solid; border-collapse: collapse;'><tr><td{cell}>{banner}</td>"
        f"</tr><tr><td><p class='outcome'>{_e(o.title)}</p>{_paras(o.advice)}</td></tr></table>",
    ]
    if stamped_outside(t.period):
        out += ["<h2>Outside the pre-election period</h2>", _paras(f"{t.period} {OUTSIDE_NOTE}")]
    if o.reading:
        out += [f"<h2>{_e(READING_HEADING)}</h2>", _paras(o.reading, "reading")]
    out += ["<h2>What the guidance says</h2>", *_quoted(o.citations)]
    if o.law:
        out += [f"<h2>{_e(LAW_HEADING)}</h2>", *_quoted(o.law)]
    out.append(f"<p class='doubt'>{_e(DOUBT)}</p>")
    return out


def _quoted(clauses: Sequence[QuotedClause]) -> list[str]:
    """Each clause under its heading, in quotation marks, then where it is from."""
    out = []
    for c in clauses:
        head = f"{c.heading} (clause {c.clause_id})" if c.heading else f"Clause {c.clause_id}"
        out += [
            f"<h3>{_e(head)}</h3>",
            _paras(f"“{c.text.strip()}”", "quote"),
            f"<p class='cite'>{_e(c.citation)}</p>",
        ]
    return out


def _symbol(verdict_id: str) -> str:
    """The verdict's plain-text mark and a space, so it never rests on colour or shape alone."""
    v = VERDICTS.get(verdict_id)
    return f"{v.symbol} " if v else ""


def _extra(section: Section) -> list[str]:
    heading, rows = section
    return [f"<h2>{_e(heading)}</h2>", _facts(list(rows))]


def _facts(rows: Sequence[tuple[str, str]]) -> str:
    """A two-column table of label and value; values keep their line breaks."""
    cells = "".join(
        f"<tr><td class='label' width='30%'>{_e(label)}</td>"
        f"<td width='70%'>{_lines(value)}</td></tr>"
        for label, value in rows
    )
    return f"<table width='100%' cellspacing='0' cellpadding='3'>{cells}</table>"


def _lines(text: str) -> str:
    return "<br>".join(_e(line) for line in str(text).strip().splitlines())


def _paras(text: str, css_class: str = "") -> str:
    """Text split into paragraphs at blank lines; single line breaks kept."""
    cls = f" class='{css_class}'" if css_class else ""
    blocks = [b for b in str(text).strip().split("\n\n") if b.strip()]
    return "".join(f"<p{cls}>{_lines(b)}</p>" for b in blocks)


# -- dates and times
def _parse_iso(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def _local_time(moment: dt.datetime | None) -> str:
    """E.g. 'Tuesday 24 November 2026 at 14:05 GMT (UTC)', in this computer's zone."""
    if moment is None:
        return "unknown"
    local = moment.astimezone()
    offset = local.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:5]}" if offset not in ("", "+0000") else "UTC"
    zone = local.tzname() or ""
    zone_text = f"{zone} ({offset})" if zone and zone not in (offset, "UTC") else offset
    return f"{local:%A} {local.day} {local:%B %Y} at {local:%H:%M} {zone_text}"


def _footer_note(made_at: dt.datetime, options: PdfOptions) -> str:
    local = made_at.astimezone()
    return (
        f"Made {local:%Y-%m-%d %H:%M} {local.tzname() or ''} by {PROGRAM} "
        f"{options.program_version}".replace("  ", " ")
    )


# -- pages
def _font(family: str, points: float, bold: bool = False) -> QFont:
    """The bundled font without ligatures, so that copied text reads "fi", not one glyph "ﬁ"."""
    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def _mm(writer: QPdfWriter, mm: float) -> float:
    return mm / 25.4 * writer.resolution()


def _document(body_html: str, family: str, writer: QPdfWriter) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # lay out in the PDF's own units and metrics
    doc.setDefaultFont(_font(family, 10))
    indent = f"{round(_mm(writer, INDENT_MM))}px"
    doc.setDefaultStyleSheet(
        f"body {{ font-family: '{family}'; }}\n" + CSS.substitute(indent=indent)
    )
    doc.setDocumentMargin(0)
    doc.setHtml(body_html)
    width = writer.width() - 2 * _mm(writer, SIDE_MM)
    height = writer.height() - _mm(writer, BODY_TOP_MM) - _mm(writer, BODY_BOTTOM_MM)
    doc.setPageSize(QSizeF(width, height))
    keep_sections_together(doc)
    return doc


_BREAK_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
KEEP_WHOLE = 0.4  # sections up to this part of a page are moved whole; longer ones flow on


def keep_sections_together(doc: QTextDocument, max_moves: int = 500) -> None:
    """Start a heading on a new page rather than leave it, or a short section, broken across the
    foot of a page. Longer sections flow on, their own subsections kept whole.

    A heading's section runs to the next heading of the same or a higher level. Qt has no
    "keep together", so each offending heading (top first) gets a page break before it, and the
    layout is measured again.
    """
    for _ in range(max_moves):
        block = _first_broken_heading(doc)
        if block is None:
            return
        fmt = block.blockFormat()
        fmt.setPageBreakPolicy(_BREAK_BEFORE)
        QTextCursor(block).setBlockFormat(fmt)


def _first_broken_heading(doc: QTextDocument) -> QTextBlock | None:
    layout = doc.documentLayout()
    page_h = doc.pageSize().height()
    blocks: list[tuple[QTextBlock, int, float, float]] = []  # block, heading level, top, bottom
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        blocks.append((block, block.blockFormat().headingLevel(), rect.top(), rect.bottom()))
        block = block.next()
    for i, (block, level, top, bottom) in enumerate(blocks):
        if not level or top <= 0 or block.blockFormat().pageBreakPolicy() & _BREAK_BEFORE:
            continue  # a break before the very first block would only add an empty page
        page = int(top // page_h)
        if int((_next_line_bottom(doc, block, bottom) - 1) // page_h) != page:
            return block  # the heading would sit alone at the foot of a page
        section_end = bottom
        for _, other_level, _, other_bottom in blocks[i + 1 :]:
            if other_level and other_level <= level:
                break
            section_end = max(section_end, other_bottom)
        if section_end - top <= KEEP_WHOLE * page_h and int((section_end - 1) // page_h) != page:
            return block  # a short section would be broken
    return None


def _next_line_bottom(doc: QTextDocument, heading: QTextBlock, fallback: float) -> float:
    """Where the first line after a heading ends: the heading must not be parted from it."""
    after = heading.next()
    if not after.isValid():
        return fallback
    rect = doc.documentLayout().blockBoundingRect(after)
    line = after.layout().lineAt(0) if after.layout().lineCount() else None
    return rect.top() + (line.rect().bottom() if line is not None else rect.height())


def _paint_pages(
    writer: QPdfWriter, doc: QTextDocument, family: str, marking: str, footer_note: str
) -> None:
    pages = doc.pageCount()
    body = QSizeF(doc.pageSize())
    left, top = _mm(writer, SIDE_MM), _mm(writer, BODY_TOP_MM)
    painter = QPainter(writer)
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            _furniture(painter, writer, family, marking, footer_note, index + 1, pages)
            painter.save()
            painter.translate(left, top - index * body.height())
            clip = QRectF(0, index * body.height(), body.width(), body.height())
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            doc.documentLayout().draw(painter, context)
            painter.restore()
    finally:
        painter.end()


def _fit(font: QFont, text: str, width: float, device: QPdfWriter) -> tuple[QFont, str]:
    """A smaller font (down to 6 points), then an ellipsis, so a long marking is never clipped."""
    font = QFont(font)
    while QFontMetricsF(font, device).horizontalAdvance(text) > width and font.pointSizeF() > 6:
        font.setPointSizeF(font.pointSizeF() - 0.5)
    return font, QFontMetricsF(font, device).elidedText(text, Qt.TextElideMode.ElideRight, width)


def _furniture(
    painter: QPainter,
    writer: QPdfWriter,
    family: str,
    marking: str,
    footer_note: str,
    page: int,
    pages: int,
) -> None:
    """The marking at top and bottom, the title, a rule under and over the body, page X of Y."""
    w, h = writer.width(), writer.height()
    side = _mm(writer, SIDE_MM)
    inner = QRectF(side, 0, w - 2 * side, h)
    line = _mm(writer, 5)
    bold, small = _font(family, 11, bold=True), _font(family, 8.5)
    painter.save()
    painter.setPen(QPen(Qt.GlobalColor.black, _mm(writer, 0.25)))
    top_mark = QRectF(inner.left(), _mm(writer, MARKING_FROM_EDGE_MM), inner.width(), line)
    bottom_mark = QRectF(
        inner.left(), h - _mm(writer, MARKING_FROM_EDGE_MM) - line, inner.width(), line
    )
    font, marking = _fit(bold, marking, inner.width(), writer)
    painter.setFont(font)
    for rect in (top_mark, bottom_mark):
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, marking)
    painter.setFont(small)
    header = QRectF(inner.left(), _mm(writer, RULE_FROM_EDGE_MM) - line, inner.width(), line)
    footer = QRectF(inner.left(), h - _mm(writer, RULE_FROM_EDGE_MM), inner.width(), line)
    left_v = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    right_v = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(header, left_v, TITLE)
    painter.drawText(header, right_v, f"Page {page} of {pages}")
    painter.drawText(footer, left_v, footer_note)
    painter.drawLine(header.bottomLeft(), header.bottomRight())
    painter.drawLine(footer.topLeft(), footer.topRight())
    painter.restore()
