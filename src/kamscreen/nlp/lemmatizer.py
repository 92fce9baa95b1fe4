"""A fast lemmatizer component: pymorphy3 for Cyrillic words, lower case for everything else.

spaCy's own ``ru`` lemmatizer re-parses every token; this one caches one lemma per word form
(first pymorphy3 parse, ``ё`` folded to ``е``), so a warm pipeline costs little more than the
tokenizer. Registered as ``kamscreen_lemmatizer``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@lru_cache(maxsize=1)
def morph():
    """The process-wide pymorphy3 analyzer (loading it takes ~0.1 s)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def lemma_of(form: str) -> str:
    """Lemma of one word form: ``"командой"`` → ``"команда"``, ``"KAMs"`` → ``"kams"``."""
    lower = form.lower()
    if not _CYRILLIC.search(lower):
        return lower
    return morph().parse(lower)[0].normal_form.replace("ё", "е")


class MorphLemmatizer:
    """Sets ``token.lemma_`` for every token of a Doc from the cached :func:`lemma_of`."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if not token.is_space:
                token.lemma_ = lemma_of(token.text)
        return doc


@Language.factory("kamscreen_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> MorphLemmatizer:
    return MorphLemmatizer()
