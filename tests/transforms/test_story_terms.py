import math
from datetime import date

import numpy as np
import polars as pl

from transforms.extraction import Extraction
from transforms.story_terms import (
    DATE_PREFIX,
    ENTITY_PREFIX,
    NAMED_PREFIX,
    PRINCIPAL_PREFIX,
    BatchSimilarity,
    Participants,
    TermWeights,
    Vector,
    article_participants,
    article_vectors,
    cast_terms,
    conflicts,
    name_rarity,
    participants,
    rarest_word,
    term_vector,
    terms_frame,
    words,
)


def conflict(a: Participants, b: Participants) -> bool:
    """`conflicts` for one pair: the rule is written once, for many pairs."""
    pair = pl.DataFrame({"i": [0], "j": [0]})
    return bool(conflicts(pair, cast_terms([a], "i"), cast_terms([b], "j"))[0])


def cosine(a: Vector, b: Vector) -> float:
    """The reference: a plain sparse dot product."""
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def test_words_keep_content_mark_numbers_and_drop_possessives() -> None:
    assert words("The alliance's 23 ministers met in Brussels in 2016.") == [
        "alliance",
        "#23",
        "ministers",
        "met",
        "brussels",
        "#2016",
    ]


def test_rare_words_outweigh_common_ones_and_the_commonest_are_no_terms() -> None:
    vector = term_vector("", "Stoltenberg told the minister and the government.", TermWeights())
    assert vector["stoltenberg"] > vector["minister"] > 0
    assert "government" not in vector and "told" not in vector


def test_vector_is_unit_length_and_keeps_the_heaviest_terms() -> None:
    body = " ".join(f"word{i} Stoltenberg" for i in range(5)) + " apple banana cherry government"
    vector = term_vector("", body, TermWeights(top_terms=3))
    assert len(vector) == 3
    assert math.isclose(sum(w * w for w in vector.values()), 1.0)
    assert "government" not in vector


def test_names_and_resolved_dates_are_terms_of_their_own() -> None:
    vector = term_vector(
        "Ministers meet",
        "Defence ministers met in Brussels.",
        TermWeights(),
        entities=[("e1", "Jens Stoltenberg"), ("e1", "Stoltenberg")],
        event_dates=["2023-02-14"],
    )
    assert vector[ENTITY_PREFIX + "e1"] > 0
    assert vector[DATE_PREFIX + "2023-02-14"] > 0


def test_only_a_date_the_text_states_in_full_is_a_term() -> None:
    """ "On Tuesday" and "at about 2:30 a.m." are read against the dateline, so
    every article of that week or day would share them; "March 30" names a day."""
    published = date(2014, 4, 2)
    articles = pl.DataFrame(
        {
            "article_id": ["a"],
            "title": ["Fire destroys warehouse"],
            "body": ["A fire destroyed a warehouse at about 2:30 a.m., firefighters said."],
        }
    )
    events = pl.DataFrame(
        {
            "article_id": ["a", "a", "a", "a"],
            "event_date": [published, date(2014, 4, 1), date(2014, 3, 30), published],
            "date_text": ["at about 2:30 a.m.", "on Tuesday", "March 30, 2014", None],
            "date_precision": ["day", "day", "day", "day"],
            "date_source": ["relative", "relative", "explicit", "publication"],
        }
    )
    mentions = Extraction.empty().mentions
    vector = article_vectors(articles, mentions, events, TermWeights())["a"]
    assert [t for t in vector if t.startswith(DATE_PREFIX)] == [DATE_PREFIX + "2014-03-30"]


def test_title_words_count_more_and_vectors_are_unit_length() -> None:
    plain = term_vector("", "Earthquake hits Chile. Rescuers search rubble.", TermWeights())
    titled = term_vector("Earthquake hits Chile", "Rescuers search rubble.", TermWeights())
    assert titled["earthquake"] > titled["rescuers"]
    assert math.isclose(cosine(plain, plain), 1.0) and math.isclose(cosine(titled, titled), 1.0)
    assert 0 < cosine(plain, titled) < 1


def test_batch_similarity_pairs_each_article_with_the_earlier_ones_it_shares_terms_with() -> None:
    vectors = [
        term_vector("", "Earthquake hits Chile near Iquique.", TermWeights()),
        term_vector("", "Arsenal sign a midfielder.", TermWeights()),
        term_vector("", "Iquique earthquake: Chile counts damage.", TermWeights()),
    ]
    similarity = BatchSimilarity(vectors)
    assert [list(a) for a in similarity.earlier(0)] == [[], []]
    earlier, cosines = similarity.earlier(2)
    assert list(earlier) == [0]
    assert math.isclose(cosines[0], cosine(vectors[0], vectors[2]))


def test_the_principal_is_the_first_person_of_the_lead_and_named_covers_the_prominent() -> None:
    found = participants(
        [
            ("New Orleans", "GPE", 0),
            ("Pierre Thomas", "PERSON", 0),
            ("Sean Payton", "PERSON", 1),
            ("Chris Ivory", "PERSON", 5),
            ("Ivory", "PERSON", 6),
            ("Reggie Bush", "PERSON", 7),
        ]
    )
    assert found.principal == {"pierre", "thomas"}
    # early (sentences 0-2) or among the two most mentioned; a passing name is not
    assert found.named == {"pierre", "thomas", "sean", "payton", "chris", "ivory"}
    assert participants([("Gulf of Aden", "LOC", 0), ("Jane Doe", "PERSON", 4)]).principal == set()


