"""`python -m wizard diff OLD NEW`: what a release changes, as a policy review meeting reads it."""

from __future__ import annotations

import json
import time
from pathlib import Path

from tests.core import release
from tests.core.treegen import chain_tree_yaml
from wizard.cli.main import main
from wizard.core.diff import diff_catalogs, format_diff
from wizard.library.folder import load_folder


def diff(tmp_path: Path, **edits):
    old = release.old_folder(tmp_path)
    new = release.new_folder(tmp_path, **edits)
    return diff_catalogs(load_folder(old), load_folder(new))


def topic(result, tree_id: str):
    return next(t for t in result.topics if t.tree_id == tree_id)


def answers_of(situation) -> list[str]:
    return situation.keys()


def test_the_same_trees_change_nothing(tmp_path):
    result = diff(tmp_path)
    assert result.verdicts_changed == 0 and not result.guidance and not result.shared
    assert all(t.status == "same" for t in result.topics)
    assert "No verdict changes" in format_diff(result)


def test_a_changed_verdict_names_the_situation_and_both_verdicts(tmp_path):
    result = diff(tmp_path, photos=release.changed_verdict())
    photos = topic(result, "photos")
    assert photos.old_version == "1.0" and photos.new_version == "1.1"
    [situation] = photos.changed
    assert answers_of(situation) == ["candidate_present=yes", "staged=not_sure"]
    assert (situation.old.verdict, situation.new.verdict) == ("speak_to_supervisor", "do_not")
    assert situation.old.outcome_id == situation.new.outcome_id == "ask_supervisor"
    assert any(
        c.what == "outcome" and c.kind == "verdict" and c.id == "ask_supervisor"
        for c in photos.changes
    )
    # the topic that leads into photos shows the same situation from its own start
    [via_start] = topic(result, "start").changed
    assert answers_of(via_start) == [
        "about=photos",
        "photos:candidate_present=yes",
        "photos:staged=not_sure",
    ]
    assert result.verdicts_changed == 2
    text = format_diff(result)
    assert "candidate_present=yes, staged=not_sure" in text
    assert "was: Speak to a supervisor first [photos:ask_supervisor]" in text
    assert "now: Do not do this [photos:ask_supervisor]" in text


def test_a_removed_answer_lists_the_situations_that_can_no_longer_be_answered(tmp_path):
    result = diff(tmp_path, photos=release.removed_answer())
    photos = topic(result, "photos")
    assert photos.changed == []
    [gone] = photos.unanswerable
    assert answers_of(gone) == ["candidate_present=yes", "staged=not_sure"]
    assert gone.old.verdict == "speak_to_supervisor" and gone.new.outcome_id == ""
    assert "not_sure" in gone.new.why
    kinds = {(c.what, c.kind, c.id) for c in photos.changes}
    assert ("answer", "removed", "staged:not_sure") in kinds
    assert ("outcome", "removed", "ask_supervisor") in kinds
    assert "can no longer be answered" in format_diff(result)


def test_a_new_question_splits_situations_by_the_answers_of_both_trees(tmp_path):
    result = diff(tmp_path, photos=release.new_question())
    photos = topic(result, "photos")
    changed = {tuple(answers_of(s)): (s.old.verdict, s.new.verdict) for s in photos.changed}
    assert changed == {
        ("candidate_present=yes", "staged=yes", "agreed=yes"): ("do_not", "acceptable_with_care"),
        ("candidate_present=yes", "staged=not_sure", "agreed=yes"): (
            "speak_to_supervisor",
            "acceptable_with_care",
        ),
    }
    assert ("question", "added", "agreed") in {(c.what, c.kind, c.id) for c in photos.changes}
    assert ("answer", "rerouted", "candidate_present:yes") in {
        (c.what, c.kind, c.id) for c in photos.changes
    }


def test_a_reworded_clause_is_shown_with_the_outcomes_that_quote_it(tmp_path):
    result = diff(tmp_path, guide=release.reworded_clause())
    assert result.verdicts_changed == 0
    [clause] = result.guidance
    assert (clause.kind, clause.id) == ("reworded", "guide:staged")
    assert "must never pose" in clause.new and "must not pose" in clause.old
    assert clause.quoted_by == ("photos:no_pose",)
    text = format_diff(result)
    assert "clause 'guide:staged' reworded" in text and "photos:no_pose" in text


