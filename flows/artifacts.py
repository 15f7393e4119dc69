"""What a run shows in the Prefect UI: a markdown summary and a table of the
files it rejected or quarantined, with reasons."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from prefect.artifacts import create_markdown_artifact, create_table_artifact

if TYPE_CHECKING:
    from flows.run_summary import RunSummary

VALIDATION = {True: "passed", False: "failed for some articles", None: "nothing to validate"}
NOT_WRITTEN = "not written"
NOT_BUILT = "not built"
SUMMARY_KEY = "news-pipeline-summary"
PROBLEMS_KEY = "news-pipeline-problems"


def _report_link(report: str | None) -> str:
    """A file:// link (browsers may refuse to follow it from the UI's http
    page, so the path is also shown to copy)."""
    if not report:
        return NOT_WRITTEN
    return f"[`{report}`]({Path(report).resolve().as_uri()})"


def _invariants(summary: RunSummary) -> str:
    if summary["violations"]:
        return "; ".join(summary["violations"])
    runs: list[str] | None = summary["invariants_checked"]
    if not runs:
        return "not checked (nothing written since the last check)"
    earlier = sum(r != summary["run_id"] for r in runs)
    if earlier == len(runs):
        whose = f"{earlier} earlier unchecked run(s)"
    else:
        whose = "this run" + (f" and {earlier} earlier unchecked run(s)" if earlier else "")
    return f"hold (spans against the bodies of the articles of {whose}; the rest warehouse-wide)"


def summary_markdown(summary: RunSummary) -> str:
    rows = [
        ("Files seen (new or changed)", summary["files_seen"]),
        ("Loaded", summary["loaded"]),
        ("Duplicates", summary["duplicates"]),
        ("Rejected", summary["rejected"]),
        ("Quarantined", summary["quarantined"]),
        ("Entity mentions", summary["mentions"]),
        ("New entities", summary["new_entities"]),
        ("Quotes", summary["quotes"]),
        ("Events", summary["events"]),
        ("Stories touched", summary["stories"]),
        ("New stories", summary["new_stories"]),
        ("Near-duplicates", summary["near_duplicates"]),
        ("Validation", VALIDATION[summary["validation_passed"]]),
        ("Warehouse invariants", _invariants(summary)),
        ("Search indexes", summary.get("search") or "not refreshed"),
        ("Data Docs", f"`{summary['data_docs']}`" if summary.get("data_docs") else NOT_BUILT),
        ("Report", _report_link(summary.get("report"))),
        ("Duration", f"{summary['duration_s']:.1f} s"),
    ]
    lines = [
        f"# newsdesk run `{summary['run_id']}`: {summary['status']}",
        "",
        "| | |",
        "|---|---|",
        *(f"| {label} | {value} |" for label, value in rows),
    ]
    return "\n".join(lines)


def publish(summary: RunSummary, problems: list[dict[str, Any]]) -> None:
    create_markdown_artifact(
        summary_markdown(summary), key=SUMMARY_KEY, description="What this run loaded"
    )
    table = problems or [
        {"file_path": "", "status": "", "reason": "no rejected or quarantined file"}
    ]
    create_table_artifact(
        table, key=PROBLEMS_KEY, description="Files rejected or quarantined by this run"
    )
