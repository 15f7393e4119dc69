"""The accuracy benchmark's scoring rules on hand-made inputs: if these drift, every
figure in benchmarks/RESULTS.md stops being comparable with the recorded ones."""

from __future__ import annotations

from datetime import date

import pytest

from benchmarks.scoring import (
    PRF,
    EventGuess,
    GoldQuote,
    PredQuote,
    conll_label,
    count_quotes,
    fuzzy_match,
    is_pronoun,
    match_spans,
    pick_main_event,
    score_entities,
    score_quotes,
    slot_hits,
    spans_match,
    speaker_credit,
    token_f1,
    tokens,
    trim_span,
)

# --- shared -------------------------------------------------------------------------


def test_prf_zero_counts_score_zero_not_nan() -> None:
    assert PRF(0, 0, 0).f1 == 0.0
    assert PRF(0, 0, 5).precision == 0.0
    assert PRF(0, 3, 0).recall == 0.0


def test_prf_values() -> None:
    p = PRF(tp=2, pred=4, gold=2)
    assert (p.precision, p.recall) == (0.5, 1.0)
    assert p.f1 == pytest.approx(2 / 3)


def test_tokens_lowercase_and_drop_punctuation() -> None:
    assert tokens("Mr. Obama's “plan”") == ["mr", "obama", "s", "plan"]
    assert tokens(None) == []
    assert tokens("  ") == []


# --- quote spans --------------------------------------------------------------------


def test_span_match_uses_the_longer_span() -> None:
    assert spans_match((0, 10), (0, 5))  # 5 of the longer 10
    assert not spans_match((0, 10), (0, 4))
    assert not spans_match((0, 4), (0, 10))  # symmetric
    assert not spans_match((0, 5), (5, 10))  # touching is no overlap
    assert not spans_match((3, 3), (3, 3))  # empty spans never match


def test_matching_is_one_to_one_and_greedy_by_overlap() -> None:
    # One prediction overlaps two gold fragments: it may take only one (the larger).
    assert match_spans([(0, 10), (10, 20)], [(2, 20)]) == {0: 1}
    # Two predictions for one gold quote: the better one wins, the other is a miss.
    assert match_spans([(0, 10)], [(0, 6), (0, 10)]) == {1: 0}
    assert match_spans([], [(0, 10)]) == {}
    assert match_spans([(0, 10)], []) == {}


def test_trim_span_drops_quotes_spaces_and_sentence_punctuation() -> None:
    text = ' "We will win," she said.'
    start, end = trim_span(text, 0, 15)
    assert text[start:end] == "We will win"
    assert trim_span("...", 0, 3) == (3, 3)


TEXT = "x" * 200


def test_no_predictions_scores_zero_with_full_gold() -> None:
    gold = [GoldQuote(0, 10, "direct", "Obama"), GoldQuote(20, 40, "indirect", None)]
    scores = score_quotes([(TEXT, gold, [])])
    assert (scores.span.tp, scores.span.pred, scores.span.gold) == (0, 0, 2)
    assert scores.span.f1 == 0.0
    assert scores.speaker_partial == 0.0


def test_no_gold_makes_every_prediction_a_false_positive() -> None:
    scores = score_quotes([(TEXT, [], [PredQuote(0, 10, ("Obama",))])])
    assert (scores.span.tp, scores.span.pred, scores.span.gold) == (0, 1, 0)


def test_one_long_prediction_is_not_counted_twice() -> None:
    gold = [GoldQuote(0, 10, "direct", "A"), GoldQuote(10, 20, "direct", "A")]
    scores = score_quotes([(TEXT, gold, [PredQuote(0, 20, ("A",))])])
    assert scores.span.tp == 1
    assert scores.span.recall == 0.5
    assert scores.span.precision == 1.0


