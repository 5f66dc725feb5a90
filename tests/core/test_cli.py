"""The command line, run as a user would run it: exit codes and what it prints."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_TREES
from wizard.cli.main import main


def run(capsys, *argv: str, trees: Path = EXAMPLE_TREES) -> tuple[int, str, str]:
    code = main(["--trees", str(trees), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_list(capsys):
    code, out, _ = run(capsys, "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["start", "1.0"]  # order: 0 puts the start tree first
    assert "Photos with candidates" in out


def test_validate_clean_folder(capsys):
    code, _, err = run(capsys, "validate", str(EXAMPLE_TREES))
    assert code == 0
    assert "2 tree(s) and 1 source(s), no problems" in err


def test_validate_reports_every_problem_as_file_line_column(capsys, tmp_path):
    folder = tmp_path / "trees"
    shutil.copytree(EXAMPLE_TREES, folder)
    photos = folder / "photos.yaml"
    photos.write_text(
        photos.read_text()
        .replace("verdict: do_not", "verdict: dont")
        .replace("next: supervisor", "next: supervisr")
    )
    code, out, err = run(capsys, "validate", str(folder))
    assert code == 1
    lines = out.splitlines()
    assert any(line.startswith(f"{photos}:") and "unknown verdict 'dont'" in line for line in lines)
    assert any(
        "leads to 'supervisr'" in line and "did you mean 'supervisor'" in line for line in lines
    )
    assert "problem(s)" in err


def test_validate_single_file_reports_only_that_file(capsys, tmp_path):
    folder = tmp_path / "trees"
    shutil.copytree(EXAMPLE_TREES, folder)
    (folder / "start.yaml").write_text("id: [")
    code, out, _ = run(capsys, "validate", str(folder / "photos.yaml"))
    assert code == 0, out
    code, out, _ = run(capsys, "validate", str(folder / "start.yaml"))
    assert code == 1
    assert str(folder / "start.yaml") in out


def test_validate_missing_folder(capsys, tmp_path):
    code, out, _ = run(capsys, "validate", str(tmp_path / "nowhere"))
    assert code == 1
    assert "no such folder" in out


def test_run_to_outcome_prints_reasoning(capsys):
    code, out, _ = run(
        capsys, "run", "photos", "--answer", "candidate_present=yes", "--answer", "staged=yes"
    )
    assert code == 0
    assert "Is the photo staged?" in out
    assert "Yes, it is posed" in out
    assert "DO NOT DO THIS" in out
    assert "Officers should not engage in staged photos" in out
    assert "If in doubt, don't do it." in out


def test_run_json_has_tree_steps_outcome(capsys):
    code, out, _ = run(
        capsys, "run", "start", "--json", "-a", "about=photo", "-a", "candidate_present=no"
    )
    assert code == 0
    data = json.loads(out)
    assert data["tree"]["id"] == "start"
    assert [s["answer_id"] for s in data["steps"]] == ["photo", "no"]
    assert data["outcome"]["id"] == "fine"
    assert "pending" not in data


def test_run_pending_exits_3_and_names_the_next_question(capsys):
    code, out, _ = run(capsys, "run", "start", "--json", "-a", "about=photo")
    assert code == 3
    pending = json.loads(out)["pending"]
    assert pending["question_id"] == "candidate_present"
    assert pending["answers"] == [{"id": "yes", "label": "Yes"}, {"id": "no", "label": "No"}]


def test_blind_walk_by_pending_question_ids_reaches_an_outcome(capsys):
    """A script that always picks the last answer can walk a tree knowing nothing of it."""
    answers: list[str] = []
    for _ in range(10):
        code, out, _ = run(capsys, "run", "start", "--json", *answers)
        if code == 0:
            break
        assert code == 3
        p = json.loads(out)["pending"]
        answers += ["--answer", f"{p['question_id']}={p['answers'][-1]['id']}"]
    assert code == 0
    assert json.loads(out)["outcome"]["verdict"] == "speak_to_supervisor"


def test_run_text_pending_lists_answer_ids(capsys):
    code, out, _ = run(capsys, "run", "photos", "-a", "candidate_present=yes")
    assert code == 3
    assert "--answer staged=not_sure" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["run", "nope"], "no tree with the id 'nope'"),
        (["run", "photos", "-a", "bogus=yes"], "no tree has a question 'bogus'"),
        (["run", "photos", "-a", "candidate_present=perhaps"], "has no answer 'perhaps'"),
        (["run", "photos", "-a", "candidate_present"], "QUESTION_ID=ANSWER_ID"),
        (["paths", "nope"], "no tree with the id 'nope'"),
    ],
)
def test_bad_requests_exit_2_with_one_line(capsys, argv, message):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_unused_answer_is_noted(capsys):
    code, _, err = run(capsys, "run", "photos", "-a", "candidate_present=no", "-a", "staged=yes")
    assert code == 0
    assert "staged=yes was not used" in err


def test_paths_lists_every_path_with_its_verdict(capsys):
    code, out, _ = run(capsys, "paths", "photos")
    assert code == 0
    assert "(version 1.0, 4 paths)" in out
    assert out.count("path ") == 4
    assert "DO NOT DO THIS [photos:do_not_pose]" in out
    assert "staged=not_sure" in out


def test_module_entry_point_runs_in_a_fresh_process():
    proc = subprocess.run(
        [sys.executable, "-m", "wizard", "--trees", str(EXAMPLE_TREES), "list"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0
    assert "photos" in proc.stdout
