from transforms.near_duplicates import find_duplicates, resemblance, shingles
from transforms.story_terms import BatchSimilarity, TermWeights, term_vector

WIRE = (
    "Rescue teams in northern Chile searched collapsed homes on Sunday after a magnitude 7.1 "
    "earthquake struck near the port city of Iquique, officials said. At least 12 people were "
    "killed and hundreds were injured, according to the national emergency office, which "
    "warned that aftershocks could bring down more damaged buildings in the coming days."
)
EDITED = WIRE.replace("officials said", "local officials said") + " (Reuters)"
OTHER = (
    "Chile's president visited Iquique on Monday, a day after the earthquake, and promised "
    "money to rebuild the port city. Engineers began inspecting schools and hospitals while "
    "families slept outdoors for a second night, fearing further aftershocks."
)


def test_a_lightly_edited_copy_resembles_its_source_and_a_report_on_the_same_event_does_not() -> (
    None
):
    assert resemblance(shingles(WIRE), shingles(EDITED)) >= 0.8
    assert resemblance(shingles(WIRE), shingles(OTHER)) < 0.2


def similarity(*bodies: str) -> BatchSimilarity:
    return BatchSimilarity([term_vector("", body, TermWeights()) for body in bodies])


def test_copies_name_the_first_original_even_through_a_copy_of_a_copy() -> None:
    bodies = {"a": WIRE, "b": OTHER, "c": EDITED, "d": EDITED + " More to follow."}
    found = find_duplicates(
        ["a", "b", "c", "d"],
        similarity(*bodies.values()),
        bodies,
        {},
        {},
        {},
        screen=0.5,
        threshold=0.8,
    )
    assert found == {"c": "a", "d": "a"}


def test_a_stored_article_comes_before_the_batch() -> None:
    bodies = {"new": EDITED}
    found = find_duplicates(
        ["new"],
        similarity(EDITED),
        bodies,
        {"new": ["old"]},
        {"old": WIRE},
        {"old": None},
        screen=0.5,
        threshold=0.8,
    )
    assert found == {"new": "old"}
