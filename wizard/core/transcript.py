"""The transcript of a walk: what was asked, what was answered, what the guidance says.

The GUI, the PDF and the advice records all use this one record, so it round-trips through JSON
without loss and holds everything needed to read it years later, after the trees have changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

FORMAT = 1


@dataclass(frozen=True)
class TreeRef:
    id: str
    title: str
    version: str
    effective: str
    sha256: str


@dataclass(frozen=True)
class SourceRef:
    id: str
    title: str
    reference: str
    publisher: str
    date: str
    kind: str = "guidance"  # or "law": the law behind the guidance


@dataclass(frozen=True)
class QuotedClause:
    source_id: str
    clause_id: str
    heading: str
    text: str
    citation: str  # "publisher, title (reference)"


@dataclass(frozen=True)
class StepRecord:
    number: int
    tree_id: str
    question_id: str
    question: str
    help: str
    answer_id: str
    answer: str
    explain: str
    answered_at: str
    shared: str = ""  # the shared question (trees/questions/) it asked, if any


@dataclass(frozen=True)
class OutcomeRecord:
    tree_id: str
    id: str
    verdict: str
    verdict_label: str
    title: str
    advice: str
    citations: tuple[QuotedClause, ...]  # the guidance: the force's own words only
    reached_at: str
    reading: str = ""  # how the guidance is read here, and why
    law: tuple[QuotedClause, ...] = ()  # the law behind the guidance, quoted apart from it


@dataclass(frozen=True)
class Transcript:
    program_version: str
    started_at: str
    tree: TreeRef  # the tree the walk started in
    trees: tuple[TreeRef, ...]  # every tree the walk passed through, start first
    sources: tuple[SourceRef, ...]
    steps: tuple[StepRecord, ...]
    outcome: OutcomeRecord | None
    format: int = field(default=FORMAT)
    # The pre-election period the walk was made in, by the calendar (wizard/core/periods.py);
    # empty for a walk made with no calendar, or before the calendar existed.
    period: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Transcript:
        """Rebuild a transcript; a missing or mistyped field raises ValueError naming it."""
        try:
            outcome = d["outcome"]
            return cls(
                program_version=d["program_version"],
                started_at=d["started_at"],
                tree=_part("tree", lambda: TreeRef(**d["tree"])),
                trees=_listed(d, "trees", TreeRef),
                sources=_listed(d, "sources", SourceRef),
                steps=_listed(d, "steps", StepRecord),
                outcome=None if outcome is None else _part("outcome", lambda: _outcome(outcome)),
                format=d.get("format", FORMAT),
                period=d.get("period", ""),
            )
        except KeyError as exc:
            raise ValueError(f"not a walk transcript: it has no {exc} field") from exc
        except TypeError as exc:
            raise ValueError(f"not a walk transcript: {exc}") from exc

    @classmethod
    def from_json(cls, text: str) -> Transcript:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"not JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise ValueError("not a walk transcript: expected a JSON object")
        return cls.from_dict(data)


def _outcome(d: dict[str, Any]) -> OutcomeRecord:
    """An outcome from its dict; one recorded before `reading` and `law` existed gets them empty."""
    quoted = {k: _listed(d, k, QuotedClause) for k in ("citations", "law") if k in d}
    return OutcomeRecord(**{**d, **quoted})


def _part(name: str, build: Callable[[], Any]) -> Any:
    """`build()`, with a failure's message naming the part of the transcript it was building."""
    try:
        return build()
    except (KeyError, TypeError) as exc:
        raise TypeError(f"{name}: {exc}") from exc


def _listed(d: dict[str, Any], name: str, kind: Callable[..., Any]) -> tuple[Any, ...]:
    """d[name], a list of dicts, as a tuple of `kind`; TypeError naming the field if it is not."""
    items = d[name]
    if not isinstance(items, list | tuple):
        raise TypeError(f"{name}: expected a list, not {type(items).__name__}")
    return tuple(_part(f"{name}[{i}]", lambda item=item: kind(**item))
                 for i, item in enumerate(items))
