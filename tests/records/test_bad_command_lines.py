"""Bad command lines get one clear line and a sensible exit code, never a traceback or a hang
(issue 18, item 8). Exit codes as the README defines them: 2 a bad request, 1 the chain does not
verify, 4 the records file could not be read or written."""

from __future__ import annotations

import json
import time

import pytest

from tests.conftest import EXAMPLE_TREES
from tests.records.kit import filled_store, transcript
from wizard.cli.main import main
from wizard.core.transcript import FORMAT
from wizard.records import datadir

BIG = str(10**30)


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A data folder holding three records, named by --data-dir."""
    monkeypatch.setenv(datadir.ENV, str(tmp_path / "not-this-one"))
    monkeypatch.chdir(tmp_path)
    filled_store(datadir.records_path(tmp_path / "data"), 3).close()
    return tmp_path / "data"


def records(data, *args: str) -> int:
    return main(["records", "--data-dir", str(data), *args])


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    assert err.startswith("error: ")
    return err


@pytest.mark.parametrize("number", [str(2**63), str(2**63 - 1), BIG, "-5", "0"])
def test_showing_a_record_number_out_of_range_says_there_is_no_such_record(data, capsys, number):
    assert records(data, "show", number) == 2
    err = one_error_line(capsys)
    assert f"no record {number}" in err and "1 to 3" in err


def test_amending_a_record_number_out_of_range_says_there_is_no_such_record(data, capsys):
    assert records(data, "amend", BIG, "--by", "Insp Lee", "--why", "typo", "--advice", "x") == 2
    assert f"no record {BIG}" in one_error_line(capsys)


def test_a_huge_list_limit_lists_everything(data, capsys):
    assert records(data, "list", "--limit", BIG) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


@pytest.mark.parametrize(
    "option",
    [
        ["--to", "9999-12-31"],
        ["--from", "0001-01-01"],
        ["--from", "0001-01-01", "--to", "9999-12-31"],
    ],
)
def test_the_earliest_and_latest_dates_are_filters_like_any_other(data, capsys, option):
    assert records(data, "list", *option) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_the_latest_date_as_the_start_finds_nothing(data, capsys):
    assert records(data, "list", "--from", "9999-12-31") == 0
    assert "No records match" in capsys.readouterr().err


@pytest.mark.parametrize("yes", [[], ["--yes"]])
def test_purging_before_the_earliest_date_purges_nothing(data, capsys, yes):
    assert records(data, "purge", "--before", "0001-01-01", "--by", "Insp Lee", *yes) == 0
    assert "Nothing to purge" in capsys.readouterr().out
    assert records(data, "list") == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def add_file(data, path) -> int:
    return records(
        data, "add", "--transcript", str(path), "--supervisor", "Sgt Roe", "--advice", "Decline."
    )


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_a_transcript_holding_nan_is_refused_as_not_json(data, tmp_path, capsys, constant):
    text = transcript("do_not").to_json().replace(f'"format": {FORMAT}', f'"format": {constant}', 1)
    assert constant in text
    (tmp_path / "walk.json").write_text(text, encoding="utf-8")
    assert add_file(data, tmp_path / "walk.json") == 2
    assert constant in one_error_line(capsys)


def test_a_utf16_transcript_with_a_byte_order_mark_is_read(data, tmp_path, capsys):
    """What Windows PowerShell's `>` writes: UTF-16 with a byte-order mark."""
    (tmp_path / "walk.json").write_text(transcript("do_not").to_json(), encoding="utf-16")
    assert add_file(data, tmp_path / "walk.json") == 0
    assert "Saved as record 4" in capsys.readouterr().out


@pytest.mark.parametrize(
    "raw",
    ['{"a": "caf\xe9"}'.encode("latin-1"), transcript("do_not").to_json().encode("utf-16-le")],
)
def test_a_transcript_that_is_not_utf8_is_refused_in_one_line(data, tmp_path, capsys, raw):
    (tmp_path / "walk.json").write_bytes(raw)
    assert add_file(data, tmp_path / "walk.json") == 2
    assert "UTF-8" in one_error_line(capsys)


def test_a_tree_id_that_is_a_list_is_a_bad_request_not_a_write_failure(data, tmp_path, capsys):
    walk = transcript("do_not").to_dict()
    for ref in (walk["tree"], *walk["trees"]):
        ref["id"] = ["photos"]
    walk["outcome"]["tree_id"] = ["photos"]
    (tmp_path / "walk.json").write_text(json.dumps(walk), encoding="utf-8")
    assert add_file(data, tmp_path / "walk.json") == 2
    assert "not saved" not in capsys.readouterr().err.lower()
    assert not list(tmp_path.glob("unsaved-*"))


def run(*argv: str) -> int:
    return main(["--trees", str(EXAMPLE_TREES), "run", "photos", *argv])


def test_an_empty_pdf_name_is_an_error_not_a_silent_success(capsys):
    assert run("-a", "candidate_present=no", "--pdf", "") == 2
    err = one_error_line(capsys)
    assert "--pdf" in err


def test_two_answers_to_one_question_are_refused_naming_it(capsys):
    assert run("-a", "candidate_present=no", "-a", "candidate_present=yes") == 2
    err = one_error_line(capsys)
    assert "candidate_present" in err and "twice" in err


def parse_seconds(n: int) -> float:
    answers = [x for i in range(n) for x in ("-a", f"q{i}=a")]
    start = time.perf_counter()
    with pytest.raises(SystemExit):  # --help: parses every option, then stops
        main(["--trees", str(EXAMPLE_TREES), "run", "photos", *answers, "--help"])
    return time.perf_counter() - start


def test_answers_are_parsed_in_linear_time(capsys):
    """Eight times the answers take about eight times as long, not sixty-four (argparse scans
    every remaining option for each one it meets). Compared, not timed against a clock."""
    parse_seconds(500)  # warm
    small, large = min(parse_seconds(1000) for _ in range(3)), parse_seconds(8000)
    capsys.readouterr()
    assert large < small * 24, (small, large)
