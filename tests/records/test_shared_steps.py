"""Advice records on walks that asked shared questions: the step's shared id is kept, and records
saved before steps had one still verify (hashes are over the stored content, never re-made)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import FIXTURES
from tests.records.kit import advice
from wizard.core.replay import replay
from wizard.library.folder import load_folder
from wizard.records.store import RecordStore
from wizard.records.verify import verify


def shared_walk():
    answers = {"who": "officer", "photo_duty": "yes"}
    return replay(load_folder(FIXTURES / "shared"), "photos", answers).walk.transcript()


def test_a_record_keeps_the_shared_question_of_each_step_and_verifies(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "records.sqlite3") as store:
        store.add(advice())  # a walk with no shared question
        saved = store.add(advice(transcript=shared_walk()))
        assert verify(store).ok
        steps = store.get(saved.id).transcript.steps
        assert [s.shared for s in steps] == ["role", "on_duty"]
        content = store.conn.execute(
            "SELECT content FROM record_content WHERE id = ?", (saved.id,)
        ).fetchone()[0]
        assert [s["shared"] for s in json.loads(content)["transcript"]["steps"]] == [
            "role",
            "on_duty",
        ]
