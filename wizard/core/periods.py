"""When the pre-election period is in force: the policy team's calendar of elections.

`trees/calendar.yaml` lists each election (its name, polling day and the areas it covers) and its
pre-election period. The guidance is written for the period, so the program says whether a
period is in force on a date, and stamps every walk with the period it was made in. A calendar
with problems is reported like a tree and ignored; the trees still load.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import pairwise

from wizard.core.marked import MarkedDict, MarkedList, Pos
from wizard.core.parsed import ParsedDocuments
from wizard.core.problems import Problem
from wizard.core.schema import Checker, Field, Kind, open_document

CALENDAR_FILE = "calendar.yaml"
CALENDAR_FIELDS = {
    "elections": Field(Kind.LIST, True, "the elections, each with its pre-election period"),
}
ELECTION_FIELDS = {
    "id": Field(Kind.ID, True, "a short stable name, e.g. local-2027"),
    "name": Field(Kind.TEXT, True, "the election as officers would name it"),
    "polling_day": Field(Kind.DATE, True, "e.g. 2027-05-06"),
    "areas": Field(Kind.TEXT_LIST, True, "the areas it covers, e.g. [Birmingham, Coventry]"),
    "period_start": Field(Kind.DATE, True, "the first day of the pre-election period"),
    "period_end": Field(Kind.DATE, True, "its last day (the polling day, or the declaration)"),
    "provisional": Field(Kind.ID, False, "yes while the dates are not yet confirmed"),
}


OUTSIDE = "Outside every pre-election period in the calendar"
# Said beside a walk made outside every period: the trees' advice is not thereby lifted.
OUTSIDE_NOTE = (
    "This advice still stands: the guidance's rules on neutrality, and the law under "
    '"The law", apply whenever there is an election.'
)


@dataclass(frozen=True)
class Election:
    id: str
    name: str
    polling_day: dt.date
    areas: tuple[str, ...]
    period_start: dt.date
    period_end: dt.date
    provisional: bool
    pos: Pos

    def covers(self, day: dt.date) -> bool:
        return self.period_start <= day <= self.period_end

    def named(self) -> str:
        """Short: the election and its polling day (outside a period, the rest is detail)."""
        maybe = " (dates provisional)" if self.provisional else ""
        return f"{self.name}, polling day {long_date(self.polling_day)}{maybe}"

    def describe(self) -> str:
        """One line: the election, its areas and its period."""
        maybe = " (dates provisional)" if self.provisional else ""
        return (
            f"{self.name}, polling day {long_date(self.polling_day)} "
            f"({', '.join(self.areas)}): pre-election period {long_date(self.period_start)}"
            f" to {long_date(self.period_end)}{maybe}"
        )


@dataclass(frozen=True)
class Calendar:
    elections: tuple[Election, ...]
    name: str  # the file it came from


@dataclass(frozen=True)
class PeriodStatus:
    """Where a date stands: the elections whose period covers it, else the next to begin."""

    day: dt.date
    in_force: tuple[Election, ...]
    next: Election | None

    @property
    def outside(self) -> bool:
        return not self.in_force

    def stamp(self) -> str:
        """The line stamped on a walk, its PDF and its advice record."""
        if self.in_force:
            return "In the pre-election period: " + "; ".join(e.describe() for e in self.in_force)
        after = (
            f" The next begins {long_date(self.next.period_start)}: {self.next.named()}."
            if self.next
            else ""
        )
        return f"{OUTSIDE} on {long_date(self.day)}.{after}"


def stamped_outside(stamp: str) -> bool:
    """Whether a walk's stamp (Transcript.period) says it was made outside every period."""
    return stamp.startswith(OUTSIDE)


def long_date(day: dt.date) -> str:
    """7 December 2026: the way a British reader writes a date."""
    return f"{day.day} {day:%B %Y}"


def status_on(calendar: Calendar, day: dt.date) -> PeriodStatus:
    """The elections in their period on `day`, and the next period to begin after it."""
    in_force = tuple(e for e in calendar.elections if e.covers(day))
    later = sorted(
        (e for e in calendar.elections if e.period_start > day), key=lambda e: e.period_start
    )
    return PeriodStatus(day, in_force, later[0] if later else None)


def parse_calendar(
    data: str | bytes, name: str, parsed: ParsedDocuments | None = None
) -> tuple[Calendar | None, list[Problem]]:
    """The calendar in one file's bytes, or None with every problem in it."""
    check, top = open_document(data, name, "the calendar", parsed)
    if top is None:
        return None, check.problems
    f = check.fields(top, CALENDAR_FIELDS, "the calendar")
    items: MarkedList = f.get("elections") or MarkedList()
    elections = [
        e
        for i, m in enumerate(items)
        if (e := _election(check, m, items.where(i), i + 1)) is not None
    ]
    _check_apart(check, elections)
    if any(p.blocking for p in check.problems):
        return None, check.problems
    return Calendar(tuple(elections), name), check.problems


def _election(check: Checker, value: object, pos: Pos, n: int) -> Election | None:
    m = check.mapping(value, pos, f"election {n}")
    if m is None:
        return None
    what = f"election {n}" + (f" ('{m['id']}')" if isinstance(m.get("id"), str) else "")
    f = check.fields(m, ELECTION_FIELDS, what)
    needed = ("id", "name", "polling_day", "areas", "period_start", "period_end")
    if any(f.get(k) is None for k in needed):
        return None
    day, start, end = (
        dt.date.fromisoformat(f[k]) for k in ("polling_day", "period_start", "period_end")
    )
    if end < start:
        check.add(
            _where(m, "period_end"),
            f"{what}: its period ends before it starts",
            "swap period_start and period_end, or correct the dates",
        )
        return None
    if not start <= day <= end:
        check.add(
            _where(m, "polling_day"),
            f"{what}: polling day {day} is outside its period ({start} to {end})",
            "the period runs up to polling day at least",
        )
    if not f["areas"]:
        check.add(_where(m, "areas"), f"{what} covers no area", "list the areas it covers")
    provisional = f.get("provisional", "no")
    if provisional not in ("yes", "no"):
        check.add(_where(m, "provisional"), f"{what}: provisional must be yes or no")
    return Election(
        f["id"], f["name"], day, tuple(f["areas"]), start, end, provisional == "yes", m.pos
    )


def _where(m: MarkedDict, key: str) -> Pos:
    return m.where(key) if key in m else m.pos


def _check_apart(check: Checker, elections: list[Election]) -> None:
    """Two entries with one id, or with overlapping periods, are a mistake an author can fix."""
    ordered = sorted(elections, key=lambda e: e.period_start)
    for a, b in pairwise(ordered):
        if b.period_start <= a.period_end:
            check.add(
                b.pos,
                f"the periods of '{a.id}' and '{b.id}' overlap "
                f"({b.period_start} is before {a.period_end})",
                "where elections share a period, list them as one election with all "
                "their areas; else correct the dates",
            )
    seen: set[str] = set()
    for e in elections:
        if e.id in seen:
            check.add(e.pos, f"the id '{e.id}' is used by two elections", "give each its own id")
        seen.add(e.id)
