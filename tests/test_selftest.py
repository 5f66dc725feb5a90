"""`--self-test`: one line per check, a summary, and exit 0 only when no check failed."""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.cli import main as cli
from wizard.cli import selftest
from wizard.cli.selftest import CHECKS, Check, CheckFailed, Skip, run_self_test
from wizard.library.choose import ENV_VAR


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The self-test reads the window's settings: here they are kept under tmp_path, never the
    user's, and no PURDAH_WIZARD_TREES from the machine running the tests applies."""
    monkeypatch.delenv(ENV_VAR, raising=False)
    if importlib.util.find_spec("PySide6") is None:
        return
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "user-settings"))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(tmp_path / "system-settings"))


def save_trees_setting(folder: Path) -> None:
    """Set the trees folder as the window's Settings dialog does, in the program's own store."""
    from PySide6.QtCore import QSettings

    from wizard.gui.settings import Preferences
    from wizard.library.locations import APPLICATION, ORGANISATION

    Preferences(QSettings(ORGANISATION, APPLICATION)).trees_folder = str(folder)


def args(trees: Path | None = None) -> argparse.Namespace:
    return argparse.Namespace(trees=str(trees) if trees else None, self_test=True, command=None)


def run(
    capsys: pytest.CaptureFixture[str],
    checks: list[Check],
    trees: Path | None = None,
    bundled: Path | None = None,
) -> tuple[int, list[str]]:
    code = run_self_test(args(trees), checks, bundled=bundled)
    return code, capsys.readouterr().out.splitlines()


def named(*names: str) -> list[Check]:
    by_name = {c.name: c for c in CHECKS}
    return [by_name[n] for n in names]


def passing(ctx: selftest.Context) -> str:
    return "all well"


def failing(ctx: selftest.Context) -> str:
    raise CheckFailed("the font is missing")


def crashing(ctx: selftest.Context) -> str:
    raise KeyError("boom")


def missing_feature(ctx: selftest.Context) -> str:
    raise Skip("records are not in this build")


def test_every_check_passing_exits_0_with_a_line_each_and_a_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, lines = run(capsys, [Check("one", passing), Check("two", passing)])
    assert code == 0
    assert lines[0].startswith("PASS  one  all well")
    assert lines[1].startswith("PASS  two  all well")
    assert lines[2].startswith("self-test: all checks passed: 2 passed, 0 failed, 0 skipped")


def test_one_failing_check_makes_the_exit_code_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run(capsys, [Check("one", passing), Check("font", failing)])
    assert code == 1
    assert lines[1].startswith("FAIL  font  the font is missing")
    assert "FAILED: 1 passed, 1 failed" in lines[-1]


