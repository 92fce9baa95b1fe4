"""The team-size grammar, compiled once per pipeline from ``lexicons/team.yaml``: the token shapes
of a count (COUNT, UNIT_OF, N_PERSON, ITEM) and the lexicon's context marks (LEAD, UNIT, PEOPLE...)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc

from kamscreen import lexicons
from kamscreen.extract.team_numbers import DIGITS, NumberWords
from kamscreen.nlp import doc_text, get_nlp
from kamscreen.nlp.matcher import LexiconMatcher, load_matcher
from kamscreen.nlp.phrase_syntax import expand_phrase

LEXICON = "team.yaml"
_DIGIT_TOKEN = {"TEXT": {"REGEX": DIGITS.pattern}}
_SPACE = {"IS_SPACE": True, "OP": "?"}  # a line wrap
_DASH = {"TEXT": {"IN": ["-", "–", "—"]}, "OP": "?"}
_PAREN: list[dict[str, Any]] = [
    {"TEXT": "(", "OP": "?"},
    dict(_DIGIT_TOKEN, OP="?"),
    {"TEXT": ")", "OP": "?"},
]  # "twelve (12)"
_ACRONYM = {"IS_UPPER": True, "IS_ALPHA": True, "LENGTH": {">=": 2, "<=": 5}}  # "5 LVN, 4 RT and 4 CNA staff"
_LONG_WORD = re.compile(r"(?<![\w-])[^\W\d_]{9,}\b")  # a glued word: three letters and a plural of five
_GLUED = {"IS_ALPHA": True, "LENGTH": {">=": 9}}  # its token in a shape; its PEOPLE mark decides
MODIFIER = re.compile(r"^(?:[^\W\d_]+|[-/])$")  # words, hyphens, slashes: "new full-time", "sales/service"


@dataclass(frozen=True)
class TeamGrammar:
    """Compiled team-size grammar of one pipeline: token shapes whose nouns are checked against
    the lexicon marks (a shape ends on the last word of a people phrase, which a PEOPLE mark must
    end on: "85 team members")."""

    shapes: Matcher  # COUNT / UNIT_OF / N_PERSON / ITEM
    context: LexiconMatcher  # LEAD / UNIT / PLURAL_UNIT / SIZE / MEMBER / SELF / PEOPLE / ONE_PERSON / ...
    number: NumberWords
    articles: frozenset[str]
    joiners: frozenset[str]
    approx: frozenset[str]
    modifier_stops: frozenset[str]
    max_modifiers: int
    lead_before: int
    role_window: int
    assist_window: int
    lead_after: int  # tokens after the people noun where a LEAD_AFTER phrase may stand
    unit_window: int
    min_size: int
    max_size: int
    glued_tails: tuple[str, ...]  # plural people nouns a glued word may end on


def _expand(phrases: list, plurals: bool = False) -> list[str]:
    """Lexicon phrases with their ``(s)`` / ``(a|b)`` spellings, English nouns in the plural
    when ``plurals``."""
    out: list[str] = []
    for phrase in phrases:
        for spelling in expand_phrase(str(phrase)):
            *head, last = spelling.split(" ")
            if plurals and last.isascii() and last.isalpha():
                out.append(" ".join([*head, _plural(last)]))
            else:
                out.append(spelling)
    return list(dict.fromkeys(out))


def _plural(word: str) -> str:
    """English plural of a noun: "technician" → "technicians", "foreman" → "foremen"."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return word[:-1] + "ies"
    return word + "s"


def _glued_tails(people: list) -> tuple[str, ...]:
    """English plural people nouns of five letters or more, longest first: the heads a glued word
    may end on (:func:`glued_marks`)."""
    nouns = {_plural(str(w)) for w in people if str(w).isascii() and str(w).isalpha() and len(str(w)) >= 5}
    return tuple(sorted(nouns, key=len, reverse=True))


