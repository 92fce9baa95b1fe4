"""A fast lemmatizer component: pymorphy3 for Cyrillic words, lower case for everything else.

spaCy's own ``ru`` lemmatizer re-parses every token; this one takes the cached lemma of each word
form (:func:`kamscreen.nlp.morph.lemma_of`), so a warm pipeline costs little more than the
tokenizer. Registered as ``kamscreen_lemmatizer``.
"""

from __future__ import annotations

from typing import cast

import numpy
from spacy.attrs import IS_SPACE, LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from kamscreen.nlp.morph import lemma_of


class MorphLemmatizer:
    """Sets ``token.lemma_`` for every non-space token of a Doc from the cached :func:`lemma_of`,
    once per distinct word form and in one array write (no per-token Python objects)."""

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array([ORTH, IS_SPACE, LEMMA])
        strings = doc.vocab.strings
        forms, inverse = numpy.unique(table[:, 0], return_inverse=True)
        lemmas = numpy.fromiter(
            (strings.add(lemma_of(strings[int(f)])) for f in forms.tolist()), dtype="uint64", count=len(forms)
        )[inverse.reshape(-1)]
        lemmas = numpy.where(table[:, 1] != 0, table[:, 2], lemmas)  # spaces keep theirs
        doc.from_array([LEMMA], cast(Ints2d, lemmas.reshape(-1, 1)))  # thinc names its array types
        return doc


@Language.factory("kamscreen_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> MorphLemmatizer:
    return MorphLemmatizer()
