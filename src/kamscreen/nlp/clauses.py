"""Clause boundaries for CV text, registered as ``kamscreen_clauses``.

A CV is a list of lines and bullets more than of sentences: a clause ends at ``. ! ? ;``, at a
bullet, at a blank line, after an abbreviation ("чел.") before a capital, and at a line break
unless the line was wrapped mid-sentence (next line in lower case, or a number after a
lower-case word). ``doc.sents`` then yields those clauses.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

ENDS = frozenset({".", "!", "?", ";", "…"})
BULLETS = frozenset({"•", "·", "▪", "●", "◦", "‣", "∙", "○", "■", "□", "➢", "►", "✓", "✔", "*"})


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
        doc[0].is_sent_start = True
        for i in range(1, len(doc)):
            doc[i].is_sent_start = _breaks_after(doc[i - 1], doc[i])
        return doc


@Language.factory("kamscreen_clauses")
def make_clauses(nlp: Language, name: str) -> ClauseSegmenter:
    return ClauseSegmenter()
