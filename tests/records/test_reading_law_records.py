"""Advice records and the outcome's reading and law: records stored before the two existed still
load and verify (their hash covers the bytes stored, never a re-serialisation), and a record made
on an outcome that has them shows them, the law under its own heading."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from tests.records.kit import advice
from wizard.core.replay import replay
from wizard.core.transcript import Transcript
from wizard.library.folder import load_folder
from wizard.records import schema
from wizard.records.canonical import canonical_json, chain_hash
from wizard.records.model import GENESIS, Record, cited_guidance
from wizard.records.store import RecordStore
from wizard.records.verify import verify

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
V1_FILE = FIXTURES / "records" / "records-v1.sqlite3"
OLD_TRANSCRIPT = FIXTURES / "transcripts" / "before-reading-and-law.json"
READING_LAW = FIXTURES / "reading-law"


def officer_transcript() -> Transcript:
    """A walk to an outcome with a reading and two law clauses."""
    result = replay(load_folder(READING_LAW), "leaflets", {"role": "officer"})
    assert result.pending is None
    return result.walk.transcript()


def test_records_stored_by_the_first_schema_still_verify_and_read_with_no_reading_or_law(tmp_path):
    path = tmp_path / "records.sqlite3"
    shutil.copy(V1_FILE, path)
    with RecordStore(path) as store:
        stored = store.conn.execute("SELECT content FROM record_content WHERE id = 1").fetchone()
        assert '"reading"' not in stored[0] and '"law"' not in stored[0]
        assert verify(store).ok
        outcome = store.get(1).transcript.outcome
        assert outcome.reading == "" and outcome.law == ()
        store.add(
            store.get(3).amended(
                advice="Amended after the law was added.",
                amendment_reason="test",
                made_by="Insp Kay Black",
            )
        )
        assert verify(store).ok  # the old records' bytes are untouched by a new one


def test_a_record_whose_stored_content_lacks_the_new_fields_verifies(tmp_path):
    """A record saved by an earlier version into the current schema: its content, as stored,
    has no reading, no law and no source kind."""
    old = Transcript.from_json(OLD_TRANSCRIPT.read_text(encoding="utf-8"))
    content = replace(advice(), transcript=old, id=1, created_at="2026-03-02T09:15:00Z").content()
    content["transcript"] = json.loads(OLD_TRANSCRIPT.read_text(encoding="utf-8"))
    text = canonical_json(content)
    record = replace(
        Record.from_content(json.loads(text)), prev_hash=GENESIS, hash=chain_hash(GENESIS, text)
    )
    path = tmp_path / "records.sqlite3"
    RecordStore(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    schema.insert(conn, record, text)
    conn.execute("COMMIT")
    conn.close()
    with RecordStore(path) as store:
        result = verify(store)
        assert result.ok, result.message()
        assert store.get(1).transcript.outcome.law == ()
        assert store.get(1).hash == chain_hash(GENESIS, text)


def test_a_record_keeps_the_reading_and_the_law_it_was_made_on(tmp_path):
    t = officer_transcript()
    with RecordStore(tmp_path / "r.sqlite3") as store:
        saved = store.add(advice(transcript=t, powers_and_policy=cited_guidance(t)))
        again = store.get(saved.id)
        assert verify(store).ok
    assert again.transcript.outcome.reading.startswith("The guidance's 'staff' is read here")
    assert [c.clause_id for c in again.transcript.outcome.law] == ["rpa-s100", "regs-politics"]


def test_powers_and_policy_is_filled_with_the_law_after_the_guidance():
    text = cited_guidance(officer_transcript())
    assert text.index("Staff must not campaign") < text.index("No member of a police force")
    assert "Acts of Parliament and regulations" in text


@pytest.mark.gui
def test_the_record_view_shows_the_reading_and_the_law_under_their_headings(qtbot):
    from wizard.gui.record_view import RecordView

    record = replace(
        advice(transcript=officer_transcript()), id=1, created_at="2026-03-02T09:15:00Z"
    )
    view = RecordView([record], 1)
    qtbot.addWidget(view)
    text = view.browser.toPlainText()
    reading = text.index("How the guidance is read here")
    guidance = text.index("The guidance says")
    law = text.index("The law")
    assert reading < guidance < law
    assert "officers included" in text[reading:guidance]
    assert "Staff must not campaign" in text[guidance:law]
    assert "“No member of a police force may persuade" in text[law:]
    assert "Staff must not campaign" not in text[law:]


@pytest.mark.gui
def test_the_record_view_of_an_old_record_has_no_empty_headings(qtbot, tmp_path):
    from wizard.gui.record_view import RecordView

    path = tmp_path / "records.sqlite3"
    shutil.copy(V1_FILE, path)
    with RecordStore(path) as store:
        record = store.get(1)
    view = RecordView([record], 1)
    qtbot.addWidget(view)
    text = view.browser.toPlainText()
    assert "The guidance says" in text
    assert "How the guidance is read here" not in text and "The law" not in text
