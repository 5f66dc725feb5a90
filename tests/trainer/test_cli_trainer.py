"""`python -m wizard trainer`: opens trainer mode; an unknown scenario is a one-line error."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLE_TREES
from wizard.cli.main import main


def test_unknown_scenario_is_a_one_line_error(capsys):
    code = main(["--trees", str(EXAMPLE_TREES), "trainer", "--scenario", "nope"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: no scenario 'nope' checks clean (known: crowd-filming, ")


@pytest.mark.gui
def test_trainer_opens_the_window_presenting_a_scenario(qtbot, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from wizard.gui.trainer.window import TrainerWindow

    opened = []
    monkeypatch.setattr(
        QApplication,
        "exec",
        lambda self: (
            opened.extend(
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, TrainerWindow) and w.isVisible()
            )
            or 0
        ),
    )
    code = main(["--trees", str(EXAMPLE_TREES), "trainer", "--scenario", "posed-photo"])
    assert code == 0
    [window] = opened
    qtbot.addWidget(window)
    assert window.present_view.deck.scenario.id == "posed-photo"
