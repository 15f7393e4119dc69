from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.transforms.conftest import Analysed
from transforms.quotes import is_quotation, marked_spans

Analyse = Callable[[str], Analysed]


def test_curly_and_straight_marks_pair_within_a_paragraph() -> None:
    text = '“One two three four,” he said. "Five six seven eight."'
    spans = [text[m.start : m.end] for m in marked_spans(text)]
    assert spans == ["“One two three four,”", '"Five six seven eight."']


def test_an_open_paragraph_continues_into_the_next_one() -> None:
    text = "“We will rebuild the bridge.\n\n“And we will pay for it,” she said."
    spans = marked_spans(text)
    assert [s.open_ended for s in spans] == [True, False]
    assert [s.continues for s in spans] == [False, True]


def test_a_straight_mark_facing_shut_with_nothing_open_starts_no_quote() -> None:
    text = 'The plan is dead." The minister said "he would resign" on Friday.'
    spans = [text[m.start : m.end] for m in marked_spans(text)]
    assert spans == ['"he would resign"']


def test_a_straight_mark_facing_open_inside_a_quote_is_a_lost_paragraph_break() -> None:
    text = 'He said: "We will rebuild it. "And we will pay for it." Then he left.'
    spans = marked_spans(text)
    assert [text[m.start : m.end] for m in spans] == [
        '"We will rebuild it.',
        '"And we will pay for it."',
    ]
    assert [(m.open_ended, m.continues) for m in spans] == [(True, False), (False, True)]


@pytest.mark.parametrize(
    "text",
    [
        'Mr Smith said,"...and then we will fight it in every court."',
        'The mayor said:"We will fight it in every court."',
        '"We will fight it in every court." Mr Smith left.',
    ],
)
def test_a_mark_after_the_words_that_introduce_speech_opens_it(text: str) -> None:
    [span] = marked_spans(text)
    assert text[span.start : span.end].endswith('court."')


def test_speech_after_a_lost_paragraph_break_keeps_its_speaker(analyse: Analyse) -> None:
    a = analyse(
        'Mr Weiss said: "Old media always tries to stop new media. "When they can\'t stop '
        'it, they try to control it." The courts decided otherwise.'
    )
    assert a.speaker("Old media always") == "Weiss"
    assert a.speaker("When they can't stop it") == "Weiss"
    assert not [q for q in a.quotes if "courts" in a.text[q.start : q.end]]


@pytest.mark.parametrize(
    ("quoted", "expected"),
    [
        ("“We will not give up the fight,”", True),
        ("“No,”", True),
        ("“Saturday Night Live”", False),
        ("“The Art of the Deal.”", False),
        ("“badge of honor”", False),
    ],
)
def test_scare_quotes_and_titles_are_not_quotations(quoted: str, expected: bool) -> None:
    assert is_quotation(quoted) is expected


def test_cue_after_the_quote_names_the_speaker(analyse: Analyse) -> None:
    a = analyse("“We see no signs of peace,” Secretary General Jens Stoltenberg said on Tuesday.")
    q = a.quote("We see no signs")
    assert (q.kind, q.cue, q.speaker_text) == ("direct", "say", "Jens Stoltenberg")


def test_split_quote_pieces_share_the_speaker(analyse: Analyse) -> None:
    a = analyse(
        "Maria Lopez runs the shelter. “We are full every night,” she said. "
        "“We need another building before the winter comes.”"
    )
    assert a.speaker("We are full") == a.speaker("We need another building") == "Maria Lopez"


def test_quote_only_paragraph_takes_the_previous_paragraphs_speaker(analyse: Analyse) -> None:
    a = analyse(
        "“The river rose faster than anyone expected,” Mayor Tom Baker told reporters.\n\n"
        "“We moved two hundred families out before midnight.”"
    )
    assert a.speaker("We moved two hundred") == "Tom Baker"


def test_pronoun_and_role_noun_resolve_to_the_person(analyse: Analyse) -> None:
    a = analyse(
        "Health Minister Anna Berg visited the hospital on Monday.\n\n"
        "“The staff have done extraordinary work this winter,” the minister stressed.\n\n"
        "“They deserve a raise and they will get one,” she added."
    )
    assert a.speaker("The staff have done") == "Anna Berg"
    assert a.speaker("They deserve a raise") == "Anna Berg"
    assert a.quote("The staff have done").cue == "stress"


