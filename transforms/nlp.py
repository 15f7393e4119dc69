"""Loading the spaCy pipeline with only the components extraction reads."""

from __future__ import annotations

from functools import cache
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

# tagger + attribute_ruler feed the lemmatizer (cue verbs, event triggers) and tense;
# the parser gives clauses, subjects and objects; ner gives the mentions.
REQUIRED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
PARAGRAPH_SENTENCES = "paragraph_sentences"
# Verb forms the small English models lemmatise wrongly ("hoped" → "hop"),
# which hides a thought verb from the cue lexicon. The attribute ruler sets
# their lemma before the lemmatizer, which keeps a lemma already set.
LEMMA_EXCEPTIONS = {"hope": ("hoped", "hopes", "hoping")}
_VERB_TAGS = ["VBD", "VBG", "VBN", "VBZ"]


@Language.component(PARAGRAPH_SENTENCES)
def paragraph_sentences(doc: Doc) -> Doc:
    """A blank line ends a sentence. News paragraphs are whole sentences, but the
    parser, left alone, runs a sentence on across a paragraph break when the first
    one ends inside a quotation mark, which joins a quote to the next paragraph's
    clause and hands that clause to the wrong verb. The parser keeps preset starts."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


@cache
def load_nlp(model: str) -> Language:
    """Load an installed pipeline package; never downloads. Components outside
    REQUIRED are excluded so they cost nothing."""
    meta = spacy.util.get_package_path(model) / "meta.json"
    names = spacy.util.load_meta(meta).get("pipeline", [])
    nlp = spacy.load(model, exclude=[name for name in names if name not in REQUIRED])
    nlp.add_pipe(PARAGRAPH_SENTENCES, before="parser")
    ruler = cast(AttributeRuler, nlp.get_pipe("attribute_ruler"))
    for lemma, forms in LEMMA_EXCEPTIONS.items():
        pattern: list[dict[int | str, Any]] = [
            {"LOWER": {"IN": list(forms)}, "TAG": {"IN": _VERB_TAGS}}
        ]
        ruler.add([pattern], {"LEMMA": lemma})
    return nlp


def model_version(nlp: Language) -> str:
    return _version(nlp.meta)


@cache
def package_version(model: str) -> str:
    """`model_version` from the package's meta.json, without loading the model
    (the process that only orchestrates workers never needs it)."""
    return _version(spacy.util.load_meta(spacy.util.get_package_path(model) / "meta.json"))


def _version(meta: dict[str, Any]) -> str:
    return f"{meta.get('lang', '')}_{meta.get('name', '')}=={meta.get('version', '')}"
