"""Clause boundaries for CV text, registered as ``kamscreen_clauses``.

A CV is a list of lines and bullets more than of sentences: a clause ends at ``. ! ? ;``, at a
bullet, at a blank line, after an abbreviation ("чел.") before a capital, and at a line break
unless the line was wrapped mid-sentence (next line in lower case, or a number after a
lower-case word). ``doc.sents`` then yields those clauses; :func:`kamscreen.nlp.clauses.clause_bounds`
finds one fast.
"""

from __future__ import annotations

from typing import cast

import numpy
from spacy.attrs import IS_ALPHA, IS_LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from kamscreen.nlp.clauses import KEY, TEXT_KEY

ENDS = frozenset({".", "!", "?", ";", "…"})
BULLETS = frozenset({"•", "·", "▪", "●", "◦", "‣", "∙", "○", "■", "□", "➢", "►", "✓", "✔", "*"})


def _features(doc: Doc) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """Per token: its form's features (columns of ``_FORM``), and the IS_ALPHA / IS_LOWER flags."""
    table = doc.to_array([ORTH, IS_ALPHA, IS_LOWER])
    strings = doc.vocab.strings
    forms, inverse = numpy.unique(table[:, 0], return_inverse=True)
    rows = numpy.array([_form(strings[int(f)]) for f in forms.tolist()], dtype=bool).reshape(-1, len(_FORM))
    return rows[inverse.reshape(-1)], table[:, 1] != 0, table[:, 2] != 0


_FORM = ("newline", "newlines", "end", "bullet", "abbrev", "upper", "lower", "digit")


def _form(text: str) -> tuple[bool, ...]:
    first = text[:1]
    newline = text.isspace() and "\n" in text
    return (
        newline,
        newline and text.count("\n") > 1,
        text in ENDS,
        text in BULLETS,
        len(text) > 1 and text.endswith("."),
        first.isupper(),
        first.islower(),
        first.isdigit(),
    )


class ClauseSegmenter:
    """Marks ``is_sent_start`` on every token (True at the first token of a clause).

    A clause starts after a blank line; after a line break unless the next line starts in lower
    case, or with a number after a lower-case word; after ``. ! ? ;``; before a bullet; and after
    an abbreviation ("чел.") before a capital. Decided per distinct word form, then with arrays.
    """

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        form, alpha, lower = _features(doc)
        newline, newlines, end, bullet, abbrev, upper, lowercase, digit = form.T
        tok = slice(0, len(doc) - 1)  # token i - 1 ...
        nxt = slice(1, len(doc))  # ... and token i, for i >= 1
        prev = numpy.maximum(numpy.arange(-1, len(doc) - 2), 0)  # token i - 2 (or 0)
        wrapped = lowercase[nxt] | (digit[nxt] & alpha[prev] & lower[prev])
        breaks = numpy.where(
            newline[tok], newlines[tok] | ~wrapped, end[tok] | bullet[nxt] | (abbrev[tok] & upper[nxt])
        )
        starts = numpy.full(len(doc), -1, dtype="int64")  # SENT_START: 1 start, -1 inside
        starts[0] = 1
        starts[1:][breaks] = 1
        doc.from_array([SENT_START], cast(Ints2d, starts.astype("uint64").reshape(-1, 1)))  # thinc's array type
        doc.user_data[KEY] = numpy.flatnonzero(starts == 1).tolist()
        if TEXT_KEY not in doc.user_data:
            doc.user_data[TEXT_KEY] = doc.text
        return doc


@Language.factory("kamscreen_clauses")
def make_clauses(nlp: Language, name: str) -> ClauseSegmenter:
    return ClauseSegmenter()
