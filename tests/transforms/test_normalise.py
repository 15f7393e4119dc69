from transforms.normalise import article_id, normalise_text, tidy_body, word_count


def test_bom_crlf_and_nfc() -> None:
    decomposed = "Cafe\u0301"
    assert normalise_text("\ufeffa\r\nb\rc " + decomposed) == "a\nb\nc Café"


def test_curly_quotes_survive() -> None:
    assert normalise_text("“Yes,” he said.") == "“Yes,” he said."


def test_paragraphs_get_one_blank_line_and_no_trailing_spaces() -> None:
    assert tidy_body("  One.  \n\n\n\n  \nTwo.\t\n\nThree.\n") == "One.\n\nTwo.\n\nThree."


def test_article_id_ignores_whitespace_but_not_words() -> None:
    assert article_id("One two.\n\nThree.") == article_id("One  two.\nThree.")
    assert article_id("One two.") != article_id("One three.")
    assert len(article_id("x")) == 16


def test_word_count() -> None:
    assert word_count("NATO defence ministers met\n\nin Brussels.") == 6
