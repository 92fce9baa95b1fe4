"""The industry lexicon (``lexicons/industries.yaml``, ``lexicons/companies.yaml``) and what it
says of names: a known company, a word of an employer's name, an hh.ru industry line.

>>> employer_industry("ООО «Нестле Россия»"), employer_industry("ПАО «МТС Банк»")
('fmcg', 'finance')
>>> hh_line_industry("Информационные технологии, системная интеграция, интернет... Показать еще")
'it'
>>> name_industry("First National Bank of Omaha"), name_industry("Zonatelecom")
('finance', 'telecom')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from kamscreen import lexicons
from kamscreen.extract.model import INDUSTRIES
from kamscreen.nlp import doc_text
from kamscreen.nlp.phrase_syntax import expand_phrase
from kamscreen.nlp.phrases import PhraseHit, PhraseLexicon

_NON_WORD = re.compile(r"[^\w&+]+")
_CUT = re.compile(r"(\.\.\.|…)?\s*(показать\s+ещ[её])?\s*$", re.IGNORECASE)
_MIN_CUT = 12  # a cut-off hh.ru line must keep this many characters; shorter phrases match whole
_NAME_WORDS = 8  # an employer name longer than this is a misread sentence: its words say nothing
NEUTRAL = "neutral"  # keywords of no industry: they only keep the words inside them from counting


def normalize_name(name: str) -> str:
    """Case, ё, accents, quotes and punctuation folded: ``"«Нестле» (Nestlé)"`` → ``"нестле nestle"``."""
    text = unicodedata.normalize("NFKD", name.lower().replace("ё", "е"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("&", " & ")
    return " ".join(_NON_WORD.sub(" ", text).split())


@dataclass(frozen=True)
class IndustryLexicon:
    """The two lexicons, read and compiled once (:func:`lexicon_data`)."""

    company_industry: dict[str, str]
    company_also: dict[str, tuple[str, ...]]  # alias → other industries it is listed under
    longest: int  # words in the longest alias
    hh_lines: tuple[tuple[str, str], ...]
    name_words: tuple[tuple[str, re.Pattern], ...]  # industry → its employer_words, one regex
    phrases: PhraseLexicon  # groups "title", "function" (read in a job's title), "place", "words" (its block)
    min_score: float
    margin: float
    lean_score: float
    function_weight: float
    client_weight: float
    organisations: frozenset[str]  # nouns an industry phrase may describe ("construction company")
    organisation_weight: float
    statement_cues: frozenset[str]  # "years", "experience": ... of its career
    statement_wishes: frozenset[str]  # "seeking": an objective, not a career
    workplace_words: frozenset[str]  # "throughout": before the company one works in
    statement_re: re.Pattern  # "industry", "sector" and organisation nouns: a CV stating its industry
    workplace_re: re.Pattern  # workplace words and "clients", "customers" (the company's people)
    placeholders: frozenset[str]  # "company name": the anonymised employer
    capitals: frozenset[str]  # acronyms that count only in capitals ("IT", not the pronoun "it")
    organisation_verbs: frozenset[str]  # "a firm providing ...": what it does follows
    determiners: frozenset[str]  # "a", "this": the only stop words before an employer's description
    organisation_re: re.Pattern  # organisation nouns in any case ("Major Entertainment Company")


def _checked(industry: str, where: str) -> str:
    if industry not in INDUSTRIES:
        raise ValueError(f"{where}: unknown industry {industry!r}")
    return industry


@lru_cache(maxsize=1)
def lexicon_data() -> IndustryLexicon:
    aliases: dict[str, str] = {}
    also: dict[str, tuple[str, ...]] = {}
    further: list[tuple[str, str]] = []  # "+Name" lines: further listings of a company
    for industry, entries in lexicons.load("companies.yaml").items():
        _checked(industry, "companies.yaml")
        for entry in entries or ():
            entry = str(entry).strip()
            for alias in entry.lstrip("+").split("|"):
                key = normalize_name(alias)
                if key and entry.startswith("+"):
                    further.append((key, industry))
                elif key:
                    aliases.setdefault(key, industry)
    for key, industry in further:
        if aliases.setdefault(key, industry) != industry and industry not in also.get(key, ()):
            also[key] = (*also.get(key, ()), industry)
    longest = max((len(a.split()) for a in aliases), default=1)
    lex = lexicons.load("industries.yaml")
    hh = tuple(
        (normalize_name(line), _checked(ind, "industries.yaml hh_lines")) for line, ind in lex["hh_lines"].items()
    )
    names = tuple(
        (_checked(ind, "industries.yaml employer_words"), _name_regex(phrases))
        for ind, phrases in lex["employer_words"].items()
    )
    for group in ("titles", "functions", "places", "keywords"):
        for ind in lex[group]:
            if ind != NEUTRAL:
                _checked(ind, f"industries.yaml {group}")
    functions = {ind: {phrase: 1.0 for phrase in phrases} for ind, phrases in lex["functions"].items()}
    phrases = PhraseLexicon(
        "industries", {"title": lex["titles"], "function": functions, "place": lex["places"], "words": lex["keywords"]}
    )
    return IndustryLexicon(
        aliases,
        also,
        longest,
        hh,
        names,
        phrases,
        float(lex["min_score"]),
        float(lex["margin"]),
        float(lex["lean_score"]),
        float(lex["function_weight"]),
        float(lex["client_weight"]),
        frozenset(str(w).lower() for w in lex["organisations"]),
        float(lex["organisation_weight"]),
        frozenset(str(w).lower() for w in lex["statement_cues"]),
        frozenset(str(w).lower() for w in lex["statement_wishes"]),
        frozenset(str(w).lower() for w in lex["workplace_words"]),
        _words_regex([*lex["statement_heads"], *lex["organisations"]]),
        _words_regex([*lex["workplace_words"], *lex["workplace_people"]]),
        frozenset(normalize_name(p) for p in lexicons.load("titles.yaml")["employer_placeholders"]),
        frozenset(str(w).lower() for w in lex["capitals"]),
        frozenset(str(w).lower() for w in lex["organisation_verbs"]),
        frozenset(str(w).lower() for w in lex["determiners"]),
        _words_regex(lex["organisations"]),
    )


def phrase_hits(doc: Doc) -> list[PhraseHit]:
    """The lexicon's phrases in ``doc``, but for an acronym of ``capitals`` not in capitals ("it"
    is a pronoun, "IT" an industry)."""
    data = lexicon_data()
    return [
        h
        for h in data.phrases.find(doc)
        if not (h.end - h.start == 1 and doc[h.start].lower_ in data.capitals and not doc[h.start].is_upper)
    ]


def _words_regex(words: Iterable[str]) -> re.Pattern:
    """One regex finding any of ``words`` as a whole word, in any case."""
    alternatives = sorted({re.escape(str(w)) for w in words}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:{})(?!\w)".format("|".join(alternatives)), re.IGNORECASE)


def tokens_at(regex: re.Pattern, doc: Doc, start: int, end: int) -> Iterable:
    """The first token of each match of ``regex`` in characters ``start``..``end`` of ``doc``."""
    for m in regex.finditer(doc_text(doc), start, end):
        span = doc.char_span(m.start(), m.end())
        if span is not None:
            yield span[0]


# --- names ------------------------------------------------------------------------------------


def employer_industry(employer: str | None) -> str | None:
    """Industry of a known employer (the longest alias found in the name, as whole words), else None."""
    found = employer_industries(employer)
    return found[0] if found else None


def employer_industries(employer: str | None) -> tuple[str, ...]:
    """Every industry a known employer is listed under, its main one first (else ``()``)."""
    return known_company(employer)[1]


@lru_cache(maxsize=4096)
def known_company(name: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of ``name`` outside its longest known alias (whole words), and the alias's
    industries (``()`` when no company is known)."""
    words = normalize_name(name or "").split()
    data = lexicon_data()
    best = (0, 0)
    for i in range(len(words)):
        for j in range(min(len(words), i + data.longest), i, -1):
            if " ".join(words[i:j]) in data.company_industry:
                if j - i > best[1] - best[0]:
                    best = (i, j)
                break
    if best == (0, 0):
        return tuple(words), ()
    alias = " ".join(words[best[0] : best[1]])
    return tuple(words[: best[0]] + words[best[1] :]), (data.company_industry[alias], *data.company_also.get(alias, ()))