@pytest.mark.parametrize(
    ("text", "fragment", "cue"),
    [
        ("Ann Lee said that the factory would close in March.", "the factory would close", "say"),
        ("Ann Lee warned the factory would close in March.", "the factory would close", "warn"),
        ("Ann Lee stressed that workers would be paid.", "workers would be paid", "stress"),
    ],
)
def test_indirect_speech(analyse: Analyse, text: str, fragment: str, cue: str) -> None:
    a = analyse(text)
    q = a.quote(fragment)
    assert (q.kind, q.cue) == ("indirect", cue)
    assert q.speaker_text == "Ann Lee"


def test_according_to(analyse: Analyse) -> None:
    a = analyse("Prices rose sharply in March, according to economist Paul Grant.")
    q = a.quote("Prices rose sharply")
    assert (q.kind, q.cue, q.speaker_text) == ("indirect", "according to", "Paul Grant")


def test_reported_clause_with_a_quoted_fragment_is_mixed(analyse: Analyse) -> None:
    a = analyse(
        "Jens Stoltenberg acknowledged that “the type of support we provide has evolved”, "
        "in the wake of news that Germany will send tanks."
    )
    q = a.quote("the type of support")
    assert q.kind == "mixed"
    assert a.text[q.start : q.end].startswith("that “the type")
    assert [x.kind for x in a.quotes if "the type of support" in a.text[x.start : x.end]] == [
        "mixed"
    ]


def test_doubled_apostrophes_are_quotation_marks(analyse: Analyse) -> None:
    a = analyse("''We will appeal the ruling tomorrow,'' said Karen Wells, the company's lawyer.")
    q = a.quote("We will appeal")
    assert (q.kind, q.speaker_text) == ("direct", "Karen Wells")
    assert a.text[q.start : q.end] == "''We will appeal the ruling tomorrow,''"


def _spans(a: Analysed) -> list[str]:
    return [a.text[q.start : q.end] for q in a.quotes]


def test_parenthetical_cue_splits_the_statement_into_two_pieces(analyse: Analyse) -> None:
    a = analyse("The bridge, officials said, would close in March.")
    assert _spans(a) == ["The bridge", "would close in March"]
    assert {q.speaker_text for q in a.quotes} == {"officials"}


def test_an_adverbial_opener_before_a_parenthetical_cue_is_not_content(analyse: Analyse) -> None:
    a = analyse("Still, he said, the bridge would close in March.")
    assert _spans(a) == ["the bridge would close in March"]


