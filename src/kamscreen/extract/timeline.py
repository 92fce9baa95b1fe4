"""Job timeline: the positions of a CV, each a period with its title, employer and block of text.

Periods come from the period grammar (:mod:`kamscreen.extract.dates`), searched in the experience
section(s) when the parser found them, else in the whole text without its education sections.
A period is a job when it heads a block: it stands on a short line or starts one (an inline
"in 2015–2017 we..." inside a paragraph is not a job), and its header does not read as
education. Two layouts are read:

- hh.ru exports: the period alone on a line, then the duration ("2 года 1 месяц"), the employer,
  an optional city/site line, an optional industry line ("... Показать еще"), the title. When a
  CV has such headers, periods without them (dates quoted inside descriptions) are not jobs.
- everything else (LinkedIn, resume builders, free text): the title, employer and location stand
  on the period's line, the lines after it or the lines before it, in any order; segments are
  told apart with ``lexicons/titles.yaml`` (title head words, employer markers, places).

>>> import datetime as dt                                                   # doctest: +SKIP
>>> find_jobs(parse("cv.pdf"), dt.date(2025, 9, 1))[0].start                # doctest: +SKIP
'2017-04'
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

import yaml

from kamscreen.extract.dates import Period, find_periods
from kamscreen.extract.model import Evidence, Job
from kamscreen.parse.model import ParsedCV
from kamscreen.resources import lexicon_path

_LEX = yaml.safe_load(lexicon_path("titles.yaml").read_text(encoding="utf-8"))


def _alt(words: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=len, reverse=True))


def _marker_re(words: list[str]) -> re.Pattern[str]:
    """Short all-caps legal forms (ООО, АО, LLC) match case-sensitively, the rest in any case."""
    caps = [w for w in words if w.isupper() and len(w) <= 4]
    rest = [w for w in words if w not in caps]
    parts = [f"(?:{_alt(caps)})"] if caps else []
    parts += [f"(?i:{_alt(rest)})"] if rest else []
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?![\w])")


TITLE_RE = re.compile(
    rf"(?<!\w)(?:(?:{_alt(_LEX['title_words']['ru'])})\w*|(?:{_alt(_LEX['title_words']['en'])})s?(?!\w))",
    re.IGNORECASE,
)
EMPLOYER_PREFIX_RE = _marker_re(_LEX["employer_markers"]["prefix"])
EMPLOYER_ANY_RE = _marker_re(_LEX["employer_markers"]["anywhere"])
LOCATION_RE = re.compile(rf"^(?:{_alt(_LEX['locations'])})$|^[A-Z][\w .'-]*,\s*[A-Z]{{2}}$", re.IGNORECASE)
LOCATION_END_RE = re.compile(rf"\s+(?:{_alt(_LEX['locations'])})$", re.IGNORECASE)
LOCATION_START_RE = re.compile(rf"^(?:{_alt(_LEX['locations'])})\s+", re.IGNORECASE)
EDUCATION_RE = re.compile(rf"(?<!\w)(?:{_alt(_LEX['education'])})", re.IGNORECASE)
BLOCK_ENDS = frozenset(_LEX["block_ends"])
EXPERIENCE_HEADINGS = frozenset(_LEX["experience_headings"])
SMALL_WORDS = frozenset("a an and at for in of on or the to with & / - и в с по для на к от".split())

HH_DURATION_RE = re.compile(r"^\s*(?:\d+\s+(?:год|года|лет)(?:\s+\d+\s+месяц(?:а|ев)?)?|\d+\s+месяц(?:а|ев)?)\s*$")
DURATION_RE = re.compile(
    r"\(?\s*(?:\d+\s+(?:год|года|лет|years?|yrs?)(?:\s*,?\s*\d+\s+(?:месяц\w*|months?|mos?))?"
    r"|\d+\s+(?:месяц\w*|months?|mos?)|less than a year)\s*\)?",
    re.IGNORECASE,
)
HH_INDUSTRY_TAIL = "Показать еще"
DOMAIN_RE = re.compile(r"(?:^|[\s,])(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-zа-я]{2,}(?:/\S*)?$", re.IGNORECASE)
SPLIT_RE = re.compile(r"\s+[-–—|]\s+|\s*(?:ï¼\u200b?|â€“|[|\uff0c•·\t])\s*|\s*,\s+|\s{3,}")
BULLET_RE = re.compile(r"^\s*[-–•*●▪◦·»>]")
HEADER_LINE_MAX = 130
NEIGHBOUR_LINE_MAX = 100
NEIGHBOUR_WORDS_MAX = 14
SEGMENT_MAX = 80


@dataclass(frozen=True)
class _Lines:
    """Line index of a text: line number of an offset and the span of a line."""

    text: str
    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> "_Lines":
        return cls(text, (0, *(m.end() for m in re.finditer("\n", text))))

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def span(self, i: int) -> tuple[int, int]:
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end

    def line(self, i: int) -> str:
        a, b = self.span(i)
        return self.text[a:b]

    def __len__(self) -> int:
        return len(self.starts)


@dataclass(frozen=True)
class _Header:
    """What the lines around one period say: title, employer and the first offset they used."""

    period: Period
    title: str | None
    employer: str | None
    start: int
    named: bool = False  # the title has a head word of the lexicon


def _heading_re(words: frozenset[str]) -> re.Pattern[str]:
    alternation = "|".join(r"[^\w\n]+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^[^\w\n]*(?:{alternation})[^\w\n]*$", re.IGNORECASE | re.MULTILINE)


END_HEADING_RE = _heading_re(BLOCK_ENDS)
EXPERIENCE_HEADING_RE = _heading_re(EXPERIENCE_HEADINGS)


def _is_heading(line: str) -> bool:
    return bool(END_HEADING_RE.fullmatch(line) or EXPERIENCE_HEADING_RE.fullmatch(line))


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


def _regions(parsed: ParsedCV, periods: list[Period], lines: _Lines) -> list[tuple[int, int]]:
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


def _clean(segment: str) -> str:
    segment = DURATION_RE.sub(" ", segment) if DURATION_RE.search(segment) else segment
    segment = re.sub(r"[\s\u200b]+", " ", segment).strip(" ,.;:-–—|")
    if segment.count("(") != segment.count(")"):
        segment = segment.strip("()")
    return segment


def _segments(line: str) -> list[str]:
    """Header pieces of one line: split at separators, before employer prefixes, off places."""
    pieces = []
    for part in SPLIT_RE.split(line):
        for sub in re.split(rf"(?={EMPLOYER_PREFIX_RE.pattern})", part):
            sub = _clean(sub)
            head = LOCATION_START_RE.match(sub)
            if head and head.end() < len(sub):
                pieces.append(_clean(sub[: head.end()]))
                sub = _clean(sub[head.end() :])
            tail = LOCATION_END_RE.search(sub)
            if tail:
                pieces.append(_clean(sub[: tail.start()]))
                sub = _clean(sub[tail.start() :])
            if sub:
                pieces.append(sub)
    return [p for p in pieces if p]


def _kind(segment: str) -> str:
    if LOCATION_RE.match(segment) or DOMAIN_RE.search(segment) and len(segment.split()) <= 3:
        return "location"
    if EMPLOYER_PREFIX_RE.search(segment) or EMPLOYER_ANY_RE.search(segment):
        return "employer"
    if TITLE_RE.search(segment):
        return "title"
    if len(segment) > SEGMENT_MAX or not re.search(r"[^\W\d_]", segment):
        return "noise"
    return "other"


def _title_cased(segment: str) -> bool:
    """Latin titles are written in title case ("Key Account Manager"), sentences are not."""
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", segment) if w.lower() not in SMALL_WORDS]
    latin = [w for w in words if w.isascii()]
    if len(latin) < len(words) or not words:
        return True
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _reads_as_header(segment: str, kind: str) -> bool:
    """A segment of a neighbouring line is a header, not a sentence of a description: in title
    case, or a short title-word phrase that does not open with a verb ("Managed", "Leading")."""
    if _title_cased(segment) or kind in ("employer", "location"):
        return True
    words = segment.split()
    return kind == "title" and len(words) <= 8 and not re.match(r"[A-Za-z]+(?:ed|ing)$", words[0])


def _continues(line: str) -> bool:
    """A line that carries on the one above it: a wrapped title goes on in lower case."""
    stripped = line.strip()
    return bool(stripped) and stripped[0].islower() and len(stripped) <= SEGMENT_MAX // 2


def _short_line(line: str) -> bool:
    """A line that may be part of a job header: short, not a bullet, not a sentence or its part."""
    stripped = line.strip()
    words = stripped.split()
    return (
        0 < len(stripped) <= NEIGHBOUR_LINE_MAX and len(words) <= NEIGHBOUR_WORDS_MAX
        and not stripped.endswith((".", ";", ":", ",")) and words[-1].lower() not in SMALL_WORDS
        and not BULLET_RE.match(stripped) and not _is_heading(stripped)
    )


def _next_filled(lines: _Lines, i: int, count: int) -> list[str]:
    """Up to ``count`` non-empty lines after line ``i``, stripped."""
    found = []
    for k in range(i + 1, len(lines)):
        line = lines.line(k).strip()
        if line:
            found.append(line)
            if len(found) == count:
                break
    return found


def _hh_header(p: Period, lines: _Lines) -> bool:
    i = lines.index(p.span[0])
    if lines.line(i).strip() != p.text.strip():
        return False
    following = _next_filled(lines, i, 1)
    return bool(following) and bool(HH_DURATION_RE.match(following[0]))


def _read_hh(p: Period, lines: _Lines) -> _Header:
    i = lines.index(p.span[0])
    after = _next_filled(lines, i, 7)[1:]
    employer = after[0] if after else None
    candidates = after[1:5]
    title = None
    for k, line in enumerate(candidates):
        if HH_INDUSTRY_TAIL in line:
            title = candidates[k + 1] if k + 1 < len(candidates) else None
            break
    else:
        # after the employer: an optional place or site line, an optional industry line, the title
        rest = [line for line in candidates[:3] if _kind(line) != "location" and not DOMAIN_RE.search(line)]
        # an industry line is a list ("Транспорт, логистика, перевозки") before a title
        industry = len(rest) > 1 and TITLE_RE.search(rest[1]) and ("," in rest[0] or not TITLE_RE.search(rest[0]))
        title = rest[1] if industry else (rest[0] if rest else None)
    return _Header(p, title and title[:SEGMENT_MAX * 2], employer, lines.span(i)[0])


def _period_lines(p: Period, lines: _Lines) -> tuple[int, int, int, int]:
    """First and last line of a period (it may be broken over lines) and their outer offsets."""
    i, j = lines.index(p.span[0]), lines.index(max(p.span[0], p.span[1] - 1))
    return i, j, lines.span(i)[0], lines.span(j)[1]


def _header_like(p: Period, lines: _Lines) -> bool:
    _, _, a, b = _period_lines(p, lines)
    line = lines.text[a:b]
    return len(line.strip()) - len(p.text) <= HEADER_LINE_MAX or len(lines.text[a : p.span[0]].strip()) <= 3


def _read_generic(p: Period, lines: _Lines, floor: int, taken: set[int], use_before: bool) -> _Header:
    """Title and employer from the period's line, then the lines after, then (``use_before``) the
    lines before it."""
    text = lines.text
    i, j, a, b = _period_lines(p, lines)
    groups: list[tuple[int, list[str]]] = [(a, _segments(text[a : p.span[0]]) + _segments(text[p.span[1] : b]))]
    k = j + 1
    if k + 1 < len(lines) and not lines.line(k).strip():
        k += 1
    first = k
    while k < len(lines) and k - first < 2 and k not in taken and _short_line(lines.line(k)):
        line = lines.line(k)
        if k + 1 < len(lines) and k + 1 not in taken and _continues(lines.line(k + 1)):
            k += 1
            line += " " + lines.line(k)
        groups.append((lines.span(k)[0], _segments(line)))
        k += 1
    before = []
    k = i - 1
    while use_before and k >= 0 and i - k <= 5 and k not in taken and lines.span(k)[0] >= floor:
        line = lines.line(k)
        if not line.strip() or DURATION_RE.fullmatch(line.strip()):
            k -= 1
            continue
        if _continues(line) and k > 0 and k - 1 not in taken and _short_line(lines.line(k - 1)):
            k -= 1
            line = lines.line(k) + " " + line
        if not _short_line(line):
            break
        before.append((lines.span(k)[0], _segments(line)))
        k -= 1
    # Segments of other lines count only when they read as a header (Latin ones in title case).
    # In a "title above the period" layout the lines below are places and text, so look above first.
    ordered = groups[:1] + before + groups[1:] if use_before else groups + before
    kinds = []
    for n, (group_start, segments) in enumerate(ordered):
        pairs = [(seg, _kind(seg)) for seg in segments]
        kinds.append((group_start, [(seg, kind) for seg, kind in pairs if n == 0 or _reads_as_header(seg, kind)]))
    title = employer = None
    start = a
    for group_start, pairs in kinds:  # titles are told by their head words, anywhere
        title = next((seg for seg, kind in pairs if kind == "title"), None)
        if title is not None:
            start = min(start, group_start)
            break
    named = title is not None
    for group_start, pairs in kinds:  # the employer: a name with a marker ("ООО", "Inc") first
        employer = next((seg for seg, kind in pairs if kind == "employer"), None)
        if employer is not None:
            start = min(start, group_start)
            break
    for group_start, pairs in kinds:  # else the first unclassified segment, nearest first
        others = [seg for seg, kind in pairs if kind == "other" and seg not in (title, employer)]
        if others and title is None:
            title, start = others.pop(0), min(start, group_start)
        if others and employer is None:
            employer, start = others.pop(0), min(start, group_start)
    return _Header(p, title, employer, start, named)


def _education(header: _Header, lines: _Lines) -> bool:
    """A period whose header names a school or degree and no job title is education."""
    i = lines.index(header.period.span[0])
    own = lines.line(i)
    if header.title and TITLE_RE.search(own) and not EDUCATION_RE.search(header.title):
        return False  # "Teacher 2015 – 2019 Lincoln High School" is a job
    near = " ".join(lines.line(k) for k in range(max(0, i - 1), min(len(lines), i + 3)))
    return bool(EDUCATION_RE.search(own) or (EDUCATION_RE.search(near) and not header.title))


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
    lines = _Lines.of(text)
    regions = _regions(parsed, periods, lines)
    periods = [p for p in periods if any(a <= p.span[0] < b for a, b in regions)]
    hh = [p for p in periods if _hh_header(p, lines)]
    headers: list[_Header] = []
    use_before = False
    if hh:
        headers = [_read_hh(p, lines) for p in hh]
    else:
        taken = {k for p in periods for k in range(_period_lines(p, lines)[0], _period_lines(p, lines)[1] + 1)}
        candidates = [p for p in periods if _header_like(p, lines)]
        after = [_read_generic(p, lines, 0, taken, use_before=False) for p in candidates]
        # The layout is the document's: titles stand after the periods, or before them (LinkedIn).
        use_before = sum(h.named for h in after) * 2 < len(after)
        floor = 0
        for p, header in zip(candidates, after):
            if use_before:
                region_start = next(a for a, b in regions if a <= p.span[0] < b)
                header = _read_generic(p, lines, max(floor, region_start), taken, use_before=True)
            if _education(header, lines):
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

