"""Topic search: what a user typing "What are you trying to do?" finds, and in what order."""

from __future__ import annotations

from wizard.core.model import Question, Tree
from wizard.core.search import fold, search, stem


def topic(
    tid: str,
    title: str,
    keywords: tuple[str, ...] = (),
    questions: tuple[str, ...] = (),
    summary: str = "",
    order: int = 100,
) -> Tree:
    qs = {f"q{i}": Question(f"q{i}", text, ()) for i, text in enumerate(questions)}
    return Tree(
        tid,
        title,
        summary or f"About {tid}",
        "1.0",
        "2026-01-01",
        "src",
        "q0",
        keywords,
        qs,
        {},
        f"{tid}.yaml",
        "0" * 64,
        order,
    )


PHOTOS = topic(
    "photos",
    "Photos and filming with candidates",
    ("selfie", "camera"),
    ("Is a candidate in the photo?", "Is the photo staged?"),
)
SOCIAL = topic(
    "social",
    "Social media",
    ("retweet", "like", "share", "post"),
    ("Is it your personal account?", "Would you mention a candidate?"),
)
BADGES = topic(
    "badges",
    "Badges, rosettes and leaflets",
    ("badge", "rosette", "leaflet"),
    ("Are you on duty?",),
)
VISITS = topic(
    "visits",
    "Candidate visits to police buildings",
    ("visit", "station"),
    ("Is the visit only for publicity?",),
    order=5,
)
SNAPS = topic("snaps", "House rules", (), ("May a candidate take a photo in the canteen?",))
ALL = [PHOTOS, SOCIAL, BADGES, VISITS, SNAPS]


def ids(query: str) -> list[str]:
    return [h.tree.id for h in search(ALL, query)]


def test_the_words_the_issue_names_each_find_their_topic():
    assert ids("photo")[0] == "photos"
    assert ids("retweet") == ["social"]
    assert ids("badge") == ["badges"]
    assert ids("leaflet") == ["badges"]
    assert ids("visit") == ["visits"]


def test_plurals_and_ing_forms_find_the_same_topics():
    assert ids("photos") == ids("photo")
    assert ids("retweeting") == ["social"]
    assert ids("retweeted ") == ["social"]
    assert ids("badges ") == ["badges"]
    assert ids("visiting ") == ["visits"]


def test_case_and_accents_do_not_matter():
    assert ids("PHOTO") == ids("photo")
    assert ids("Sélfie") == ["photos"]
    assert fold("Café’s") == "cafe's"


def test_a_title_match_outranks_a_keyword_match_which_outranks_question_text():
    titled = topic("t", "Leaflets", ())
    keyworded = topic("k", "Something else", ("leaflet",), order=0)
    asked = topic("q", "Other", (), ("Are you handing out a leaflet?",), order=0)
    assert [h.tree.id for h in search([asked, keyworded, titled], "leaflet")] == ["t", "k", "q"]


def test_a_question_match_says_which_question_matched():
    hit = search(ALL, "canteen")[0]
    assert hit.tree.id == "snaps"
    assert (hit.field, hit.text) == ("question", "May a candidate take a photo in the canteen?")


def test_the_word_being_typed_matches_as_a_prefix_but_a_finished_word_does_not():
    assert ids("retw") == ["social"]
    assert ids("ros") == ["badges"]
    assert ids("ros ") == []


def test_topics_matching_every_word_hide_those_matching_only_some():
    assert ids("retweet a candidate") == ["social"]
    assert set(ids("photo badge ")) == {"photos", "badges", "snaps"}


def test_small_words_are_ignored_unless_nothing_else_is_typed():
    assert ids("can I retweet") == ["social"]
    assert ids("   ") == []
    assert ids("") == []


def test_ties_keep_the_home_screen_order():
    assert ids("candidate")[:2] == ["visits", "photos"]


def test_stems_are_consistent_and_never_too_short():
    for a, b in [
        ("photo", "photos"),
        ("retweet", "retweeting"),
        ("party", "parties"),
        ("badge", "badges"),
        ("stop", "stopping"),
        ("stage", "staged"),
        ("selfie", "selfies"),
        ("reply", "replies"),
        ("reply", "replying"),
    ]:
        assert stem(a) == stem(b), (a, b)
    assert stem("yes") == "yes"
    assert stem("class") == "class"
    assert stem("bus") == "bus"
