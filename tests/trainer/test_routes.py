"""A scenario reached from several topics says so under its story: on the Present story slide and
in the list's tooltip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from wizard.core.scenarios import add_scenarios
from wizard.library.folder import load_folder

pytestmark = pytest.mark.gui

ROUTES = Path(__file__).parent.parent / "fixtures" / "routes"
ALSO = "Also reached from: Talking about politics; Political statements"


@pytest.fixture
def route_window(qtbot, settings):
    """A trainer window over the route trees, with the scenario also told of PCC staff."""
    from wizard.gui.trainer.window import TrainerWindow

    cat = load_folder(ROUTES)
    text = (ROUTES / "scenarios" / "hustings-invitation.yaml").read_text()
    text = text.replace("person: officer", "person: pcc_staff").replace(
        "id: hustings-invitation", "id: pcc-hustings"
    )
    add_scenarios(cat, [("pcc.yaml", text.encode())])
    assert cat.problems == []
    w = TrainerWindow(cat, settings)
    qtbot.addWidget(w)
    w.resize(1920, 1080)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_story_slide_names_the_other_topics_of_the_same_situation(route_window):
    route_window.present("hustings-invitation")
    p = route_window.present_view
    assert p.deck.slide.kind == "story"
    labels = p.labels()
    assert ALSO in labels  # the route through 'start' is the scenario's own start: not repeated
    assert labels.index(ALSO) > next(i for i, t in enumerate(labels) if "residents' group" in t)


def test_the_list_tooltip_names_them_too(route_window):
    item = route_window.picker.list.topLevelItem(0)
    assert item.toolTip(0).endswith(ALSO)


def test_a_scenario_without_routes_has_no_such_line(window):
    window.present("posed-photo")
    assert not any(t.startswith("Also reached from") for t in window.present_view.labels())
    assert "Also reached from" not in window.picker.list.topLevelItem(0).toolTip(0)


def test_pcc_staff_are_named_in_full_in_the_reveal(route_window, qtbot):
    route_window.present("pcc-hustings")
    p = route_window.present_view
    qtbot.keyClick(p, Qt.Key.Key_Space)
    qtbot.keyClick(p, Qt.Key.Key_Space)
    assert (
        "✔ The answer for this member of the Police and Crime Commissioner's staff: "
        "“An event or a meeting”" in p.labels()
    )
