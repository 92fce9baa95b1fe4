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


def load_phrase_matcher(nlp: Language, entries: Mapping[str, Iterable[str]], attr: str = "LEMMA") -> PhraseMatcher:
    """A PhraseMatcher with one label per key of ``entries`` (label → phrases).

    Pattern docs go through the same pipeline, so with ``attr="LEMMA"`` every inflection of a
    lexicon word matches.
    """
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    for label, phrases in entries.items():
        matcher.add(label, list(nlp.pipe(phrases)))
    return matcher


def load_matcher(nlp: Language, entries: Mapping[str, Iterable[str]]) -> Matcher:
    """A Matcher with one label per key of ``entries`` (label → lexicon phrases, see module doc)."""
    matcher = Matcher(nlp.vocab)
    for label, phrases in entries.items():
        patterns = [p for p in (token_pattern(nlp, ph) for ph in phrases) if p]
        if patterns:
            matcher.add(label, patterns)
    return matcher


def find(matcher: Matcher | PhraseMatcher, doc: Doc, longest: bool = True) -> list[tuple[str, Span]]:
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
                sent = span.sent
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
