"""Lexicon rules: phrases that count only with (or without) other phrases near them in the clause
(the rule format of ``lexicons/kpis.yaml`` and ``lexicons/signals.yaml``).

>>> from kamscreen.nlp import get_nlp, make_doc
>>> rules = RuleSet(get_nlp("ru"), {"kpi": [{"phrases": ["рост выручки"]}]})
>>> [(label, span.text) for label, span in rules.find(make_doc("Обеспечил рост выручки на 25%", "ru"))]
[('kpi', 'рост выручки')]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from kamscreen.nlp.clauses import clause_bounds
from kamscreen.nlp.matcher import Marks, load_matcher

WINDOW = 4  # default distance (tokens) between a rule's phrase and its "requires" phrase
_SEPARATORS = frozenset({",", ";"})


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
                self.rules.append(
                    _Rule(label, key, req, exc, int(item.get("window", WINDOW)), None if local is None else int(local))
                )
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
                if rule.excludes and _excluded(doc, marks, rule.excludes, rule.exclude_window, start, end, lo, hi):
                    continue
                found.append((rule.label, doc[start:end]))
        found.sort(key=lambda h: (h[1].start, -h[1].end))
        return found


def _excluded(
    doc: Doc, marks: Marks, excludes: str, window: int | None, start: int, end: int, lo: int, hi: int
) -> bool:
    """Is an ``excludes`` hit in the clause (when the rule's ``exclude_window`` is set: overlapping
    the phrase or at most that many tokens away, no comma between)?"""
    if window is None:
        return bool(marks.within(excludes, lo, hi))
    for s, e in marks.within(excludes, lo, hi):
        if s < end and e > start:
            return True
    return _near(doc, marks, excludes, start, end, window, lo, hi)


def _near(doc: Doc, marks: Marks, label: str, start: int, end: int, window: int, lo: int, hi: int) -> bool:
    """Is a ``label`` hit within ``window`` tokens of ``start..end``, in ``lo..hi``, no comma between?"""
    for s, e in marks.within(label, max(lo, start - window - 8), min(hi, end + window + 8)):
        if s < end and e > start:
            continue  # overlaps the phrase itself
        gap = range(e, start) if e <= start else range(end, s)
        if len(gap) <= window and not any(doc[i].text in _SEPARATORS for i in gap):
            return True
    return False
