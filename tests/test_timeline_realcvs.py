"""Timeline and experience on real CVs (skipped where ../shared/real-cvs is absent).

hh.ru states each CV's total ("Опыт работы 8 лет 3 месяца") as the union of the listed months with
both ends counted, so every hh.ru CV checks the period grammar, the job finder and the month
arithmetic at once. The livecareer PDFs check that jobs are found across many English layouts.
"""

import datetime as dt
from pathlib import Path

import pytest

from kamscreen.extract import experience, timeline
from kamscreen.parse.model import ParsedCV

REAL = Path(__file__).resolve().parents[2] / "shared" / "real-cvs"
HH_PRESENT = dt.date(2025, 9, 30)
LIVECAREER_PRESENT = dt.date(2021, 8, 8)

pytestmark = [pytest.mark.realcvs, pytest.mark.skipif(not REAL.is_dir(), reason="real CVs are not available")]


def test_hh_totals_equal_the_stated_totals():
    """hh.ru's total counts every entry under "Опыт работы", course entries too; the timeline
    leaves courses out (LABELING: not courses), so their months are added back to compare."""
    files = sorted((REAL / "hh-ru").glob("*.txt"))
    assert len(files) == 40
    matched, misses, courses = 0, [], 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        jobs = tuple(timeline.find_jobs(ParsedCV(file=str(path), status="ok", text=text), HH_PRESENT))
        facts = experience.compute(jobs, HH_PRESENT, text)
        assert facts.stated_total_years is not None, path.name
        for job in jobs:
            assert job.evidence.text == text[job.evidence.start : job.evidence.end]
            assert job.employer and job.title, (path.name, job.start)
        left_out = _course_entries(text, jobs)
        courses += len(left_out)
        if experience.years(jobs + left_out, HH_PRESENT) == facts.stated_total_years:
            matched += 1
        else:
            misses.append((path.name, facts.total_years, facts.stated_total_years))
    print(f"hh.ru: computed total == stated total for {matched}/{len(files)} ({courses} course entries left out)")
    assert matched == len(files), misses


def _course_entries(text: str, jobs: tuple) -> tuple:
    """The hh.ru entries the timeline left out, each a course by its title."""
    from kamscreen.extract.dates import find_periods
    from kamscreen.extract.header_segments import names_a_course
    from kamscreen.extract.hh_header import is_hh_header, read_hh
    from kamscreen.extract.lines import Lines
    from kamscreen.extract.model import Job

    lines = Lines.of(text)
    taken = {job.evidence.start for job in jobs}
    left_out = []
    for period in find_periods(text, HH_PRESENT):
        if is_hh_header(period, lines) and period.span[0] not in taken:
            header = read_hh(period, lines)
            assert names_a_course(header.title), header.title
            left_out.append(Job(*period.month_range(), period.current, header.title, header.employer))
    return tuple(left_out)


def test_livecareer_sales_and_business_development_have_jobs():
    parse = pytest.importorskip("kamscreen.parse").parse
    files = sorted((REAL / "en-livecareer" / "SALES").glob("*.pdf")) + sorted(
        (REAL / "en-livecareer" / "BUSINESS-DEVELOPMENT").glob("*.pdf")
    )
    assert len(files) >= 40
    with_jobs = titled = total = 0
    for path in files:
        parsed = parse(path)
        if not parsed.ok:
            continue
        jobs = timeline.find_jobs(parsed, parsed.document_date.date or LIVECAREER_PRESENT)
        for job in jobs:
            assert job.description.text == parsed.text[job.description.start : job.description.end]
            if job.start is None:  # a position without dates: no period to quote
                assert job.evidence is None and job.end is None and not job.current
            else:
                assert job.evidence.text == parsed.text[job.evidence.start : job.evidence.end]
                assert job.start <= (job.end or "9999-12")
            # the anonymised employer is an anchor: never part of a title, never glued to one
            assert "Company Name" not in (job.title or ""), (path.name, job.title)
            assert job.employer in (None, "Company Name") or "Company Name" not in job.employer, path.name
        with_jobs += bool(jobs)
        titled += sum(bool(job.title) for job in jobs)
        total += len(jobs)
    print(f"livecareer SALES + BUSINESS-DEVELOPMENT: jobs found in {with_jobs}/{len(files)}, titled {titled}/{total}")
    assert with_jobs >= 0.85 * len(files)
    assert titled >= 0.97 * total