def test_a_person_named_once_in_the_background_is_not_among_the_most_mentioned() -> None:
    found = participants([("Pierre Thomas", "PERSON", 0), ("Adam Abbott", "PERSON", 9)])
    assert found.named == {"pierre", "thomas"}
    recalled = participants(
        [("Pierre Thomas", "PERSON", 0), ("Adam Abbott", "PERSON", 9), ("Abbott", "PERSON", 12)]
    )
    assert recalled.named == {"pierre", "thomas", "adam", "abbott"}


def test_a_name_is_keyed_and_weighed_by_its_rarest_word() -> None:
    assert rarest_word(["jens", "stoltenberg"]) == rarest_word(["stoltenberg", "jens"])
    assert rarest_word(["jens", "stoltenberg"]) == "stoltenberg"
    assert rarest_word([]) is None
    assert name_rarity("Jens Stoltenberg") == name_rarity("Stoltenberg") > name_rarity("Jens")
    assert name_rarity("2016") == 0.0


def test_reports_conflict_when_each_leads_with_a_person_the_other_barely_names() -> None:
    thomas = participants([("Pierre Thomas", "PERSON", 0), ("Sean Payton", "PERSON", 2)])
    thomas_again = participants([("Thomas", "PERSON", 0), ("Payton", "PERSON", 1)])
    bush = participants([("Reggie Bush", "PERSON", 0), ("Sean Payton", "PERSON", 1)])
    both = participants([("Reggie Bush", "PERSON", 0), ("Pierre Thomas", "PERSON", 1)])
    nobody = participants([("New Orleans", "GPE", 0)])
    assert conflict(thomas, bush) and conflict(bush, thomas)
    assert not conflict(thomas, thomas_again)  # one word of the name is enough
    assert not conflict(both, thomas) and not conflict(both, bush)
    assert not conflict(nobody, bush)  # no principal, no conflict


def test_participants_are_stored_as_weightless_terms_and_scale_incident_cosines() -> None:
    mentions = pl.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "text": ["Reggie Bush", "Pierre Thomas", "Pierre Thomas"],
            "label": ["PERSON"] * 3,
            "sentence_index": [0, 0, 0],
            "start_char": [0, 0, 0],
        }
    )
    found = article_participants(mentions)
    body = "The Saints placed their running back on injured reserve with a knee injury."
    vectors = {a: term_vector("", body, TermWeights()) for a in "abc"}
    terms = terms_frame(vectors, found)
    stored = terms.filter(pl.col("article_id") == "a")
    assert set(stored.filter(pl.col("weight") == 0)["term"]) == {
        PRINCIPAL_PREFIX + "reggie",
        PRINCIPAL_PREFIX + "bush",
        NAMED_PREFIX + "reggie",
        NAMED_PREFIX + "bush",
    }
    order = [found["a"], found["b"], found["c"]]
    similarity = BatchSimilarity([vectors[a] for a in "abc"], order, conflict_factor=0.5)
    earlier, cosines = similarity.earlier(2)
    assert list(earlier) == [0, 1]
    assert math.isclose(cosines[0], 1.0) and math.isclose(cosines[1], 1.0)
    assert list(similarity.incident_cosines(2)) == [cosines[0] * 0.5, cosines[1]]
    assert list(BatchSimilarity(list(vectors.values())).incident_cosines(2)) == list(cosines)
    assert Participants() == participants([])


def test_conflicts_of_many_pairs_read_stored_terms_and_apply_the_rule_to_each() -> None:
    """Pairs with stored articles are judged from their stored terms, many at a
    time, exactly as the rule judges two casts (checked here against it spelt
    out with sets), repeated pairs and principal-less casts included."""
    rng = np.random.default_rng(6)
    names = ["Reggie Bush", "Pierre Thomas", "Sean Payton", "Drew Brees", "Thomas Morstead"]

    def cast() -> Participants:
        people = rng.choice(names, size=int(rng.integers(0, 3)), replace=False)
        first = int(rng.integers(0, 3))
        return participants([(name, "PERSON", first + n) for n, name in enumerate(people)])

    left = [cast() for _ in range(12)]
    right = [cast() for _ in range(30)]
    vector = term_vector("", "Saints place a running back on injured reserve.", TermWeights())
    ids = [f"s{j}" for j in range(len(right))]
    stored = (
        terms_frame(dict.fromkeys(ids, vector), dict(zip(ids, right, strict=True)))
        .filter(pl.col("weight") == 0)
        .select(pl.col("article_id").str.slice(1).cast(pl.Int64).alias("j"), "term")
    )
    pairs = pl.DataFrame(
        {"i": rng.integers(0, len(left), 400), "j": rng.integers(0, len(right), 400)}
    )
    expected = [
        bool(a.principal and b.principal)
        and not (a.principal & b.named)
        and not (b.principal & a.named)
        for a, b in ((left[i], right[j]) for i, j in pairs.iter_rows())
    ]
    assert list(conflicts(pairs, cast_terms(left, "i"), stored)) == expected
    assert 0 < sum(expected) < len(expected)
    assert [conflict(left[i], right[j]) for i, j in pairs.iter_rows()] == expected
    assert len(conflicts(pairs.clear(), cast_terms(left, "i"), stored)) == 0