def test_a_reported_clause_nested_in_another_is_not_reported_twice(analyse: Analyse) -> None:
    a = analyse("Ann Lee said she believes the bridge would close in March.")
    assert _spans(a) == ["she believes the bridge would close in March"]
    assert a.quotes[0].cue == "say"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ann Lee said the bridge would close in March, which angered drivers.",
            "the bridge would close in March",
        ),
        (
            "Ann Lee said the bridge, which opened in 1990, would close in March.",
            "the bridge, which opened in 1990, would close in March",
        ),
    ],
)
def test_only_a_closing_relative_clause_is_cut(analyse: Analyse, text: str, content: str) -> None:
    assert _spans(analyse(text)) == [content]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("On Monday the ministry announced a ceasefire.", "a ceasefire", "announce"),
        (
            "The senator accused the agency of hiding the report.",
            "the agency of hiding the report",
            "accuse",
        ),
        ("Ann Lee described the budget as reckless.", "the budget as reckless", "describe"),
        ("The union called for a national strike.", "for a national strike", "call"),
        (
            "Ann Lee is calling for the United States to take a stronger role in the conflict.",
            "for the United States to take a stronger role in the conflict",
            "call",
        ),
        ("The mayor vowed to rebuild the bridge.", "to rebuild the bridge", "vow"),
        # verbs of speaking whose message is their topic, and of stance
        ("The senator talked about rising rents.", "about rising rents", "talk"),
        ("The minister pointed to falling crime as proof.", "to falling crime as proof", "point"),
        ("Many voters see the plan as a threat.", "the plan as a threat", "see"),
    ],
)
def test_a_reporting_verb_whose_message_is_a_noun_phrase(
    analyse: Analyse, text: str, content: str, cue: str
) -> None:
    a = analyse(text)
    assert _spans(a) == [content]
    assert a.quotes[0].cue == cue


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "A new poll shows the senator leading by four points.",
            "the senator leading",
            "A new poll",
        ),
        (
            "The document released on Monday shows that the aide contacted the agency.",
            "the aide contacted the agency",
            "The document",
        ),
        ("Photos showed mourners crouched over the bodies.", "mourners crouched", "Photos"),
    ],
)
def test_a_poll_or_report_is_a_source(
    analyse: Analyse, text: str, content: str, source: str
) -> None:
    q = analyse(text).quote(content)
    assert (q.cue, q.speaker_text) == ("show", source)


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "Despite the minister's claim that the budget is balanced, the deficit grew.",
            "that the budget is balanced",
            "the minister",
        ),
        (
            "The move took place despite repeated warnings from his lawyer that the deal "
            "was unfair.",
            "that the deal was unfair",
            "his lawyer",
        ),
        ("He made the claim that the vote was rigged.", "that the vote was rigged", "He"),
    ],
)
def test_a_speech_noun_with_a_that_clause(
    analyse: Analyse, text: str, content: str, source: str
) -> None:
    q = analyse(text).quote(content)
    assert (analyse(text).text[q.start : q.end], q.speaker_text) == (content, source)


def test_a_relative_clause_on_a_speech_noun_is_not_its_content(analyse: Analyse) -> None:
    assert _spans(analyse("Trump's claim that he made in Iowa was false.")) == []


def test_a_coordinated_report_is_a_quote_of_its_own(analyse: Analyse) -> None:
    a = analyse(
        "Ann Lee conceded that the plan had failed but implied that the council was to blame."
    )
    assert _spans(a) == ["that the plan had failed", "that the council was to blame"]


def test_a_second_report_hung_on_the_first_ones_content_keeps_its_speaker(
    analyse: Analyse,
) -> None:
    a = analyse(
        "Ann Lee conceded that Tom Fox had touched the box but implied that it was his fault."
    )
    assert [(q.cue, q.speaker_text) for q in a.quotes] == [
        ("concede", "Ann Lee"),
        ("imply", "Ann Lee"),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ann Lee said the vote was a prelude to the referendum, a move that could split "
            "the party.",
            "the vote was a prelude to the referendum",
        ),
        (
            "Ann Lee said she would campaign for Tom Burke, for whom she had raised money.",
            "she would campaign for Tom Burke",
        ),
        (
            'Officials said the programme would be "fully funded," despite the cuts.',
            'the programme would be "fully funded,"',
        ),
    ],
)
def test_the_writers_closing_gloss_is_not_content(
    analyse: Analyse, text: str, content: str
) -> None:
    assert _spans(analyse(text)) == [content]


def test_a_clause_before_a_semicolon_is_the_writers_own(analyse: Analyse) -> None:
    a = analyse("It is an unlikely scenario; her campaign says she will resume travel on Friday.")
    assert _spans(a) == ["she will resume travel on Friday"]


def test_a_parenthetical_cue_wins_over_a_noun_phrase_reading(analyse: Analyse) -> None:
    a = analyse("For decades, Mr. de Vos noted, the state has sent observers abroad.")
    assert _spans(a) == ["the state has sent observers abroad"]


def test_a_that_clause_after_the_phrase_between_is_still_the_content(analyse: Analyse) -> None:
    a = analyse("The mayor said in one of a series of radio interviews that the bridge was unsafe.")
    q = a.quote("the bridge was unsafe")
    assert (q.cue, q.speaker_text) == ("say", "The mayor")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The rebels claimed responsibility for the attack.", "responsibility for the attack"),
        ("The mayor cited rising costs as the reason.", "rising costs as the reason"),
    ],
)
def test_claims_and_citations_report_their_object(
    analyse: Analyse, text: str, content: str
) -> None:
    assert _spans(analyse(text)) == [content]


