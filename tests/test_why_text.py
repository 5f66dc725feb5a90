""" "Why this outcome" in words, and the lines the home screen shows about what is loaded."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

from wizard.core.problems import Problem
from wizard.core.transcript import StepRecord
from wizard.core.walk import Walk
from wizard.core.whatif import alternatives
from wizard.gui import wording
from wizard.gui.why_text import step_lines, why_html


def walk_to(catalog, tree_id: str, *answers: str) -> Walk:
    walk = Walk(catalog, tree_id)
    for a in answers:
        walk.answer(a)
    return walk


def test_each_other_answer_that_changes_the_verdict_is_named_with_where_it_leads(example_catalog):
    walk = walk_to(example_catalog, "photos", "yes", "not_sure")
    alts = alternatives(example_catalog, walk.steps, walk.outcome)
    steps = walk.transcript().steps
    assert step_lines(steps[0], [a for a in alts if a.step_index == 0]) == [
        "1. “Is a candidate in the photo?” You answered “Yes”.",
        "If you had answered “No”: Acceptable — “You may carry on”",
    ]
    assert step_lines(steps[1], [a for a in alts if a.step_index == 1]) == [
        "2. “Is the photo staged?” You answered “I'm not sure”.",
        "If you had answered “Yes, it is posed”: Do not do this — “Do not pose for the photo”",
        "If you had answered “No, it is general filming”: Acceptable — “You may carry on”",
    ]


def test_answers_that_keep_the_verdict_are_said_to_keep_it(example_catalog):
    walk = walk_to(example_catalog, "start", "photo", "yes", "no")  # general filming: acceptable
    alts = alternatives(example_catalog, walk.steps, walk.outcome)
    lines = step_lines(walk.transcript().steps[0], [a for a in alts if a.step_index == 0])
    assert (
        "If you had answered “Something else”: Speak to a supervisor first — “Ask a supervisor”"
    ) in lines
    assert lines[-1] == "“A posed photo”: the same verdict."


def test_the_html_escapes_tree_text():
    step = StepRecord(1, "t", "q", "Is <b>x</b> & y?", "", "a", "<i>Yes</i>", "", "")
    html = why_html([step], [])
    assert html == [
        "<p><b>1. “Is &lt;b&gt;x&lt;/b&gt; &amp; y?” You answered "
        "“&lt;i&gt;Yes&lt;/i&gt;”.</b></p><ul></ul>"
    ]


def test_the_guidance_summary_names_the_source_and_the_topics_version_and_date(example_catalog):
    line = wording.guidance_summary(example_catalog)
    assert line == (
        "Guidance: Test Constabulary, Example guidance on photographs (TEST 1/26) · "
        "1 topic, version 1.0, in effect from 1 February 2026"
    )


def test_the_guidance_summary_says_when_versions_or_dates_differ(example_catalog):
    photos = example_catalog.trees["photos"]
    catalog = copy.copy(example_catalog)
    catalog.trees = {
        **example_catalog.trees,
        "photos": dataclasses.replace(photos, version="1.1", effective="2026-03-01"),
    }
    line = wording.guidance_summary(catalog)
    assert line.endswith("· 1 topic, versions differ, dates in effect differ — see About")


def test_problem_lines_name_the_file_relative_to_the_trees_folder():
    folder = Path("/srv/trees")
    p = Problem("/srv/trees/sources/x.yaml", 4, 7, "bad thing", "fix it")
    assert wording.problem_line(p, folder) == "sources/x.yaml:4:7: bad thing (fix it)"
    assert (
        wording.problem_line(Problem(str(folder), 0, 0, "no such folder of trees"), folder)
        == "/srv/trees: no such folder of trees"
    )
