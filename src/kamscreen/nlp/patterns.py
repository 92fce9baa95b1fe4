"""Build spaCy matchers from lexicon data, so every extractor's vocabulary lives in YAML.

A lexicon phrase is plain text matched by lemma: ``"рост выручки"`` matches "роста выручки",
``"команда"`` matches "командой". Three marks extend it, token by token:

* ``word*`` — any token whose lower-case text starts with ``word`` (``"стратегическ*"``,
  ``"negotiat*"``; in ``"up-sell*"`` the tokens before the last one match as written); use it
  where a lemma is ambiguous or for English inflections;
* ``#`` — any number written in digits (``"# звонков"`` matches "40 звонков");
* ``+#`` — a number with a plus sign, a gain (``"+25 %"``);
* ``~`` — a gap of zero to two words (no punctuation, no "and"/"и", same clause) between the
  words around it: ``"key ~ client*"`` matches "key clients", "key banking clients", "key
  enterprise banking clients" but not "key accounts and new clients"; ``"ключевой ~ клиент"``
  matches "ключевых федеральных клиентов". :class:`PhraseLexicon` counts such a phrase once
  whatever words fill its gap.

>>> from kamscreen.nlp import get_nlp, make_doc
>>> rules = RuleSet(get_nlp("ru"), {"kpi": [{"phrases": ["рост выручки"]}]})
>>> [(label, span.text) for label, span in rules.find(make_doc("Обеспечил рост выручки на 25%", "ru"))]
[('kpi', 'рост выручки')]
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kamscreen.nlp import get_nlp
from kamscreen.nlp.clauses import KEY as CLAUSES_KEY
from kamscreen.nlp.clauses import clause_bounds, doc_text

WINDOW = 4  # default distance (tokens) between a rule's phrase and its "requires" phrase
_SEPARATORS = frozenset({",", ";"})
NUMBER_RE = re.compile(r"^[+~≈]?\d")
NUMBER = {"TEXT": {"REGEX": NUMBER_RE.pattern}}
GAP_WORDS = 2  # the most words a ``~`` stands for
GAP = {"OP": "{0,%d}" % GAP_WORDS, "IS_PUNCT": False, "IS_SPACE": False}  # ``~`` for spaCy's Matcher
# words a ``~`` never skips: they join two phrases ("key accounts and new clients")
GAP_STOPS = ("and", "or", "but", "nor", "&", "и", "или", "а", "но", "либо", "да")
_MEMO_SIZE = 100_000  # word forms remembered per matcher
_GROUP = re.compile(r"\(([^()]*)\)")


def token_pattern(nlp: Language, phrase: str) -> list[dict]:
    """spaCy Matcher pattern of one lexicon phrase (lemmas, ``word*`` prefixes, ``#`` numbers)."""
    pattern: list[dict] = []
    for word in phrase.split():
        if word == "#":
            pattern.append(NUMBER)
        elif word == "~":
            if pattern and pattern[-1] is not GAP:
                pattern.append(GAP)
        elif word == "+#":
            pattern.append({"TEXT": {"REGEX": r"^\+\d"}})
        elif word.endswith("*") and len(word) > 1:
            *head, last = [t.lower_ for t in nlp.make_doc(word[:-1])]
            pattern.extend({"LOWER": t} for t in head)
            pattern.append({"LOWER": {"REGEX": "^" + re.escape(last)}})
        else:
            pattern.extend({"LEMMA": t.lemma_} for t in nlp(word) if not t.is_space)
    while pattern and pattern[-1] is GAP:
        pattern.pop()
    return pattern


def phrase_patterns(nlp: Language, phrases: Iterable[str]) -> list[list[dict]]:
    """Matcher patterns of many lexicon phrases, one-token phrases merged into one ``IN`` /
    alternation pattern (a Matcher with few patterns is many times faster)."""
    lemmas: list[str] = []
    prefixes: list[str] = []
    patterns: list[list[dict]] = []
    for phrase in phrases:
        pattern = token_pattern(nlp, phrase)
        if len(pattern) != 1:
            if pattern:
                patterns.append(pattern)
        elif "LEMMA" in pattern[0]:
            lemmas.append(pattern[0]["LEMMA"])
        elif "LOWER" in pattern[0] and isinstance(pattern[0]["LOWER"], dict):
            prefixes.append(pattern[0]["LOWER"]["REGEX"][1:])
        else:
            patterns.append(pattern)
    if prefixes:
        patterns.insert(0, [{"LOWER": {"REGEX": "^(?:" + "|".join(sorted(set(prefixes))) + ")"}}])
    if lemmas:
        patterns.insert(0, [{"LEMMA": {"IN": sorted(set(lemmas))}}])
    return patterns


def load_phrase_matcher(nlp: Language, entries: Mapping[str, Iterable[str]], attr: str = "LEMMA") -> PhraseMatcher:
    """A PhraseMatcher with one label per key of ``entries`` (label → phrases).

    Pattern docs go through the same pipeline, so with ``attr="LEMMA"`` every inflection of a
    lexicon word matches.
    """
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    for label, phrases in entries.items():
        matcher.add(label, list(nlp.pipe(phrases)))
    return matcher


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
    def of(cls, doc: Doc) -> "TokenColumns":
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
                ok = numpy.fromiter((value.search(self.strings[int(v)]) is not None for v in values),
                                    dtype=bool, count=len(values))
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

    def __init__(self, vocab):
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
                    nxt = numpy.asarray([p for p in at if p + len(seg) <= n and all(
                        cols.test(p + k, pred) for k, pred in enumerate(seg))], dtype=numpy.int64)
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
            found += [(label_id, s, e) for s, e in zip(begins.tolist(), ends.tolist())]
        return found


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
        if not _is_wild(phrase):
            doc = nlp(phrase)
            if len(doc):
                self.phrases.add(label, [doc])
            return
        if words[0] == "#" and len(words) > 1 and not _is_wild(" ".join(words[1:])):
            self._add_head(nlp, label, label_id, " ".join(words[1:]), None)
        elif words[-1].endswith("*") and not _is_wild(" ".join(words[:-1])):
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
                label_id for p, ids in self.prefixes.items() if lower.startswith(p) for label_id in ids]
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