def test_a_second_speakers_report_is_not_part_of_the_first(analyse: Analyse) -> None:
    a = analyse(
        "Three-quarters of the voters said they were very worried about the direction of "
        "the economy, and more than 4 in 10 said the mayor would be best at handling it."
    )
    assert _spans(a) == [
        "they were very worried about the direction of the economy",
        "the mayor would be best at handling it",
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The government proposed a steep levy last year on the most polluting plants.",
            "a steep levy last year on the most polluting plants",
        ),
        ("The ministry announced a ceasefire in Geneva on Tuesday.", "a ceasefire in Geneva"),
    ],
)
def test_a_noun_phrase_message_keeps_what_follows_its_object(
    analyse: Analyse, text: str, content: str
) -> None:
    assert _spans(analyse(text)) == [content]


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "Elizabeth Warren: Donald Trump Is a Failure in Business.\n\nShe spoke on Monday.",
            "Donald Trump Is a Failure in Business",
            "Elizabeth Warren",
        ),
        (
            "Poll: Clinton leads Trump by four points in Ohio.\n\nIt was close.",
            "Clinton leads Trump by four points in Ohio",
            "Poll",
        ),
    ],
)
def test_a_statement_after_its_sources_colon(
    analyse: Analyse, text: str, content: str, source: str
) -> None:
    q = analyse(text).quote(content)
    assert (q.cue, q.speaker_text) == (":", source)


@pytest.mark.parametrize(
    "text",
    [
        "Areas of change include: voter participation and campaign funding.",
        "The plan has one aim: to cut costs by half before 2030.",
        "Senator Ann Lee: a profile of the woman who would lead the party.",
    ],
)
def test_a_colon_after_anything_but_a_source_introduces_no_statement(
    analyse: Analyse, text: str
) -> None:
    assert _spans(analyse(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "An official, who spoke on condition of anonymity, confirmed the talks.",
        "She saw the film last week.",
        "He pointed the camera at the crowd.",
        "This year has seen prices rise sharply.",
    ],
)
def test_speaking_without_a_topic_reports_nothing(analyse: Analyse, text: str) -> None:
    a = analyse(text)
    assert [q.cue for q in a.quotes if q.cue in ("speak", "see", "point")] == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "“Nothing we could do now would make a difference,” Fred Kagan, director of the "
            "Critical Threats Project at the American Enterprise Institute in Washington, said.",
            "Fred Kagan",
        ),
        (
            "“Look, she needed to split the first two primaries,” added a South Carolina "
            "Democrat. “She has done that.”",
            "Democrat",
        ),
        ("“Tom Fox is no racist, guys,” Ann Lee assured the crowd.", "Ann Lee"),
        (
            "Ann Lee told the moderators:\n\n“The questions asked tonight show why "
            "nobody trusts the media.”",
            "Ann Lee",
        ),
    ],
)
def test_where_news_puts_the_speaker_of_a_direct_quote(
    analyse: Analyse, text: str, speaker: str
) -> None:
    q = analyse(text).quotes[0]
    assert q.speaker_text is not None and speaker in q.speaker_text


def test_a_participle_that_modifies_a_noun_is_no_cue(analyse: Analyse) -> None:
    a = analyse("Ann Lee told the paper in a written statement, “I do not want his support.”")
    assert [(q.cue, q.speaker_text) for q in a.quotes] == [("tell", "Ann Lee")]


def test_a_parenthetical_cue_whose_sentence_the_parser_reads_as_a_noun_phrase(
    analyse: Analyse,
) -> None:
    a = analyse(
        "In both cases, Tom Fox said, those donations paid for sponsorships at the tournament."
    )
    q = a.quote("those donations paid for sponsorships")
    assert (q.cue, q.speaker_text) == ("say", "Tom Fox")


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "As the Daily Post reported, even a split would leave him short of delegates.",
            "even a split would leave him short of delegates",
            "Daily Post",
        ),
        (
            "As reported by the Daily Post, investigators found 2,200 classified emails.",
            "investigators found 2,200 classified emails",
            "Daily Post",
        ),
        (
            "But as Ann Lee points out in a column, doing interviews is not the same.",
            "doing interviews is not the same",
            "Ann Lee",
        ),
    ],
)
def test_an_as_clause_names_the_source_of_its_sentence(
    analyse: Analyse, text: str, content: str, source: str
) -> None:
    a = analyse(text)
    assert _spans(a) == [content]
    speaker = a.quotes[0].speaker_text
    assert speaker is not None and source in speaker


