from datetime import date

import pytest

from transforms.articles import parse_article
from transforms.intake import FileRead, drop_known, intake, oversize_problem, quarantine
from transforms.rejection import Rejected

LATEST = date(2024, 1, 1)
BODY = "NATO defence ministers met in Brussels on Tuesday to discuss more support for Ukraine."
GOOD = f" date 2023-02-14 The Hill - {BODY}\n\nSecond paragraph here.".encode()


def read(path: str, raw: bytes | None, problem: str | None = None) -> FileRead:
    return FileRead(path, len(raw or b""), 1, "sha" if raw is not None else None, raw, problem)


def test_good_article_fields() -> None:
    article = parse_article(GOOD, latest_date=LATEST, min_words=5)
    assert article.outlet == "The Hill"
    assert article.published_date == date(2023, 2, 14)
    assert article.body == f"{BODY}\n\nSecond paragraph here."
    assert article.title == BODY
    assert article.word_count == 17
    assert article.language == "en"
    assert article.note is None


def test_header_never_enters_the_body() -> None:
    article = parse_article(GOOD, latest_date=LATEST, min_words=5)
    assert "date" not in article.body.split()[0]
    assert "The Hill" not in article.body


def test_crlf_and_bom_give_the_same_article_id() -> None:
    plain = parse_article(GOOD, latest_date=LATEST, min_words=5)
    windows = parse_article(
        b"\xef\xbb\xbf" + GOOD.replace(b"\n", b"\r\n"), latest_date=LATEST, min_words=5
    )
    assert windows.article_id == plain.article_id
    assert windows.body == plain.body


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "^empty"),
        (b"  \n\t\n  ", "^whitespace only"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "^binary"),
        (b"date 2023-02-14 \x81 text", "^not decodable"),
        (BODY.encode(), "^no date"),
        (b"date 2023-02-30 " + BODY.encode(), "^impossible date 2023-02-30"),
        (b"date 2023-02-14 \n\n", "^header only"),
        (b"date 2023-02-14 Too short.", "^too short: the body has 2 words, the minimum is 5"),
    ],
)
def test_every_rejection_kind_has_a_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(Rejected, match=reason):
        parse_article(raw, latest_date=LATEST, min_words=5)


def test_oversize() -> None:
    assert oversize_problem(10, 10) is None
    assert oversize_problem(11, 10) == "too large: 11 bytes, the cap is 10"


def test_every_file_gets_one_log_row() -> None:
    batch = intake(
        [
            read("a.txt", GOOD),
            read("b.txt", GOOD.replace(b"The Hill", b"BBC News")),
            read("c.txt", b""),
            read("d.txt", None, "too large: 99 bytes, the cap is 10"),
        ],
        latest_date=LATEST,
        min_words=5,
    )
    log = {row["file_path"]: row for row in batch.log.iter_rows(named=True)}
    assert [log[f"{p}.txt"]["status"] for p in "abcd"] == [
        "loaded",
        "duplicate",
        "rejected",
        "rejected",
    ]
    assert log["b.txt"]["reason"] == "duplicate: same body as a.txt"
    assert log["b.txt"]["article_id"] == log["a.txt"]["article_id"]
    assert log["d.txt"]["reason"].startswith("too large")
    assert batch.articles["source_path"].to_list() == ["a.txt"]


def test_loaded_row_carries_the_encoding_repair_note() -> None:
    raw = b"date 2023-02-14 \x93We will,\x94 the minister said in Brussels today."
    batch = intake([read("w.txt", raw)], latest_date=LATEST, min_words=5)
    assert batch.log["status"].to_list() == ["loaded"]
    assert batch.log["reason"].to_list() == ["not valid UTF-8; decoded as Windows-1252"]
    assert batch.articles["body"].to_list() == ["“We will,” the minister said in Brussels today."]


def test_a_german_article_is_loaded_and_its_row_says_why_nothing_is_extracted() -> None:
    raw = (
        "date 2023-02-14 Die Verteidigungsminister der Allianz trafen sich am Dienstag in "
        "Brüssel und sagten, dass die Unterstützung für die Ukraine weitergeht."
    ).encode()
    batch = intake([read("de.txt", raw)], latest_date=LATEST, min_words=5)
    assert batch.log["status"].to_list() == ["loaded"]
    assert batch.log["reason"].to_list() == [
        "language 'de': stored without entities, quotes or events (English-only rules)"
    ]
    assert batch.articles["language"].to_list() == ["de"]


def test_articles_already_in_the_warehouse_become_duplicates() -> None:
    batch = intake([read("a.txt", GOOD)], latest_date=LATEST, min_words=5)
    known = set(batch.articles["article_id"])
    after = drop_known(batch, known)
    assert after.articles.height == 0
    assert after.log["status"].to_list() == ["duplicate"]
    assert after.log["reason"][0].startswith("duplicate: same body as loaded article ")
    assert drop_known(batch, set()) is batch


def test_touched_files_get_no_log_row_and_keep_their_times_through_the_batch() -> None:
    touched = FileRead("old.txt", 10, 99, "sha-old", b"unchanged bytes")
    batch = intake([read("a.txt", GOOD)], latest_date=LATEST, min_words=5, touched=[touched])
    assert batch.log["file_path"].to_list() == ["a.txt"]
    assert batch.touched.rows() == [("old.txt", "sha-old", 10, 99)]
    article_id = batch.articles["article_id"][0]
    assert drop_known(batch, {article_id}).touched.equals(batch.touched)
    assert quarantine(batch, {article_id: ["failed"]}).touched.equals(batch.touched)
