"""The industry of each job and of the whole career.

A job's industry is read from the employer first: a known company (``lexicons/companies.yaml``,
~1000 companies of Russia and multinationals), the industry lines hh.ru prints under it
("Продукты питания" → fmcg; a bullet sub-line such as "• Кадровые агентства" is more precise),
a word of its name that says what kind of organisation it is ("… Bank", "Гостиница …", "County
of …"). Failing that, from what the job is about: its title ("Teacher", "Executive Chef",
"Frontend-разработчик") and the words of its block (``lexicons/industries.yaml``), each distinct
phrase counted once, when their sum reaches ``min_score`` and clearly beats the runner-up.
Otherwise the job's industry is unknown, and written ``other``.

The career's industry is the one with the most months among the jobs whose industry was found
(employer evidence outranks description words where jobs overlap).

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
from kamscreen.nlp import doc_text, make_doc
from kamscreen.nlp.patterns import PhraseHit, PhraseLexicon, expand_phrase
from kamscreen.resources import lexicon_path

_NON_WORD = re.compile(r"[^\w&+]+")
_CUT = re.compile(r"(\.\.\.|…)?\s*(показать\s+ещ[её])?\s*$", re.IGNORECASE)
_MIN_CUT = 12  # a cut-off hh.ru line must keep this many characters; shorter phrases match whole
_HEADER_LINES = 8  # where an hh.ru industry line may stand when the title is not found
_HEADER_CHARS = 120  # header lines are short (hh.ru industry lines reach ~100)
_BULLETS = frozenset("•·▪●◦‣∙○■□➢►✓✔*-–—")
_PLURAL = re.compile(r"(?<=\w\w\w)e?s\b")  # "students" and "student" are one phrase (English keeps its forms)
_NEUTRAL = "neutral"  # keywords that only keep the words inside them from counting
_NAME_WORDS = 8  # an employer longer than this is a misread sentence: its words say nothing
EMPLOYER, CONTENT, UNKNOWN = "employer", "content", "unknown"  # where a job's industry came from


def normalize_name(name: str) -> str:
    """Case, ё, accents, quotes and punctuation folded: ``"«Нестле» (Nestlé)"`` → ``"нестле nestle"``."""
    text = unicodedata.normalize("NFKD", name.lower().replace("ё", "е"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("&", " & ")
    return " ".join(_NON_WORD.sub(" ", text).split())


@dataclass(frozen=True)
class JobIndustry:
    """A job's industry, where it came from (``employer``, ``content`` or ``unknown``) and its
    score (the sum of the content phrases; employer evidence has none)."""

    industry: str
    source: str
    score: float = 0.0


@dataclass(frozen=True)
class _Data:
    company_industry: dict[str, str]
    company_also: dict[str, tuple[str, ...]]  # alias → other industries it is listed under
    longest: int  # words in the longest alias
    hh_lines: tuple[tuple[str, str], ...]
    name_words: tuple[tuple[tuple[str, ...], str], ...]  # employer-name phrase (words) → industry
    phrases: PhraseLexicon  # groups "title" and "function" (read in the job title), "words" (its block)
    min_score: float
    margin: float
    lean_score: float
    function_weight: float


def _load(filename: str) -> dict:
    with open(lexicon_path(filename), encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def _checked(industry: str, filename: str) -> str:
    if industry not in INDUSTRIES:
        raise ValueError(f"{filename}: unknown industry {industry!r}")
    return industry


@lru_cache(maxsize=1)
def _data() -> _Data:
    aliases: dict[str, str] = {}
    also: dict[str, tuple[str, ...]] = {}
    further: list[tuple[str, str]] = []  # "+Name" lines: further listings of a company
    for industry, entries in _load("companies.yaml").items():
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
            also[key] = also.get(key, ()) + (industry,)
    longest = max((len(a.split()) for a in aliases), default=1)
    lex = _load("industries.yaml")
    hh = tuple((normalize_name(line), _checked(ind, "industries.yaml")) for line, ind in lex["hh_lines"].items())
    names = tuple((tuple(_name_pattern(w) for w in spelling.split()), _checked(ind, "industries.yaml"))
                  for ind, phrases in lex["employer_words"].items()
                  for phrase in phrases for spelling in expand_phrase(str(phrase)))
    for group in ("titles", "keywords", "functions"):
        for ind in lex[group]:
            if ind != _NEUTRAL:
                _checked(ind, "industries.yaml")
    functions = {ind: {phrase: 1.0 for phrase in phrases} for ind, phrases in lex["functions"].items()}
    phrases = PhraseLexicon("industries", {"title": lex["titles"], "words": lex["keywords"], "function": functions})
    return _Data(aliases, also, longest, hh, names, phrases, float(lex["min_score"]), float(lex["margin"]),
                 float(lex["lean_score"]), float(lex["function_weight"]))


def _name_pattern(word: str) -> str:
    """One word of an employer_words phrase, normalised like names, its ``*`` marks kept."""
    core = normalize_name(word.strip("*")).replace(" ", "")
    return ("*" if word.startswith("*") else "") + core + ("*" if word.endswith("*") else "")


def employer_industry(employer: str | None) -> str | None:
    """Industry of a known employer (the longest alias found in the name, as whole words), else None."""
    found = employer_industries(employer)
    return found[0] if found else None


def employer_industries(employer: str | None) -> tuple[str, ...]:
    """Every industry a known employer is listed under, its main one first (else ``()``)."""
    return _company(employer)[1]


def _company(employer: str | None) -> tuple[list[str], tuple[str, ...]]:
    """The words of the employer's name outside its longest known alias (as whole words), and
    the alias's industries (``()`` when none is known)."""
    words = normalize_name(employer or "").split()
    data = _data()
    best = (0, 0)
    for i in range(len(words)):
        for j in range(min(len(words), i + data.longest), i, -1):
            if " ".join(words[i:j]) in data.company_industry:
                if j - i > best[1] - best[0]:
                    best = (i, j)
                break
    if best == (0, 0):
        return words, ()
    alias = " ".join(words[best[0]:best[1]])
    return words[:best[0]] + words[best[1]:], (data.company_industry[alias], *data.company_also.get(alias, ()))


