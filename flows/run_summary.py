"""What one run reports: its counts as the warehouse records them
(`warehouse/sql/run_summary.sql`), then what it drew and checked once they were
committed. The CLI, the Prefect artifact and the tests read these keys."""

from datetime import datetime
from typing import NotRequired, TypedDict


class RunSummary(TypedDict):
    """No `from __future__ import annotations` here: Python 3.11 cannot see
    NotRequired in a string annotation and would count every key required."""

    run_id: str
    flow_run_id: str | None
    started_at: datetime
    finished_at: datetime | None
    status: str
    files_seen: int
    loaded: int
    duplicates: int
    rejected: int
    quarantined: int
    validation_passed: bool | None
    mentions: int
    new_entities: int
    quotes: int
    events: int
    stories: int
    new_stories: int
    near_duplicates: int
    # After the run is recorded:
    data_docs: NotRequired[str | None]
    invariants_checked: NotRequired[list[str] | None]
    violations: NotRequired[list[str]]
    search: NotRequired[str]
    report: NotRequired[str | None]
    duration_s: NotRequired[float]
