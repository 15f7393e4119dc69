"""Serving `news_pipeline` on a schedule against the Prefect API in
PREFECT_API_URL: Prefect's runner spawns each scheduled run as a child of the
serving process, so nothing (model, GX context) stays warm between runs."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta

from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
from prefect.client.schemas.schedules import CronSchedule
from pydantic import ValidationError

from flows.news_pipeline import news_pipeline
from newsdesk.settings import Settings

DEPLOYMENT = "news-pipeline"
DEFAULT_CRON = "*/15 * * * *"
MAX_INTERVAL = 366 * 24 * 3600.0
# A backlog of waiting runs is worse than a skipped one: a run scheduled while
# another is still going is cancelled, and says so in the UI.
ONE_AT_A_TIME = ConcurrencyLimitConfig(
    limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW
)


@dataclass(frozen=True)
class Schedule:
    """Exactly one of the two, as `Flow.serve` takes them."""

    cron: str | None = None
    interval: timedelta | None = None


def schedule(cron: str | None = None, interval: float | None = None) -> Schedule:
    """The schedule to serve on (every 15 minutes unless told otherwise); one
    Prefect would refuse is refused here, before anything starts, in a sentence
    rather than a validation traceback from inside `serve`."""
    if cron and interval:
        raise ValueError("give --cron or --interval, not both")
    if interval is not None:
        if not (math.isfinite(interval) and 0 < interval <= MAX_INTERVAL):
            raise ValueError(
                f"--interval must be a number of seconds above 0 and at most "
                f"{MAX_INTERVAL:,.0f} (366 days), got {interval:g}"
            )
        return Schedule(interval=timedelta(seconds=interval))
    try:
        return Schedule(cron=CronSchedule(cron=cron or DEFAULT_CRON).cron)
    except ValidationError as exc:
        raise ValueError(
            f"--cron {cron!r} is not a cron schedule (five fields, e.g. '*/15 * * * *')"
        ) from exc


def serve(settings: Settings, on: Schedule) -> None:
    news_pipeline.serve(
        name=DEPLOYMENT,
        cron=on.cron,
        interval=on.interval,
        parameters={"settings": settings.model_dump(mode="json")},
        global_limit=ONE_AT_A_TIME,
        limit=1,
        description="Load new article files from the inbox into the DuckDB warehouse.",
        tags=["newsdesk"],
    )