def test_a_reworded_shared_question_shows_under_every_topic_that_asks_it(tmp_path):
    people = release.PEOPLE.replace("Would you be on duty?", "Would you be at work or in uniform?")
    result = diff(tmp_path, people=people)
    [shared] = result.shared
    assert (shared.kind, shared.id) == ("reworded", "on_duty")
    photos = topic(result, "photos")
    assert photos.status == "changed" and photos.old_version == photos.new_version == "1.0"
    assert any(
        c.what == "question" and c.kind == "reworded" and c.id == "duty" for c in photos.changes
    )
    assert "SHA-256" in format_diff(result)  # says the tree file itself did not change


def test_a_new_topic_lists_its_outcomes_and_the_new_situations_leading_to_it(tmp_path):
    result = diff(tmp_path, start=release.new_topic_start(), extra={"badges": release.BADGES})
    badges = topic(result, "badges")
    assert badges.status == "added" and badges.new_version == "1.0"
    assert {(c.what, c.id) for c in badges.changes} >= {
        ("outcome", "no_badge"),
        ("question", "wearing"),
    }
    start = topic(result, "start")
    assert {tuple(answers_of(s)) for s in start.added} == {
        ("about=badges", "badges:wearing=yes"),
        ("about=badges", "badges:wearing=no"),
    }
    assert start.changed == [] and result.verdicts_changed == 0
    assert "new topic" in format_diff(result).lower()


def test_a_tree_of_many_paths_is_compared_on_its_map_and_the_list_is_capped(tmp_path):
    old = release.write_folder(tmp_path / "old", {"chain": _chain("do_not")})
    new = release.write_folder(tmp_path / "new", {"chain": _chain("speak_to_supervisor")})
    began = time.perf_counter()
    result = diff_catalogs(load_folder(old), load_folder(new), limit=50)
    took = time.perf_counter() - began
    chain = topic(result, "chain")
    assert chain.counts["changed"] == 2**17  # half of 262,144 paths end at the changed outcome
    assert len(chain.changed) == 50 and took < 10
    assert f"and {2**17 - 50:,} more" in format_diff(result)


def _chain(last_verdict: str) -> str:
    text = chain_tree_yaml(18).replace("source: src", "source: guide")
    text = text.replace("cite: [c1]", "cite: [staged, general]").replace("[c2]", "[doubt]")
    return text.replace("verdict: do_not", f"verdict: {last_verdict}")


def test_the_command_prints_text_and_json(tmp_path, capsys):
    old = release.old_folder(tmp_path)
    new = release.new_folder(tmp_path, photos=release.changed_verdict())
    assert main(["diff", str(old), str(new)]) == 0
    text = capsys.readouterr().out
    assert "photos" in text and "version 1.0 → 1.1" in text
    assert main(["diff", str(old), str(new), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verdicts_changed"] == 2
    photos = next(t for t in data["topics"] if t["tree_id"] == "photos")
    [s] = photos["changed"]
    assert s["answers"] == [
        {"tree_id": "photos", "question_id": "candidate_present", "answer_id": "yes"},
        {"tree_id": "photos", "question_id": "staged", "answer_id": "not_sure"},
    ]
    assert s["old"]["verdict"] == "speak_to_supervisor" and s["new"]["verdict"] == "do_not"


def test_the_command_refuses_a_folder_with_broken_trees(tmp_path, capsys):
    old = release.old_folder(tmp_path)
    new = release.new_folder(tmp_path, photos=release.PHOTOS.replace("next: careful", "next: x"))
    assert main(["diff", str(old), str(new)]) == 2
    err = capsys.readouterr().err
    assert "photos.yaml" in err and "validate" in err


def test_a_shared_question_asked_under_another_id_is_still_one_answer(tmp_path):
    """'Would you be on duty?' moved to a question with a new id: one person answers it once,
    so no situation changes (it would, were the two ids two questions)."""
    renamed = release.PHOTOS.replace("next: duty", "next: working").replace(
        "  - id: duty\n    ask: on_duty", "  - id: working\n    ask: on_duty"
    )
    photos = topic(diff(tmp_path, photos=renamed), "photos")
    assert photos.counts["changed"] == 0 and photos.counts["unanswerable"] == 0
    assert ("question", "added", "working") in {(c.what, c.kind, c.id) for c in photos.changes}
