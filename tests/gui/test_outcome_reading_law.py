"""The outcome screen shows how the guidance is read right under the verdict, and the law under
its own heading after the guidance, never mixed into it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from tests.gui.gui_helpers import texts

pytestmark = pytest.mark.gui

READING_LAW = Path(__file__).resolve().parents[1] / "fixtures" / "reading-law"


def shown(view) -> list[str]:
    """Every label shown on the outcome screen, top to bottom."""
    labels = [w for w in view.findChildren(QLabel) if w.isVisibleTo(view) and w.text()]
    return [w.text() for w in sorted(labels, key=lambda w: w.mapTo(view, w.rect().topLeft()).y())]


def test_the_reading_is_under_the_verdict_and_the_law_after_the_guidance(make_window):
    window = make_window(READING_LAW)
    window.start_topic("leaflets")
    window.answer("officer")
    view = window.outcome_view
    lines = shown(view)
    title = lines.index("Do not hand out leaflets for a candidate")
    assert lines[title + 1] == "How the guidance is read here"
    assert lines[title + 2].startswith("The guidance's 'staff' is read here as everyone")
    assert lines[title + 3] == "What to do now"
    guidance, law = lines.index("The guidance says"), lines.index("The law")
    assert guidance < law
    assert "“Staff must not campaign for a candidate.”" in lines[guidance:law]
    assert all("police force" not in t for t in lines[guidance:law])
    assert (
        "“No member of a police force may persuade any person to vote for a candidate.”"
        in lines[law:]
    )
    assert (
        "— Acts of Parliament and regulations, The law behind the guidance (summarised) "
        "(TEST LAW 1), clause “regs-politics”" in texts(view, "citation")
    )


def test_an_outcome_with_neither_shows_neither_heading(make_window):
    window = make_window(READING_LAW)
    window.start_topic("leaflets")
    window.answer("officer")
    window.outcome_view.backRequested.emit()
    window.answer("staff")
    lines = shown(window.outcome_view)
    assert "Ask a supervisor first" in lines
    assert "How the guidance is read here" not in lines and "The law" not in lines
    assert not any("police force" in t for t in lines)