def test_a_crashing_check_fails_in_one_line_and_the_others_still_run(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, lines = run(capsys, [Check("crash", crashing), Check("after", passing)])
    assert code == 1
    assert lines[0].startswith("FAIL  crash  KeyError: 'boom'")
    assert lines[1].startswith("PASS  after")
    assert len(lines) == 3


def test_a_missing_optional_feature_is_skipped_clearly_and_does_not_fail(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, lines = run(
        capsys,
        [
            Check("records", missing_feature, required=False),
            Check("pdf", passing, needs="wizard.no_such_module", required=False),
        ],
    )
    assert code == 0
    assert lines[0].startswith("SKIP  records  records are not in this build")
    assert lines[1].startswith(
        "SKIP  pdf      not in this build (wizard.no_such_module is missing)"
    )
    assert "0 failed, 2 skipped" in lines[-1]


def test_a_missing_required_feature_fails(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run(capsys, [Check("pdf", passing, needs="wizard.no_such_module")])
    assert code == 1
    assert lines[0].startswith("FAIL  pdf  required, but not in this build")


def test_sound_trees_pass_the_tree_and_path_checks(
    capsys: pytest.CaptureFixture[str], example_trees: Path
) -> None:
    code, lines = run(
        capsys, named("bundled trees", "trees in use", "every path"), bundled=example_trees
    )
    assert code == 0, lines
    assert "2 tree(s) and 1 source(s)" in lines[0] and "no problems" in lines[0]
    assert "the bundled trees (no other folder is set)" in lines[1]
    assert "12 path(s) in 2 tree(s) end at an outcome" in lines[2]


def test_a_tree_problem_in_the_bundle_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, example_trees: Path
) -> None:
    shutil.copytree(example_trees, tmp_path / "trees")
    photos = tmp_path / "trees" / "photos.yaml"
    orphan = (
        "  - id: orphan\n    text: Never asked?\n    answers:\n"
        "      - {id: a, label: A, next: fine}\n      - {id: b, label: B, next: fine}\n"
    )
    text = photos.read_text()
    photos.write_text(text.replace("  - id: staged\n", orphan + "  - id: staged\n"))
    code, lines = run(capsys, named("bundled trees"), bundled=tmp_path / "trees")
    assert code == 1
    assert "1 problem(s)" in lines[0] and "no answer leads to the question 'orphan'" in lines[0]


def test_no_trees_at_all_fails(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, lines = run(capsys, named("bundled trees", "every path"), bundled=tmp_path)
    assert code == 1
    assert lines[0].startswith("FAIL  bundled trees  no trees in")
    assert lines[1].startswith("FAIL  every path     no trees to walk")


def test_a_path_that_stops_short_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, example_trees: Path
) -> None:
    shutil.copytree(example_trees, tmp_path / "trees")
    (tmp_path / "trees" / "photos.yaml").unlink()  # start's answers lead into photos
    code, lines = run(capsys, named("every path"), bundled=tmp_path / "trees")
    assert code == 1
    assert "start: a path stops short" in lines[0] and "'photos' could not be loaded" in lines[0]


def test_a_broken_trees_folder_given_on_the_command_line_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, example_trees: Path
) -> None:
    code, lines = run(capsys, named("trees in use"), trees=tmp_path / "gone", bundled=example_trees)
    assert code == 1
    assert "could not be used: it cannot be reached" in lines[0]


@pytest.mark.gui
def test_the_trees_check_tests_the_folder_the_window_setting_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, example_trees: Path
) -> None:
    save_trees_setting(tmp_path / "offline-share")
    code, lines = run(capsys, named("trees in use"), bundled=example_trees)
    assert code == 1
    assert f"{tmp_path / 'offline-share'} (from the setting) could not be used" in lines[0]

    shutil.copytree(example_trees, tmp_path / "share")
    save_trees_setting(tmp_path / "share")
    code, lines = run(capsys, named("trees in use", "every path"), bundled=tmp_path / "gone")
    assert code == 0, lines
    assert f"2 tree(s) from {tmp_path / 'share'} (the setting)" in lines[0]


@pytest.mark.gui
def test_trees_given_on_the_command_line_outrank_the_window_setting(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, example_trees: Path
) -> None:
    save_trees_setting(tmp_path / "offline-share")
    code, lines = run(capsys, named("trees in use"), trees=example_trees, bundled=tmp_path / "gone")
    assert code == 0, lines
    assert f"from {example_trees} (--trees)" in lines[0]


def test_scenarios_that_reach_their_verdicts_pass(
    capsys: pytest.CaptureFixture[str], example_trees: Path
) -> None:
    code, lines = run(capsys, named("scenarios"), bundled=example_trees)
    assert code == 0 and lines[0].startswith("PASS  scenarios  4 scenario(s) reach their expected")


def test_a_scenario_with_the_wrong_verdict_fails_naming_its_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, example_trees: Path
) -> None:
    shutil.copytree(example_trees, tmp_path / "trees")
    posed = tmp_path / "trees" / "scenarios" / "posed-photo.yaml"
    posed.write_text(posed.read_text().replace("verdict: do_not", "verdict: acceptable"))
    code, lines = run(capsys, named("scenarios"), bundled=tmp_path / "trees")
    assert code == 1
    assert "1 scenario file(s) fail" in lines[0] and f"{posed}:" in lines[0]


def test_the_resources_check_names_a_missing_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(selftest.resources(), tmp_path / "resources")
    (tmp_path / "resources" / "fonts" / "DejaVuSans-Bold.ttf").unlink()
    monkeypatch.setattr(selftest, "resources", lambda: tmp_path / "resources")
    code, lines = run(capsys, named("resources"))
    assert code == 1 and "fonts/DejaVuSans-Bold.ttf" in lines[0]

    (tmp_path / "resources" / "styles" / "high_contrast.qss").unlink()
    code, lines = run(capsys, named("resources"))
    assert code == 1 and "styles/high_contrast.qss" in lines[0]


