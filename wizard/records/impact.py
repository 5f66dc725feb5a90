"""What new trees would do to advice already given: each record's answers (by question id)
replayed on them, and the records whose verdict would differ.

Read only: a record keeps the walk that was advised, whatever the trees say now.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from wizard.core.catalog import Catalog
from wizard.core.model import Outcome
from wizard.core.problems import TreeError
from wizard.core.transcript import Transcript
from wizard.core.verdicts import VERDICTS
from wizard.core.walk import Walk
from wizard.records.model import Record, local_time
from wizard.records.search import Query, matching_records
from wizard.records.store import RecordStore


@dataclass(frozen=True)
class Impact:
    """One record replayed on the new trees: its verdict then and now (or why it cannot be)."""

    record_id: int
    created_at: str  # UTC, as the record keeps it
    supervisor: str
    tree_id: str
    old_outcome: str  # tree:outcome
    old_verdict: str
    new_outcome: str = ""
    new_verdict: str = ""
    why: str = ""  # why the new trees cannot replay it


@dataclass
class ImpactReport:
    differ: list[Impact] = field(default_factory=list)  # the verdict would differ
    unreplayable: list[Impact] = field(default_factory=list)  # the new trees cannot replay it
    same: int = 0  # records whose verdict would stay the same
    checked: int = 0  # advice records replayed (the latest version of each)

    def to_dict(self) -> dict[str, Any]:
        return {
            "checked": self.checked,
            "same": self.same,
            "differ": [asdict(i) for i in self.differ],
            "unreplayable": [asdict(i) for i in self.unreplayable],
        }


def impact(store: RecordStore, trees: Catalog) -> ImpactReport:
    """Replay the latest version of every advice record on `trees`, newest first."""
    report = ImpactReport()
    for record in matching_records(store, Query()):
        t = record.transcript
        if record.kind == "purge" or t is None or t.outcome is None:
            continue
        report.checked += 1
        outcome, why = replay_answers(trees, t)
        found = _impact(record, t, outcome, why)
        if why:
            report.unreplayable.append(found)
        elif found.new_verdict != found.old_verdict:
            report.differ.append(found)
        else:
            report.same += 1
    return report


def replay_answers(trees: Catalog, t: Transcript) -> tuple[tuple[str, Outcome] | None, str]:
    """Where a walk's answers, by tree and question id (a shared question by its shared id, if
    the new trees ask it elsewhere), end on `trees`: (tree id, outcome), or None and why they
    cannot be followed there (a question never answered, an answer or a tree that is gone)."""
    answers = {(s.tree_id, s.question_id): s.answer_id for s in t.steps}
    shared = {s.shared: s.answer_id for s in t.steps if s.shared}
    try:
        walk = Walk(trees, t.tree.id)
        while (q := walk.question) is not None:
            given = answers.get(walk.position) or (shared.get(q.shared) if q.shared else None)
            if given is None:
                where = f"{walk.position[0]}:{walk.position[1]}"
                return None, (
                    f"the new trees ask {where} (“{q.text}”), which this walk was never asked"
                )
            if q.answer(given) is None:
                return None, (
                    f"the question {walk.position[0]}:{q.id} no longer has the answer '{given}'"
                )
            walk.answer(given)
    except TreeError as exc:
        return None, str(exc)
    assert walk.outcome is not None
    return (walk.position[0], walk.outcome), ""


def _impact(record: Record, t: Transcript, outcome: tuple[str, Outcome] | None, why: str) -> Impact:
    assert t.outcome is not None
    base = Impact(
        record.id,
        record.created_at,
        record.supervisor_name,
        record.tree_id,
        f"{t.outcome.tree_id}:{t.outcome.id}",
        t.outcome.verdict,
        why=why,
    )
    if outcome is None:
        return base
    tree_id, o = outcome
    return Impact(**{**asdict(base), "new_outcome": f"{tree_id}:{o.id}", "new_verdict": o.verdict})


def format_impact(report: ImpactReport, trees_name: str) -> str:
    """The report as a supervisor reads it."""
    lines = [
        f"Replayed {report.checked} advice record(s) (the latest version of each) on the "
        f"trees in {trees_name}: {len(report.differ)} would now get another verdict.",
        "",
    ]
    for i in report.differ:
        lines += [
            _head(i),
            f"  then: {_verdict(i.old_verdict)} [{i.old_outcome}]",
            f"  now:  {_verdict(i.new_verdict)} [{i.new_outcome}]",
            "",
        ]
    if report.unreplayable:
        lines.append(f"Could not be replayed on the new trees ({len(report.unreplayable)}):")
        for i in report.unreplayable:
            lines += [
                _head(i),
                f"  then: {_verdict(i.old_verdict)} [{i.old_outcome}]",
                f"  now:  cannot tell: {i.why}",
                "",
            ]
    lines.append(
        f"{report.same} record(s) would get the same verdict. No record was changed: "
        "each keeps the walk that was advised."
    )
    return "\n".join(lines) + "\n"


def _head(i: Impact) -> str:
    return (
        f"Record {i.record_id}, {local_time(i.created_at)}, supervisor "
        f"{i.supervisor or '—'}, topic {i.tree_id}"
    )


def _verdict(verdict: str) -> str:
    v = VERDICTS.get(verdict)
    return v.label if v else verdict