def test_an_as_clause_with_its_own_object_reports_nothing(analyse: Analyse) -> None:
    assert _spans(analyse("As he said this, the crowd cheered.")) == []


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "His standing improved after his call for a total ban on all imports.",
            "for a total ban on all imports",
            "His",
        ),
        ("Her recent pledge to cut taxes by half was popular.", "to cut taxes by half", "Her"),
    ],
)
def test_a_call_or_pledge_reports_what_it_asks_or_promises(
    analyse: Analyse, text: str, content: str, source: str
) -> None:
    q = analyse(text).quote(content)
    assert q.speaker_text is not None and q.speaker_text.lower() == source.lower()


def test_a_call_without_its_maker_reports_nothing(analyse: Analyse) -> None:
    assert _spans(analyse("The decision prompted calls for an inquiry.")) == []


def test_a_that_clause_after_found_is_a_finding_whoever_found_it(analyse: Analyse) -> None:
    a = analyse("After an inquiry, the ministry found that the police had overcharged residents.")
    q = a.quote("the police had overcharged residents")
    assert (q.cue, q.speaker_text) == ("find", "the ministry")


def test_a_short_quoted_sentence_after_a_quote_continues_its_speaker(analyse: Analyse) -> None:
    a = analyse("“I feel very good about our chances,” Ann Lee said. “Very good.”")
    assert [(a.text[q.start : q.end], q.speaker_text) for q in a.quotes] == [
        ("“I feel very good about our chances,”", "Ann Lee"),
        ("“Very good.”", "Ann Lee"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # objects that are not messages
        "The police called him on Monday.",
        "He was promised a job.",
        "After denying the charges, he left the court.",
        "Investigators found the body in a field.",
        "Police questioned the driver for hours.",
        "She showed great courage.",
        "He threatened them with tariffs.",
        # asides, refusals, colons and titles that report nothing
        "As she spoke, the crowd cheered.",
        "We saw the fire as we drove home.",
        "The company dismissed 200 workers.",
        "The spokesman declined to comment on the investigation.",
        "The ministry did not respond to our request for comment.",
        "The winner is Ann Lee: she took 60 percent of the vote.",
        "She starred in “Oklahoma!” last year.",
    ],
)
def test_sentences_that_report_nothing(analyse: Analyse, text: str) -> None:
    assert _spans(analyse(text)) == []


def test_a_verb_of_perception_does_not_end_a_reported_clause(analyse: Analyse) -> None:
    a = analyse("Ann Lee said that the plant closed and workers saw their hours cut.")
    assert _spans(a) == ["that the plant closed and workers saw their hours cut"]


def test_a_coordinated_evidence_verb_keeps_its_own_subject(analyse: Analyse) -> None:
    q = analyse("Turnout was low, and a new poll shows the senator leading.").quote("the senator")
    assert (q.cue, q.speaker_text) == ("show", "a new poll")


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        # thought: verbs of hoping (the model's lemma "hop" is corrected) and knowing
        ("Ann Lee hoped the talks would resume soon.", "the talks would resume", "hope", "Ann Lee"),
        ("The senator knows the race is close.", "the race is close", "know", "The senator"),
        # a held view after an adjective of belief
        (
            "The minister was confident that the deal would hold.",
            "that the deal would hold",
            "confident",
            "The minister",
        ),
        # intentions and expectations through an infinitive
        ("The union plans to strike next week.", "to strike next week", "plan", "The union"),
        ("Ann Lee wants to run for governor.", "to run for governor", "want", "Ann Lee"),
    ],
)
def test_thoughts_intentions_and_held_views_are_reported(
    analyse: Analyse, text: str, content: str, cue: str, speaker: str
) -> None:
    q = analyse(text).quote(content)
    assert (q.kind, q.cue, q.speaker_text) == ("indirect", cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "He knows how the system works.",
        "She knew him from school.",
        "They were not confident that the bridge would hold.",
        "Make sure that the doors are locked.",
        "The company hopes for a better year.",
    ],
)
def test_knowing_a_fact_or_a_person_and_denied_views_report_nothing(
    analyse: Analyse, text: str
) -> None:
    assert _spans(analyse(text)) == []


