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
OWN_TIME = ("campaigning-outside-work", "personal-social-media", "political-neutrality")
AT_WORK = ("campaigning-outside-work", "staff-and-pcsos", "political-opinions", "fairness")
OWN_POLITICS = {"start:about": "own_time", "start:own_what": "politics"}
OWN_BADGE = {"start:about": "own_time", "start:own_what": "badge"}
FAMILY = {"start:about": "own_time", "start:own_what": "family"}
CAMPAIGNERS = {"start:about": "complaint"}
CANDIDATE_ASKS = {"start:about": "complaint", "campaigners:who": "candidate"}
TO_STATION = {**CANDIDATE_ASKS, "complaints:on_behalf": "ride_along"}
SCENARIOS = [
    # -- photos and filming
    S(
        "A candidate asks me, on duty, to shake hands for a photo.",
        {
            "start:about": "photos",
            "photos:candidate_present": "yes",
            "photos:staged": "yes",
            "photos:on_duty": "yes",
        },
        "do_not",
        ("photos-with-candidates", "staff-and-pcsos"),
    ),
    S(
        "A PCSO on patrol is asked by a candidate to stand beside him for his leaflet photo.",
        {
            "start:about": "photos",
            "photos:candidate_present": "yes",
            "photos:staged": "yes",
            "photos:on_duty": "yes",
        },
        "do_not",
        ("photos-with-candidates", "staff-and-pcsos"),
    ),
    S(
        "A candidate's team films the high street as I pass on patrol; nobody asks me to pose.",
        {"start:about": "photos", "photos:candidate_present": "yes", "photos:staged": "no"},
        "acceptable_with_care",
        ("photos-with-candidates",),
    ),
    S(
        "Off duty at a summer fete, a candidate asks me, a special constable, for a handshake photo.",
        {
            "start:about": "photos",
            "photos:candidate_present": "yes",
            "photos:staged": "yes",
            "photos:on_duty": "no",
            "photos:off_duty_role": "special",
        },
        "do_not",
        ("photos-with-candidates", "campaigning-outside-work"),
    ),
    S(
        "Off duty and out of uniform, I (police staff, not a restricted post) pose with the "
        "candidate I support.",
        {
            "start:about": "photos",
            "photos:candidate_present": "yes",
            "photos:staged": "yes",
            "photos:on_duty": "no",
            "photos:off_duty_role": "staff",
            "photos:as_police": "no",
            "campaigning:restricted_post": "no",
        },
        "acceptable_with_care",
        OWN_TIME,
    ),
    S(
        "A party worker wants a photo of me in uniform for their leaflet; no candidate is in it.",
        {
            "start:about": "photos",
            "photos:candidate_present": "for_campaign",
            "photos:campaign_on_duty": "yes",
        },
        "do_not",
        ("political-neutrality", "fairness", "photos-with-candidates"),
    ),
    S(
        "A man wants a selfie with me at an event; he might be a candidate, I don't know.",
        {"start:about": "photos", "photos:candidate_present": "not_sure"},
        "speak_to_supervisor",
        ("if-in-doubt", "photos-with-candidates"),
    ),
    S(
        "A candidate's photographer keeps edging into shot; I can't tell whether it counts as posed.",
        {"start:about": "photos", "photos:candidate_present": "yes", "photos:staged": "not_sure"},
        "speak_to_supervisor",
        ("if-in-doubt", "photos-with-candidates"),
    ),
    S(
        "A school asks for a photo of me with the pupils; it has nothing to do with the election.",
        {"start:about": "photos", "photos:candidate_present": "no"},
        "acceptable_with_care",
        ("fairness",),
    ),
    S(
        "A candidate wants a handshake photo while I'm, a special, waiting to be booked on, out of "
        "uniform.",
        {
            "start:about": "photos",
            "photos:candidate_present": "yes",
            "photos:staged": "yes",
            "photos:on_duty": "not_sure",
        },
        "speak_to_supervisor",
        ("if-in-doubt", "photos-with-candidates", "campaigning-outside-work"),
    ),
    S(
        "Off duty, a PCSO is asked by a candidate who knows her from her beat to pose with him for "
        "his leaflet.",
        {
            "start:about": "photos",
            "photos:candidate_present": "yes",
            "photos:staged": "yes",
            "photos:on_duty": "no",
            "photos:off_duty_role": "pcso",
            "photos:as_police": "yes",
        },
        "do_not",
        ("fairness", "political-neutrality", "staff-and-pcsos"),
    ),
    S(
        "On patrol, a candidate hands me his phone and asks me to take photos of him with residents.",
        {"start:about": "photos", "photos:candidate_present": "take", "photos:take_on_duty": "yes"},
        "do_not",
        ("political-neutrality", "fairness", "staff-and-pcsos"),
    ),
    S(
        "A photo of me in uniform has turned up on a candidate's leaflet.",
        {"start:about": "photos", "photos:candidate_present": "already"},
        "speak_to_supervisor",
        ("political-neutrality", "fairness", "political-statements", "if-in-doubt"),
    ),
    S(
        "A candidate's team asks me to say a few words to their camera about crime on the estate.",
        {"start:about": "photos", "photos:candidate_present": "yes", "photos:staged": "interview"},
        "do_not",
        ("fairness", "political-neutrality", "political-opinions"),
    ),
    # -- social media
    S(
        "I want to retweet a candidate's post about falling crime from our team account.",
        {
            "start:about": "social_media",
            "social-media:account": "official",
            "social-media:official_post": "like_share",
        },
        "do_not",
        ("official-social-media", "political-neutrality", "political-statements"),
    ),
    S(
        "A candidate posted that our station is closing, which is wrong; I want to correct it "
        "from the force account.",
        {
            "start:about": "social_media",
            "social-media:account": "official",
            "social-media:official_post": "answer_claim",
        },
        "refer_corporate_comms",
        ("political-statements", "official-social-media"),
    ),
    S(
        "I run the neighbourhood account and want to post a witness appeal.",
        {
            "start:about": "social_media",
            "social-media:account": "official",
            "social-media:official_post": "routine",
            "social-media:routine_check": "no",
        },
        "acceptable_with_care",
        ("publicity-period", "official-social-media", "fairness"),
    ),
    S(
        "I want the team account to post a reminder of where the polling stations are.",
        {
            "start:about": "social_media",
            "social-media:account": "official",
            "social-media:official_post": "political",
        },
        "refer_corporate_comms",
        ("publicity-period", "fairness", "official-social-media", "political-statements"),
    ),
    S(
        "I run the neighbourhood account and want to post that burglaries in our ward are down "
        "a third this year.",
        {
            "start:about": "social_media",
            "social-media:account": "official",
            "social-media:official_post": "routine",
            "social-media:routine_check": "yes",
        },
        "refer_corporate_comms",
        ("publicity-period", "fairness", "official-social-media", "political-statements"),
    ),
    S(
        "I run the team account and want to post a thank-you to a local councillor; I'm not sure "
        "which kind of post that is.",
        {
            "start:about": "social_media",
            "social-media:account": "official",
            "social-media:official_post": "not_sure",
        },
        "speak_to_supervisor",
        ("publicity-period", "official-social-media", "if-in-doubt"),
    ),
    S(
        "Our team account retweeted a candidate's post by mistake this morning.",
        {
            "start:about": "social_media",
            "social-media:account": "official",
            "social-media:official_post": "already",
        },
        "speak_to_supervisor",
        ("official-social-media", "political-neutrality", "political-statements", "if-in-doubt"),
    ),
    S(
        "As a police officer I want to like a candidate's post on my own Facebook.",
        {
            "start:about": "social_media",
            "social-media:account": "personal",
            "social-media:personal_post": "like_share",
            "social-media:personal_role": "officer",
        },
        "do_not",
        (
            "political-neutrality",
            "political-opinions",
            "personal-social-media",
            "campaigning-outside-work",
            "criminal-offence",
        ),
    ),
    S(
        "I'm police staff; my Instagram shows me at work. I want to share my party's post.",
        {
            "start:about": "social_media",
            "social-media:account": "personal",
            "social-media:personal_post": "like_share",
            "social-media:personal_role": "staff",
            "social-media:mentions_employer": "yes",
        },
        "do_not",
        ("political-neutrality", "personal-social-media"),
    ),
    S(
        "A PCSO whose personal account never mentions the police wants to post her views on the "
        "election; her post is not politically restricted.",
        {
            "start:about": "social_media",
            "social-media:account": "personal",
            "social-media:personal_post": "views",
            "social-media:personal_role": "pcso",
            "social-media:mentions_employer": "no",
            "social-media:post_on_duty": "no",
            "campaigning:restricted_post": "no",
        },
        "acceptable_with_care",
        OWN_TIME,
    ),
    S(
        "On my break in the control room I, police staff, want to share a party's post from my "
        "own account, which doesn't mention the police.",
        {
            "start:about": "social_media",
            "social-media:account": "personal",
            "social-media:personal_post": "like_share",
            "social-media:personal_role": "staff",
            "social-media:mentions_employer": "no",
            "social-media:post_on_duty": "yes",
        },
        "do_not",
        AT_WORK,
    ),
    S(
        "I don't know whether our shift's community page counts as an official account.",
        {"start:about": "social_media", "social-media:account": "not_sure"},
        "speak_to_supervisor",
        ("official-social-media", "if-in-doubt"),
    ),
    S(
        "I want to post on my own Instagram about passing my probation; nothing political.",
        {
            "start:about": "social_media",
            "social-media:account": "personal",
            "social-media:personal_post": "work",
        },
        "acceptable_with_care",
        ("personal-social-media", "fairness"),
    ),
    S(
        "I'm police staff and can't tell whether my profile shows where I work; I want to share a "
        "party's post.",
        {
            "start:about": "social_media",
            "social-media:account": "personal",
            "social-media:personal_post": "like_share",
            "social-media:personal_role": "staff",
            "social-media:mentions_employer": "not_sure",
        },
        "speak_to_supervisor",
        ("personal-social-media", "if-in-doubt"),
    ),
    S(
        "Last night I shared a party's post on my own account, and now I'm not sure I should have.",
        {
            "start:about": "social_media",
            "social-media:account": "personal",
            "social-media:personal_post": "already",
        },
        "speak_to_supervisor",
        ("political-neutrality", "personal-social-media", "if-in-doubt"),
    ),
    # -- talking about politics at work
    S(
        "At a residents' meeting I'd like to say what I think of a candidate's housing plans.",
        {"start:about": "talking", "talking-politics:topic": "criticise"},
        "do_not",
        ("policing-viewpoint", "political-opinions"),
    ),
    S(
        "A member of the public asks me on patrol what I think of a candidate's promise of more "
        "police funding.",
        {"start:about": "talking", "talking-politics:topic": "funding"},
        "do_not",
        ("policing-viewpoint",),
    ),
    S(
        "At a community meeting I'm asked how our drugs operation works.",
        {
            "start:about": "talking",
            "talking-politics:topic": "policing_view",
            "talking-politics:setting": "people",
        },
        "acceptable_with_care",
        ("policing-viewpoint", "political-opinions", "political-statements"),
    ),
    S(
        "A resident repeats a wrong burglary figure to me; I want to give the right one.",
        {
            "start:about": "talking",
            "talking-politics:topic": "correct",
            "talking-politics:setting": "people",
        },
        "acceptable_with_care",
        ("policing-viewpoint", "political-opinions", "political-statements"),
    ),
    S(
        "Chatting to a shopkeeper on my beat, I'd like to say which party I'd back.",
        {"start:about": "talking", "talking-politics:topic": "opinion"},
        "do_not",
        ("political-opinions", "fairness"),
    ),
    S(
        "A teacher asks me to tell her class on a school visit why voting matters.",
        {"start:about": "talking", "talking-politics:topic": "other"},
        "speak_to_supervisor",
        ("political-opinions", "if-in-doubt"),
    ),
    S(
        "On duty, a member of the public asks me, an officer, who to vote for; I want to say.",
        {
            "start:about": "talking",
            "talking-politics:topic": "vote",
            "talking-politics:vote_role": "officer",
        },
        "criminal_offence",
        ("criminal-offence", "staff-and-pcsos"),
    ),
    S(
        "At the front counter a visitor asks me, a PCSO, who to vote for.",
        {
            "start:about": "talking",
            "talking-politics:topic": "vote",
            "talking-politics:vote_role": "pcso",
        },
        "do_not",
        ("political-opinions", "staff-and-pcsos", "fairness"),
    ),
    S(
        "A resident waves a party leaflet with a wrong claim about our response times and asks me if "
        "it's true.",
        {
            "start:about": "statement",
            "statements:respond": "public",
            "talking-politics:topic": "correct",
            "talking-politics:setting": "people",
        },
        "acceptable_with_care",
        ("policing-viewpoint", "political-opinions", "political-statements"),
    ),
    S(
        "Yesterday, on patrol, I told a resident I thought one of the candidates would be good for "
        "policing.",
        {"start:about": "talking", "talking-politics:topic": "already"},
        "speak_to_supervisor",
        ("political-opinions", "fairness", "political-statements", "if-in-doubt"),
    ),
    S(
        "A reporter stops me at a crime scene and asks whether the mayoral candidate is right about "
        "knife crime; I'd like to give the police view.",
        {
            "start:about": "talking",
            "talking-politics:topic": "policing_view",
            "talking-politics:setting": "press",
        },
        "refer_corporate_comms",
        ("political-statements", "political-opinions"),
    ),
    # -- hustings, candidates' events, polling day and the count
    S(
        "I've been asked to give a talk at a hustings while on duty.",
        {"start:about": "events", "events:kind": "hustings", "events:hustings_why": "speak"},
        "speak_to_supervisor",
        ("fairness", "policing-viewpoint", "political-opinions", "if-in-doubt"),
    ),
    S(
        "I'm on the serial policing the hustings at the town hall tonight.",
        {"start:about": "events", "events:kind": "hustings", "events:hustings_why": "police"},
        "acceptable_with_care",
        ("photos-with-candidates", "political-opinions", "political-neutrality"),
    ),
    S(
        "Off duty and out of uniform, I, a special constable, want to go to the hustings in my "
        "village to hear the candidates.",
        {
            "start:about": "events",
            "events:kind": "hustings",
            "events:hustings_why": "listen",
            "events:listen_on_duty": "no",
        },
        "acceptable_with_care",
        ("fairness", "campaigning-outside-work", "if-in-doubt"),
    ),
    S(
        "On my shift I'd like to drop into the hustings at the community centre to hear what the "
        "candidates say about policing.",
        {
            "start:about": "events",
            "events:kind": "hustings",
            "events:hustings_why": "listen",
            "events:listen_on_duty": "yes",
        },
        "speak_to_supervisor",
        ("fairness", "political-neutrality", "if-in-doubt"),
    ),
    S(
        "A candidate has invited our neighbourhood team to run a crime-prevention stall at his "
        "campaign launch.",
        {
            "start:about": "events",
            "events:kind": "candidate_event",
            "events:candidate_why": "as_police",
        },
        "do_not",
        ("fairness", "political-neutrality", "photos-with-candidates", "station-visits"),
    ),
    S(
        "A PCSO wants to help, in her own time, at a litter-pick a candidate has organised on her "
        "beat.",
        {
            "start:about": "events",
            "events:kind": "candidate_event",
            "events:candidate_why": "attend",
            "events:attend_on_duty": "no",
            "events:attend_role": "pcso",
            "campaigning:through_job": "yes",
        },
        "do_not",
        AT_WORK,
    ),
    S(
        "I'm police staff in the control room, not in a restricted post, and want to help at a "
        "candidate's street stall on my day off, far from where I work.",
        {
            "start:about": "events",
            "events:kind": "candidate_event",
            "events:candidate_why": "attend",
            "events:attend_on_duty": "no",
            "events:attend_role": "staff",
            "campaigning:through_job": "no",
            "campaigning:restricted_post": "no",
        },
        "acceptable_with_care",
        OWN_TIME,
    ),
    S(
        "I'm on duty at our crime-prevention stall at the school fete, and a candidate has just "
        "turned up.",
        {"start:about": "events", "events:kind": "community", "events:community_what": "carry_on"},
        "acceptable_with_care",
        ("photos-with-candidates", "political-neutrality", "fairness"),
    ),
    S(
        "At the school fete, a candidate asks me to join him on his stall for the afternoon.",
        {"start:about": "events", "events:kind": "community", "events:community_what": "join_in"},
        "do_not",
        ("fairness", "political-neutrality", "photos-with-candidates", "station-visits"),
    ),
    S(
        "I'm posted to a polling station on polling day.",
        {"start:about": "events", "events:kind": "polling", "events:polling_what": "duty"},
        "acceptable_with_care",
        ("political-neutrality", "political-opinions", "photos-with-candidates"),
    ),
    S(
        "On polling day a voter asks me where her polling station is and what ID she needs.",
        {"start:about": "events", "events:kind": "polling", "events:polling_what": "neutral"},
        "acceptable_with_care",
        ("political-opinions", "fairness"),
    ),
    S(
        "Outside a polling station a voter asks me, a special constable on duty, which party "
        "supports the police; I'd like to tell him.",
        {
            "start:about": "events",
            "events:kind": "polling",
            "events:polling_what": "which_party",
            "talking-politics:vote_role": "special",
        },
        "criminal_offence",
        ("criminal-offence", "staff-and-pcsos"),
    ),
    S(
        "A voter complains to me that a candidate's tellers are blocking the polling station door.",
        {"start:about": "events", "events:kind": "polling", "events:polling_what": "incident"},
        "speak_to_supervisor",
        ("fairness", "political-neutrality", "if-in-doubt"),
    ),
    S(
        "An officer has been invited by a candidate to the count as her guest.",
        {
            "start:about": "events",
            "events:kind": "polling",
            "events:polling_what": "attend",
            "events:count_guest_of": "no",
            "campaigning:support_role": "officer",
        },
        "do_not",
        ("campaigning-outside-work",),
    ),
    S(
        "I don't know whether the library's 'meet your candidates' coffee morning is an election "
        "event.",
        {"start:about": "events", "events:kind": "not_sure"},
        "speak_to_supervisor",
        ("fairness", "if-in-doubt"),
    ),
    # -- the force's own news, figures and campaigns, and the Commissioner
    S(
        "Our press office wants to publish this quarter's crime figures before polling day.",
        {"start:about": "force", "force-output:what": "figures"},
        "refer_corporate_comms",
        ("publicity-period", "fairness", "official-social-media", "political-statements"),
    ),
    S(
        "The press office wants to put out an appeal for witnesses to a serious assault.",
        {
            "start:about": "force",
            "force-output:what": "routine",
            "force-output:routine_check": "no",
        },
        "acceptable_with_care",
        ("publicity-period", "fairness"),
    ),
    S(
        "The Commissioner, who is standing again, is due at our monthly accountability meeting.",
        {"start:about": "force", "force-output:what": "pcc", "force-output:pcc_what": "business"},
        "acceptable_with_care",
        ("publicity-period", "fairness", "station-visits"),
    ),
    S(
        "The Commissioner, who is standing again, wants a photo with us at the launch of our new "
        "patrol cars.",
        {"start:about": "force", "force-output:what": "pcc", "force-output:pcc_what": "publicity"},
        "do_not",
        ("station-visits", "fairness", "publicity-period"),
    ),
    # -- station visits
    S(
        "A candidate wants to come to our neighbourhood base with a photographer to be seen with the "
        "team.",
        {**TO_STATION, "station-visits:purpose": "publicity"},
        "do_not",
        ("station-visits",),
    ),
    S(
        "A candidate asks to come to the front counter to produce his driving documents.",
        {**TO_STATION, "station-visits:purpose": "as_public"},
        "acceptable_with_care",
        ("station-visits", "photos-with-candidates"),
    ),
    S(
        "A sitting MP who is standing again asks for a tour of the station.",
        {**TO_STATION, "station-visits:purpose": "other"},
        "speak_to_supervisor",
        ("station-visits", "if-in-doubt"),
    ),
    # -- complaints, enquiries and a candidate's own requests
    S(
        "A councillor standing again emails me, the officer in the case, about a resident's "
        "complaint of anti-social behaviour.",
        {**CANDIDATE_ASKS, "complaints:on_behalf": "yes"},
        "speak_to_supervisor",
        ("complaints-enquiries", "political-opinions"),
    ),
    S(
        "In the contact centre (police staff) I get a candidate's enquiry for a constituent.",
        {**CANDIDATE_ASKS, "complaints:on_behalf": "yes"},
        "speak_to_supervisor",
        ("complaints-enquiries", "political-opinions"),
    ),
    S(
        "A candidate asks me for ward crime figures for their leaflet.",
        {**CANDIDATE_ASKS, "complaints:on_behalf": "figures"},
        "speak_to_supervisor",
        ("publicity-period", "fairness", "complaints-enquiries"),
    ),
    S(
        "A candidate comes to the front counter to report her car stolen.",
        {**CANDIDATE_ASKS, "complaints:on_behalf": "victim"},
        "acceptable_with_care",
        ("fairness", "station-visits", "photos-with-candidates"),
    ),
    S(
        "A candidate asks me, a PCSO on duty, to leave a pile of his leaflets on the front counter.",
        {
            **CANDIDATE_ASKS,
            "complaints:on_behalf": "campaign_help",
            "campaigning:campaign_role": "pcso",
            "campaigning:campaign_on_duty": "yes",
        },
        "do_not",
        AT_WORK,
    ),
    S(
        "A candidate asks to meet my neighbourhood team about speeding on his estate.",
        {**CANDIDATE_ASKS, "complaints:on_behalf": "meeting"},
        "speak_to_supervisor",
        ("fairness", "complaints-enquiries", "if-in-doubt"),
    ),
    S(
        "A candidate I'm investigating for criminal damage is due to be interviewed next week.",
        {**CANDIDATE_ASKS, "complaints:on_behalf": "suspect"},
        "speak_to_supervisor",
        ("fairness", "political-statements", "if-in-doubt"),
    ),
    S(
        "A candidate asks me for my personal mobile number so he can reach me directly.",
        {**CANDIDATE_ASKS, "complaints:on_behalf": "not_sure"},
        "speak_to_supervisor",
        ("complaints-enquiries", "if-in-doubt"),
    ),
    # -- political statements and press releases
    S(
        "A party press release says our response times have doubled; I want to put the record "
        "straight with the local paper.",
        {"start:about": "statement", "statements:respond": "reply"},
        "refer_corporate_comms",
        ("political-statements", "policing-viewpoint"),
    ),
    S(
        "A journalist rings me for a reaction to a candidate's statement about the force.",
        {"start:about": "statement", "statements:respond": "journalist"},
        "refer_corporate_comms",
        ("political-statements", "political-opinions"),
    ),
    S(
        "A candidate's leaflet praises my team by name and I don't know what to do about it.",
        {"start:about": "statement", "statements:respond": "other"},
        "speak_to_supervisor",
        ("political-statements", "if-in-doubt"),
    ),
    # -- badges, posters and political symbols
    S(
        "I want to wear my party's pin on my uniform lanyard.",
        {**OWN_BADGE, "badges:what": "party", "badges:on_duty": "yes"},
        "do_not",
        ("political-badges",),
    ),
    S(
        "A special constable wants to wear a rosette at a rally on Saturday, off duty.",
        {
            **OWN_BADGE,
            "badges:what": "party",
            "badges:on_duty": "no",
            "badges:badge_role": "special",
        },
        "do_not",
        ("campaigning-outside-work",),
    ),
    S(
        "A member of staff wants a badge for a campaign about a local issue on her lanyard.",
        {**OWN_BADGE, "badges:what": "cause"},
        "speak_to_supervisor",
        ("political-badges", "if-in-doubt"),
    ),
    S(
        "An officer wants to put his brother's election poster in his front window.",
        {**OWN_BADGE, "badges:what": "poster", "campaigning:campaign_role": "officer"},
        "criminal_offence",
        ("campaigning-outside-work", "criminal-offence"),
    ),
    # -- politics in your own time
    S(
        "An officer wants to deliver leaflets for his brother's campaign at the weekend.",
        {
            **OWN_POLITICS,
            "campaigning:activity": "campaign",
            "campaigning:campaign_role": "officer",
        },
        "criminal_offence",
        ("campaigning-outside-work", "criminal-offence"),
    ),
    S(
        "A special constable tells his family over dinner who to vote for.",
        {
            **OWN_POLITICS,
            "campaigning:activity": "persuade",
            "campaigning:persuade_role": "special",
        },
        "criminal_offence",
        ("criminal-offence", "staff-and-pcsos"),
    ),
    S(
        "An officer wants to go to a candidate's rally as a supporter, off duty.",
        {**OWN_POLITICS, "campaigning:activity": "support", "campaigning:support_role": "officer"},
        "do_not",
        ("campaigning-outside-work",),
    ),
    S(
        "Police staff, not in a restricted post, wants to canvass door to door on Saturday.",
        {
            **OWN_POLITICS,
            "campaigning:activity": "campaign",
            "campaigning:campaign_role": "staff",
            "campaigning:campaign_on_duty": "no",
            "campaigning:through_job": "no",
            "campaigning:restricted_post": "no",
        },
        "acceptable_with_care",
        OWN_TIME,
    ),
    S(
        "I work in the Police and Crime Commissioner's office and want to help a campaign.",
        {
            **OWN_POLITICS,
            "campaigning:activity": "support",
            "campaigning:support_role": "pcc_staff",
            "campaigning:support_on_duty": "no",
            "campaigning:through_job": "no",
            "campaigning:restricted_post": "yes",
        },
        "do_not",
        ("campaigning-outside-work",),
    ),
    S(
        "A PCSO wants to put up a poster but doesn't know whether her post is restricted.",
        {
            **OWN_POLITICS,
            "campaigning:activity": "campaign",
            "campaigning:campaign_role": "pcso",
            "campaigning:campaign_on_duty": "no",
            "campaigning:through_job": "no",
            "campaigning:restricted_post": "not_sure",
        },
        "speak_to_supervisor",
        ("campaigning-outside-work", "if-in-doubt"),
    ),
    S(
        "A PCSO, in her own time, tells a friend how she should vote.",
        {
            **OWN_POLITICS,
            "campaigning:activity": "persuade",
            "campaigning:persuade_role": "pcso",
            "campaigning:persuade_on_duty": "no",
            "campaigning:through_job": "no",
            "campaigning:restricted_post": "no",
        },
        "acceptable_with_care",
        OWN_TIME,
    ),
    S(
        "A member of police staff wants to tell colleagues in the office how to vote.",
        {
            **OWN_POLITICS,
            "campaigning:activity": "persuade",
            "campaigning:persuade_role": "staff",
            "campaigning:persuade_on_duty": "yes",
        },
        "do_not",
        AT_WORK,
    ),
    S(
        "A PCSO isn't sure whether the residents' group chat she is in counts as work.",
        {
            **OWN_POLITICS,
            "campaigning:activity": "persuade",
            "campaigning:persuade_role": "pcso",
            "campaigning:persuade_on_duty": "not_sure",
        },
        "speak_to_supervisor",
        ("campaigning-outside-work", "staff-and-pcsos", "if-in-doubt"),
    ),
    S(
        "I'm thinking of standing for the council myself.",
        {
            **OWN_POLITICS,
            "campaigning:activity": "stand",
            "campaigning:stand_what": "stand",
            "campaigning:stand_role": "officer",
        },
        "do_not",
        ("campaigning-outside-work",),
    ),
    S(
        "A member of police staff in the finance team, not in a restricted post, has been asked to "
        "stand for the parish council.",
        {
            **OWN_POLITICS,
            "campaigning:activity": "stand",
            "campaigning:stand_what": "stand",
            "campaigning:stand_role": "staff",
            "campaigning:stand_restricted": "no",
        },
        "speak_to_supervisor",
        ("campaigning-outside-work", "staff-and-pcsos", "if-in-doubt"),
    ),
    S(
        "A special constable wants to join a political party as an ordinary member.",
        {
            **OWN_POLITICS,
            "campaigning:activity": "stand",
            "campaigning:stand_what": "member",
            "campaigning:member_role": "special",
        },
        "speak_to_supervisor",
        ("campaigning-outside-work", "if-in-doubt"),
    ),
    S(
        "A PCSO wants to join a party but doesn't know whether her post is restricted.",
        {
            **OWN_POLITICS,
            "campaigning:activity": "stand",
            "campaigning:stand_what": "member",
            "campaigning:member_role": "pcso",
            "campaigning:member_restricted": "not_sure",
        },
        "speak_to_supervisor",
        ("campaigning-outside-work", "if-in-doubt"),
    ),
    S(
        "I'm police staff in a contact centre, not in a restricted post, and want to join a party.",
        {
            **OWN_POLITICS,
            "campaigning:activity": "stand",
            "campaigning:stand_what": "member",
            "campaigning:member_role": "staff",
            "campaigning:member_restricted": "no",
        },
        "acceptable_with_care",
        ("campaigning-outside-work", "political-badges"),
    ),
    S(
        "I'm not sure whether signing a petition a candidate started counts as politics.",
        {**OWN_POLITICS, "campaigning:activity": "other"},
        "speak_to_supervisor",
        ("campaigning-outside-work", "if-in-doubt"),
    ),
    # -- none of the topics
    S(
        "A candidate has sent our team a box of chocolates to say thank you.",
        {"start:about": "other"},
        "speak_to_supervisor",
        ("if-in-doubt", "fairness", "publicity-period"),
    ),
    # -- family and friends who stand
    S(
        "My wife is standing for the council and wants her poster in our front window; I'm a PC.",
        {**FAMILY, "family:what": "poster", "family:poster_role": "officer"},
        "speak_to_supervisor",
        ("campaigning-outside-work", "political-neutrality", "if-in-doubt"),
    ),
    S(
        "My husband is standing; I'm police staff in the control room, not in a restricted post, "
        "and nobody from work comes near our house. His poster is in our window.",
        {
            **FAMILY,
            "family:what": "poster",
            "family:poster_role": "staff",
            "family:poster_seen": "no",
            "family:poster_restricted": "no",
        },
        "acceptable_with_care",
        ("campaigning-outside-work", "staff-and-pcsos", "political-neutrality"),
    ),
    S(
        "I'm a PCSO on the estate where I live; my partner wants his placard in our garden.",
        {
            **FAMILY,
            "family:what": "poster",
            "family:poster_role": "pcso",
            "family:poster_seen": "yes",
        },
        "speak_to_supervisor",
        ("campaigning-outside-work", "political-neutrality", "if-in-doubt"),
    ),
    S(
        "My son is standing and I'm a special constable: may I go to the count to support him?",
        {
            **FAMILY,
            "family:what": "events",
            "family:event_kind": "count",
            "family:count_role": "special",
        },
        "speak_to_supervisor",
        ("campaigning-outside-work", "political-neutrality", "if-in-doubt"),
    ),
    S(
        "My partner is standing; I'm police staff, off duty, nothing to do with work, no restricted "
        "post: may I go to the count as her guest?",
        {
            **FAMILY,
            "family:what": "events",
            "family:event_kind": "count",
            "family:count_role": "staff",
            "campaigning:support_on_duty": "no",
            "campaigning:through_job": "no",
            "campaigning:restricted_post": "no",
        },
        "acceptable_with_care",
        OWN_TIME,
    ),
    S(
        "My brother the candidate is coming to Mum's birthday meal; I'm an inspector.",
        {**FAMILY, "family:what": "events", "family:event_kind": "private"},
        "acceptable_with_care",
        ("fairness", "political-neutrality"),
    ),
    S(
        "I've been put on the policing plan for my sister's campaign launch.",
        {**FAMILY, "family:what": "events", "family:event_kind": "duty"},
        "speak_to_supervisor",
        ("political-neutrality", "fairness", "if-in-doubt"),
    ),
    S(
        "My dad is standing and wants me, a PC, at his rally.",
        {
            **FAMILY,
            "family:what": "events",
            "family:event_kind": "campaign",
            "campaigning:support_role": "officer",
        },
        "do_not",
        ("campaigning-outside-work",),
    ),
    S(
        "Family photos at my cousin's wedding, where the groom is standing for mayor.",
        {**FAMILY, "family:what": "photos", "family:photo_kind": "private"},
        "acceptable_with_care",
        ("photos-with-candidates", "political-neutrality"),
    ),
    S(
        "My wife wants a photo of us together for her leaflet; I'd be in uniform after my shift.",
        {
            **FAMILY,
            "family:what": "photos",
            "family:photo_kind": "campaign",
            "photos:campaign_on_duty": "yes",
        },
        "do_not",
        ("political-neutrality", "fairness", "photos-with-candidates"),
    ),
    S(
        "My aunt is standing and takes photos at every family do; I don't know where they go.",
        {**FAMILY, "family:what": "photos", "family:photo_kind": "not_sure"},
        "speak_to_supervisor",
        ("photos-with-candidates", "if-in-doubt"),
    ),
    S(
        "My girlfriend is standing and asks me, a PC, to drive her round to deliver leaflets.",
        {**FAMILY, "family:what": "help", "campaigning:campaign_role": "officer"},
        "criminal_offence",
        ("campaigning-outside-work", "criminal-offence"),
    ),
    S(
        "My husband, a candidate, asks me (a special) to share his Facebook posts.",
        {**FAMILY, "family:what": "online", "social-media:personal_role": "special"},
        "do_not",
        (
            "political-neutrality",
            "political-opinions",
            "personal-social-media",
            "campaigning-outside-work",
            "criminal-offence",
        ),
    ),
    S(
        "My brother is standing and asks me for the burglary figures for his ward.",
        {**FAMILY, "family:what": "asks_police"},
        "do_not",
        ("complaints-enquiries", "fairness", "political-neutrality"),
    ),
    S(
        "At the station everyone asks me whether my wife will win.",
        {**FAMILY, "family:what": "at_work"},
        "do_not",
        ("political-opinions", "staff-and-pcsos", "fairness"),
    ),
    S(
        "My mother has just been selected as a candidate. Do I need to tell anyone at work?",
        {**FAMILY, "family:what": "declare"},
        "speak_to_supervisor",
        ("fairness", "political-neutrality", "if-in-doubt"),
    ),
    S(
        "My flatmate is standing and wants to use our address for his campaign office.",
        {**FAMILY, "family:what": "other"},
        "speak_to_supervisor",
        ("campaigning-outside-work", "if-in-doubt"),
    ),
    # -- party activists, canvassers and campaign groups
    S(
        "A canvasser stops me on patrol and asks how I'll be voting.",
        {**CAMPAIGNERS, "campaigners:who": "activist", "campaigners:activist_what": "asks_view"},
        "do_not",
        ("political-opinions", "fairness", "political-neutrality"),
    ),
    S(
        "A party activist asks me, on duty, to shake hands for a photo with their banner.",
        {
            **CAMPAIGNERS,
            "campaigners:who": "activist",
            "campaigners:activist_what": "photo",
            "photos:staged": "yes",
            "photos:on_duty": "yes",
        },
        "do_not",
        ("photos-with-candidates", "staff-and-pcsos"),
    ),
    S(
        "A party's campaign manager emails for anti-social behaviour figures for a leaflet.",
        {
            **CAMPAIGNERS,
            "campaigners:who": "activist",
            "campaigners:activist_what": "info",
            "complaints:on_behalf": "figures",
        },
        "speak_to_supervisor",
        ("publicity-period", "fairness", "complaints-enquiries"),
    ),
    S(
        "A resident complains that canvassers keep blocking the pavement outside the shops.",
        {**CAMPAIGNERS, "campaigners:who": "activist", "campaigners:activist_what": "deal"},
        "acceptable_with_care",
        ("political-neutrality", "political-opinions", "policing-viewpoint"),
    ),
    S(
        "A 'Save our station' group wants an officer at a meeting where candidates will speak.",
        {
            **CAMPAIGNERS,
            "campaigners:who": "cause",
            "campaigners:cause_what": "speak",
            "campaigners:cause_linked": "yes",
        },
        "speak_to_supervisor",
        ("fairness", "policing-viewpoint", "political-opinions", "if-in-doubt"),
    ),
    S(
        "A residents' road-safety group, with no candidates involved, asks its PCSO to its meeting.",
        {
            **CAMPAIGNERS,
            "campaigners:who": "cause",
            "campaigners:cause_what": "speak",
            "campaigners:cause_linked": "no",
            "campaigners:cause_meeting_role": "pcso",
        },
        "acceptable_with_care",
        ("policing-viewpoint", "political-opinions", "political-neutrality"),
    ),
    S(
        "A victims' group asks someone from the Commissioner's office to speak at its meeting.",
        {
            **CAMPAIGNERS,
            "campaigners:who": "cause",
            "campaigners:cause_what": "speak",
            "campaigners:cause_linked": "no",
            "campaigners:cause_meeting_role": "pcc_staff",
        },
        "speak_to_supervisor",
        ("fairness", "publicity-period", "if-in-doubt"),
    ),
    S(
        "On patrol I'm asked to sign a petition to keep the local library open.",
        {
            **CAMPAIGNERS,
            "campaigners:who": "cause",
            "campaigners:cause_what": "back",
            "campaigners:back_on_duty": "yes",
        },
        "do_not",
        ("political-neutrality", "political-opinions", "policing-viewpoint"),
    ),
    S(
        "Off duty, I'm a PC and want to sign a petition against the new incinerator.",
        {
            **CAMPAIGNERS,
            "campaigners:who": "cause",
            "campaigners:cause_what": "back",
            "campaigners:back_on_duty": "no",
            "campaigners:back_role": "officer",
        },
        "speak_to_supervisor",
        ("campaigning-outside-work", "if-in-doubt"),
    ),
    S(
        "Off duty, a PCSO wants to sign a petition against a new housing estate, nothing to do with "
        "work; she holds no restricted post.",
        {
            **CAMPAIGNERS,
            "campaigners:who": "cause",
            "campaigners:cause_what": "back",
            "campaigners:back_on_duty": "no",
            "campaigners:back_role": "pcso",
            "campaigners:back_through_job": "no",
            "campaigners:back_restricted": "no",
        },
        "acceptable_with_care",
        ("campaigning-outside-work", "personal-social-media", "political-neutrality"),
    ),
    S(
        "A campaign group wants a briefing on knife crime to use in its election push.",
        {**CAMPAIGNERS, "campaigners:who": "cause", "campaigners:cause_what": "figures"},
        "speak_to_supervisor",
        ("publicity-period", "fairness", "if-in-doubt"),
    ),
    S(
        "Someone with a clipboard wants my details; I can't tell who they're with.",
        {**CAMPAIGNERS, "campaigners:who": "not_sure"},
        "speak_to_supervisor",
        ("if-in-doubt", "fairness"),
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.story[:60])
def test_scenario(shipped, scenario: Scenario) -> None:
    result = replay(shipped, "start", scenario.answers)
    assert result.pending is None, f"stopped at {result.pending_dict()}"
    assert result.unused == [], f"answers not on this path: {result.unused}"
    outcome = result.walk.outcome
    assert (outcome.verdict, outcome.cite) == (scenario.verdict, scenario.cites)


def trees_passed(catalog, scenario: Scenario) -> set[str]:
    walk = replay(catalog, "start", scenario.answers).walk
    return {s.tree_id for s in walk.steps} | {walk.position[0]}


def test_scenarios_cover_every_topic_verdict_and_role(shipped) -> None:
    topics = set().union(*(trees_passed(shipped, s) for s in SCENARIOS)) - {"start"}
    assert topics == set(shipped.trees) - {"start"}
    given = {o.verdict for t in shipped.trees.values() for o in t.outcomes.values()}
    assert {s.verdict for s in SCENARIOS} == given
    roles = {"officer", "special", "pcc_staff", "pcso", "staff"}  # the shared role question
    assert {v for s in SCENARIOS for v in s.answers.values()} & roles == roles
    assert len(SCENARIOS) >= 30


def test_every_outcome_is_told_by_some_scenario(shipped) -> None:
    """Not every path needs a story, but every outcome the trees give has one."""
    reached = set()
    for s in SCENARIOS:
        walk = replay(shipped, "start", s.answers).walk
        reached.add((walk.position[0], walk.position[1]))
    every = {(t.id, o) for t in shipped.trees.values() for o in t.outcomes}
    assert every - reached == set()
