"""Job headers: the title and employer a period of the timeline stands with.

hh.ru exports have a layout of their own (:mod:`kamscreen.extract.hh_header`). Everything else
(LinkedIn, resume builders, free text): the title, employer and location stand on the period's
line, the lines after it or the lines before it, in any order. Segments are told
  apart with ``lexicons/titles.yaml``: anchors first — an anonymised employer ("Company Name"), a
  legal form (LLC, ООО), a place ("City , State") — and the title is the rest of the header: a
  segment with a head word of the lexicon, else a segment that reads as a header (title case).
  Field labels ("Должность:", "Duration :") are dropped; sentences ("... is responsible for")
  are never titles. A header line that runs on into the description ("Company Name City , State
  Sales Manager Established new accounts.") gives its anchors and the title-cased words after
  them; failing all, a description may open with the title ("HR Generalist Mobilized staff").
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from kamscreen.extract.dates import Period
from kamscreen.extract.header_patterns import (
    ACTION_RE,
    COMMA_GAP_RE,
    HEADER_LINE_MAX,
    SEGMENT_MAX,
    SENTENCE_RE,
    TITLE_GAP_RE,
    YEAR_RE,
    header_words,
)
from kamscreen.extract.header_segments import (
    continues,
    header_part,
    leading_title,
    names_employer,
    reads_as_header,
    segment_kind,
    short_line,
    split_segments,
    title_cased,
)
from kamscreen.extract.lines import Lines, line_shape, period_lines, runs_on


@dataclass(frozen=True)
class Header:
    """What the lines around one period say: title, employer and the first offset they used."""

    period: Period
    title: str | None
    employer: str | None
    start: int
    named: bool = False  # the title has a head word of the lexicon


def above_period(lines: Lines, k: int, taken: set[int]) -> bool:
    """Whether the next non-empty line after line ``k`` holds a period."""
    for m in range(k + 1, min(len(lines), k + 3)):
        if lines.line(m).strip():
            return m in taken
    return False


def header_like(p: Period, lines: Lines) -> bool:
    """A period that may head a job: it starts its line, or stands on a line that is not a
    sentence of a paragraph (not too long; not a long sentence before it, nor one that runs on,
    nor one that goes on in lower case after the period: "proficiencies in 2001-2010 databases.",
    "Exchange 2000-2010 upgrades and new installations.")."""
    _, _, a, b = period_lines(p, lines)
    line = lines.text[a:b].strip()
    before = lines.text[a : p.span[0]].strip()
    if len(before) <= 3:
        return True
    sentence = before[:1].islower() or bool(SENTENCE_RE.search(before)) or not title_cased(before)
    goes_on = lines.text[p.span[1] : b].strip()[:1].islower()
    inline = (sentence and (len(before) > SEGMENT_MAX or runs_on(p, lines) or goes_on)) or (
        goes_on and line.endswith(".")
    )
    return len(line) - len(p.text) <= HEADER_LINE_MAX and not inline


def single_date_header(date: Period, lines: Lines, shapes: set[tuple[bool, str]]) -> bool:
    """A single month date that heads a job like a period would: the line before it names a
    position in title case and nothing on the line reads as a sentence ("Intern 01/2013", "D2B
    Sales May 2015"); or its line is shaped like a period header of the document, the date in
    the period's place and the same words around it (``shapes`` of :func:`line_shape`:
    "January 2007 Company Name City , State" beside "January 2000 to January 2007 Company Name
    City , State")."""
    w = header_words()
    if line_shape(date, lines) in shapes:
        return True
    i = lines.index(date.span[0])
    a, b = lines.span(i)
    before, after = lines.text[a : date.span[0]].strip(" ,|-–—\t"), lines.text[date.span[1] : b].strip(" ,|-–—\t")
    line = f"{before} {after}"
    return (
        0 < len(before) <= SEGMENT_MAX
        and len(line) <= HEADER_LINE_MAX
        and title_cased(before)
        and not ACTION_RE.match(before)
        and bool(w.title.search(before) or w.placeholder.search(before))
        and not SENTENCE_RE.search(line)
        and not YEAR_RE.search(line)
        and not line.rstrip().endswith(".")
        and (not after or title_cased(after))
    )


def _lines_after(j: int, lines: Lines, taken: set[int]) -> tuple[list[tuple[int, list[str]]], int | None]:
    """Header segments of the (up to two) lines after line ``j``, and the first description line."""
    groups = []
    k = j + 1
    if k + 1 < len(lines) and not lines.line(k).strip():
        k += 1
    first = k
    while k < len(lines) and k - first < 2 and k not in taken:
        line = lines.line(k).strip()
        header = header_part(line)
        if not header or (above_period(lines, k, taken) and not names_employer(header)):
            break  # a title right above the next period is that period's
        if header == line and k + 1 < len(lines) and k + 1 not in taken and continues(lines.line(k + 1)):
            k += 1
            header += " " + lines.line(k)
        groups.append((lines.span(k)[0], split_segments(header)))
        k += 1
        if header != line:
            break  # the line runs on into the description
    description = next((m for m in range(k, min(len(lines), k + 2)) if lines.line(m).strip()), None)
    return groups, None if description in taken else description


def _lines_before(i: int, lines: Lines, floor: int, taken: set[int]) -> list[tuple[int, list[str]]]:
    """Header segments of the short lines above line ``i`` (up to five lines, not above ``floor``)."""
    groups = []
    k = i - 1
    while k >= 0 and i - k <= 5 and k not in taken and lines.span(k)[0] >= floor:
        line = lines.line(k)
        if not line.strip() or header_words().duration.fullmatch(line.strip()):
            k -= 1
            continue
        if continues(line) and k > 0 and k - 1 not in taken and short_line(lines.line(k - 1)):
            k -= 1
            line = lines.line(k) + " " + line
        if not short_line(line):
            break
        groups.append((lines.span(k)[0], split_segments(line)))
        k -= 1
    return groups


def read_generic(p: Period, lines: Lines, floor: int, taken: set[int], use_before: bool) -> Header:
    """Title and employer from the period's line, then the lines after, then (``use_before``) the
    lines before it; else a title opening the description."""
    text = lines.text
    i, j, a, b = period_lines(p, lines)
    tail = text[p.span[1] : b].strip()
    own = (a, split_segments(text[a : p.span[0]]) + split_segments(header_part(tail) or tail))
    after, description = _lines_after(j, lines, taken)
    before = _lines_before(i, lines, floor, taken) if use_before else []
    # Segments of other lines count only when they read as a header (Latin ones in title case).
    # In a "title above the period" layout the lines below are places and text, so look above first.
    ordered = [own, *before, *after] if use_before else [own, *after, *before]
    kinds = []
    for n, (group_start, segments) in enumerate(ordered):
        pairs = [(seg, segment_kind(seg)) for seg in segments]
        kinds.append(
            (
                group_start,
                [
                    (seg, kind)
                    for seg, kind in pairs
                    if not SENTENCE_RE.search(seg) and (n == 0 or reads_as_header(seg, kind))
                ],
            )
        )
    title = employer = None
    start = a
    title_group: tuple[int, list[tuple[str, str]]] | None = None
    for group_start, pairs in kinds:  # titles are told by their head words, anywhere
        title = next((seg for seg, kind in pairs if kind == "title"), None)
        if title is not None:
            title_group = (group_start, pairs)
            start = min(start, group_start)
            break
    named = title is not None
    for group_start, pairs in kinds:  # the employer: a name with a marker ("ООО", "Inc") first
        employer = next((seg for seg, kind in pairs if kind == "employer"), None)
        if employer is not None:
            start = min(start, group_start)
            break
    if title is not None and title_group is not None:
        title = _whole_title(title, title_group[1], text, title_group[0], p, anchored=employer is not None)
    for group_start, pairs in kinds:  # else the first unclassified segment, nearest first
        others = [seg for seg, kind in pairs if kind == "other" and seg not in (title, employer)]
        if others and title is None:
            title, start = others.pop(0), min(start, group_start)
        if others and employer is None:
            employer, start = others.pop(0), min(start, group_start)
    if employer is None and not use_before:
        above = _employer_above(i, lines, floor, taken)
        if above is not None:
            employer, start = above[0], min(start, above[1])
    if title is None and description is not None:
        title = leading_title(lines.line(description).strip())  # "HR Generalist Mobilized staff..."
        named = title is not None
    return Header(p, title, employer, start, named)


def _whole_title(
    title: str, pairs: list[tuple[str, str]], text: str, line_start: int, p: Period, anchored: bool
) -> str:
    """A title as written across the separators of its line: "Team Lead, Enterprise Sales" (a title
    segment after a comma); where the employer is an anchor ("Company Name", "Acme LLC"), the
    unclassified pieces around the title too: "HR - Shared Services Supervisor", "Lead Sales
    Associate - Part Time", "Director, Quality Improvement Network Facilitation"."""
    k = [seg for seg, _ in pairs].index(title)
    joins = ("title", "other") if anchored else ("title",)
    lo = hi = k
    while anchored and lo > 0 and pairs[lo - 1][1] in joins:
        lo -= 1
    while hi + 1 < len(pairs) and pairs[hi + 1][1] in joins:
        hi += 1
    end = text.find("\n", line_start)
    end = len(text) if end < 0 else end
    spans, cursor = [], line_start
    for seg, _ in pairs[lo : hi + 1]:
        pos = text.find(seg, cursor, end)
        if pos < 0:
            return title
        spans.append((pos, pos + len(seg)))
        cursor = pos + len(seg)
    gap = TITLE_GAP_RE if anchored else COMMA_GAP_RE
    joined = [bool(gap.fullmatch(text[x[1] : y[0]])) for x, y in pairwise(spans)]  # piece n to n + 1
    first = last = k - lo
    while first > 0 and joined[first - 1]:
        first -= 1
    while last < len(joined) and joined[last]:
        last += 1
    first_at, last_at = spans[first][0], spans[last][1]
    if (first_at < p.span[1] and p.span[0] < last_at) or last_at - first_at > SEGMENT_MAX:
        return title
    return text[first_at:last_at]


def _employer_above(i: int, lines: Lines, floor: int, taken: set[int]) -> tuple[str, int] | None:
    """ "DHL Supply Chain, Columbus, OH" alone above "Key Account Manager  2019 – Present": a short
    header line right above the period's line, with a blank line (or nothing) above it."""
    k = i - 1
    if k < 0 or k in taken or lines.span(k)[0] < floor:
        return None
    line = lines.line(k).strip()
    if not line or not line[:1].isupper() or not short_line(line) or SENTENCE_RE.search(line):
        return None
    if k > 0 and lines.line(k - 1).strip():
        return None
    for seg in split_segments(line):
        kind = segment_kind(seg)
        if kind in ("employer", "other") and reads_as_header(seg, kind):
            return seg, lines.span(k)[0]
    return None


@dataclass(frozen=True)
class UndatedHeader:
    """A job header the CV gives no dates: its title, employer and the offset of its first line."""

    title: str
    employer: str
    start: int


def _header_pairs(line: str) -> list[tuple[str, str]]:
    """(segment, kind) of a short header line with no year, none of them a sentence; [] else."""
    if not short_line(line) or YEAR_RE.search(line) or SENTENCE_RE.search(line):
        return []
    return [(seg, segment_kind(seg)) for seg in split_segments(line)]


def _title_span(line: str, pairs: list[tuple[str, str]]) -> tuple[int, int] | None:
    """Where the title stands on its line: the run of title and unclassified pieces around its
    first piece with a head word ("Key Holder, Sales Representative"), if the line has one."""
    kinds = [kind for _, kind in pairs]
    if "title" not in kinds:
        return None
    lo = hi = kinds.index("title")
    while lo > 0 and kinds[lo - 1] in ("title", "other"):
        lo -= 1
    while hi + 1 < len(kinds) and kinds[hi + 1] in ("title", "other"):
        hi += 1
    a, b = line.find(pairs[lo][0]), line.rfind(pairs[hi][0])
    return (a, b + len(pairs[hi][0])) if 0 <= a <= b else None


def _names_anchor(text: str) -> bool:
    """Whether ``text`` names an employer for sure: anonymised ("Company Name") or with a legal form."""
    w = header_words()
    return bool(w.placeholder.search(text) or w.employer_prefix.search(text) or w.employer_suffix.search(text))


def undated_header(lines: Lines, k: int, taken: set[int]) -> UndatedHeader | None:
    """A job header with no period: line ``k`` names an employer ("Company Name", "Acme LLC")
    and a title stands on it or on the short line right above it ("Sales Representative Company
    Name – City , State", "Company Name Accountant" / "City , State", "General Sales Manager" /
    "Company Name City , State")."""
    own = lines.line(k)
    if not _names_anchor(own):
        return None
    pairs = _header_pairs(own)
    employer = next((seg for seg, kind in pairs if kind == "employer" and _names_anchor(seg)), None)
    if employer is None or not all(reads_as_header(seg, kind) for seg, kind in pairs):
        return None
    a = lines.span(k)[0]
    span = _title_span(own, pairs)
    if span is not None:
        return UndatedHeader(own[span[0] : span[1]].strip(), employer, a)
    above = k - 1
    if above < 0 or above in taken or not lines.line(above).strip():
        return None
    line = lines.line(above)
    above_pairs = _header_pairs(line)
    span = _title_span(line, above_pairs)
    if span is None or not title_cased(line) or any(kind == "employer" for _, kind in above_pairs):
        return None
    return UndatedHeader(line[span[0] : span[1]].strip(), employer, lines.span(above)[0])
