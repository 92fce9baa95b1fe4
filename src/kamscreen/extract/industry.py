"""The industry of each job and of the whole career.

A job's industry comes from, in this order: the employer's name (``lexicons/companies.yaml``,
~1000 companies of Russia and multinationals), the hh.ru industry line of the job block
("Продукты питания" → fmcg), the words of the description (``lexicons/industries.yaml``),
else ``other``. The career's industry is the one with the most years.

>>> employer_industry("ООО «Нестле Россия»"), employer_industry("ПАО «МТС Банк»")
('fmcg', 'finance')
>>> hh_line_industry("Информационные технологии, системная интеграция, интернет... Показать еще")
'it'
>>> jobs = [Job("2017-12", None, True, None, None, industry="fmcg"),
...         Job("2012-01", "2017-11", False, None, None, industry="it")]
>>> by_years(jobs, dt.date(2025, 9, 1)), overall(jobs, dt.date(2025, 9, 1))
((IndustryYears(industry='fmcg', years=7.83), IndustryYears(industry='it', years=5.92)), 'fmcg')
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import yaml
from spacy.tokens import Doc

from kamscreen.extract.experience import months_union
from kamscreen.extract.model import INDUSTRIES, IndustryYears, Job
from kamscreen.nlp import doc_text
from kamscreen.nlp.patterns import PhraseLexicon
from kamscreen.resources import lexicon_path

_NON_WORD = re.compile(r"[^\w&+]+")
_CUT = re.compile(r"(\.\.\.|…)?\s*(показать\s+ещ[её])?\s*$", re.IGNORECASE)
_MIN_CUT = 12  # a cut-off hh.ru line must keep this many characters; shorter phrases match whole
_HEADER_LINES = 8  # where an hh.ru industry line may stand when the title is not found
_HEADER_CHARS = 120  # header lines are short (hh.ru industry lines reach ~100)
_BULLETS = frozenset("•·▪●◦‣∙○■□➢►✓✔*-–—")


def normalize_name(name: str) -> str:
    """Case, ё, accents, quotes and punctuation folded: ``"«Нестле» (Nestlé)"`` → ``"нестле nestle"``."""
    text = unicodedata.normalize("NFKD", name.lower().replace("ё", "е"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("&", " & ")
    return " ".join(_NON_WORD.sub(" ", text).split())


@dataclass(frozen=True)
class _Data:
    company_industry: dict[str, str]
    company_also: dict[str, tuple[str, ...]]  # alias → other industries it is listed under
    longest: int  # words in the longest alias
    hh_lines: tuple[tuple[str, str], ...]
    keywords: PhraseLexicon
    min_score: float


def _load(filename: str) -> dict:
    with open(lexicon_path(filename), encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


@lru_cache(maxsize=1)
def _data() -> _Data:
    aliases: dict[str, str] = {}
    also: dict[str, tuple[str, ...]] = {}
    further: list[tuple[str, str]] = []  # "+Name" lines: further listings of a company
    for industry, entries in _load("companies.yaml").items():
        if industry not in INDUSTRIES:
            raise ValueError(f"companies.yaml: unknown industry {industry!r}")
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
            also[key] = also.get(key, ()) + (industry,)
    longest = max((len(a.split()) for a in aliases), default=1)
    lex = _load("industries.yaml")
    hh = tuple((normalize_name(line), ind) for line, ind in lex["hh_lines"].items())
    for _, ind in hh:
        if ind not in INDUSTRIES:
            raise ValueError(f"industries.yaml: unknown industry {ind!r}")
    keywords = PhraseLexicon("industries", {"kw": lex["keywords"]})
    return _Data(aliases, also, longest, hh, keywords, float(lex["min_score"]))


def employer_industry(employer: str | None) -> str | None:
    """Industry of a known employer (the longest alias found in the name, as whole words), else None."""
    found = employer_industries(employer)
    return found[0] if found else None


def employer_industries(employer: str | None) -> tuple[str, ...]:
    """Every industry a known employer is listed under, its main one first (else ``()``)."""
    if not employer:
        return ()
    data = _data()
    words = normalize_name(employer).split()
    best = ""
    for i in range(len(words)):
        for j in range(min(len(words), i + data.longest), i, -1):
            alias = " ".join(words[i:j])
            if alias in data.company_industry:
                if len(alias) > len(best):
                    best = alias
                break
    return (data.company_industry[best], *data.company_also.get(best, ())) if best else ()


def hh_line_industry(line: str) -> str | None:
    """Industry of an hh.ru industry line (possibly cut with "... Показать еще"), else None."""
    text = normalize_name(_CUT.sub("", line.strip()))
    if not text:
        return None
    for phrase, industry in _data().hh_lines:
        if text == phrase or (len(phrase) >= _MIN_CUT and text.startswith(phrase + " ")):
            return industry
        if len(text) >= _MIN_CUT and phrase.startswith(text):
            return industry
    return None


def keyword_scores(doc: Doc, start: int, end: int) -> dict[str, float]:
    """Sum of distinct industry-keyword weights found in ``doc.text[start:end]``."""
    best: dict[tuple[str, str], float] = {}
    for hit in _data().keywords.find(doc):
        if start <= hit.start_char and hit.end_char <= end:
            key = (hit.label, hit.key)
            best[key] = max(best.get(key, 0.0), hit.weight)
    scores: dict[str, float] = {}
    for (label, _), weight in best.items():
        scores[label] = scores.get(label, 0.0) + weight
    return scores


def _header_lines(job: Job, block: str) -> tuple[list[str], list[str]]:
    """The short lines of a job's header: those before the title (where hh.ru prints the
    industry), and those up to two lines past it (employers may follow the title); without a
    title, the first few lines for both. Bullets end the header."""
    lines = block.splitlines()
    title = (job.title or "").strip()
    at = next((i for i, line in enumerate(lines[: _HEADER_LINES * 2]) if title and title in line), None)
    header: list[tuple[int, str]] = []
    for i, line in enumerate(lines[: _HEADER_LINES if at is None else at + 3]):
        stripped = line.strip()
        if stripped[:1] in _BULLETS:
            break
        if stripped and len(stripped) <= _HEADER_CHARS:
            header.append((i, stripped))
    before = [line for i, line in header if at is None or i < at]
    return before, [line for _, line in header]


def classify_job(job: Job, doc: Doc) -> str:
    """Industry of one job: employer name, then hh.ru industry line, then description words.

    ``job.description`` is the job's block in ``doc``; without it only the employer can tell.
    When the employer is unknown, a known company named on a header line still counts.
    """
    text = doc_text(doc)
    start, end = (max(0, job.description.start), min(len(text), job.description.end)) if job.description else (0, 0)
    found = employer_industries(job.employer)
    if found:
        return _pick(found, doc, start, end)
    if job.description is None:
        return "other"
    before_title, header = _header_lines(job, text[start:end])
    for line in before_title:
        found = hh_line_industry(line)
        if found and found != "other":  # "Услуги для бизнеса" says little: let the words decide
            return found
    for line in header:
        if line != (job.title or "").strip() and (found := employer_industries(line)):
            return _pick(found, doc, start, end)
    scores = keyword_scores(doc, start, end)
    if not scores:
        return "other"
    industry, score = max(scores.items(), key=lambda kv: kv[1])
    return industry if score >= _data().min_score else "other"


def _pick(candidates: tuple[str, ...], doc: Doc, start: int, end: int) -> str:
    """A company listed under several industries: the one its job's words speak for most
    (Henkel selling detergents to X5 is fmcg, Henkel Adhesives is manufacturing); else the first."""
    if len(candidates) == 1 or end <= start:
        return candidates[0]
    scores = keyword_scores(doc, start, end)
    best = max(candidates, key=lambda ind: (scores.get(ind, 0.0), -candidates.index(ind)))
    return best if scores.get(best, 0.0) > 0 else candidates[0]


def _month(ym: str) -> int:
    year, month = ym.split("-")
    return int(year) * 12 + int(month) - 1


def _months_by_industry(jobs: Iterable[Job], present: dt.date) -> dict[str, set[int]]:
    groups: dict[str, list[Job]] = {}
    for job in jobs:
        try:
            _month(job.start)
            if job.end is not None:
                _month(job.end)
        except (ValueError, AttributeError):
            continue
        groups.setdefault(job.industry, []).append(job)
    return {ind: months_union(js, present) for ind, js in groups.items()}


def by_years(jobs: Iterable[Job], present: dt.date) -> tuple[IndustryYears, ...]:
    """Years per industry (union of inclusive months; a current job ends at ``present``), most first."""
    months = _months_by_industry(jobs, present)
    ranked = sorted(months.items(), key=lambda kv: (-len(kv[1]), -max(kv[1], default=0), kv[0]))
    return tuple(IndustryYears(ind, round(len(m) / 12, 2)) for ind, m in ranked if m)


def overall(jobs: Iterable[Job], present: dt.date) -> str | None:
    """The industry with the most years; ties go to the most recent; ``other`` only if it is all."""
    jobs = tuple(jobs)
    if not jobs:
        return None
    months = {ind: m for ind, m in _months_by_industry(jobs, present).items() if m}
    named = {ind: m for ind, m in months.items() if ind != "other"}
    if not named:
        return "other"
    return max(named, key=lambda ind: (len(named[ind]), max(named[ind])))
