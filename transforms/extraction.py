"""From article bodies to the five extracted tables.

spaCy runs once per batch (`nlp.pipe`); each doc goes through entities,
quotes and events, all pure functions of the doc; polars shapes the rows.
Ids are content hashes, so the same article gives the same rows everywhere.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import polars as pl
from spacy.language import Language

from transforms import schemas
from transforms.entities import Mention, entity_id, extract_mentions, sentence_starts
from transforms.events import Event, extract_events
from transforms.ids import content_id
from transforms.language import EXTRACTED_LANGUAGES
from transforms.quotes import Quote, extract_quotes
from transforms.speakers import SpeakerResolver

RULES_VERSION = "2026.11.33"


@dataclass(frozen=True)
class Extraction:
    mentions: pl.DataFrame
    entities: pl.DataFrame
    aliases: pl.DataFrame
    quotes: pl.DataFrame
    events: pl.DataFrame
    # mention_id → canonical_name, published_date: what `entities` is aggregated from.
    mention_context: pl.DataFrame

    def only(self, article_ids: Collection[str]) -> Extraction:
        """The rows of some articles, with entity counts recomputed for them."""
        ids = list(article_ids)
        mentions = self.mentions.filter(pl.col("article_id").is_in(ids))
        context = self.mention_context.join(mentions.select("mention_id"), on="mention_id")
        return _assemble(
            mentions,
            context,
            self.quotes.filter(pl.col("article_id").is_in(ids)),
            self.events.filter(pl.col("article_id").is_in(ids)),
        )

    @classmethod
    def empty(cls) -> Extraction:
        return _assemble(
            pl.DataFrame(schema=schemas.MENTIONS),
            pl.DataFrame(schema=MENTION_CONTEXT),
            pl.DataFrame(schema=schemas.QUOTES),
            pl.DataFrame(schema=schemas.EVENTS),
        )


MENTION_CONTEXT: schemas.Schema = {
    "mention_id": pl.String,
    "canonical_name": pl.String,
    "published_date": pl.Date,
}


def _assemble(
    mentions: pl.DataFrame, context: pl.DataFrame, quotes: pl.DataFrame, events: pl.DataFrame
) -> Extraction:
    return Extraction(
        mentions=mentions,
        entities=entities_of(mentions.join(context, on="mention_id")),
        aliases=mentions.select("entity_id", pl.col("text").alias("alias"))
        .unique()
        .sort("entity_id", "alias"),
        quotes=quotes,
        events=events,
        mention_context=context,
    )


@dataclass
class DocResult:
    article_id: str
    published: date
    body: str
    mentions: list[Mention]
    quotes: list[Quote]
    events: list[Event]


def _surname_links(results: list[DocResult], known_people: Collection[str]) -> dict[str, str]:
    """A person named only by surname in one article is the person named in full
    in another article (of the batch, or already in the warehouse), when exactly
    one such full name exists: surname key to full name."""
    full: dict[str, set[str]] = {}
    for name in known_people:
        if " " in name:
            full.setdefault(name.split()[-1], set()).add(name)
    for r in results:
        for m in r.mentions:
            if m.label == "PERSON" and " " in m.key:
                full.setdefault(m.key.split()[-1], set()).add(m.key)
    return {surname: next(iter(keys)) for surname, keys in full.items() if len(keys) == 1}


class _Names:
    """Entity ids and names once lone surnames are linked across articles."""

    def __init__(self, links: Mapping[str, str]) -> None:
        self.links = links

    def key(self, m: Mention) -> str:
        if m.label == "PERSON" and " " not in m.key:
            return self.links.get(m.key, m.key)
        return m.key

    def name(self, m: Mention) -> str:
        linked = self.key(m)
        return m.name if linked == m.key else linked

    def eid(self, m: Mention | None) -> str | None:
        return entity_id(m.label, self.key(m)) if m is not None else None


Row = dict[str, object]


def analysis_rows(articles: pl.DataFrame) -> list[Row]:
    """What analysis reads of each article the rules are written for; `articles`
    needs `article_id`, `body`, `published_date` (and may have `language`)."""
    if "language" in articles.columns:
        articles = articles.filter(pl.col("language").is_in(list(EXTRACTED_LANGUAGES)))
    return articles.select("article_id", "body", "published_date").to_dicts()


def analyse(nlp: Language, rows: list[Row], batch_size: int, n_process: int = 1) -> list[DocResult]:
    """Per-document work: parse and rules. Results are plain data (picklable),
    so worker processes can return them instead of spaCy docs."""
    texts = (str(r["body"]) for r in rows)
    results = []
    for row, doc in zip(
        rows, nlp.pipe(texts, batch_size=batch_size, n_process=n_process), strict=True
    ):
        published = row["published_date"]
        assert isinstance(published, date)
        sentence_of = sentence_starts(doc)
        mentions = extract_mentions(doc, sentence_of)
        resolver = SpeakerResolver(doc, mentions)
        quotes = extract_quotes(doc, mentions, sentence_of, resolver)
        spans = [(q.start, q.end) for q in quotes]
        events = extract_events(doc, mentions, sentence_of, resolver, published, spans)
        results.append(
            DocResult(str(row["article_id"]), published, doc.text, mentions, quotes, events)
        )
    return results


def _mention_rows(results: Iterable[DocResult], names: _Names) -> list[dict[str, object]]:
    return [
        {
            "mention_id": content_id(r.article_id, "m", m.start, m.end),
            "article_id": r.article_id,
            "entity_id": names.eid(m),
            "text": m.text,
            "label": m.label,
            "start_char": m.start,
            "end_char": m.end,
            "sentence_index": m.sentence_index,
            "canonical_name": names.name(m),
            "published_date": r.published,
        }
        for r in results
        for m in r.mentions
    ]


def _quote_rows(results: Iterable[DocResult], names: _Names) -> list[dict[str, object]]:
    return [
        {
            "quote_id": content_id(r.article_id, "q", q.start, q.end),
            "article_id": r.article_id,
            "kind": q.kind,
            "quote_text": r.body[q.start : q.end],
            "start_char": q.start,
            "end_char": q.end,
            "speaker_text": q.speaker_text,
            "speaker_entity_id": names.eid(q.speaker),
            "cue_verb": q.cue,
            "sentence_index": q.sentence_index,
        }
        for r in results
        for q in r.quotes
    ]


def _event_rows(results: Iterable[DocResult], names: _Names) -> list[dict[str, object]]:
    return [
        {
            "event_id": content_id(r.article_id, "e", e.start, e.end),
            "article_id": r.article_id,
            "sentence_index": e.sentence_index,
            "trigger_lemma": e.trigger_lemma,
            "trigger_text": e.trigger_text,
            "event_type": e.event_type,
            "actor_text": e.actor_text,
            "actor_entity_id": names.eid(e.actor),
            "target_text": e.target_text,
            "target_entity_id": names.eid(e.target),
            "location_text": e.location_text,
            "location_entity_id": names.eid(e.location),
            "event_date": e.event_date,
            "date_text": e.date_text,
            "date_precision": e.date_precision,
            "date_source": e.date_source,
            "modality": e.modality,
            "negated": e.negated,
            "start_char": e.start,
            "end_char": e.end,
        }
        for r in results
        for e in r.events
    ]


def entities_of(mentions: pl.DataFrame) -> pl.DataFrame:
    """One row per entity in a batch of mentions (which carry `canonical_name`
    and `published_date`); the name is the most frequent full form."""
    if mentions.is_empty():
        return pl.DataFrame(schema=schemas.ENTITIES)
    names = (
        mentions.group_by("entity_id", "canonical_name")
        .len()
        .sort(["len", "canonical_name"], descending=[True, False])
        .group_by("entity_id", maintain_order=True)
        .first()
        .select("entity_id", "canonical_name")
    )
    labels = (
        mentions.group_by("entity_id", "label")
        .len()
        .sort(["len", "label"], descending=[True, False])
        .group_by("entity_id", maintain_order=True)
        .first()
        .select("entity_id", "label")
    )
    counts = mentions.group_by("entity_id").agg(
        pl.len().cast(pl.Int32).alias("mention_count"),
        pl.col("article_id").n_unique().cast(pl.Int32).alias("article_count"),
        pl.col("published_date").min().alias("first_seen"),
        pl.col("published_date").max().alias("last_seen"),
    )
    return (
        names.join(labels, on="entity_id")
        .join(counts, on="entity_id")
        .select(list(schemas.ENTITIES))
        .sort("entity_id")
    )


def extract(
    nlp: Language,
    articles: pl.DataFrame,
    *,
    batch_size: int = 64,
    n_process: int = 1,
    known_people: Collection[str] = (),
) -> Extraction:
    """Extract from the articles whose language the rules are written for;
    `articles` needs `article_id`, `body`, `published_date` (and may have `language`).
    `known_people` are full names of people already in the warehouse, so a lone
    surname in a new article can join them."""
    results = analyse(nlp, analysis_rows(articles), batch_size, n_process)
    return assemble(results, known_people)


def lone_surnames(results: Iterable[DocResult]) -> set[str]:
    """PERSON mentions of one word: the only names warehouse people can complete."""
    return {m.key for r in results for m in r.mentions if m.label == "PERSON" and " " not in m.key}


def assemble(results: list[DocResult], known_people: Collection[str] = ()) -> Extraction:
    """Cross-document work on analysed articles: surnames linked across the
    batch and to known people, then the rows shaped into frames."""
    names = _Names(_surname_links(results, known_people))
    mention_frame = pl.DataFrame(
        _mention_rows(results, names), schema={**schemas.MENTIONS, **MENTION_CONTEXT}
    )
    return _assemble(
        mention_frame.select(list(schemas.MENTIONS)),
        mention_frame.select(list(MENTION_CONTEXT)),
        pl.DataFrame(_quote_rows(results, names), schema=schemas.QUOTES),
        pl.DataFrame(_event_rows(results, names), schema=schemas.EVENTS),
    )


def stamp(articles: pl.DataFrame, model: str) -> pl.DataFrame:
    """Provenance columns: the model and rule set that extracted each article
    (null where the language is outside the rules' reach)."""
    extracted = pl.col("language").is_in(list(EXTRACTED_LANGUAGES))
    return articles.with_columns(
        pl.when(extracted).then(pl.lit(model)).alias("extraction_model"),
        pl.when(extracted).then(pl.lit(RULES_VERSION)).alias("extraction_rules"),
    )
