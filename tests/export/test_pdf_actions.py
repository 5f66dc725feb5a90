"""Save as PDF from the window: details, a save dialog with a sensible name, a safe write, Open."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings

from tests.export.pdftools import all_text, page_texts
from wizard.core.case import CaseDetails
from wizard.core.replay import replay
from wizard.gui import pdf_actions
from wizard.gui.case_dialog import CaseDialog
from wizard.gui.pdf_actions import FOLDER_KEY, pdf_options, save_pdf_interactively

pytestmark = pytest.mark.gui
CASE = CaseDetails(name="Zoë Ó Súilleabháin", reference="INC-7")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def transcript(example_catalog):
    return replay(
        example_catalog, "photos", {"candidate_present": "yes", "staged": "yes"}
    ).walk.transcript()


class User:
    """Stands in for every dialog; records what each was asked, answers as scripted."""

    def __init__(self, monkeypatch, case=CASE, paths=(), open_it=False, opens=True):
        self.case, self.paths, self.open_it, self.opens = case, list(paths), open_it, opens
        self.suggested: list[Path] = []
        self.errors: list[str] = []
        self.offered: list[Path] = []
        self.opened: list[Path] = []
        monkeypatch.setattr(
            CaseDialog, "ask", classmethod(lambda cls, parent, s, filled=None: self.case)
        )
        monkeypatch.setattr(pdf_actions, "ask_save_path", self.ask_save_path)
        monkeypatch.setattr(pdf_actions, "tell_error", self.tell_error)
        monkeypatch.setattr(pdf_actions, "offer_open", self.offer_open)
        monkeypatch.setattr(pdf_actions, "open_file", self.open_file)

    def ask_save_path(self, parent, suggestion):
        self.suggested.append(suggestion)
        return self.paths.pop(0) if self.paths else None

    def tell_error(self, parent, message, title="The PDF was not saved"):
        self.errors.append(message)

    def offer_open(self, parent, path):
        self.offered.append(path)
        return self.open_it

    def open_file(self, path):
        self.opened.append(path)
        return self.opens


def test_saves_the_record_with_the_case_details_and_offers_to_open(
    qapp, monkeypatch, tmp_path, settings, transcript
):
    target = tmp_path / "chosen"
    user = User(monkeypatch, paths=[target], open_it=True)
    saved = save_pdf_interactively(None, transcript, settings)
    assert saved == tmp_path / "chosen.pdf"  # .pdf added when the name lacks it
    text = all_text(saved)
    assert "Zoë Ó Súilleabháin" in text and "INC-7" in text and "Do not pose for the photo" in text
    assert user.offered == [saved] and user.opened == [saved] and user.errors == []
    assert settings.value(FOLDER_KEY) == str(tmp_path)


def test_the_suggested_name_has_date_and_topic(qapp, monkeypatch, tmp_path, settings, transcript):
    user = User(monkeypatch, paths=[])
    assert save_pdf_interactively(None, transcript, settings) is None  # cancelled the save dialog
    name = user.suggested[0].name
    assert name.endswith(" Photos with candidates.pdf") and name[:4].isdigit()
    assert list(tmp_path.glob("*.pdf")) == []


def test_the_suggestion_is_in_the_folder_last_saved_to(
    qapp, monkeypatch, tmp_path, settings, transcript
):
    (tmp_path / "records").mkdir()
    User(monkeypatch, paths=[tmp_path / "records" / "one.pdf"])
    save_pdf_interactively(None, transcript, settings)
    user = User(monkeypatch, paths=[])
    save_pdf_interactively(None, transcript, settings)
    assert user.suggested[0].parent == tmp_path / "records"


def test_cancelling_the_case_details_saves_nothing(
    qapp, monkeypatch, tmp_path, settings, transcript
):
    user = User(monkeypatch, case=None, paths=[tmp_path / "x.pdf"])
    assert save_pdf_interactively(None, transcript, settings) is None
    assert user.suggested == [] and list(tmp_path.glob("*.pdf")) == []


def test_a_failed_save_says_why_and_asks_again(qapp, monkeypatch, tmp_path, settings, transcript):
    bad = tmp_path / "no such folder" / "record.pdf"
    good = tmp_path / "record.pdf"
    user = User(monkeypatch, paths=[bad, good])
    assert save_pdf_interactively(None, transcript, settings) == good
    assert user.errors == [
        f"Could not save {bad}: the folder does not exist; choose another folder."
    ]
    assert user.suggested[1] == bad  # asked again, offering what was chosen
    assert not bad.parent.exists() and good.exists()


def test_when_no_program_opens_pdfs_the_user_is_told(
    qapp, monkeypatch, tmp_path, settings, transcript
):
    user = User(monkeypatch, paths=[tmp_path / "r.pdf"], open_it=True, opens=False)
    save_pdf_interactively(None, transcript, settings)
    assert len(user.errors) == 1 and "could not open" in user.errors[0]


def test_marking_and_paper_come_from_the_settings(
    qapp, monkeypatch, tmp_path, settings, transcript
):
    settings.setValue("pdf/marking", "OFFICIAL-SENSITIVE")
    settings.setValue("pdf/page_size", "letter")
    User(monkeypatch, paths=[tmp_path / "r.pdf"])
    saved = save_pdf_interactively(None, transcript, settings)
    assert all(page.count("OFFICIAL-SENSITIVE") == 2 for page in page_texts(saved))
    assert round(float(PdfReader(saved).pages[0].mediabox.width)) == 612


def test_an_unknown_paper_setting_falls_back_to_a4(settings):
    settings.setValue("pdf/page_size", "A5")
    assert pdf_options(settings).page_size == "A4"
    settings.remove("pdf/page_size")
    assert pdf_options(settings).page_size == "A4"
    assert pdf_options(settings).marking == "OFFICIAL"
