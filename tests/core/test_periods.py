"""The calendar of elections: when the pre-election period is in force, and the stamp every walk
carries (issue 20). A bad calendar is reported like a tree, and never stops the trees loading."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_TREES
from wizard.cli.main import main
from wizard.core.periods import parse_calendar, status_on
from wizard.core.transcript import Transcript
from wizard.core.walk import Walk
from wizard.library.choose import unusable_reason
from wizard.library.folder import load_folder

SHIPPED = Path(__file__).resolve().parents[2] / "trees"
GOOD = """\
elections:
  - id: local
    name: Local council elections
    polling_day: 2027-05-06
    areas: [Coventry, Dudley]
    period_start: 2027-03-25
    period_end: 2027-05-07
  - id: pcc
    name: Police and Crime Commissioner election
    polling_day: 2028-05-04
    areas: [West Midlands]
    period_start: 2028-03-20
    period_end: 2028-05-05
"""


def folder_with(tmp_path: Path, calendar: str) -> Path:
    trees = tmp_path / "trees"
    shutil.copytree(EXAMPLE_TREES, trees)
    (trees / "calendar.yaml").write_text(calendar, encoding="utf-8")
    return trees


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_the_shipped_calendar_loads_and_is_not_read_as_a_tree() -> None:
    cat = load_folder(SHIPPED)
    assert cat.calendar is not None and cat.calendar.elections
    assert "calendar" not in cat.trees
    assert not [p for p in cat.problems if p.file.endswith("calendar.yaml")]


@pytest.mark.parametrize(
    ("on", "in_force", "next_id"),
    [
        ("2026-12-07", [], "local"),
        ("2027-03-25", ["local"], "pcc"),  # the first day counts
        ("2027-05-07", ["local"], "pcc"),  # and the last
        ("2027-05-08", [], "pcc"),
        ("2028-06-01", [], None),
    ],
)
def test_a_date_is_in_a_period_or_before_the_next(
    on: str, in_force: list[str], next_id: str | None
) -> None:
    calendar, problems = parse_calendar(GOOD, "calendar.yaml")
    assert problems == [] and calendar is not None
    status = status_on(calendar, day(on))
    assert [e.id for e in status.in_force] == in_force
    assert (status.next.id if status.next else None) == next_id


def test_the_stamp_names_the_election_and_its_period_in_plain_dates() -> None:
    calendar, _ = parse_calendar(GOOD, "calendar.yaml")
    inside = status_on(calendar, day("2027-04-01")).stamp()
    assert inside.startswith("In the pre-election period: Local council elections")
    assert "polling day 6 May 2027" in inside and "25 March 2027 to 7 May 2027" in inside
    outside = status_on(calendar, day("2026-12-07")).stamp()
    assert outside.startswith("Outside every pre-election period in the calendar on 7 December")
    assert "The next begins 25 March 2027" in outside


@pytest.mark.parametrize(
    ("change", "line", "said"),
    [
        (("period_end: 2027-05-07", "period_end: 2027-03-01"), 7, "ends before it starts"),
        (("polling_day: 2027-05-06", "polling_day: 2027-06-06"), 4, "outside its period"),
        (("period_start: 2028-03-20", "period_start: 2027-05-01"), 8, "overlap"),
        (("id: pcc", "id: local"), 8, "used by two elections"),
        (("areas: [Coventry, Dudley]", "areas: []"), 5, "covers no area"),
        (("period_start: 2027-03-25", "period_start: 25/03/2027"), 6, "not a date"),
        (("    name: Local council elections\n", ""), 2, "name"),
    ],
)
def test_a_mistake_in_the_calendar_is_placed_and_explained(
    change: tuple[str, str], line: int, said: str
) -> None:
    calendar, problems = parse_calendar(GOOD.replace(*change, 1), "calendar.yaml")
    assert calendar is None
    assert any(p.line == line and said in p.message for p in problems), problems


def test_a_broken_calendar_fails_validation_but_never_the_trees(tmp_path, capsys) -> None:
    trees = folder_with(tmp_path, GOOD.replace("period_end: 2027-05-07", "period_end: 2027-03-01"))
    cat = load_folder(trees)
    assert cat.calendar is None and cat.trees
    assert unusable_reason(cat) is None  # a share with it is still used
    assert main(["validate", str(trees)]) == 1
    assert "calendar.yaml:7:" in capsys.readouterr().out


def test_every_walk_is_stamped_with_its_period_and_a_trainer_can_set_the_day(tmp_path) -> None:
    cat = load_folder(folder_with(tmp_path, GOOD))
    walk = Walk(cat, "photos", as_of=day("2027-04-01"))
    assert walk.transcript().period.startswith("In the pre-election period: Local council")
    today = Walk(cat, "photos", clock=lambda: dt.datetime(2026, 12, 7, 12, tzinfo=dt.UTC))
    assert today.period().outside
    assert today.transcript().period.startswith("Outside every pre-election period")


def test_without_a_calendar_nothing_is_stamped_and_old_transcripts_still_load() -> None:
    walk = Walk(load_folder(EXAMPLE_TREES), "photos")
    assert walk.period() is None
    data = walk.transcript().to_dict()
    assert data["period"] == ""
    del data["period"]  # as saved before the calendar existed
    assert Transcript.from_dict(data).period == ""
