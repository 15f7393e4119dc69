from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsdesk.cli import app
from warehouse.connection import WarehouseBehind, connect, connect_read_only
from warehouse.migrate import apply_migrations, available, pending

DESIGN_TABLES = {
    "articles": {
        "article_id", "source_path", "outlet", "published_date", "title", "body",
        "word_count", "language", "ingested_at", "run_id",
    },
    "ingest_log": {
        "file_path", "file_sha256", "size_bytes", "status", "reason", "article_id", "run_id",
        "seen_at",
    },
    "entity_mentions": {
        "mention_id", "article_id", "entity_id", "text", "label", "start_char", "end_char",
        "sentence_index",
    },
    "entities": {
        "entity_id", "canonical_name", "label", "mention_count", "article_count", "first_seen",
        "last_seen",
    },
    "entity_aliases": {"entity_id", "alias"},
    "quotes": {
        "quote_id", "article_id", "kind", "quote_text", "start_char", "end_char",
        "speaker_text", "speaker_entity_id", "cue_verb", "sentence_index",
    },
    "events": {
        "event_id", "article_id", "sentence_index", "trigger_lemma", "trigger_text",
        "event_type", "actor_text", "actor_entity_id", "target_text", "target_entity_id",
        "location_text", "location_entity_id", "event_date", "date_text", "date_precision",
        "date_source", "modality", "negated", "start_char", "end_char",
    },
    "stories": {"story_id", "title", "first_date", "last_date", "article_count", "outlet_count"},
    "story_articles": {"story_id", "incident_id", "article_id", "score", "duplicate_of"},
    "runs": {
        "run_id", "flow_run_id", "started_at", "finished_at", "status", "files_seen", "loaded",
        "duplicates", "rejected", "quarantined", "validation_passed",
    },
}  # fmt: skip


def columns(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for table, column in con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main'"
    ).fetchall():
        found.setdefault(table, set()).add(column)
    return found


def test_every_design_table_exists_with_its_columns(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    found = columns(con)
    for table, expected in DESIGN_TABLES.items():
        assert expected <= found[table], (table, expected - found.get(table, set()))


def test_migrations_are_ordered_recorded_and_applied_once(tmp_path: Path) -> None:
    versions = [m.version for m in available()]
    assert versions == sorted(versions) and versions[0] == 1
    con = connect(tmp_path / "w.duckdb")
    recorded = [r[0] for r in con.execute("SELECT version FROM schema_version").fetchall()]
    assert recorded == versions
    assert apply_migrations(con) == []
    con.close()
    again = connect(tmp_path / "w.duckdb")
    assert again.execute("SELECT count(*) FROM schema_version").fetchone() == (len(versions),)


def test_article_terms_take_their_articles_sequence_when_upgraded() -> None:
    """Migration 007 keys stored terms by arrival sequence for candidate
    blocking; terms stored before it get their article's, and a term whose
    article was never placed has no vector to belong to."""
    con = duckdb.connect()
    assert apply_migrations(con, until=6) == [1, 2, 3, 4, 5, 6]
    con.execute(
        "INSERT INTO story_articles (story_id, incident_id, article_id, sequence) VALUES "
        "('s1', 'i1', 'a', 0), ('s1', 'i1', 'b', 1)"
    )
    con.execute(
        "INSERT INTO article_terms (article_id, term, weight) VALUES "
        "('a', 'nato', 0.8), ('a', 'P:stoltenberg', 0), ('b', 'nato', 0.6), ('c', 'nato', 1.0)"
    )
    assert apply_migrations(con) == [v.version for v in available() if v.version > 6]
    rows = con.execute(
        "SELECT article_id, sequence, term, weight FROM article_terms ORDER BY ALL"
    ).fetchall()
    assert rows == [("a", 0, "P:stoltenberg", 0.0), ("a", 0, "nato", 0.8), ("b", 1, "nato", 0.6)]
    nullable = con.execute(
        "SELECT is_nullable FROM information_schema.columns "
        "WHERE table_name = 'article_terms' AND column_name = 'sequence'"
    ).fetchone()
    assert nullable == ("NO",)


def test_a_reader_of_a_warehouse_an_older_newsdesk_wrote_is_told_to_run(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    newest = available()[-1].version
    apply_migrations(con, until=newest - 1)
    assert pending(con) == [newest]
    con.close()
    with pytest.raises(WarehouseBehind, match=f"migrations {newest} not applied.*newsdesk run"):
        connect_read_only(db)
    status = CliRunner().invoke(app, ["status", "--db", str(db)])
    assert status.exit_code == 1 and "written by an older newsdesk" in status.output
    connect(db).close()  # a writer applies what is missing
    reader = connect_read_only(db)
    assert pending(reader) == []
    reader.close()
