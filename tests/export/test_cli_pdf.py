"""`run ... --pdf FILE` writes the record the window writes, with no display; failures: one line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.export.pdftools import all_text
from wizard.cli.main import main

pytestmark = pytest.mark.gui
ANSWERS = ["-a", "candidate_present=yes", "-a", "staged=yes"]


def _env_without_display() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "QT_QPA_PLATFORM", "WAYLAND_DISPLAY")
    }
    env["PYTHONPATH"] = str(Path(__file__).parent.parent.parent)
    return env


def test_run_with_pdf_writes_the_record(qapp, tmp_path, example_trees, capsys):
    out = tmp_path / "record.pdf"
    code = main(
        [
            "--trees",
            str(example_trees),
            "run",
            "photos",
            *ANSWERS,
            "--pdf",
            str(out),
            "--paper",
            "Letter",
            "--marking",
            "OFFICIAL-SENSITIVE",
        ]
    )
    assert code == 0
    text = all_text(out)
    assert "1. Is a candidate in the photo? Answer: Yes" in text
    assert "✖ Do not do this" in text and "Do not pose for the photo" in text
    assert text.count("OFFICIAL-SENSITIVE") == 2
    assert round(float(PdfReader(out).pages[0].mediabox.width)) == 612
    assert f"saved the reasoning as {out}" in capsys.readouterr().err


def test_a_failed_save_is_one_line_and_exit_2(qapp, tmp_path, example_trees, capsys):
    out = tmp_path / "no such folder" / "record.pdf"
    code = main(["--trees", str(example_trees), "run", "photos", *ANSWERS, "--pdf", str(out)])
    assert code == 2
    err = capsys.readouterr().err
    assert (
        err == f"error: Could not save {out}: the folder does not exist; choose another folder.\n"
    )
    assert not out.parent.exists()


def test_with_no_display_and_other_commands_do_not_load_qt(tmp_path, example_trees):
    out = tmp_path / "record.pdf"
    script = (
        "import sys; from wizard.cli.main import main; "
        f"main(['--trees', {str(example_trees)!r}, 'list']); "
        "print('Qt loaded' if 'PySide6.QtGui' in sys.modules else 'Qt not loaded'); "
        f"main(['--trees', {str(example_trees)!r}, 'run', 'photos', "
        f"'-a', 'candidate_present=no', '--pdf', {str(out)!r}])"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=_env_without_display(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Qt not loaded" in done.stdout
    assert done.returncode == 0, done.stderr
    assert "You may carry on" in all_text(out)


@pytest.mark.skipif(
    not shutil.which("unshare") or not sys.platform.startswith("linux"),
    reason="needs unshare to mount a tiny disk without root",
)
def test_a_really_full_disk_leaves_nothing(tmp_path, example_trees):
    """A 4 KB tmpfs in a private mount namespace: the PDF cannot fit; nothing may be left."""
    disk = tmp_path / "tiny"
    disk.mkdir()
    command = (
        f"mount -t tmpfs -o size=4k tmpfs {disk} || exit 99; "
        f"{sys.executable} -m wizard --trees {example_trees} run photos "
        f"-a candidate_present=yes -a staged=yes --pdf {disk}/record.pdf; "
        f"echo exit=$?; ls -A {disk}"
    )
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", command],
        env=_env_without_display(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode == 99 or "Operation not permitted" in done.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    assert done.stdout.strip().splitlines()[-1] == "exit=2", done.stdout  # and `ls` found nothing
    assert done.stderr.strip() == (
        f"error: Could not save {disk}/record.pdf: the disk is full; "
        "free some space or choose another drive."
    )
