"""A fuzz test of `records` command lines (issue 18, done-when): whatever is typed, the program
answers with an exit code from the README's table and never a traceback."""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.records.kit import filled_store, transcript
from wizard.cli.main import main
from wizard.core.transcript import FORMAT
from wizard.records import datadir

COMMANDS = ("list", "show", "export", "verify", "anchor", "add", "amend", "purge", "where")
OPTIONS = (
    "--search",
    "--from",
    "--to",
    "--verdict",
    "--topic",
    "--limit",
    "--json",
    "--csv",
    "--anchor",
    "--out",
    "--transcript",
    "--record",
    "--supervisor",
    "--advised",
    "--advice",
    "--reason",
    "--differs",
    "--no-differs",
    "--by",
    "--why",
    "--before",
    "--yes",
    "--situation",
    "--role",
    "-s",
    "--help-me",
    "--",
)
NUMBERS = st.sampled_from(
    [
        "0",
        "1",
        "2",
        "3",
        "-1",
        "99",
        str(2**63),
        str(2**63 - 1),
        str(10**30),
        "1e3",
        "0x10",
        "٣",
        " 2",
        "2 ",
    ]
)
DATES = st.sampled_from(
    [
        "0001-01-01",
        "9999-12-31",
        "2026-05-01",
        "2026-02-30",
        "2026-5-1",
        "20260501",
        "yesterday",
        "",
        "2026-05-01T10:00",
    ]
)
FILES = (
    "walk.json",
    "nan.json",
    "utf16.json",
    "empty.json",
    "list.json",
    "anchor.txt",
    "folder",
    "missing.json",
    "",
    "-",
    "out/new.csv",
    "folder/x.txt",
)
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12
)
VALUES = st.one_of(NUMBERS, DATES, st.sampled_from(FILES), TEXT)
ARGV = st.tuples(
    st.sampled_from(COMMANDS), st.lists(st.one_of(st.sampled_from(OPTIONS), VALUES), max_size=8)
)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A data folder with three records and the files the command lines may name."""
    root = tmp_path_factory.mktemp("fuzz")
    filled_store(datadir.records_path(root / "data"), 3).close()
    walk = transcript("do_not").to_json()
    (root / "walk.json").write_text(walk, encoding="utf-8")
    nan = walk.replace(f'"format": {FORMAT}', '"format": NaN')
    assert "NaN" in nan
    (root / "nan.json").write_text(nan, encoding="utf-8")
    (root / "utf16.json").write_text(walk, encoding="utf-16-le")
    (root / "empty.json").write_bytes(b"")
    (root / "list.json").write_text(
        walk.replace('"id": "photos"', '"id": ["photos"]'), encoding="utf-8"
    )
    (root / "anchor.txt").write_text("record: 2\nhash: " + "a" * 64 + "\n", encoding="utf-8")
    (root / "folder").mkdir()
    return root


@settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(argv=ARGV)
def test_no_records_command_line_gives_a_traceback(template, monkeypatch, argv):
    command, rest = argv
    with tempfile.TemporaryDirectory() as work:
        here = Path(work)
        shutil.copytree(template, here, dirs_exist_ok=True)
        monkeypatch.chdir(here)
        monkeypatch.setenv(datadir.ENV, str(here / "not-this-one"))
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(["records", "--data-dir", str(here / "data"), command, *rest])
            except SystemExit as exc:  # argparse: --help, or a usage error
                code = exc.code
    assert code in (0, 1, 2, 3, 4), (command, rest, code)
    assert "Traceback" not in err.getvalue()