def glued_marks(doc: Doc, tails: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """PEOPLE marks of words glued to a plural people noun (``tails``), as a PDF's text layer
    writes "3 additionaltechnicians" (no glyph gap). English compounds end on their head noun, so
    such a token names people whatever the three or more letters before ("subcontractors",
    "steelworkers"); it reads like "additional technicians"."""
    marks = []
    for m in _LONG_WORD.finditer(doc_text(doc)):
        word = m.group().lower()
        if word.endswith(tails) and len(word) - len(next(t for t in tails if word.endswith(t))) >= 3:
            span = doc.char_span(m.start(), m.end())
            if span is not None:
                marks.append(("PEOPLE", span.start, span.end))
    return marks


def _last_lemmas(nlp, phrases: list[str]) -> list[str]:
    """The lemma of the last word of each phrase: what a shape ends on."""
    return sorted({[t.lemma_ for t in doc if not t.is_space][-1] for doc in nlp.pipe(phrases) if len(doc)})


def _words(lex: dict, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in lex[key])


@cache
def grammar(lang: str) -> TeamGrammar:
    nlp = get_nlp(lang)
    lex = lexicons.load(LEXICON)
    numbers = {str(k).lower(): int(v) for k, v in lex["numbers"].items()}
    multipliers = {str(k).lower(): int(v) for k, v in lex["multipliers"].items()}
    links, approx, range_words = _words(lex, "number_links"), _words(lex, "approx"), _words(lex, "range_words")
    number_words = sorted(set(numbers) | set(multipliers))
    number: list[dict[str, Any]] = [  # "12", "20+", "10–15", "семью", "one hundred and thirty two", "forty-two (42)"
        {
            "LEMMA": {
                "REGEX": r"^(?:[~≈+]?\d[\d,–—+-]*(?:-[а-я]+)?|(?:{})-?)$".format("|".join(map(re.escape, number_words)))
            }
        },
        {"LEMMA": {"IN": number_words + sorted(links)}, "OP": "*"},
        *_PAREN,
        {"TEXT": "+", "OP": "?"},
    ]
    many = _expand(lex["people"], plurals=True) + _expand(lex["invariant"])
    units = _expand(lex["unit"] + lex["size_keys"])
    plural_units = _expand(lex["plural_unit"], plurals=True)
    modifier_stops = _words(lex, "not_modifiers")
    modifiers = {
        "TEXT": {"REGEX": MODIFIER.pattern},
        "LOWER": {"NOT_IN": sorted(modifier_stops)},
        "OP": f"{{0,{int(lex['max_modifiers'])}}}",
    }  # words and hyphens: "new full-time"
    per_person = [str(w) for w in lex["per_person"]]
    n_person = re.compile(
        r"(?i)^(\d{{1,4}})-(?:{})$".format("|".join(per_person))
    )  # the ru tokenizer keeps "10-person"
    list_item = {"LEMMA": {"IN": sorted(_words(lex, "list_items"))}}
    shapes = Matcher(nlp.vocab)
    count = [
        *number,
        {"LOWER": {"IN": sorted(range_words)}, "OP": "?"},
        dict(_DIGIT_TOKEN, OP="?"),
        {"TEXT": "+", "OP": "?"},
        _DASH,
        _SPACE,
        modifiers,
        _SPACE,
    ]
    shapes.add("COUNT", [[*count, {"LEMMA": {"IN": _last_lemmas(nlp, many)}}], [*count, _GLUED]])
    shapes.add(
        "UNIT_OF",
        [
            [
                {"LEMMA": {"IN": _last_lemmas(nlp, units + plural_units)}},
                _SPACE,
                {"LOWER": {"IN": sorted(_words(lex, "unit_links"))}, "OP": "{0,2}"},
                _SPACE,
                {"LOWER": {"IN": sorted(approx)}, "OP": "*"},
                *number,
            ]
        ],
    )
    shapes.add("N_PERSON", [[*number, _DASH, {"LOWER": {"IN": per_person}}], [{"TEXT": {"REGEX": n_person.pattern}}]])
    shapes.add(
        "ITEM",
        [
            [_DIGIT_TOKEN, _ACRONYM, dict(_ACRONYM, OP="?")],
            [_DIGIT_TOKEN, list_item],
            [_DIGIT_TOKEN, list_item, {"TEXT": "-"}, {"IS_ALPHA": True}],
        ],
    )  # "5 part-time"
    context = load_matcher(
        nlp,
        {
            "LEAD": _expand(lex["lead"]),
            "LEAD_AFTER": _expand(lex["lead_after"]),
            "SELF": _expand(lex["self_lead"]),
            "LEAD_ROLE": _expand(lex["lead_roles"]),
            "UNIT": units,
            "PLURAL_UNIT": plural_units,
            "SIZE": _expand(lex["size_keys"]),
            "MEMBER": _expand(lex["member"]),
            "PEOPLE": many,
            "ONE_PERSON": _expand(lex["people"] + lex["invariant"]),
            "NOT_PEOPLE": _expand(lex["not_people"]) + _expand(lex["not_people"], plurals=True),
            "BENEFICIARY": _expand(lex["beneficiary"]),
            "ACTIVITY": _expand(lex["activities"]),
            "ASSIST": _expand(lex["assisting"]),
        },
    )
    context.add_regex("PEOPLE", r"\b\d{{1,4}}\s?-\s?(?:{})\b".format("|".join(per_person)), re.IGNORECASE)
    return TeamGrammar(
        shapes,
        context,
        NumberWords(numbers, multipliers, links, range_words, _words(lex, "growth_from"), n_person),
        _words(lex, "articles"),
        _words(lex, "joiners"),
        approx,
        modifier_stops,
        int(lex["max_modifiers"]),
        int(lex["lead_window_before"]),
        int(lex["role_window"]),
        int(lex["assist_window"]),
        int(lex["lead_window_after"]),
        int(lex["unit_window"]),
        int(lex["min_size"]),
        int(lex["max_size"]),
        _glued_tails(lex["people"]),
    )
