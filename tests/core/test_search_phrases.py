"""Everyday phrases an officer types into "What are you trying to do?", each with the topic of
the shipped trees (trees/*.yaml) that must come first. If a tree is rewritten and a phrase no
longer finds its topic, add a keyword to that tree's `keywords:` rather than drop the phrase.
"""

from __future__ import annotations

import pytest

from tests.conftest import SHIPPED_TREES
from wizard.core.search import search
from wizard.library.folder import load_folder

PHRASES = [
    # events
    ("hustings", "events"),
    ("hustings debate", "events"),
    ("speak at a hustings", "events"),
    ("invited to a debate", "events"),
    ("candidates' debate", "events"),
    ("polling station", "events"),
    ("policing a polling station", "events"),
    ("polling day", "events"),
    ("election count", "events"),
    ("the count", "events"),
    ("tellers", "events"),
    ("voter ID", "events"),
    ("where to vote", "events"),
    ("street stall", "events"),
    ("litter pick", "events"),
    ("village fete", "events"),
    ("community fair", "events"),
    ("street surgery", "events"),
    ("councillor's surgery", "events"),
    ("invitation to speak", "events"),
    ("go to a rally", "events"),
    # force-output
    ("PCC", "force-output"),
    ("Police and Crime Commissioner", "force-output"),
    ("commissioner", "force-output"),
    ("crime figures", "force-output"),
    ("crime statistics", "force-output"),
    ("news article", "force-output"),
    ("force news", "force-output"),
    ("new initiative", "force-output"),
    ("launch a new initiative", "force-output"),
    ("operation", "force-output"),
    ("funding announcement", "force-output"),
    ("publish figures", "force-output"),
    ("performance figures", "force-output"),
    ("re-election", "force-output"),
    ("joint visit with the PCC", "force-output"),
    # statements
    ("press release", "statements"),
    ("statement", "statements"),
    ("journalist", "statements"),
    ("reporter", "statements"),
    ("rebuttal", "statements"),
    ("respond to a claim", "statements"),
    ("Corporate Communications", "statements"),
    ("press office", "statements"),
    ("rebut a claim", "statements"),
    ("candidate said something about the police", "statements"),
    # campaigning
    ("knock on doors", "campaigning"),
    ("door knocking", "campaigning"),
    ("canvassing", "campaigning"),
    ("canvass", "campaigning"),
    ("deliver leaflets", "campaigning"),
    ("delivering leaflets", "campaigning"),
    ("day off", "campaigning"),
    ("rest day", "campaigning"),
    ("off duty", "campaigning"),
    ("in my own time", "campaigning"),
    ("my wife is standing", "family"),
    ("my husband is a candidate", "family"),
    ("partner standing for council", "family"),
    ("family photo", "family"),
    ("relative", "family"),
    ("conflict of interest", "family"),
    ("canvasser", "campaigners"),
    ("front counter", "station-visits"),
    ("party activist", "campaigners"),
    ("sign a petition", "campaigners"),
    ("save our station", "campaigners"),
    ("pressure group", "campaigners"),
    ("stand for election", "campaigning"),
    ("standing for election", "campaigning"),
    ("join a party", "campaigning"),
    ("party membership", "campaigning"),
    ("party member", "campaigning"),
    ("election agent", "campaigning"),
    ("tell someone how to vote", "campaigning"),
    ("politically restricted", "campaigning"),
    ("special constable", "campaigning"),
    ("PCSO", "campaigning"),
    ("campaign for a candidate", "campaigning"),
    # talking-politics
    ("correction", "talking-politics"),
    ("correct a mistake", "talking-politics"),
    ("facts are wrong", "talking-politics"),
    ("my opinion", "talking-politics"),
    ("political opinion", "talking-politics"),
    ("talking politics", "talking-politics"),
    ("talking about politics at work", "talking-politics"),
    ("member of the public asked me", "talking-politics"),
    ("who to vote for", "talking-politics"),
    ("more officers", "talking-politics"),
    ("policing viewpoint", "talking-politics"),
    ("criticise a policy", "talking-politics"),
    ("election promise", "talking-politics"),
    # social-media
    ("retweet", "social-media"),
    ("Facebook", "social-media"),
    ("Twitter", "social-media"),
    ("Instagram", "social-media"),
    ("TikTok", "social-media"),
    ("WhatsApp", "social-media"),
    ("social media", "social-media"),
    ("like a post", "social-media"),
    ("share a post", "social-media"),
    ("sharing a post", "social-media"),
    ("liking a tweet", "social-media"),
    ("repost", "social-media"),
    ("comment on a post", "social-media"),
    ("personal account", "social-media"),
    # photos
    ("photo", "photos"),
    ("photos", "photos"),
    ("selfie", "photos"),
    ("selfie with a candidate", "photos"),
    ("photograph", "photos"),
    ("take a photo", "photos"),
    ("filming", "photos"),
    ("video", "photos"),
    ("shake hands", "photos"),
    ("handshake", "photos"),
    ("photographer", "photos"),
    ("pose for a picture", "photos"),
    # badges
    ("badge", "badges"),
    ("rosette", "badges"),
    ("wear a rosette", "badges"),
    ("poster in the window", "badges"),
    ("garden sign", "badges"),
    ("car sticker", "badges"),
    ("lanyard", "badges"),
    ("party colours", "badges"),
    ("pin badge", "badges"),
    # complaints
    ("complaint", "complaints"),
    ("complaint from a candidate", "complaints"),
    ("MP's enquiry", "complaints"),
    ("letter from an MP", "complaints"),
    ("email from a councillor", "complaints"),
    ("casework", "complaints"),
    ("constituent", "complaints"),
    ("report a crime", "complaints"),
    ("hate crime", "complaints"),
    ("ride-along", "complaints"),
    ("ride along", "complaints"),
    ("arrest", "complaints"),
    ("victim", "complaints"),
    # station-visits
    ("station visit", "station-visits"),
    ("visit the station", "station-visits"),
    ("tour of the station", "station-visits"),
    ("neighbourhood base", "station-visits"),
    ("open day", "station-visits"),
    ("walkabout", "station-visits"),
    ("photo opportunity", "station-visits"),
    ("candidate wants to visit", "station-visits"),
]


@pytest.fixture(scope="module")
def topics():
    return [t for t in load_folder(SHIPPED_TREES).sorted_trees() if t.id != "start"]


def test_there_are_enough_phrases_and_each_names_a_real_topic(topics):
    assert len(PHRASES) >= 100
    assert {tid for _, tid in PHRASES} <= {t.id for t in topics}


@pytest.mark.parametrize(("phrase", "first"), PHRASES)
def test_the_phrase_finds_its_topic_first(topics, phrase, first):
    found = [h.tree.id for h in search(topics, phrase)]
    assert found[:1] == [first], found


@pytest.mark.parametrize("phrase", ["report", "day off", "rest day"])
def test_parts_of_words_are_not_matches(topics, phrase):
    """ "report" is not "reporter"; "day off" is not "open day" or "more officers"."""
    texts = [h.text for h in search(topics, phrase)]
    assert "reporter" not in texts and "more officers" not in texts
    assert search(topics, phrase)[0].text != "open day"
