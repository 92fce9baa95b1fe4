"""Build spaCy matchers from lexicon data, so every extractor's vocabulary lives in YAML.

A lexicon phrase is plain text matched by lemma: ``"рост выручки"`` matches "роста выручки",
``"команда"`` matches "командой". Two marks extend it, token by token:

* ``word*`` — any token whose lower-case text starts with ``word`` (``"стратегическ*"``,
  ``"negotiat*"``; in ``"up-sell*"`` the tokens before the last one match as written); use it
  where a lemma is ambiguous or for English inflections;
* ``#`` — any number written in digits (``"# звонков"`` matches "40 звонков").

>>> from kamscreen.nlp import get_nlp, make_doc
>>> rules = RuleSet(get_nlp("ru"), {"kpi": [{"phrases": ["рост выручки"]}]})
>>> [(label, span.text) for label, span in rules.find(make_doc("Обеспечил рост выручки на 25%", "ru"))]
[('kpi', 'рост выручки')]
"""
from __future__ import annotations

import re

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import yaml
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kamscreen.nlp.clauses import clause_bounds
from kamscreen.resources import lexicon_path

WINDOW = 4  # default distance (tokens) between a rule's phrase and its "requires" phrase
_SEPARATORS = frozenset({",", ";", "(", ")"})
NUMBER = {"TEXT": {"REGEX": r"^[+~≈]?\d"}}


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
    """Matches lexicon phrases (see module doc): plain ones with a PhraseMatcher on LEMMA,
    one-word prefixes (``word*``) by ``str.startswith``, the rest with a Matcher. Called like a
    spaCy matcher: ``[(label_id, start, end)]`` sorted by position."""

    def __init__(self, nlp: Language, entries: Mapping[str, Iterable[str]]):
        self.vocab = nlp.vocab
        self.phrases = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.patterns = Matcher(nlp.vocab)
        self.prefixes: dict[str, list[int]] = {}
        for label, items in entries.items():
            label_id = nlp.vocab.strings.add(label)
            plain, wild = [], []
            for phrase in items:
                words = phrase.split()
                if not _is_wild(phrase):
                    plain.append(phrase)
                elif len(words) == 1 and words[0] != "#" and len(nlp.make_doc(words[0][:-1])) == 1:
                    self.prefixes.setdefault(words[0][:-1].lower(), []).append(label_id)
                else:
                    wild.append(phrase)
            if plain:
                self.phrases.add(label, [d for d in nlp.pipe(plain) if len(d)])
            if wild:
                self.patterns.add(label, [token_pattern(nlp, p) for p in wild])
        alternatives = "|".join(re.escape(p) for p in sorted(self.prefixes, key=len, reverse=True))
        self._prefix_re = re.compile(rf"(?<!\w)(?:{alternatives})\S*", re.IGNORECASE) if self.prefixes else None

    def add(self, label: str, patterns: list[list[dict]]) -> None:
        """Add spaCy Matcher token patterns under ``label``."""
        self.patterns.add(label, patterns)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found = list(self.phrases(doc)) if len(self.phrases) else []
        if len(self.patterns):
            found += self.patterns(doc)
        if self._prefix_re is not None:
            for m in self._prefix_re.finditer(doc.text):
                span = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
                if span is None or span[0].idx != m.start():
                    continue
                token = span[0]
                lower = token.lower_
                for prefix, ids in self.prefixes.items():
                    if lower.startswith(prefix):
                        found += [(i, token.i, token.i + 1) for i in ids]
        return sorted(set(found), key=lambda m: (m[1], -m[2], m[0]))


def _is_wild(phrase: str) -> bool:
    return any(w == "#" or (w.endswith("*") and len(w) > 1) for w in phrase.split())


def load_matcher(nlp: Language, entries: Mapping[str, Iterable[str]]) -> LexiconMatcher:
    """A matcher with one label per key of ``entries`` (label → lexicon phrases, see module doc)."""
    return LexiconMatcher(nlp, entries)


def find(matcher: Matcher | PhraseMatcher | LexiconMatcher, doc: Doc, longest: bool = True) -> list[tuple[str, Span]]:
    """``(label, span)`` hits in text order; overlapping hits keep the longest when ``longest``."""
    spans = [Span(doc, s, e, label=m) for m, s, e in matcher(doc)]
    if longest:
        spans = filter_spans(spans)
    return [(s.label_, s) for s in sorted(spans, key=lambda s: s.start)]


@dataclass(frozen=True)
class _Rule:
    label: str
    key: str
    requires: str | None
    excludes: str | None
    window: int


class RuleSet:
    """Labelled lexicon rules compiled into one Matcher.

    ``rules`` maps a label to a list of rules ``{"phrases": [...], "requires": [...],
    "window": 4, "excludes": [...]}``: a phrase hit counts only if some ``requires`` phrase
    occurs in the same clause within ``window`` tokens of it and no comma between (when given;
    default 4) and no
    ``excludes`` phrase occurs in the clause.
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
        hits: dict[str, list[Span]] = {}
        for m, s, e in self.matcher(doc):
            hits.setdefault(doc.vocab.strings[m], []).append(doc[s:e])
        found: list[tuple[str, Span]] = []
        for rule in self.rules:
            for span in hits.get(rule.key, ()):
                sent = doc[slice(*clause_bounds(doc, span.start))]
                if rule.requires and not _near(hits.get(rule.requires, ()), sent, span, rule.window):
                    continue
                if rule.excludes and _near(hits.get(rule.excludes, ()), sent, None, len(sent)):
                    continue
                found.append((rule.label, span))
        found.sort(key=lambda h: (h[1].start, -h[1].end))
        return found


def _near(spans: Iterable[Span], sent: Span, anchor: Span | None, window: int) -> bool:
    """Is one of ``spans`` inside ``sent`` and apart from ``anchor`` by at most ``window`` tokens?"""
    for s in spans:
        if not (sent.start <= s.start and s.end <= sent.end):
            continue
        if anchor is None:
            return True
        gap = range(s.end, anchor.start) if s.end <= anchor.start else range(anchor.end, s.start)
        if len(gap) <= window and not any(sent.doc[i].text in _SEPARATORS for i in gap):
            return True
    return False
