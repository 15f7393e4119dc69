"""Serving `news_pipeline` on a schedule against the Prefect API in
PREFECT_API_URL: scheduled runs execute in the serving process."""

from __future__ import annotations

import math
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


def check_schedule(cron: str | None, interval: float | None) -> None:
    """A schedule Prefect would refuse, refused before anything starts, in a
    sentence rather than a validation traceback from inside `serve`."""
    if cron and interval:
        raise ValueError("give --cron or --interval, not both")
    if interval is not None and not (math.isfinite(interval) and 0 < interval <= MAX_INTERVAL):
        raise ValueError(
            f"--interval must be a number of seconds above 0 and at most "
            f"{MAX_INTERVAL:,.0f} (366 days), got {interval:g}"
        )
    if cron is not None:
        try:
            CronSchedule(cron=cron)
        except ValidationError as exc:
            raise ValueError(
                f"--cron {cron!r} is not a cron schedule (five fields, e.g. '*/15 * * * *')"
            ) from exc


def serve(settings: Settings, cron: str | None = None, interval: float | None = None) -> None:
    check_schedule(cron, interval)
    news_pipeline.serve(
        name=DEPLOYMENT,
        cron=None if interval else (cron or DEFAULT_CRON),
        interval=timedelta(seconds=interval) if interval else None,
        parameters={"settings": settings.model_dump(mode="json")},
        global_limit=ONE_AT_A_TIME,
        limit=1,
        description="Load new article files from the inbox into the DuckDB warehouse.",
        tags=["newsdesk"],
    )
