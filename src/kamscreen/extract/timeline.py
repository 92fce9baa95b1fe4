"""Job timeline: the positions of a CV, each a period with its title, employer and block of text.

Periods come from the period grammar (:mod:`kamscreen.extract.dates`), searched in the experience
section(s) when the parser found them, else in the whole text without its education sections.
A period is a job when it heads a block: it stands on a short line or starts one (an inline
"in 2015–2017 we..." inside a paragraph is not a job), and its header does not read as
education, a certificate, an award or volunteer work (``not_jobs`` of ``lexicons/titles.yaml``).
An open-ended start ("Since 2016", "с марта 2016 г.") is a current job only on a header line that
names a title or an employer. Headers are read by :mod:`kamscreen.extract.job_header`; in an hh.ru
export, periods without the export's header (dates quoted inside descriptions) are not jobs.

>>> import datetime as dt                                                   # doctest: +SKIP
>>> find_jobs(parse("cv.pdf"), dt.date(2025, 9, 1))[0].start                # doctest: +SKIP
'2017-04'
"""
from __future__ import annotations

import datetime as dt

from kamscreen.extract.dates import Period, find_periods
from kamscreen.extract.job_header import (
    EDUCATION_RE, END_HEADING_RE, EXPERIENCE_HEADING_RE, NOT_JOB_RE, TITLE_RE, Header, Lines, header_like,
    SENTENCE_RE, is_hh_header, names_a_position, period_lines, read_generic, read_hh, runs_on,
)
from kamscreen.extract.model import Evidence, Job
from kamscreen.parse.model import ParsedCV

SINCE_LINE_MAX = 80  # an open-ended start counts on a header line at most this long besides it


def _headed_regions(text: str) -> list[tuple[int, int]]:
    """Experience sections found by their headings, for a text the parser left unsectioned."""
    marks = sorted([(m.start(), m.end(), "experience") for m in EXPERIENCE_HEADING_RE.finditer(text)]
                   + [(m.start(), m.end(), "end") for m in END_HEADING_RE.finditer(text)])
    regions, open_at = [], None
    for start, end, kind in marks:
        if kind == "experience" and open_at is None:
            open_at = end
        elif kind == "end" and open_at is not None:
            regions.append((open_at, start))
            open_at = None
    if open_at is not None:
        regions.append((open_at, len(text)))
    return regions


def _regions(parsed: ParsedCV, periods: list[Period], lines: Lines) -> list[tuple[int, int]]:
    """Where jobs are looked for: the experience sections (the parser's, else those under an
    experience heading), else the text minus its education sections."""
    experience = [(s.start, s.end) for s in parsed.section("experience")] or (
        [] if parsed.sections else _headed_regions(parsed.text)
    )
    if experience and any(a <= p.span[0] < b for p in periods for a, b in experience):
        return experience
    regions, cursor = [], 0
    for section in sorted(parsed.section("education"), key=lambda s: s.start):
        if section.start > cursor:
            regions.append((cursor, section.start))
        cursor = max(cursor, section.end)
    regions.append((cursor, len(parsed.text)))
    return regions


def _not_a_job(header: Header, lines: Lines) -> bool:
    """A period whose header names a school or degree and no job title is education; one whose
    header names a certificate, an award or volunteer work is not a job either."""
    i = lines.index(header.period.span[0])
    own = lines.line(i)
    after = next((line for line in (lines.line(k) for k in range(i + 1, min(len(lines), i + 3))) if line.strip()), "")
    if any(NOT_JOB_RE.search(line) for line in (own, header.title or "", after if len(after) <= 80 else "")):
        return True
    if header.period.since and not _since_header(own, header.period):
        return True
    if header.title and TITLE_RE.search(own) and not EDUCATION_RE.search(header.title):
        return False  # "Teacher 2015 – 2019 Lincoln High School" is a job
    near = " ".join(lines.line(k) for k in range(max(0, i - 1), min(len(lines), i + 3)))
    return bool(EDUCATION_RE.search(own) or (EDUCATION_RE.search(near) and not header.title))


def _repeated(header: Header, headers: list[Header], lines: Lines) -> bool:
    """A period of the job before, quoted again in its description (no title, or inside a
    paragraph)."""
    same = bool(headers) and headers[-1].period.month_range() == header.period.month_range()
    return same and (header.title is None or runs_on(header.period, lines))


def _since_header(line: str, period: Period) -> bool:
    """An open-ended start counts on a short header line that names a position ("Sales Manager,
    Acme LLC, since 2016"), not in a sentence ("С 2018 года руководил отделом.")."""
    rest = line.replace(period.text, " ").strip()
    return len(rest) <= SINCE_LINE_MAX and names_a_position(rest) and not SENTENCE_RE.search(rest)


def _block_end(start: int, limit: int, text: str) -> int:
    """Where a block stops: its region's end or a heading line, whichever comes first."""
    heading = END_HEADING_RE.search(text, start, limit)
    return heading.start() if heading else limit


def find_jobs(parsed: ParsedCV, present: dt.date) -> list[Job]:
    """The positions of a CV in text order, with periods resolved against ``present``.

    >>> find_jobs(parse("cv.txt"), dt.date(2025, 9, 1))[0].current       # doctest: +SKIP
    True
    """
    text = parsed.text
    if not text:
        return []
    periods = find_periods(text, present)
    lines = Lines.of(text)
    regions = _regions(parsed, periods, lines)
    periods = [p for p in periods if any(a <= p.span[0] < b for a, b in regions)]
    hh = [p for p in periods if is_hh_header(p, lines)]
    headers: list[Header] = []
    use_before = False
    if hh:
        headers = [read_hh(p, lines) for p in hh]
    else:
        taken = {k for p in periods for k in range(period_lines(p, lines)[0], period_lines(p, lines)[1] + 1)}
        candidates = [p for p in periods if header_like(p, lines)]
        after = [read_generic(p, lines, 0, taken, use_before=False) for p in candidates]
        # The layout is the document's: titles stand after the periods, or before them (LinkedIn).
        use_before = sum(h.named for h in after) * 2 < len(after)
        floor = 0
        for p, header in zip(candidates, after):
            if use_before:
                region_start = next(a for a, b in regions if a <= p.span[0] < b)
                header = read_generic(p, lines, max(floor, region_start), taken, use_before=True)
            if _not_a_job(header, lines) or _repeated(header, headers, lines):
                continue
            headers.append(header)
            floor = p.span[1]
    jobs = []
    for n, header in enumerate(headers):
        p = header.period
        region_end = next(b for a, b in regions if a <= p.span[0] < b)
        nxt = headers[n + 1].start if n + 1 < len(headers) else region_end
        end = _block_end(p.span[1], min(nxt, region_end), text)
        start, end_ym = p.month_range()
        employer = header.employer
        if employer is None and jobs and not hh and use_before:
            employer = jobs[-1].employer
        block_start = min(header.start, lines.span(lines.index(p.span[0]))[0])
        block_text = text[block_start:end]
        block_end = block_start + len(block_text.rstrip())
        jobs.append(Job(
            start=start, end=end_ym, current=p.current, title=header.title, employer=employer,
            evidence=Evidence.of(text, *p.span), description=Evidence.of(text, block_start, block_end),
        ))
    return jobs

