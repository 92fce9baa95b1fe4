"""Clause boundaries for CV text, registered as ``kamscreen_clauses``.

A CV is a list of lines and bullets more than of sentences: a clause ends at ``. ! ? ;``, at a
bullet, at a blank line, after an abbreviation ("чел.") before a capital, and at a line break
unless the line was wrapped mid-sentence (next line in lower case, or a number after a
lower-case word). ``doc.sents`` then yields those clauses; ``clause_bounds`` finds one fast.
"""
from __future__ import annotations

from bisect import bisect_right

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

KEY = "kamscreen_clause_starts"  # doc.user_data: sorted token indices where clauses start
TEXT_KEY = "kamscreen_text"  # doc.user_data: doc.text, which spaCy rebuilds on every access
ENDS = frozenset({".", "!", "?", ";", "…"})
BULLETS = frozenset({"•", "·", "▪", "●", "◦", "‣", "∙", "○", "■", "□", "➢", "►", "✓", "✔", "*"})


def clause_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """``(start, end)`` token indices of the clause holding token ``i`` (fast ``token.sent``)."""
    starts = doc.user_data.get(KEY)
    if starts is None:
        sent = doc[i].sent
        return sent.start, sent.end
    k = bisect_right(starts, i)
    return starts[k - 1], starts[k] if k < len(starts) else len(doc)


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached by the segmenter (rebuilding it costs ~1 ms per CV)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def _breaks_after(token, nxt) -> bool:
    if token.is_space and "\n" in token.text:
        if token.text.count("\n") > 1:
            return True
        first = nxt.text[:1]
        if first.islower():
            return False
        prev = token.nbor(-1) if token.i else token
        return not (first.isdigit() and prev.is_alpha and prev.is_lower)
    if token.text in ENDS or nxt.text in BULLETS:
        return True
    return len(token.text) > 1 and token.text.endswith(".") and nxt.text[:1].isupper()


class ClauseSegmenter:
    """Marks ``is_sent_start`` on every token (True at the first token of a clause)."""

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = numpy.full(len(doc), -1, dtype="int64")  # SENT_START: 1 start, -1 inside
        starts[0] = 1
        prev = doc[0]
        for token in doc[1:]:
            if _breaks_after(prev, token):
                starts[token.i] = 1
            prev = token
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
        doc.user_data[KEY] = numpy.flatnonzero(starts == 1).tolist()
        doc.user_data[TEXT_KEY] = doc.text
        return doc


@Language.factory("kamscreen_clauses")
def make_clauses(nlp: Language, name: str) -> ClauseSegmenter:
    return ClauseSegmenter()
