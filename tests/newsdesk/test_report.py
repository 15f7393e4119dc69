"""Rendering the report from frames: one page, charts with their data inside,
nothing fetched from the network, "no data yet" where there is nothing."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from flows.artifacts import summary_markdown
from flows.run_summary import RunSummary
from newsdesk import report
from warehouse.report_data import ReportData

GENERATED = datetime(2024, 3, 10, 12, 0, 0)
SNEAKY = "</script><script>alert('title')</script>"
CHARTS = ("articles-per-day", "top-speakers", "top-entities", "stories", "runs")


def totals(articles: int = 0) -> dict[str, Any]:
    counts = ("outlets", "entities", "mentions", "quotes", "events", "stories", "files", "runs")
    return {
        "articles": articles,
        "first_date": date(2024, 3, 1) if articles else None,
        "last_date": date(2024, 3, 3) if articles else None,
        **{k: articles for k in counts},
    }


def empty() -> ReportData:
    return ReportData(
        totals=totals(),
        articles_per_day=pl.DataFrame(),
        top_speakers=pl.DataFrame(),
        entity_mentions=pl.DataFrame(),
        mention_period="day",
        story_timelines=pl.DataFrame(),
        runs=pl.DataFrame(),
    )


def filled() -> ReportData:
    day, later = date(2024, 3, 1), date(2024, 3, 3)
    return ReportData(
        totals=totals(3),
        articles_per_day=pl.DataFrame(
            {"day": [day, later], "outlet": ["BBC", "(no outlet)"], "articles": [2, 1]}
        ),
        top_speakers=pl.DataFrame(
            {
                "entity_id": ["ada", "ada", "bob"],
                "speaker": ["Ada Lovelace", "Ada Lovelace", "Bob"],
                "kind": ["direct", "indirect", "mixed"],
                "quotes": [2, 1, 1],
                "total_quotes": [3, 3, 1],
            }
        ),
        entity_mentions=pl.DataFrame(
            {
                "entity_id": ["ada", "ada", "bob"],
                "entity": ["Ada Lovelace", "Ada Lovelace", "Bob"],
                "period": [day, later, day],
                "mentions": [3, 1, 2],
                "total_mentions": [4, 4, 2],
            }
        ),
        mention_period="day",
        story_timelines=pl.DataFrame(
            {
                "rank": [1, 1],
                "story_id": ["s1", "s1"],
                "story": [SNEAKY, SNEAKY],
                "first_date": [day, day],
                "last_date": [later, later],
                "article_count": [2, 2],
                "outlet_count": [2, 2],
                "incident_id": ["i1", "i1"],
                "article_id": ["a1", "a2"],
                "outlet": ["BBC", "(no outlet)"],
                "published_date": [day, later],
                "title": ["First", SNEAKY],
                "near_duplicate": [False, False],
            }
        ),
        runs=pl.DataFrame(
            {
                "run_id": ["r1", "r2"],
                "started_at": [datetime(2024, 3, 10, 9), datetime(2024, 3, 10, 10)],
                "status": ["completed", "completed"],
                "files_seen": [4, 0],
                "loaded": [3, 0],
                "duplicates": [0, 0],
                "rejected": [1, 0],
                "quarantined": [0, 0],
            }
        ),
    )


def rows(spec: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The rows of a one-dataset chart (altair moves inline data to `datasets`)."""
    assert spec is not None
    [values] = spec["datasets"].values()
    return list(values)


def embedded_specs(page: str) -> dict[str, Any]:
    match = re.search(r"^const specs = (.*);$", page, flags=re.MULTILINE)
    assert match is not None
    specs: dict[str, Any] = json.loads(match.group(1))
    return specs


def test_an_empty_warehouse_says_no_data_yet_and_loads_no_script() -> None:
    page = report.render(empty(), GENERATED, Path("w.duckdb"))
    assert page.count(report.NO_DATA) == len(CHARTS)
    assert "<script" not in page
    assert "Generated 2024-03-10 12:00:00 UTC" in page and "none yet" in page


def test_every_chart_is_drawn_from_data_inside_the_page() -> None:
    page = report.render(filled(), GENERATED)
    specs = embedded_specs(page)
    assert sorted(specs) == sorted(f"chart-{key}" for key in CHARTS)
    for chart_id, spec in specs.items():
        assert f'<div class="chart" id="{chart_id}">' in page
        assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")
        assert spec["datasets"] and '"url"' not in json.dumps(spec), chart_id
    assert report.NO_DATA not in page
    assert "window.vegaEmbed" in page  # the bundle is inlined
    assert not re.search(r"<script[^>]*\bsrc=", page)
    markup = re.sub(r"<script>.*?</script>", "", page, flags=re.DOTALL)
    assert "http" not in markup and "<link" not in markup


def test_dates_reach_the_charts_as_iso_strings() -> None:
    first = rows(report.articles_per_day_spec(filled().articles_per_day))[0]
    assert first == {"day": "2024-03-01", "outlet": "BBC", "articles": 2}
    run = rows(report.runs_spec(filled().runs))[0]
    assert {"run": "2024-03-10 09:00:00", "outcome": "loaded", "files": 3}.items() <= run.items()


def test_a_title_cannot_break_out_of_the_script() -> None:
    page = report.render(filled(), GENERATED)
    assert SNEAKY not in page
    assert "&lt;/script&gt;" in page  # the stories table shows it as text
    specs = embedded_specs(page)
    assert SNEAKY in json.dumps(specs["chart-stories"], ensure_ascii=False)


def test_each_chart_is_none_without_rows() -> None:
    data = empty()
    assert report.articles_per_day_spec(data.articles_per_day) is None
    assert report.top_speakers_spec(data.top_speakers) is None
    assert report.entity_mentions_spec(data.entity_mentions, "week") is None
    assert report.story_timelines_spec(data.story_timelines) is None
    assert report.runs_spec(data.runs) is None
    assert report.stories_table(data.story_timelines) == ""


def test_save_replaces_the_page_whole(tmp_path: Path) -> None:
    out = tmp_path / "deeper" / "report.html"
    report.save("first", out)
    assert report.save("second", out) == out
    assert out.read_text(encoding="utf-8") == "second"
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_the_run_summary_links_the_report(tmp_path: Path) -> None:
    summary = RunSummary(
        run_id="r1",
        flow_run_id=None,
        started_at=datetime(2023, 2, 16, 9),
        finished_at=datetime(2023, 2, 16, 9, 1),
        status="completed",
        validation_passed=True,
        violations=[],
        invariants_checked=["r1"],
        data_docs=None,
        duration_s=1.0,
        files_seen=0,
        loaded=0,
        duplicates=0,
        rejected=0,
        quarantined=0,
        mentions=0,
        new_entities=0,
        quotes=0,
        events=0,
        stories=0,
        new_stories=0,
        near_duplicates=0,
    )
    page = tmp_path / "my report.html"
    linked = summary_markdown({**summary, "report": str(page)})
    assert f"| Report | [`{page}`]({page.as_uri()}) |" in linked
    assert "%20" in page.as_uri()
    assert "| Report | not written |" in summary_markdown({**summary, "report": None})
    assert (
        "| Warehouse invariants | hold (spans against the bodies of the articles of this run; "
        "the rest warehouse-wide) |"
    ) in linked
    both = summary_markdown({**summary, "invariants_checked": ["r0", "r1"]})
    assert (
        "| Warehouse invariants | hold (spans against the bodies of the articles of this run "
        "and 1 earlier unchecked run(s); the rest warehouse-wide) |"
    ) in both
    earlier = summary_markdown({**summary, "invariants_checked": ["r0"]})
    assert "of the articles of 1 earlier unchecked run(s);" in earlier
    idle = summary_markdown({**summary, "invariants_checked": None})
    assert "| Warehouse invariants | not checked (nothing written since the last check) |" in idle


def test_the_script_bundle_is_cached_and_a_damaged_copy_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    report.javascript_bundle.cache_clear()
    try:
        bundle = report.javascript_bundle()
        [cached] = (tmp_path / "newsdesk").iterdir()
        assert report.BUNDLE_MARK in bundle and "</script" not in bundle
        cached.write_text(bundle[: len(bundle) // 2], encoding="utf-8")  # an interrupted copy
        report.javascript_bundle.cache_clear()
        assert report.javascript_bundle() == bundle
        assert report.BUNDLE_MARK in cached.read_text(encoding="utf-8")
    finally:
        report.javascript_bundle.cache_clear()


def test_the_cli_and_the_flow_import_altair_only_to_draw() -> None:
    code = (
        "import sys, newsdesk.cli, flows.news_pipeline;"
        "assert not {'altair', 'vl_convert'} & set(sys.modules), 'imported at start-up'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
