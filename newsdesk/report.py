"""The visual report: one HTML page that opens anywhere, with no network.

Charts are Vega-Lite specs built with altair; Vega, Vega-Lite and vega-embed
are inlined from vl-convert's bundle, so the page needs nothing but a browser
(a report is read on trains and attached to e-mails). altair and vl-convert
are imported inside the functions: the CLI and the flow module import this
one, and most of their commands never draw a chart.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from warehouse.report_data import ReportData, read

if TYPE_CHECKING:
    import duckdb

Spec = dict[str, Any]

WIDTH = 760
DAILY_TICKS_UP_TO_DAYS = 31
OUTCOMES = ("loaded", "duplicates", "rejected", "quarantined")
OUTCOME_COLOURS = ("#4c78a8", "#9ecae9", "#e45756", "#f58518")
NO_DATA = "no data yet"
BUNDLE_MARK = "window.vegaEmbed="  # the bundle's last statements define it
# vega-embed's options: SVG so the page prints and tests can count charts, and
# no action menu (its links point at the online Vega editor).
EMBED_OPTIONS = {"renderer": "svg", "actions": False}


@dataclass(frozen=True)
class Section:
    """One chart of the page; `spec` is None when there is nothing to draw yet."""

    key: str
    heading: str
    note: str
    spec: Spec | None
    table: str = ""


def _values(frame: pl.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON values, dates as ISO strings: the spec embeds its data, and
    Vega reads a bare ISO date as UTC midnight (hence the UTC time units)."""
    dates = [
        pl.col(name).dt.to_string("%Y-%m-%d" if dtype == pl.Date else "%Y-%m-%d %H:%M")
        for name, dtype in frame.schema.items()
        if dtype == pl.Date or isinstance(dtype, pl.Datetime)
    ]
    return frame.with_columns(dates).to_dicts() if dates else frame.to_dicts()


def _chart(values: list[dict[str, Any]]) -> Any:
    import altair as alt

    return alt.Chart(alt.InlineData(values=values))


def _spec(chart: Any) -> Spec:
    spec: Spec = chart.to_dict()
    return spec


def _count_axis() -> Any:
    """Whole numbers only: a count axis reading 0.2 articles looks broken."""
    import altair as alt

    return alt.Axis(tickMinStep=1, format="d")


def _date_axis(*columns: pl.Series) -> Any:
    """A tick a day over short spans: the data has no finer grain, and Vega
    would otherwise put ticks at noon labelled with the same date."""
    import altair as alt

    dates: list[date] = pl.concat([c.drop_nulls() for c in columns]).to_list()
    if dates and (max(dates) - min(dates)).days <= DAILY_TICKS_UP_TO_DAYS:
        return alt.Axis(tickCount=alt.TimeIntervalStep(interval="day", step=1))
    return alt.Axis()


def articles_per_day_spec(frame: pl.DataFrame) -> Spec | None:
    if frame.is_empty():
        return None
    import altair as alt

    chart = (
        _chart(_values(frame))
        .mark_bar()
        .encode(
            x=alt.X("utcyearmonthdate(day):T", title="published", axis=_date_axis(frame["day"])),
            y=alt.Y("sum(articles):Q", title="articles", axis=_count_axis()),
            color=alt.Color("outlet:N", title="outlet"),
            tooltip=[
                alt.Tooltip("day:N", title="day"),
                alt.Tooltip("outlet:N"),
                alt.Tooltip("sum(articles):Q", title="articles"),
            ],
        )
        .properties(width=WIDTH, height=220)
    )
    return _spec(chart)


def top_speakers_spec(frame: pl.DataFrame) -> Spec | None:
    if frame.is_empty():
        return None
    import altair as alt

    order = frame.unique("entity_id", keep="first", maintain_order=True)["speaker"].to_list()
    chart = (
        _chart(_values(frame))
        .mark_bar()
        .encode(
            y=alt.Y("speaker:N", sort=order, title=None),
            x=alt.X("sum(quotes):Q", title="quotes", axis=_count_axis()),
            color=alt.Color(
                "kind:N",
                title="kind",
                scale=alt.Scale(domain=["direct", "indirect", "mixed"]),
            ),
            tooltip=["speaker:N", "kind:N", "quotes:Q", alt.Tooltip("total_quotes:Q", title="all")],
        )
        .properties(width=WIDTH, height=max(60, 22 * len(order)))
    )
    return _spec(chart)


def entity_mentions_spec(frame: pl.DataFrame, period: str) -> Spec | None:
    if frame.is_empty():
        return None
    import altair as alt

    order = frame.unique("entity_id", keep="first", maintain_order=True)["entity"].to_list()
    base = _chart(_values(frame)).encode(
        x=alt.X(
            "utcyearmonthdate(period):T",
            title=f"published ({period})",
            axis=_date_axis(frame["period"]),
        ),
        y=alt.Y("mentions:Q", title=f"mentions per {period}", axis=_count_axis()),
        color=alt.Color("entity:N", sort=order, title="entity"),
        tooltip=[
            "entity:N",
            alt.Tooltip("period:N", title=period),
            "mentions:Q",
            alt.Tooltip("total_mentions:Q", title="all mentions"),
        ],
    )
    chart = alt.layer(base.mark_line(), base.mark_point(filled=True, size=60)).properties(
        width=WIDTH, height=260
    )
    return _spec(chart)


def _story_label(rank: int, title: str | None) -> str:
    text = title or "(untitled)"
    return f"{rank}. {text[:60]}{'…' if len(text) > 60 else ''}"


def story_timelines_spec(frame: pl.DataFrame) -> Spec | None:
    if frame.is_empty():
        return None
    import altair as alt

    labelled = frame.with_columns(
        pl.struct("rank", "story")
        .map_elements(lambda s: _story_label(s["rank"], s["story"]), return_dtype=pl.String)
        .alias("label")
    )
    order = labelled.unique("story_id", keep="first", maintain_order=True)["label"].to_list()
    y = alt.Y("label:N", sort=order, title=None)
    # The line spans the articles drawn, so it always meets the first and last point.
    spans = labelled.group_by("label", maintain_order=True).agg(
        pl.col("published_date").min().alias("first_date"),
        pl.col("published_date").max().alias("last_date"),
    )
    span = (
        _chart(_values(spans.select("label", "first_date", "last_date")))
        .mark_rule(strokeWidth=2, color="#bbbbbb")
        .encode(
            y=y,
            x=alt.X(
                "utcyearmonthdate(first_date):T",
                title="published",
                axis=_date_axis(spans["first_date"], spans["last_date"]),
            ),
            x2=alt.X2("utcyearmonthdate(last_date)"),
        )
    )
    articles = (
        _chart(_values(labelled))
        .mark_point(filled=True, size=90, opacity=0.85)
        .encode(
            y=y,
            x=alt.X("utcyearmonthdate(published_date):T", title="published"),
            color=alt.Color("outlet:N", title="outlet"),
            shape=alt.Shape("near_duplicate:N", title="near-duplicate"),
            tooltip=[
                alt.Tooltip("title:N", title="article"),
                "outlet:N",
                alt.Tooltip("published_date:N", title="published"),
                alt.Tooltip("incident_id:N", title="incident"),
                alt.Tooltip("story:N", title="story"),
            ],
        )
    )
    chart = alt.layer(span, articles).properties(width=WIDTH, height=max(60, 30 * len(order)))
    return _spec(chart)


def runs_spec(frame: pl.DataFrame) -> Spec | None:
    if frame.is_empty():
        return None
    import altair as alt

    long = frame.with_columns(
        pl.col("started_at").dt.to_string("%Y-%m-%d %H:%M:%S").alias("run")
    ).unpivot(
        index=["run", "run_id", "status", "files_seen"],
        on=list(OUTCOMES),
        variable_name="outcome",
        value_name="files",
    )
    order = long.unique("run_id", keep="first", maintain_order=True)["run"].to_list()
    chart = (
        _chart(_values(long))
        .mark_bar()
        .encode(
            x=alt.X("run:N", sort=order, title="run started (UTC)", axis=alt.Axis(labelAngle=-40)),
            y=alt.Y("sum(files):Q", title="files", axis=_count_axis()),
            color=alt.Color(
                "outcome:N",
                sort=list(OUTCOMES),
                scale=alt.Scale(domain=list(OUTCOMES), range=list(OUTCOME_COLOURS)),
            ),
            tooltip=["run_id:N", "status:N", "outcome:N", "files:Q", "files_seen:Q"],
        )
        .properties(width=alt.Step(40), height=220)
    )
    return _spec(chart)


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def stories_table(frame: pl.DataFrame) -> str:
    """The stories' titles in full, which the chart's axis has to cut."""
    if frame.is_empty():
        return ""
    stories = frame.unique("story_id", keep="first", maintain_order=True)
    rows = [
        (
            r["rank"],
            r["story"] or "",
            f"{r['first_date']} – {r['last_date']}",
            r["article_count"],
            r["outlet_count"],
        )
        for r in stories.iter_rows(named=True)
    ]
    return _table(("#", "story", "dates", "articles", "outlets"), rows)


def sections(data: ReportData) -> list[Section]:
    return [
        Section(
            "articles-per-day",
            "Articles per day by outlet",
            "Articles by publication date; the smallest outlets are grouped as other outlets.",
            articles_per_day_spec(data.articles_per_day),
        ),
        Section(
            "top-speakers",
            "Top speakers",
            "Quotes attributed to a named speaker, by kind.",
            top_speakers_spec(data.top_speakers),
        ),
        Section(
            "top-entities",
            "Top entities over time",
            f"Mentions per {data.mention_period} of the entities mentioned most.",
            entity_mentions_spec(data.entity_mentions, data.mention_period),
        ),
        Section(
            "stories",
            "Biggest stories and their timelines",
            "Each point is an article of the story (colour: outlet); the line spans its dates.",
            story_timelines_spec(data.story_timelines),
            stories_table(data.story_timelines),
        ),
        Section(
            "runs",
            "Last runs",
            "What happened to the files each run saw.",
            runs_spec(data.runs),
        ),
    ]


