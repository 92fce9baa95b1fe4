"""The industry of each job and of the whole career.

A job's industry is read from its employer first: a known company (``lexicons/companies.yaml``,
~1000 companies of Russia and multinationals), the industry lines hh.ru prints under it
("Продукты питания" → fmcg; a bullet sub-line such as "• Кадровые агентства" is more precise),
a word of its name that says what kind of organisation it is ("First National Bank",
"Гостиница «Космос»", "Zonatelecom"), or a line of the job's block that opens by describing
it ("Health care mechanical contracting firm", "A firm providing IT support"). Failing that, from
what the job is about: its title ("Teacher", "Executive Chef", "Frontend-разработчик") and the words of its block
(``lexicons/industries.yaml``), each distinct phrase counted once, when their sum reaches
``min_score`` and clearly beats the runner-up; a job's own function ("Accountant", "IT
Specialist") says what the person does, not where, so its words count less; an organisation the
block describes by its industry ("a $15 million construction company") decides the job alone.
Otherwise the job's industry is unknown and written ``other`` — unless the CV is known in the
industry its words lean to: another of its jobs is, or the CV says so of itself outside its jobs
("two years in the Retail industry"), which also decides when no job's industry is known.

The career's industry is the one with the most months among the jobs whose industry is known.

>>> jobs = [Job("2017-12", None, True, None, None, industry="fmcg"),
...         Job("2012-01", "2017-11", False, None, None, industry="it")]
>>> by_years(jobs, dt.date(2025, 9, 1)), overall(jobs, dt.date(2025, 9, 1))
((IndustryYears(industry='fmcg', years=7.83), IndustryYears(industry='it', years=5.92)), 'fmcg')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from kamscreen.extract.experience import months_union
from kamscreen.extract.industry_evidence import (
    content_scores,
    described_industry,
    heads_phrase,
    job_block,
    leader,
    stated_industries,
)
from kamscreen.extract.industry_lexicon import (
    hh_line_industry,
    known_company,
    lexicon_data,
    name_industry,
    normalize_name,
    tokens_at,
    words_industry,
)
from kamscreen.extract.model import IndustryYears, Job
from kamscreen.months import is_month
from kamscreen.nlp import doc_text

_HEADER_LINES = 8  # where an hh.ru industry line may stand when the title is not found
_HEADER_CHARS = 120  # header lines are short (hh.ru industry lines reach ~100)
_BULLETS = "•·▪●◦‣∙○■□➢►✓✔*-–—"
EMPLOYER, CONTENT, UNKNOWN = "employer", "content", "unknown"  # where a job's industry came from
_MEMO_KEY = "kamscreen.industry.jobs"  # doc.user_data: job → JobIndustry


@dataclass(frozen=True)
class JobIndustry:
    """A job's industry and where it came from: ``employer``, ``content`` (its title and words)
    or ``unknown`` (then the industry is ``other``)."""

    industry: str
    source: str


# --- the employer ------------------------------------------------------------------------------


def _header_lines(job: Job, block: str) -> tuple[list[str], list[str]]:
    """The short lines of a job's header: those before the title (where hh.ru prints the
    employer's industry, in its PDF export with bullet sub-lines, which come first), and those up
    to two lines past the title (employers may follow it); without a title, the first few lines.
    A bullet line that is not an hh.ru industry line ends the header."""
    lines = block.splitlines()
    title = (job.title or "").strip()
    at = next((i for i, line in enumerate(lines[: _HEADER_LINES * 2]) if title and title in line), None)
    header: list[tuple[int, str]] = []
    subs: list[str] = []
    for i, line in enumerate(lines[: _HEADER_LINES if at is None else at + 3]):
        stripped = line.strip()
        if stripped[:1] and stripped[:1] in _BULLETS:
            sub = stripped.lstrip(_BULLETS).strip()
            if (at is not None and i >= at) or hh_line_industry(sub) is None:
                break
            subs.append(sub)
        elif stripped and len(stripped) <= _HEADER_CHARS:
            header.append((i, stripped))
    before = [line for i, line in header if at is None or i < at]
    return subs + before, [line for _, line in header]


def _from_employer(job: Job, doc: Doc) -> JobIndustry | None:
    """The employer's industry: its known name ("GE Money Bank": a word of the name beside the
    alias "GE" is more precise), an hh.ru industry line, a known company on a header line (most
    of that line), a word of its name, a known company the block names as the workplace. An hh.ru
    line of an industry outside the list ("Услуги для населения") leaves the decision to the
    job's words, and says ``other`` if they are silent."""
    rest, found = known_company(job.employer)
    if found:
        return JobIndustry(words_industry(rest) or _pick(found, job, doc), EMPLOYER)
    if job.description is not None:
        text = doc_text(doc)
        lines, header = _header_lines(job, text[job.description.start : job.description.end])
        said = [ind for ind in map(hh_line_industry, lines) if ind]
        if any(ind != "other" for ind in said):
            return JobIndustry(next(ind for ind in said if ind != "other"), EMPLOYER)
        for line in header:
            rest, found = known_company(line)
            if found and line != (job.title or "").strip() and len(rest) <= len(normalize_name(line).split()) // 2:
                return JobIndustry(_pick(found, job, doc), EMPLOYER)
        if said:
            return _from_content(job, doc) or JobIndustry("other", EMPLOYER)
    if industry := name_industry(job.employer):
        return JobIndustry(industry, EMPLOYER)
    return _workplace_named(job, doc)


