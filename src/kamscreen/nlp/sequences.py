"""Token sequences matched with numpy: a doc's token attributes as columns (:class:`TokenColumns`,
built once per doc and shared by every matcher) and :func:`~kamscreen.nlp.phrase_syntax.token_pattern`
patterns found on them (:class:`TokenSequences`), the hits of spaCy's ``Matcher`` without its
per-token Python work.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kamscreen.nlp.clauses import KEY as CLAUSES_KEY
from kamscreen.nlp.phrase_syntax import GAP, GAP_STOPS, GAP_WORDS

COLUMNS_KEY = "kamscreen_columns"  # doc.user_data: the doc's TokenColumns
_ATTRS = {"TEXT": ORTH, "ORTH": ORTH, "LOWER": LOWER, "LEMMA": LEMMA}


class TokenColumns:
    """A doc's token attributes as numpy columns, built once per doc and shared by all matchers;
    a predicate's mask over the tokens is computed once (a regex once per distinct value)."""

    def __init__(self, doc: Doc):
        table = doc.to_array([IDX, ORTH, LOWER, LEMMA, IS_PUNCT, IS_SPACE])
        self.strings = doc.vocab.strings
        self.idx = table[:, 0]
        self.cols = {ORTH: table[:, 1], LOWER: table[:, 2], LEMMA: table[:, 3]}
        self._word = (table[:, 4] == 0) & (table[:, 5] == 0)
        self._masks: dict[tuple, numpy.ndarray] = {}
        self._clause_starts = doc.user_data.get(CLAUSES_KEY)
        self._gap: tuple[numpy.ndarray, numpy.ndarray] | None = None

    def gap_masks(self) -> tuple[numpy.ndarray, numpy.ndarray]:
        """``(skipped, joinable)`` over positions ``0..n``: how many tokens before each a ``~``
        may stand for (words, not "and", not a clause start; a running count), and where a phrase
        may go on after a gap (not at a clause start)."""
        if self._gap is None:
            n = len(self.idx)
            starts = numpy.zeros(n + 1, dtype=bool)
            if self._clause_starts is not None:
                starts[numpy.asarray(self._clause_starts, dtype=numpy.int64)] = True
            stops = numpy.isin(self.cols[LOWER], [self.strings.add(w) for w in GAP_STOPS])
            skippable = self._word & ~stops & ~starts[:n]
            skipped = numpy.zeros(n + 1, dtype=numpy.int64)
            numpy.cumsum(skippable, out=skipped[1:])
            self._gap = (skipped, ~starts)
        return self._gap

    @classmethod
    def of(cls, doc: Doc) -> TokenColumns:
        cols = doc.user_data.get(COLUMNS_KEY)
        if cols is None or len(cols.idx) != len(doc):
            cols = doc.user_data[COLUMNS_KEY] = cls(doc)
        return cols

    def tokens_at(self, chars: list[int]) -> list[int]:
        """The tokens starting at any of the characters ``chars`` (sorted), in order."""
        if not chars or not len(self.idx):
            return []
        at = numpy.searchsorted(self.idx, chars)
        ok = self.idx[numpy.minimum(at, len(self.idx) - 1)] == chars
        return at[ok].tolist()

    def string(self, attr: int, i: int) -> str:
        """Token ``i``'s ``attr`` (e.g. ``LOWER``) as a string."""
        return self.strings[int(self.cols[attr][i])]

    def test(self, i: int, pred: tuple) -> bool:
        """Does ``pred`` hold for token ``i``?"""
        attr, kind, value = pred
        if kind == "eq":
            return bool(self.cols[attr][i] == value)
        return value.search(self.string(attr, i)) is not None

    def mask(self, pred: tuple) -> numpy.ndarray:
        """Boolean mask of the tokens where ``pred`` (see :func:`_predicate`) holds."""
        found = self._masks.get(pred)
        if found is None:
            attr, kind, value = pred
            col = self.cols[attr]
            if kind == "eq":
                found = col == value
            else:
                values, inverse = numpy.unique(col, return_inverse=True)
                ok = numpy.fromiter(
                    (value.search(self.strings[int(v)]) is not None for v in values), dtype=bool, count=len(values)
                )
                found = ok[inverse.reshape(-1)]
            self._masks[pred] = found
        return found