def test_the_shipped_resources_are_whole(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run(capsys, named("resources"))
    assert code == 0, lines


@pytest.mark.gui
def test_qt_starts_with_the_bundled_font(capsys: pytest.CaptureFixture[str], qapp) -> None:
    code, lines = run(capsys, named("qt and font"))
    assert code == 0, lines
    assert "with the font DejaVu Sans" in lines[0]


@pytest.mark.gui
def test_the_window_check_opens_and_closes_whatever_open_window_shows(
    capsys: pytest.CaptureFixture[str], qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMainWindow

    seen: list[QMainWindow] = []

    def open_window(a: argparse.Namespace) -> QMainWindow:
        window = QMainWindow()
        window.setWindowTitle("Purdah Wizard")
        window.show()
        seen.append(window)
        return window

    monkeypatch.setattr(selftest, "open_window", open_window)
    code, lines = run(capsys, [Check("window", selftest.check_window)])
    assert code == 0, lines
    assert "opened and closed 'Purdah Wizard'" in lines[0]
    assert not seen[0].isVisible()


@pytest.mark.gui
def test_the_window_check_fails_when_no_window_appears(
    capsys: pytest.CaptureFixture[str], qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selftest, "open_window", lambda a: None)  # as when there is no display
    code, lines = run(capsys, [Check("window", selftest.check_window)])
    assert code == 1 and "no window was shown" in lines[0]


@pytest.mark.gui
def test_the_window_check_opens_the_program_window_without_touching_qapplication_exec(
    capsys: pytest.CaptureFixture[str],
    qapp,
    example_trees: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The real window, as the program opens it, runs in the check's own loop: the application's
    exec() is neither called nor replaced while the window opens."""
    from PySide6.QtWidgets import QApplication

    called: list[str] = []

    def exec_spy(*args: object) -> int:
        called.append("exec")
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_spy)
    in_place: list[object] = []
    real_open = selftest.open_window

    def opening(a: argparse.Namespace) -> object:
        in_place.append(QApplication.exec)
        return real_open(a)

    monkeypatch.setattr(selftest, "open_window", opening)
    code, lines = run(capsys, [Check("window", selftest.check_window)], trees=example_trees)
    assert code == 0, lines
    assert "opened and closed 'Purdah Wizard" in lines[0]
    assert in_place == [exec_spy] and called == []
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]


@pytest.mark.gui
def test_the_pdf_check_saves_the_longest_walk_as_a_real_pdf(
    capsys: pytest.CaptureFixture[str], qapp, example_trees: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypdf

    from wizard.export import pdf

    saved: list[tuple[Path, int, int]] = []
    real = pdf.write_reasoning_pdf

    def spy(path: Path, transcript, **kw) -> None:
        real(path, transcript, **kw)
        saved.append((Path(path), len(transcript.steps), len(pypdf.PdfReader(path).pages)))

    monkeypatch.setattr(pdf, "write_reasoning_pdf", spy)
    checks = [*named("every path"), Check("pdf", selftest.check_pdf)]
    code, lines = run(capsys, checks, bundled=example_trees)
    assert code == 0, lines
    path, steps, pages = saved[0]
    assert steps == 3  # start -> photos -> staged: the longest walk
    assert "3-step walk saved as a PDF of" in lines[1] and f", {pages} page(s)" in lines[1]
    assert not path.exists(), "the temporary folder is removed afterwards"

    monkeypatch.setattr(pdf, "write_reasoning_pdf", lambda p, t, **kw: Path(p).write_bytes(b"<x>"))
    code, lines = run(capsys, checks, bundled=example_trees)
    assert code == 1 and "is not a whole PDF (3 bytes)" in lines[1]


def test_the_flag_runs_the_self_test_from_the_command_line(
    capsys: pytest.CaptureFixture[str], example_trees: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selftest, "bundled_trees", lambda: example_trees)
    monkeypatch.setattr(selftest, "CHECKS", named("bundled trees", "every path", "resources"))
    assert cli.main(["--self-test"]) == 0
    out = capsys.readouterr().out
    assert "PASS  bundled trees" in out and "3 passed, 0 failed" in out


@pytest.mark.slow
def test_the_installed_command_prints_every_check(tmp_path: Path) -> None:
    """The whole self-test, as a terminal runs it. The window opens on a copy of the bundled
    trees (--trees): on the bundled ones themselves it would write their start-up cache into
    the checkout; and the settings it reads and writes are kept under tmp_path."""
    from wizard.library.cache import CACHE_NAME
    from wizard.library.locations import bundled_trees

    exe = Path(sys.executable).with_name("purdah-wizard" + (".exe" if os.name == "nt" else ""))
    assert exe.exists(), "pip install -e . makes the purdah-wizard command"
    trees = tmp_path / "trees"
    shutil.copytree(bundled_trees(), trees, ignore=shutil.ignore_patterns(CACHE_NAME))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    env.pop(ENV_VAR, None)
    done = subprocess.run(
        [str(exe), "--trees", str(trees), "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    lines = done.stdout.splitlines()
    assert len(lines) == len(CHECKS) + 1, done.stdout + done.stderr
    for c, line in zip(CHECKS, lines, strict=False):
        assert line[:4] in ("PASS", "SKIP") and line[6:].startswith(c.name), line
    assert lines[-1].startswith("self-test: all checks passed: ")
    assert done.returncode == 0  # fixed, not read back from the lines it is meant to agree with


def test_the_records_check_saves_searches_and_verifies_a_record(
    capsys: pytest.CaptureFixture[str], example_trees: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks = [*named("every path"), Check("records", selftest.check_records)]
    code, lines = run(capsys, checks, bundled=example_trees)
    assert code == 0, lines
    assert "record 1 saved, found by search (FTS5), its hash verifies" in lines[1]

    from wizard.records import search as record_search

    monkeypatch.setattr(record_search, "search", lambda store, query, **kw: [])
    code, lines = run(capsys, checks, bundled=example_trees)
    assert code == 1 and "record 1 was saved but a search found []" in lines[1]


def test_the_start_up_cache_check_passes_when_it_matches_and_names_a_tampered_one(
    capsys: pytest.CaptureFixture[str], trees: Path
) -> None:
    import json

    from wizard.library.cache import CACHE_NAME, fresh_cache

    bundled = trees
    check = named("start-up cache")
    code, lines = run(capsys, check, bundled=bundled)  # no cache yet: from source, a skip
    assert code == 0 and lines[0].startswith("SKIP  start-up cache  no usable")

    (bundled / CACHE_NAME).write_bytes(fresh_cache(bundled))
    code, lines = run(capsys, check, bundled=bundled)
    assert code == 0 and "read from .parsed-trees.json, the same as parsing them" in lines[0]

    cache = json.loads((bundled / CACHE_NAME).read_text())
    text = json.dumps(cache).replace("You may carry on", "You may do anything")
    assert text != json.dumps(cache)
    (bundled / CACHE_NAME).write_text(text)  # the window would show words the trees lack
    code, lines = run(capsys, check, bundled=bundled)
    assert code == 1 and lines[0].startswith("FAIL  start-up cache")
    assert "reads back differently from the trees: rebuild" in lines[0]


def test_a_cache_left_stale_by_a_tree_edit_is_skipped_from_source_but_fails_frozen(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    example_trees: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from wizard.cli import selftest
    from wizard.library.cache import read_cache, write_cache
    from wizard.library.folder import load_folder

    trees = tmp_path / "trees"
    shutil.copytree(example_trees, trees)
    parsed = read_cache(trees)
    load_folder(trees, parsed=parsed)
    assert write_cache(trees, parsed)
    photos = trees / "photos.yaml"
    photos.write_text(
        photos.read_text().replace("Is a candidate in the photo?", "Is a candidate in the picture?")
    )
    code, lines = run(capsys, named("start-up cache"), bundled=trees)
    assert code == 0 and lines[0].startswith("SKIP"), lines
    assert "until the window next starts" in lines[0]
    monkeypatch.setattr(selftest, "is_frozen", lambda: True)
    code, lines = run(capsys, named("start-up cache"), bundled=trees)
    assert code == 1 and lines[0].startswith("FAIL"), lines