def _is_wild(phrase: str) -> bool:
    return any(w in ("#", "+#", "~") or (w.endswith("*") and len(w) > 1) for w in phrase.split())


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
    def of(cls, matcher, doc: Doc) -> "Marks":
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


@dataclass(frozen=True)
class _Rule:
    label: str
    key: str
    requires: str | None
    excludes: str | None
    window: int
    exclude_window: int | None  # None: an ``excludes`` hit anywhere in the clause cancels


class RuleSet:
    """Labelled lexicon rules compiled into one :class:`LexiconMatcher`.

    ``rules`` maps a label to a list of rules ``{"phrases": [...], "requires": [...],
    "window": 4, "excludes": [...], "exclude_window": 3}``. A phrase hit counts only if (when
    given) a ``requires`` phrase stands in the same clause at most ``window`` tokens away
    (default 4) with no comma or semicolon between, and no ``excludes`` phrase is in the clause
    (with ``exclude_window``: overlapping it or at most that many tokens away, no comma between).
    """

    def __init__(self, nlp: Language, rules: Mapping[str, list[dict]]):
        entries: dict[str, list[str]] = {}
        self.rules: list[_Rule] = []
        for label, items in rules.items():
            for n, item in enumerate(items):
                key = f"{label}#{n}"
                entries[key] = list(item["phrases"])
                req = exc = None
                if item.get("requires"):
                    entries[key + "+"] = list(item["requires"])
                    req = key + "+"
                if item.get("excludes"):
                    entries[key + "-"] = list(item["excludes"])
                    exc = key + "-"
                local = item.get("exclude_window")
                self.rules.append(_Rule(label, key, req, exc, int(item.get("window", WINDOW)),
                                        None if local is None else int(local)))
        self.matcher = load_matcher(nlp, entries)

    def find(self, doc: Doc) -> list[tuple[str, Span]]:
        """``(label, span)`` for every rule hit whose clause conditions hold, in text order."""
        marks = Marks.of(self.matcher, doc)
        found: list[tuple[str, Span]] = []
        for rule in self.rules:
            for start, end in marks.all(rule.key):
                lo, hi = clause_bounds(doc, start)
                if rule.requires and not _near(doc, marks, rule.requires, start, end, rule.window, lo, hi):
                    continue
                if rule.excludes and _excluded(doc, marks, rule, start, end, lo, hi):
                    continue
                found.append((rule.label, doc[start:end]))
        found.sort(key=lambda h: (h[1].start, -h[1].end))
        return found


