"""The closed set of verdicts an outcome may give, defined once for trees, GUI, PDF and records."""

from __future__ import annotations

from typing import NamedTuple


class Verdict(NamedTuple):
    """One kind of answer the guidance can give, in words (never colour alone)."""

    id: str
    label: str
    meaning: str
    severity: int  # 0 = go ahead ... 4 = criminal offence; orders banners and "changes the verdict"
    symbol: str  # a plain-text mark that also works in a PDF or a terminal


VERDICTS: dict[str, Verdict] = {
    v.id: v
    for v in (
        Verdict("acceptable", "Acceptable", "The guidance allows this.", 0, "✔"),
        Verdict(
            "acceptable_with_care",
            "Acceptable, with care",
            "The guidance allows this, on the conditions given.",
            1,
            "✔",
        ),
        Verdict(
            "refer_corporate_comms",
            "Refer to Corporate Communications",
            "Corporate Communications decides this, not you.",
            2,
            "➜",
        ),
        Verdict(
            "speak_to_supervisor",
            "Speak to a supervisor first",
            "Do not act until a supervisor has advised you.",
            2,
            "?",
        ),
        Verdict("do_not", "Do not do this", "The guidance says not to do this.", 3, "✖"),
        Verdict(
            "criminal_offence",
            "Do not do this: it may be a criminal offence",
            "For a police officer this may be a criminal offence.",
            4,
            "⚠",
        ),
    )
}


def verdict(verdict_id: str) -> Verdict:
    """The verdict with this id; KeyError names the known ids."""
    try:
        return VERDICTS[verdict_id]
    except KeyError:
        raise KeyError(f"unknown verdict {verdict_id!r}; known: {', '.join(VERDICTS)}") from None
