"""A sensible file name for a saved record: when it was made and what it was about."""

from __future__ import annotations

import datetime as dt
import re

from wizard.core.transcript import Transcript

# Characters Windows refuses in file names (a superset of what Linux refuses), and control codes.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
MAX_TOPIC = 80


def topic(transcript: Transcript) -> str:
    """The title of the tree the walk ended in (where the advice came from)."""
    tree_id = transcript.outcome.tree_id if transcript.outcome else transcript.trees[-1].id
    return next((t.title for t in transcript.trees if t.id == tree_id), transcript.tree.title)


def safe_file_stem(text: str, limit: int = MAX_TOPIC) -> str:
    """`text` made safe as a file name on Windows and Linux: no forbidden characters, no trailing
    dots or spaces, not a reserved device name, at most `limit` characters (cut at a word)."""
    text = " ".join(_FORBIDDEN.sub(" ", text).split())
    if len(text) > limit:
        cut = text[: limit + 1].rsplit(" ", 1)[0]
        text = cut if len(cut) >= limit // 2 else text[:limit]
    text = text.rstrip(". ")
    if text.split(".")[0].upper() in _WINDOWS_RESERVED:
        text = f"_{text}"
    return text


def default_pdf_name(transcript: Transcript, when: dt.datetime | None = None) -> str:
    """E.g. '2026-11-24 1405 Photos with candidates.pdf' (local time)."""
    when = when or dt.datetime.now().astimezone()
    stem = safe_file_stem(topic(transcript)) or "Reasoning"
    return f"{when:%Y-%m-%d %H%M} {stem}.pdf"