def test_kind_restriction_ignores_predictions_matched_to_other_kinds() -> None:
    gold = [
        GoldQuote(0, 10, "direct", "A"),
        GoldQuote(20, 30, "indirect", "B"),
        GoldQuote(40, 50, "mixed", "C"),
    ]
    pred = [
        PredQuote(0, 10, ("A",)),  # hits the direct quote
        PredQuote(20, 30, ("B",)),  # hits an indirect quote: ignored when scoring direct
        PredQuote(100, 110, ("Z",)),  # hits nothing: a false positive for every kind
    ]
    direct = count_quotes(TEXT, gold, pred, ["direct"])
    assert (direct.gold, direct.pred, direct.matched) == (1, 2, 1)
    mixed = count_quotes(TEXT, gold, pred, ["mixed"])
    assert (mixed.gold, mixed.pred, mixed.matched) == (1, 1, 0)
    everything = count_quotes(TEXT, gold, pred)
    assert (everything.gold, everything.pred, everything.matched) == (3, 3, 2)
    assert everything.recall_by_kind == {"direct": (1, 1), "indirect": (1, 1), "mixed": (0, 1)}


def test_kind_restriction_does_not_rematch_predictions() -> None:
    # The prediction fits the indirect gold best; restricted to direct it must not
    # fall back to the direct gold it also overlaps.
    gold = [GoldQuote(0, 10, "direct", "A"), GoldQuote(4, 14, "indirect", "A")]
    direct = count_quotes(TEXT, gold, [PredQuote(5, 14, ("A",))], ["direct"])
    assert (direct.gold, direct.pred, direct.matched) == (1, 0, 0)


def test_exact_span_ignores_quote_marks_and_punctuation() -> None:
    text = 'He said: "We will win." Then he left.'
    gold = [GoldQuote(9, 23, "direct", "He")]  # '"We will win."'
    pred = [PredQuote(10, 21, ("he",))]  # 'We will win'
    scores = score_quotes([(text, gold, pred)])
    assert scores.exact.tp == 1
    off_by_a_word = score_quotes([(text, gold, [PredQuote(10, 18, ("he",))])])
    assert off_by_a_word.exact.tp == 0
    assert off_by_a_word.span.tp == 1


# --- speakers -----------------------------------------------------------------------


def test_speaker_partial_and_exact() -> None:
    assert speaker_credit("Mr. Obama", ["mr obama"]) == (True, True)
    assert speaker_credit("Mr. Obama", ["Barack Obama"]) == (False, True)
    # Titles and articles alone are not a shared token.
    assert speaker_credit("the man", ["the woman"]) == (False, False)
    assert speaker_credit("Mr. Obama", ["Mr. Trump"]) == (False, False)


def test_speaker_credit_from_either_surface_or_resolved_name() -> None:
    assert speaker_credit("he", ["he", "Barack Obama"]) == (True, True)
    assert speaker_credit("Obama", ["he", "Barack Obama"]) == (False, True)
    assert speaker_credit("Obama", ["he"]) == (False, False)


def test_null_gold_speaker_needs_no_speaker() -> None:
    assert speaker_credit(None, []) == (True, True)
    assert speaker_credit(None, ["", "  "]) == (True, True)
    assert speaker_credit(None, ["Obama"]) == (False, False)
    assert speaker_credit("Obama", []) == (False, False)


def test_speaker_accuracy_is_over_matched_quotes_only() -> None:
    gold = [
        GoldQuote(0, 10, "direct", "Obama"),
        GoldQuote(20, 30, "indirect", None),
        GoldQuote(40, 50, "direct", "he"),
        GoldQuote(60, 70, "direct", "Trump"),  # not matched: no say in speaker accuracy
    ]
    pred = [
        PredQuote(0, 10, ("Barack Obama",)),
        PredQuote(20, 30, ()),
        PredQuote(40, 50, ("Clinton",)),
    ]
    scores = score_quotes([(TEXT, gold, pred)])
    assert scores.speaker_partial == pytest.approx(2 / 3)
    assert scores.speaker_exact == pytest.approx(1 / 3)  # only the null pair
    # Non-pronoun gold: just "Obama" (null and "he" are left out).
    assert scores.speaker_partial_nonpronoun == 1.0
    assert scores.speaker_exact_nonpronoun == 0.0
    assert scores.quote_speaker.tp == 2


def test_pronouns() -> None:
    assert is_pronoun("He")
    assert is_pronoun("who")
    assert not is_pronoun("Hillary")
    assert not is_pronoun(None)