def test_a_passive_cues_subject_is_what_is_spoken_of_not_its_source(analyse: Analyse) -> None:
    expected = analyse("The central bank is expected to raise rates again.").quote("raise rates")
    assert (expected.cue, expected.speaker_text) == ("expect", None)
    told = analyse("Voters were told by officials that the polls would close early.")
    assert told.quote("the polls would close").speaker_text == "officials"


def test_a_request_names_the_one_asked_at_the_start_of_its_content(analyse: Analyse) -> None:
    assert _spans(analyse("Ann Lee urged the party to drop the rule.")) == [
        "the party to drop the rule"
    ]


def test_a_coordinated_thought_goes_on_with_the_report(analyse: Analyse) -> None:
    a = analyse("Lee said the vote was close and the senator felt he had to answer.")
    assert _spans(a) == ["the vote was close and the senator felt he had to answer"]


def test_two_complements_after_one_cue_are_one_statement(analyse: Analyse) -> None:
    a = analyse(
        "Local officials said the bridge was unsafe, it had not been inspected for a decade."
    )
    assert _spans(a) == ["the bridge was unsafe, it had not been inspected for a decade"]
    assert a.quotes[0].speaker_text == "Local officials"


def test_a_call_on_someone_names_them_at_the_start_of_the_request(analyse: Analyse) -> None:
    assert _spans(analyse("Ann Lee called on the council to drop the plan.")) == [
        "the council to drop the plan"
    ]


def test_a_passive_verb_before_the_cue_still_gives_its_subject(analyse: Analyse) -> None:
    a = analyse("The minister was asked about the budget and said cuts would follow.")
    q = a.quote("cuts would follow")
    assert (q.cue, q.speaker_text) == ("say", "The minister")


def test_an_expected_announcement_is_reported_by_the_announcement(analyse: Analyse) -> None:
    """The one expected to announce is who will say it (a planned statement)."""
    a = analyse("Biden is expected to announce that troops will stay.")
    assert [(q.cue, a.text[q.start : q.end], q.speaker_text) for q in a.quotes] == [
        ("announce", "that troops will stay", "Biden")
    ]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("The Fed is expected to signal a pause in rate rises.", "signal a pause", "expect"),
        ("She plans to ask for a recount.", "ask for a recount", "plan"),
    ],
)
def test_an_intended_act_of_speech_without_a_clause_is_the_intention(
    analyse: Analyse, text: str, content: str, cue: str
) -> None:
    assert analyse(text).quote(content).cue == cue


def test_a_coordinated_report_of_evidence_ends_the_clause_before_it(analyse: Analyse) -> None:
    a = analyse("Officials said turnout was low, and a new poll shows the senator leading.")
    assert _spans(a) == ["turnout was low", "the senator leading"]


def test_a_day_after_called_on_is_not_the_one_asked(analyse: Analyse) -> None:
    assert _spans(analyse("Ann Lee called on Tuesday to drop the plan.")) == ["to drop the plan"]


@pytest.mark.parametrize(
    "text",
    ["No one was sure that the bridge would hold.", "Is the minister sure that the deal holds?"],
)
def test_nobodys_view_and_a_question_report_no_belief(analyse: Analyse, text: str) -> None:
    assert _spans(analyse(text)) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("He appears to be confident that the deal will pass.", "He"),
        ("She was sure that the voters would ask: why now?", "She"),
    ],
)
def test_a_belief_held_through_another_verb_or_ending_in_a_question_is_reported(
    analyse: Analyse, text: str, speaker: str
) -> None:
    [q] = [q for q in analyse(text).quotes if q.cue in ("confident", "sure")]
    assert q.speaker_text == speaker


def test_a_coordinated_verb_of_knowing_goes_on_with_the_report(analyse: Analyse) -> None:
    a = analyse("He said the economy was weak and the senator knew it had to change.")
    assert _spans(a) == ["the economy was weak and the senator knew it had to change"]
