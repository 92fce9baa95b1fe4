"""Clauses of a CV doc as the segmenter (:mod:`kamscreen.nlp.segmenter`) stores them, and how to
read them: the clause of a token, its trimmed span. No spaCy import: a doc comes from the caller.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

KEY = "kamscreen_clause_starts"  # doc.user_data: sorted token indices where clauses start
TEXT_KEY = "kamscreen_text"  # doc.user_data: doc.text, which spaCy rebuilds on every access


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


def trim(span: Span) -> Span:
    """``span`` without leading/trailing whitespace and punctuation tokens (bullets, dashes)."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_space or (doc[end - 1].is_punct and doc[end - 1].text not in ")%")):
        end -= 1
    return doc[start:end]


def clause_of(doc: Doc, start: int, end: int | None = None) -> Span:
    """The (trimmed) clause holding tokens ``start``..``end``; several clauses if it spans them."""
    first, _ = clause_bounds(doc, start)
    _, last = clause_bounds(doc, (end or start + 1) - 1)
    return trim(doc[first:last])
