"""Extraction accuracy on the shared eval sets: quotes (PolNeAR), NER (CoNLL-2003)
and main events (Giveme5W1H), dev splits only. Prints figures, with the issue's
targets beside them; it never asserts, so a regression shows up as a number to
discuss rather than a red build.

    .venv/bin/python -m benchmarks.accuracy [--task ner|quotes|events|stories|all] [--limit N]

Each eval text goes in as an article `body` unchanged, so our offsets index the same
string as the gold offsets. `--limit N` keeps the first N records of each set.

Rules that are ours rather than the eval sets':

- quotes: scored as `shared/eval/quotes/README.md` ("Scoring") describes; the peer
  line re-scores textacy's recorded dev/paragraph predictions for the same articles
  with the same scorer (and shows the figures recorded in `textacy_scores.json`, which
  match ours on the full set). A quote's speaker gets credit when either its surface
  `speaker_text` or the `canonical_name` of its `speaker_entity_id` matches.
- ner: "plain spaCy" is `doc.ents` from the very pipeline `load_nlp` returns, run with
  `nlp.pipe` on the same texts, so the gap measures only what newsdesk adds. The
  publication date given to extraction is the document's dateline date.
- events: the main event is the earliest event in the text that has an actor and is
  not a `statement`; failing that the earliest with an actor; failing that the
  earliest at all (`benchmarks.scoring.pick_main_event`). who = actor_text, what =
  trigger_text + target_text, where = location_text, when = date_text, or
  event_date equal to the gold `when_parsed`. A slot is scored only on articles
  whose gold has it. The one undated record (`0000-00-00`) gets the latest date of
  the set, since the pipeline itself rejects undated files.
- stories: each set's files go through the real flow (Prefect, GX, DuckDB) into a
  fresh warehouse; a file's predicted cluster is its article's `story_id` and
  `incident_id` (an exact-duplicate file takes its article's; a rejected file is a
  cluster of its own). ECB+'s unknown-date sentinel becomes 2020-01-01 for every
  file, as its README asks. B-cubed and pairwise P/R/F1 are printed for both levels;
  the target applies to the story level on `stories/dev` and to the incident level
  on ECB+.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
from spacy.language import Language

from benchmarks.corpus import SHARED
from benchmarks.scoring import (
    EVENT_SLOTS,
    KINDS,
    NER_LABELS,
    PRF,
    ClusterScores,
    EventGuess,
    GoldQuote,
    NerScores,
    PredQuote,
    QuoteScores,
    pick_main_event,
    ratio,
    score_clusters,
    score_entities,
    score_quotes,
    slot_hits,
)
from newsdesk.settings import Settings
from transforms.cues import (
    ACCORDING_TO,
    COLON,
    CUE_VERBS,
    EVIDENCE_VERBS,
    OBJECT_CUES,
    SPEECH_NOUNS,
)
from transforms.extraction import Extraction, extract
from transforms.nlp import load_nlp

EVAL = SHARED / "eval"
QUOTES_DEV = EVAL / "quotes" / "dev.jsonl"
QUOTES_PEER = EVAL / "quotes" / "peers" / "textacy_dev_paragraph.jsonl"
QUOTES_PEER_SCORES = EVAL / "quotes" / "peers" / "textacy_scores.json"
NER_DEV = EVAL / "ner" / "dev.jsonl"
EVENTS_DEV = EVAL / "events" / "dev.jsonl"

TARGET_QUOTES_F1 = 0.70
TARGET_DIRECT_F1 = 0.90
TARGET_SPEAKER = 0.85
TARGET_NER_GAIN = 0.03
TARGET_WHEN = 0.80
TARGET_STORY_B3 = 0.97
TARGET_INCIDENT_B3 = 0.93
NER_README_SPACY_F1 = 0.6453
CONLL_FALLBACK_DATE = date(1996, 8, 30)  # first day of the CoNLL dev docs
DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

Record = dict[str, Any]


def read_jsonl(path: Path, limit: int | None) -> list[Record]:
    records: list[Record] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if limit is not None and len(records) >= limit:
                break
            if line.strip():
                records.append(json.loads(line))
    return records


def run_extract(
    nlp: Language, rows: Sequence[tuple[str, str, date]], batch_size: int
) -> tuple[Extraction, float]:
    """One extract call over every record, as a pipeline chunk would be, so
    cross-article entity resolution sees the whole set. Returns the seconds taken."""
    frame = pl.DataFrame(
        {
            "article_id": [r[0] for r in rows],
            "body": [r[1] for r in rows],
            "published_date": [r[2] for r in rows],
        },
        schema={"article_id": pl.String, "body": pl.String, "published_date": pl.Date},
    )
    start = time.perf_counter()
    result = extract(nlp, frame, batch_size=batch_size, n_process=1)
    return result, time.perf_counter() - start


def by_article(frame: pl.DataFrame) -> dict[str, list[Record]]:
    grouped: dict[str, list[Record]] = defaultdict(list)
    for row in frame.iter_rows(named=True):
        grouped[row["article_id"]].append(row)
    return grouped


def prf(p: PRF) -> str:
    return f"P {p.precision:.3f} R {p.recall:.3f} F1 {p.f1:.3f}"


# --- quotes -------------------------------------------------------------------------


def gold_quotes(record: Record) -> list[GoldQuote]:
    return [
        GoldQuote(q["quote_start"], q["quote_end"], q["kind"], q["speaker"])
        for q in record["quotes"]
    ]


def peer_predictions(ids: set[str]) -> dict[str, list[PredQuote]]:
    preds: dict[str, list[PredQuote]] = {}
    for record in read_jsonl(QUOTES_PEER, None):
        if record["id"] in ids:
            preds[record["id"]] = [
                PredQuote(q["quote_start"], q["quote_end"], (q["speaker"],) if q["speaker"] else ())
                for q in record["quotes"]
            ]
    return preds


BEYOND_LEXICON = "beyond-lexicon"


def in_lexicon_cues(nlp: Language, cues: set[str]) -> set[str]:
    """The gold cues that hold a word of newsdesk's cue lexicon (any form of a
    speech, thought or evidence verb, a speech noun, "according to", a colon).
    PolNeAR also attributes beliefs, intentions and stances ("seems", "wants",
    "endorsed"), which a quotes table does not claim. A cue counts when any of
    its words is a lexicon word, so passives and negations the rules reject on
    purpose count too; the line is circular by design and cannot be a target."""
    words = CUE_VERBS | EVIDENCE_VERBS | set(OBJECT_CUES) | SPEECH_NOUNS
    tagging = [name for name in nlp.pipe_names if name != "parser" and name != "ner"]
    kept = set()
    with nlp.select_pipes(enable=tagging):
        for cue, doc in zip(sorted(cues), nlp.pipe(sorted(cues)), strict=True):
            lowered = cue.lower()
            if (
                COLON in cue
                or ACCORDING_TO in lowered
                or any(t.lemma_.lower() in words for t in doc)
            ):
                kept.add(cue)
    return kept


def quote_line(label: str, s: QuoteScores) -> str:
    return (
        f"  {label:<9} gold {s.span.gold:5d} pred {s.span.pred:5d} | span@0.5 {prf(s.span)}"
        f" | exact F1 {s.exact.f1:.3f} | speaker partial {s.speaker_partial:.3f}"
        f" exact {s.speaker_exact:.3f} (non-pronoun gold {s.speaker_partial_nonpronoun:.3f}"
        f" / {s.speaker_exact_nonpronoun:.3f}) | quote+speaker F1 {s.quote_speaker.f1:.3f}"
    )


def bench_quotes(nlp: Language, batch_size: int, limit: int | None) -> None:
    records = read_jsonl(QUOTES_DEV, limit)
    rows = [
        (r["id"], r["text"], date.fromisoformat(r["meta"]["publication_date"])) for r in records
    ]
    extraction, seconds = run_extract(nlp, rows, batch_size)
    names = {
        row["entity_id"]: row["canonical_name"]
        for row in extraction.entities.iter_rows(named=True)
        if row["canonical_name"]
    }
    ours: dict[str, list[PredQuote]] = {}
    ours_direct_only: dict[str, list[PredQuote]] = {}
    for article_id, quotes in by_article(extraction.quotes).items():
        ours[article_id], ours_direct_only[article_id] = [], []
        for q in quotes:
            speakers = (q["speaker_text"], names.get(q["speaker_entity_id"] or ""))
            pred = PredQuote(q["start_char"], q["end_char"], tuple(s for s in speakers if s))
            ours[article_id].append(pred)
            if q["kind"] == "direct":
                ours_direct_only[article_id].append(pred)
    docs = [(r["text"], gold_quotes(r), ours.get(r["id"], [])) for r in records]
    overall = score_quotes(docs)
    per_kind = {kind: score_quotes(docs, [kind]) for kind in KINDS}

    print(
        f"quotes: F1 {overall.span.f1:.3f} (target >= {TARGET_QUOTES_F1:.2f})"
        f" | direct F1 {per_kind['direct'].span.f1:.3f} (target >= {TARGET_DIRECT_F1:.2f})"
        f" | speaker accuracy {overall.speaker_partial:.3f} partial,"
        f" {overall.speaker_exact:.3f} exact (target >= {TARGET_SPEAKER:.2f} partial)"
        f" | exact-span F1 {overall.exact.f1:.3f}"
        f" | {len(records)} articles in {seconds:.1f} s"
    )
    print(quote_line("all", overall))
    for kind in KINDS:
        print(quote_line(kind, per_kind[kind]))
    cues = {q["cue"] or "" for r in records for q in r["quotes"]}
    in_scope = in_lexicon_cues(nlp, cues)
    scoped = [
        (
            text,
            [
                g if cue in in_scope else replace(g, kind=BEYOND_LEXICON)
                for g, cue in zip(gold, (q["cue"] or "" for q in r["quotes"]), strict=True)
            ],
            pred,
        )
        for r, (text, gold, pred) in zip(records, docs, strict=True)
    ]
    print(
        quote_line("lexicon", score_quotes(scoped, KINDS))
        + f" | gold whose cue holds a lexicon word ({len(in_scope)} of {len(cues)} distinct"
        " cues; predictions matching other gold left out, which raises P by construction;"
        " diagnostic, moves with the lexicon, not the target)"
    )
    predicted_kinds = Counter(extraction.quotes["kind"].to_list())
    print(
        f"  our predictions by kind: {dict(sorted(predicted_kinds.items()))};"
        f" with a speaker: {sum(bool(p.speakers) for ps in ours.values() for p in ps)}"
        f" of {sum(len(ps) for ps in ours.values())}"
    )

    ids = {r["id"] for r in records}
    peer_preds = peer_predictions(ids)
    peer = score_quotes(
        [(r["text"], gold_quotes(r), peer_preds.get(r["id"], [])) for r in records], ["direct"]
    )
    peer_file = json.loads(QUOTES_PEER_SCORES.read_text(encoding="utf-8"))
    recorded = peer_file["scores"]["dev_paragraph_direct"]
    recorded_articles = peer_file["runs"]["dev_paragraph"]["records"]
    ours_direct = per_kind["direct"]
    print(
        f"  direct, ours:   {prf(ours_direct.span)} | exact F1 {ours_direct.exact.f1:.3f}"
        f" | speaker partial {ours_direct.speaker_partial:.3f}"
        f" ({ours_direct.speaker_exact:.3f} exact)"
    )
    # The README's `--kinds direct` counts every unmatched prediction of any kind
    # against direct precision; a system that also predicts indirect speech is
    # therefore also shown on its own direct predictions, like the direct-only peer.
    own = score_quotes(
        [(r["text"], gold_quotes(r), ours_direct_only.get(r["id"], [])) for r in records],
        ["direct"],
    )
    print(
        f"  direct, ours, direct predictions only (as the peer, which predicts only"
        f" direct): {prf(own.span)} | exact F1 {own.exact.f1:.3f}"
        f" | speaker partial {own.speaker_partial:.3f} ({own.speaker_exact:.3f} exact)"
    )
    print(
        f"  direct, textacy dev/paragraph (same articles): {prf(peer.span)}"
        f" | exact F1 {peer.exact.f1:.3f} | speaker partial {peer.speaker_partial:.3f}"
        f" ({peer.speaker_exact:.3f} exact);"
        f" recorded for all {recorded_articles}: F1 {recorded['overlap50']['F']:.3f}"
        f" exact F1 {recorded['exact']['F']:.3f}"
        f" speaker {recorded['speaker_acc_partial']:.3f} ({recorded['speaker_acc_exact']:.3f})"
    )


# --- ner ----------------------------------------------------------------------------


def dateline(text: str) -> date:
    """The CoNLL docs carry their date in the dateline ("LONDON 1996-08-30")."""
    match = DATE_RE.search(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    return CONLL_FALLBACK_DATE


def ner_line(label: str, s: NerScores) -> str:
    per_label = " ".join(f"{lab} F1 {s.by_label[lab].f1:.3f}" for lab in NER_LABELS)
    return (
        f"  {label:<12} {prf(s.micro)} | {per_label}"
        f" | gold {s.micro.gold} pred {s.micro.pred} correct {s.micro.tp}"
    )


def bench_ner(nlp: Language, batch_size: int, limit: int | None) -> None:
    records = read_jsonl(NER_DEV, limit)
    texts = [r["text"] for r in records]
    gold = [[(e["start"], e["end"], e["label"]) for e in r["entities"]] for r in records]

    start = time.perf_counter()
    plain_pred = [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for doc in nlp.pipe(texts, batch_size=batch_size)
    ]
    plain_seconds = time.perf_counter() - start
    plain = score_entities(zip(gold, plain_pred, strict=True))

    extraction, seconds = run_extract(
        nlp, [(r["id"], r["text"], dateline(r["text"])) for r in records], batch_size
    )
    mentions = by_article(extraction.mentions)
    ours_pred = [
        [(m["start_char"], m["end_char"], m["label"]) for m in mentions.get(r["id"], [])]
        for r in records
    ]
    ours = score_entities(zip(gold, ours_pred, strict=True))

    gain = ours.micro.f1 - plain.micro.f1
    print(
        f"ner: newsdesk F1 {ours.micro.f1:.4f} vs plain spaCy F1 {plain.micro.f1:.4f},"
        f" {100 * gain:+.1f} points (target >= +{100 * TARGET_NER_GAIN:.0f})"
        f" | {len(records)} docs, extraction {seconds:.1f} s, plain spaCy {plain_seconds:.1f} s"
    )
    print(ner_line("plain spaCy", plain))
    print(ner_line("newsdesk", ours))
    print(f"  reference: plain spaCy dev F1 {NER_README_SPACY_F1} in shared/eval/ner/README.md")


# --- events -------------------------------------------------------------------------


def publication_dates(records: Sequence[Record]) -> list[date]:
    known = [date.fromisoformat(r["date"]) for r in records if r["date"] != "0000-00-00"]
    fallback = max(known, default=date(2016, 11, 30))
    return [
        fallback if r["date"] == "0000-00-00" else date.fromisoformat(r["date"]) for r in records
    ]


def guess(row: Record) -> EventGuess:
    return EventGuess(
        start_char=row["start_char"],
        event_type=row["event_type"],
        actor_text=row["actor_text"],
        trigger_text=row["trigger_text"],
        target_text=row["target_text"],
        location_text=row["location_text"],
        date_text=row["date_text"],
        event_date=row["event_date"],
    )


def bench_events(nlp: Language, batch_size: int, limit: int | None) -> None:
    records = read_jsonl(EVENTS_DEV, limit)
    dates = publication_dates(records)
    rows = [(r["id"], r["text"], d) for r, d in zip(records, dates, strict=True)]
    extraction, seconds = run_extract(nlp, rows, batch_size)
    events = by_article(extraction.events)

    hits: Counter[str] = Counter()
    annotated: Counter[str] = Counter()
    when_by_date = when_by_text = no_event = 0
    main_types: Counter[str] = Counter()
    for record in records:
        gold = record["events"][0]
        main = pick_main_event([guess(e) for e in events.get(record["id"], [])])
        if main is None:
            no_event += 1
        else:
            main_types[main.event_type or "none"] += 1
        candidates = {
            slot: [c["text"] for c in record["candidates"].get(slot, [])] for slot in EVENT_SLOTS
        }
        when_parsed = date.fromisoformat(gold["when_parsed"]) if gold["when_parsed"] else None
        slot_hit = slot_hits(main, candidates, when_parsed)
        for slot in EVENT_SLOTS:
            if gold[slot] is not None:
                annotated[slot] += 1
                hits[slot] += slot_hit[slot]
        if gold["when"] is not None and main is not None:
            when_by_date += when_parsed is not None and main.event_date == when_parsed
            when_by_text += slot_hits(main, {"when": candidates["when"]}, None)["when"]

    shares = {slot: ratio(hits[slot], annotated[slot]) for slot in EVENT_SLOTS}
    print(
        "events: "
        + " | ".join(
            f"{slot} {shares[slot]:.3f} ({hits[slot]}/{annotated[slot]})"
            + (f" (target >= {TARGET_WHEN:.2f})" if slot == "when" else "")
            for slot in EVENT_SLOTS
        )
        + f" | {len(records)} articles in {seconds:.1f} s"
    )
    print(
        f"  when credited by date text {when_by_text}, by resolved date {when_by_date}"
        f" (of {annotated['when']}; an article may earn both)"
    )
    print(
        f"  main event type: {dict(main_types.most_common())}; articles with no event: {no_event};"
        f" events extracted: {extraction.events.height}"
    )


# --- stories --------------------------------------------------------------------------

STORY_SETS = {
    # name: (folder, level scored against the gold labels, target B-cubed F1, README floor)
    "stories/dev": (EVAL / "stories" / "dev", "story_id", TARGET_STORY_B3, 0.973),
    "stories_ecbplus/dev": (
        EVAL / "stories_ecbplus" / "dev",
        "incident_id",
        TARGET_INCIDENT_B3,
        0.889,
    ),
}


def stage_inbox(source: Path, inbox: Path) -> dict[str, str]:
    """Copy the set's articles into an inbox; ECB+'s unknown-date sentinel
    becomes one fixed date (the set's README asks for that), since the
    pipeline rejects undated files. Returns the gold label of each file."""
    inbox.mkdir(parents=True)
    for path in sorted(source.glob("*.txt")):
        raw = path.read_bytes().replace(b" date 0000-00-00 ", b" date 2020-01-01 ", 1)
        (inbox / path.name).write_bytes(raw)
    with (source / "labels.csv").open(newline="", encoding="utf-8") as handle:
        return {row["file"]: row["cluster_id"] for row in csv.DictReader(handle)}


def predicted_clusters(db: Path) -> dict[str, dict[str, str]]:
    """file name → story and incident; a file logged as an exact duplicate
    takes its article's placement."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT l.file_path, s.story_id, s.incident_id FROM ingest_log l "
            "JOIN story_articles s USING (article_id)"
        ).fetchall()
    finally:
        con.close()
    found: dict[str, dict[str, str]] = {"story_id": {}, "incident_id": {}}
    for file_path, story_id, incident_id in rows:
        found["story_id"][Path(file_path).name] = story_id
        found["incident_id"][Path(file_path).name] = incident_id
    return found


