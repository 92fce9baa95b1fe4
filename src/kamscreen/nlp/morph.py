"""Lemmas of single word forms: pymorphy3 for Cyrillic words, lower case for everything else.

One cached lemma per word form (the first pymorphy3 parse, ``ё`` folded to ``е``), shared by the
NLP pipeline (:mod:`kamscreen.nlp.lemmatizer`) and the fit model's text features. No spaCy here.

>>> lemma_of("командой"), lemma_of("KAMs")
('команда', 'kams')
"""

from __future__ import annotations

import re
from functools import lru_cache

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
