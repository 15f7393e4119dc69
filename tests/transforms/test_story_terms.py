import math

from transforms.story_terms import (
    DATE_PREFIX,
    ENTITY_PREFIX,
    BatchSimilarity,
    TermWeights,
    Vector,
    term_vector,
    words,
)


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


def test_title_words_count_more_and_cosine_is_symmetric() -> None:
    plain = term_vector("", "Earthquake hits Chile. Rescuers search rubble.", TermWeights())
    titled = term_vector("Earthquake hits Chile", "Rescuers search rubble.", TermWeights())
    assert titled["earthquake"] > titled["rescuers"]
    assert math.isclose(cosine(plain, titled), cosine(titled, plain))
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
