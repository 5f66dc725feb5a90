"""Stored data outlives the code: every format of transcript, record content and records file
there has been still reads (issue 16). The corpus is in tests/fixtures/transcripts and
tests/fixtures/records; a new format adds a file there, or these tests fail.

A key a format does not know (a later format's field) is ignored when stored data is read, and
refused when a record is about to be kept (`records add`): a record keeps only what this program
can read back and check.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_TREES
from wizard.cli.main import main
from wizard.core.transcript import FORMAT, Transcript, unknown_fields
from wizard.core.transcript_checks import transcript_problems
from wizard.records import schema
from wizard.records.model import CONTENT_FORMAT, Record, unknown_content_fields
from wizard.records.store import RecordStore
from wizard.records.verify import verify

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TRANSCRIPTS = sorted((FIXTURES / "transcripts").glob("*.json"))
CONTENTS = sorted((FIXTURES / "records").glob("content-format-*.json"))
RECORDS_FILES = sorted((FIXTURES / "records").glob("records-v*.sqlite3"))
LATER_TRANSCRIPT = FIXTURES / "transcripts" / "format-3-later.json"
LATER_CONTENT = FIXTURES / "records" / "content-format-3-later.json"


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def current(paths: list[Path]) -> list[Path]:
    """The files of a format this program writes or wrote (not the made-up later one)."""
    return [p for p in paths if "later" not in p.name]


def test_the_corpus_holds_every_format_there_has_been():
    assert {read(p).get("format") for p in current(TRANSCRIPTS)} == set(range(1, FORMAT + 1))
    assert {read(p)["format"] for p in current(CONTENTS)} == set(range(1, CONTENT_FORMAT + 1))
    versions = {int(re.search(r"v(\d+)", p.name).group(1)) for p in RECORDS_FILES}
    assert versions == set(range(1, schema.CURRENT + 1))


@pytest.mark.parametrize("path", current(TRANSCRIPTS), ids=lambda p: p.name)
def test_every_transcript_format_reads_checks_clean_and_round_trips(path):
    data = read(path)
    t = Transcript.from_dict(data)
    assert t.format == data["format"] and t.outcome is not None
    assert unknown_fields(data) == []
    assert transcript_problems(t) == []
    assert Transcript.from_json(t.to_json()) == t


def test_a_later_formats_transcript_reads_and_names_what_it_does_not_know():
    data = read(LATER_TRANSCRIPT)
    t = Transcript.from_dict(data)
    assert t.outcome is not None and t.outcome.verdict == "do_not"
    assert t.period == "2026 local elections" and t.tree.id == "photos"
    assert unknown_fields(data) == [
        "signed_by",
        "tree.licence",
        "trees[0].licence",
        "sources[0].url",
        "steps[0].seconds_taken",
        "outcome.severity",
        "outcome.citations[0].page",
    ]
    assert transcript_problems(t) == [
        f"format is 3: written by a newer Purdah Wizard (this one reads format {FORMAT}); "
        "record it with that version"
    ]


@pytest.mark.parametrize("path", current(CONTENTS), ids=lambda p: p.name)
def test_every_record_content_format_reads(path):
    data = read(path)
    record = Record.from_content(data)
    assert record.transcript is not None and record.advice
    assert unknown_content_fields(data) == []
    if data["format"] == 1:
        assert (
            record.walk_unchecked
            and "recorded before walks were checked" in record.walk_check_text()
        )


def test_a_later_formats_record_reads_and_names_what_it_does_not_know():
    data = read(LATER_CONTENT)
    record = Record.from_content(data)
    assert record.transcript is not None and record.transcript.format == 3
    assert unknown_content_fields(data) == [
        "witness_name",
        "transcript.signed_by",
        "transcript.tree.licence",
        "transcript.trees[0].licence",
        "transcript.sources[0].url",
        "transcript.steps[0].seconds_taken",
        "transcript.outcome.severity",
        "transcript.outcome.citations[0].page",
    ]


@pytest.mark.parametrize("path", RECORDS_FILES, ids=lambda p: p.name)
def test_every_records_file_version_opens_reads_every_record_and_verifies(path, tmp_path):
    copy = tmp_path / "records.sqlite3"
    shutil.copy(path, copy)
    with RecordStore(copy) as store:
        records = list(store.records())
        assert len(records) == store.count() > 0
        assert all(r.transcript is not None and r.transcript.outcome is not None for r in records)
        assert verify(store).ok


def test_a_stored_record_of_a_later_format_reads_and_keeps_its_bytes(tmp_path):
    """A record written by a later program (a field more, in it and in its transcript) reads
    here, and its stored bytes, which the hash covers, keep what this program ignores."""
    from wizard.records.canonical import canonical_json, chain_hash
    from wizard.records.model import GENESIS

    path = tmp_path / "records.sqlite3"
    content = {**read(LATER_CONTENT), "id": 1, "created_at": "2030-01-02T03:04:05Z"}
    text = canonical_json(content)
    with RecordStore(path) as store:
        store.conn.execute("BEGIN")
        store.conn.execute("INSERT INTO record_content (id, content) VALUES (1, ?)", (text,))
        columns = schema.columns(Record.from_content(content))
        store.conn.execute(
            f"INSERT INTO records (id, {', '.join(columns)}, prev_hash, hash) VALUES "
            f"(1, {', '.join('?' * len(columns))}, ?, ?)",
            [*columns.values(), GENESIS, chain_hash(GENESIS, text)],
        )
        store.conn.execute("COMMIT")
        assert store.get(1).transcript.outcome.verdict == "do_not"
        assert verify(store).ok
        stored = store.conn.execute("SELECT content FROM record_content").fetchone()[0]
    assert "witness_name" in stored and "severity" in stored


def add(tmp_path, *args: str) -> int:
    return main(
        [
            "--trees",
            str(EXAMPLE_TREES),
            "records",
            "--data-dir",
            str(tmp_path / "data"),
            "add",
            *args,
        ]
    )


def test_records_add_refuses_a_transcript_with_fields_it_does_not_know(tmp_path, capsys):
    assert (
        add(
            tmp_path,
            "--transcript",
            str(LATER_TRANSCRIPT),
            "--supervisor",
            "Sgt Roe",
            "--advice",
            "Decline.",
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "signed_by, tree.licence" in err and "not a field this version knows" in err
    assert not (tmp_path / "data").exists() or count(tmp_path) == 0


def test_records_add_takes_a_transcript_of_the_current_format(tmp_path, capsys):
    path = FIXTURES / "transcripts" / "format-2.json"
    assert (
        add(tmp_path, "--transcript", str(path), "--supervisor", "Sgt Roe", "--advice", "Decline.")
        == 0
    ), capsys.readouterr().err
    assert count(tmp_path) == 1


def test_records_add_refuses_a_saved_record_with_fields_it_does_not_know(tmp_path, capsys):
    later = read(LATER_CONTENT)
    later["transcript"] = read(FIXTURES / "transcripts" / "format-2.json")  # only the record's
    path = tmp_path / "kept.json"
    path.write_text(json.dumps(later), encoding="utf-8")
    assert add(tmp_path, "--record", str(path)) == 2
    err = capsys.readouterr().err
    assert "witness_name: not a field this version knows" in err


def count(tmp_path) -> int:
    from wizard.records import datadir

    with RecordStore(datadir.records_path(tmp_path / "data")) as store:
        return store.count()
