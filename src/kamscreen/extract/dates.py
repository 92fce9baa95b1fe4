"""Period grammar: "Апрель 2017 — по настоящее время", "03.2018–05.2021", "Jan 2015 to Current".

One grammar for the periods of a CV, RU and EN: a start date, a separator and an end date or a word
for "present". Dates are a month name and a year (any Russian case, abbreviations, "Mar '15",
"December'2008"), a year and a month name ("2004, февраль"), numeric months ("03.2018",
"09/2013", "2012-03"; full dates day first with dots, "01.03.2018", month first with slashes as
in the US, "07/02/2014") or a bare year. The separator is a dash or a preposition ("to", "по"),
or only spaces (or one line break) between two dates that both name their month ("06/2014
06/2016", "09/2015 Current"; never between bare years). A numeric date may stand glued to the
letters of a title before it ("REPRESENTATIVE09/2013 - Current", a PDF text layer's artefact).
Month names and "present" words come from :mod:`kamscreen.months` (``lexicons/months.yaml``,
``lexicons/present.yaml``).

Year-only rule: a start year alone means January, an end year alone means December, except an
end year equal to the present's year, which means the present's month. A period is dropped when
a month is impossible, a year is before 1950 or after the present's year + 1, or a phone number
stands before it ("(495) 1990-2000"); a year-only period whose end is before its start is
dropped, a month-exact one is read with its ends swapped and marked ``reversed`` ("09/2008 to
04/2005"). A period may start after the present: the timeline keeps it and warns. A single date
("2009") is not a period, except an open-ended start ("Since 2016", "с марта 2016 г."): it runs to
the present and is marked ``since``; the timeline takes it only on a job header line.
:func:`find_dates` gives the single month-exact dates outside periods ("Intern 01/2013").

>>> import datetime as dt
>>> [p.month_range() for p in find_periods("Апрель 2017 — по настоящее время", dt.date(2025, 9, 1))]
[('2017-04', None)]
>>> find_periods("2015–2019", dt.date(2025, 9, 1))[0].end
(2019, 12)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from kamscreen.months import month_number, month_numbers, month_str, present_words

MIN_YEAR = 1950
PREPOSITIONS = ("по", "до", "to", "till", "until", "through", "thru")


@dataclass(frozen=True)
class Period:
    """A period as written: ``text == source[span[0]:span[1]]``; ``end`` None means "present".

    ``precision`` is ``month`` when both ends name a month (or the end is "present"), else ``year``.
    """

    start: tuple[int, int]
    end: tuple[int, int] | None
    precision: str
    span: tuple[int, int]
    text: str
    since: bool = False  # open-ended: "Since 2016", "с марта 2016 г." (no end written)
    reversed: bool = False  # written end first: "09/2008 to 04/2005" (read as 2005-04 – 2008-09)
    single: bool = False  # one date, no end: "Intern 01/2013" (read as that month)
    separator: str = ""  # between the dates, spaces collapsed, dashes as "-": "to", "-", "" (spaces)

    @property
    def style(self) -> tuple[str, str]:
        """How the period is written: its precision and its separator."""
        return self.precision, self.separator

    @property
    def current(self) -> bool:
        return self.end is None

    def month_range(self) -> tuple[str, str | None]:
        """Start and end as ``YYYY-MM`` strings (end None while current)."""
        return month_str(self.start), (month_str(self.end) if self.end else None)


_GAP = r"(?:[^\S\n]*\n[^\S\n]*(?-i:(?=[a-zа-яё]))|[^\S\n]*)"


def _alternation(words: list[str]) -> str:
    """Longest first, spaces matching any run of spaces (or none after a dot). A phrase goes on
    over a line break only in lower case: "по настоящее\nвремя", not "Present\nDay-to-day contact"."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        pattern = _GAP.join(re.escape(piece) for piece in word.split())
        parts.append(re.sub(r"\\\.(?!$)", r"\\.\\s*", pattern))
    return "|".join(parts)


def prefix_tree(words: list[str]) -> str:
    """One-word forms as a lower-case prefix tree ("jan(?:uary)?"), to match ignoring case: far
    faster than a flat alternation of the same words."""
    root: dict = {}
    for word in {w.lower() for w in words}:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else f"(?:{'|'.join(branches)})"
        return body + ("?" if "" in node else "")

    return emit(root)


