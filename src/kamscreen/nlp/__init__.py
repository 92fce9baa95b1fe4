"""NLP stage: text → spaCy ``Doc`` with cached pymorphy3 lemmas and CV clause boundaries.

>>> from kamscreen.nlp import make_doc
>>> [t.lemma_ for t in make_doc("Руководил командой", "ru")]
['руководить', 'команда']
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from kamscreen.nlp.clauses import TEXT_KEY, clause_bounds, clause_of, doc_text, trim

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MAX_LENGTH = 10_000_000  # characters; spaCy's default (1e6) would raise on a huge text file
PIPELINE = ("kamscreen_lemmatizer", "kamscreen_clauses")
# Brackets glued to words split off: "языку(Upper-Intermediate)", "отделом(5 KAM)"; a plus between a
# number and a word: "200+Hourly" (a missing space of the PDF's text layer).
EXTRA_INFIXES = (r"(?<=\w)[()\[\]](?=\w)", r"(?<=\d)\+(?=[^\W\d_])")
# A hyphen glued before a word split off: "16 -employees", "-Added 35 accounts" (a stray hyphen or a
# bullet; spaCy splits off dashes, not the hyphen).
EXTRA_PREFIXES = (r"-(?=[^\W\d_])",)
TOKENIZER_CACHE = 100_000  # distinct chunks (whitespace-separated strings) the tokenizer remembers
_SEEN: dict[str, set[str]] = {}  # pipeline language → chunks already in its tokenizer's cache


@cache
def get_nlp(lang: str) -> Language:
    """The cached pipeline for ``lang`` (``ru``, ``en``; ``mixed`` and others use ``ru``); spaCy
    is imported here, on first use."""
    base = "en" if lang == "en" else "ru"
    if base != lang:
        return get_nlp(base)
    import spacy
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex

    from kamscreen.nlp import lemmatizer, segmenter  # noqa: F401  (register the components)

    nlp = spacy.blank(base)
    nlp.max_length = MAX_LENGTH
    infixes = [*(nlp.Defaults.infixes or ()), *EXTRA_INFIXES]
    prefixes = [*(nlp.Defaults.prefixes or ()), *EXTRA_PREFIXES]
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)  # a blank pipeline has spaCy's own tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.max_cache_size = 2 * TOKENIZER_CACHE  # room for whitespace chunks too
    for name in PIPELINE:
        nlp.add_pipe(name)
    return nlp


__all__ = ["clause_bounds", "clause_of", "doc_text", "get_nlp", "make_doc", "trim"]


def make_doc(text: str, lang: str) -> Doc:
    """Tokenize, lemmatize and split ``text`` into clauses with the pipeline of ``lang``."""
    nlp = get_nlp(lang)
    _warm_tokenizer(nlp, text)
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text  # the tokenizer keeps every character: doc.text == text
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _warm_tokenizer(nlp: Language, text: str) -> None:
    """Put the new chunks of ``text`` into the tokenizer's cache, one by one.

    spaCy's tokenizer caches the tokens of each whitespace-separated chunk, but stops caching for
    the rest of a doc after its first special case (its ``has_special`` flag is per doc), so in a
    CV most chunks go through the affix regexes every time. A chunk alone is tokenized exactly as
    inside the text, so caching it this way changes no token and halves the tokenizer's time.
    """
    seen = _SEEN.setdefault(nlp.lang or "", set())
    if len(seen) >= TOKENIZER_CACHE or len(text) > nlp.max_length:
        return
    new = set(text.split()) - seen
    for chunk in new:
        nlp.tokenizer(chunk)
    seen |= new
