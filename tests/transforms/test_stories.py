from datetime import date

import polars as pl

from transforms.stories import (
    Incoming,
    StoryParams,
    assign,
    date_gap,
    decay,
    incident_id_of,
    story_id_of,
)
from transforms.story_terms import TermWeights, participants, term_vector

NO_DOTS = pl.DataFrame(schema={"article_id": pl.String, "cluster_id": pl.String, "dot": pl.Float64})

QUAKE_1 = (
    "A magnitude 7.1 earthquake struck northern Chile near Iquique, killing 12 people. "
    "Rescuers searched collapsed homes in Iquique as aftershocks shook the region."
)
QUAKE_2 = (
    "Rescue teams dug through rubble in Iquique after the Chile earthquake killed 12. "
    "The magnitude 7.1 quake damaged the port and aftershocks continued."
)
QUAKE_AID = (
    "Chile's government sent aid to Iquique after the earthquake. Engineers inspected "
    "schools while the port city counted damage from aftershocks and rescuers rested."
)
FOOTBALL = (
    "Arsenal signed a Norwegian midfielder for 30 million pounds on transfer deadline day, "
    "the Premier League club announced, beating Juventus to the deal."
)


def arrivals(*bodies: str, day: date = date(2014, 4, 2)) -> list[Incoming]:
    return [
        Incoming(f"a{i}", day, term_vector("", body, TermWeights()))
        for i, body in enumerate(bodies)
    ]


def test_reports_of_one_event_share_a_story_and_an_unrelated_one_starts_its_own() -> None:
    result = assign(arrivals(QUAKE_1, QUAKE_2, FOOTBALL), {}, NO_DOTS, {}, 0, StoryParams())
    first, second, third = result
    assert (first.story_id, first.score) == (story_id_of("a0"), None)
    assert (second.story_id, second.incident_id) == (first.story_id, first.incident_id)
    assert second.score is not None and second.score >= StoryParams().story_threshold
    assert third.story_id == story_id_of("a2")
    assert [p.sequence for p in result] == [0, 1, 2]


def test_incidents_nest_inside_their_story() -> None:
    params = StoryParams(story_threshold=0.05, incident_threshold=0.6)
    result = assign(arrivals(QUAKE_1, QUAKE_AID), {}, NO_DOTS, {}, 7, params)
    first, second = result
    assert second.story_id == first.story_id
    assert second.incident_id == incident_id_of("a1") != first.incident_id
    assert second.sequence == 8


def test_publication_dates_far_outside_a_story_weaken_the_link_softly() -> None:
    first, last = date(2020, 1, 1).toordinal(), date(2020, 1, 31).toordinal()
    assert date_gap(date(2020, 1, 10).toordinal(), first, last) == 0
    assert date_gap(date(2020, 3, 1).toordinal(), first, last) == 30
    assert decay(0, 14) == 1.0
    assert decay(14, 14) == 0.5
    assert decay(365, 365) == 0.5
    [early] = arrivals(QUAKE_1)
    [near] = arrivals(QUAKE_2, day=date(2014, 4, 9))
    [late] = arrivals(QUAKE_2, day=date(2016, 4, 2))
    params = StoryParams(story_decay_days=30)
    soon = assign([early, near], {}, NO_DOTS, {}, 0, params)[1]
    years = assign([early, late], {}, NO_DOTS, {}, 0, params)[1]
    assert soon.story_id == story_id_of(early.article_id)
    assert years.story_id == story_id_of(late.article_id)


def test_a_near_duplicate_follows_its_original_and_changes_no_cluster() -> None:
    incoming = arrivals(QUAKE_1, QUAKE_2)
    copy = Incoming("copy", date(2014, 4, 3), incoming[0].vector, duplicate_of="a0")
    result = assign([incoming[0], copy, incoming[1]], {}, NO_DOTS, {}, 0, StoryParams())
    first, duplicate, second = result
    assert (duplicate.story_id, duplicate.incident_id) == (first.story_id, first.incident_id)
    assert (duplicate.duplicate_of, duplicate.score) == ("a0", None)
    alone = assign(incoming, {}, NO_DOTS, {}, 0, StoryParams())[1]
    assert second.score == alone.score


INJURED_BUSH = (
    "The New Orleans Saints placed running back Reggie Bush on injured reserve on "
    "Wednesday, ending his season after a knee injury against the Chicago Bears."
)
INJURED_THOMAS = (
    "The New Orleans Saints placed running back Pierre Thomas on injured reserve on "
    "Wednesday, ending his season after a knee injury against the Chicago Bears."
)


def test_one_story_but_two_incidents_when_the_principal_persons_conflict() -> None:
    day = date(2014, 4, 2)
    bush = participants([("Reggie Bush", "PERSON", 0)])
    thomas = participants([("Pierre Thomas", "PERSON", 0)])
    incoming = [
        Incoming("a0", day, term_vector("", INJURED_BUSH, TermWeights()), participants=bush),
        Incoming("a1", day, term_vector("", INJURED_THOMAS, TermWeights()), participants=thomas),
    ]
    # the vocabulary alone puts both in one incident
    params = StoryParams(incident_threshold=0.5)
    alike = assign(
        incoming, {}, NO_DOTS, {}, 0, StoryParams(incident_threshold=0.5, conflict_factor=1.0)
    )
    assert alike[1].incident_id == alike[0].incident_id
    first, second = assign(incoming, {}, NO_DOTS, {}, 0, params)
    assert second.story_id == first.story_id
    assert second.incident_id == incident_id_of("a1")