# --- ner ----------------------------------------------------------------------------


def test_label_mapping() -> None:
    assert conll_label("PERSON") == "PER"
    assert conll_label("GPE") == conll_label("FAC") == conll_label("LOC") == "LOC"
    assert conll_label("ORG") == "ORG"
    assert conll_label("NORP") is None
    assert conll_label("MISC") is None


def test_entities_exact_span_and_mapped_label() -> None:
    gold = [(0, 5, "PER"), (10, 16, "LOC"), (20, 25, "MISC"), (30, 35, "ORG")]
    pred = [
        (0, 5, "PERSON"),  # right
        (10, 16, "GPE"),  # right after mapping
        (20, 25, "NORP"),  # ignored on both sides
        (29, 35, "ORG"),  # span off by one: a false positive and a miss
    ]
    scores = score_entities([(gold, pred)])
    assert (scores.micro.tp, scores.micro.pred, scores.micro.gold) == (2, 3, 3)
    assert scores.by_label["ORG"].f1 == 0.0
    assert scores.by_label["PER"].f1 == 1.0


def test_entities_wrong_label_and_duplicates() -> None:
    scores = score_entities([([(0, 5, "ORG")], [(0, 5, "GPE"), (0, 5, "GPE")])])
    assert (scores.micro.tp, scores.micro.pred, scores.micro.gold) == (0, 2, 1)
    none = score_entities([([(0, 5, "ORG")], [])])
    assert none.micro.f1 == 0.0


# --- events -------------------------------------------------------------------------


def event(
    start: int,
    event_type: str | None = "attack",
    actor: str | None = "Police",
    *,
    trigger_text: str | None = None,
    target_text: str | None = None,
    location_text: str | None = None,
    date_text: str | None = None,
    event_date: date | None = None,
) -> EventGuess:
    return EventGuess(
        start_char=start,
        event_type=event_type,
        actor_text=actor,
        trigger_text=trigger_text,
        target_text=target_text,
        location_text=location_text,
        date_text=date_text,
        event_date=event_date,
    )


def test_token_f1() -> None:
    assert token_f1("the Chicago Cubs", "Chicago Cubs") == pytest.approx(0.8)
    assert token_f1("Cubs!", "cubs") == 1.0
    assert token_f1(None, "Cubs") == 0.0
    assert token_f1("Cubs", "") == 0.0


def test_fuzzy_match_any_candidate_and_skips_nulls() -> None:
    assert fuzzy_match("Croydon", [None, "in a tunnel near the station", "Croydon, London"])
    assert not fuzzy_match("London Bridge station", ["Croydon"])
    assert not fuzzy_match("Croydon", [])
    assert not fuzzy_match(None, ["Croydon"])


def test_main_event_prefers_earliest_non_statement_with_actor() -> None:
    said = event(0, "statement", "Obama")
    no_actor = event(5, "attack", None)
    attack = event(50, "attack", "Rebels")
    later = event(90, "meeting", "Leaders")
    assert pick_main_event([later, attack, no_actor, said]) is attack
    assert pick_main_event([no_actor, said]) is said
    assert pick_main_event([event(9, "x", ""), no_actor]) is no_actor
    assert pick_main_event([]) is None


def test_slot_hits() -> None:
    main = event(
        0,
        actor="The Chicago Cubs",
        trigger_text="won",
        target_text="the World Series",
        location_text="Cleveland",
        date_text="Wednesday night",
        event_date=date(2016, 11, 2),
    )
    candidates: dict[str, list[str | None]] = {
        "who": ["Chicago Cubs"],
        "what": ["won the World Series"],
        "where": [None, "at Progressive Field"],
        "when": ["12:47 a.m. Thursday"],
    }
    hits = slot_hits(main, candidates, date(2016, 11, 2))
    assert hits == {"who": True, "what": True, "where": False, "when": True}
    # Without the date matching, the when text alone does not match.
    assert not slot_hits(main, candidates, date(2016, 11, 3))["when"]
    assert not slot_hits(main, candidates, None)["when"]
    assert slot_hits(None, candidates, date(2016, 11, 2)) == dict.fromkeys(candidates, False)