def _date(p: str, month_only: bool = False) -> str:
    """A date with named groups prefixed ``p`` (``s_`` start, ``e_`` end); ``month_only``: the
    forms that name a month (no bare year, no month without a year)."""
    months = month_numbers()
    words = [w for w in months if re.fullmatch(r"[^\W\d_]+", w)]
    forms = "|".join(filter(None, [prefix_tree(words), _alternation([w for w in months if w not in words])]))
    month = rf"(?<!\w)(?:{forms})(?!\w)\.?"
    year = r"(?:19|20)\d\d"
    short_year = r"['’‘`´]\d\d(?!\d)"
    suffix = r"(?:[ \t]*(?:года|год|гг\.?|г\.?)(?!\w))?"
    num_month = r"(?:0?[1-9]|1[0-2])"
    day = r"(?:0?[1-9]|[12]\d|3[01])"
    # Only a numeric date may follow letters ("PSR09/2013"); the other forms start a word.
    return (
        rf"(?:(?P<{p}mn1>{month})[ \t]*,?[ \t]*['’]?(?:(?P<{p}y1>{year})|(?P<{p}yy1>{short_year})){suffix}"
        rf"|(?<!\w)(?P<{p}y2>{year}){suffix}[ \t]*,?[ \t]*(?P<{p}mn2>{month})"
        # a full date is day first with dots ("01.03.2018"), month first with slashes ("07/02/2014")
        rf"|(?:(?P<{p}a3>{num_month})/(?P<{p}d3>{day})/(?P<{p}y6>{year})|(?:{day}[./])?(?P<{p}m3>{num_month})[./](?P<{p}y3>{year}))"
        rf"|(?<!\w)(?P<{p}y4>{year})[-./](?P<{p}m4>{num_month})(?![\d./-])"
        + ("" if month_only else rf"|(?<!\w)(?P<{p}y5>{year}){suffix}")
        # a start month alone takes the end's year: "март — июнь 2017", "Jan – Jun 2017"
        + (rf"|(?P<{p}mn6>{month})" if p == "s_" else "")
        + ")"
    )


@cache
def _pattern() -> re.Pattern[str]:
    """The period grammar, compiled on first use."""
    present = list(present_words())
    preposition = "|".join(PREPOSITIONS)
    dash = r"(?:[-–—−‒―－]+|ï¼\u200b?|â€[“”])"  # also the mojibake of fullwidth and en/em dashes
    # a period may be broken over lines, even a blank one: "June 2014\nto\nMay 2016", "to\n\nMay 2016"
    space = r"(?:[ \t]+|[ \t]*\n(?:[ \t]*\n)?[ \t]*)"
    sep = (
        rf"(?:[ \t]*\n?[ \t]*{dash}[ \t]*\n?[ \t]*(?:(?:{preposition})[ \t]+)?"
        rf"|{space}(?:{preposition}){space})"
    )
    now = rf"(?P<now>(?<!\w)(?:{_alternation(present)})(?!\w))"
    # Only spaces (or one line break) between two dates that name their month, or before a
    # capitalised "present" word: "06/2014 06/2016", "July 2009\nMarch 2012", "09/2015 Current".
    bare_now = rf"(?P<b_now>(?-i:(?=[A-ZА-ЯЁ]))(?:{_alternation(present)})(?!\w))"
    bare = (
        rf"(?(s_y5)(?!)|(?(s_mn6)(?!)|[ \t]*\n?[ \t]*(?<=\s)"
        rf"(?:{bare_now}|{_date('c_', month_only=True)})))"
    )
    # An open-ended start, "Since 2016", "с 2016 года", "с марта 2016 г.": a start with no end
    # written reads as "to the present"; the caller decides where it may stand (a job header).
    since = rf"(?P<since>(?<!\w)(?:since|starting|с|со)[ \t]+{_date('o_')}(?![ \t]*[-–—]|\w|[./]\d))"
    # A period starts a word, or a numeric date right after letters ("PSR09/2013").
    return re.compile(
        rf"(?:(?<![\w./,])|(?<=[^\W\d_])(?=\d))(?<!\d[ \t-])(?:(?:(?<!\w)(?:с|from|since|between)[ \t]+)?"
        rf"{_date('s_')}(?:{sep}(?:{now}|{_date('e_')})|{bare})(?![\d]|[-./]\d)|{since})",
        re.IGNORECASE,
    )


# A phone number before a "period": "(495) 1990-2000", "+7 1990-2000", "тел. 2010-2012".
PHONE_BEFORE_RE = re.compile(
    r"(?:\(\d{3,5}\)|\+\d{1,3}|(?<!\w)(?:тел|телефон|моб|мобильный|tel|phone|ph|mob|mobile|cell)(?!\w)\.?:?)[ \t]*$",
    re.IGNORECASE,
)
YEAR_RE = re.compile(r"(?:19|20)\d\d|['’‘`´]\d\d")


def _read(g: dict[str, str], p: str, present: dt.date) -> tuple[int, int | None] | None:
    """(year, month or None when only the year is written) of one side of a period (``g``: the
    groups the match filled)."""

    def part(name: str) -> str:
        return g.get(p + name, "")

    if part("mn1"):
        if part("y1"):
            return int(part("y1")), month_number(part("mn1"))
        yy = int(part("yy1")[1:])
        return (2000 + yy if 2000 + yy <= present.year + 1 else 1900 + yy), month_number(part("mn1"))
    if part("y2"):
        return int(part("y2")), month_number(part("mn2"))
    if part("y6"):
        return int(part("y6")), int(part("a3"))
    if part("y3"):
        return int(part("y3")), int(part("m3"))
    if part("y4"):
        return int(part("y4")), int(part("m4"))
    if part("y5"):
        return int(part("y5")), None
    if part("mn6"):
        end = _read(g, "e_", present)
        return None if end is None or end[1] is None else (end[0], month_number(part("mn6")))
    return None