def _script_json(value: Any) -> str:
    """JSON that cannot end the <script> it sits in, whatever an article's
    title contains."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def bundle_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsdesk"


@cache
def javascript_bundle() -> str:
    """Vega, Vega-Lite and vega-embed in one script, for the Vega-Lite version
    altair writes specs for. vl-convert builds it in about 1.5 s, most of what
    a report costs, so it is kept in the user's cache per vl-convert and
    Vega-Lite version (the same inputs give the same bundle); an unwritable
    cache only costs the time."""
    import altair as alt
    import vl_convert

    version = "_".join(alt.SCHEMA_VERSION.split(".")[:2])
    cached = bundle_cache() / f"vega-embed-{metadata.version('vl-convert-python')}-{version}.js"
    try:
        bundle = cached.read_text(encoding="utf-8")
    except OSError:
        bundle = ""
    if BUNDLE_MARK not in bundle:
        bundle = vl_convert.javascript_bundle(None, vl_version=version)  # type: ignore[arg-type]
        with contextlib.suppress(OSError):
            save(bundle, cached)
    return bundle.replace("</script", "<\\/script")


def _header(totals: dict[str, Any], generated_at: datetime, db: Path | None) -> str:
    dates = (
        f"{totals['first_date']} – {totals['last_date']}" if totals["first_date"] else "none yet"
    )
    facts = [
        ("articles", f"{totals['articles']:,}"),
        ("outlets", f"{totals['outlets']:,}"),
        ("published", dates),
        ("entities", f"{totals['entities']:,}"),
        ("mentions", f"{totals['mentions']:,}"),
        ("quotes", f"{totals['quotes']:,}"),
        ("events", f"{totals['events']:,}"),
        ("stories", f"{totals['stories']:,}"),
        ("files seen", f"{totals['files']:,}"),
        ("runs", f"{totals['runs']:,}"),
    ]
    source = f" from <code>{html.escape(str(db))}</code>" if db is not None else ""
    items = "".join(
        f"<div><dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd></div>" for k, v in facts
    )
    return (
        "<header><h1>newsdesk report</h1>"
        f'<p class="generated">Generated {generated_at:%Y-%m-%d %H:%M:%S} UTC{source}</p>'
        f'<dl class="totals">{items}</dl></header>'
    )


STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; }
h1 { margin-bottom: 0.2rem; } .generated { color: #666; margin-top: 0; }
dl.totals { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
dl.totals div { min-width: 6rem; } dt { color: #666; font-size: 0.85rem; }
dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
section { margin-top: 2.2rem; } .note { color: #555; margin-top: -0.5rem; }
.empty { color: #888; font-style: italic; padding: 1rem; border: 1px dashed #ccc; }
table { border-collapse: collapse; margin-top: 1rem; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.25rem 0.6rem; border-bottom: 1px solid #eee; }
"""


def render(data: ReportData, generated_at: datetime, db: Path | None = None) -> str:
    """The whole page as one string; `generated_at` is passed in (UTC) so the
    same data renders the same page."""
    parts = []
    specs: dict[str, Spec] = {}
    for section in sections(data):
        chart_id = f"chart-{section.key}"
        if section.spec is None:
            body = f'<p class="empty" id="{chart_id}">{NO_DATA}</p>'
        else:
            specs[chart_id] = section.spec
            body = f'<div class="chart" id="{chart_id}"></div>'
        parts.append(
            f'<section id="{section.key}"><h2>{html.escape(section.heading)}</h2>'
            f'<p class="note">{html.escape(section.note)}</p>{body}{section.table}</section>'
        )
    script = ""
    if specs:
        script = (
            f"<script>{javascript_bundle()}</script>\n<script>\n"
            f"const specs = {_script_json(specs)};\n"
            f"const options = {_script_json(EMBED_OPTIONS)};\n"
            "for (const [id, spec] of Object.entries(specs)) {\n"
            '  vegaEmbed("#" + id, spec, options).catch((error) => {\n'
            "    console.error(error);\n"
            '    document.getElementById(id).textContent = "chart failed: " + error;\n'
            "  });\n"
            "}\n</script>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>newsdesk report</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        f"{_header(data.totals, generated_at, db)}\n"
        + "\n".join(parts)
        + f"\n{script}\n</body>\n</html>\n"
    )


def save(page: str, out: Path) -> Path:
    """Written beside the target and renamed over it, so a browser reloading
    the report never reads half a page."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        tmp.write_text(page, encoding="utf-8")
        tmp.replace(out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


def write(con: duckdb.DuckDBPyConnection, out: Path, db: Path | None = None) -> Path:
    """Read, render and save: what `newsdesk report` and each run do, so both
    write the same page."""
    return save(render(read(con), datetime.now(UTC).replace(tzinfo=None), db), out)
