"""The presentation's order and the words of "Why this outcome" and of a quiz result: no widgets."""

from __future__ import annotations

from wizard.core.walk import Walk
from wizard.gui.trainer import deck as d
from wizard.gui.trainer.present_view import why_lines
from wizard.gui.trainer.texts import quiz_report, why_steps


def test_forward_reveals_first_then_moves_on_and_backward_undoes_it(example_catalog):
    deck = d.Deck(example_catalog, example_catalog.scenarios["posed-photo"])
    seen = [(deck.slide.kind, deck.slide.step, deck.revealed)]
    while deck.forward():
        seen.append((deck.slide.kind, deck.slide.step, deck.revealed))
    assert seen == [
        ("story", -1, False),
        ("question", 0, False),
        ("question", 0, True),
        ("question", 1, False),
        ("question", 1, True),
        ("outcome", -1, False),
        ("outcome", -1, True),
        ("guidance", -1, False),
        ("why", -1, False),
        ("discussion", -1, False),
    ]
    back = [(deck.slide.kind, deck.slide.step, deck.revealed)]
    while deck.backward():
        back.append((deck.slide.kind, deck.slide.step, deck.revealed))
    assert back == seen[::-1]


def test_the_map_path_grows_only_as_far_as_the_room_has_seen(example_catalog):
    deck = d.Deck(example_catalog, example_catalog.scenarios["unsure-where-to-start"])
    assert deck.path_so_far() == ([("start", "about")], [])
    deck.forward()  # question 1, hidden
    assert deck.path_so_far() == ([("start", "about")], [])
    deck.forward()  # revealed: the answer and where it leads
    assert deck.path_so_far() == ([("start", "about"), ("photos", "candidate_present")], ["photo"])
    deck.go_to_step(2)
    assert (deck.slide.kind, deck.slide.step, deck.revealed) == ("question", 2, False)
    assert deck.current_ref() == ("photos", "staged")
    while deck.forward():
        pass
    nodes, answers = deck.path_so_far()
    assert nodes[-1] == ("photos", "supervisor") and answers == ["photo", "yes", "not_sure"]
    assert deck.step_of(("photos", "staged")) == 2
    assert deck.step_of(("start", "ask")) is None


def test_why_names_the_answers_that_change_the_verdict(example_catalog):
    deck = d.Deck(example_catalog, example_catalog.scenarios["posed-photo"])
    first, second = why_steps(example_catalog, deck.steps, deck.outcome)
    assert (first.question, first.given) == ("Is a candidate in the photo?", "Yes")
    assert why_lines(first) == ["If “No”  →  Acceptable: “You may carry on”"]
    assert why_lines(second) == [
        "If “No, it is general filming”  →  Acceptable: “You may carry on”",
        "If “I'm not sure”  →  Speak to a supervisor first: “Ask a supervisor first”",
    ]


def test_why_sums_up_answers_that_only_lead_to_more_questions(example_catalog):
    deck = d.Deck(example_catalog, example_catalog.scenarios["something-else"])
    [first] = why_steps(example_catalog, deck.steps, deck.outcome)
    assert first.further == ("A photo", "A posed photo")
    assert why_lines(first) == ["“A photo” or “A posed photo”  →  more questions first."]
    deck = d.Deck(example_catalog, example_catalog.scenarios["unsure-where-to-start"])
    first = why_steps(example_catalog, deck.steps, deck.outcome)[0]
    assert why_lines(first) == ["Any other answer here: the same verdict."]


def test_quiz_report_says_where_the_paths_parted(example_catalog):
    scenario = example_catalog.scenarios["unsure-where-to-start"]
    trainee = Walk(example_catalog, "start")
    for answer in ("photo", "yes", "yes"):
        trainee.answer(answer)
    r = quiz_report(example_catalog, scenario, trainee)
    assert not r.perfect and not r.same_verdict
    assert r.parting.index == 2 and r.question.id == "staged"
    assert (r.expected_answer.label, r.given_answer.label) == ("I'm not sure", "Yes, it is posed")
    assert [c.clause_id for c in r.expected_clauses] == ["doubt", "staged"]
    assert [c.clause_id for c in r.reached_clauses] == ["staged"]


def test_a_perfect_quiz_has_no_parting(example_catalog):
    scenario = example_catalog.scenarios["posed-photo"]
    r = quiz_report(example_catalog, scenario, scenario.walk(example_catalog))
    assert r.perfect and r.parting is None and r.same_verdict
