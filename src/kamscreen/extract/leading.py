"""People led in a job: a verb of leading and, a few words later in its clause, the people led.

The verbs and the people are ``lead`` / ``people`` phrases of ``lexicons/roles.yaml`` (matched with
the other role phrases): "Supervised, trained and evaluated 12 associates", "Managed and trained a
team of 6", "руководил отделом продаж", "management of 20 agents". Verbs joined by "and" or commas
share their object; in "responsible for training new managers" the nearer verb decides. Not
"supervised by", "under the supervision of", "worked with the team", "employee benefits".

>>> from kamscreen.nlp import make_doc
>>> from kamscreen.extract.roles import _lexicon
>>> doc = make_doc("Supervised, trained and evaluated 12 associates.", "en")
>>> hits = _lexicon().phrases.find(doc)
>>> [(e.text, leads) for e, leads in people_led(doc, hits)]
[('Supervised, trained and evaluated 12 associates', True)]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from kamscreen import lexicons
from kamscreen.extract.model import Evidence
from kamscreen.nlp import clause_bounds, doc_text
from kamscreen.nlp.phrases import PhraseHit

_JOINED = frozenset({"and", "&", ",", "/", "и", "или", "or"})  # "Supervised, trained and evaluated"


@dataclass(frozen=True)
class _Grammar:
    window: int  # tokens from the (last) verb to the people
    not_led: frozenset[str]  # right before the verb or after it: "under", "by"
    not_between: frozenset[str]  # between the verb and the people: "with"
    modified: frozenset[str]  # after an English people noun that is a modifier: "benefits"


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    m = lexicons.load("roles.yaml")["management"]
    lower = lambda values: frozenset(str(v).lower() for v in values)  # noqa: E731
    return _Grammar(int(m["people_window"]), lower(m["not_led"]), lower(m["not_between"]), lower(m["modified"]))


def people_led(doc: Doc, hits) -> list[tuple[Evidence, bool]]:
    """Verb-to-people spans among ``hits`` (role phrase hits of one block), each with whether a verb
    of leading (not only of teaching: "trained new hires") governs it."""
    g = _grammar()
    text = doc_text(doc)
    people = sorted((h for h in hits if h.group == "people"), key=lambda h: h.start)
    verbs = sorted((h for h in hits if h.group == "lead"), key=lambda h: h.start)
    found = []
    k = 0
    while k < len(verbs):
        chain = [verbs[k]]
        while k + 1 < len(verbs) and _joined(doc, chain[-1], verbs[k + 1]):
            k += 1
            chain.append(verbs[k])
        k += 1
        first, last = chain[0], chain[-1]
        before = {t.lower_ for t in doc[max(0, first.start - 2) : first.start]}
        if before & g.not_led or (last.end < len(doc) and doc[last.end].lower_ in g.not_led):
            continue  # "under the supervision of", "supervised by"
        stop = min(clause_bounds(doc, last.start)[1], last.end + g.window)
        if k < len(verbs):
            stop = min(stop, verbs[k].start)  # the nearer verb decides
        for led in (p for p in people if last.end <= p.start < stop):
            if {t.lower_ for t in doc[last.end : led.start]} & g.not_between:
                break  # "worked with the team"
            if _modifier(doc, led, g):
                continue  # "employee benefits"
            found.append((Evidence.of(text, first.start_char, led.end_char), any(v.label == "lead" for v in chain)))
            break
    return found


def _joined(doc: Doc, left: PhraseHit, right: PhraseHit) -> bool:
    """Are two verbs joined by "and" / commas only ("Managed and trained")?"""
    return right.start > left.end and all(t.lower_ in _JOINED for t in doc[left.end : right.start])


def _modifier(doc: Doc, led: PhraseHit, g: _Grammar) -> bool:
    """Is a one-word English people noun a modifier of the next word ("staff meetings")?"""
    return (
        led.end - led.start == 1
        and led.end < len(doc)
        and doc[led.start].text.isascii()
        and doc[led.end].lower_ in g.modified
    )
