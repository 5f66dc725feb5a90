"""Situations as officers and staff tell them, walked through the start tree with the answers that
person would give. Each asserts the verdict and the clauses the outcome quotes."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from wizard.core.replay import replay


@dataclass(frozen=True)
class Scenario:
    story: str
    answers: dict[str, str]  # "tree:question" -> answer id, starting with the start tree's question
    verdict: str
    cites: tuple[str, ...]


S = Scenario
OWN_TIME = ("campaigning-outside-work", "staff-and-pcsos", "personal-social-media")
SCENARIOS = [
    # -- photos and filming
    S("A candidate asks me, on duty, to shake hands for a photo.",
      {"start:about": "photos", "photos:candidate_present": "yes", "photos:staged": "yes",
       "photos:on_duty": "yes"},
      "do_not", ("photos-with-candidates", "staff-and-pcsos")),
    S("A PCSO on patrol is asked by a candidate to stand beside him for his leaflet photo.",
      {"start:about": "photos", "photos:candidate_present": "yes", "photos:staged": "yes",
       "photos:on_duty": "yes"},
      "do_not", ("photos-with-candidates", "staff-and-pcsos")),
    S("A candidate's team films the high street as I pass on patrol; nobody asks me to pose.",
      {"start:about": "photos", "photos:candidate_present": "yes", "photos:staged": "no"},
      "acceptable", ("photos-with-candidates",)),
    S("Off duty at a summer fete, a candidate asks me, a special constable, for a handshake photo.",
      {"start:about": "photos", "photos:candidate_present": "yes", "photos:staged": "yes",
       "photos:on_duty": "no", "photos:off_duty_role": "special"},
      "do_not", ("photos-with-candidates", "campaigning-outside-work")),
    S("Off duty and out of uniform, I (police staff, not a restricted post) pose with the "
      "candidate I support.",
      {"start:about": "photos", "photos:candidate_present": "yes", "photos:staged": "yes",
       "photos:on_duty": "no", "photos:off_duty_role": "staff",
       "campaigning:restricted_post": "no"},
      "acceptable_with_care", OWN_TIME),
    S("A party worker wants a photo of me in uniform for their leaflet; no candidate is in it.",
      {"start:about": "photos", "photos:candidate_present": "for_campaign",
       "photos:campaign_on_duty": "yes"},
      "do_not", ("political-neutrality", "fairness")),
    S("A man wants a selfie with me at an event; he might be a candidate, I don't know.",
      {"start:about": "photos", "photos:candidate_present": "not_sure"},
      "speak_to_supervisor", ("if-in-doubt", "photos-with-candidates")),
    S("A candidate's photographer keeps edging into shot; I can't tell whether it counts as posed.",
      {"start:about": "photos", "photos:candidate_present": "yes", "photos:staged": "not_sure"},
      "speak_to_supervisor", ("if-in-doubt", "photos-with-candidates")),
    S("A school asks for a photo of me with the pupils; it has nothing to do with the election.",
      {"start:about": "photos", "photos:candidate_present": "no"},
      "acceptable_with_care", ("fairness",)),
    S("A candidate wants a handshake photo while I'm, a special, waiting to be booked on, out of "
      "uniform.",
      {"start:about": "photos", "photos:candidate_present": "yes", "photos:staged": "yes",
       "photos:on_duty": "not_sure"},
      "speak_to_supervisor", ("if-in-doubt", "photos-with-candidates", "campaigning-outside-work")),
    # -- social media
    S("I want to retweet a candidate's post about falling crime from our team account.",
      {"start:about": "social_media", "social-media:account": "official",
       "social-media:official_post": "like_share"},
      "do_not", ("official-social-media", "political-neutrality", "political-statements")),
    S("A candidate posted that our station is closing, which is wrong; I want to correct it "
      "from the force account.",
      {"start:about": "social_media", "social-media:account": "official",
       "social-media:official_post": "answer_claim"},
      "refer_corporate_comms", ("political-statements", "official-social-media")),
    S("I run the neighbourhood account and want to post a witness appeal.",
      {"start:about": "social_media", "social-media:account": "official",
       "social-media:official_post": "routine"},
      "acceptable_with_care", ("publicity-period", "official-social-media", "fairness")),
    S("I want the team account to post a reminder of where the polling stations are.",
      {"start:about": "social_media", "social-media:account": "official",
       "social-media:official_post": "political"},
      "speak_to_supervisor", ("publicity-period", "official-social-media", "if-in-doubt")),
    S("As a police officer I want to like a candidate's post on my own Facebook.",
      {"start:about": "social_media", "social-media:account": "personal",
       "social-media:personal_post": "like_share", "social-media:personal_role": "officer"},
      "do_not", ("political-neutrality", "political-opinions", "personal-social-media",
                 "campaigning-outside-work", "criminal-offence")),
    S("I'm police staff; my Instagram shows me at work. I want to share my party's post.",
      {"start:about": "social_media", "social-media:account": "personal",
       "social-media:personal_post": "like_share", "social-media:personal_role": "staff",
       "social-media:mentions_employer": "yes"},
      "do_not", ("political-neutrality", "personal-social-media")),
    S("A PCSO whose personal account never mentions the police wants to post her views on the "
      "election; her post is not politically restricted.",
      {"start:about": "social_media", "social-media:account": "personal",
       "social-media:personal_post": "views", "social-media:personal_role": "pcso",
       "social-media:mentions_employer": "no", "campaigning:restricted_post": "no"},
      "acceptable_with_care", OWN_TIME),
    S("I don't know whether our shift's community page counts as an official account.",
      {"start:about": "social_media", "social-media:account": "not_sure"},
      "speak_to_supervisor", ("official-social-media", "if-in-doubt")),
    S("I want to post on my own Instagram about passing my probation; nothing political.",
      {"start:about": "social_media", "social-media:account": "personal",
       "social-media:personal_post": "work"},
      "acceptable_with_care", ("personal-social-media", "fairness")),
    S("I'm police staff and can't tell whether my profile shows where I work; I want to share a "
      "party's post.",
      {"start:about": "social_media", "social-media:account": "personal",
       "social-media:personal_post": "like_share", "social-media:personal_role": "staff",
       "social-media:mentions_employer": "not_sure"},
      "speak_to_supervisor", ("personal-social-media", "if-in-doubt")),
    # -- talking about politics at work
    S("At a residents' meeting I'd like to say what I think of a candidate's housing plans.",
      {"start:about": "talking", "talking-politics:topic": "criticise"},
      "do_not", ("policing-viewpoint", "political-opinions")),
    S("A member of the public asks me on patrol what I think of a candidate's promise of more "
      "police funding.",
      {"start:about": "talking", "talking-politics:topic": "funding"},
      "do_not", ("policing-viewpoint",)),
    S("At a community meeting I'm asked how our drugs operation works.",
      {"start:about": "talking", "talking-politics:topic": "policing_view"},
      "acceptable_with_care", ("policing-viewpoint", "political-opinions")),
    S("A resident repeats a wrong burglary figure to me; I want to give the right one.",
      {"start:about": "talking", "talking-politics:topic": "correct",
       "talking-politics:wrong_where": "public"},
      "acceptable_with_care", ("policing-viewpoint",)),
    S("Chatting to a shopkeeper on my beat, I'd like to say which party I'd back.",
      {"start:about": "talking", "talking-politics:topic": "opinion"},
      "do_not", ("political-opinions", "fairness")),
    S("A teacher asks me to tell her class on a school visit why voting matters.",
      {"start:about": "talking", "talking-politics:topic": "other"},
      "speak_to_supervisor", ("political-opinions", "if-in-doubt")),
    S("On duty, a member of the public asks me, an officer, who to vote for; I want to say.",
      {"start:about": "talking", "talking-politics:topic": "vote",
       "talking-politics:vote_role": "officer"},
      "criminal_offence", ("criminal-offence", "staff-and-pcsos")),
    S("At the front counter a visitor asks me, a PCSO, who to vote for.",
      {"start:about": "talking", "talking-politics:topic": "vote",
       "talking-politics:vote_role": "pcso"},
      "do_not", ("staff-and-pcsos", "criminal-offence", "political-opinions")),
    S("A resident waves a party leaflet with a wrong claim about our response times and asks me if "
      "it's true.",
      {"start:about": "statement", "statements:respond": "public",
       "talking-politics:topic": "correct", "talking-politics:wrong_where": "candidate"},
      "refer_corporate_comms", ("political-statements",)),
    # -- station visits
    S("A candidate wants to come to our neighbourhood base with a photographer to be seen with the "
      "team.",
      {"start:about": "visit", "station-visits:purpose": "publicity"},
      "do_not", ("station-visits",)),
    S("A candidate comes to the front counter to report her car stolen.",
      {"start:about": "visit", "station-visits:purpose": "as_public"},
      "acceptable_with_care", ("station-visits", "photos-with-candidates")),
    S("A sitting MP who is standing again asks for a tour of the station.",
      {"start:about": "visit", "station-visits:purpose": "other"},
      "speak_to_supervisor", ("station-visits", "if-in-doubt")),
    # -- complaints and enquiries
    S("A councillor standing again emails me, the officer in the case, about a resident's "
      "complaint of anti-social behaviour.",
      {"start:about": "complaint", "complaints:on_behalf": "yes", "complaints:role": "officer"},
      "acceptable_with_care", ("complaints-enquiries", "political-opinions")),
    S("In the contact centre (police staff) I get a candidate's enquiry for a constituent.",
      {"start:about": "complaint", "complaints:on_behalf": "yes", "complaints:role": "staff"},
      "speak_to_supervisor", ("complaints-enquiries",)),
    S("A candidate asks me for ward crime figures for their leaflet.",
      {"start:about": "complaint", "complaints:on_behalf": "no"},
      "speak_to_supervisor", ("complaints-enquiries", "if-in-doubt")),
    # -- political statements and press releases
    S("A party press release says our response times have doubled; I want to put the record "
      "straight with the local paper.",
      {"start:about": "statement", "statements:respond": "reply"},
      "refer_corporate_comms", ("political-statements",)),
    S("A journalist rings me for a reaction to a candidate's statement about the force.",
      {"start:about": "statement", "statements:respond": "journalist"},
      "refer_corporate_comms", ("political-statements", "political-opinions")),
    S("A candidate's leaflet praises my team by name and I don't know what to do about it.",
      {"start:about": "statement", "statements:respond": "other"},
      "speak_to_supervisor", ("political-statements", "if-in-doubt")),
    # -- badges
    S("I want to wear my party's pin on my uniform lanyard.",
      {"start:about": "badge", "badges:what": "party", "badges:on_duty": "yes"},
      "do_not", ("political-badges",)),
    S("A special constable wants to wear a rosette at a rally on Saturday, off duty.",
      {"start:about": "badge", "badges:what": "party", "badges:on_duty": "no",
       "campaigning:support_role": "special"},
      "do_not", ("campaigning-outside-work",)),
    S("A member of staff wants a badge for a campaign about a local issue on her lanyard.",
      {"start:about": "badge", "badges:what": "cause"},
      "speak_to_supervisor", ("political-badges", "if-in-doubt")),
    # -- politics in your own time
    S("An officer wants to deliver leaflets for his brother's campaign at the weekend.",
      {"start:about": "own_time", "campaigning:activity": "campaign",
       "campaigning:campaign_role": "officer"},
      "criminal_offence", ("campaigning-outside-work", "criminal-offence", "staff-and-pcsos")),
    S("A special constable tells his family over dinner who to vote for.",
      {"start:about": "own_time", "campaigning:activity": "persuade",
       "campaigning:persuade_role": "special"},
      "criminal_offence", ("criminal-offence", "staff-and-pcsos")),
    S("An officer wants to go to a candidate's rally as a supporter, off duty.",
      {"start:about": "own_time", "campaigning:activity": "support",
       "campaigning:support_role": "officer"},
      "do_not", ("campaigning-outside-work",)),
    S("Police staff, not in a restricted post, wants to canvass door to door on Saturday.",
      {"start:about": "own_time", "campaigning:activity": "campaign",
       "campaigning:campaign_role": "staff", "campaigning:restricted_post": "no"},
      "acceptable_with_care", OWN_TIME),
    S("I work in the Police and Crime Commissioner's office and want to help a campaign.",
      {"start:about": "own_time", "campaigning:activity": "support",
       "campaigning:support_role": "staff", "campaigning:restricted_post": "yes"},
      "do_not", ("campaigning-outside-work",)),
    S("A PCSO wants to put up a poster but doesn't know whether her post is restricted.",
      {"start:about": "own_time", "campaigning:activity": "campaign",
       "campaigning:campaign_role": "pcso", "campaigning:restricted_post": "not_sure"},
      "speak_to_supervisor", ("campaigning-outside-work", "if-in-doubt")),
    S("A PCSO, in her own time, tells a friend how she should vote.",
      {"start:about": "own_time", "campaigning:activity": "persuade",
       "campaigning:persuade_role": "pcso", "campaigning:persuade_where": "no",
       "campaigning:restricted_post": "no"},
      "acceptable_with_care", OWN_TIME),
    S("A member of police staff wants to tell colleagues in the office how to vote.",
      {"start:about": "own_time", "campaigning:activity": "persuade",
       "campaigning:persuade_role": "staff", "campaigning:persuade_where": "yes"},
      "do_not", ("staff-and-pcsos", "criminal-offence", "political-opinions")),
    S("A PCSO isn't sure whether the residents' group chat she is in counts as work.",
      {"start:about": "own_time", "campaigning:activity": "persuade",
       "campaigning:persuade_role": "pcso", "campaigning:persuade_where": "not_sure"},
      "speak_to_supervisor", ("staff-and-pcsos", "if-in-doubt")),
    S("I'm thinking of standing for the council myself.",
      {"start:about": "own_time", "campaigning:activity": "other"},
      "speak_to_supervisor", ("campaigning-outside-work", "if-in-doubt")),
    # -- none of the topics
    S("I've been asked to give a talk at a hustings while on duty.",
      {"start:about": "other"},
      "speak_to_supervisor", ("if-in-doubt", "fairness", "publicity-period")),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.story[:60])
def test_scenario(shipped, scenario: Scenario) -> None:
    result = replay(shipped, "start", scenario.answers)
    assert result.pending is None, f"stopped at {result.pending_dict()}"
    assert result.unused == [], f"answers not on this path: {result.unused}"
    outcome = result.walk.outcome
    assert (outcome.verdict, outcome.cite) == (scenario.verdict, scenario.cites)


def test_scenarios_cover_every_topic_verdict_and_role(shipped) -> None:
    from wizard.core.verdicts import VERDICTS

    topics = {shipped.trees["start"].questions["about"].answer(s.answers["start:about"]).tree
              for s in SCENARIOS}
    assert topics - {None} == {a.tree for a in shipped.trees["start"].questions["about"].answers
                               if a.tree}
    assert {s.verdict for s in SCENARIOS} == set(VERDICTS)
    roles = {v for s in SCENARIOS for v in s.answers.values()} & {"officer", "special", "pcso",
                                                                   "staff"}
    assert roles == {"officer", "special", "pcso", "staff"}
    assert len(SCENARIOS) >= 30


def test_every_outcome_is_told_by_some_scenario(shipped) -> None:
    """Not every path needs a story, but every outcome the trees give has one."""
    reached = set()
    for s in SCENARIOS:
        walk = replay(shipped, "start", s.answers).walk
        reached.add((walk.position[0], walk.position[1]))
    every = {(t.id, o) for t in shipped.trees.values() for o in t.outcomes}
    assert every - reached == set()
