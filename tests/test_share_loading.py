"""What a share may serve (issue 18, items 10 and 12): files over the stated size are refused
before they are read, an abandoned load stops, and a broken scenario never rejects the trees."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from wizard.cli import main as cli
from wizard.library import folder as treedir
from wizard.library.choose import choose_trees, folder_problem
from wizard.library.folder import (
    MAX_FILE_BYTES,
    MAX_FILE_WORDS,
    LoadCancelled,
    cancel_on,
    load_folder,
)


def huge(path: Path) -> Path:
    """A sparse file just over the limit: costs no disk, but would cost memory if read."""
    with path.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    return path


def never_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every file the loader opens to read."""
    opened: list[str] = []
    real = treedir._read_file

    def spy(path: Path) -> bytes:
        opened.append(path.name)
        return real(path)

    monkeypatch.setattr(treedir, "_read_file", spy)
    return opened


def test_a_tree_over_the_size_limit_is_refused_unread(share, monkeypatch, capsys):
    opened = never_read(monkeypatch)
    big = huge(share / "big.yaml")
    assert cli.main(["validate", str(share)]) == cli.EXIT_PROBLEMS
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith(str(big)))
    assert f"at most {MAX_FILE_WORDS}" in line and f"{MAX_FILE_BYTES + 1:,} bytes" in line
    assert "big.yaml" not in opened and "photos.yaml" in opened


def test_a_symlink_is_measured_by_its_target(share, tmp_path, monkeypatch):
    opened = never_read(monkeypatch)
    target = huge(tmp_path / "elsewhere.bin")
    os.symlink(target, share / "sources" / "linked.yaml")
    cat = load_folder(share)
    assert any(
        f"at most {MAX_FILE_WORDS}" in p.message
        for p in cat.failed[str(share / "sources" / "linked.yaml")]
    )
    assert "linked.yaml" not in opened
    assert set(cat.trees) == {"photos", "start"}


def test_scenarios_and_shared_questions_have_the_same_limit(share):
    (share / "questions").mkdir(exist_ok=True)
    huge(share / "questions" / "big.yaml")
    huge(share / "scenarios" / "big.yaml")
    cat = load_folder(share)
    for sub in ("questions", "scenarios"):
        name = str(share / sub / "big.yaml")
        found = [p.message for p in cat.problems if p.file == name]
        assert any(f"at most {MAX_FILE_WORDS}" in m for m in found), sub


def test_a_load_stops_between_files_once_cancelled(share, monkeypatch):
    opened = never_read(monkeypatch)
    stop = threading.Event()
    stop.set()
    with cancel_on(stop), pytest.raises(LoadCancelled):
        load_folder(share)
    assert opened == []
    assert set(load_folder(share).trees) == {"photos", "start"}  # no flag: loads as before


def test_an_abandoned_share_load_actually_stops(share, bundled, monkeypatch):
    """The window abandons a share that does not answer in time; the load must then stop, not
    go on reading (and holding memory and the interpreter) in the background."""
    opened: list[Path] = []
    release = threading.Event()
    real = treedir._read_file

    def slow(path: Path) -> bytes:
        opened.append(path)
        if share in path.parents:
            release.wait(10)  # the share hangs on its first file
        return real(path)

    monkeypatch.setattr(treedir, "_read_file", slow)
    chosen = choose_trees(str(share), env={}, bundled=bundled, timeout=0.05)
    assert chosen.fell_back and "did not answer" in chosen.notice
    release.set()
    workers = [t for t in threading.enumerate() if t.name == "load-trees"]
    for t in workers:
        t.join(10)
    assert not any(t.is_alive() for t in workers)
    assert len([p for p in opened if share in p.parents]) == 1  # nothing read after the first


def test_a_broken_scenario_never_rejects_the_trees_of_a_share(share, bundled):
    bad = share / "scenarios" / "broken.yaml"
    bad.write_text("id: broken\ntitle: [\n", encoding="utf-8")
    chosen = choose_trees(str(share), env={}, bundled=bundled)
    assert not chosen.fell_back and chosen.folder == share
    assert set(chosen.catalog.trees) == {"photos", "start"}
    assert str(bad) in chosen.catalog.failed_scenarios
    assert chosen.catalog.scenarios  # the good scenarios stay in trainer mode
    assert folder_problem(share) is None


def test_a_scenario_whose_verdict_is_wrong_never_rejects_the_trees(share, bundled):
    scenario = next((share / "scenarios").glob("*.yaml"))
    text = scenario.read_text(encoding="utf-8")
    verdict = next(line for line in text.splitlines() if line.startswith("verdict:"))
    scenario.write_text(text.replace(verdict, "verdict: criminal_offence"), encoding="utf-8")
    chosen = choose_trees(str(share), env={}, bundled=bundled)
    assert not chosen.fell_back
    assert str(scenario) in chosen.catalog.failed_scenarios
