"""Story assignment against the warehouse: read what a batch needs to know of
the stored stories, place the batch (transforms/stories.py), and write the
result in the caller's transaction. A rebuild replays every article through
the same code in arrival order."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import duckdb
import polars as pl

from transforms.language import EXTRACTED_LANGUAGES
from transforms.near_duplicates import find_duplicates
from transforms.schemas import INCIDENTS, STORIES
from transforms.stories import Cluster, Incoming, StoryParams, assign, placements_frame
from transforms.story_terms import (
    PRINCIPAL_PREFIX,
    PRINCIPAL_SENTENCES,
    BatchSimilarity,
    Participants,
    TermWeights,
    article_participants,
    article_vectors,
    cast_terms,
    conflicts,
    terms_frame,
)
from warehouse.connection import transaction
from warehouse.statements import sql

ARTICLE_COLUMNS = ("article_id", "outlet", "published_date", "title", "body")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DuplicateParams:
    screen: float = 0.5
    resemblance: float = 0.8


@dataclass(frozen=True)
class StorySettings:
    params: StoryParams = field(default_factory=StoryParams)
    weights: TermWeights = field(default_factory=TermWeights)
    duplicates: DuplicateParams = field(default_factory=DuplicateParams)


@dataclass(frozen=True)
class StoryBatch:
    """Everything a batch writes: placements and term vectors of its articles,
    and the full rows of the stories and incidents it touched."""

    placements: pl.DataFrame
    terms: pl.DataFrame
    stories: pl.DataFrame
    incidents: pl.DataFrame

    @property
    def article_ids(self) -> list[str]:
        return self.placements["article_id"].to_list()


@contextmanager
def _copied_in(con: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame]) -> Iterator[None]:
    """Batch frames as temporary tables: these queries join them both ways
    round, and DuckDB 1.5 cannot push a join's Bloom filter into an Arrow scan
    (duckdb/duckdb-python#463), so the frames are copied in, not scanned."""
    for name, frame in frames.items():
        con.register(f"{name}_arrow", frame.to_arrow())
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM {name}_arrow")
        con.unregister(f"{name}_arrow")
    try:
        yield
    finally:
        for name in frames:
            con.execute(f"DROP TABLE IF EXISTS {name}")


def _stored_clusters(con: duckdb.DuckDBPyConnection, cluster_ids: list[str]) -> dict[str, Cluster]:
    frame = pl.DataFrame({"cluster_id": pl.Series(cluster_ids, dtype=pl.String)})
    with _copied_in(con, {"batch_clusters": frame}):
        rows = con.execute(sql("story_clusters")).fetchall()
    return {
        cid: Cluster(cid, level, story_id, size, first, last)
        for cid, level, story_id, size, first, last in rows
    }


def _touched_rows(
    con: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    with _copied_in(con, frames):
        stories = con.execute(sql("story_rows"), {"level": "story"}).pl()
        incidents = con.execute(sql("story_rows"), {"level": "incident"}).pl()
    stories = pl.DataFrame(stories.drop("parent_id").to_dicts(), schema=STORIES)
    incidents = pl.DataFrame(
        incidents.rename({"story_id": "incident_id", "parent_id": "story_id"})
        .select(list(INCIDENTS))
        .to_dicts(),
        schema=INCIDENTS,
    )
    return stories, incidents


def _unmarked_principals(con: duckdb.DuckDBPyConnection, unmarked: pl.DataFrame) -> int:
    """How many of the `unmarked` stored articles (sequence: reached by the
    batch's pairs, no participant terms) have a principal person all the same:
    they were placed before the terms existed."""
    if unmarked.is_empty():
        return 0
    with _copied_in(con, {"batch_unmarked": unmarked}):
        leads = con.execute(sql("story_unmarked_leads"), {"sentences": PRINCIPAL_SENTENCES}).pl()
    return sum(1 for found in article_participants(leads).values() if found.principal)


def _participant_conflicts(
    con: duckdb.DuckDBPyConnection, people: list[Participants], factor: float
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The pairs of `batch_pairs` (pair: their rowid) whose participants
    conflict, by the rule that weighs the batch's own pairs (`people` in the
    batch's order), and the stored articles they reach that have no
    participant terms (sequence). Only the reached articles' terms are read,
    and the pairs come over as integers: at 20,000 stored copies of one corpus
    a batch of 500 makes two million of them."""
    reached = con.execute(sql("story_pair_stored")).pl()
    with _copied_in(con, {"batch_stored": reached}):
        stored = con.execute(sql("story_participant_terms")).pl()
    unmarked = reached.join(stored, on="j", how="anti").select(pl.col("j").alias("sequence"))
    if factor == 1.0:
        return pl.DataFrame(schema={"pair": pl.Int64}), unmarked
    batch = cast_terms(people, "i")
    led = {
        "batch_led": _principal_holders(batch, "i"),
        "stored_led": _principal_holders(stored, "j"),
    }
    with _copied_in(con, led):
        pairs = con.execute(sql("story_pair_positions")).pl()
    clash = conflicts(pairs, batch, stored)
    return pairs.filter(pl.Series(clash)).select("pair"), unmarked


def _principal_holders(terms: pl.DataFrame, at: str) -> pl.DataFrame:
    return terms.filter(pl.col("term").str.starts_with(PRINCIPAL_PREFIX)).select(at).unique()


def place(
    con: duckdb.DuckDBPyConnection,
    articles: pl.DataFrame,
    mentions: pl.DataFrame,
    events: pl.DataFrame,
    settings: StorySettings,
) -> StoryBatch:
    """Place `articles` (ARTICLE_COLUMNS), in the order given, after everything stored."""
    articles = articles.select(ARTICLE_COLUMNS)
    vectors = article_vectors(articles, mentions, events, settings.weights)
    found = article_participants(mentions)
    terms = terms_frame(vectors, found)
    order = articles["article_id"].to_list()
    people = [found.get(a, Participants()) for a in order]
    factor = settings.params.conflict_factor
    dup = settings.duplicates
    index = pl.DataFrame({"article_id": pl.Series(order, dtype=pl.String)}).with_row_index("i")
    with _copied_in(con, {"batch_terms": terms, "batch_index": index}):
        first_sequence = con.execute(sql("next_story_sequence")).fetchone()[0]  # type: ignore[index]
        con.execute(sql("story_pairs"))
        try:
            conflicting, unmarked = _participant_conflicts(con, people, factor)
            with _copied_in(con, {"batch_conflicts": conflicting}):
                dots = con.execute(sql("story_candidates"), {"conflict": factor}).pl()
            candidates = con.execute(sql("duplicate_candidates"), {"screen": dup.screen}).fetchall()
            stored_bodies: dict[str, str] = (
                dict(con.execute(sql("duplicate_bodies"), {"screen": dup.screen}).fetchall())
                if candidates
                else {}
            )
        finally:
            con.execute(sql("drop_batch_pairs"))
    if count := _unmarked_principals(con, unmarked):
        log.warning(
            "%d stored article(s) this batch was compared with lead with a person but have no "
            "participant terms (placed before migration 006): the incident-level conflict "
            "rule cannot apply to them, so runs and a rebuild differ until "
            "`newsdesk stories --rebuild` is run once",
            count,
        )
    stored_ids: dict[str, list[str]] = {}
    homes: dict[str, tuple[str, str]] = {}
    originals: dict[str, str | None] = {}
    for article_id, stored_id, story_id, incident_id, duplicate_of in candidates:
        stored_ids.setdefault(article_id, []).append(stored_id)
        homes[stored_id] = (story_id, incident_id)
        originals[stored_id] = duplicate_of
    similarity = BatchSimilarity([vectors[a] for a in order], people, factor)
    copies = find_duplicates(
        order,
        similarity,
        dict(zip(order, articles["body"].to_list(), strict=True)),
        stored_ids,
        stored_bodies,
        originals,
        screen=dup.screen,
        threshold=dup.resemblance,
    )
    clusters = _stored_clusters(con, dots["cluster_id"].unique().sort().to_list())
    incoming = [
        Incoming(a, day, vectors[a], copies.get(a), found.get(a, Participants()))
        for a, day in articles.select("article_id", "published_date").iter_rows()
    ]
    placements = placements_frame(
        assign(incoming, clusters, dots, homes, first_sequence, settings.params, similarity)
    )
    stories, incidents = _touched_rows(
        con,
        {
            "batch_placements": placements,
            "batch_terms": terms,
            "batch_articles": articles.select("article_id", "outlet", "published_date", "title"),
        },
    )
    return StoryBatch(placements, terms, stories, incidents)


def write(con: duckdb.DuckDBPyConnection, batch: StoryBatch) -> None:
    """Inside the caller's transaction."""
    frames = {
        "batch_placements": batch.placements,
        "batch_terms": batch.terms,
        "batch_stories": batch.stories,
        "batch_incidents": batch.incidents,
    }
    with _copied_in(con, frames):
        con.execute(sql("insert_story_articles"))
        con.execute(sql("insert_article_terms"))
        con.execute(sql("upsert_stories"))
        con.execute(sql("upsert_incidents"))


def _stored_inputs(
    con: duckdb.DuckDBPyConnection, ids: list[str]
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    frame = pl.DataFrame({"article_id": pl.Series(ids, dtype=pl.String)})
    with _copied_in(con, {"batch_ids": frame}):
        articles = con.execute(sql("story_inputs")).pl()
        mentions = con.execute(sql("story_input_mentions")).pl()
        events = con.execute(sql("story_input_events")).pl()
    position = {a: i for i, a in enumerate(ids)}
    articles = (
        articles.with_columns(
            pl.col("article_id").replace_strict(position, return_dtype=pl.Int64).alias("_order")
        )
        .sort("_order")
        .drop("_order")
    )
    return articles, mentions, events


def rebuild(con: duckdb.DuckDBPyConnection, settings: StorySettings, chunk_size: int) -> int:
    """Recompute every story from scratch, replaying the arrival order in
    chunks through the same code a run uses; one transaction, so readers see
    the old stories or the new ones. Returns the number of articles placed."""
    languages = sorted(EXTRACTED_LANGUAGES)
    order = [
        row[0]
        for row in con.execute(sql("story_replay_order"), {"languages": languages}).fetchall()
    ]
    with transaction(con):
        con.execute(sql("clear_stories"))
        for start in range(0, len(order), chunk_size):
            chunk = order[start : start + chunk_size]
            articles, mentions, events = _stored_inputs(con, chunk)
            write(con, place(con, articles, mentions, events, settings))
    return len(order)


def top_stories(con: duckdb.DuckDBPyConnection, limit: int) -> pl.DataFrame:
    return con.execute(sql("top_stories"), {"limit": limit}).pl()
