"""Case details a supervisor may add to a record of advice: who asked, about what. All optional.

The PDF, the case dialog and the advice records share this one record and its field labels.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

# (field, label as a reader sees it), in the order they are asked and printed
CASE_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "Name"),
    ("role", "Role"),
    ("number", "Collar or staff number"),
    ("supervisor", "Supervisor consulted"),
    ("reference", "Incident or reference number"),
    ("situation", "Situation"),
    ("notes", "Notes"),
)


@dataclass(frozen=True)
class CaseDetails:
    """Who asked and about what; every field may be left empty."""

    name: str = ""
    role: str = ""
    number: str = ""  # collar or staff number
    supervisor: str = ""  # the supervisor consulted
    reference: str = ""  # an incident or reference number
    situation: str = ""  # a short description of the situation
    notes: str = ""

    def cleaned(self) -> CaseDetails:
        """The same details with surrounding spaces trimmed (inner line breaks are kept)."""
        return CaseDetails(**{k: v.strip() for k, v in self.to_dict().items()})

    def given(self) -> list[tuple[str, str]]:
        """(label, value) for each field filled in, in the order of CASE_FIELDS."""
        return [
            (label, getattr(self, name).strip())
            for name, label in CASE_FIELDS
            if getattr(self, name).strip()
        ]

    def is_empty(self) -> bool:
        return not self.given()

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CaseDetails:
        """Rebuild from a dict; missing fields are empty. An unknown field or a value that is not
        text raises ValueError naming it, so nothing is dropped or changed silently."""
        if not isinstance(d, dict):
            raise ValueError("case details: expected a mapping of field to text")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(d) - known)
        if unknown:
            raise ValueError(
                f"case details: unknown field(s) {', '.join(map(str, unknown))}; "
                f"known: {', '.join(sorted(known))}"
            )
        for key, value in d.items():
            if value is not None and not isinstance(value, str):
                raise ValueError(f"case details: {key} must be text, not {type(value).__name__}")
        return cls(**{k: v or "" for k, v in d.items()})
