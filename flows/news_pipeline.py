"""The `news_pipeline` flow: discover → parse → extract → place in stories →
validate → load, in chunks, one transaction per chunk."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, cast
from uuid import UUID

from duckdb import DuckDBPyConnection
from prefect import flow, get_run_logger, runtime, task
from prefect.cache_policies import NONE
from prefect.client.orchestration import get_client
from prefect.futures import PrefectFuture
from prefect.utilities.annotations import quote

from expectations.frames import (
    owners,
    referenced_articles,
    referenced_entities,
    validation_frames,
)
from expectations.validate import Outcome, ValidationStuck, build_docs, prepare, validate
from flows import artifacts
from flows.run_summary import RunSummary
from flows.workers import Analyser, analyser
from flows.writer import writer_slot
from newsdesk import inbox, report
from newsdesk.settings import Settings
from transforms.extraction import (
    DocResult,
    Extraction,
    analysis_rows,
    assemble,
    lone_surnames,
    stamp,
)
from transforms.intake import Intake, drop_known, intake, quarantine
from transforms.nlp import package_version
from transforms.stories import arrival_order
from warehouse import load, search, stories
from warehouse.check import mark_checked, spans_consistent, unchecked_runs, violations
from warehouse.connection import open_warehouse

MIN_FILES_PER_WORKER = 50


def _warehouse(settings: Settings) -> AbstractContextManager[DuckDBPyConnection]:
    return open_warehouse(settings.db, settings.lock_wait)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@task(name="discover new files", cache_policy=NONE)
def discover(settings: Settings) -> list[inbox.Candidate]:
    logger = get_run_logger()
    with _warehouse(settings) as con:
        known = load.known_files(con)
    candidates, clashing = inbox.split_clashing(
        inbox.scan(settings.inbox, max_bytes=settings.max_bytes)
    )
    for c in clashing:
        logger.warning(
            "skipped %s: its name is not UTF-8 and, written with escapes, is another "
            "file's name; rename it",
            c.name,
        )
    fresh = inbox.unseen(candidates, known)
    logger.info("%d file(s) in %s, %d new or changed", len(candidates), settings.inbox, len(fresh))
    return fresh


@task(name="parse files", cache_policy=NONE)
def parse(chunk: list[inbox.Candidate], settings: Settings, latest_date: date) -> Intake:
    logger = get_run_logger()
    reads = [r for c in chunk if (r := inbox.read(c)) is not None]
    if len(reads) < len(chunk):
        logger.warning(
            "%d file(s) changed while being read; they are left for the next run",
            len(chunk) - len(reads),
        )
    reads, touched = inbox.split_touched(reads, chunk)
    if touched:
        logger.info(
            "%d file(s) only touched (same bytes as their last record): state kept, "
            "new times recorded",
            len(touched),
        )
    batch = intake(reads, latest_date=latest_date, min_words=settings.min_words, touched=touched)
    with _warehouse(settings) as con:
        known_ids = load.existing_article_ids(con, batch.articles["article_id"])
    batch = drop_known(batch, known_ids)
    for row in batch.log.filter(batch.log["status"] == "rejected").iter_rows(named=True):
        logger.warning("rejected %s: %s", row["file_path"], row["reason"])
    return batch


@task(name="extract entities, quotes and events", cache_policy=NONE)
def extract_batch(
    batch: Intake, settings: Settings, analyse: Analyser
) -> tuple[Intake, list[DocResult]]:
    """Per-document work only, so it can run beside the previous chunk's load;
    linking across documents waits for that load (`link_batch`)."""
    articles = stamp(batch.articles, package_version(settings.model))
    results = analyse(analysis_rows(articles))
    get_run_logger().info("%d article(s) parsed and analysed", len(results))
    return replace(batch, articles=articles), results


@task(name="link entities across articles", cache_policy=NONE)
def link_batch(
    batch: Intake, results: list[DocResult], settings: Settings
) -> tuple[Intake, Extraction]:
    """Runs after every earlier chunk is loaded: an article another chunk has
    loaded meanwhile is a duplicate, and lone surnames can join people those
    chunks brought in."""
    with _warehouse(settings) as con:
        known = load.existing_article_ids(con, batch.articles["article_id"])
        people = load.person_names(con, lone_surnames(results))
    if known:
        batch = drop_known(batch, known)
        results = [r for r in results if r.article_id not in known]
    extraction = assemble(results, known_people=people)
    get_run_logger().info(
        "%d article(s): %d mentions of %d entities, %d quotes, %d events",
        batch.articles.height,
        extraction.mentions.height,
        extraction.entities.height,
        extraction.quotes.height,
        extraction.events.height,
    )
    return batch, extraction


@task(name="place articles in stories", cache_policy=NONE)
def place_stories(
    batch: Intake, extraction: Extraction, settings: Settings
) -> tuple[Intake, Extraction, stories.StoryBatch]:
    logger = get_run_logger()
    with _warehouse(settings) as con:
        placed = stories.place(
            con,
            arrival_order(batch.articles),
            extraction.mentions,
            extraction.events,
            settings.story_settings(),
        )
    logger.info(
        "%d article(s) placed (%d near-duplicates); %d stories and %d incidents touched",
        placed.placements.height,
        placed.placements["duplicate_of"].is_not_null().sum(),
        placed.stories.height,
        placed.incidents.height,
    )
    return batch, extraction, placed


@task(name="validate with Great Expectations", cache_policy=NONE)
def validate_batch(
    batch: Intake,
    extraction: Extraction,
    placed: stories.StoryBatch,
    settings: Settings,
    today: date,
) -> tuple[Intake, Extraction, Outcome]:
    """Articles whose rows fail a suite are quarantined: logged with the failed
    expectations, and none of their rows load; the rest of the batch goes on."""
    logger = get_run_logger()
    batch_ids = set(batch.articles["article_id"].to_list())
    with _warehouse(settings) as con:
        old_articles = load.existing_article_ids(
            con, referenced_articles(extraction, placed.placements) - batch_ids
        )
        old_entities = load.existing_entity_ids(con, referenced_entities(extraction))
    frames = validation_frames(
        batch.articles,
        batch.log,
        extraction,
        old_articles,
        old_entities,
        stories=placed.stories,
        incidents=placed.incidents,
        story_articles=placed.placements,
    )
    outcome = validate(frames, today, owners(extraction, placed.placements), settings.data_docs)
    if outcome.failures:
        for article_id, reasons in outcome.failures.items():
            logger.warning("quarantined article %s: %s", article_id, "; ".join(reasons[:3]))
        batch = quarantine(batch, outcome.failures)
        extraction = extraction.only(batch.articles["article_id"].to_list())
    logger.info(
        "%d expectations checked, %d article(s) quarantined",
        outcome.checked,
        len(outcome.failures),
    )
    return batch, extraction, outcome


@task(name="prepare validation", cache_policy=NONE)
def prepare_validation(settings: Settings, today: date) -> None:
    """The GX import and the suites, a few seconds, paid while the extraction
    workers load the model (with no workers, the first validation pays it,
    beside the next chunk's extraction)."""
    suites = prepare(today, settings.data_docs)
    get_run_logger().info("%d Great Expectations suites ready", suites)


@task(name="load batch", cache_policy=NONE)
def load_batch(
    batch: Intake,
    extraction: Extraction,
    placed: stories.StoryBatch,
    settings: Settings,
    run_id: str,
) -> None:
    with _warehouse(settings) as con:
        load.load_batch(con, batch, extraction, run_id, _now(), placed=placed)


@task(name="record run", cache_policy=NONE)
def record_run(
    settings: Settings, run_id: str, status: str
) -> tuple[RunSummary, list[dict[str, Any]]]:
    with _warehouse(settings) as con:
        load.finish_run(con, run_id, status, _now())
        summary = cast("RunSummary", load.run_summary(con, run_id))
        return summary, load.run_problems(con, run_id)


@task(name="build Data Docs", cache_policy=NONE)
def publish_data_docs(settings: Settings) -> Path:
    docs = build_docs(settings.data_docs)
    get_run_logger().info("Data Docs: %s", docs)
    return docs


@task(name="refresh full-text search", cache_policy=NONE)
def refresh_search(settings: Settings) -> list[str]:
    """Adds to each index the rows its table gained: after a load, or to heal
    a killed or failed earlier run."""
    with _warehouse(settings) as con:
        refreshed = search.refresh_indexes(con)
    get_run_logger().info(
        "search indexes refreshed: %s",
        ", ".join(refreshed) if refreshed else "none (up to date)",
    )
    return refreshed


def _refresh_search(settings: Settings) -> str:
    """After the run is recorded: the loaded rows are committed whatever
    happens here, and a stale index is refreshed by the next run."""
    try:
        refreshed = refresh_search(settings)
    except Exception as exc:
        get_run_logger().exception("the search indexes could not be refreshed")
        return f"not refreshed ({type(exc).__name__}); the next run tries again"
    return "refreshed: " + ", ".join(refreshed) if refreshed else "up to date"


@task(name="check warehouse invariants", cache_policy=NONE)
def check_warehouse(settings: Settings) -> tuple[list[str] | None, list[str]]:
    """After the run's last write: what `newsdesk check` would report, with
    spans compared only with the bodies of the runs no check has found
    consistent yet (this one, and any that failed, were killed or whose spans
    differed). Returns those runs (None when there were none, so nothing was
    checked) and the violations; spans that match mark the runs checked."""
    logger = get_run_logger()
    with _warehouse(settings) as con:
        runs = unchecked_runs(con)
        if not runs:
            logger.info("nothing written since the last check")
            return None, []
        checked = violations(con, runs)
        if spans_consistent(checked):
            mark_checked(con, runs, _now())
    found = [str(v) for v in checked]
    for violation in found:
        logger.error("warehouse invariant violated: %s", violation)
    if not found:
        logger.info("warehouse invariants hold (spans of %d run(s) compared)", len(runs))
    return runs, found


@task(name="write report", cache_policy=NONE)
def write_report(settings: Settings) -> Path:
    """The HTML report of what the warehouse now holds (newsdesk/report.py)."""
    with _warehouse(settings) as con:
        path = report.write(con, settings.report, settings.db)
    get_run_logger().info("report: %s", path.as_uri())
    return path


def _refresh_report(settings: Settings, files_seen: int) -> str | None:
    """Only a run that recorded files changes what the report shows (or one
    that finds no report)."""
    if not files_seen and settings.report.exists():
        return str(settings.report)
    return _drawn(write_report, settings, "the report could not be written")


def _drawn(page: Callable[[Settings], Path], settings: Settings, failure: str) -> str | None:
    """A page drawn after the run is recorded (the report, Data Docs) shows
    rows already committed: one that fails to draw is logged, not raised, and
    the run row still says completed."""
    try:
        return str(page(settings))
    except Exception:
        get_run_logger().exception(failure)
        return None


def _validate_and_load(
    extracted: PrefectFuture[tuple[Intake, list[DocResult]]],
    settings: Settings,
    today: date,
    run_id: str,
) -> None:
    """A quarantined article may have shaped where later articles of the chunk
    went, so the chunk is placed again without it before it is loaded. The
    same failures twice mean quarantining cannot clear them: the run fails."""
    batch, results = extracted.result()
    # quote: Prefect would otherwise walk every mention, quote and event of the
    # chunk looking for futures (about 3 s per 500 articles); it unwraps the
    # value before the task runs, which its type hints cannot say.
    unwalked = cast("list[DocResult]", quote(results))
    batch, extraction = link_batch(batch, unwalked, settings)
    previous: dict[str, list[str]] | None = None
    while True:
        batch, extraction, placed = place_stories(batch, extraction, settings)
        batch, extraction, outcome = validate_batch(batch, extraction, placed, settings, today)
        if not outcome.failures:
            break
        if outcome.failures == previous:
            raise ValidationStuck(outcome.failures)
        previous = outcome.failures
    load_batch(batch, extraction, placed, settings, run_id)


def workers(settings: Settings, new_files: int) -> int:
    """Worker processes only pay off when there is more to parse than it takes
    them to start (each loads the model)."""
    return settings.n_process if new_files >= MIN_FILES_PER_WORKER * settings.n_process else 1


def _run_name() -> str:
    return f"news {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"


def _rename(new_files: int) -> None:
    """Run names carry their start time (given at start) and, once discovery
    has counted them, how many new files the run found."""
    flow_run_id = runtime.flow_run.id
    if flow_run_id is None:
        return
    name = f"{runtime.flow_run.name} · {new_files} new file(s)"
    with get_client(sync_client=True) as client:
        client.update_flow_run(UUID(flow_run_id), name=name)


@flow(name="news_pipeline", flow_run_name=_run_name, log_prints=False)
def news_pipeline(settings: Settings | None = None) -> RunSummary:
    """One run: every new or changed file in the inbox ends in a recorded state,
    and the run publishes its summary to the Prefect UI."""
    settings = settings or Settings()
    started = time.monotonic()
    with writer_slot(settings.db, settings.writer_wait):
        summary, problems = _write(settings)
    summary["duration_s"] = time.monotonic() - started
    artifacts.publish(summary, problems)
    return summary


def _write(settings: Settings) -> tuple[RunSummary, list[dict[str, Any]]]:
    logger = get_run_logger()
    run_id = f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    today = date.today()
    latest_date = today + timedelta(days=1)
    validated = False
    with _warehouse(settings) as con:
        interrupted = load.start_run(con, run_id, runtime.flow_run.id, _now())
    if interrupted:
        logger.warning(
            "%d earlier run(s) were killed mid-run and are now marked interrupted; "
            "their committed chunks stay, their unfinished files are picked up now",
            interrupted,
        )
    try:
        fresh = discover(settings)
        _rename(len(fresh))
        # Extraction is submitted to the flow's task runner (threads by default, Dask
        # with a DaskTaskRunner) so the next chunk is extracted while this one is
        # validated and loaded; loading stays in this one writer.
        pending: PrefectFuture[tuple[Intake, list[DocResult]]] | None = None
        with analyser(
            settings.model, settings.batch_size, workers(settings, len(fresh))
        ) as analyse:
            if fresh and analyse.pool is not None:
                prepare_validation(settings, today)
            for start in range(0, len(fresh), settings.chunk_size):
                chunk = fresh[start : start + settings.chunk_size]
                parsed = parse(chunk, settings, latest_date)
                submitted = extract_batch.submit(parsed, settings, analyse)
                if pending is not None:
                    _validate_and_load(pending, settings, today, run_id)
                pending = submitted
            if pending is not None:
                _validate_and_load(pending, settings, today, run_id)
                validated = True
    except Exception:
        record_run(settings, run_id, "failed")
        raise
    summary, problems = record_run(settings, run_id, "completed")
    # GX holds the validation results in this process, and only if a chunk was validated.
    summary["data_docs"] = (
        _drawn(publish_data_docs, settings, "the Data Docs could not be built")
        if validated
        else None
    )
    summary["invariants_checked"], summary["violations"] = check_warehouse(settings)
    summary["search"] = _refresh_search(settings)
    summary["report"] = _refresh_report(settings, summary["files_seen"])
    logger.info(
        "run %s: %s file(s) seen, %s loaded, %s duplicate, %s rejected, %s quarantined",
        run_id,
        summary["files_seen"],
        summary["loaded"],
        summary["duplicates"],
        summary["rejected"],
        summary["quarantined"],
    )
    return summary, problems
