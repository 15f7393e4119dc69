from pathlib import Path

import duckdb

from warehouse.connection import connect
from warehouse.migrate import apply_migrations, available

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
