"""Build spaCy matchers from lexicon data, so every extractor's vocabulary lives in YAML.

A lexicon phrase is plain text matched by lemma: ``"рост выручки"`` matches "роста выручки",
``"команда"`` matches "командой". Three marks extend it, token by token:

* ``word*`` — any token whose lower-case text starts with ``word`` (``"стратегическ*"``,
  ``"negotiat*"``; in ``"up-sell*"`` the tokens before the last one match as written); use it
  where a lemma is ambiguous or for English inflections;
* ``#`` — any number written in digits (``"# звонков"`` matches "40 звонков");
* ``+#`` — a number with a plus sign, a gain (``"+25 %"``).

>>> from kamscreen.nlp import get_nlp, make_doc
>>> rules = RuleSet(get_nlp("ru"), {"kpi": [{"phrases": ["рост выручки"]}]})
>>> [(label, span.text) for label, span in rules.find(make_doc("Обеспечил рост выручки на 25%", "ru"))]
[('kpi', 'рост выручки')]
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import yaml
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kamscreen.nlp.clauses import clause_bounds, doc_text
from kamscreen.resources import lexicon_path

WINDOW = 4  # default distance (tokens) between a rule's phrase and its "requires" phrase
_SEPARATORS = frozenset({",", ";"})
NUMBER_RE = re.compile(r"^[+~≈]?\d")
NUMBER = {"TEXT": {"REGEX": NUMBER_RE.pattern}}


@lru_cache(maxsize=None)
def load_lexicon(filename: str) -> dict:
    """The parsed YAML lexicon ``lexicons/<filename>`` (read once per process)."""
    with open(lexicon_path(filename), encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def token_pattern(nlp: Language, phrase: str) -> list[dict]:
    """spaCy Matcher pattern of one lexicon phrase (lemmas, ``word*`` prefixes, ``#`` numbers)."""
    pattern: list[dict] = []
    for word in phrase.split():
        if word == "#":
            pattern.append(NUMBER)
        elif word == "+#":
            pattern.append({"TEXT": {"REGEX": r"^\+\d"}})
        elif word.endswith("*") and len(word) > 1:
            *head, last = [t.lower_ for t in nlp.make_doc(word[:-1])]
            pattern.extend({"LOWER": t} for t in head)
            pattern.append({"LOWER": {"REGEX": "^" + re.escape(last)}})
        else:
            pattern.extend({"LEMMA": t.lemma_} for t in nlp(word) if not t.is_space)
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


class LexiconMatcher:
    """Matches lexicon phrases (see module doc) without running spaCy's token-by-token Matcher
    over the whole text, which costs ~2 ms per CV however few its patterns:

    * plain phrases: a PhraseMatcher on LEMMA;
    * ``word*``: one regex over the text; ``key account*``: PhraseMatcher on "key", then prefix;
    * ``# звонков``: PhraseMatcher on "звонков", then a number before it;
    * anything else (two wildcards): a spaCy Matcher; ``add_regex`` adds text regexes.

    Called like a spaCy matcher: ``[(label_id, start, end)]`` sorted by position.
    """

    def __init__(self, nlp: Language, entries: Mapping[str, Iterable[str]]):
        self.vocab = nlp.vocab
        self.phrases = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.heads = PhraseMatcher(nlp.vocab, attr="LEMMA")  # fixed part of a one-wildcard phrase
        self.rest: dict[int, tuple[int, str | None]] = {}  # head key → (label, tail prefix | None = number before)
        self.patterns = Matcher(nlp.vocab)
        self.prefixes: dict[str, list[int]] = {}
        self.regexes: list[tuple[int, re.Pattern]] = []
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
            for m in self._prefix_re.finditer(text):
                token = _token_at(doc, m.start())
                if token is not None:
                    lower = token.lower_
                    found += [(i, token.i, token.i + 1) for p, ids in self.prefixes.items()
                              if lower.startswith(p) for i in ids]
        for label_id, regex in self.regexes:
            for m in regex.finditer(text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None and span.start_char == m.start():
                    found.append((label_id, span.start, span.end))
        return sorted(set(found), key=lambda m: (m[1], -m[2], m[0]))


def _token_at(doc: Doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and span.start_char == char else None


def _is_wild(phrase: str) -> bool:
    return any(w in ("#", "+#") or (w.endswith("*") and len(w) > 1) for w in phrase.split())


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


class RuleSet:
    """Labelled lexicon rules compiled into one :class:`LexiconMatcher`.

    ``rules`` maps a label to a list of rules ``{"phrases": [...], "requires": [...],
    "window": 4, "excludes": [...]}``. A phrase hit counts only if (when given) a ``requires``
    phrase stands in the same clause at most ``window`` tokens away (default 4) with no comma
    or semicolon between, and no ``excludes`` phrase is in the clause.
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
                self.rules.append(_Rule(label, key, req, exc, int(item.get("window", WINDOW))))
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
                if rule.excludes and marks.within(rule.excludes, lo, hi):
                    continue
                found.append((rule.label, doc[start:end]))
        found.sort(key=lambda h: (h[1].start, -h[1].end))
        return found


def _near(doc: Doc, marks: Marks, label: str, start: int, end: int, window: int, lo: int, hi: int) -> bool:
    """Is a ``label`` hit within ``window`` tokens of ``start..end``, in ``lo..hi``, no comma between?"""
    for s, e in marks.within(label, max(lo, start - window - 8), min(hi, end + window + 8)):
        if s < end and e > start:
            continue  # overlaps the phrase itself
        gap = range(e, start) if e <= start else range(end, s)
        if len(gap) <= window and not any(doc[i].text in _SEPARATORS for i in gap):
            return True
    return False
