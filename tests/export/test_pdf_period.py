"""A walk's PDF and text report say which pre-election period it was made in; one made outside
every period says so beside the verdict, without lifting the advice (issue 20)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.export.pdftools import all_text
from wizard.core.replay import replay
from wizard.export.pdf import write_reasoning_pdf
from wizard.export.text import format_transcript
from wizard.library.folder import load_folder

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _qt(qapp):
    return qapp


def walked_on(trees, day: dt.date):
    clock = lambda: dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)  # noqa: E731
    result = replay(
        load_folder(trees), "photos", {"candidate_present": "yes", "staged": "yes"}, clock=clock
    )
    assert result.pending is None
    return result.walk.transcript()


def flat(text: str) -> str:
    return " ".join(text.split())


def test_a_walk_in_the_period_is_stamped_with_it(tmp_path, trees_with_calendar):
    t = walked_on(trees_with_calendar, dt.date(2027, 4, 1))
    write_reasoning_pdf(tmp_path / "in.pdf", t)
    text = flat(all_text(tmp_path / "in.pdf"))
    assert "Pre-election period In the pre-election period: Local council elections" in text
    assert "Outside every" not in text
    assert "Pre-election period: In the pre-election period" in flat(format_transcript(t))


def test_a_walk_outside_every_period_says_so_beside_the_verdict(tmp_path, trees_with_calendar):
    t = walked_on(trees_with_calendar, dt.date(2026, 12, 7))
    write_reasoning_pdf(tmp_path / "out.pdf", t)
    text = flat(all_text(tmp_path / "out.pdf"))
    assert "Pre-election period Outside every pre-election period" in text  # in About
    verdict = text.index("VERDICT")
    note = text.index(
        "Outside every pre-election period in the calendar on 7 December 2026", verdict
    )
    assert note < text.index("What the guidance says")
    assert "apply whenever there is an election" in text
    assert "The next begins 25 March 2027" in flat(format_transcript(t))