def _filled(match: re.Match[str]) -> dict[str, str]:
    return {name: value for name, value in match.groupdict().items() if value is not None}


def _period(match: re.Match[str], text: str, present: dt.date) -> Period | None:
    g = _filled(match)
    bare = "b_now" in g or any(name.startswith("c_") for name in g)
    last, now = ("c_", "b_now") if bare else ("e_", "now")
    start = _read(g, "s_", present)
    if start is None:
        return None
    end = None if now in g else _read(g, last, present)
    if end is None and now not in g:
        return None
    precision = "month"
    start_ym = (start[0], start[1] or 1)
    if start[1] is None:
        precision = "year"
    end_ym: tuple[int, int] | None = None
    if end is not None:
        if end[1] is None:
            precision = "year"
            end_ym = (end[0], present.month if end[0] == present.year else 12)
        else:
            end_ym = (end[0], end[1])
    if not all(1 <= ym[1] <= 12 for ym in (start_ym, end_ym) if ym):
        return None
    years = [start_ym[0]] + ([end_ym[0]] if end_ym else [])
    if any(y < MIN_YEAR or y > present.year + 1 for y in years):
        return None
    reversed_ = end_ym is not None and end_ym < start_ym
    if reversed_ and precision == "year":
        return None
    if reversed_ and end_ym is not None:
        start_ym, end_ym = end_ym, start_ym
    return Period(
        start_ym,
        end_ym,
        precision,
        match.span(),
        text[match.start() : match.end()],
        reversed=reversed_,
        separator=_separator(match, g, (last, now)),
    )


def _separator(match: re.Match[str], g: dict[str, str], rest: tuple[str, str]) -> str:
    """The text between the two dates of a period, normalised: "to", "-", "по", "" (spaces)."""
    a = max(match.end(name) for name in g if name.startswith("s_"))
    b = min(match.start(name) for name in g if name.startswith(rest))
    gap = re.sub(r"\s+", " ", match.string[a:b].lower()).strip(" .,")
    return re.sub(r"[-–—−‒―－]+|ï¼\u200b?|â€[“”]", "-", gap)


def _since(match: re.Match[str], text: str, present: dt.date) -> Period | None:
    """An open-ended period: its start, the present as its end."""
    start = _read(_filled(match), "o_", present)
    if start is None or not MIN_YEAR <= start[0] <= present.year + 1:
        return None
    precision = "month" if start[1] else "year"
    return Period(
        (start[0], start[1] or 1), None, precision, match.span(), text[match.start() : match.end()], since=True
    )


def find_periods(text: str, present: dt.date | None = None) -> list[Period]:
    """All periods in ``text``, in text order. ``present`` (default today) resolves year-only ends.

    >>> find_periods("Jan 2015 – Present", dt.date(2021, 8, 8))[0].current
    True
    """
    present = present or dt.date.today()
    found = []
    for start, end in _windows(text):
        for match in _pattern().finditer(text, start, end):
            if PHONE_BEFORE_RE.search(text, max(0, match.start() - 12), match.start()):
                continue
            period = (_since if match.group("since") else _period)(match, text, present)
            if period is not None:
                found.append(period)
    return found


@cache
def _single_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"(?:(?<![\w./,])|(?<=[^\W\d_])(?=\d))(?<!\d[ \t-]){_date('d_', month_only=True)}(?![\d]|[-./]\d)",
        re.IGNORECASE,
    )


def find_dates(text: str, present: dt.date, start: int = 0, end: int | None = None) -> list[Period]:
    """Single month-exact dates in ``text[start:end]`` ("Intern 01/2013", "Analyst January 2007"),
    each a one-month period marked ``single``; the caller keeps those outside periods.

    >>> find_dates("Intern 01/2013", dt.date(2021, 8, 8))[0].month_range()
    ('2013-01', '2013-01')
    """
    end = len(text) if end is None else end
    found = []
    for match in (
        m for a, b in _windows(text[:end]) if b > start for m in _single_pattern().finditer(text, max(a, start), b)
    ):
        date = _read(_filled(match), "d_", present)
        if date is None or date[1] is None or not 1 <= date[1] <= 12 or not MIN_YEAR <= date[0] <= present.year + 1:
            continue
        ym = (date[0], date[1])
        found.append(Period(ym, ym, "month", match.span(), match.group(), single=True))
    return found


def _windows(text: str) -> list[tuple[int, int]]:
    """Runs of lines around the years of ``text``, the only places a period can be (a speed-up):
    from the line before a year to two lines after it ("June 2014\nto\nPresent")."""
    windows: list[tuple[int, int]] = []
    for match in YEAR_RE.finditer(text):
        start = text.rfind("\n", 0, max(0, text.rfind("\n", 0, match.start()))) + 1
        end = match.end()
        for _ in range(3):
            end = text.find("\n", end + 1) if end < len(text) else end
            if end < 0:
                end = len(text)
                break
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows
