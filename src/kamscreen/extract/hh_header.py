"""hh.ru job headers: the period alone on its line(s), the duration ("2 года 1 месяц") on the next
line (or after the period on its line), the employer, an optional city or site line, optional
industry lines ("... Показать еще" in the site's text; a line with "• Банк" bullets in the PDF
export), then the title, which the PDF export may wrap onto lower-case lines.
"""

from __future__ import annotations

import re
from functools import cache

from kamscreen.extract.dates import Period
from kamscreen.extract.header_patterns import DOMAIN_RE, SEGMENT_MAX, YEAR_RE, header_words, is_heading
from kamscreen.extract.header_segments import segment_kind
from kamscreen.extract.job_header import Header
from kamscreen.extract.lines import Lines, next_filled, period_lines
from kamscreen.months import units_pattern

HH_INDUSTRY_TAIL = "Показать еще"
HH_INDUSTRY_BULLET = "•"  # the PDF export's industry lines: "Финансовый сектор" / "• Банк"
HH_WRAPPED_LINE = 40  # a title line at least this long may be wrapped onto the next


@cache
def _duration_re() -> re.Pattern[str]:
    """hh.ru's duration of a job, alone: "2 года 1 месяц", "11 месяцев"."""
    years, months = units_pattern("years", ("ru",)), units_pattern("months", ("ru",))
    return re.compile(rf"^\s*(?:\d+\s+{years}(?:\s+\d+\s+{months})?|\d+\s+{months})\s*$")


def is_hh_header(p: Period, lines: Lines) -> bool:
    """An hh.ru period: alone on its line(s) ("Август 2023 —" / "настоящее время" in the PDF
    export), the duration on the next filled line or after the period on its line."""
    _, j, a, b = period_lines(p, lines)
    if lines.text[a : p.span[0]].strip():
        return False
    rest = lines.text[p.span[1] : b].strip()
    if rest:
        return bool(_duration_re().match(rest))
    following = next_filled(lines, j, 1)
    return bool(following) and bool(_duration_re().match(following[0]))


def read_hh(p: Period, lines: Lines) -> Header:
    """The employer after the duration, then the title after the optional site or city line and
    industry lines ("... Показать еще", or a line of the PDF export followed by "• Банк" bullets).
    A title wrapped in the PDF export goes on in lower case on the next lines."""
    _, j, a, b = period_lines(p, lines)
    after = next_filled(lines, j, 16)
    after = after if lines.text[p.span[1] : b].strip() else after[1:]  # past the duration
    employer = after[0] if after else None
    rest = after[1:]
    tail = next((n for n, line in enumerate(rest[:4]) if HH_INDUSTRY_TAIL in line), None)
    k = 0 if tail is None else tail + 1
    while (
        tail is None
        and k < min(len(rest), 8)
        and (
            HH_INDUSTRY_BULLET in rest[k]
            or segment_kind(rest[k]) == "location"
            or DOMAIN_RE.search(rest[k])
            or _hh_industry(rest, k)
        )
    ):
        k += 1
    title_lines = rest[k : k + 1]
    for line in rest[k + 1 : k + 4]:  # "Начальник управления кредитов, Начальник управления" / "ценообразования, ..."
        if not (line[:1].islower() and len(title_lines[-1]) >= HH_WRAPPED_LINE):
            break
        title_lines.append(line)
    title = " ".join(title_lines) or None
    return Header(p, title and title[: SEGMENT_MAX * 2], employer, a)


def _hh_industry(rest: list[str], k: int) -> bool:
    """Whether ``rest[k]``, a line after the employer, is an industry line with no marker: no head
    word of a title, and a title after it — right after it ("Транспорт, логистика, перевозки"
    / "Логист") or after its bullets ("Финансовый сектор" / "• Банк" / "Начальник управления").
    A title's own bullets end at the next period or heading."""
    title = header_words().title
    if title.search(rest[k]) and "," not in rest[k]:
        return False
    m = k + 1
    while m < len(rest) and rest[m].startswith(HH_INDUSTRY_BULLET):
        m += 1
    if m >= len(rest) or (m == k + 1 and title.search(rest[k])):
        return False
    nxt = rest[m]
    return (
        len(nxt) <= SEGMENT_MAX
        and not YEAR_RE.search(nxt)
        and not is_heading(nxt)
        and (m > k + 1 or bool(title.search(nxt)))
    )