def _excluded(doc: Doc, marks: Marks, rule: _Rule, start: int, end: int, lo: int, hi: int) -> bool:
    """Is an ``excludes`` hit in the clause (when ``exclude_window`` is set: overlapping the
    phrase or at most that many tokens away, no comma between)?"""
    if rule.exclude_window is None:
        return bool(marks.within(rule.excludes, lo, hi))
    for s, e in marks.within(rule.excludes, lo, hi):
        if s < end and e > start:
            return True
    return _near(doc, marks, rule.excludes, start, end, rule.exclude_window, lo, hi)


def _near(doc: Doc, marks: Marks, label: str, start: int, end: int, window: int, lo: int, hi: int) -> bool:
    """Is a ``label`` hit within ``window`` tokens of ``start..end``, in ``lo..hi``, no comma between?"""
    for s, e in marks.within(label, max(lo, start - window - 8), min(hi, end + window + 8)):
        if s < end and e > start:
            continue  # overlaps the phrase itself
        gap = range(e, start) if e <= start else range(end, s)
        if len(gap) <= window and not any(doc[i].text in _SEPARATORS for i in gap):
            return True
    return False


def expand_phrase(phrase: str) -> list[str]:
    """All spellings a lexicon entry stands for (``word*`` and ``#`` marks pass through).

    ``account(s)`` → account, accounts; ``manag(e|ed)`` → manage, managed; a hyphen also stands for a
    space ("аккаунт-менеджер" = "аккаунт менеджер").
    """
    parts = _GROUP.split(phrase)
    choices = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            choices.append([part])
        else:
            alternatives = part.split("|")
            choices.append(alternatives if len(alternatives) > 1 else ["", part])
    spellings = {"".join(c).strip() for c in itertools.product(*choices)}
    spellings |= {s.replace("-", " ") for s in spellings if "-" in s}
    return sorted(s for s in spellings if s)


@dataclass(frozen=True)
class PhraseHit:
    """One lexicon phrase found in the doc: its group (e.g. ``title``), label and weight."""

    group: str
    label: str
    weight: float
    start: int  # token offsets in the doc
    end: int
    start_char: int
    end_char: int
    key: str  # the matched lemmas (a ``~`` gap's words left out): found twice counts once


class PhraseLexicon:
    """Weighted phrases (module syntax plus :func:`expand_phrase` groups), matched on lemmas by
    one :class:`LexiconMatcher` compiled once per language.

    ``groups`` maps a group name to ``{label: {phrase: weight}}``. ``find(doc)`` returns every hit,
    cached on the doc, so the jobs of one CV share one matching pass.
    """

    def __init__(self, name: str, groups: dict[str, dict[str, dict[str, float]]]):
        self.name = name
        self.groups = groups

    @lru_cache(maxsize=16)  # (lexicon, language) pairs
    def _matcher(self, lang: str) -> tuple[LexiconMatcher, dict[int, tuple[str, str, float, str | None]]]:
        nlp = get_nlp(lang)
        entries: dict[str, list[str]] = {}
        meta: dict[int, tuple[str, str, float, str | None]] = {}
        for group, labels in self.groups.items():
            for label, phrases in labels.items():
                for phrase, weight in (phrases or {}).items():
                    # a phrase with a gap is one phrase whatever words fill the gap
                    gap = str(phrase) if "~" in str(phrase).split() else None
                    key = f"{self.name}|{group}|{label}|{float(weight)}" + (f"|{gap}" if gap else "")
                    entries.setdefault(key, []).extend(expand_phrase(str(phrase)))
                    meta[nlp.vocab.strings.add(key)] = (group, label, float(weight), gap)
        return load_matcher(nlp, entries), meta

    def find(self, doc: Doc) -> tuple[PhraseHit, ...]:
        cache_key = f"kamscreen.{self.name}"
        cached = doc.user_data.get(cache_key)
        if cached is None:
            matcher, meta = self._matcher(doc.lang_)
            hits = []
            for match_id, start, end in matcher(doc):
                group, label, weight, gap = meta[match_id]
                span = doc[start:end]
                key = " ".join(t.lemma_ for t in span)
                if gap and len(span) > 2:  # the words in a gap do not make a phrase distinct
                    key = f"{span[0].lemma_} ~ {span[-1].lemma_}"
                hits.append(PhraseHit(group, label, weight, start, end, span.start_char,
                                      span.end_char, key))
            cached = doc.user_data[cache_key] = tuple(hits)
        return cached
