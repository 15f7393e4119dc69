"""Story assignment against a real DuckDB file: incremental runs, in any cut,
give exactly what a rebuild from scratch gives."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from transforms.extraction import Extraction
from transforms.intake import FileRead, intake
from transforms.stories import StoryParams
from warehouse import load, stories
from warehouse.connection import connect

NOW = datetime(2024, 1, 1, 12, 0, 0)
SETTINGS = stories.StorySettings()

QUAKE = (
    "Rescue teams in northern Chile searched collapsed homes in Iquique after a magnitude 7.1 "
    "earthquake killed 12 people, officials said. Aftershocks shook the port city of Iquique "
    "overnight and the national emergency office warned damaged buildings could fall."
)
ARTICLES = {
    "quake-1": ("2014-04-02", "Reuters", QUAKE),
    "nato-1": (
        "2023-02-14",
        "BBC News",
        "NATO defence ministers met in Brussels to discuss ammunition for Ukraine. Secretary "
        "General Jens Stoltenberg urged allies to ramp up ammunition production as Ukraine "
        "burns through shells faster than NATO allies can make them.",
    ),
    "football-1": (
        "2014-01-31",
        "Sky Sports",
        "Arsenal signed the Norwegian midfielder for 30 million pounds on transfer deadline "
        "day, beating Juventus to the deal. The midfielder passed a medical at Arsenal's "
        "training ground before the transfer window closed.",
    ),
    "quake-2": (
        "2014-04-03",
        "AP",
        "Chile counted the damage in Iquique a day after the magnitude 7.1 earthquake killed 12 "
        "people. Rescue teams checked collapsed homes as aftershocks rattled the port city and "
        "the emergency office kept schools shut.",
    ),
    "quake-copy": ("2014-04-02", "Yahoo News", QUAKE + " (Reuters)"),
    "nato-2": (
        "2023-02-15",
        "Deutsche Welle",
        "Stoltenberg told NATO defence ministers in Brussels that Ukraine needs more ammunition "
        "now. Allies agreed to ramp up production of artillery shells for Ukraine, the NATO "
        "chief said after the ministers met.",
    ),
    "nato-0": (
        "2023-02-13",
        "Politico",
        "NATO defence ministers gather in Brussels where Stoltenberg will press allies to ramp "
        "up ammunition production for Ukraine, whose forces fire artillery shells faster than "
        "allies can make them.",
    ),
    "football-2": (
        "2014-02-01",
        "The Guardian",
        "Arsenal completed the deadline day transfer of the Norwegian midfielder for 30 million "
        "pounds after Juventus pulled out. The midfielder will train with Arsenal this week.",
    ),
}
BATCHES = [
    ["quake-1", "nato-1", "football-1"],
    ["quake-2", "quake-copy", "nato-2"],
    ["nato-0", "football-2"],
]


def batch_of(names: list[str]) -> Any:
    files = []
    for name in names:
        day, outlet, body = ARTICLES[name]
        raw = f" date {day} {outlet} - {body}".encode()
        files.append(FileRead(f"{name}.txt", len(raw), 1, None, raw))
    return intake(files, latest_date=date(2024, 1, 1), min_words=10)


def run_batch(con: duckdb.DuckDBPyConnection, names: list[str], run_id: str) -> None:
    batch = batch_of(names)
    arrivals = batch.articles.sort("published_date", "article_id")
    empty = Extraction.empty()
    placed = stories.place(con, arrivals, empty.mentions, empty.events, SETTINGS)
    load.start_run(con, run_id, None, NOW)
    load.load_batch(con, batch, empty, run_id, NOW, placed=placed)


def tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[Any, ...]]]:
    return {
        "story_articles": con.sql("SELECT * FROM story_articles ORDER BY sequence").fetchall(),
        "stories": con.sql("SELECT * FROM stories ORDER BY story_id").fetchall(),
        "incidents": con.sql("SELECT * FROM incidents ORDER BY incident_id").fetchall(),
        "article_terms": con.sql(
            "SELECT article_id, term, round(weight, 12) FROM article_terms ORDER BY ALL"
        ).fetchall(),
    }


def groups(con: duckdb.DuckDBPyConnection, column: str) -> set[frozenset[str]]:
    frame = con.sql(
        f"SELECT {column} AS g, regexp_extract(source_path, '([a-z]+-[a-z0-9]+)', 1) AS name "
        "FROM story_articles JOIN articles USING (article_id)"
    ).pl()
    return {frozenset(g["name"].to_list()) for _, g in frame.group_by("g")}


def test_incremental_runs_match_a_rebuild_and_group_what_reports_one_event(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    for i, names in enumerate(BATCHES):
        run_batch(con, names, f"r{i}")
    incremental = tables(con)
    assert groups(con, "story_id") == {
        frozenset({"quake-1", "quake-2", "quake-copy"}),
        frozenset({"nato-0", "nato-1", "nato-2"}),
        frozenset({"football-1", "football-2"}),
    }
    copy = con.sql(
        "SELECT s.duplicate_of, o.source_path FROM story_articles s "
        "JOIN articles a USING (article_id) JOIN articles o ON o.article_id = s.duplicate_of "
        "WHERE a.source_path = 'quake-copy.txt'"
    ).fetchall()
    assert [path for _, path in copy] == ["quake-1.txt"]
    quake = con.sql(
        "SELECT t.title, t.first_date, t.last_date, t.article_count, t.outlet_count "
        "FROM stories t JOIN story_articles s USING (story_id) JOIN articles a USING (article_id) "
        "WHERE a.source_path = 'quake-2.txt'"
    ).fetchall()
    titles = {t for (t,) in con.sql("SELECT title FROM articles").fetchall()}
    [(title, *rest)] = quake
    assert title in titles and "Iquique" in title
    assert rest == [date(2014, 4, 2), date(2014, 4, 3), 2, 3]
    assert stories.rebuild(con, SETTINGS, chunk_size=2) == len(ARTICLES)
    assert tables(con) == incremental


def test_one_batch_and_many_batches_place_articles_alike(tmp_path: Path) -> None:
    """The same arrivals cut differently into runs end in the same stories."""
    together = connect(tmp_path / "one.duckdb")
    run_batch(together, [n for names in BATCHES for n in names], "r0")
    apart = connect(tmp_path / "many.duckdb")
    order = together.sql(
        "SELECT regexp_extract(a.source_path, '([a-z]+-[a-z0-9]+)', 1) FROM story_articles "
        "JOIN articles a USING (article_id) ORDER BY sequence"
    ).fetchall()
    names = [name for (name,) in order]
    for i in range(0, len(names), 3):
        run_batch(apart, names[i : i + 3], f"r{i}")
    assert tables(apart) == tables(together)
    assert len(tables(apart)["story_articles"]) == len(ARTICLES)


INJURED = {
    "saints-1": "Reggie Bush",
    "saints-2": "Pierre Thomas",
    "saints-3": "Reggie Bush",
}
LATER = {"saints-3": " Coach Sean Payton said the decision was made after an MRI on Monday."}
INJURED_BODY = (
    "The New Orleans Saints placed running back {} on injured reserve on Wednesday, ending "
    "his season after a knee injury suffered against the Chicago Bears on Sunday night."
)


def test_conflicting_principals_split_incidents_alike_in_one_batch_or_many(
    tmp_path: Path,
) -> None:
    """The conflict test runs in SQL against stored articles and in Python within
    a batch: both must place the same way."""

    bodies = {n: INJURED_BODY.format(p) + LATER.get(n, "") for n, p in INJURED.items()}

    def saints(names: list[str]) -> Any:
        return intake(
            [
                FileRead(
                    f"{n}.txt",
                    1,
                    1,
                    None,
                    f" date 2014-04-02 AP - {bodies[n]}".encode(),
                )
                for n in names
            ],
            latest_date=date(2024, 1, 1),
            min_words=10,
        )

    order = sorted(INJURED)
    ids = saints(order).articles.sort("source_path")["article_id"].to_list()
    mentions = pl.DataFrame(
        {
            "article_id": ids,
            "entity_id": [None] * len(ids),
            "text": [INJURED[n] for n in order],
            "label": ["PERSON"] * len(ids),
            "sentence_index": [0] * len(ids),
            "start_char": [44] * len(ids),
        },
        schema_overrides={"entity_id": pl.String},
    )
    empty = Extraction.empty()
    # one template, so only a strict incident threshold shows the factor's effect
    strict = stories.StorySettings(params=StoryParams(incident_threshold=0.5))
    results = []
    for cut in (3, 1):
        con = connect(tmp_path / f"cut{cut}.duckdb")
        for start in range(0, 3, cut):
            batch = saints(order[start : start + cut])
            placed = stories.place(
                con, batch.articles.sort("source_path"), mentions, empty.events, strict
            )
            load.start_run(con, f"r{start}", None, NOW)
            load.load_batch(con, batch, empty, f"r{start}", NOW, placed=placed)
        results.append(con.sql("SELECT * FROM story_articles ORDER BY sequence").fetchall())
        assert groups(con, "story_id") == {frozenset(INJURED)}
        assert groups(con, "incident_id") == {
            frozenset({"saints-1", "saints-3"}),
            frozenset({"saints-2"}),
        }
    assert results[0] == results[1]
