"""Who asked and about what, typed once per walk: the PDF's case details fill the Record advice
form and the other way round, so nobody types a name or number twice for the same walk.

The window keeps them in `walk_details` (by the record's field names) and forgets them with the
walk: on a new topic, at home and when the screen is cleared.
"""

from __future__ import annotations

from wizard.core.case import CaseDetails

# CaseDetails field -> the advice record's field holding the same thing
CASE_TO_RECORD = {
    "name": "advised_name",
    "role": "advised_role",
    "number": "advised_number",
    "supervisor": "supervisor_name",
    "reference": "reference",
    "situation": "situation",
}


def details(window: object) -> dict[str, str]:
    """What the window holds for the walk on screen (empty for a window without them)."""
    return getattr(window, "walk_details", {})


def case_details(window: object) -> CaseDetails | None:
    """The PDF form's details as far as the walk gave them; None if it gave none."""
    known = details(window)
    values = {case: known.get(record, "") for case, record in CASE_TO_RECORD.items()}
    return CaseDetails(**values) if any(values.values()) else None


def keep_case(window: object, case: CaseDetails | None) -> None:
    """Keep what the PDF form was given, for the record form of the same walk."""
    if case is None or not hasattr(window, "walk_details"):
        return
    for name, record in CASE_TO_RECORD.items():
        value = getattr(case, name).strip()
        if value:
            window.walk_details[record] = value


def keep_record(window: object, typed: dict[str, str]) -> None:
    """Keep what the record form was given (by field name), for the PDF form of the same walk."""
    if not hasattr(window, "walk_details"):
        return
    for record in CASE_TO_RECORD.values():
        value = typed.get(record, "").strip()
        if value:
            window.walk_details[record] = value
