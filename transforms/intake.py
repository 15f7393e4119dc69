"""A chunk of files becomes frames: the articles to load and one ingest-log row
per file, so every file ends in exactly one state with a reason, and the new
times of files only touched (same bytes as their last record), which change no
state but must not be read again."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import polars as pl

from transforms.articles import parse_article
from transforms.rejection import Rejected

STATUSES = ("loaded", "duplicate", "rejected", "quarantined")
ARTICLE_SCHEMA: dict[str, type[pl.DataType] | pl.DataType] = {
    "article_id": pl.String,
    "source_path": pl.String,
    "outlet": pl.String,
    "published_date": pl.Date,
    "title": pl.String,
    "body": pl.String,
    "word_count": pl.Int32,
    "language": pl.String,
    "extraction_model": pl.String,
    "extraction_rules": pl.String,
}
LOG_SCHEMA: dict[str, type[pl.DataType] | pl.DataType] = {
    "file_path": pl.String,
    "file_sha256": pl.String,
    "size_bytes": pl.Int64,
    "mtime_ns": pl.Int64,
    "status": pl.String,
    "reason": pl.String,
    "article_id": pl.String,
}
TOUCHED_SCHEMA: dict[str, type[pl.DataType] | pl.DataType] = {
    "file_path": pl.String,
    "file_sha256": pl.String,
    "size_bytes": pl.Int64,
    "mtime_ns": pl.Int64,
}


@dataclass(frozen=True)
class FileRead:
    """What the inbox could learn about one file; `raw` is None when the file was
    not read (too large, unreadable, a link out of the inbox) and `problem` says why."""

    path: str
    size_bytes: int
    mtime_ns: int
    sha256: str | None
    raw: bytes | None
    problem: str | None = None


@dataclass(frozen=True)
class Intake:
    articles: pl.DataFrame
    log: pl.DataFrame
    touched: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=TOUCHED_SCHEMA))


def oversize_problem(size_bytes: int, max_bytes: int) -> str | None:
    if size_bytes > max_bytes:
        return f"too large: {size_bytes:,} bytes, the cap is {max_bytes:,}"
    return None


def intake(
    files: Sequence[FileRead],
    *,
    latest_date: date,
    min_words: int,
    touched: Sequence[FileRead] = (),
) -> Intake:
    articles: list[dict[str, object]] = []
    log: list[dict[str, object]] = []
    first_path: dict[str, str] = {}
    for f in files:
        row: dict[str, object] = {
            "file_path": f.path,
            "file_sha256": f.sha256,
            "size_bytes": f.size_bytes,
            "mtime_ns": f.mtime_ns,
            "article_id": None,
        }
        if f.raw is None:
            log.append({**row, "status": "rejected", "reason": f.problem or "not read"})
            continue
        try:
            article = parse_article(f.raw, latest_date=latest_date, min_words=min_words)
        except Rejected as exc:
            log.append({**row, "status": "rejected", "reason": str(exc)})
            continue
        row["article_id"] = article.article_id
        if article.article_id in first_path:
            reason = f"duplicate: same body as {first_path[article.article_id]}"
            log.append({**row, "status": "duplicate", "reason": reason})
            continue
        first_path[article.article_id] = f.path
        log.append({**row, "status": "loaded", "reason": article.note})
        articles.append(
            {
                "article_id": article.article_id,
                "source_path": f.path,
                "outlet": article.outlet,
                "published_date": article.published_date,
                "title": article.title,
                "body": article.body,
                "word_count": article.word_count,
                "language": article.language,
                "extraction_model": None,
                "extraction_rules": None,
            }
        )
    return Intake(
        articles=pl.DataFrame(articles, schema=ARTICLE_SCHEMA),
        log=pl.DataFrame(log, schema=LOG_SCHEMA),
        touched=pl.DataFrame(
            [(f.path, f.sha256, f.size_bytes, f.mtime_ns) for f in touched],
            schema=TOUCHED_SCHEMA,
            orient="row",
        ),
    )


def drop_known(batch: Intake, known_ids: Collection[str]) -> Intake:
    """Articles whose body the warehouse already holds become duplicates."""
    if not known_ids:
        return batch
    known = list(known_ids)
    is_known = pl.col("article_id").is_in(known) & (pl.col("status") == "loaded")
    log = batch.log.with_columns(
        pl.when(is_known).then(pl.lit("duplicate")).otherwise(pl.col("status")).alias("status"),
        pl.when(is_known)
        .then(pl.concat_str(pl.lit("duplicate: same body as loaded article "), "article_id"))
        .otherwise(pl.col("reason"))
        .alias("reason"),
    )
    articles = batch.articles.filter(~pl.col("article_id").is_in(known))
    return replace(batch, articles=articles, log=log)


MAX_REASONS = 5


def quarantine(batch: Intake, reasons: dict[str, list[str]]) -> Intake:
    """Articles that failed validation leave the batch; their files' log rows
    say `quarantined` and which expectations failed, with examples."""
    if not reasons:
        return batch
    explained = pl.DataFrame(
        {
            "article_id": list(reasons),
            "_why": [
                "failed validation: " + "; ".join(list(dict.fromkeys(r))[:MAX_REASONS])
                for r in reasons.values()
            ],
        }
    )
    hit = pl.col("_why").is_not_null() & (pl.col("status") == "loaded")
    log = (
        batch.log.join(explained, on="article_id", how="left")
        .with_columns(
            pl.when(hit).then(pl.lit("quarantined")).otherwise(pl.col("status")).alias("status"),
            pl.when(hit).then(pl.col("_why")).otherwise(pl.col("reason")).alias("reason"),
        )
        .drop("_why")
    )
    articles = batch.articles.filter(~pl.col("article_id").is_in(list(reasons)))
    return replace(batch, articles=articles, log=log)
