"""The default file name offered when saving: when, and what about; safe on Windows and Linux."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from wizard.core.replay import replay
from wizard.export.naming import default_pdf_name, safe_file_stem

WHEN = dt.datetime(2026, 11, 24, 14, 5)


def test_date_time_and_the_topic_the_advice_came_from(example_catalog):
    # started at the "Not sure where to start?" tree, ended in the photos tree: photos is the topic
    t = replay(example_catalog, "start", {"about": "photo", "candidate_present": "no"})
    assert (
        default_pdf_name(t.walk.transcript(), WHEN) == "2026-11-24 1405 Photos with candidates.pdf"
    )


def test_a_topic_with_forbidden_characters_is_made_safe(example_catalog):
    t = replay(example_catalog, "start", {"about": "other"}).walk.transcript()
    assert default_pdf_name(t, WHEN) == "2026-11-24 1405 Not sure where to start.pdf"


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        ('Photos: "who" / what <when>?', "Photos who what when"),
        ("Ends with dots...  ", "Ends with dots"),
        ("Tab\tand\nnewline", "Tab and newline"),
        ("CON", "_CON"),
        ("", ""),
    ],
)
def test_safe_file_stem(title, stem):
    assert safe_file_stem(title) == stem


def test_a_long_topic_is_cut_at_a_word(example_catalog):
    t = replay(example_catalog, "photos", {"candidate_present": "no"}).walk.transcript()
    long_title = "Word " * 40
    t = dataclasses.replace(t, trees=(dataclasses.replace(t.trees[0], title=long_title),))
    name = default_pdf_name(t, WHEN)
    assert len(name) <= len("2026-11-24 1405 .pdf") + 80
    assert name.endswith(" Word.pdf")


def test_an_empty_topic_still_gives_a_name(example_catalog):
    t = replay(example_catalog, "photos", {"candidate_present": "no"}).walk.transcript()
    t = dataclasses.replace(t, trees=(dataclasses.replace(t.trees[0], title="???"),))
    assert default_pdf_name(t, WHEN) == "2026-11-24 1405 Reasoning.pdf"
