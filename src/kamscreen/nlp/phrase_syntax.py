"""The syntax of a lexicon phrase, and the spaCy token patterns it stands for.

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
  matches "ключевых федеральных клиентов". :class:`~kamscreen.nlp.phrases.PhraseLexicon` counts such a phrase once
  whatever words fill its gap.

A phrase may also spell alternatives, which :func:`expand_phrase` writes out: ``account(s)``,
``manag(e|ed)``, a hyphen for a space.

>>> expand_phrase("key account(s)")
['key account', 'key accounts']
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from spacy.language import Language

NUMBER_RE = re.compile(r"^[+~≈]?\d")
NUMBER = {"TEXT": {"REGEX": NUMBER_RE.pattern}}
GAP_WORDS = 2  # the most words a ``~`` stands for
GAP = {"OP": f"{{0,{GAP_WORDS}}}", "IS_PUNCT": False, "IS_SPACE": False}  # ``~`` for spaCy's Matcher
# words a ``~`` never skips: they join two phrases ("key accounts and new clients")
GAP_STOPS = ("and", "or", "but", "nor", "&", "и", "или", "а", "но", "либо", "да")
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


def is_wild(phrase: str) -> bool:
    """Does the phrase hold a mark (``#``, ``+#``, ``~``, ``word*``), not only words?"""
    return any(w in ("#", "+#", "~") or (w.endswith("*") and len(w) > 1) for w in phrase.split())


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
