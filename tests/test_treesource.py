"""Choosing the trees folder: a share if it is usable, else the bundled trees with a notice."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from wizard.cli import main as cli
from wizard.core.catalog import Catalog
from wizard.library.choose import ENV_VAR, choose_trees, folder_problem, requested_folder
from wizard.library.folder import load_folder


def test_no_folder_asked_for_uses_the_bundled_trees(bundled: Path) -> None:
    chosen = choose_trees(env={}, bundled=bundled)
    assert chosen.folder == bundled
    assert set(chosen.catalog.trees) == {"photos"}
    assert chosen.notice == "" and not chosen.fell_back


def test_a_sound_share_is_used(share: Path, bundled: Path) -> None:
    chosen = choose_trees(str(share), env={}, bundled=bundled)
    assert chosen.folder == share
    assert set(chosen.catalog.trees) == {"photos", "start"}
    assert not chosen.fell_back


def test_an_unreachable_folder_falls_back_and_says_so(tmp_path: Path, bundled: Path) -> None:
    missing = tmp_path / "offline-share"
    chosen = choose_trees(str(missing), env={}, bundled=bundled)
    assert chosen.folder == bundled and set(chosen.catalog.trees) == {"photos"}
    assert str(missing) in chosen.notice
    assert "cannot be reached" in chosen.notice
    assert "--trees" in chosen.notice
    assert "came with the program" in chosen.notice


def test_a_share_with_a_broken_tree_falls_back_naming_file_and_line(
    share: Path, bundled: Path
) -> None:
    photos = share / "photos.yaml"
    photos.write_text(photos.read_text().replace("verdict: do_not", "verdict: forbidden"))
    chosen = choose_trees(str(share), env={}, bundled=bundled)
    assert chosen.fell_back and chosen.folder == bundled
    assert f"{photos}:" in chosen.notice
    assert "unknown verdict 'forbidden'" in chosen.notice


def test_an_empty_share_falls_back(tmp_path: Path, bundled: Path) -> None:
    (tmp_path / "empty").mkdir()
    chosen = choose_trees(str(tmp_path / "empty"), env={}, bundled=bundled)
    assert chosen.fell_back and "holds no trees" in chosen.notice


def test_warnings_alone_do_not_refuse_a_share(share: Path, bundled: Path) -> None:
    source = share / "sources" / "example-guidance.yaml"
    source.write_text(source.read_text() + "  - id: uncited\n    text: Nobody quotes this.\n")
    assert load_folder(share).problems, "the uncited clause should be reported as a warning"
    chosen = choose_trees(str(share), env={}, bundled=bundled)
    assert chosen.folder == share and not chosen.fell_back


def test_a_share_that_hangs_falls_back_after_the_timeout(share: Path, bundled: Path) -> None:
    release = threading.Event()

    def hung(folder: Path) -> Catalog:
        if folder == share:
            release.wait(5)
        return load_folder(folder)

    try:
        chosen = choose_trees(str(share), env={}, bundled=bundled, load=hung, timeout=0.05)
    finally:
        release.set()
    assert chosen.folder == bundled
    assert "did not answer within 0.05 seconds" in chosen.notice


def test_the_environment_variable_points_at_a_share(share: Path, bundled: Path) -> None:
    chosen = choose_trees(env={ENV_VAR: str(share)}, bundled=bundled)
    assert chosen.folder == share
    assert chosen.requested is not None and chosen.requested.origin == ENV_VAR


def test_option_beats_setting_beats_environment(tmp_path: Path) -> None:
    env = {ENV_VAR: str(tmp_path / "env")}
    assert requested_folder("a", "b", env).folder == Path("a")
    assert requested_folder(None, "b", env).folder == Path("b")
    assert requested_folder(None, "", env).folder == tmp_path / "env"
    assert requested_folder(None, None, {ENV_VAR: "  "}) is None


def test_the_command_line_prints_the_notice_and_uses_the_bundled_trees(
    tmp_path: Path,
    bundled: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("wizard.library.choose.bundled_trees", lambda: bundled)
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert cli.main(["--trees", str(tmp_path / "gone"), "list"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("photos ")
    assert f"note: The trees folder {tmp_path / 'gone'} (from --trees) could not be used" in err


def test_validate_reports_a_broken_share_rather_than_falling_back(
    share: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photos = share / "photos.yaml"
    photos.write_text(photos.read_text().replace("verdict: do_not", "verdict: forbidden"))
    assert cli.main(["--trees", str(share), "validate"]) == cli.EXIT_PROBLEMS
    assert "unknown verdict 'forbidden'" in capsys.readouterr().out


def test_folder_problem_says_why_a_folder_would_not_be_used(share: Path, tmp_path: Path) -> None:
    assert folder_problem(share) is None
    assert "cannot be reached" in (folder_problem(tmp_path / "offline") or "")
    (tmp_path / "empty").mkdir()
    assert folder_problem(tmp_path / "empty") == "it holds no trees"
    (share / "photos.yaml").write_text("id: photos\nquestions: [\n")  # a broken edit
    assert "photos.yaml" in (folder_problem(share) or "")


def test_the_bundled_trees_may_be_loaded_another_way_but_a_share_always_whole(
    share: Path, bundled: Path
) -> None:
    """The window loads the bundled trees without their scenarios (they come after its first
    paint); a requested folder is loaded whole, since all of it decides whether it is used."""
    used: list[Path] = []

    def trees_only(folder: Path) -> Catalog:
        used.append(folder)
        return load_folder(folder, scenarios=False)

    chosen = choose_trees(env={}, bundled=bundled, load_bundled=trees_only)
    assert used == [bundled] and set(chosen.catalog.trees) == {"photos"}
    chosen = choose_trees(str(share), env={}, bundled=bundled, load_bundled=trees_only)
    assert used == [bundled] and chosen.folder == share
    assert len(chosen.catalog.scenarios) == len(load_folder(share).scenarios) > 0
    (share / "start.yaml").write_text("id: [broken\n", encoding="utf-8")
    chosen = choose_trees(str(share), env={}, bundled=bundled, load_bundled=trees_only)
    assert chosen.fell_back and used == [bundled, bundled]


def test_scenarios_loaded_later_are_the_same_as_loaded_at_once(share: Path) -> None:
    from wizard.library.folder import load_scenarios

    (share / "scenarios" / "broken.yaml").write_text("id: x\ntitle: [\n", encoding="utf-8")
    whole = load_folder(share)
    assert any(name.endswith("broken.yaml") for name in whole.failed_scenarios)
    later = load_folder(share, scenarios=False)
    assert later.scenarios == {} and later.failed_scenarios == {}
    assert set(later.trees) == set(whole.trees)
    load_scenarios(later, share)
    assert later.scenarios.keys() == whole.scenarios.keys()
    assert later.failed_scenarios == whole.failed_scenarios
    assert sorted(later.problems) == sorted(whole.problems)
