"""Cue words that introduce reported speech or thought in English news."""

from __future__ import annotations

SPEECH_VERBS = frozenset(
    """
    say tell state add stress underline underscore emphasise emphasize insist note
    warn urge call announce declare claim argue explain continue respond reply answer
    pledge vow promise acknowledge admit concede confirm deny reveal report disclose
    tweet post write comment remark observe suggest propose recommend predict
    mention describe assert maintain contend allege accuse charge complain criticise
    criticize praise thank ask demand question wonder urge caution reiterate repeat
    recall agree tell testify signal indicate point highlight boast joke quip
    estimate forecast project conclude implore plead mock shout yell scream exclaim
    whisper muse sigh scoff retort counter chide lament concur imply hint
    insinuate brag recount threaten chant assure
    """.split()
)
THOUGHT_VERBS = frozenset(
    """
    believe think feel fear hope expect consider doubt suspect worry reckon
    """.split()
)
# Verbs of knowing report a belief only through a "that" or bare finite clause
# ("she knows the race is close"); "knows how it works" or "knew him" report nothing.
KNOWING_VERBS = frozenset("know realize realise understand recognize recognise sense".split())
# Adjectives of belief and feeling that report a held view through a clause
# after a copula: "he is confident that ...", "they were worried the deal ...".
BELIEF_ADJECTIVES = frozenset(
    """
    confident convinced sure certain aware worried afraid hopeful optimistic
    pessimistic concerned adamant skeptical sceptical fearful persuaded
    """.split()
)
# Verbs of wanting, planning and expecting that report an intention or
# expectation through an infinitive: "plans to run", "hopes to win", "the Fed
# is expected to act". (Commitments, "vowed to", are message verbs below.)
INTENTION_VERBS = frozenset("want plan intend hope expect".split())
# Verbs of the mind: coordinated after a report, they go on with it.
MENTAL_VERBS = THOUGHT_VERBS | KNOWING_VERBS | INTENTION_VERBS
CUE_VERBS = SPEECH_VERBS | THOUGHT_VERBS
# Verbs that report a request or plan through an infinitive: "urged allies to send".
DIRECTIVE_VERBS = frozenset(
    "urge call ask tell warn appeal order instruct implore threaten".split()
)
# Speech verbs whose object after them is the one spoken to ("”, told reporters"),
# never the speaker of an inverted "…,” added a party official".
ADDRESSEE_VERBS = frozenset("tell ask thank urge warn assure".split())
# Verbs of speaking about a topic ("discussed the deal", "talked about rents")
# and of stance ("sees the plan as a threat"), with the preposition, if any,
# that carries what was said or held of the topic.
_TOPIC_VERBS = (
    ("reject echo discuss", ""),
    ("talk speak testify", "about"),
    ("comment", "on"),
    ("refer point", "to"),
)
_STANCE_VERBS = (("see view regard", "as"),)
# Reporting verbs whose message can be a noun phrase rather than a clause, with
# the preposition that carries the rest of it: "announced a ceasefire", "accused
# Russia of war crimes", "described the plan as reckless", "called for talks".
# Verbs whose object is the addressee (tell, ask, thank) are not among them;
# nor is "endorse", whose object is a candidate rather than a message.
_MESSAGE_VERBS = (
    ("announce confirm deny reveal disclose report reiterate repeat", ""),
    ("propose recommend demand predict promise pledge vow", ""),
    ("acknowledge admit concede mention", ""),
    ("claim assert note highlight", ""),
    ("tweet post", ""),
    ("cite", "as"),
    ("describe portray", "as"),
    ("criticise criticize condemn denounce blast slam", "as for over"),
    ("praise commend", "for as"),
    ("accuse", "of"),
    ("blame", "for on"),
    ("call", "for"),
)
OBJECT_CUES: dict[str, frozenset[str]] = {
    verb: frozenset(preps.split())
    for verbs, preps in _MESSAGE_VERBS + _TOPIC_VERBS + _STANCE_VERBS
    for verb in verbs.split()
}
# The topic and stance verbs report only their topic or a stance: they never
# start a second report inside another one's content ("said that the plant
# closed and workers saw their hours cut") and never make an "as" aside ("As
# she spoke, ...").
TOPIC_CUES = frozenset(v for verbs, _ in _TOPIC_VERBS + _STANCE_VERBS for v in verbs.split())
# Of those, the ones whose message comes only through their preposition
# ("talked about the economy", "pointed to the polls").
PREPOSITION_CUES = frozenset(
    v for verbs, preps in _TOPIC_VERBS + _STANCE_VERBS if preps for v in verbs.split()
)
# The verbs of stance report only "X as Y": "a race that has seen candidates
# stumble" is perception, not a view anyone holds.
STANCE_VERBS = frozenset(v for verbs, _ in _STANCE_VERBS for v in verbs.split())
# "The poll shows Clinton ahead", "investigators found that ...": news attributes
# findings to the document or the people who produced them. These verbs report
# only with such a subject ("she showed courage" reports nothing).
EVIDENCE_VERBS = frozenset("show find".split())
# Of those, the one whose bare object is the finding ("the poll shows Clinton
# ahead"); what investigators "found" without a clause is a thing, not a finding.
OBJECT_EVIDENCE = frozenset({"show"})
# Of those, the one that reports with any subject when a "that" clause follows:
# "the Justice Department found that ..." states a finding, as "found the body"
# does not.
FINDING_VERBS = frozenset({"find"})
SOURCES = frozenset(
    """
    poll polls survey surveys study studies report reports data analysis figures
    records documents research investigation audit review census estimate estimates
    numbers average results tally count filing filings memo letter email emails
    researcher researchers scientist scientists analyst analysts investigator
    investigators economist economists pollster pollsters auditor auditors
    document photo photograph video footage image recording transcript
    """.split()
)
# Nouns that carry reported content in a "that" clause: "Trump's claim that ...",
# "warnings from his lawyer that ...". The clause is the content and the
# possessor (or the "from"/"by" phrase, or whoever made or issued it) the source.
SPEECH_NOUNS = frozenset(
    """
    claim assertion statement warning complaint allegation accusation argument
    promise pledge insistence suggestion admission denial announcement prediction
    remark message contention belief fear hope view
    """.split()
)
# Speech nouns that ask or promise, whose content is an infinitive or a "for"
# phrase ("his call for a ban", "her pledge to cut taxes"); only with a
# possessor or maker as the source, like the nouns above.
DIRECTIVE_NOUNS = frozenset("call demand appeal plea pledge promise vow threat".split())
# "made the claim that", "issued a warning that": the maker is the source.
DELIVERY_VERBS = frozenset("make issue repeat renew reiterate voice express deliver post".split())
# Sources that may stand alone before a headline's colon ("Poll: Clinton leads").
COLON_SOURCES = frozenset("poll polls survey surveys report reports study studies analysis".split())
ACCORDING_TO = "according to"
COLON = ":"