def _predicate(vocab, spec: dict) -> tuple:
    """``(attr, "eq"|"re", hash|regex)`` of one :func:`token_pattern` token."""
    ((name, value),) = spec.items()
    if isinstance(value, dict):
        return (_ATTRS[name], "re", re.compile(value["REGEX"]))
    return (_ATTRS[name], "eq", vocab.strings.add(value))


class TokenSequences:
    """:func:`token_pattern` patterns matched on :class:`TokenColumns` with numpy: the hits of
    spaCy's ``Matcher`` at a fraction of its cost (no per-token Python work). A pattern is a
    run of fixed-length segments joined by ``~`` gaps of up to :data:`GAP_WORDS` words."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._patterns: list[tuple[int, tuple[tuple[tuple, ...], ...]]] = []

    def __len__(self) -> int:
        return len(self._patterns)

    def add(self, label: str, patterns: list[list[dict]]) -> None:
        label_id = self.vocab.strings.add(label)
        for pattern in patterns:
            segments: list[list[tuple]] = [[]]
            for spec in pattern:
                if spec is GAP or "OP" in spec:
                    segments.append([])
                else:
                    segments[-1].append(_predicate(self.vocab, spec))
            segments = [seg for seg in segments if seg]
            if segments:
                self._patterns.append((label_id, tuple(tuple(seg) for seg in segments)))

    @staticmethod
    def _starts(cols: TokenColumns, preds: tuple[tuple, ...], n: int) -> numpy.ndarray:
        """Token indices where the fixed-length run ``preds`` matches."""
        size = len(preds)
        if size > n:
            return numpy.zeros(0, dtype=numpy.int64)
        hit = None
        for k, pred in enumerate(preds):  # equality tests, vectorised, narrow the starts ...
            if pred[1] == "eq":
                mask = cols.mask(pred)[k : n - size + 1 + k]
                hit = mask if hit is None else hit & mask
        if hit is None:
            hit = cols.mask(preds[0])[: n - size + 1]
        starts = numpy.flatnonzero(hit)
        regexes = [(k, pred) for k, pred in enumerate(preds) if pred[1] == "re"]
        if regexes and len(starts):  # ... and regexes run on those few only
            keep = [s for s in starts.tolist() if all(cols.test(s + k, pred) for k, pred in regexes)]
            starts = numpy.asarray(keep, dtype=numpy.int64)
        return starts

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        cols = TokenColumns.of(doc)
        n = len(doc)
        found = []
        for label_id, segments in self._patterns:
            starts = self._starts(cols, segments[0], n)
            if len(segments) == 1:
                found += [(label_id, s, s + len(segments[0])) for s in starts.tolist()]
                continue
            begins, ends = starts, starts + len(segments[0])  # the match so far, sorted by end
            for seg in segments[1:]:
                if not len(ends):
                    nxt = ends
                elif any(pred[1] == "eq" for pred in seg):
                    nxt = self._starts(cols, seg, n)
                else:  # only regexes: test them where ``seg`` may start, not on the whole doc
                    at = numpy.unique(ends[:, None] + numpy.arange(GAP_WORDS + 1)).tolist()
                    nxt = numpy.asarray(
                        [
                            p
                            for p in at
                            if p + len(seg) <= n and all(cols.test(p + k, pred) for k, pred in enumerate(seg))
                        ],
                        dtype=numpy.int64,
                    )
                if not len(nxt):
                    ends = nxt
                    break
                skipped, joinable = cols.gap_masks()
                best = numpy.full(len(nxt), -1, dtype=numpy.int64)
                for g in range(GAP_WORDS + 1):  # g words skipped before ``seg``
                    pos = nxt - g
                    at = numpy.minimum(numpy.searchsorted(ends, pos), len(ends) - 1)
                    ok = ends[at] == pos
                    if g:
                        ok &= (skipped[nxt] - skipped[numpy.maximum(pos, 0)] == g) & joinable[nxt]
                    cand = numpy.where(ok, begins[at], -1)
                    best = numpy.where((cand >= 0) & ((best < 0) | (cand < best)), cand, best)
                keep = best >= 0
                begins, ends = best[keep], nxt[keep] + len(seg)
            # a sequence that dies out leaves ``ends`` empty: no match, whatever ``begins`` holds
            found += [(label_id, s, e) for s, e in zip(begins.tolist(), ends.tolist(), strict=False)]
        return found
