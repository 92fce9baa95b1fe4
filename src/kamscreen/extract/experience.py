"""Years of experience: the union of the months of the jobs, and the total the CV states itself.

Months are counted inclusively, as hh.ru does: "Декабрь 2017 — сентябрь 2025" is 94 months, 7.83
years. Overlapping jobs count once, here and wherever years of jobs are added up
(:func:`years`). A current job ends in the present's month (the document date, not today), and no
month after the present counts ("Январь 2024 — Декабрь 2026" read in September 2025 is 21
months). The stated total is the CV's own claim about the whole career ("Опыт работы 8 лет 3
месяца", "10+ years of experience"), not about one field ("7 years of HR experience"); a gap of
more than half a year between the two is flagged.

>>> import datetime as dt
>>> from kamscreen.extract.model import Job
>>> compute((Job("2017-12", None, True, None, None),), dt.date(2025, 9, 1), "").total_years
7.83
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache

from kamscreen.extract.model import Evidence, Experience, Job
from kamscreen.months import date_index, month_index, units_pattern

MISMATCH_YEARS = 0.5
MAX_STATED_YEARS = 60

# Words that may stand between the number and "experience" of a stated total: they qualify the
# whole career ("12 years of progressive professional experience"), not a field ("HR experience").
_WHOLE = r"(?:total|overall|combined|cumulative|professional|work|working|career|employment)"
_KIND = rf"(?:{_WHOLE}|progressive|progressively|extensive|diverse|proven|solid|successful|broad|varied|industry)"


@cache
def _patterns() -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """hh.ru's own total ("Опыт работы 8 лет 3 месяца" on its own line, preferred), and the
    statements of a total written anywhere; compiled on first use."""
    years_ru, months_ru = units_pattern("years", ("ru",)), units_pattern("months", ("ru",))
    ru_num = rf"(?P<y>\d{{1,2}})\+?\s+{years_ru}(?:\s+(?P<m>\d{{1,2}})\s+{months_ru})?"
    ru_months = rf"(?P<m2>\d{{1,2}})\s+{months_ru}"
    hh_total = re.compile(rf"^[ \t]*Опыт работы[ \t:—–-]*(?:{ru_num}|{ru_months})[ \t]*$", re.MULTILINE)
    stated = (
        # "Опыт работы 8 лет 3 месяца", "Опыт работы 11 месяцев" inline; also "общий стаж 10 лет".
        re.compile(
            rf"(?<!\w)(?:общий\s+)?(?:опыт(?:\s+работы)?|стаж(?:\s+работы)?)[ \t:—–-]*"
            rf"(?:(?:более|свыше|около|больше)\s+)?"
            rf"(?:{ru_num}|{ru_months})",
            re.IGNORECASE,
        ),
        # "более 10 лет опыта работы", "12 лет общего опыта", "10+ лет профессионального опыта".
        re.compile(
            rf"(?<![\w.])(?P<y>\d{{1,2}})\+?\s+{years_ru}\s+(?:общего\s+|профессионального\s+|трудового\s+)?"
            r"(?:опыта|стажа)(?:\s+работы)?(?=\s*[.,;)\n]|\s*$|\s+работы)",
            re.IGNORECASE,
        ),
        # "10+ years of experience", "over 12 years of professional experience in B2B sales",
        # "15 years of total work experience"; not "7 years of HR experience" (a field between the
        # number and the word) nor "5 years of experience in retail sales" (a field after it) unless
        # the career is named ("professional", "total", "work").
        re.compile(
            rf"(?<![\w.])(?P<y>\d{{1,2}})\+?\s*{units_pattern('years', ('en',))}['’]?\s+(?:of\s+)?"
            rf"(?:(?P<whole>{_WHOLE})\s+|{_KIND}\s+|and\s+){{0,3}}"
            rf"experience(?!\w)(?(whole)|(?!\s+(?:in|with|as|using|of|on|at|within|across|working)\b))",
            re.IGNORECASE,
        ),
    )
    return hh_total, stated


ANCHOR_RE = re.compile(r"[Ee]xperience|EXPERIENCE|[Оо]пыт|ОПЫТ|[Сс]таж")
ANCHOR_REACH = 60


def months_union(jobs: Iterable[Job], present: dt.date) -> set[int]:
    """Month numbers (``year * 12 + month - 1``) covered by any of ``jobs``, ends included, up to
    the present's month."""
    now = date_index(present)
    months: set[int] = set()
    for job in jobs:
        if job.start is None:
            continue  # a position without dates
        start = month_index(job.start)
        end = now if job.end is None else min(now, month_index(job.end))
        months.update(range(start, end + 1))
    return months


def years(jobs: Iterable[Job], present: dt.date) -> float:
    """Years covered by ``jobs`` (overlaps merged), rounded to 2 decimals."""
    return round(len(months_union(jobs, present)) / 12, 2)


def _anchor_windows(text: str) -> list[tuple[int, int]]:
    """Merged stretches of text around the words a statement of experience needs."""
    windows: list[tuple[int, int]] = []
    for anchor in ANCHOR_RE.finditer(text):
        start, end = max(0, anchor.start() - ANCHOR_REACH), min(len(text), anchor.end() + ANCHOR_REACH)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def stated_total(text: str) -> tuple[float, Evidence] | None:
    """The statement of total experience in ``text`` (hh.ru's line, else the first), in years."""
    best = _patterns()[0].search(text) or _first_stated(text)
    if best is None:
        return None
    g = best.groupdict()
    total = int(g.get("y") or 0) + int(g.get("m") or g.get("m2") or 0) / 12
    if not 0 < total <= MAX_STATED_YEARS:
        return None
    return round(total, 2), Evidence.of(text, *best.span())


def _first_stated(text: str) -> re.Match[str] | None:
    best: re.Match[str] | None = None
    for start, end in _anchor_windows(text):  # only near the words: a speed-up on long CVs
        for pattern in _patterns()[1]:
            match = pattern.search(text, start, end)
            if match and (best is None or match.start() < best.start()):
                best = pattern.match(text, match.start()) or match  # whole, past the window's end
        if best is not None:
            break
    return best


def compute(jobs: tuple[Job, ...], present: dt.date, text: str) -> Experience:
    """Total, B2B, key-account and management years of ``jobs``, and the stated total of ``text``."""
    stated = stated_total(text)
    stated_years, stated_evidence = stated if stated else (None, None)
    if not jobs:
        return Experience(stated_total_years=stated_years, stated_evidence=stated_evidence)
    total = years(jobs, present)
    return Experience(
        total_years=total,
        b2b_years=years((j for j in jobs if j.b2b), present),
        key_account_years=years((j for j in jobs if j.role == "key_account"), present),
        management_years=years((j for j in jobs if j.management), present),
        stated_total_years=stated_years,
        stated_evidence=stated_evidence,
        stated_mismatch=stated_years is not None and abs(stated_years - total) > MISMATCH_YEARS,
    )
