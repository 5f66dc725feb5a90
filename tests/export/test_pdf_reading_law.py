"""The PDF of an outcome with a reading and law clauses: the reading under the verdict, the law
under its own heading after the guidance, and the law named among the sources used."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.export.pdftools import all_text
from wizard.cli.main import main
from wizard.core.replay import replay
from wizard.export.pdf import write_reasoning_pdf
from wizard.library.folder import load_folder
from wizard.records.model import Record
from wizard.records.pdf import write_record_pdf

pytestmark = pytest.mark.gui

READING_LAW = Path(__file__).resolve().parents[1] / "fixtures" / "reading-law"


@pytest.fixture(autouse=True)
def _qt(qapp):
    return qapp


def walked(role: str):
    result = replay(load_folder(READING_LAW), "leaflets", {"role": role})
    assert result.pending is None
    return result.walk.transcript()


def test_the_reading_and_the_law_each_have_their_heading_in_order(tmp_path):
    code = main(
        [
            "--trees",
            str(READING_LAW),
            "run",
            "leaflets",
            "-a",
            "role=officer",
            "--pdf",
            str(tmp_path / "x.pdf"),
        ]
    )
    assert code == 0
    text = all_text(tmp_path / "x.pdf")
    verdict = text.index("Do not do this: it may be a criminal offence")
    reading = text.index("How the guidance is read here")
    guidance = text.index("What the guidance says")
    law = text.index("The law Representation of the People Act 1983")
    assert verdict < reading < guidance < law
    assert "officers included, since the law binds officers" in text[reading:guidance]
    assert "Staff must not campaign for a candidate." in text[guidance:law]
    assert "No member of a police force" not in text[guidance:law]
    assert (
        "“No member of a police force may persuade any person to vote for a candidate.”"
        in text[law:]
    )
    assert "Police Regulations 2003, Schedule 1 (clause regs-politics)" in text[law:]
    assert (
        "The law: Acts of Parliament and regulations, The law behind the guidance "
        "(summarised), reference TEST LAW 1." in text[:reading]
    )


def test_an_outcome_without_them_has_neither_heading(tmp_path):
    write_reasoning_pdf(tmp_path / "x.pdf", walked("staff"))
    text = all_text(tmp_path / "x.pdf")
    assert "How the guidance is read here" not in text and "The law" not in text
    assert "Staff must not campaign for a candidate." in text


def test_the_record_pdf_shows_them_too(tmp_path):
    record = Record(
        supervisor_name="Sgt Jane Roe",
        advice="Decline.",
        transcript=walked("officer"),
        id=7,
        created_at="2026-03-02T09:15:00Z",
    )
    write_record_pdf(tmp_path / "r.pdf", record)
    text = all_text(tmp_path / "r.pdf")
    assert text.index("How the guidance is read here") < text.index("The law Representation")
    assert text.index("The law Representation") < text.index("Advice given by the supervisor")
