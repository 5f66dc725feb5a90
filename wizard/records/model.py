"""One advice record: who advised whom, about what, what the guidance said and what was advised.

A record's content (everything but its place in the chain) round-trips through a plain dict, which
is what the store hashes and keeps. Three kinds share the one shape: `advice` (a new record),
`amendment` (a corrected copy of a record, naming it and why) and `purge` (a note, in the chain
itself, that older records were removed and which hash they ended on).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from typing import Any

from wizard.core.transcript import Transcript, TreeRef, unknown_fields
from wizard.core.transcript_checks import transcript_problems
from wizard.core.verdicts import VERDICTS

# The content's format: 1 the first; 2 added walk_check and walk_check_note (a record of format 1
# reads as unchecked). Reading takes every format and ignores a key it does not know (a later
# format's field, kept in the stored bytes); `records add` refuses one (`unknown_content_fields`).
# Each format's records are kept in tests/fixtures/records/ and read by
# tests/records/test_stored_formats.py: add one there when this changes.
CONTENT_FORMAT = 2
GENESIS = "0" * 64  # the "previous hash" of the very first record
KINDS = ("advice", "amendment", "purge")
WALK_CHECKED = "checked"  # the store replayed the walk on its own trees: it matches
WALK_NOT_CHECKED = "not checked"  # its trees were not at hand (another version)

# (field, label) for the people and the situation, in the order a form asks them
PEOPLE_FIELDS: tuple[tuple[str, str], ...] = (
    ("supervisor_name", "Supervisor"),
    ("supervisor_number", "Supervisor's collar or staff number"),
    ("advised_name", "Person advised"),
    ("advised_role", "Their role"),
    ("advised_number", "Their collar or staff number"),
    ("reference", "Incident or reference number"),
    ("situation", "Situation, in their words"),
)

# The National Decision Model's stages, as supervisors know them; all optional.
NDM_FIELDS: tuple[tuple[str, str], ...] = (
    ("information", "Information and intelligence"),
    ("assessment", "Assessment of threat and risk"),
    ("powers_and_policy", "Powers and policy"),
    ("options", "Options considered"),
    ("action", "Action taken"),
    ("review", "Review"),
)

ADVICE_FIELDS: tuple[tuple[str, str], ...] = (
    ("advice", "Advice given"),
    ("reason", "Why the advice differs from the guidance"),
)

AMENDMENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("amendment_reason", "Why it was amended"),
    ("made_by", "Amended by"),
)


def utc_stamp(moment: dt.datetime | None = None) -> str:
    """A UTC time as the records keep it: fixed width, so text order is time order."""
    moment = moment or dt.datetime.now(dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_stamp(stamp: str) -> dt.datetime:
    return dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)


def is_stamp(stamp: object) -> bool:
    """Whether `stamp` is a time as the records write it (else it was changed outside them)."""
    try:
        parse_stamp(stamp).astimezone()  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return False
    return True


def local_time(stamp: str) -> str:
    """A stored UTC time as this machine's local time, e.g. '2026-05-01 14:03 BST'; anything
    else (changed outside the program) is shown quoted, escaped and flagged, never raised."""
    if not stamp:
        return ""
    if not is_stamp(stamp):
        return f"{str(stamp)[:40]!r} (not a time)"
    local = parse_stamp(stamp).astimezone()
    return f"{local:%Y-%m-%d %H:%M} {local.tzname() or ''}".rstrip()


def cited_guidance(transcript: Transcript | None) -> str:
    """The guidance an outcome quotes, as text to pre-fill "Powers and policy"."""
    if transcript is None or transcript.outcome is None:
        return ""
    o = transcript.outcome
    return "\n\n".join(
        f"{c.citation}, {c.heading} ({c.clause_id}): “{c.text}”" for c in (*o.citations, *o.law)
    )


@dataclass(frozen=True)
class Record:
    """A record as a form fills it in; the store sets id, created_at and the two hashes."""

    kind: str = "advice"
    supervisor_name: str = ""
    supervisor_number: str = ""
    advised_name: str = ""
    advised_role: str = ""
    advised_number: str = ""
    reference: str = ""
    situation: str = ""
    transcript: Transcript | None = None
    advice: str = ""
    differs: bool = False  # the advice given differs from the guidance's outcome
    reason: str = ""  # why; required when it differs
    information: str = ""
    assessment: str = ""
    powers_and_policy: str = ""
    options: str = ""
    action: str = ""
    review: str = ""
    amends: int | None = None  # the record this one corrects (kind "amendment")
    amendment_reason: str = ""
    made_by: str = ""  # who made the amendment or the purge
    purge_before: str = ""  # UTC time: records recorded before it were purged
    purged_from: int | None = None
    purged_through: int | None = None
    purged_count: int = 0
    anchor_hash: str = ""  # the hash of the last purged record: the chain restarts from it
    # set by the store (never taken from the caller): was the walk checked against its tree?
    walk_check: str = ""  # WALK_CHECKED or WALK_NOT_CHECKED; "" before records were checked
    walk_check_note: str = ""  # the trees it was replayed on, or why it could not be
    # set by the store
    id: int = 0
    created_at: str = ""  # UTC, utc_stamp()
    prev_hash: str = ""
    hash: str = ""

    # -- what the walk said (derived from the transcript, so it cannot disagree with it)
    @property
    def tree(self) -> TreeRef | None:
        """The tree that gave the outcome (a walk may pass through a "where to start" tree)."""
        t = self.transcript
        if t is None:
            return None
        if t.outcome is not None:
            for ref in t.trees:
                if ref.id == t.outcome.tree_id:
                    return ref
        return t.tree

    @property
    def tree_id(self) -> str:
        return self.tree.id if self.tree else ""

    @property
    def tree_version(self) -> str:
        return self.tree.version if self.tree else ""

    @property
    def tree_sha256(self) -> str:
        return self.tree.sha256 if self.tree else ""

    @property
    def verdict(self) -> str:
        t = self.transcript
        return t.outcome.verdict if t is not None and t.outcome is not None else ""

    @property
    def verdict_label(self) -> str:
        v = VERDICTS.get(self.verdict)
        return v.label if v else self.verdict

    @property
    def outcome_title(self) -> str:
        t = self.transcript
        return t.outcome.title if t is not None and t.outcome is not None else ""

    @property
    def walk_unchecked(self) -> bool:
        """True for a walk not checked against its tree (a purge has no walk to check)."""
        return self.kind != "purge" and self.walk_check != WALK_CHECKED

    def walk_check_text(self) -> str:
        """How a list, the record and its PDF say whether the walk was checked; '' for a purge."""
        if self.kind == "purge":
            return ""
        if not self.walk_unchecked:
            return f"Checked against its tree: {self.walk_check_note}".rstrip(": ")
        why = self.walk_check_note or "it was recorded before walks were checked"
        return f"NOT CHECKED against its tree: {why}"

    @property
    def saved(self) -> bool:
        return self.id > 0

    def label(self) -> str:
        """How a user names this record: 'record 42'."""
        return f"record {self.id}" if self.saved else "this record"

    # -- checks
    def problems(self) -> list[str]:
        """What must be filled in (or retyped) before this record can be saved, in plain words."""
        if self.kind not in KINDS:
            return [f"unknown kind {self.kind!r}; known: {', '.join(KINDS)}"]
        out = []
        if self.kind == "purge":
            if not self.made_by.strip():
                out.append("say who is purging the records")
        else:
            out += self._advice_problems() + self._foreign_fields()
        bad = [
            f.name
            for f in fields(self)
            if isinstance(getattr(self, f.name), str) and not _is_text(getattr(self, f.name))
        ]
        if bad:
            out.append(f"{', '.join(bad)} holds bytes that are not text (not UTF-8); retype it")
        return out

    def _advice_problems(self) -> list[str]:
        out = []
        if self.transcript is None:
            out.append("a record needs the walk's transcript")
        elif self.transcript.outcome is None:
            out.append("the walk has no outcome yet: answer its questions to the end first")
        else:
            out += transcript_problems(self.transcript, "transcript.")
        if not self.supervisor_name.strip():
            out.append("give the supervisor's name")
        if not self.advice.strip():
            out.append("say what advice was given")
        if self.differs and not self.reason.strip():
            out.append("say why the advice differs from the guidance's outcome")
        if self.kind == "amendment":
            if self.amends is None:
                out.append("an amendment must name the record it corrects")
            elif not 0 < self.amends < 2**63:
                out.append(f"there is no record {self.amends} to amend")
            if not self.amendment_reason.strip():
                out.append("say why the record is being amended")
            if not self.made_by.strip():
                out.append("say who is making the amendment")
        return out

    def _foreign_fields(self) -> list[str]:
        """Fields another kind of record fills in: advice naming a record it "amends" would
        hide that record from every list without an amendment's reason and author."""
        foreign = [name for name in PURGE_ONLY if getattr(self, name) != _DEFAULTS[name]]
        if self.kind == "advice":
            foreign += [name for name in AMENDMENT_ONLY if getattr(self, name) != _DEFAULTS[name]]
        if not foreign:
            return []
        return [
            f"{', '.join(foreign)} belong(s) to another kind of record, not to {self.kind}; "
            "record a correction with 'records amend'"
        ]

    def amended(self, **changes: Any) -> Record:
        """A new, unsaved amendment of this record with `changes` applied."""
        base: dict[str, Any] = {
            "kind": "amendment",
            "amends": self.id,
            "amendment_reason": "",
            "made_by": "",
            "id": 0,
            "created_at": "",
            "prev_hash": "",
            "hash": "",
        }
        return replace(self, **{**base, **changes})

    # -- content as kept in the store
    def content(self) -> dict[str, Any]:
        """Everything the hash covers: every field but the two hashes."""
        out: dict[str, Any] = {"format": CONTENT_FORMAT}
        for f in fields(self):
            if f.name in ("prev_hash", "hash"):
                continue
            value = getattr(self, f.name)
            out[f.name] = value.to_dict() if isinstance(value, Transcript) else value
        return out

    @classmethod
    def from_content(cls, content: dict[str, Any], prev_hash: str = "", hash: str = "") -> Record:
        """Rebuild a record; a field of the wrong type raises ValueError naming it."""
        if not isinstance(content, dict):
            raise ValueError("record content is not a JSON object")
        known = {f.name: f for f in fields(cls)}
        kwargs: dict[str, Any] = {}
        for key, value in content.items():
            if key in ("format", "prev_hash", "hash") or key not in known:
                continue  # a later format's extra field: kept in the stored bytes, not shown;
                # the hashes are the store's, never part of the content
            if key == "transcript":
                kwargs[key] = None if value is None else Transcript.from_dict(value)
            else:
                _check_type(key, value, cls.__dataclass_fields__[key].default)
                kwargs[key] = value
        return cls(**kwargs, prev_hash=prev_hash, hash=hash)


def unknown_content_fields(content: Any) -> list[str]:
    """The keys of a record's content (and of its transcript, as "transcript.outcome.colour")
    that this program does not know, so would not keep; [] if none."""
    if not isinstance(content, dict):
        return []
    known = {f.name for f in fields(Record)} | {"format"}
    out = [key for key in content if key not in known]
    return out + [f"transcript.{name}" for name in unknown_fields(content.get("transcript"))]


_DEFAULTS = {f.name: f.default for f in fields(Record)}
PURGE_ONLY = ("purge_before", "purged_from", "purged_through", "purged_count", "anchor_hash")
AMENDMENT_ONLY = ("amends", "amendment_reason", "made_by")


def _is_text(value: str) -> bool:
    """False for a string holding lone surrogates (bytes a terminal could not decode)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_type(key: str, value: Any, default: Any) -> None:
    if default is None:  # an optional record id
        ok = value is None or (isinstance(value, int) and not isinstance(value, bool))
    elif isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, str)
    if not ok:
        raise ValueError(f"record field {key} has a value of the wrong type: {value!r}")
