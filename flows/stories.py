"""The `rebuild_stories` flow: recompute every story from scratch, under the
same writer slot as pipeline runs so the two never interleave."""

from __future__ import annotations

from prefect import flow, get_run_logger

from flows.writer import writer_slot
from newsdesk.settings import Settings
from warehouse import stories
from warehouse.connection import open_warehouse


@flow(name="rebuild_stories", log_prints=False)
def rebuild_stories(settings: Settings | None = None) -> int:
    """Returns how many articles were placed."""
    settings = settings or Settings()
    with (
        writer_slot(settings.db, settings.writer_wait),
        open_warehouse(settings.db, settings.lock_wait) as con,
    ):
        placed = stories.rebuild(con, settings.story_settings(), settings.chunk_size)
    get_run_logger().info("stories rebuilt: %d article(s) placed in arrival order", placed)
    return placed
