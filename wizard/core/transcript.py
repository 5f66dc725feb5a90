"""The transcript of a walk: what was asked, what was answered, what the guidance says.

The GUI, the PDF and the advice records all use this one record, so it round-trips through JSON
without loss and holds everything needed to read it years later, after the trees have changed.

Stored data outlives the code: an advice record keeps its transcript for years. So the format is
versioned, and the reader takes every version there has been and keys it does not know:
- `FORMAT` goes up with every change to the fields a transcript holds. A new field gets a
  default (what a transcript written before it means), so that older transcripts still read; a
  change no default can express (a field renamed or meaning something else) adds a step to
  `_upgraded`. Add a transcript of the new format to tests/fixtures/transcripts/ (the corpus
  tests/records/test_stored_formats.py loads every file of).
- `Transcript.from_dict` ignores a key it does not know (a later format's field): the stored
  bytes keep it, and `unknown_fields` names it. Reading stored data accepts them; what is about
  to be kept (`records add`) refuses them, as wizard/cli/records.py does: an advice record keeps
  only what this program can read back and check (wizard/core/transcript_checks.py).

The versions:
  1  the first. Fields added to it later, each with its default, may be absent: sources[].kind
     ("guidance"), steps[].shared (""), outcome.reading (""), outcome.law ([]), and `period` ("",
     also found in format 1 transcripts written just before format 2).
  2  `period`, the pre-election period the walk was made in (wizard/core/periods.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import Any, TypeVar

FORMAT = 2


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


# An outcome's own texts, copied word for word from the tree's `Outcome` (the same names there):
# the walk copies them; replay checks, transcript checks and tree diffs compare them all.
OUTCOME_TEXTS = ("title", "advice", "reading")
# Its quoted clauses: the tree's field (clause ids) -> the record's (the clauses quoted in full).
OUTCOME_QUOTES = {"cite": "citations", "law": "law"}


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
        """Rebuild a transcript of any format; a missing or mistyped field raises ValueError
        naming it, a key it does not know is ignored (`unknown_fields` names those)."""
        try:
            d = _upgraded(d)
            outcome = d["outcome"]
            return cls(
                program_version=d["program_version"],
                started_at=d["started_at"],
                tree=_part("tree", lambda: _known(TreeRef, d["tree"])),
                trees=_listed(d, "trees", TreeRef),
                sources=_listed(d, "sources", SourceRef),
                steps=_listed(d, "steps", StepRecord),
                outcome=None if outcome is None else _part("outcome", lambda: _outcome(outcome)),
                format=d.get("format", 1),  # every writer wrote it: with none, the oldest
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


# Steps from a format to the next, for a change no default can express; none so far.
_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

# the parts of a transcript that are objects or lists of objects, and what each holds
_PARTS: dict[str, type] = {
    "tree": TreeRef,
    "trees": TreeRef,
    "sources": SourceRef,
    "steps": StepRecord,
    "outcome": OutcomeRecord,
}
_OUTCOME_PARTS: dict[str, type] = dict.fromkeys(OUTCOME_QUOTES.values(), QuotedClause)

_T = TypeVar("_T")


def _upgraded(d: dict[str, Any]) -> dict[str, Any]:
    """`d` as the current format has it (a later or unreadable format number: as it is)."""
    version = d.get("format", 1) if isinstance(d, dict) else None
    if isinstance(version, int) and not isinstance(version, bool):
        for step in range(max(version, 1), FORMAT):
            if step in _UPGRADES:
                d = _UPGRADES[step](d)
    return d


def unknown_fields(d: Any) -> list[str]:
    """The keys of a transcript's dict that this format does not know, each by its path
    ("outcome.colour", "steps[1].note"); [] if none. Parts of the wrong shape are left to
    `Transcript.from_dict` to report."""
    return _unknown(d, Transcript, "", _PARTS) if isinstance(d, dict) else []


def _unknown(d: dict[str, Any], kind: type, path: str, parts: dict[str, type]) -> list[str]:
    out = [f"{path}{key}" for key in d if key not in _names(kind)]
    for key, part in parts.items():
        value = d.get(key)
        if isinstance(value, dict):
            items = [(f"{path}{key}", value)]
        elif isinstance(value, list | tuple):
            items = [(f"{path}{key}[{i}]", item) for i, item in enumerate(value)]
        else:
            items = []
        inner = _OUTCOME_PARTS if part is OutcomeRecord else {}
        out += [
            name
            for where, item in items
            if isinstance(item, dict)
            for name in _unknown(item, part, f"{where}.", inner)
        ]
    return out


def _names(kind: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(kind))


def _known(kind: type[_T], d: Any) -> _T:
    """`kind` built from the keys of `d` it has fields for; TypeError if `d` is no object."""
    if not isinstance(d, dict):
        raise TypeError(f"expected an object, not {type(d).__name__}")
    names = _names(kind)
    return kind(**{k: v for k, v in d.items() if k in names})


def _outcome(d: dict[str, Any]) -> OutcomeRecord:
    """An outcome from its dict; one recorded before `reading` and `law` existed gets them empty."""
    if not isinstance(d, dict):
        raise TypeError(f"expected an object, not {type(d).__name__}")
    quoted = {k: _listed(d, k, QuotedClause) for k in OUTCOME_QUOTES.values() if k in d}
    return _known(OutcomeRecord, {**d, **quoted})


def _part(name: str, build: Callable[[], Any]) -> Any:
    """`build()`, with a failure's message naming the part of the transcript it was building."""
    try:
        return build()
    except (KeyError, TypeError) as exc:
        raise TypeError(f"{name}: {exc}") from exc


def _listed(d: dict[str, Any], name: str, kind: type[Any]) -> tuple[Any, ...]:
    """d[name], a list of dicts, as a tuple of `kind`; TypeError naming the field if it is not."""
    items = d[name]
    if not isinstance(items, list | tuple):
        raise TypeError(f"{name}: expected a list, not {type(items).__name__}")

    def build(item: Any) -> Callable[[], Any]:
        return lambda: _known(kind, item)

    return tuple(_part(f"{name}[{i}]", build(item)) for i, item in enumerate(items))
