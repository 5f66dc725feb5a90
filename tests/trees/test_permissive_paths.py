"""No honest route ends at "you may" without asking what could turn it into "no".

A verdict of acceptable or acceptable_with_care is only as good as the questions asked on the way:
who the person is (role), where and when (setting: on duty, at work, in uniform, in which
forum), and what it is for (purpose). Every path from every topic to a permissive outcome must
have asked all three, unless the table below says, for that outcome, why a fact cannot change the
verdict. A new permissive outcome, or a route that skips a question, fails here until the tree
asks it or the excuse is written down and reviewed.
"""

from __future__ import annotations

import pytest

from wizard.core.catalog import Catalog
from wizard.core.paths import TreePath, all_paths

PERMISSIVE = {"acceptable", "acceptable_with_care"}

# Questions that settle each fact, besides the shared questions named in SHARED.
SHARED = {"role": "role", "setting": "on_duty"}
SETTING = {
    ("talking-politics", "setting"),
    ("events", "hustings_why"),
    ("events", "candidate_why"),
    ("events", "polling_what"),
    ("campaigning", "through_job"),
    ("photos", "as_police"),
    ("family", "poster_seen"),
    ("campaigners", "cause_linked"),
    ("campaigners", "back_through_job"),
}
PURPOSE = {
    ("photos", "candidate_present"),
    ("photos", "staged"),
    ("photos", "as_police"),
    ("campaigning", "activity"),
    ("campaigning", "stand_what"),
    ("social-media", "official_post"),
    ("social-media", "personal_post"),
    ("social-media", "routine_check"),
    ("talking-politics", "topic"),
    ("events", "kind"),
    ("events", "community_what"),
    ("events", "hustings_why"),
    ("events", "candidate_why"),
    ("events", "polling_what"),
    ("statements", "respond"),
    ("station-visits", "purpose"),
    ("complaints", "on_behalf"),
    ("force-output", "what"),
    ("force-output", "routine_check"),
    ("force-output", "pcc_what"),
    ("badges", "what"),
    ("family", "what"),
    ("family", "event_kind"),
    ("family", "photo_kind"),
    ("campaigners", "activist_what"),
    ("campaigners", "cause_what"),
}

WORK_BY_DEFINITION = "it is done at work by definition"
ANY_ROLE = "the guidance gives every role the same answer here"
EXCUSED: dict[tuple[str, str], dict[str, str]] = {
    ("photos", "general_filming"): {
        "role": "general filming is generally acceptable for everyone in it",
        "setting": "it cannot be prevented, on duty or off",
    },
    ("photos", "no_candidate"): {
        "role": "a photo with nothing to do with the election touches no rule for any role",
        "setting": "the same on duty or off: nothing in it concerns the election",
    },
    ("campaigning", "staff_member"): {
        "setting": "joining a party is not done on a shift; the advice keeps it out of work"
    },
    ("social-media", "official_routine"): {
        "role": "an official account speaks for the force, whoever posts",
        "setting": WORK_BY_DEFINITION,
    },
    ("social-media", "personal_work"): {
        "role": "a post with nothing political in it is no breach for any role",
        "setting": "nothing political is posted, whenever it is posted",
    },
    ("talking-politics", "policing_viewpoint"): {
        "role": "'staff' in the policing-viewpoint bullet is read as everyone (READINGS.md)"
    },
    ("events", "police_event"): {"role": "policing an event is duty for every role"},
    ("events", "listen_hustings"): {
        "role": "listening to every candidate supports none; the advice limits officers to "
        "listening"
    },
    ("events", "community_event"): {
        "role": "an event run by others is no election event; the advice is every role's",
        "setting": "the same on duty or off: no posing, no politics",
    },
    ("events", "polling_duty"): {"role": "policing the poll is duty for every role"},
    ("events", "voter_neutral"): {"role": "practical facts about voting are no opinion for anyone"},
    ("station-visits", "as_public"): {"role": ANY_ROLE, "setting": WORK_BY_DEFINITION},
    ("complaints", "candidate_victim"): {"role": ANY_ROLE, "setting": WORK_BY_DEFINITION},
    ("force-output", "routine_news"): {
        "role": "the force speaks, whoever drafts it",
        "setting": WORK_BY_DEFINITION,
    },
    ("force-output", "pcc_business"): {
        "role": "the force's business, whoever arranges it",
        "setting": WORK_BY_DEFINITION,
    },
    ("campaigners", "police_campaigners"): {
        "role": "policing campaigners is duty for every role",
        "setting": WORK_BY_DEFINITION,
    },
    ("family", "family_private"): {
        "role": "time with family, with no campaigning in it, supports no candidate for any role",
        "setting": "a private family occasion is not work; the advice keeps work out of it",
    },
    ("family", "family_photo_private"): {
        "role": "photos kept in the family are no campaign material for any role",
        "setting": "the photo stays private, whenever it is taken; the advice rules out uniform",
    },
}


def facts_asked(path: TreePath) -> set[str]:
    """Which of role, setting and purpose the path's questions settled."""
    out: set[str] = set()
    for step in path.steps:
        ref = (step.tree_id, step.question.id)
        out |= {fact for fact, shared in SHARED.items() if step.question.shared == shared}
        if ref in SETTING:
            out.add("setting")
        if ref in PURPOSE:
            out.add("purpose")
    return out


def permissive_paths(catalog: Catalog) -> list[TreePath]:
    return [
        p
        for tree_id in catalog.trees
        for p in all_paths(catalog, tree_id)
        if p.outcome is not None and p.outcome.verdict in PERMISSIVE
    ]


def test_every_permissive_path_asks_what_could_turn_it_into_no(shipped: Catalog) -> None:
    missing = []
    for p in permissive_paths(shipped):
        ref = (p.tree_id, p.outcome.id)
        needed = {"role", "setting", "purpose"} - set(EXCUSED.get(ref, {}))
        unasked = needed - facts_asked(p)
        if unasked:
            route = " ".join(f"{s.tree_id}:{s.question.id}={s.answer.id}" for s in p.steps)
            missing.append(f"{ref[0]}:{ref[1]} never asks {sorted(unasked)}: {route}")
    assert missing == []


@pytest.mark.parametrize("ref", sorted(EXCUSED))
def test_every_excuse_is_for_a_permissive_outcome_that_needs_it(
    shipped: Catalog, ref: tuple[str, str]
) -> None:
    outcome = shipped.trees[ref[0]].outcomes.get(ref[1])
    assert outcome is not None and outcome.verdict in PERMISSIVE, f"{ref} is not permissive"
    paths = [p for p in permissive_paths(shipped) if (p.tree_id, p.outcome.id) == ref]
    for fact in EXCUSED[ref]:
        assert any(fact not in facts_asked(p) for p in paths), (
            f"every route to {ref[0]}:{ref[1]} asks the {fact}: remove the excuse"
        )