def _workplace_named(job: Job, doc: Doc) -> JobIndustry | None:
    """A known company that the block of a job outside B2B selling names as the workplace: right
    after a ``workplace_words`` word, ending its phrase ("employees throughout Kraft Foods", "within
    Wells Fargo"; not "at Walmart stores"), or right before its ``workplace_people`` ("Provide Honda
    clients a resource"): where the anonymised employer is. In B2B selling such a company is a
    client ("listings at Kroger", "trained Home Depot associates")."""
    if job.description is None or job.b2b:
        return None
    data = lexicon_data()
    start, end = job_block(job, doc)
    for tok in tokens_at(data.workplace_re, doc, start, end):
        after = tok.lower_ in data.workplace_words
        near = tok.i + 1 if after else tok.i - 1
        if not 0 <= near < len(doc) or (not doc[near].text[:1].isupper() and not doc[near].text[:1].isdigit()):
            continue  # the name beside it is written as names are ("Kraft Foods", "3M")
        if after:
            spans = [doc[tok.i + 1 : tok.i + 1 + k] for k in range(min(data.longest, len(doc) - tok.i - 1), 0, -1)]
            spans = [s for s in spans if s.end_char <= end and heads_phrase(doc, s.end - 1)]
        else:
            spans = [doc[tok.i - k : tok.i] for k in range(min(data.longest, tok.i), 0, -1)]
            spans = [s for s in spans if s.start_char >= start]
        alias = next((a for span in spans if (a := normalize_name(span.text)) in data.company_industry), None)
        if alias is not None:
            return JobIndustry(
                _pick((data.company_industry[alias], *data.company_also.get(alias, ())), job, doc), EMPLOYER
            )
    return None


def _pick(candidates: tuple[str, ...], job: Job, doc: Doc) -> str:
    """A company listed under several industries: the one its job's words speak for most
    (Henkel selling detergents to X5 is fmcg, Henkel Adhesives is manufacturing); else the first."""
    if len(candidates) == 1 or job.description is None:
        return candidates[0]
    scores = content_scores(job, doc)
    best = max(candidates, key=lambda ind: (scores.get(ind, 0.0), -candidates.index(ind)))
    return best if scores.get(best, 0.0) > 0 else candidates[0]


def _described(job: Job, doc: Doc) -> JobIndustry | None:
    """The anonymised employer's industry, from the organisation its block describes (:func:`described_industry`)."""
    industry = described_industry(job, doc)
    return JobIndustry(industry, EMPLOYER) if industry else None


