import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from transforms.language import LANGUAGES, _stop_words, detect_language

ROOT = Path(__file__).resolve().parents[2]

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


def test_detection_reads_stop_words_without_loading_whole_languages() -> None:
    """Every run detects languages; importing `spacy.lang.fr` for its stop words
    would also build the French tokenizer exceptions (seconds of start-up)."""
    probe = (
        "import sys; from transforms.language import detect_language, LANGUAGES, _stop_words; "
        f"assert detect_language({SAMPLES['fr']!r}) == 'fr'; "
        "assert all(_stop_words(code) for code in LANGUAGES); "
        "print(sorted(c for c in LANGUAGES if f'spacy.lang.{c}' in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[]"
    for code in LANGUAGES:
        listed = importlib.import_module(f"spacy.lang.{code}.stop_words").STOP_WORDS
        assert _stop_words(code) == frozenset(w.lower() for w in listed), code
