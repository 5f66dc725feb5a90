"""`python -m wizard preview TREE_FILE`: the window on a tree, reloaded each time the file is
saved (also by an editor that replaces the file), with the validator's problems listed beside it
as file:line, and the walk on screen replayed on the new version (issue 20)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.gui_helpers import press
from wizard.gui.preview import PreviewWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def preview(qtbot, trees: Path, settings_file) -> PreviewWindow:
    from PySide6.QtCore import QSettings

    window = PreviewWindow(
        trees / "photos.yaml", QSettings(str(settings_file), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def listed(window: PreviewWindow) -> list[str]:
    return [window.problems.item(i).text() for i in range(window.problems.count())]


def test_it_opens_on_the_tree_with_no_problems(qtbot, preview):
    assert preview.wizard.walk is not None and preview.wizard.walk.start_tree.id == "photos"
    assert preview.wizard.question_view.text.text() == "Is a candidate in the photo?"
    assert listed(preview) == ["No problems."]
    assert "Previewing photos.yaml" in preview.heading.text()


def test_a_save_reloads_it_and_replays_the_answers_on_the_new_version(qtbot, preview, trees):
    preview.wizard.question_view.setFocus()
    press(qtbot, Qt.Key.Key_1)  # a candidate is in the photo
    path = trees / "photos.yaml"
    text = path.read_text(encoding="utf-8")
    with qtbot.waitSignal(preview.reloaded, timeout=10_000):
        path.write_text(
            text.replace("Is the photo staged?", "Is the photo posed?"), encoding="utf-8"
        )
    assert preview.wizard.question_view.text.text() == "Is the photo posed?"
    assert [s.answer_id for s in preview.wizard.walk.steps] == ["yes"]


def test_problems_are_listed_as_file_and_line_and_an_editor_that_replaces_the_file_is_followed(
    qtbot, preview, trees
):
    path = trees / "photos.yaml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace("next: do_not_pose", "next: nowhere")
    line = next(i for i, s in enumerate(broken.splitlines(), 1) if "next: nowhere" in s)
    lines = broken.splitlines()
    answer = max(i for i in range(1, line) if "- id:" in lines[i - 1])  # named where it begins
    with qtbot.waitSignal(preview.reloaded, timeout=10_000):
        path.write_text(broken, encoding="utf-8")
    problems = listed(preview)
    assert any(p.startswith(f"photos.yaml:{answer}:") and "nowhere" in p for p in problems), (
        problems
    )
    assert "problem(s)" in preview.heading.text()
    # Saved as many editors do: a new file written beside it, then renamed over it.
    replacement = trees / ".photos.yaml.swp"
    replacement.write_text(text, encoding="utf-8")
    with qtbot.waitSignal(preview.reloaded, timeout=10_000):
        os.replace(replacement, path)
    assert listed(preview) == ["No problems."]
    with qtbot.waitSignal(preview.reloaded, timeout=10_000):  # and the next save is seen too
        path.write_text(broken, encoding="utf-8")
    assert listed(preview) != ["No problems."]


def test_an_edited_source_reloads_it_too(qtbot, preview, trees):
    source = next((trees / "sources").glob("*.yaml"))
    text = source.read_text(encoding="utf-8")
    with qtbot.waitSignal(preview.reloaded, timeout=10_000):
        source.write_text(text.replace("title:", "title: Reissued", 1), encoding="utf-8")
    assert (
        "Reissued"
        in preview.wizard.catalog.sources[next(iter(preview.wizard.catalog.sources))].title
    )


def test_the_command_is_registered():
    from wizard.cli.main import build_parser

    args = build_parser().parse_args(["preview", "trees/photos.yaml"])
    assert args.tree_file == "trees/photos.yaml" and args.func.__name__ == "cmd_preview"