def _from_content(job: Job, doc: Doc) -> JobIndustry | None:
    """The industry the title and words speak for, from ``min_score`` on (alone, only a strong
    phrase reaches it: one weak word of a long description does not decide)."""
    industry = leader(content_scores(job, doc), lexicon_data().min_score)
    return JobIndustry(industry, CONTENT) if industry else None


# --- jobs and career ---------------------------------------------------------------------------


def job_industry(job: Job, doc: Doc) -> JobIndustry:
    """Industry of one job and its source: the employer, else the job's title and words, else
    unknown. ``job.description`` is the job's block in ``doc``; without it only the employer tells.
    Remembered on the doc (the career's industry asks again)."""
    memo = doc.user_data.setdefault(_MEMO_KEY, {})
    key = (job.start, job.end, job.title, job.employer, job.description, job.b2b)
    if key not in memo:
        memo[key] = (
            _from_employer(job, doc) or _described(job, doc) or _from_content(job, doc) or JobIndustry("other", UNKNOWN)
        )
    return memo[key]


def classify_jobs(jobs: Sequence[Job], doc: Doc) -> tuple[str, ...]:
    """The industry of each job of one CV (:func:`job_industry`); a job of unknown industry whose
    words lean (from ``lean_score``) to an industry the CV is known in takes it: careers stay in an
    industry, a "District Manager" of "stores" among store jobs is retail. The CV is known in the
    industries of its other jobs and in those it states of itself (:func:`stated_industries`);
    when no job's industry is known and the CV states one industry, every job is in it."""
    found = [job_industry(job, doc) for job in jobs]
    stated = stated_industries(jobs, doc)
    known = {f.industry for f in found if f.source != UNKNOWN} - {"other"}
    if not known and len(stated) == 1:
        return tuple(stated[0] if f.source == UNKNOWN else f.industry for f in found)
    known |= set(stated)
    lean = lexicon_data().lean_score
    industries = []
    for job, f in zip(jobs, found, strict=True):
        leaning = leader(content_scores(job, doc), lean) if f.source == UNKNOWN and known else None
        industries.append(leaning if leaning in known else f.industry)
    return tuple(industries)


def _valid(job: Job) -> bool:
    """Are the job's months readable (``YYYY-MM``)?"""
    return job.start is not None and is_month(job.start) and (job.end is None or is_month(job.end))


def by_years(jobs: Iterable[Job], present: dt.date) -> tuple[IndustryYears, ...]:
    """Years per industry (union of inclusive months; a current job ends at ``present``), most first."""
    groups: dict[str, list[Job]] = {}
    for job in filter(_valid, jobs):
        groups.setdefault(job.industry, []).append(job)
    months = {ind: months_union(js, present) for ind, js in groups.items()}
    ranked = sorted(months.items(), key=lambda kv: (-len(kv[1]), -max(kv[1], default=0), kv[0]))
    return tuple(IndustryYears(ind, round(len(m) / 12, 2)) for ind, m in ranked if m)


def overall(jobs: Iterable[Job], present: dt.date, doc: Doc | None = None) -> str | None:
    """The industry with the most months (concurrent jobs count for each); ties go to the most
    recent. A job of industry ``other`` counts when ``doc`` shows it known to be other (a
    hospital, a gym, "Услуги для населения"), not when its industry is unknown; without ``doc``
    it never does. ``other`` when no job's industry is known; None without jobs."""
    jobs = tuple(jobs)
    if not jobs:
        return None
    months: dict[str, set[int]] = {}
    for job in filter(_valid, jobs):
        if job.industry != "other" or (doc is not None and job_industry(job, doc).source != UNKNOWN):
            months.setdefault(job.industry, set()).update(months_union([job], present))
    if not months:
        return "other"
    return max(months, key=lambda ind: (len(months[ind]), max(months[ind], default=0)))
