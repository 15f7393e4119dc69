"""Full-text search: BM25 over article titles and bodies and over quote texts,
with DuckDB's fts extension.

DuckDB's fts index is a snapshot of its table (schemas `fts_main_articles`,
`fts_main_quotes`): it does not see rows inserted after it was built, and the
extension can only rebuild it whole, at a cost that grows with the warehouse.
So the pipeline builds an index once and, at the end of each later run, appends
the rows its table gained (`append_search_index.sql`): tokenising and stemming
follow the run's new rows, only cheap scans of the index follow its size.
Articles and quotes are only ever inserted, which is what makes appending
exact."""

from __future__ import annotations

import re
from collections.abc import Iterable

import duckdb
import polars as pl

from warehouse.connection import load_fts, transaction
from warehouse.statements import sql

INDEXED = ("articles", "quotes")
_BUILD = {"articles": "build_article_search_index", "quotes": "build_quote_search_index"}
_UNSEEN = {"articles": "search_new_articles", "quotes": "search_new_quotes"}

SNIPPET_BEFORE = 40
SNIPPET_AFTER = 80


class SearchIndexMissing(LookupError):
    """The warehouse has no full-text index yet: no run has finished on it
    since search was added."""


def present_indexes(con: duckdb.DuckDBPyConnection) -> set[str]:
    found = {schema for (schema,) in con.execute(sql("search_indexes_present")).fetchall()}
    return {table for table in INDEXED if f"fts_main_{table}" in found}


def _coverage(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    """(documents indexed, rows stored) per table; an absent index counts as
    none indexed, and both are then rebuilt (one alone is rare)."""
    if present_indexes(con) != set(INDEXED):
        return {table: (-1, 0) for table in INDEXED}
    rows = con.execute(sql("search_index_coverage")).fetchall()
    return {
        table: (indexed if keeps_numbers(con, table) else -1, stored)
        for table, indexed, stored in rows
    }


def keeps_numbers(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """An index built before numbers were words counts as absent: rebuilt once."""
    query = sql("search_index_keeps_numbers").replace("{index}", f"fts_main_{table}")
    row = con.execute(query).fetchone()
    return bool(row and row[0])


def stale_indexes(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Tables whose index is missing or misses rows. Beyond the run that just
    loaded, this catches a run killed or failed between its load and its
    refresh, and a warehouse built before search existed, so the next run
    heals them even when it has nothing new to load."""
    return [table for table, (indexed, stored) in _coverage(con).items() if indexed != stored]


def rebuild_indexes(con: duckdb.DuckDBPyConnection, tables: Iterable[str] = INDEXED) -> list[str]:
    """One transaction: a rebuild killed halfway leaves the previous index,
    which `stale_indexes` then reports."""
    chosen = [table for table in INDEXED if table in set(tables)]
    load_fts(con)
    with transaction(con):
        for table in chosen:
            con.execute(sql(_BUILD[table]))
    return chosen


def append_to_indexes(con: duckdb.DuckDBPyConnection, tables: Iterable[str]) -> list[str]:
    """One transaction, like a rebuild; the result is the index a rebuild
    would make, up to the internal ids of documents and terms."""
    chosen = [table for table in INDEXED if table in set(tables)]
    load_fts(con)
    with transaction(con):
        for table in chosen:
            con.execute(sql(_UNSEEN[table]))
            con.execute(sql("append_search_index").replace("{index}", f"fts_main_{table}"))
    return chosen


def refresh_indexes(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Appends what an index misses; rebuilds one that is absent, or that
    counts more documents than its table holds (rows were deleted by hand),
    which appending cannot mend. Staleness is told by counts, so a deletion
    and an insertion by hand that cancel out go unseen (runs only insert).
    A current index is left alone."""
    coverage = _coverage(con)
    behind = [table for table, (indexed, stored) in coverage.items() if 0 <= indexed < stored]
    broken = [table for table, (indexed, stored) in coverage.items() if not 0 <= indexed <= stored]
    if broken:
        rebuild_indexes(con, broken)
    if behind:
        append_to_indexes(con, behind)
    return [table for table in INDEXED if table in set(behind) | set(broken)]


def _require(con: duckdb.DuckDBPyConnection, table: str) -> None:
    if table not in present_indexes(con):
        raise SearchIndexMissing(
            f"the warehouse has no search index over {table} yet: `newsdesk run` builds it"
        )
    load_fts(con)


def snippet(
    body: str, term: str | None, before: int = SNIPPET_BEFORE, after: int = SNIPPET_AFTER
) -> str:
    """A reader judges a hit by the words around the match, not by the
    article's opening. `term` is as the index tokenised it (lower case,
    accents stripped), so it is found case-insensitively, as a whole word when
    it occurs as one; with no term the snippet is the opening."""
    start = 0
    if term:
        found = re.search(rf"\b{re.escape(term)}\b", body, re.IGNORECASE) or re.search(
            re.escape(term), body, re.IGNORECASE
        )
        start = found.start() if found else 0
    low, high = max(0, start - before), min(len(body), start + after)
    if low > 0:  # do not cut the first word
        space = body.find(" ", low, start)
        low = space + 1 if space >= 0 else low
    if high < len(body):  # nor the last
        space = body.rfind(" ", start, high)
        high = space if space > start else high
    text = " ".join(body[low:high].split())
    return ("…" if low > 0 else "") + text + ("…" if high < len(body) else "")


def query_terms(con: duckdb.DuckDBPyConnection, query: str, table: str = "articles") -> list[str]:
    """What the index looks for: none when the query is only stopwords or
    punctuation, which is why it matches nothing."""
    _require(con, table)
    statement = sql("search_query_terms").replace("{index}", f"fts_main_{table}")
    return [term for (term,) in con.execute(statement, {"query": query}).fetchall()]


def search_articles(con: duckdb.DuckDBPyConnection, query: str, limit: int = 10) -> pl.DataFrame:
    """Best first: score, article_id, outlet, published_date, title, snippet."""
    terms = query_terms(con, query, "articles")
    hits = con.execute(
        sql("search_articles"), {"query": query, "limit": limit, "terms": terms}
    ).pl()
    snippets = [
        snippet(body, term) for body, term in zip(hits["body"], hits["first_term"], strict=True)
    ]
    return hits.drop("body", "first_term").with_columns(
        pl.Series("snippet", snippets, dtype=pl.String)
    )


def search_quotes(con: duckdb.DuckDBPyConnection, query: str, limit: int = 10) -> pl.DataFrame:
    """Best first: score, speaker, quote_text, kind, article_id, outlet,
    published_date."""
    _require(con, "quotes")
    return con.execute(sql("search_quotes"), {"query": query, "limit": limit}).pl()
