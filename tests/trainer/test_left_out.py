"""A scenario file with problems is left out of trainer mode; the list says which and why
(issue 17), not only when none loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.library.folder import load_folder

pytestmark = pytest.mark.gui


def test_the_list_says_which_scenario_was_left_out_and_why(qtbot, trees: Path, settings):
    from wizard.gui.trainer.window import TrainerWindow

    (trees / "scenarios" / "bad.yaml").write_text("id: [\n")
    catalog = load_folder(trees)
    assert catalog.scenarios  # the others still load
    window = TrainerWindow(catalog, settings)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    said = window.picker.problems
    assert said.isVisible()
    assert "1 scenario file could not be used" in said.text()
    assert "bad.yaml:" in said.text()  # where, with the problem itself
    problem = catalog.failed_scenarios[str(trees / "scenarios" / "bad.yaml")][0]
    assert problem.message in said.text()


def test_nothing_is_said_when_every_scenario_loads(window):
    assert not window.picker.problems.isVisible()
