"""Loading the spaCy pipeline with only the components extraction reads."""

from __future__ import annotations

from functools import cache
from typing import Any

import spacy
from spacy.language import Language

# tagger + attribute_ruler feed the lemmatizer (cue verbs, event triggers) and tense;
# the parser gives clauses, subjects and objects; ner gives the mentions.
REQUIRED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@cache
def load_nlp(model: str) -> Language:
    """Load an installed pipeline package; never downloads. Components outside
    REQUIRED are excluded so they cost nothing."""
    meta = spacy.util.get_package_path(model) / "meta.json"
    names = spacy.util.load_meta(meta).get("pipeline", [])
    return spacy.load(model, exclude=[name for name in names if name not in REQUIRED])


def model_version(nlp: Language) -> str:
    return _version(nlp.meta)


@cache
def package_version(model: str) -> str:
    """`model_version` from the package's meta.json, without loading the model
    (the process that only orchestrates workers never needs it)."""
    return _version(spacy.util.load_meta(spacy.util.get_package_path(model) / "meta.json"))


def _version(meta: dict[str, Any]) -> str:
    return f"{meta.get('lang', '')}_{meta.get('name', '')}=={meta.get('version', '')}"
