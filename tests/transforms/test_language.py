import pytest

from transforms.language import detect_language

SAMPLES = {
    "en": "The defence ministers of the alliance met in Brussels on Tuesday and they said that "
    "support for Ukraine would continue for as long as it takes.",
    "de": "Die Verteidigungsminister der Allianz trafen sich am Dienstag in Brüssel und sagten, "
    "dass die Unterstützung für die Ukraine so lange wie nötig fortgesetzt werde.",
    "fr": "Les ministres de la défense de l'alliance se sont réunis mardi à Bruxelles et ont "
    "déclaré que le soutien à l'Ukraine se poursuivrait aussi longtemps que nécessaire.",
    "es": "Los ministros de defensa de la alianza se reunieron el martes en Bruselas y dijeron "
    "que el apoyo a Ucrania continuaría todo el tiempo que sea necesario.",
}


@pytest.mark.parametrize(("code", "text"), SAMPLES.items())
def test_detects_the_language_of_news_prose(code: str, text: str) -> None:
    assert detect_language(text) == code


def test_text_without_function_words_is_undetermined() -> None:
    assert detect_language("12345 67890 ---") == "und"
    assert detect_language("Xyzzy Plugh Frobozz Zork Grue") == "und"
