"""The PDF a supervisor files: read back, it holds the whole reasoning and where it came from."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.export.pdftools import (
    LONG_QUESTIONS,
    all_text,
    font_names,
    long_transcript,
    page_texts,
    word_boxes,
    write_long_tree,
)
from wizard.core.case import CaseDetails
from wizard.core.replay import replay
from wizard.core.verdicts import VERDICTS
from wizard.export.pdf import TITLE, PdfOptions, write_reasoning_pdf

pytestmark = pytest.mark.gui

CASE = CaseDetails(
    name="Zoë Ó Súilleabháin",
    role="PCSO",
    number="C 4711",
    supervisor="Sgt Łukasz Nowak",
    reference="INC-2026-11-0042",
    situation="A candidate asked Ayşe Yılmaz to pose outside the station.",
    notes="Advised to decline.\nRecorded at the front desk.",
)


@pytest.fixture(autouse=True)
def _qt(qapp):
    """A PDF needs a QGuiApplication; pytest-qt's QApplication serves, and widgets keep working."""
    return qapp


@pytest.fixture
def staged(example_catalog):
    """A walk to 'do not pose': two questions, two cited clauses... one clause, one verdict."""
    return replay(
        example_catalog, "start", {"about": "photo", "candidate_present": "yes", "staged": "yes"}
    ).walk.transcript()


def _normal(text: str) -> str:
    return " ".join(text.split())


def test_the_record_holds_every_question_answer_verdict_clause_and_hash(tmp_path, staged):
    out = tmp_path / "record.pdf"
    write_reasoning_pdf(out, staged, case=CASE)
    text = all_text(out)
    assert len(staged.steps) == 3
    for step in staged.steps:
        assert f"{step.number}. {_normal(step.question)}" in text
        assert f"Answer: {_normal(step.answer)}" in text
    verdict = VERDICTS[staged.outcome.verdict]
    assert f"{verdict.symbol} {verdict.label}" in text  # in words, with its mark
    assert staged.outcome.title in text and _normal(staged.outcome.advice) in text
    for clause in staged.outcome.citations:
        assert _normal(clause.text) in text
        assert clause.citation in text
    for tree in staged.trees:  # both trees walked through, each with its hash and version
        assert tree.sha256 in text
        assert f"decision tree “{tree.id}”, version {tree.version}" in text
    source = staged.sources[0]
    assert source.publisher in text and source.reference in text and source.title in text
    assert "If in doubt, don't do it." in text
    assert "Purdah Wizard 0.1.0" in text


def test_case_details_appear_with_accented_names_intact(tmp_path, staged):
    out = tmp_path / "record.pdf"
    write_reasoning_pdf(out, staged, case=CASE)
    text = all_text(out)
    for label, value in CASE.given():
        assert _normal(value) in text, label
    for name in ("Zoë Ó Súilleabháin", "Łukasz", "Ayşe Yılmaz"):
        assert name in text


def test_only_the_case_details_given_are_printed(tmp_path, staged):
    out = tmp_path / "record.pdf"
    write_reasoning_pdf(out, staged, case=CaseDetails(reference="REF 99"))
    text = all_text(out)
    assert "Incident or reference number REF 99" in text
    assert "Supervisor consulted" not in text and "Collar or staff number" not in text
    write_reasoning_pdf(out, staged)
    assert "Case details" not in all_text(out)


def test_marking_title_and_page_x_of_y_on_every_page_of_a_long_walk(tmp_path, example_trees):
    transcript = long_transcript(write_long_tree(tmp_path / "trees", example_trees))
    out = tmp_path / "long.pdf"
    write_reasoning_pdf(out, transcript, options=PdfOptions(marking="OFFICIAL-SENSITIVE"))
    pages = page_texts(out)
    assert len(pages) > 3
    for number, page in enumerate(pages, start=1):
        assert page.count("OFFICIAL-SENSITIVE") == 2, number  # top and bottom
        assert TITLE in page
        assert f"Page {number} of {len(pages)}" in page
    text = all_text(out)
    for i in range(1, LONG_QUESTIONS + 1):  # nothing lost between pages
        assert f"Marker for question {i}." in text
        assert f"Yes, it is still true at step {i}" in text


def test_each_question_and_its_answer_stay_together_on_one_page(tmp_path, example_trees):
    transcript = long_transcript(write_long_tree(tmp_path / "trees", example_trees))
    out = tmp_path / "long.pdf"
    write_reasoning_pdf(out, transcript)
    pages = page_texts(out)
    for i in range(1, LONG_QUESTIONS + 1):
        page = next(p for p in pages if f"{i}. Question number {i}," in p)
        assert f"Marker for question {i}." in page and f"still true at step {i}" in page, i
    outcome = next(p for p in pages if "Outcome VERDICT" in p)  # heading and box together
    assert "Do not pose for the photo" in outcome.split("Outcome VERDICT")[1]


def test_metadata_title_subject_creator(tmp_path, staged):
    out = tmp_path / "record.pdf"
    write_reasoning_pdf(out, staged, options=PdfOptions(program_version="9.8.7"))
    reader = PdfReader(out)
    assert reader.metadata.title == TITLE
    assert reader.metadata.creator == "Purdah Wizard 9.8.7"
    subject = reader.xmp_metadata.dc_description["x-default"]
    assert subject == "Photos with candidates: Do not do this (Do not pose for the photo)"
    assert reader.xmp_metadata.dc_title["x-default"] == TITLE
    assert "Purdah Wizard 9.8.7 (the walk was recorded by version 0.1.0)" in all_text(out)


