"""A fast lemmatizer component: pymorphy3 for Cyrillic words, lower case for everything else.

spaCy's own ``ru`` lemmatizer re-parses every token; this one caches one lemma per word form
(first pymorphy3 parse, ``ё`` folded to ``е``), so a warm pipeline costs little more than the
tokenizer. Registered as ``kamscreen_lemmatizer``.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy
from spacy.attrs import IS_SPACE, LEMMA, ORTH
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
    """Sets ``token.lemma_`` for every non-space token of a Doc from the cached :func:`lemma_of`,
    once per distinct word form and in one array write (no per-token Python objects)."""

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array([ORTH, IS_SPACE, LEMMA])
        strings = doc.vocab.strings
        forms, inverse = numpy.unique(table[:, 0], return_inverse=True)
        lemmas = numpy.fromiter((strings.add(lemma_of(strings[int(f)])) for f in forms.tolist()),
                                dtype="uint64", count=len(forms))[inverse.reshape(-1)]
        lemmas = numpy.where(table[:, 1] != 0, table[:, 2], lemmas)  # spaces keep theirs
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory("kamscreen_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> MorphLemmatizer:
    return MorphLemmatizer()
