"""Job timeline: the positions of a CV, each a period with its title, employer and block of text.

Periods come from the period grammar (:mod:`kamscreen.extract.dates`), searched in the experience
section(s) when the parser found them, else in the whole text without its education sections.
A period is a job when it heads a block: it stands on a short line or starts one (an inline
"in 2015–2017 we..." inside a paragraph is not a job), and its header does not read as
education (a degree, or a school with no job title), a course, a certificate, an award or
volunteer work (``lexicons/titles.yaml``). An open-ended start ("Since 2016", "с марта 2016 г.")
is a current job only on a header line that names a title or an employer; a single month date
heads a job where a period would ("Intern 01/2013"), counted as that month. Headers are read by
:mod:`kamscreen.extract.job_header`; in an hh.ru export, periods without the export's header
(dates quoted inside descriptions) are not jobs.

Section structure: a period inside the job before it, written another way or without a title, is
a stage of that job ("2014 - 2015" under "Jan 2007 to Jan 2015"); a work history the PDF prints
twice counts once (a run of repeated headers, or one with the same text), while one repeated
header with another text is a concurrent role. :func:`read` also gives the warnings a reader
needs: no readable job ("could not be read": years unknown, not zero), a period written end
first, a single date, dates after the document date (kept, their months not counted).

A position the CV gives no dates ("General Sales Manager" / "Company Name City , State" after the
description of the job above) is a job of the experience section with ``start`` None: counted
among the jobs, not in the months, and warned about.

>>> import datetime as dt                                                   # doctest: +SKIP
>>> find_jobs(parse("cv.pdf"), dt.date(2025, 9, 1))[0].start                # doctest: +SKIP
'2017-04'
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass

from kamscreen.extract.dates import Period, find_dates, find_periods
from kamscreen.extract.header_patterns import SENTENCE_RE, header_words
from kamscreen.extract.header_segments import names_a_course, names_a_position, short_line
from kamscreen.extract.hh_header import is_hh_header, read_hh
from kamscreen.extract.job_header import (
    Header,
    UndatedHeader,
    above_period,
    header_like,
    read_generic,
    single_date_header,
    undated_header,
)
from kamscreen.extract.lines import Lines, line_shape, period_lines, runs_on
from kamscreen.extract.model import Evidence, Job
from kamscreen.months import month_str
from kamscreen.parse.model import ParsedCV
from kamscreen.parse.sections import find_sections, heading_lines, inside_experience, normalise_header

SINCE_LINE_MAX = 80  # an open-ended start counts on a header line at most this long besides it
SAME_TEXT_CHARS = 300  # a job printed twice: the same header and the same opening of its text


def _below_period(lines: Lines, k: int, taken: set[int]) -> bool:
    """Whether the nearest non-empty line above line ``k`` (at most two lines up) holds a period."""
    for m in range(k - 1, max(-1, k - 3), -1):
        if lines.line(m).strip():
            return m in taken
    return False


def _same_title(a: str | None, b: str | None) -> bool:
    """Two titles with the same words, whatever their case and separators."""
    return a is not None and b is not None and _words(a) == _words(b)


def _words(title: str) -> frozenset[str]:
    return frozenset(re.findall(r"[^\W_]+", title.lower()))


def _regions(parsed: ParsedCV, periods: list[Period]) -> list[tuple[int, int]]:
    """Where jobs are looked for: the experience sections (the parser's, else those of the text's
    headings), else the text minus its education sections."""
    sections = parsed.sections or find_sections(parsed.text)
    experience = [(s.start, s.end) for s in sections if s.name == "experience"]
    if experience and any(a <= p.span[0] < b for p in periods for a, b in experience):
        return experience
    regions, cursor = [], 0
    for section in sorted((s for s in sections if s.name == "education"), key=lambda s: s.start):
        if section.start > cursor:
            regions.append((cursor, section.start))
        cursor = max(cursor, section.end)
    regions.append((cursor, len(parsed.text)))
    return regions


def _not_a_job(header: Header, lines: Lines) -> bool:
    """A period whose header names a school or degree and no job title is education; one whose
    header names a certificate, an award or volunteer work is not a job either."""
    w = header_words()
    i = lines.index(header.period.span[0])
    own = lines.line(i)
    after = next((line for line in (lines.line(k) for k in range(i + 1, min(len(lines), i + 3))) if line.strip()), "")
    if any(w.not_job.search(line) for line in (own, header.title or "", after if len(after) <= 80 else "")):
        return True
    if names_a_course(header.title):
        return True
    if header.period.since and not _since_header(own, header.period):
        return True
    if header.title and w.title.search(own) and not w.degree.search(header.title):
        return False  # "Teacher 2015 – 2019 Lincoln High School", "Assistant to School Counselor"
    near = " ".join(lines.line(k) for k in range(max(0, i - 1), min(len(lines), i + 3)))
    return bool(w.education.search(own) or (w.education.search(near) and not header.title))


def _repeated(header: Header, headers: list[Header], lines: Lines) -> bool:
    """A period of the job before, quoted again in its description (no title, or inside a
    paragraph)."""
    same = bool(headers) and headers[-1].period.month_range() == header.period.month_range()
    return same and (header.title is None or runs_on(header.period, lines))


def _detail(header: Header, headers: list[Header]) -> bool:
    """A period inside the job before it, within its dates, written another way ("2014 - 2015"
    under "Jan 2007 to Jan 2015", "July 2007 - December 2011" under "July 2007 to December
    2011") or with no title of its own: a stage or a project of that job, not a job. Under an
    employer's period with no title ("ООО Альфа 2010 – 2020"), titled periods are its positions."""
    if not headers or headers[-1].title is None:
        return False
    outer, inner = headers[-1].period, header.period
    if outer.single or inner.single or not _within(inner, outer):
        return False
    return inner.style != outer.style or header.title is None


def _employer_above_positions(header: Header, before: list[Header]) -> str | None:
    """The employer of the nearest header above with no title whose period holds this one: its
    positions follow it ("ООО «Альфа», 2010 – 2020" / "Менеджер по продажам, 2010 – 2015")."""
    return next(
        (h.employer for h in reversed(before) if h.title is None and h.employer and _within(header.period, h.period)),
        None,
    )


def _within(inner: Period, outer: Period) -> bool:
    """Whether ``inner`` lies within ``outer``: by month, or by year where either names none."""
    cut = 1 if "year" in (inner.precision, outer.precision) else 2
    far = (9999, 12)
    a, b = inner.start[:cut], (inner.end or far)[:cut]
    return outer.start[:cut] <= a and b <= (outer.end or far)[:cut]


def _since_header(line: str, period: Period) -> bool:
    """An open-ended start counts on a short header line that names a position ("Sales Manager,
    Acme LLC, since 2016"), not in a sentence ("С 2018 года руководил отделом.")."""
    rest = line.replace(period.text, " ").strip()
    return len(rest) <= SINCE_LINE_MAX and names_a_position(rest) and not SENTENCE_RE.search(rest)


def _block_ends(text: str) -> list[int]:
    """Where a job's block may stop: the heading lines of the text, but those that also stand
    inside a job ("Достижения:", "Key achievements")."""
    inside = inside_experience()
    return [offset for offset, _, line in heading_lines(text) if normalise_header(line) not in inside]


def _block_end(start: int, limit: int, ends: list[int]) -> int:
    """Where a block stops: its region's end or a heading line (of ``ends``), whichever comes first."""
    k = bisect_left(ends, start)
    return ends[k] if k < len(ends) and ends[k] < limit else limit


@dataclass(frozen=True)
class Timeline:
    """The jobs of a CV and what the reader of its timeline should know ("could not be read",
    "period written end first", months after the document date)."""

    jobs: tuple[Job, ...]
    warnings: tuple[str, ...] = ()


def find_jobs(parsed: ParsedCV, present: dt.date) -> list[Job]:
    """The positions of a CV in text order, with periods resolved against ``present``.

    >>> find_jobs(parse("cv.txt"), dt.date(2025, 9, 1))[0].current       # doctest: +SKIP
    True
    """
    return list(read(parsed, present).jobs)


def read(parsed: ParsedCV, present: dt.date) -> Timeline:
    """The jobs of a CV with the warnings about its timeline.

    >>> read(parse("cv.txt"), dt.date(2025, 9, 1)).warnings               # doctest: +SKIP
    ()
    """
    text = parsed.text
    if not text.strip():
        return Timeline(())
    lines = Lines.of(text)
    headers, regions, hh, use_before, taken = _headers(parsed, present, lines)
    ends = _block_ends(text)
    undated = [] if hh else _undated_headers(parsed, lines, headers, taken)
    jobs: list[Job] = []
    periods: list[Period] = []
    for n, header in enumerate(headers):
        p = header.period
        region_end = next(b for a, b in regions if a <= p.span[0] < b)
        nxt = headers[n + 1].start if n + 1 < len(headers) else region_end
        nxt = min([nxt] + [u.start for _, u in undated if u.start > p.span[1]])  # a position without dates
        end = _block_end(p.span[1], min(nxt, region_end), ends)
        start, end_ym = p.month_range()
        employer = header.employer
        if employer is None and jobs and not hh and use_before:
            employer = jobs[-1].employer
        employer = employer or _employer_above_positions(header, headers[:n])
        jobs.append(
            Job(
                start=start,
                end=end_ym,
                current=p.current,
                title=header.title,
                employer=employer,
                evidence=Evidence.of(text, *p.span),
                description=_block(text, lines, header, end),
            )
        )
        periods.append(p)
    twice = _printed_twice(jobs)
    jobs = [job for n, job in enumerate(jobs) if n not in twice]
    periods = [p for n, p in enumerate(periods) if n not in twice]
    warnings = _warnings(jobs, periods, present)
    if undated:
        no_dates = _undated_jobs(text, lines, headers, undated, ends)
        warnings += tuple(f"position without dates, its months not counted: {job.title!r}" for job in no_dates)
        jobs = sorted(jobs + no_dates, key=lambda job: job.description.start if job.description else 0)
    return Timeline(tuple(jobs), warnings)


def _undated_headers(
    parsed: ParsedCV, lines: Lines, headers: list[Header], taken: set[int]
) -> list[tuple[int, UndatedHeader]]:
    """Headers of the positions the CV gives no dates ("General Sales Manager" / "Company Name
    City , State"), each with the end of its experience section: header lines away from the
    periods (``taken``: their lines) and the dated headers, after the description of the job
    above. One with the title of the dated job above ("Project Manager & Project Engineer"
    under "Project manager/Project Engineer") is a part of that job."""
    sections = parsed.sections or find_sections(parsed.text)
    experience = [(s.start, s.end) for s in sections if s.name == "experience"]
    near = {k for h in headers for k in range(lines.index(h.start), period_lines(h.period, lines)[1] + 3)}
    by_last_line = {period_lines(h.period, lines)[1]: h for h in headers}
    found: list[tuple[int, UndatedHeader]] = []
    for a, b in experience:
        previous: Header | UndatedHeader | None = None
        described = False
        for k in range(lines.index(a) + 1, lines.index(max(a, b - 1)) + 1):
            dated = by_last_line.get(k)
            if dated is not None:
                previous, described = dated, False
                continue
            line = lines.line(k).strip()
            if previous is not None and line and not short_line(line):
                described = True
            if k in near or k in taken or above_period(lines, k, taken) or _below_period(lines, k, taken):
                continue
            header = undated_header(lines, k, taken)
            if header is None or (found and found[-1][1].start == header.start):
                continue
            if isinstance(previous, Header) and (not described or _same_title(header.title, previous.title)):
                continue
            found.append((b, header))
            previous = header
    return found


def _undated_jobs(
    text: str, lines: Lines, headers: list[Header], found: list[tuple[int, UndatedHeader]], ends: list[int]
) -> list[Job]:
    """The jobs of undated headers (each with its section's end), their blocks up to the next header."""
    starts = sorted([h.start for h in headers] + [h.start for _, h in found])
    jobs = []
    for region_end, header in found:
        k = bisect_left(starts, header.start + 1)
        limit = min(starts[k] if k < len(starts) else region_end, region_end)
        end = _block_end(lines.span(lines.index(header.start))[1], limit, ends)
        description = Evidence.of(text, header.start, header.start + len(text[header.start : end].rstrip()))
        jobs.append(Job(None, None, False, header.title, header.employer, description=description))
    return jobs


def _headers(
    parsed: ParsedCV, present: dt.date, lines: Lines
) -> tuple[list[Header], list[tuple[int, int]], bool, bool, set[int]]:
    """The job headers of a CV, the regions searched, whether it is an hh.ru export, whether
    titles stand before the periods and the lines of the periods."""
    text = parsed.text
    periods = find_periods(text, present)
    regions = _regions(parsed, periods)
    periods = [p for p in periods if any(a <= p.span[0] < b for a, b in regions)]
    hh = [p for p in periods if is_hh_header(p, lines)]
    if hh:
        hh_headers = [read_hh(p, lines) for p in hh]
        return [h for h in hh_headers if not names_a_course(h.title)], regions, True, False, set()
    headers: list[Header] = []
    taken = {k for p in periods for k in range(period_lines(p, lines)[0], period_lines(p, lines)[1] + 1)}
    candidates = [p for p in periods if header_like(p, lines)]
    if candidates:  # the document heads jobs with periods; some may carry one date only
        singles = _single_dates(text, present, periods, candidates, regions, lines)
        candidates = sorted(candidates + singles, key=lambda p: p.span)
    after = [read_generic(p, lines, 0, taken, use_before=False) for p in candidates]
    # The layout is the document's: titles stand after the periods, or before them (LinkedIn).
    use_before = sum(h.named for h in after) * 2 < len(after)
    floor = 0
    for p, header in zip(candidates, after, strict=True):
        if use_before:
            region_start = next(a for a, b in regions if a <= p.span[0] < b)
            header = read_generic(p, lines, max(floor, region_start), taken, use_before=True)
        if _not_a_job(header, lines) or _repeated(header, headers, lines) or _detail(header, headers):
            continue
        headers.append(header)
        floor = p.span[1]
    return headers, regions, False, use_before, taken


def _single_dates(
    text: str,
    present: dt.date,
    periods: list[Period],
    headers: list[Period],
    regions: list[tuple[int, int]],
    lines: Lines,
) -> list[Period]:
    """Single month dates outside the ``periods`` that head a job like the ``headers`` do
    ("Intern 01/2013")."""
    spans = [p.span for p in periods]
    shapes = {shape for p in headers if (shape := line_shape(p, lines)) is not None and shape[0]}
    return [
        d
        for a, b in regions
        for d in find_dates(text, present, a, b)
        if not any(s <= d.span[0] < e for s, e in spans) and single_date_header(d, lines, shapes)
    ]


def _block(text: str, lines: Lines, header: Header, end: int) -> Evidence:
    """The whole block of a job: from its header to ``end``, trailing spaces left out."""
    start = min(header.start, lines.span(lines.index(header.period.span[0]))[0])
    return Evidence.of(text, start, start + len(text[start:end].rstrip()))


def _printed_twice(jobs: list[Job]) -> set[int]:
    """Jobs that repeat an earlier one: a work history the PDF prints twice (a run of repeated
    headers, whatever their text), the same header with the same text, or the same period with
    no title of its own (a "Military Experience" section repeating a job). One repeated header
    with another text is a concurrent role and stays."""

    def opening(job: Job) -> str:
        return " ".join(job.description.text.split())[:SAME_TEXT_CHARS] if job.description else ""

    earlier: list[Job | None] = [
        next((seen for seen in jobs[:n] if _same_header(job, seen)), None) for n, job in enumerate(jobs)
    ]
    return {
        n
        for n, (job, seen) in enumerate(zip(jobs, earlier, strict=True))
        if seen is not None
        and (
            job.title is None
            or opening(job) == opening(seen)
            or (n > 0 and earlier[n - 1] is not None)
            or (n + 1 < len(jobs) and earlier[n + 1] is not None)
        )
    }


def _same_header(job: Job, seen: Job) -> bool:
    """One period, and the same title and employer where both name them."""
    return (job.start, job.end) == (seen.start, seen.end) and all(
        a is None or b is None or a == b for a, b in ((job.title, seen.title), (job.employer, seen.employer))
    )


def _warnings(jobs: list[Job], periods: list[Period], present: dt.date) -> tuple[str, ...]:
    """What a reader of the timeline should know: it could not be read, or some of its dates
    were read in a way the CV does not spell out."""
    if not jobs:
        return (
            "no job with a readable period: the work history could not be read, so the years "
            "of experience are unknown (not zero)",
        )
    now = month_str((present.year, present.month))
    found = []
    for job, p in zip(jobs, periods, strict=True):
        quoted = " ".join(p.text.split())
        if p.reversed:
            found.append(f"period written end first, read as {job.start} – {job.end}: {quoted!r}")
        if p.single:
            found.append(f"job with one date only, counted as that month: {quoted!r}")
        if job.start is not None and job.start > now:
            found.append(
                f"job starts after the document date {present.isoformat()}, counted as no experience: {quoted!r}"
            )
        elif job.end is not None and job.end > now:
            found.append(
                f"period ends after the document date {present.isoformat()}, months after it "
                f"are not counted: {quoted!r}"
            )
    return tuple(found)