def name_industry(employer: str | None) -> str | None:
    """Industry a word of the employer's name gives (``employer_words``), else None. In a phrase,
    ``word*`` matches a word starting so and ``*word`` one ending so; a name of more than a few
    words (a misread sentence) says nothing."""
    return words_industry(tuple(normalize_name(employer or "").split()))


def words_industry(words: tuple[str, ...]) -> str | None:
    if not words or len(words) > _NAME_WORDS:
        return None
    name = " ".join(words)
    return next((industry for industry, regex in lexicon_data().name_words if regex.search(name)), None)


def _name_regex(phrases: Iterable[str]) -> re.Pattern:
    """One regex for an industry's ``employer_words``, matched on a normalised name."""

    def word(w: str) -> str:
        core = re.escape(normalize_name(w.strip("*")).replace(" ", ""))
        return (r"\S*" if w.startswith("*") else "") + core + (r"\S*" if w.endswith("*") else "")

    spellings = {s for phrase in phrases for s in expand_phrase(str(phrase))}
    alternatives = sorted((" ".join(map(word, s.split())) for s in spellings), key=len, reverse=True)
    return re.compile(r"(?<!\S)(?:" + "|".join(alternatives) + r")(?!\S)")


def hh_line_industry(line: str) -> str | None:
    """Industry of an hh.ru industry line (possibly cut with "... Показать еще"), else None."""
    text = normalize_name(_CUT.sub("", line.strip()))
    if not text:
        return None
    for phrase, industry in lexicon_data().hh_lines:
        if text == phrase or (len(phrase) >= _MIN_CUT and text.startswith(phrase + " ")):
            return industry
        if len(text) >= _MIN_CUT and phrase.startswith(text):
            return industry
    return None