def name_industry(employer: str | None) -> str | None:
    """Industry a word of the employer's name gives ("First National Bank" → finance,
    "Гостиница «Космос»" → hospitality, "Zonatelecom" → telecom), else None. In a phrase,
    ``word*`` matches any word starting so and ``*word`` any word ending so; a name of more than
    a few words (a misread sentence) says nothing."""
    return _name_industry(normalize_name(employer or "").split())


def _name_industry(words: list[str]) -> str | None:
    if not words or len(words) > _NAME_WORDS:
        return None
    for phrase, industry in _data().name_words:
        for i in range(len(words) - len(phrase) + 1):
            if all(_word_is(w, p) for w, p in zip(words[i:], phrase)):
                return industry
    return None


def _word_is(word: str, pattern: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    if pattern.startswith("*"):
        return word.endswith(pattern[1:])
    return word == pattern


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


def _header_lines(job: Job, block: str) -> tuple[list[str], list[str], list[str]]:
    """The short lines of a job's header: those before the title (where hh.ru prints the
    industry), the bullet lines among them (hh.ru's sub-industries in its PDF export), and those
    up to two lines past the title (employers may follow it); without a title, the first few
    lines. A bullet line that is not an industry line ends the header."""
    lines = block.splitlines()
    title = (job.title or "").strip()
    at = next((i for i, line in enumerate(lines[: _HEADER_LINES * 2]) if title and title in line), None)
    header: list[tuple[int, str]] = []
    subs: list[str] = []
    for i, line in enumerate(lines[: _HEADER_LINES if at is None else at + 3]):
        stripped = line.strip()
        if stripped[:1] in _BULLETS:
            sub = stripped.lstrip("".join(_BULLETS)).strip()
            if at is None or i >= at or hh_line_industry(sub) is None:
                break
            subs.append(sub)
        elif stripped and len(stripped) <= _HEADER_CHARS:
            header.append((i, stripped))
    before = [line for i, line in header if at is None or i < at]
    return before, subs, [line for _, line in header]


def _title_hits(job: Job, doc: Doc, start: int, end: int) -> list[PhraseHit]:
    """Title and function hits in the job's title: where the block writes it, else in the title alone."""
    title = (job.title or "").strip()
    if not title:
        return []
    text = doc_text(doc)
    at = text.find(title, start, end)
    if at < 0:
        doc, at = make_doc(title, doc.lang_), 0
    return [h for h in _data().phrases.find(doc)
            if h.group in ("title", "function") and at <= h.start_char and h.end_char <= at + len(title)]


@dataclass
class _Tally:
    """One industry's content evidence in a job: its score and how many distinct phrases make it."""

    score: float = 0.0
    phrases: int = 0


def _tallies(job: Job, doc: Doc) -> dict[str, _Tally]:
    """Per industry: the strongest title phrase plus the distinct words of the job's block (an
    English plural is its singular). A phrase inside a longer one counts only as that one ("bank"
    in "bank reconciliation", a neutral phrase). The words of the job's own function count
    ``function_weight`` of theirs: an accountant's "bank" and a system administrator's "servers"
    say what the person does, not what the employer does."""
    data = _data()
    start, end = _block(job, doc)
    tallies: dict[str, _Tally] = {}
    in_title = _title_hits(job, doc, start, end)
    functions = {h.label for h in in_title if h.group == "function"}
    for hit in in_title:
        if hit.group == "title":
            tally = tallies.setdefault(hit.label, _Tally(phrases=1))
            tally.score = max(tally.score, hit.weight)
    words = [h for h in data.phrases.find(doc) if h.group == "words" and start <= h.start_char and h.end_char <= end]
    best: dict[tuple[str, str], float] = {}
    for hit in words:
        if hit.label != _NEUTRAL and not any(o.start <= hit.start and hit.end <= o.end and o.end - o.start > hit.end - hit.start
                                             for o in words):
            key = (hit.label, _PLURAL.sub("", hit.key))
            weight = hit.weight * (data.function_weight if hit.label in functions else 1.0)
            best[key] = max(best.get(key, 0.0), weight)
    for (label, _), weight in best.items():
        tally = tallies.setdefault(label, _Tally())
        tally.score += weight
        tally.phrases += 1
    return tallies


def content_scores(job: Job, doc: Doc) -> dict[str, float]:
    """Per industry, the score of the job's title and words (see :func:`_tallies`)."""
    return {ind: t.score for ind, t in _tallies(job, doc).items()}


def _from_content(job: Job, doc: Doc) -> JobIndustry | None:
    """The industry the title and words speak for, when its score reaches ``min_score`` (alone,
    only a strong phrase does) and is at least ``margin`` times the runner-up's: one weak word of
    a long description does not decide, nor does a near tie."""
    ranked = sorted(_tallies(job, doc).items(), key=lambda kv: -kv[1].score)
    if not ranked:
        return None
    data = _data()
    (industry, best), runner_up = ranked[0], (ranked[1][1].score if len(ranked) > 1 else 0.0)
    if best.score < data.min_score or best.score < data.margin * runner_up:
        return None
    return JobIndustry(industry, CONTENT, best.score)


def _block(job: Job, doc: Doc) -> tuple[int, int]:
    """Character range of the job's block in ``doc`` (empty without one)."""
    if job.description is None:
        return 0, 0
    return max(0, job.description.start), min(len(doc_text(doc)), job.description.end)


def job_industry(job: Job, doc: Doc) -> JobIndustry:
    """Industry of one job and its source: the employer (known company, hh.ru industry line,
    a word of its name), else the job's title and words, else unknown.

    ``job.description`` is the job's block in ``doc``; without it only the employer can tell.
    When the employer is unknown, a known company named on a header line still counts.
    """
    rest, found = _company(job.employer)
    if found:  # "GE Money Bank": a word of the name beside the alias ("GE") is more precise
        return JobIndustry(_name_industry(rest) or _pick(found, job, doc), EMPLOYER)
    said_other = False
    if job.description is not None:
        text = doc_text(doc)
        before_title, subs, header = _header_lines(job, text[job.description.start:job.description.end])
        lines = [hh_line_industry(line) for line in subs + before_title]
        named = [ind for ind in lines if ind and ind != "other"]
        if named:
            return JobIndustry(named[0], EMPLOYER)
        said_other = "other" in lines  # "Услуги для бизнеса" says little: let the words decide
        for line in header:
            rest, found = _company(line)
            if found and line != (job.title or "").strip() and len(rest) <= len(normalize_name(line).split()) // 2:
                return JobIndustry(_pick(found, job, doc), EMPLOYER)
    if industry := name_industry(job.employer):
        return JobIndustry(industry, EMPLOYER)
    content = _from_content(job, doc) if job.description is not None or job.title else None
    if content is not None:
        return content
    return JobIndustry("other", EMPLOYER if said_other else UNKNOWN)


def classify_jobs(jobs: Iterable[Job], doc: Doc) -> tuple[JobIndustry, ...]:
    """The industry of each job of one CV (:func:`job_industry`); a job whose own evidence is
    too weak to decide takes the industry it leans to when another job of the CV is known to be
    in it (careers stay in an industry: a "District Manager" among store jobs is retail)."""
    verdicts = [job_industry(job, doc) for job in jobs]
    known = {v.industry for v in verdicts if v.source != UNKNOWN and v.industry != "other"}
    data = _data()
    for k, (job, verdict) in enumerate(zip(jobs, verdicts)):
        if verdict.source != UNKNOWN:
            continue
        ranked = sorted(content_scores(job, doc).items(), key=lambda kv: -kv[1])
        if not ranked:
            continue
        (industry, score), runner_up = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0.0)
        if industry in known and score >= data.lean_score and score >= data.margin * runner_up:
            verdicts[k] = JobIndustry(industry, CONTENT, score)
    return tuple(verdicts)