def test_text_is_in_the_embedded_bundled_font(tmp_path, staged):
    out = tmp_path / "record.pdf"
    write_reasoning_pdf(out, staged, case=CASE)
    fonts = font_names(out)
    assert fonts, "no fonts: the text is not real text"
    for name, embedded in fonts:
        assert "DejaVuSans" in name and embedded, fonts
        assert "Oblique" not in name  # no italic face: the bundle has none, machines would differ


@pytest.mark.parametrize(("size", "points"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_paper_size(tmp_path, staged, size, points):
    out = tmp_path / "record.pdf"
    write_reasoning_pdf(out, staged, options=PdfOptions(page_size=size))
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == points


def test_an_unknown_paper_size_is_refused_naming_the_choices(tmp_path, staged):
    with pytest.raises(ValueError, match="use one of A4, Letter"):
        write_reasoning_pdf(tmp_path / "x.pdf", staged, options=PdfOptions(page_size="A5"))
    assert not list(tmp_path.iterdir())


def test_a_blank_marking_still_prints_the_default(tmp_path, staged):
    out = tmp_path / "record.pdf"
    write_reasoning_pdf(out, staged, options=PdfOptions(marking="  "))
    assert page_texts(out)[0].count("OFFICIAL") == 2


def test_when_made_is_local_time_with_its_zone(tmp_path, staged, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    try:
        out = tmp_path / "record.pdf"
        summer = dt.datetime(2026, 6, 2, 13, 5, tzinfo=dt.UTC)
        write_reasoning_pdf(out, staged, made_at=summer)
        assert "Made Tuesday 2 June 2026 at 14:05 BST (UTC+01:00)" in all_text(out)
        winter = dt.datetime(2026, 11, 24, 14, 5, tzinfo=dt.UTC)
        write_reasoning_pdf(out, staged, made_at=winter)
        assert "Made Tuesday 24 November 2026 at 14:05 GMT (UTC)" in all_text(out)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_extra_sections_are_added_at_the_end(tmp_path, staged):
    out = tmp_path / "record.pdf"
    write_reasoning_pdf(
        out,
        staged,
        extra_sections=[
            ("Advice record", [("Record number", "17"), ("Recorded by", "Ayşe\nsecond line")])
        ],
    )
    text = all_text(out)
    assert text.index("Advice record") > text.index("If in doubt, don't do it.")
    assert "Record number 17" in text and "Recorded by Ayşe second line" in text


def test_an_unfinished_walk_says_it_gives_no_advice(tmp_path, example_catalog):
    result = replay(example_catalog, "photos", {"candidate_present": "yes"})
    out = tmp_path / "record.pdf"
    write_reasoning_pdf(out, result.walk.transcript())
    text = all_text(out)
    assert "Not finished" in text and "gives no advice" in text
    assert "1. Is a candidate in the photo? Answer: Yes" in text


def test_text_from_a_tree_is_printed_as_written_not_as_markup(tmp_path, staged):
    import dataclasses

    step = dataclasses.replace(staged.steps[0], question="Is <b>this</b> & that <i>ok</i>?")
    transcript = dataclasses.replace(staged, steps=(step, *staged.steps[1:]))
    out = tmp_path / "record.pdf"
    write_reasoning_pdf(out, transcript)
    assert "Is <b>this</b> & that <i>ok</i>?" in all_text(out)


def test_nothing_long_runs_past_the_margins(tmp_path, staged):
    """Long words, long case details and a long marking all stay inside the 20 mm margins."""
    import dataclasses

    long_word = "x" * 300
    transcript = dataclasses.replace(
        staged, steps=(dataclasses.replace(staged.steps[0], help=long_word), *staged.steps[1:])
    )
    case = CaseDetails(name="N" * 150, notes="https://example.invalid/" + "long/path/" * 30)
    marking = "OFFICIAL-SENSITIVE: PERSONAL " + "HANDLE WITH CARE " * 10
    out = tmp_path / "record.pdf"
    write_reasoning_pdf(out, transcript, case=case, options=PdfOptions(marking=marking))
    assert long_word in "".join(all_text(out).split())  # all of it, over several lines
    assert "N" * 150 in "".join(all_text(out).split())
    margin = 20 / 25.4 * 72 - 1  # points, less a little for rounding
    boxes = word_boxes(out)
    assert any(word.startswith("OFFICIAL-SENSITIVE") for _, word, *_ in boxes)
    for page, word, x_min, x_max, width in boxes:
        assert x_min >= margin and x_max <= width - margin, (page, word, x_min, x_max)


def test_a_pdf_is_made_even_by_a_caller_that_started_no_qt_application(tmp_path: Path) -> None:
    """A script calling the export directly (no window, no command line) gets a PDF, not a crash
    of the whole process in Qt's font code."""
    import subprocess
    import sys

    from tests.conftest import EXAMPLE_TREES

    code = (
        "import sys; from pathlib import Path; from wizard.library.folder import load_folder; "
        "from wizard.core.walk import Walk; from wizard.export.pdf import write_reasoning_pdf;"
        " w = Walk(load_folder(Path(sys.argv[1])), 'photos'); "
        "[w.answer(w.question.answers[0].id) for _ in range(9) if w.outcome is None]; "
        "write_reasoning_pdf(sys.argv[2], w.transcript())"
    )
    target = tmp_path / "walk.pdf"
    done = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLE_TREES), str(target)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(b"%PDF")
