"""`newsdesk search` on a warehouse whose index was built before numbers were
words (as a run of an earlier version left it)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsdesk.cli import app
from tests.warehouse.test_search import MANY, add
from warehouse import search
from warehouse.connection import connect


def test_a_number_in_an_old_index_says_the_next_run_rebuilds_it(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    con = connect(db)
    add(con, "r1", MANY)
    search.refresh_indexes(con)
    con.execute(  # the extension's default tokenizer, which drops digits
        "PRAGMA create_fts_index('articles', 'article_id', 'title', 'body', "
        "stemmer = 'porter', stopwords = 'english', overwrite = 1)"
    )
    con.close()
    old = CliRunner().invoke(app, ["search", "2023", "--db", str(db)])
    assert (old.exit_code, old.output) == (
        2,
        "error: this warehouse's search index predates number search: "
        "the next `newsdesk run` rebuilds it\n",
    )
    words = CliRunner().invoke(app, ["search", "ammunition", "--db", str(db)])
    assert words.exit_code == 0 and "ammunition" in words.output.lower()