def classify_job(job: Job, doc: Doc) -> str:
    """Industry of one job (see :func:`job_industry`); ``other`` when unknown."""
    return job_industry(job, doc).industry


def _pick(candidates: tuple[str, ...], job: Job, doc: Doc) -> str:
    """A company listed under several industries: the one its job's words speak for most
    (Henkel selling detergents to X5 is fmcg, Henkel Adhesives is manufacturing); else the first."""
    if len(candidates) == 1 or job.description is None:
        return candidates[0]
    scores = content_scores(job, doc)
    best = max(candidates, key=lambda ind: (scores.get(ind, 0.0), -candidates.index(ind)))
    return best if scores.get(best, 0.0) > 0 else candidates[0]


def _valid(job: Job) -> bool:
    try:
        for ym in (job.start, job.end or "0000-01"):
            year, month = ym.split("-")
            if not 1 <= int(month) <= 12:
                return False
            int(year)
    except (ValueError, AttributeError):
        return False
    return True


def by_years(jobs: Iterable[Job], present: dt.date) -> tuple[IndustryYears, ...]:
    """Years per industry (union of inclusive months; a current job ends at ``present``), most first."""
    groups: dict[str, list[Job]] = {}
    for job in filter(_valid, jobs):
        groups.setdefault(job.industry, []).append(job)
    months = {ind: months_union(js, present) for ind, js in groups.items()}
    ranked = sorted(months.items(), key=lambda kv: (-len(kv[1]), -max(kv[1], default=0), kv[0]))
    return tuple(IndustryYears(ind, round(len(m) / 12, 2)) for ind, m in ranked if m)


def overall(jobs: Iterable[Job], present: dt.date, doc: Doc | None = None) -> str | None:
    """The industry with the most months (concurrent jobs count for each); ties go to the most recent.

    With the CV's ``doc`` (:func:`classify_jobs`), jobs whose industry is unknown do not count
    and a job known to be ``other`` (a hospital, a gym, "Услуги для населения") does; without it,
    ``other`` counts only if it is all there is. ``other`` when no job says; None without jobs.
    """
    jobs = tuple(jobs)
    if not jobs:
        return None
    dated = tuple(filter(_valid, jobs))
    if doc is None:
        found = [job.industry for job in dated]
        known = [ind != "other" for ind in found]
    else:
        verdicts = classify_jobs(dated, doc)
        found = [v.industry for v in verdicts]
        known = [v.source != UNKNOWN for v in verdicts]
    months: dict[str, set[int]] = {}
    for job, industry, said in zip(dated, found, known):
        if said:
            months.setdefault(industry, set()).update(months_union([job], present))
    if not months:
        return "other"
    return max(months, key=lambda ind: (len(months[ind]), max(months[ind])))
