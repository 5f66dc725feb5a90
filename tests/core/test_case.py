"""Case details: all optional, printed in a fixed order, and round-tripped without loss."""

from __future__ import annotations

import re

import pytest

from wizard.core.case import CASE_FIELDS, CaseDetails


def test_only_the_fields_given_are_listed_in_the_order_asked():
    case = CaseDetails(notes="Called back at 14:10", name="Zoë Ó Súilleabháin", number="  ")
    assert case.given() == [("Name", "Zoë Ó Súilleabháin"), ("Notes", "Called back at 14:10")]
    assert not case.is_empty()
    assert CaseDetails().is_empty()
    assert CaseDetails(number="  ").is_empty()


def test_round_trips_through_a_dict():
    case = CaseDetails(*(f"value of {name}, Łukasz\nline two" for name, _ in CASE_FIELDS))
    assert CaseDetails.from_dict(case.to_dict()) == case
    assert list(case.to_dict()) == [name for name, _ in CASE_FIELDS]


def test_missing_fields_are_empty_and_none_reads_as_empty():
    assert CaseDetails.from_dict({"name": "Ayşe", "role": None}) == CaseDetails(name="Ayşe")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"nmae": "x"}, "unknown field(s) nmae"),
        ({"number": 1234}, "number must be text"),
        (["name"], "expected a mapping"),
    ],
)
def test_bad_data_is_refused_naming_the_field(data, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        CaseDetails.from_dict(data)


def test_cleaned_trims_each_field_but_keeps_inner_lines():
    assert CaseDetails(name=" PC Jones ", notes="a\nb\n").cleaned() == CaseDetails(
        name="PC Jones", notes="a\nb"
    )
