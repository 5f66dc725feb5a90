"""The walk: answering, going back, changing an answer, starting again, crossing trees."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from wizard.core.problems import TreeError
from wizard.core.walk import Walk
from wizard.core.whatif import alternatives


def ticking_clock():
    start = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
    counter = itertools.count()
    return lambda: start + dt.timedelta(minutes=next(counter))


def test_walk_reaches_outcome_across_trees(example_catalog):
    walk = Walk(example_catalog, "start")
    assert walk.question.id == "about"
    walk.answer("photo")
    assert walk.position == ("photos", "candidate_present")
    walk.answer("yes")
    walk.answer("yes")
    assert walk.finished
    assert walk.outcome.id == "do_not_pose"
    assert walk.outcome.verdict == "do_not"


def test_link_into_a_named_node_of_another_tree(example_catalog):
    walk = Walk(example_catalog, "start")
    walk.answer("staged_directly")
    assert walk.position == ("photos", "staged")


def test_back_returns_and_keeps_answer_remembered(example_catalog):
    walk = Walk(example_catalog, "photos")
    walk.answer("yes")
    walk.answer("no")
    walk.back()
    assert walk.question.id == "staged"
    assert walk.remembered_answer() == "no"
    assert not walk.finished
    assert len(walk.steps) == 1


def test_back_at_first_question_is_a_clear_error(example_catalog):
    walk = Walk(example_catalog, "photos")
    with pytest.raises(TreeError, match="first question"):
        walk.back()


def test_change_offers_later_answers_preselected_but_never_applies_them(example_catalog):
    walk = Walk(example_catalog, "start")
    walk.answer("photo")
    walk.answer("yes")
    walk.answer("not_sure")
    walk.change(0)  # back to "what is it about?"
    assert walk.question.id == "about"
    assert walk.steps == []
    assert walk.remembered_answer() == "photo"
    walk.answer("staged_directly")
    # the new path reaches "staged" again: its earlier answer is offered, not applied
    assert walk.question.id == "staged"
    assert walk.remembered_answer() == "not_sure"
    assert not walk.finished


def test_change_of_unknown_step(example_catalog):
    walk = Walk(example_catalog, "photos")
    with pytest.raises(TreeError, match="no answer number 1"):
        walk.change(0)


def test_restart_forgets_everything(example_catalog):
    walk = Walk(example_catalog, "photos")
    walk.answer("yes")
    walk.restart()
    assert walk.question.id == "candidate_present"
    assert walk.remembered_answer() is None
    assert walk.steps == []


def test_unknown_answer_changes_nothing(example_catalog):
    walk = Walk(example_catalog, "photos")
    with pytest.raises(TreeError, match=r"no answer 'maybe'.*yes, no"):
        walk.answer("maybe")
    assert walk.steps == []


def test_no_answering_after_outcome(example_catalog):
    walk = Walk(example_catalog, "photos")
    walk.answer("no")
    with pytest.raises(TreeError, match="reached an outcome"):
        walk.answer("yes")


def test_unknown_tree(example_catalog):
    with pytest.raises(TreeError, match=r"no tree with the id 'nope'.*photos"):
        Walk(example_catalog, "nope")


def test_transcript_holds_questions_answers_outcome_and_quotes(example_catalog):
    walk = Walk(example_catalog, "start", clock=ticking_clock())
    walk.answer("photo")
    walk.answer("yes")
    walk.answer("not_sure")
    t = walk.transcript()
    assert t.tree.id == "start"
    assert [r.id for r in t.trees] == ["start", "photos"]
    assert all(len(r.sha256) == 64 for r in t.trees)
    assert [(s.question_id, s.answer_id) for s in t.steps] == [
        ("about", "photo"),
        ("candidate_present", "yes"),
        ("staged", "not_sure"),
    ]
    assert t.steps[2].question == "Is the photo staged?"
    assert t.steps[2].answer == "I'm not sure"
    assert t.steps[0].answered_at == "2026-05-01T09:01:00+00:00"
    assert t.outcome.verdict_label == "Speak to a supervisor first"
    assert [c.clause_id for c in t.outcome.citations] == ["doubt", "staged"]
    assert t.outcome.citations[1].text.startswith("Officers should not engage in staged photos")
    assert "TEST 1/26" in t.outcome.citations[0].citation
    assert t.sources[0].reference == "TEST 1/26"


def test_transcript_round_trips_through_json(example_catalog):
    walk = Walk(example_catalog, "start")
    walk.answer("photo")
    walk.answer("no")
    t = walk.transcript()
    from wizard.core.transcript import Transcript

    again = Transcript.from_json(t.to_json())
    assert again == t
    assert set(t.to_dict()) >= {"tree", "steps", "outcome"}


def test_unfinished_transcript_has_no_outcome(example_catalog):
    walk = Walk(example_catalog, "photos")
    walk.answer("yes")
    t = walk.transcript()
    assert t.outcome is None
    assert len(t.steps) == 1


@pytest.mark.parametrize("text", ["[]", "{}", '{"tree": 1}', "not json"])
def test_bad_transcript_is_a_value_error(text):
    from wizard.core.transcript import Transcript

    with pytest.raises(ValueError, match="not"):
        Transcript.from_json(text)


def test_why_this_outcome_names_the_answers_that_change_the_verdict(example_catalog):
    walk = Walk(example_catalog, "photos")
    walk.answer("yes")
    walk.answer("yes")
    alts = alternatives(example_catalog, walk.steps, walk.outcome)
    by_answer = {(a.question.id, a.answer.id): a for a in alts}
    assert set(by_answer) == {("candidate_present", "no"), ("staged", "no"), ("staged", "not_sure")}
    assert by_answer[("candidate_present", "no")].outcome.id == "fine"
    assert by_answer[("staged", "not_sure")].outcome.verdict == "speak_to_supervisor"
    assert all(a.changes_verdict for a in alts)


def test_why_this_outcome_reports_a_question_not_yet_answered(example_catalog):
    walk = Walk(example_catalog, "photos")
    walk.answer("no")
    (alt,) = alternatives(example_catalog, walk.steps, walk.outcome)
    assert alt.outcome is None
    assert alt.next_question.id == "staged"
