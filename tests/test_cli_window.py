"""`purdah-wizard` with no command opens the window; the commands never load Qt's widgets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def run_python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60
    )


def clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return env | extra


def test_commands_do_not_import_qt_widgets(example_trees: Path):
    code = (
        "import sys; from wizard.cli.main import main; "
        f"rc = main(['--trees', {str(example_trees)!r}, 'list']); "
        "print('widgets' if 'PySide6.QtWidgets' in sys.modules else 'none', rc)"
    )
    result = run_python(code, clean_env())
    assert result.stdout.splitlines()[-1] == "none 0"


def test_no_display_gives_one_line_and_a_failing_exit_code(example_trees: Path):
    if not sys.platform.startswith("linux"):
        return
    result = subprocess.run(
        [sys.executable, "-m", "wizard", "--trees", str(example_trees)],
        capture_output=True,
        text=True,
        env=clean_env(),
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("purdah-wizard: cannot open the window: there is no display")


def test_no_command_goes_straight_to_the_window_without_the_command_line():
    """The usual start (no arguments) skips loading the commands: a faster first window."""
    if not sys.platform.startswith("linux"):
        return
    code = (
        "import sys; from wizard.__main__ import main; rc = main([]); "
        "print('cli' if 'wizard.cli.main' in sys.modules else 'window only', rc)"
    )
    result = run_python(code, clean_env())
    assert result.stdout.splitlines()[-1] == "window only 1"  # 1: no display here
    assert result.stderr.strip().startswith(
        "purdah-wizard: cannot open the window: there is no display"
    )


def test_a_command_still_goes_through_the_command_line(example_trees: Path):
    code = (
        "from wizard.__main__ import main; "
        f"print(main(['--trees', {str(example_trees)!r}, 'list']))"
    )
    result = run_python(code, clean_env())
    assert "photos" in result.stdout
    assert result.stdout.splitlines()[-1] == "0"
