"""Pairs of real tree folders for the release tests: an "old" published folder, and the same
folder after one edit a policy author might make (a reworded clause, a changed verdict, a
removed answer, a new question, a new topic)."""

from __future__ import annotations

import textwrap
from pathlib import Path

GUIDE = """\
id: guide
title: Test guidance
reference: T/1
publisher: Test Police
clauses:
  - id: staged
    heading: Photos with candidates
    text: Officers must not pose for staged photos with candidates.
  - id: general
    text: General filming in public is acceptable.
  - id: doubt
    text: If in doubt, don't do it.
"""

PEOPLE = """\
questions:
  - id: on_duty
    text: Would you be on duty?
    answers:
      - id: "yes"
        label: "Yes"
      - id: "no"
        label: "No"
"""

PHOTOS = """\
id: photos
title: Photos with candidates
summary: May I be photographed with a candidate?
version: "1.0"
effective: 2026-01-01
source: guide
questions:
  - id: candidate_present
    text: Is a candidate in the photo?
    answers:
      - id: "yes"
        label: "Yes"
        next: staged
      - id: "no"
        label: "No"
        next: duty
  - id: staged
    text: Is the photo staged?
    answers:
      - id: "yes"
        label: "Yes, posed"
        next: no_pose
      - id: "no"
        label: "No, general filming"
        next: careful
      - id: not_sure
        label: I'm not sure
        next: ask_supervisor
  - id: duty
    ask: on_duty
    answers:
      - {id: "yes", next: careful}
      - {id: "no", next: fine}
outcomes:
  - id: fine
    verdict: acceptable
    title: Go ahead
    advice: Carry on.
    cite: [general]
  - id: no_pose
    verdict: do_not
    title: Do not pose
    advice: Decline politely.
    cite: [staged]
  - id: careful
    verdict: acceptable_with_care
    title: Take care
    advice: Stay neutral.
    cite: [general]
  - id: ask_supervisor
    verdict: speak_to_supervisor
    title: Ask a supervisor
    advice: Ask first.
    cite: [doubt]
"""

START = """\
id: start
title: Not sure where to start?
summary: Find the topic.
version: "1.0"
effective: 2026-01-01
source: guide
questions:
  - id: about
    text: What is it about?
    answers:
      - id: photos
        label: Photos
        tree: photos
      - id: other
        label: Something else
        next: unsure
outcomes:
  - id: unsure
    verdict: speak_to_supervisor
    title: Ask a supervisor
    advice: Ask first.
    cite: [doubt]
"""

BADGES = """\
id: badges
title: Badges and rosettes
summary: May I wear a party badge?
version: "1.0"
effective: 2026-03-01
source: guide
questions:
  - id: wearing
    text: Would you wear it at work?
    answers:
      - id: "yes"
        label: "Yes"
        next: no_badge
      - id: "no"
        label: "No"
        next: own_time
outcomes:
  - id: no_badge
    verdict: do_not
    title: Do not wear it at work
    advice: Take it off.
    cite: [doubt]
  - id: own_time
    verdict: acceptable_with_care
    title: In your own time, with care
    advice: Not in uniform.
    cite: [general]
"""


def write_folder(
    folder: Path, trees: dict[str, str], guide: str = GUIDE, people: str = PEOPLE
) -> Path:
    """A folder of trees (file stem -> YAML) with its guidance and shared questions."""
    (folder / "sources").mkdir(parents=True)
    (folder / "questions").mkdir()
    (folder / "sources" / "guide.yaml").write_text(guide, encoding="utf-8")
    (folder / "questions" / "people.yaml").write_text(people, encoding="utf-8")
    for stem, text in trees.items():
        (folder / f"{stem}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def old_folder(base: Path) -> Path:
    """The trees as published."""
    return write_folder(base / "old", {"photos": PHOTOS, "start": START})


def new_folder(
    base: Path,
    photos: str = PHOTOS,
    start: str = START,
    guide: str = GUIDE,
    people: str = PEOPLE,
    extra: dict[str, str] | None = None,
) -> Path:
    """The trees after an edit; photos' version is raised to 1.1 when its text changed."""
    if photos != PHOTOS:
        photos = photos.replace('version: "1.0"', 'version: "1.1"', 1)
    if start != START:
        start = start.replace('version: "1.0"', 'version: "1.1"', 1)
    return write_folder(
        base / "new", {"photos": photos, "start": start, **(extra or {})}, guide, people
    )


def changed_verdict() -> str:
    """'Not sure' whether a photo is staged now ends at 'do not', not at 'ask a supervisor'."""
    return PHOTOS.replace(
        "    verdict: speak_to_supervisor\n    title: Ask a supervisor",
        "    verdict: do_not\n    title: Ask a supervisor",
        1,
    )


def removed_answer() -> str:
    """The answer 'I'm not sure' to 'Is the photo staged?' is gone, and its outcome with it."""
    text = PHOTOS.replace(
        "      - id: not_sure\n        label: I'm not sure\n        next: ask_supervisor\n", "", 1
    )
    cut = text.index("  - id: ask_supervisor")
    return text[:cut]


def new_question() -> str:
    """A new question before 'staged': a posed photo is fine once the press office agreed."""
    text = PHOTOS.replace("        next: staged\n", "        next: agreed\n", 1)
    return text.replace(
        "  - id: staged\n",
        """\
  - id: agreed
    text: Has the press office agreed to the photo?
    answers:
      - id: "yes"
        label: "Yes"
        next: careful
      - id: "no"
        label: "No"
        next: staged
  - id: staged
""",
        1,
    )


def reworded_clause() -> str:
    return GUIDE.replace(
        "must not pose for staged photos", "must never pose for staged or posed photos", 1
    )


def new_topic_start() -> str:
    """The start tree offers the new topic 'badges'."""
    return START.replace(
        "      - id: other\n",
        "      - id: badges\n        label: Badges\n        tree: badges\n      - id: other\n",
        1,
    )
