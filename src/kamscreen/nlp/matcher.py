"""The lexicon matcher: every phrase of a lexicon (:mod:`kamscreen.nlp.phrase_syntax`) found in a
doc at little cost, its hits as ``(label, span)`` (:func:`find`) or grouped by label with range
queries (:class:`Marks`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kamscreen.nlp.clauses import doc_text
from kamscreen.nlp.phrase_syntax import NUMBER_RE, is_wild, token_pattern
from kamscreen.nlp.sequences import TokenColumns, TokenSequences

_MEMO_SIZE = 100_000  # word forms remembered per matcher


class LexiconMatcher:
    """Matches lexicon phrases (see module doc) without running spaCy's token-by-token Matcher
    over the whole text, which costs ~2 ms per CV however few its patterns:

    * plain phrases: a PhraseMatcher on LEMMA;
    * ``word*``: one regex over the text; ``key account*``: PhraseMatcher on "key", then prefix;
    * ``# звонков``: PhraseMatcher on "звонков", then a number before it;
    * anything else (two wildcards): :class:`TokenSequences`; ``add_regex`` adds text regexes.

    Called like a spaCy matcher: ``[(label_id, start, end)]`` sorted by position.
    """

    def __init__(self, nlp: Language, entries: Mapping[str, Iterable[str]]):
        self.vocab = nlp.vocab
        self.phrases = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.heads = PhraseMatcher(nlp.vocab, attr="LEMMA")  # fixed part of a one-wildcard phrase
        self.rest: dict[int, tuple[int, str | None]] = {}  # head key → (label, tail prefix | None = number before)
        self.patterns = TokenSequences(nlp.vocab)
        self.prefixes: dict[str, list[int]] = {}
        self.regexes: list[tuple[int, re.Pattern]] = []
        self._prefix_memo: dict[str, list[int]] = {}
        for label, items in entries.items():
            label_id = nlp.vocab.strings.add(label)
            for phrase in items:
                self._add_phrase(nlp, label, label_id, phrase)
        alternatives = "|".join(re.escape(p) for p in sorted(self.prefixes, key=len, reverse=True))
        self._prefix_re = re.compile(rf"(?<!\w)(?:{alternatives})", re.IGNORECASE) if self.prefixes else None

    def _add_phrase(self, nlp: Language, label: str, label_id: int, phrase: str) -> None:
        words = phrase.split()
        if phrase == "+#":
            self.add_regex(label, r"\+\d")
            return
        if not is_wild(phrase):
            doc = nlp(phrase)
            if len(doc):
                self.phrases.add(label, [doc])
            return
        if words[0] == "#" and len(words) > 1 and not is_wild(" ".join(words[1:])):
            self._add_head(nlp, label, label_id, " ".join(words[1:]), None)
        elif words[-1].endswith("*") and not is_wild(" ".join(words[:-1])):
            *head, last = [t.text for t in nlp.make_doc(" ".join(words)[:-1])]
            if head:
                self._add_head(nlp, label, label_id, " ".join(head), last.lower())
            else:
                self.prefixes.setdefault(last.lower(), []).append(label_id)
        else:
            self.patterns.add(label, [token_pattern(nlp, phrase)])

    def _add_head(self, nlp: Language, label: str, label_id: int, head: str, tail: str | None) -> None:
        key = f"{label}\x00{head}\x00{tail}"
        self.heads.add(key, [nlp(head)])
        self.rest[nlp.vocab.strings[key]] = (label_id, tail)

    def _prefix_labels(self, lower: str) -> list[int]:
        """Labels of the ``word*`` prefixes that ``lower`` starts with (memoised per word form)."""
        labels = self._prefix_memo.get(lower)
        if labels is None:
            if len(self._prefix_memo) > _MEMO_SIZE:
                self._prefix_memo.clear()
            labels = self._prefix_memo[lower] = [
                label_id for p, ids in self.prefixes.items() if lower.startswith(p) for label_id in ids
            ]
        return labels

    def add_regex(self, label: str, pattern: str, flags: int = 0) -> None:
        """Also match ``pattern`` on the text; a hit counts when it starts a token."""
        self.regexes.append((self.vocab.strings.add(label), re.compile(pattern, flags)))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found = list(self.phrases(doc)) if len(self.phrases) else []
        if len(self.heads):
            for key, start, end in self.heads(doc):
                label_id, tail = self.rest[key]
                if tail is None:
                    if start > 0 and NUMBER_RE.match(doc[start - 1].text):
                        found.append((label_id, start - 1, end))
                elif end < len(doc) and doc[end].lower_.startswith(tail):
                    found.append((label_id, start, end + 1))
        if len(self.patterns):
            found += self.patterns(doc)
        text = doc_text(doc)
        if self._prefix_re is not None:
            cols = TokenColumns.of(doc)
            for i in cols.tokens_at([m.start() for m in self._prefix_re.finditer(text)]):
                found += [(label_id, i, i + 1) for label_id in self._prefix_labels(cols.string(LOWER, i))]
        for label_id, regex in self.regexes:
            for m in regex.finditer(text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None and span.start_char == m.start():
                    found.append((label_id, span.start, span.end))
        return sorted(set(found), key=lambda m: (m[1], -m[2], m[0]))


def load_matcher(nlp: Language, entries: Mapping[str, Iterable[str]]) -> LexiconMatcher:
    """A matcher with one label per key of ``entries`` (label → lexicon phrases, see module doc)."""
    return LexiconMatcher(nlp, entries)


def find(matcher: Matcher | PhraseMatcher | LexiconMatcher, doc: Doc, longest: bool = True) -> list[tuple[str, Span]]:
    """``(label, span)`` hits in text order; overlapping hits keep the longest when ``longest``."""
    spans = [Span(doc, s, e, label=m) for m, s, e in matcher(doc)]
    if longest:
        spans = filter_spans(spans)
    return [(s.label_, s) for s in sorted(spans, key=lambda s: s.start)]


class Marks:
    """Matcher hits grouped by label, with range queries in O(log n) (long texts stay linear).

    >>> marks = Marks([("LEAD", 0, 1), ("UNIT", 1, 2), ("LEAD", 9, 10)])
    >>> marks.within("LEAD", 0, 5), marks.within("UNIT", 0, 5)
    ([(0, 1)], [(1, 2)])
    """

    def __init__(self, hits: Iterable[tuple[str, int, int]]):
        self._spans: dict[str, list[tuple[int, int]]] = {}
        for label, start, end in sorted(hits, key=lambda h: (h[1], h[2])):
            self._spans.setdefault(label, []).append((start, end))
        self._starts = {label: [s for s, _ in spans] for label, spans in self._spans.items()}

    @classmethod
    def of(cls, matcher, doc: Doc) -> Marks:
        """The hits of ``matcher`` (a spaCy matcher or :class:`LexiconMatcher`) on ``doc``."""
        strings = doc.vocab.strings
        return cls((strings[m], s, e) for m, s, e in matcher(doc))

    def all(self, label: str) -> list[tuple[int, int]]:
        return self._spans.get(label, [])

    def within(self, label: str, start: int, end: int) -> list[tuple[int, int]]:
        """Hits of ``label`` inside tokens ``start``..``end``."""
        spans = self._spans.get(label)
        if not spans:
            return []
        out = []
        for k in range(bisect_left(self._starts[label], start), len(spans)):
            s, e = spans[k]
            if s >= end:
                break
            if e <= end:
                out.append((s, e))
        return out
