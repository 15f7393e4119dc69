"""Full-text search over a small warehouse built with the real load functions:
BM25 ranking, the quotes index, rebuilds that see later rows, readers."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from transforms.extraction import Extraction
from transforms.intake import FileRead, intake
from warehouse import load, search
from warehouse.check import violations
from warehouse.connection import connect, connect_read_only
from warehouse.query import run_query

NOW = datetime(2024, 1, 1, 12, 0, 0)

MANY = (
    b"date 2023-02-14 BBC News - Ammunition stocks are low. Allies said ammunition "
    b"production must double, and ammunition deliveries to Ukraine must not wait."
)
ONE = (
    b"date 2023-02-15 Reuters - Defence ministers met in Brussels to discuss the war. "
    b"They talked about tanks, air defence, training, budgets, the summit in Vilnius "
    b"and, near the end of a long day of talks, the supply of ammunition to Kyiv."
)
NONE = (
    b"date 2023-02-16 Islam Times - A storm closed schools across the region on Monday "
    b"and the weather service expects more snow before the weekend arrives."
)
WAS = (
    b"date 2023-02-18 AP - The meeting was long and the talks were hard for everyone in the "
    b"room, with budgets and training on the agenda all day; near the very end the ministers "
    b"finally agreed to send more battle tanks to the front before the spring."
)
LATER = (
    b"date 2023-02-17 AP - Munitions factories in Europe will add shifts, and the "
    b"extra ammunition is to reach the front by the summer, officials said on Friday."
)


def add(con: duckdb.DuckDBPyConnection, run: str, *raws: bytes) -> list[str]:
    files = [
        FileRead(f"{hashlib.sha256(raw).hexdigest()[:8]}.txt", len(raw), 1, None, raw)
        for raw in raws
    ]
    batch = intake(files, latest_date=date(2024, 1, 1), min_words=3)
    load.start_run(con, run, None, NOW)
    load.load_batch(con, batch, Extraction.empty(), run, NOW)
    load.finish_run(con, run, "completed", NOW)
    return [str(a) for a in batch.articles["article_id"]]


def add_quote(con: duckdb.DuckDBPyConnection, article: str, text: str, speaker: str) -> None:
    [(body,)] = con.execute("SELECT body FROM articles WHERE article_id = ?", [article]).fetchall()
    start = str(body).index(text)
    con.execute(
        "INSERT INTO quotes VALUES (?, ?, 'direct', ?, ?, ?, ?, NULL, 'said', 0)",
        [f"q{start}{article}", article, text, start, start + len(text), speaker],
    )


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    return connect(tmp_path / "w.duckdb")


def test_a_fresh_warehouse_gets_empty_indexes_and_stays_consistent(
    con: duckdb.DuckDBPyConnection,
) -> None:
    assert search.stale_indexes(con) == ["articles", "quotes"]
    assert search.refresh_indexes(con) == ["articles", "quotes"]
    assert search.stale_indexes(con) == []
    assert search.refresh_indexes(con) == []
    assert search.search_articles(con, "ammunition").height == 0
    assert search.search_quotes(con, "peace").height == 0
    assert violations(con) == []


def test_articles_rank_by_bm25_with_a_snippet_around_the_first_match(
    con: duckdb.DuckDBPyConnection,
) -> None:
    many, one, _ = add(con, "r1", MANY, ONE, NONE)
    search.refresh_indexes(con)
    hits = search.search_articles(con, "ammunition")
    assert hits.columns == [
        "score",
        "article_id",
        "outlet",
        "published_date",
        "title",
        "snippet",
    ]
    assert hits["article_id"].to_list() == [many, one]
    assert hits["score"][0] > hits["score"][1] > 0
    assert hits.row(1, named=True)["outlet"] == "Reuters"
    assert hits.row(1, named=True)["published_date"] == date(2023, 2, 15)
    snippet = hits["snippet"][1]
    assert "supply of ammunition to Kyiv" in snippet and snippet.startswith("…")
    assert "Defence ministers" not in snippet
    # Stemmed, case-folded, stopwords ignored: the same two articles.
    assert search.search_articles(con, "The AMMUNITIONS")["article_id"].to_list() == [many, one]
    assert search.search_articles(con, "ammunition", limit=1)["article_id"].to_list() == [many]
    assert search.search_articles(con, "the of and").height == 0
    assert search.search_articles(con, "snow")["snippet"][0] == (
        "…and the weather service expects more snow before the weekend arrives."
    )


def test_a_stopword_in_the_query_does_not_place_the_snippet(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # "was" stems to "wa", which is no stopword: filtering after stemming kept it.
    add(con, "r1", WAS)
    search.refresh_indexes(con)
    snippet = search.search_articles(con, "was tanks")["snippet"][0]
    assert "tanks" in snippet and "meeting was" not in snippet, snippet


def test_quotes_are_searched_with_their_speaker_and_article(
    con: duckdb.DuckDBPyConnection,
) -> None:
    many, one, _ = add(con, "r1", MANY, ONE, NONE)
    add_quote(con, many, "ammunition production must double", "allies")
    add_quote(con, one, "the supply of ammunition to Kyiv", "ministers")
    search.refresh_indexes(con)
    hits = search.search_quotes(con, "production")
    assert hits.to_dicts() == [
        {
            "score": hits["score"][0],
            "speaker": "allies",
            "quote_text": "ammunition production must double",
            "kind": "direct",
            "article_id": many,
            "outlet": "BBC News",
            "published_date": date(2023, 2, 14),
        }
    ]
    assert set(search.search_quotes(con, "ammunition")["speaker"]) == {"allies", "ministers"}
    assert search.search_quotes(con, "storm").height == 0
    assert violations(con) == []


def test_a_rebuild_sees_rows_added_after_the_index_was_built(
    con: duckdb.DuckDBPyConnection,
) -> None:
    many, one, _ = add(con, "r1", MANY, ONE, NONE)
    search.refresh_indexes(con)
    [later] = add(con, "r2", LATER)
    # The index is a snapshot: the new article is invisible until the rebuild.
    assert search.search_articles(con, "munitions factories").height == 0
    assert search.stale_indexes(con) == ["articles"]
    assert search.refresh_indexes(con) == ["articles"]
    assert search.search_articles(con, "munitions factories")["article_id"][0] == later
    assert set(search.search_articles(con, "ammunition")["article_id"]) == {many, one, later}
    add_quote(con, later, "extra ammunition", "officials")
    assert search.refresh_indexes(con) == ["quotes"]
    assert search.search_quotes(con, "extra")["speaker"].to_list() == ["officials"]


def test_a_refresh_that_fails_halfway_leaves_the_previous_indexes(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    [many] = add(con, "r1", MANY)
    search.refresh_indexes(con)
    [later] = add(con, "r2", LATER)
    add_quote(con, later, "extra ammunition", "officials")
    # The article is appended to its index, then the quotes fail: both roll back.
    monkeypatch.setitem(search._UNSEEN, "quotes", "no_such_statement")
    with pytest.raises(FileNotFoundError):
        search.refresh_indexes(con)
    assert search.search_articles(con, "ammunition")["article_id"].to_list() == [many]
    assert search.stale_indexes(con) == ["articles", "quotes"]
    monkeypatch.undo()
    assert search.refresh_indexes(con) == ["articles", "quotes"]
    assert search.search_articles(con, "ammunition").height == 2


def index_contents(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, object]:
    """What BM25 reads of an index, by document name and term rather than by
    the internal ids, which differ between an appended and a rebuilt index."""
    schema = f"fts_main_{table}"
    return {
        "docs": sorted(con.execute(f"SELECT name, len FROM {schema}.docs").fetchall()),
        "dict": sorted(con.execute(f"SELECT term, df FROM {schema}.dict").fetchall()),
        "terms": sorted(
            con.execute(
                f"SELECT d.name, t.fieldid, k.term FROM {schema}.terms t "
                f"JOIN {schema}.docs d USING (docid) JOIN {schema}.dict k USING (termid)"
            ).fetchall()
        ),
        "stats": con.execute(f"SELECT num_docs, avgdl FROM {schema}.stats").fetchall(),
    }


def test_rows_appended_to_an_index_are_indexed_as_a_rebuild_would(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    many, _, _ = add(con, "r1", MANY, ONE, NONE)
    add_quote(con, many, "ammunition production must double", "allies")
    search.refresh_indexes(con)
    [later, was] = add(con, "r2", LATER, WAS)
    add_quote(con, later, "the extra ammunition is to reach the front", "officials")
    add_quote(con, was, "finally agreed to send more battle tanks", "ministers")
    rebuilt = []
    monkeypatch.setattr(search, "rebuild_indexes", lambda con, tables: rebuilt.append(tables))
    assert search.refresh_indexes(con) == ["articles", "quotes"]
    assert rebuilt == []  # appended, not rebuilt
    monkeypatch.undo()
    appended = {table: index_contents(con, table) for table in search.INDEXED}
    ranked = search.search_articles(con, "ammunition tanks front")
    quoted = search.search_quotes(con, "ammunition tanks")
    assert ranked.height == 4 and quoted.height == 3
    search.rebuild_indexes(con)
    assert {table: index_contents(con, table) for table in search.INDEXED} == appended
    assert search.search_articles(con, "ammunition tanks front").equals(ranked)
    assert search.search_quotes(con, "ammunition tanks").equals(quoted)


def test_an_index_holding_rows_its_table_lost_is_rebuilt(con: duckdb.DuckDBPyConnection) -> None:
    many, one, _ = add(con, "r1", MANY, ONE, NONE)
    search.refresh_indexes(con)
    con.execute("DELETE FROM articles WHERE article_id = ?", [one])
    assert search.stale_indexes(con) == ["articles"]
    assert search.refresh_indexes(con) == ["articles"]
    assert search.search_articles(con, "ammunition")["article_id"].to_list() == [many]


def test_numbers_are_words_and_an_index_that_dropped_them_is_rebuilt(
    con: duckdb.DuckDBPyConnection,
) -> None:
    [profits] = add(
        con,
        "r1",
        b"date 2023-02-14 BBC News - Profits rose to 35bn pounds in 2004, the bank said, "
        b"and the board expects more of the same from its new branches next year.",
    )
    search.refresh_indexes(con)
    assert search.search_articles(con, "2004")["article_id"].to_list() == [profits]
    assert search.search_articles(con, "35bn")["snippet"][0].startswith("Profits rose to 35bn")
    # An index as the extension builds it by default, which drops digits.
    con.execute(
        "PRAGMA create_fts_index('articles', 'article_id', 'title', 'body', "
        "stemmer = 'porter', stopwords = 'english', overwrite = 1)"
    )
    assert search.search_articles(con, "2004").height == 0
    assert search.stale_indexes(con) == ["articles"]
    assert search.refresh_indexes(con) == ["articles"]
    assert search.search_articles(con, "2004")["article_id"].to_list() == [profits]


def test_readers_search_and_user_sql_can_rank_but_not_read_files(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    writer = connect(db)
    many, one, _ = add(writer, "r1", MANY, ONE, NONE)
    search.refresh_indexes(writer)
    writer.close()
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    reader = connect_read_only(db)
    try:
        assert search.search_articles(reader, "ammunition")["article_id"].to_list() == [many, one]
        ranked = run_query(
            reader,
            "SELECT article_id FROM (SELECT article_id, "
            "fts_main_articles.match_bm25(article_id, 'ammunition') AS score FROM articles) "
            "WHERE score IS NOT NULL ORDER BY score DESC",
        )
        assert ranked["article_id"].to_list() == [many, one]
        with pytest.raises(duckdb.Error, match="disabled by configuration"):
            run_query(reader, f"SELECT * FROM read_csv('{secret}')")
        with pytest.raises(duckdb.Error):
            reader.execute("SET enable_external_access = true")
    finally:
        reader.close()


def test_searching_a_warehouse_without_an_index_says_how_to_build_it(
    con: duckdb.DuckDBPyConnection,
) -> None:
    with pytest.raises(search.SearchIndexMissing, match="`newsdesk run` builds it"):
        search.search_articles(con, "ammunition")
    with pytest.raises(search.SearchIndexMissing, match="over quotes"):
        search.search_quotes(con, "peace")


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (None, "Alpha beta gamma…"),
        ("epsilon", "…gamma delta epsilon zeta NATO's…"),
        ("nato", "…zeta NATO's eta theta"),
        ("eta", "…zeta NATO's eta theta"),  # the word, not the end of "beta"
        ("absent", "Alpha beta gamma…"),
    ],
)
def test_snippets_keep_whole_words_around_the_match(term: str | None, expected: str) -> None:
    body = "Alpha beta gamma delta epsilon zeta NATO's eta theta"
    assert search.snippet(body, term, before=13, after=20) == expected
