"""Story assignment: each new article joins the story and, inside it, the
incident it reports, or founds new ones.

This is single-pass clustering, the way topic detection and tracking systems
follow a news stream: an article is compared with what has already arrived,
by average-link similarity (its mean cosine with a cluster's original
articles), discounted by how far its publication date lies outside the
cluster's date range. A story takes a looser threshold than an incident, and
an article only looks for an incident inside the story it joined, so the two
levels nest. The decision for an article depends only on the articles that
arrived before it, never on how arrivals were cut into batches, which is why a
rebuild that replays the arrival order reproduces incremental runs exactly,
provided the stored articles were placed by this code: those placed before
migration 006 carry no participant terms, so the conflict rule below cannot
reach them until one rebuild (warehouse/stories.py warns of them).

At the incident level only, the cosine of two articles whose principal persons
conflict (transforms/story_terms.py: `conflicts`) counts `conflict_factor` times:
look-alike events of one kind (two players put on injured reserve by one club)
share nearly all their rare words, and who they happened to is what tells them
apart; the story level keeps them together.

Near-duplicates follow their original into its story and incident and do not
change any cluster (a syndicated copy counts once).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import numpy as np
import numpy.typing as npt
import polars as pl

from transforms.language import EXTRACTED_LANGUAGES
from transforms.schemas import STORY_ARTICLES
from transforms.story_terms import BatchSimilarity, Participants, Vector

Level = Literal["story", "incident"]
_DIGITS = 9


@dataclass(frozen=True)
class StoryParams:
    story_threshold: float = 0.13
    incident_threshold: float = 0.18
    story_decay_days: float = 365.0
    incident_decay_days: float = 14.0
    conflict_factor: float = 0.5


@dataclass(frozen=True)
class Cluster:
    """A stored story or incident: how many original articles it holds and the
    dates they span; `story_id` is the story an incident belongs to (a story's
    own id for a story)."""

    cluster_id: str
    level: Level
    story_id: str
    size: int
    first_date: date
    last_date: date


@dataclass(frozen=True)
class Incoming:
    article_id: str
    published_date: date
    vector: Vector
    duplicate_of: str | None = None
    participants: Participants = field(default_factory=Participants)


@dataclass(frozen=True)
class Placement:
    article_id: str
    story_id: str
    incident_id: str
    score: float | None
    incident_score: float | None
    duplicate_of: str | None
    sequence: int


def arrival_order(articles: pl.DataFrame) -> pl.DataFrame:
    """The articles a run places, in the order it places them: publication
    order within a chunk, the languages extraction covers only (the others
    have no entities or events to compare)."""
    return articles.filter(pl.col("language").is_in(list(EXTRACTED_LANGUAGES))).sort(
        "published_date", "article_id"
    )


def story_id_of(article_id: str) -> str:
    return f"story-{article_id}"


def incident_id_of(article_id: str) -> str:
    return f"incident-{article_id}"


def date_gap(day: int, first: npt.ArrayLike, last: npt.ArrayLike) -> npt.NDArray[np.int64]:
    """Days (ordinals) outside the cluster's range; zero inside it."""
    gap = np.maximum(0, np.maximum(np.subtract(first, day), np.subtract(day, last)))
    return np.asarray(gap, dtype=np.int64)


