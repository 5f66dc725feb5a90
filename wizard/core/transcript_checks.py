"""Is a transcript well formed? Every field of the right type and shape, before it is kept.

A transcript read from a file may have been written by hand or edited; the records keep only
what the program itself could have written. Each problem names its field ("outcome.verdict"),
so a user can find it in the file. Whether the walk agrees with its tree is wizard.core.walkcheck.

A key the transcript's format does not know never reaches these checks: `Transcript.from_dict`
ignores it (stored records of a later format must still read). So what keeps a record must refuse
such a key itself, before these checks: `records add` does (wizard/cli/records.py, with
`unknown_fields` and `unknown_content_fields`); the window records only walks it made itself.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from wizard.core.transcript import (
    FORMAT,
    OUTCOME_QUOTES,
    OUTCOME_TEXTS,
    OutcomeRecord,
    QuotedClause,
    SourceRef,
    StepRecord,
    Transcript,
    TreeRef,
)
from wizard.core.verdicts import VERDICTS

SHA256 = re.compile(r"[0-9a-f]{64}")
SOURCE_KINDS = ("guidance", "law")


def transcript_problems(t: Transcript, prefix: str = "") -> list[str]:
    """What is malformed in `t`, each starting with its field's path (after `prefix`); [] if
    nothing is. A missing outcome is not a problem here (the caller says what to do)."""
    out = _format(t.format, f"{prefix}format")
    out += _text(t.program_version, f"{prefix}program_version")
    out += _time(t.started_at, f"{prefix}started_at")
    out += _text(t.period, f"{prefix}period")
    own = _tree_ref(t.tree, f"{prefix}tree")
    out += own + _trees(t, prefix, compare=not own)
    for i, source in enumerate(t.sources):
        out += _source(source, f"{prefix}sources[{i}]")
    tree_ids = {ref.id for ref in t.trees if isinstance(ref.id, str)}
    if not t.steps:
        out.append(f"{prefix}steps is empty: the walk answered no question")
    for i, step in enumerate(t.steps):
        out += _step(step, i, tree_ids, f"{prefix}steps[{i}]")
    if t.outcome is not None:
        out += _outcome(t.outcome, tree_ids, f"{prefix}outcome")
    return out


def _shown(value: Any) -> str:
    """A value as a message quotes it: its repr, cut short."""
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _format(value: Any, field: str) -> list[str]:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        return [f"{field} is {_shown(value)}, not a transcript format number"]
    if value > FORMAT:
        return [
            f"{field} is {value}: written by a newer Purdah Wizard (this one reads "
            f"format {FORMAT}); record it with that version"
        ]
    return []


def _text(value: Any, field: str, required: bool = False) -> list[str]:
    """Text (a string of real characters), non-empty if `required`."""
    if not isinstance(value, str):
        return [f"{field} is {_shown(value)}, not text"]
    if required and not value.strip():
        return [f"{field} is empty"]
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return [f"{field} holds bytes that are not text (not UTF-8)"]
    return []


def _time(value: Any, field: str) -> list[str]:
    """A date and time as the program writes them (ISO 8601)."""
    problems = _text(value, field, required=True)
    if problems:
        return problems
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return [f"{field} is {_shown(value)}, not a date and time (YYYY-MM-DDTHH:MM:SS)"]
    return []


def _fields(
    obj: Any, field: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> list[str]:
    """Each named attribute of `obj` is text, the `required` ones non-empty."""
    out: list[str] = []
    for name in required:
        out += _text(getattr(obj, name), f"{field}.{name}", required=True)
    for name in optional:
        out += _text(getattr(obj, name), f"{field}.{name}")
    return out


def _tree_ref(ref: TreeRef, field: str) -> list[str]:
    out = _fields(ref, field, ("id", "title", "version"), ("effective",))
    if not isinstance(ref.sha256, str) or not SHA256.fullmatch(ref.sha256):
        out.append(f"{field}.sha256 is {_shown(ref.sha256)}, not a SHA-256 (64 hex digits)")
    return out


def _trees(t: Transcript, prefix: str, compare: bool) -> list[str]:
    """The trees passed through: at least one, the first (when `compare`) the tree the walk
    started in."""
    if not t.trees:
        return [f"{prefix}trees is empty: a walk passes through at least its own tree"]
    out: list[str] = []
    for i, ref in enumerate(t.trees):
        out += _tree_ref(ref, f"{prefix}trees[{i}]")
    if compare and not out and t.trees[0] != t.tree:
        out.append(f"{prefix}trees[0] is not the tree the walk started in ({prefix}tree)")
    ids = [ref.id for ref in t.trees]
    if not out and len(set(ids)) != len(ids):  # all text by now: hashable
        out.append(f"{prefix}trees names a tree twice")
    return out


def _source(source: SourceRef, field: str) -> list[str]:
    out = _fields(source, field, ("id", "title"), ("reference", "publisher", "date"))
    if source.kind not in SOURCE_KINDS:
        out.append(f"{field}.kind is {_shown(source.kind)}, not one of {', '.join(SOURCE_KINDS)}")
    return out


def _step(step: StepRecord, i: int, tree_ids: set[Any], field: str) -> list[str]:
    out: list[str] = []
    if step.number != i + 1 or not isinstance(step.number, int) or isinstance(step.number, bool):
        out.append(f"{field}.number is {_shown(step.number)}, not {i + 1}")
    out += _fields(
        step,
        field,
        ("tree_id", "question_id", "question", "answer_id", "answer"),
        ("help", "explain", "shared"),
    )
    out += _time(step.answered_at, f"{field}.answered_at")
    if isinstance(step.tree_id, str) and step.tree_id and step.tree_id not in tree_ids:
        out.append(
            f"{field}.tree_id is {_shown(step.tree_id)}, not among the trees passed through (trees)"
        )
    return out


def _outcome(o: OutcomeRecord, tree_ids: set[Any], field: str) -> list[str]:
    optional = tuple(name for name in OUTCOME_TEXTS if name != "title")
    out = _fields(o, field, ("tree_id", "id", "title"), optional)
    out += _verdict(o, field)
    out += _time(o.reached_at, f"{field}.reached_at")
    if isinstance(o.tree_id, str) and o.tree_id and o.tree_id not in tree_ids:
        out.append(
            f"{field}.tree_id is {_shown(o.tree_id)}, not among the trees passed through (trees)"
        )
    for name in OUTCOME_QUOTES.values():
        for i, clause in enumerate(getattr(o, name)):
            out += _clause(clause, f"{field}.{name}[{i}]")
    return out


def _verdict(o: OutcomeRecord, field: str) -> list[str]:
    """The verdict is one of the known ones, and its label the one that verdict has."""
    if not isinstance(o.verdict, str) or o.verdict not in VERDICTS:
        return [
            f"{field}.verdict is {_shown(o.verdict)}, not a known verdict ({', '.join(VERDICTS)})"
        ]
    label = VERDICTS[o.verdict].label
    if o.verdict_label != label:
        return [
            f"{field}.verdict_label is {_shown(o.verdict_label)}, but the verdict "
            f"{o.verdict!r} reads {label!r}"
        ]
    return []


def _clause(clause: QuotedClause, field: str) -> list[str]:
    return _fields(clause, field, ("source_id", "clause_id", "text", "citation"), ("heading",))