def cluster_line(label: str, s: ClusterScores) -> str:
    return (
        f"  {label:<9} B3 P/R/F1 {s.b3_precision:.3f}/{s.b3_recall:.3f}/{s.b3_f1:.3f}   "
        f"pairwise {prf(s.pairwise)}"
    )


def bench_stories(nlp: Language, batch_size: int, limit: int | None) -> None:
    """The whole pipeline (a real Prefect flow into a fresh DuckDB file) per set."""
    del nlp, batch_size  # the flow loads the same cached pipeline itself
    from flows.news_pipeline import news_pipeline

    for name, (folder, level, target, floor) in STORY_SETS.items():
        with tempfile.TemporaryDirectory(prefix="newsdesk-stories-") as tmp:
            root = Path(tmp)
            gold = stage_inbox(folder, root / "inbox")
            if limit is not None:
                for extra in sorted(gold)[limit:]:
                    (root / "inbox" / extra).unlink()
                    del gold[extra]
            settings = Settings(inbox=root / "inbox", db=root / "w.duckdb", data_docs=root / "docs")
            started = time.perf_counter()
            summary = news_pipeline(settings=settings)
            elapsed = time.perf_counter() - started
            pred = predicted_clusters(settings.db)
        print(
            f"stories {name}: {len(gold)} articles, {len(set(gold.values()))} gold clusters; "
            f"{summary['loaded']} loaded, {summary['duplicates']} exact duplicates, "
            f"{elapsed:.0f} s"
        )
        for column in ("story_id", "incident_id"):
            scores = score_clusters(gold, pred[column])
            clusters = len(set(pred[column].values()))
            mark = f"  target B3 F1 ≥ {target} (TF-IDF floor {floor})" if column == level else ""
            print(
                cluster_line(column.removesuffix("_id"), scores) + f"  [{clusters} clusters]{mark}"
            )


# --- entry --------------------------------------------------------------------------

TASKS = {
    "ner": bench_ner,
    "quotes": bench_quotes,
    "events": bench_events,
    "stories": bench_stories,
}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--task", choices=[*TASKS, "all"], default="all")
    parser.add_argument("--limit", type=int, default=None, help="first N records per task")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")

    settings = Settings()
    nlp = load_nlp(settings.model)
    print(f"model {settings.model}, batch size {settings.batch_size}, n_process 1")
    for name, bench in TASKS.items():
        if args.task in (name, "all"):
            bench(nlp, settings.batch_size, args.limit)


if __name__ == "__main__":
    main()