def decay(gap_days: npt.ArrayLike, scale_days: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """Soft: a story a year old still counts half, so long stories stay whole."""
    return np.asarray(1.0 / (1.0 + np.divide(gap_days, scale_days)), dtype=np.float64)


STORY, INCIDENT = 0, 1


class _Clusters:
    """Stored clusters the batch can reach plus those it creates, as arrays
    indexed by a code, so an article is scored against all its candidates at once."""

    def __init__(self, stored: Mapping[str, Cluster], capacity: int) -> None:
        size = len(stored) + 2 * capacity + 1
        self.ids: list[str] = []
        self.code: dict[str, int] = {}
        self.level = np.zeros(size, dtype=np.int8)
        self.parent = np.zeros(size, dtype=np.int64)
        self.size = np.zeros(size, dtype=np.float64)
        self.first = np.zeros(size, dtype=np.int64)
        self.last = np.zeros(size, dtype=np.int64)
        for cluster in sorted(stored.values(), key=lambda c: (c.level != "story", c.cluster_id)):
            code = self._new(cluster.cluster_id, cluster.level, cluster.story_id)
            self.size[code] = cluster.size
            self.first[code] = cluster.first_date.toordinal()
            self.last[code] = cluster.last_date.toordinal()

    def _new(self, cluster_id: str, level: Level, story_id: str) -> int:
        code = len(self.ids)
        self.ids.append(cluster_id)
        self.code[cluster_id] = code
        self.level[code] = STORY if level == "story" else INCIDENT
        self.parent[code] = code if level == "story" else self.code[story_id]
        return code

    def join(self, cluster_id: str, level: Level, story_id: str, day: int) -> int:
        code = self.code.get(cluster_id)
        if code is None:
            code = self._new(cluster_id, level, story_id)
            self.first[code] = self.last[code] = day
        self.size[code] += 1
        self.first[code] = min(int(self.first[code]), day)
        self.last[code] = max(int(self.last[code]), day)
        return code

    def scores(
        self,
        codes: npt.NDArray[np.int64],
        dots: npt.NDArray[np.float64],
        day: int,
        params: StoryParams,
    ) -> npt.NDArray[np.float64]:
        gap = date_gap(day, self.first[codes], self.last[codes])
        scale = np.where(
            self.level[codes] == STORY, params.story_decay_days, params.incident_decay_days
        )
        values = dots / self.size[codes] * decay(gap, scale)
        return np.asarray(np.round(np.clip(values, 0.0, 1.0), _DIGITS), dtype=np.float64)

    def best(
        self, codes: npt.NDArray[np.int64], scores: npt.NDArray[np.float64]
    ) -> tuple[int | None, float]:
        """Highest score; ties go to the smaller cluster id, so the choice never
        depends on the order candidates were found in."""
        if codes.size == 0:
            return None, 0.0
        top = float(scores.max())
        tied = codes[scores == top]
        return min((int(c) for c in tied), key=self.ids.__getitem__), top


def _stored_rows(
    stored_dots: pl.DataFrame, order: Sequence[str], clusters: _Clusters
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Row starts per incoming article, cluster codes and dots, sorted by article."""
    position = {article_id: i for i, article_id in enumerate(order)}
    frame = (
        stored_dots.filter(pl.col("article_id").is_in(list(position)))
        .with_columns(
            pl.col("article_id").replace_strict(position, return_dtype=pl.Int64).alias("i"),
            pl.col("cluster_id").replace_strict(clusters.code, return_dtype=pl.Int64).alias("c"),
        )
        .sort("i", "c")
    )
    starts = np.searchsorted(frame["i"].to_numpy(), np.arange(len(order) + 1))
    codes = np.asarray(frame["c"].to_numpy(), dtype=np.int64)
    return starts, codes, np.asarray(frame["dot"].to_numpy(), dtype=np.float64)


def assign(
    incoming: Sequence[Incoming],
    stored: Mapping[str, Cluster],
    stored_dots: pl.DataFrame,
    stored_homes: Mapping[str, tuple[str, str]],
    first_sequence: int,
    params: StoryParams,
    similarity: BatchSimilarity | None = None,
) -> list[Placement]:
    """Place `incoming` in arrival order. `stored` are the clusters that share
    a term with some incoming article; `stored_dots` (article_id, cluster_id,
    dot) the dot product of an article's vector with a cluster's summed member
    vectors, its incident rows already weighed by the conflict factor;
    `stored_homes[article]` the (story, incident) of stored originals that
    incoming duplicates copy; `similarity` the batch's own cosines (built from
    the vectors and participants when not given)."""
    similarity = similarity or BatchSimilarity(
        [item.vector for item in incoming],
        [item.participants for item in incoming],
        params.conflict_factor,
    )
    clusters = _Clusters(stored, len(incoming))
    starts, stored_codes, dots = _stored_rows(
        stored_dots, [item.article_id for item in incoming], clusters
    )
    homes = dict(stored_homes)
    story_of = np.full(len(incoming), -1, dtype=np.int64)
    incident_of = np.full(len(incoming), -1, dtype=np.int64)
    placements = []
    for i, item in enumerate(incoming):
        sequence = first_sequence + i
        if item.duplicate_of is not None:
            story_id, incident_id = homes[item.duplicate_of]
            homes[item.article_id] = (story_id, incident_id)
            placements.append(
                Placement(
                    item.article_id, story_id, incident_id, None, None, item.duplicate_of, sequence
                )
            )
            continue
        earlier, cosines = similarity.earlier(i)
        placed = story_of[earlier] >= 0
        earlier, cosines = earlier[placed], cosines[placed]
        incident_cosines = similarity.incident_cosines(i)[placed]
        codes, inverse = np.unique(
            np.concatenate(
                [stored_codes[starts[i] : starts[i + 1]], story_of[earlier], incident_of[earlier]]
            ),
            return_inverse=True,
        )
        summed = np.bincount(
            inverse,
            weights=np.concatenate([dots[starts[i] : starts[i + 1]], cosines, incident_cosines]),
        ).astype(np.float64)
        day = item.published_date.toordinal()
        scores = clusters.scores(codes, summed, day, params)
        is_story = clusters.level[codes] == STORY
        story, story_score = clusters.best(codes[is_story], scores[is_story])
        if story is None or story_score < params.story_threshold:
            story_id, kept_story_score = story_id_of(item.article_id), None
        else:
            story_id, kept_story_score = clusters.ids[story], story_score
        in_story = ~is_story & (clusters.parent[codes] == clusters.code.get(story_id, -1))
        incident, incident_score = clusters.best(codes[in_story], scores[in_story])
        if incident is None or incident_score < params.incident_threshold:
            incident_id, kept_incident_score = incident_id_of(item.article_id), None
        else:
            incident_id, kept_incident_score = clusters.ids[incident], incident_score
        story_of[i] = clusters.join(story_id, "story", story_id, day)
        incident_of[i] = clusters.join(incident_id, "incident", story_id, day)
        homes[item.article_id] = (story_id, incident_id)
        placements.append(
            Placement(
                item.article_id,
                story_id,
                incident_id,
                kept_story_score,
                kept_incident_score,
                None,
                sequence,
            )
        )
    return placements


def placements_frame(placements: Sequence[Placement]) -> pl.DataFrame:
    return pl.DataFrame([p.__dict__ for p in placements], schema=STORY_ARTICLES)
