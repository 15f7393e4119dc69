"""Story assignment against a real DuckDB file: incremental runs, in any cut,
give exactly what a rebuild from scratch gives."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from transforms.extraction import Extraction
from transforms.intake import FileRead, intake
from transforms.schemas import MENTIONS
from transforms.stories import StoryParams, arrival_order
from warehouse import load, stories
from warehouse.check import violations
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
    arrivals = arrival_order(batch.articles)
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
    """The conflict test meets stored articles through their stored participant
    terms and batch neighbours through their mentions: both must place alike."""

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


# A coach's report leads with him and names the player early; the player's own
# report leads with the player and never names the coach. Either way round one
# side's principal is among the other's named people, so there is no conflict.
COACH = (
    "Coach Sean Payton said the New Orleans Saints placed running back Reggie Bush on "
    "injured reserve on Wednesday, ending his season after a knee injury suffered against "
    "the Chicago Bears on Sunday night."
)
PLAYER = (
    "Reggie Bush was placed on injured reserve by the New Orleans Saints on Wednesday. The "
    "running back's season is over after a knee injury suffered against the Chicago Bears "
    "on Sunday night."
)
LEADS = {
    "lead-coach": (COACH, ["Sean Payton", "Reggie Bush"]),
    "lead-player": (PLAYER, ["Reggie Bush"]),
}


def place_in_runs(
    con: duckdb.DuckDBPyConnection,
    names: list[str],
    cut: int,
    leads: dict[str, tuple[str, list[str]]] = LEADS,
) -> None:
    """`names` in arrival order, `cut` per run, each with its people mentioned
    (and stored) in its first sentence."""
    strict = stories.StorySettings(params=StoryParams(incident_threshold=0.5))
    for start in range(0, len(names), cut):
        run = names[start : start + cut]
        batch = intake(
            [
                FileRead(f"{n}.txt", 1, 1, None, f" date 2014-04-02 AP - {leads[n][0]}".encode())
                for n in run
            ],
            latest_date=date(2024, 1, 1),
            min_words=10,
        )
        by_path = {row["source_path"]: row for row in batch.articles.iter_rows(named=True)}
        rows = []
        for n in run:
            article = by_path[f"{n}.txt"]
            for person in leads[n][1]:
                at = article["body"].index(person)
                mention = (article["article_id"], person, at)
                rows.append((f"{mention[0]}-{at}", *mention, at + len(person)))
        mentions = pl.DataFrame(
            {
                "mention_id": [r[0] for r in rows],
                "article_id": [r[1] for r in rows],
                "entity_id": [None] * len(rows),
                "text": [r[2] for r in rows],
                "label": ["PERSON"] * len(rows),
                "start_char": [r[3] for r in rows],
                "end_char": [r[4] for r in rows],
                "sentence_index": [0] * len(rows),
            },
            schema=MENTIONS,
        )
        extraction = replace(Extraction.empty(), mentions=mentions)
        arrivals = pl.concat(
            [batch.articles.filter(pl.col("source_path") == f"{n}.txt") for n in run]
        )
        placed = stories.place(con, arrivals, mentions, extraction.events, strict)
        run_id = "r-" + "-".join(run)
        load.start_run(con, run_id, None, NOW)
        load.load_batch(con, batch, extraction, run_id, NOW, placed=placed)


def test_a_principal_among_the_other_articles_named_people_is_no_conflict(tmp_path: Path) -> None:
    """Stored against new, the test must look both ways: the new article's principal
    among the stored one's named people (coach stored, player new), and the stored
    one's principal among the new one's named (player stored, coach new)."""
    for order in (["lead-coach", "lead-player"], ["lead-player", "lead-coach"]):
        results = []
        for cut in (2, 1):
            con = connect(tmp_path / f"{order[0]}-{cut}.duckdb")
            place_in_runs(con, order, cut)
            results.append(con.sql("SELECT * FROM story_articles ORDER BY sequence").fetchall())
            assert groups(con, "incident_id") == {frozenset(LEADS)}, (order, cut)
            assert all(duplicate_of is None for *_, duplicate_of, _ in results[-1])
        assert results[0] == results[1]


def test_a_run_warns_of_stored_articles_placed_without_participant_terms(
    tmp_path: Path, caplog: Any
) -> None:
    """Articles placed before migration 006 have no P:/N: terms, so the conflict
    rule cannot reach them and a rebuild would place differently: say so."""
    leads = LEADS | {"lead-again": (PLAYER + " He misses the playoffs.", ["Reggie Bush"])}
    con = connect(tmp_path / "w.duckdb")
    place_in_runs(con, ["lead-player"], 1, leads)
    con.execute(
        "DELETE FROM article_terms WHERE starts_with(term, 'P:') OR starts_with(term, 'N:')"
    )
    caplog.set_level(logging.WARNING, logger="warehouse.stories")
    place_in_runs(con, ["lead-coach"], 1, leads)
    [warning] = [r.getMessage() for r in caplog.records]
    assert warning.startswith("1 stored article(s)") and "newsdesk stories --rebuild" in warning
    caplog.clear()
    assert stories.rebuild(con, SETTINGS, chunk_size=1) == 2
    place_in_runs(con, ["lead-again"], 1, leads)
    assert caplog.records == []
    assert violations(con) == []
