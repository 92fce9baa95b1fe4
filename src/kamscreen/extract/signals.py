"""Signals: competency and working-style markers, each with the phrase that shows it.

KAM markers (conflict_resolution, stakeholders, strategic, presentation, negotiation,
key_accounts, long_relationships, tenders) and sales markers (cold_calls, lead_generation,
deal_volume, many_clients) are lemma rules in ``lexicons/signals.yaml``; many_clients is a client
count of at least 50 ("база 150 клиентов", "portfolio of 120 accounts"). One signal per kind and
clause, in text order.

>>> from kamscreen.nlp import make_doc
>>> [(s.kind, s.evidence.text) for s in find_signals(make_doc("Вёл переговоры с сетями", "ru"))]
[('negotiation', 'переговоры')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from kamscreen import lexicons
from kamscreen.extract.model import MANY_CLIENTS, Evidence, Signal
from kamscreen.nlp import clause_bounds, doc_text, get_nlp
from kamscreen.nlp.matcher import LexiconMatcher, load_matcher
from kamscreen.nlp.phrase_syntax import phrase_patterns
from kamscreen.nlp.rules import RuleSet

LEXICON = "signals.yaml"
_COUNT = re.compile(r"^[~≈+]?(\d{1,3}(?:[   ]?\d{3})*|\d+)\+?$")
_COUNT_TOKEN = {"TEXT": {"REGEX": r"^[~≈+]?\d[\d   ]*\+?$"}}
_APPROX = {
    "LOWER": {
        "IN": [
            "более",
            "свыше",
            "около",
            "over",
            "more",
            "than",
            "чем",
            "about",
            "approximately",
            "of",
            ":",
            "—",
            "-",
            "из",
            "в",
        ]
    },
    "OP": "*",
}


@dataclass(frozen=True)
class _Grammar:
    rules: RuleSet
    anchors: LexiconMatcher  # client nouns / client-base phrases: where counts may stand
    clients: Matcher  # run only on the clauses holding an anchor
    min_clients: int


@cache
def _grammar(lang: str) -> _Grammar:
    nlp = get_nlp(lang)
    lex = lexicons.load(LEXICON)
    many = lex[MANY_CLIENTS]
    clients = Matcher(nlp.vocab)
    nouns = phrase_patterns(nlp, many["client_nouns"])
    clients.add("COUNT", [[_COUNT_TOKEN, {"IS_ALPHA": True, "OP": "?"}, *n] for n in nouns])
    clients.add("BASE", [[*b, _APPROX, _COUNT_TOKEN] for b in phrase_patterns(nlp, many["base_phrases"])])
    anchors = load_matcher(nlp, {"CLIENTS": many["client_nouns"] + many["base_phrases"]})
    return _Grammar(RuleSet(nlp, lex["kinds"]), anchors, clients, int(many["min"]))


def find_signals(doc: Doc) -> tuple[Signal, ...]:
    """Every marker found, once per kind and clause, in text order."""
    g = _grammar(doc.lang_)
    hits = list(g.rules.find(doc)) + [(MANY_CLIENTS, span) for span in _client_counts(doc, g)]
    hits.sort(key=lambda h: (h[1].start, -h[1].end))
    seen: set[tuple[str, int]] = set()
    signals = []
    for kind, span in hits:
        key = (kind, clause_bounds(doc, span.start)[0])
        if key in seen:
            continue
        seen.add(key)
        signals.append(Signal(kind, Evidence.of(doc_text(doc), span.start_char, span.end_char)))
    return tuple(signals)


def _client_counts(doc: Doc, g: _Grammar) -> list[Span]:
    """Spans stating a client count of at least ``g.min_clients``."""
    found = []
    clauses = sorted({clause_bounds(doc, start) for _, start, _ in g.anchors(doc)})
    matches = [(m, lo + s, lo + e) for lo, hi in clauses for m, s, e in g.clients(doc[lo:hi])]
    for match_id, start, end in matches:
        label = doc.vocab.strings[match_id]
        token = doc[start] if label == "COUNT" else doc[end - 1]
        m = _COUNT.match(token.text)
        if m and _is_count(doc, token) and int(re.sub(r"\D", "", m.group(1))) >= g.min_clients:
            found.append(doc[start:end])
    return found


def _is_count(doc: Doc, token) -> bool:
    """Not the tail of a range, a decimal or a year ("2019 clients" is a date, not a count)."""
    value = re.sub(r"\D", "", token.text)
    return not (len(value) == 4 and value[:2] in ("19", "20"))
