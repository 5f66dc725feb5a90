""" "Record advice...": the form filled from a walk, its required fields, and never losing advice."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.export.pdftools import all_text
from tests.records.kit import raw, transcript
from wizard.gui import record_dialog, records_actions
from wizard.gui.record_dialog import RecordDialog
from wizard.records.store import RecordStore

pytestmark = pytest.mark.gui


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def told(monkeypatch):
    """Stands in for the message boxes: what the user was told, and their answers."""
    t = SimpleNamespace(saved=[], errors=[], discard=True, pdf_paths=[])
    monkeypatch.setattr(record_dialog, "tell_saved", lambda parent, r: t.saved.append(r))
    monkeypatch.setattr(record_dialog, "tell_error", lambda parent, m, title="": t.errors.append(m))
    monkeypatch.setattr(record_dialog, "confirm_discard", lambda parent: t.discard)
    monkeypatch.setattr(
        record_dialog, "ask_pdf_path", lambda parent, s: t.pdf_paths.pop(0) if t.pdf_paths else None
    )
    return t


@pytest.fixture
def dialog(qtbot, tmp_path, settings, told):
    d = RecordDialog(transcript("do_not"), tmp_path / "records.sqlite3", settings)
    qtbot.addWidget(d)
    return d


def fill(d, **values):
    for name, value in values.items():
        d.set_text(name, value)


def stored(d):
    if not d.records_path.exists():
        return []
    with RecordStore(d.records_path) as store:
        return list(store.records())


def test_the_form_is_filled_from_the_walk(dialog):
    summary = dialog.findChild(type(dialog.message), "recordSummary").text()
    assert "Do not do this" in summary and "Do not pose for the photo" in summary
    assert "Photos with candidates (version 1.0)" in summary
    assert "Officers should not engage in staged photos" in dialog.text("powers_and_policy")
    assert not dialog.inputs["reason"].isEnabled()
    dialog.differs.setChecked(True)
    assert dialog.inputs["reason"].isEnabled()


def test_saving_needs_the_supervisor_and_the_advice(dialog, told):
    dialog.save_button.click()
    assert not dialog.message.isHidden()
    assert "give the supervisor's name" in dialog.message.text()
    assert "say what advice was given" in dialog.message.text()
    assert dialog.focusWidget() is dialog.inputs["supervisor_name"]
    fill(dialog, supervisor_name="Sgt Roe")
    dialog.save_button.click()
    assert dialog.focusWidget() is dialog.inputs["advice"]
    assert stored(dialog) == [] and told.saved == []


def test_a_saved_record_holds_what_was_typed_and_its_id_is_shown(dialog, told):
    fill(
        dialog,
        supervisor_name="Sgt Jane Roe",
        supervisor_number="4521",
        advised_name="PC Ann Lee",
        advised_role="PC",
        advice="Decline the photo politely.",
        situation="Candidate at the fete",
        review="Check again next week",
    )
    dialog.save_button.click()
    [record] = stored(dialog)
    assert told.saved == [record] and dialog.saved == record and record.id == 1
    assert dialog.result() == RecordDialog.DialogCode.Accepted
    assert (record.supervisor_name, record.advised_name, record.advice, record.review) == (
        "Sgt Jane Roe",
        "PC Ann Lee",
        "Decline the photo politely.",
        "Check again next week",
    )
    assert record.transcript == transcript("do_not") and not record.differs


def test_differing_advice_needs_a_reason(dialog, told):
    fill(dialog, supervisor_name="Sgt Roe", advice="Go ahead, it is not staged.")
    dialog.differs.setChecked(True)
    dialog.save_button.click()
    assert "say why the advice differs" in dialog.message.text() and stored(dialog) == []
    fill(dialog, reason="The candidate had left; a general crowd shot.")
    dialog.save_button.click()
    [record] = stored(dialog)
    assert record.differs and record.reason == "The candidate had left; a general crowd shot."


def test_the_keyboard_alone_fills_and_saves_the_form(dialog, qtbot, told):
    """Typed text goes in; Tab leaves a text box (never traps); Enter in a line saves."""
    assert dialog.inputs["advice"].tabChangesFocus()
    dialog.show()
    qtbot.keyClicks(dialog.inputs["advice"], "Decline")
    qtbot.keyClicks(dialog.inputs["supervisor_name"], "Sgt Roe")
    qtbot.keyClick(dialog.inputs["supervisor_name"], Qt.Key.Key_Return)
    assert [r.advice for r in stored(dialog)] == ["Decline"], dialog.message.text()
    assert [r.supervisor_name for r in stored(dialog)] == ["Sgt Roe"]


def test_a_locked_file_keeps_the_form_and_offers_a_pdf_then_saves_later(
    dialog, told, tmp_path, monkeypatch
):
    RecordStore(dialog.records_path).close()
    fill(dialog, supervisor_name="Sgt Roe", advice="Decline the photo.", advised_name="PC Zoë")
    monkeypatch.setattr(record_dialog, "STORE_TIMEOUT", 0.1)
    with raw(dialog.records_path) as holder:
        holder.execute("BEGIN EXCLUSIVE")
        dialog.save_button.click()
        assert dialog.result() != RecordDialog.DialogCode.Accepted and told.saved == []
        assert "locked" in dialog.message.text() and "still here" in dialog.message.text()
        assert not dialog.pdf_button.isHidden()
        assert dialog.text("advice") == "Decline the photo."  # nothing typed is lost
        told.pdf_paths = [tmp_path / "advice"]
        dialog.pdf_button.click()
        text = all_text(tmp_path / "advice.pdf")
        assert "NOT SAVED in the advice records" in text and "Decline the photo." in text
        assert "PC Zoë" in text and "locked" in text
    dialog.save_button.click()
    assert [r.advice for r in stored(dialog)] == ["Decline the photo."]


def test_cancelling_typed_advice_asks_first(dialog, told, qtbot):
    fill(dialog, advice="Something worth keeping")
    told.discard = False
    dialog.show()
    qtbot.keyClick(dialog.inputs["supervisor_name"], Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.text("advice") == "Something worth keeping"
    told.discard = True
    dialog.cancel()
    assert dialog.result() == RecordDialog.DialogCode.Rejected and not dialog.isVisible()
    assert dialog.draft_path is None  # the user chose to discard it


def test_cleared_for_the_next_person_it_closes_and_keeps_the_typing_in_a_file(dialog, told):
    fill(dialog, supervisor_name="Sgt Roe", advice="Half-typed advice")
    told.discard = False  # would refuse, if asked: but nobody is there to ask
    dialog.show()
    dialog.reject()  # what the main window's Clear and idle do to open dialogs
    assert not dialog.isVisible()
    kept = dialog.draft_path
    assert kept is not None and kept.parent == dialog.records_path.parent / "unsaved"
    assert '"advice": "Half-typed advice"' in kept.read_text(encoding="utf-8")


def test_an_untouched_form_closes_without_asking(dialog, told):
    told.discard = False  # would refuse, if asked
    dialog.cancel()
    assert dialog.result() == RecordDialog.DialogCode.Rejected and dialog.draft_path is None


def test_record_advice_uses_the_terminals_data_folder(qtbot, tmp_path, settings, monkeypatch, told):
    monkeypatch.delenv("PURDAH_WIZARD_DATA", raising=False)
    settings.setValue(records_actions.SETTING, str(tmp_path / "station"))

    def exec_filled(self):
        fill(self, supervisor_name="Sgt Roe", advice="Decline.")
        self.save()
        return 1

    monkeypatch.setattr(RecordDialog, "exec", exec_filled)
    saved = records_actions.record_advice(None, transcript("do_not"), settings)
    assert saved is not None and saved.id == 1
    assert (tmp_path / "station" / "advice-records.sqlite3").exists()
