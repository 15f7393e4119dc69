"""The data dictionary is complete and its markdown page is current."""

from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.dictionary import dictionary, markdown, undocumented
from warehouse.migrate import apply_migrations

PAGE = Path(__file__).resolve().parents[2] / "warehouse" / "DICTIONARY.md"


def migrated() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    apply_migrations(con)
    return con


def test_every_table_view_and_column_is_described() -> None:
    relations = dictionary(migrated())
    assert {r.kind for r in relations} == {"table", "view"}
    assert undocumented(relations) == []


def test_an_undescribed_column_is_reported() -> None:
    con = migrated()
    con.execute("ALTER TABLE articles ADD COLUMN mood VARCHAR")
    assert undocumented(dictionary(con)) == ["articles.mood"]


def test_the_checked_in_page_matches_the_migrations() -> None:
    expected = markdown(dictionary(migrated())) + "\n"
    assert PAGE.read_text(encoding="utf-8") == expected, (
        "warehouse/DICTIONARY.md is stale: run "
        "`newsdesk schema --fresh --markdown > warehouse/DICTIONARY.md`"
    )
