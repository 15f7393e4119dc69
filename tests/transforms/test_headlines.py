from transforms.headlines import title_of


def test_headline_paragraph_is_the_title() -> None:
    body = "North Korea Test-Fires 3 Missiles Toward Japan, Seoul Says\n\nThe missiles landed."
    assert title_of(body) == "North Korea Test-Fires 3 Missiles Toward Japan, Seoul Says"


def test_lead_sentence_when_there_is_no_headline() -> None:
    body = "NATO ministers met in Brussels on Tuesday. They discussed ammunition.\n\nMore."
    assert title_of(body) == "NATO ministers met in Brussels on Tuesday."


def test_abbreviation_does_not_end_the_sentence_early() -> None:
    body = "The U.S. and its allies met in Brussels. Then they left."
    assert title_of(body) == "The U.S. and its allies met in Brussels."


def test_long_titles_are_cut_at_a_word() -> None:
    body = ("word " * 100).strip() + "."
    title = title_of(body)
    assert len(title) <= 200
    assert title.endswith("…")
    assert "wor…" not in title
