"""`validate` on what is not a folder of trees (issue 18, item 11): a clear error, never a
traceback, and never "OK" for something it did not check."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_TREES
from wizard.cli.main import EXIT_PROBLEMS, main
from wizard.library import folder as treedir


def validate(capsys: pytest.CaptureFixture[str], *targets: Path) -> tuple[int, str]:
    code = main(["validate", *map(str, targets)])
    out, err = capsys.readouterr()
    return code, out + err


def test_an_empty_folder_is_not_ok(tmp_path, capsys):
    code, text = validate(capsys, tmp_path)
    assert code == EXIT_PROBLEMS
    assert f"no trees found in {tmp_path}" in text and "OK" not in text


def test_a_file_that_is_not_yaml_is_not_ok(tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("root:x:0:0:root:/root:/bin/bash\n" * 20, encoding="utf-8")
    code, text = validate(capsys, notes)
    assert code == EXIT_PROBLEMS
    assert f"{notes}: notes.txt is not a tree file (.yaml)" in text and "OK" not in text
    assert "root:x" not in text  # it is not read, let alone quoted


@pytest.mark.skipif(not Path("/etc/passwd").is_file(), reason="no /etc/passwd here")
def test_etc_passwd_is_not_ok(capsys):
    code, text = validate(capsys, Path("/etc/passwd"))
    assert code == EXIT_PROBLEMS
    assert "/etc/passwd: passwd is not a tree file (.yaml)" in text and "OK" not in text


def test_an_upper_case_yaml_file_is_named_as_never_loaded(tmp_path, capsys):
    folder = tmp_path / "trees"
    shutil.copytree(EXAMPLE_TREES, folder)
    (folder / "new-topic.YAML").write_text("id: [broken\n", encoding="utf-8")
    if (folder / "new-topic.yaml").exists():
        pytest.skip("this file system ignores case: the file is loaded")
    message = "new-topic.YAML will never be loaded: rename it to new-topic.yaml"
    code, text = validate(capsys, folder / "new-topic.YAML")
    assert code == EXIT_PROBLEMS and message in text and "OK" not in text
    code, text = validate(capsys, folder)
    assert code == EXIT_PROBLEMS and message in text


def test_an_unreadable_folder_is_a_clear_error_not_a_traceback(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    real = os.scandir

    def denied(path=".") -> object:
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(treedir.os, "scandir", denied)
    code, text = validate(capsys, folder)
    assert code == EXIT_PROBLEMS
    assert f"{folder}: cannot read the folder: Permission denied" in text
    assert "Traceback" not in text and "OK" not in text


def test_a_notice_about_a_file_that_is_no_tree_quotes_one_short_line(tmp_path, capsys):
    folder = tmp_path / "trees"
    folder.mkdir()
    bad = folder / "passwd.yaml"
    bad.write_text(
        "".join(f"user{n}:x:{n}:{n}:User {n}:/home/u{n}:/bin/sh\n" for n in range(30)),
        encoding="utf-8",
    )
    code, text = validate(capsys, bad)
    assert code == EXIT_PROBLEMS
    line = next(line for line in text.splitlines() if line.startswith(str(bad)))
    quoted = line.split("not the text '", 1)[1].split("'", 1)[0]
    assert quoted.startswith("user0:x:0") and len(quoted) <= 61  # 60 characters and "…"
    assert "user2:" not in line
