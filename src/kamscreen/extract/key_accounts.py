"""Evidence that the accounts of a job were key accounts, beyond the phrases of ``lexicons/roles.yaml``.

* A client named beside the accounts the candidate ran: "co-managed the Walmart and Sam's Club
  accounts", "for the QVC account" (names before the noun), "вела сети «Магнит» и «Лента»",
  "ведение аккаунтов Danone и Nestle" (names after it, in quotes or Latin letters), with a verb of
  ownership earlier in the clause.
* A well-known large client (a retail chain or distributor that is a key account of its suppliers),
  matched as written.
* The words just before a key-account phrase: acquisition ("identified key clients", "привлечение
  крупных клиентов") makes it new business, ownership ("handled all major accounts", "вела
  ключевых клиентов") makes it count more.

>>> from kamscreen.nlp import make_doc
>>> doc = make_doc("Co-managed the Walmart and Sam's Club accounts.", "en")
>>> [doc.text[a:b] for a, b, _ in named_accounts(doc)], [doc.text[a:b] for a, b in large_clients(doc)]
(["Walmart and Sam's Club accounts"], ['Walmart', "Sam's Club"])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from kamscreen import lexicons
from kamscreen.nlp import clause_bounds, doc_text

_QUOTES = frozenset({"«", "»", '"', "“", "”"})
_OPENING = frozenset({"«", "“"})
_POSSESSIVE = frozenset({"'s", "’s"})


@dataclass(frozen=True)
class Words:
    """A word list of the lexicon: lemmas or lower-case forms, and ``word*`` starts."""

    exact: frozenset[str]
    starts: tuple[str, ...]

    @classmethod
    def of(cls, words) -> Words:
        words = [str(w).lower() for w in words]
        return cls(frozenset(w for w in words if not w.endswith("*")), tuple(w[:-1] for w in words if w.endswith("*")))

    def __contains__(self, token: Token) -> bool:
        forms = (token.lower_, token.lemma_.lower())
        return any(f in self.exact or (self.starts and f.startswith(self.starts)) for f in forms)


@dataclass(frozen=True)
class KeyAccountWords:
    """The ``roles.yaml`` data of this module."""

    acquisition: Words
    acquisition_weight: float
    acquisition_window: int
    ownership: Words
    ownership_weight: float
    ownership_window: int
    named_weight: float
    named_window: int
    before: frozenset[str]
    after: frozenset[str]
    single: frozenset[str]
    single_weight: float
    joiners: frozenset[str]
    not_names: frozenset[str]
    large: re.Pattern
    large_weight: float


@lru_cache(maxsize=1)
def words() -> KeyAccountWords:
    data = lexicons.load("roles.yaml")
    key, named, large = data["key_account_words"], data["named_accounts"], data["large_clients"]
    names = sorted((str(n) for n in large["names"]), key=len, reverse=True)
    lower = lambda values: frozenset(str(v).lower() for v in values)  # noqa: E731
    return KeyAccountWords(
        Words.of(key["acquisition"]),
        float(key["acquisition_weight"]),
        int(key["acquisition_window"]),
        Words.of(key["ownership"]),
        float(key["ownership_weight"]),
        int(key["ownership_window"]),
        float(named["weight"]),
        int(named["window"]),
        lower(named["before"]),
        lower(named["after"]),
        lower(named["single"]),
        float(named["single_weight"]),
        frozenset(named["joiners"]),
        lower(named["not_names"]),
        re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)"),
        float(large["weight"]),
    )


def preceded_by(doc: Doc, i: int, found: Words, window: int) -> bool:
    """Is one of ``found`` among the ``window`` tokens before token ``i``, in its clause?"""
    lo = max(clause_bounds(doc, i)[0], i - window)
    return any(doc[k] in found for k in range(lo, i))


def _is_name(token: Token, w: KeyAccountWords) -> bool:
    text = token.text
    return text[:1].isupper() and token.lower_ not in w.not_names and any(c.isalpha() for c in text)


def _names_before(doc: Doc, i: int, w: KeyAccountWords) -> int | None:
    """First token of the names right before token ``i`` ("Walmart and Sam's Club" account)."""
    first = None
    lo = clause_bounds(doc, i)[0]
    for j in range(i - 1, lo - 1, -1):
        if _is_name(doc[j], w):
            first = j
        elif not ((first is not None or doc[j].lower_ in _POSSESSIVE) and doc[j].text in w.joiners):
            break  # a joiner needs a name after it, but "Kohl's accounts" ends in one
    # a capitalised first word of a clause may be a verb ("Managed accounts")
    return first if first is not None and first > lo else None


def _names_after(doc: Doc, i: int, w: KeyAccountWords) -> int | None:
    """End of the names right after token ``i``: Latin ones or in quotes (сети «Магнит» и «Лента»)."""
    end = None
    quoted = False
    for j in range(i + 1, clause_bounds(doc, i)[1]):
        t = doc[j]
        if t.text in _QUOTES:
            quoted = t.text in _OPENING or (t.text == '"' and not quoted)
        elif _is_name(t, w) and (quoted or t.text[0].isascii()):
            end = j + 1
        elif not (end is not None and t.text in w.joiners):
            break
    return end


def named_accounts(doc: Doc) -> tuple[tuple[int, int, bool], ...]:
    """Character ranges of clients named beside the accounts the candidate owned, and whether one
    account is named ("the QVC account") (cached per doc)."""
    cached = doc.user_data.get("kamscreen.key_accounts.named")
    if cached is not None:
        return cached
    w = words()
    strings = doc.vocab.strings
    table = doc.to_array([LOWER, LEMMA])
    before = numpy.isin(table[:, 0], [strings.add(x) for x in w.before])
    after = numpy.isin(table[:, 1], [strings.add(x) for x in w.after])
    out = []
    for i in numpy.flatnonzero(before | after).tolist():
        span = None
        if before[i] and doc[i].is_lower:  # running text, not a title line ("Key Account Manager")
            first = _names_before(doc, i, w)
            span = (first, i + 1) if first is not None else None
        elif after[i]:
            end = _names_after(doc, i, w)
            span = (i, end) if end is not None else None
        if span and preceded_by(doc, span[0], w.ownership, w.named_window):
            out.append((doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1]), doc[i].lower_ in w.single))
    cached = doc.user_data["kamscreen.key_accounts.named"] = tuple(out)
    return cached


def large_clients(doc: Doc) -> tuple[tuple[int, int], ...]:
    """Character ranges of the well-known large clients named in the doc (cached)."""
    cached = doc.user_data.get("kamscreen.key_accounts.large")
    if cached is None:
        cached = doc.user_data["kamscreen.key_accounts.large"] = tuple(
            m.span() for m in words().large.finditer(doc_text(doc))
        )
    return cached
