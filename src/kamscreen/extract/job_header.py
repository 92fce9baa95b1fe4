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

import bisect
import re
from dataclasses import dataclass

from kamscreen import lexicons
from kamscreen.extract.dates import Period, prefix_tree
from kamscreen.months import units_pattern
from kamscreen.parse.sections import header_name

_LEX = lexicons.load("titles.yaml")


def _alt(words: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=len, reverse=True))


def _any_case(words: list[str]) -> str:
    """An alternation to match ignoring case: phrases first, then one-word entries as a prefix tree."""
    single = [w for w in words if re.fullmatch(r"[^\W\d_]+", w)]
    return "|".join(filter(None, [_alt([w for w in words if w not in single]), prefix_tree(single)]))


def _marker_re(words: list[str]) -> re.Pattern[str]:
    """Short all-caps legal forms (ООО, АО, LLC) match case-sensitively, the rest in any case."""
    caps = [w for w in words if w.isupper() and len(w) <= 4]
    rest = [w for w in words if w not in caps]
    parts = [f"(?:{_alt(caps)})"] if caps else []
    parts += [f"(?i:{_alt(rest)})"] if rest else []
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?![\w])")


TITLE_RE = re.compile(
    rf"(?<!\w)(?:(?:{_any_case(_LEX['title_words']['ru'])})\w*|(?:{_any_case(_LEX['title_words']['en'])})s?(?!\w))",
    re.IGNORECASE,
)
EMPLOYER_PREFIX_RE = _marker_re(_LEX["employer_markers"]["prefix"])
EMPLOYER_SUFFIX_RE = _marker_re(_LEX["employer_markers"]["suffix"])
EMPLOYER_ANY_RE = _marker_re(_LEX["employer_markers"]["anywhere"] + _LEX["employer_markers"]["suffix"])
LOCATION_RE = re.compile(rf"^(?:{_any_case(_LEX['locations'])})$|^[A-Z][\w .'-]*,\s*[A-Z]{{2}}$", re.IGNORECASE)
LOCATION_END_RE = re.compile(rf"\s+(?:{_any_case(_LEX['locations'])})$", re.IGNORECASE)
LOCATION_START_RE = re.compile(rf"^(?:{_any_case(_LEX['locations'])})\s+", re.IGNORECASE)
EDUCATION_RE = re.compile(rf"(?<!\w)(?:{_any_case([w for ws in _LEX['education'].values() for w in ws])})",
                          re.IGNORECASE)
DEGREE_RE = re.compile(rf"(?<!\w)(?:{_any_case(_LEX['education']['degrees'])})", re.IGNORECASE)
PLACEHOLDER_RE = re.compile(rf"(?<!\w)(?:{_alt(_LEX['employer_placeholders'])})(?!\w)", re.IGNORECASE)
PLACEHOLDER_SPLIT_RE = re.compile(f"({PLACEHOLDER_RE.pattern})", re.IGNORECASE)
COURSE_RE = re.compile(rf"(?<![\w-])(?:{_any_case(_LEX['courses'])})(?![\w-])", re.IGNORECASE)
BRACKETS_RE = re.compile(r"\([^()]*\)")
NOT_JOB_RE = re.compile(rf"(?<![\w-])(?:{_any_case(_LEX['not_jobs'])})(?![\w-])", re.IGNORECASE)
# Anchors that open a header line: employers and places ("Company Name - City , State").
ANCHOR_RE = re.compile(
    rf"(?:[ \t]*(?:{PLACEHOLDER_RE.pattern}|(?i:{_any_case(_LEX['locations'])})(?!\w))[ \t]*[,\-–—|:ï¼]*)+",
)
VERB_RE = re.compile(r"[A-Z][a-z]+(?:ed|es)$")  # "Managed", "Manages" (not "Sales"): a description starts
# "Promoted to Account Manager", "Hired as Sales Rep": a story of a job, not its header.
ACTION_RE = re.compile(r"[A-Za-z]+ed\s+(?:to|as|in)\b")
SMALL_WORDS = frozenset("a an and at for in of on or the to with & / - и в с по для на к от".split())

DURATION_RE = re.compile(
    rf"\(?\s*(?:\d+\s+{units_pattern('years')}(?:\s*,?\s*\d+\s+{units_pattern('months')})?"
    rf"|\d+\s+{units_pattern('months')}|less than a year)\s*\)?",
    re.IGNORECASE,
)
DOMAIN_RE = re.compile(r"(?:^|[\s,])(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-zа-я]{2,}(?:/\S*)?$", re.IGNORECASE)
SPLIT_RE = re.compile(r"\s+[-–—|]\s+|\s*(?:ï¼\u200b?|â€“|[|\uff0c•·\t])\s*|\s*,\s+|\s{3,}")
_LABELS = _any_case(_LEX["field_labels"])
LABEL_RE = re.compile(rf"^(?:{_LABELS})(?:\s*/\s*\w+)?\s*:\s*|^(?:{_LABELS})\s*:?$", re.IGNORECASE)
YEAR_RE = re.compile(r"(?<![\w.,/-])(?:19|20)\d\d(?![\w.,/-])")
# Words of a sentence, never of a title or an employer: "A Sales Associate is responsible for".
SENTENCE_RE = re.compile(r"(?<!\w)(?:is|are|was|were|has|have|had|will|would|we|my|our|я|мы|был|была|были)(?!\w)",
                         re.IGNORECASE)
# Between the pieces of one title: "Sales Manager - Part Time", "Director, Client Services", "Leader | Partner".
TITLE_GAP_RE = re.compile(r" ?[-–—|,/&] ?| ")
COMMA_GAP_RE = re.compile(r"\s*,\s*")
BULLET_RE = re.compile(r"^\s*[-–•*●▪◦·»>]")
HEADER_LINE_MAX = 130
NEIGHBOUR_LINE_MAX = 100
NEIGHBOUR_WORDS_MAX = 14
SEGMENT_MAX = 80
TITLE_WORDS_MAX = 8


@dataclass(frozen=True)
class Lines:
    """Line index of a text: line number of an offset and the span of a line."""

    text: str
    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> "Lines":
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
class Header:
    """What the lines around one period say: title, employer and the first offset they used."""

    period: Period
    title: str | None
    employer: str | None
    start: int
    named: bool = False  # the title has a head word of the lexicon


def is_heading(line: str) -> bool:
    """A section heading (``lexicons/sections.yaml``), never part of a job header."""
    return header_name(line) is not None


def _clean(segment: str) -> str:
    """A segment without durations, years (ends of other periods on the line) and edge marks."""
    segment = DURATION_RE.sub(" ", segment) if DURATION_RE.search(segment) else segment
    segment = YEAR_RE.sub(" ", segment) if YEAR_RE.search(segment) else segment
    segment = re.sub(r"[\s\u200b]+", " ", segment).strip(" ,.;:-–—|/")
    segment = LABEL_RE.sub("", segment) if ":" in segment or len(segment) < 20 else segment
    if segment.count("(") != segment.count(")"):
        segment = segment.strip("()")
    return segment


def _segments(line: str) -> list[str]:
    """Header pieces of one line: split at separators, around anonymised employers, before
    employer prefixes, off places."""
    pieces = []
    for part in SPLIT_RE.split(line):
        for named in PLACEHOLDER_SPLIT_RE.split(part):  # the placeholders stay, as pieces
            if PLACEHOLDER_RE.fullmatch(named):
                pieces.append(named)
                continue
            for sub in re.split(rf"(?={EMPLOYER_PREFIX_RE.pattern})", named):
                for piece in _after_suffixes(sub):
                    pieces.extend(_off_places(_clean(piece)))
    return [p for p in pieces if p]


def _after_suffixes(sub: str) -> list[str]:
    """A segment split after legal forms followed by more words: "Acme Inc Sales Manager"."""
    cuts = [m.end() for m in EMPLOYER_SUFFIX_RE.finditer(sub)
            if sub[: m.start()].strip() and re.match(r"\.?\s+\w", sub[m.end() :])]
    return [sub[a:b] for a, b in zip([0, *cuts], [*cuts, len(sub)])]


def _off_places(sub: str) -> list[str]:
    pieces = []
    head = LOCATION_START_RE.match(sub)
    if head and head.end() < len(sub):
        pieces.append(_clean(sub[: head.end()]))
        sub = _clean(sub[head.end() :])
    tail = LOCATION_END_RE.search(sub)
    if tail:
        pieces.append(_clean(sub[: tail.start()]))
        sub = _clean(sub[tail.start() :])
    return [*pieces, sub]


def segment_kind(segment: str) -> str:
    if PLACEHOLDER_RE.fullmatch(segment):
        return "employer"
    if LOCATION_RE.match(segment) or DOMAIN_RE.search(segment) and len(segment.split()) <= 3:
        return "location"
    if EMPLOYER_PREFIX_RE.search(segment):
        return "employer"
    marker = EMPLOYER_ANY_RE.search(segment)
    if marker and not (marker.end() < len(segment) and TITLE_RE.search(segment.split()[-1])):
        return "employer"  # "Bank Teller", "Group Sales Associate" end in a title's head word
    if TITLE_RE.search(segment):
        return "title"
    if len(segment) > SEGMENT_MAX or not re.search(r"[^\W\d_]", segment):
        return "noise"
    return "other"


def _names_employer(line: str) -> bool:
    return bool(PLACEHOLDER_RE.search(line) or EMPLOYER_PREFIX_RE.search(line) or EMPLOYER_ANY_RE.search(line))


def names_a_course(title: str | None) -> bool:
    """A title that is a course, not a position: marked so in brackets ("(Курсы)"), or naming a
    course with no head word of a title outside brackets."""
    if not title or not COURSE_RE.search(title):
        return False
    if any(COURSE_RE.fullmatch(m.group()[1:-1].strip()) for m in BRACKETS_RE.finditer(title)):
        return True
    bare = BRACKETS_RE.sub(" ", title)
    return bool(COURSE_RE.search(bare)) and not TITLE_RE.search(bare)


def names_a_position(line: str) -> bool:
    """A line that names a job title or an employer."""
    return bool(TITLE_RE.search(line)) or _names_employer(line)


def header_part(line: str) -> str:
    """A short line as it is; else the header of a line that runs on into the description: the
    words before an anonymised employer, or its anchors (the employer, places) and the title-cased
    words after them, cut after the last head word of a title ("Company Name City , State Truck
    Driver Maintained telephone contact" → "Company Name City , State | Truck Driver"); else ""."""
    if _short_line(line):
        return line
    placeholder = PLACEHOLDER_RE.search(line, 0, NEIGHBOUR_LINE_MAX)
    if not placeholder:
        return ""
    anchors = ANCHOR_RE.match(line, placeholder.start())
    before = line[: placeholder.start()].strip()
    if before:  # "Chief Concierge, Team Leader Company Name – City , State Our goal was..."
        return f"{before} | {anchors.group().strip()}" if len(before.split()) <= 2 * TITLE_WORDS_MAX else ""
    run, _ = _title_run(line[anchors.end() :].split())
    return f"{anchors.group().rstrip()} | {' '.join(run)}".rstrip(" |")


def _title_run(words: list[str]) -> tuple[list[str], bool]:
    """The title-cased words that open ``words``, cut after the last head word of a title, and
    whether a verb ("Maintained", "Manages") ended them."""
    run: list[str] = []
    verb = False
    for word in words[:TITLE_WORDS_MAX]:
        verb = bool(VERB_RE.match(word)) and not TITLE_RE.match(word)
        if verb or not (word[0].isupper() or word.lower() in SMALL_WORDS or word[0] in "/&(-"):
            break
        run.append(word)
    heads = [n for n, word in enumerate(run) if TITLE_RE.search(word)]
    if heads:
        return run[: heads[-1] + 1], verb and heads[-1] == len(run) - 1
    if TITLE_WORDS_MAX // 2 < len(run) < len(words):
        return [], False  # a long title-cased run without a head word is a sentence
    return run, False


def leading_title(line: str) -> str | None:
    """A title that opens a description line: a few title-cased words ending in a head word, then
    a verb ("HR Generalist Mobilized employees overseas" → "HR Generalist")."""
    run, verb = _title_run(line.split())
    return " ".join(run) if verb and len(run) <= TITLE_WORDS_MAX // 2 else None


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
        and not BULLET_RE.match(stripped) and not is_heading(stripped)
    )


def next_filled(lines: Lines, i: int, count: int) -> list[str]:
    """Up to ``count`` non-empty lines after line ``i``, stripped."""
    found = []
    for k in range(i + 1, len(lines)):
        line = lines.line(k).strip()
        if line:
            found.append(line)
            if len(found) == count:
                break
    return found


def _above_period(lines: Lines, k: int, taken: set[int]) -> bool:
    """Whether the next non-empty line after line ``k`` holds a period."""
    for m in range(k + 1, min(len(lines), k + 3)):
        if lines.line(m).strip():
            return m in taken
    return False


def period_lines(p: Period, lines: Lines) -> tuple[int, int, int, int]:
    """First and last line of a period (it may be broken over lines) and their outer offsets."""
    i, j = lines.index(p.span[0]), lines.index(max(p.span[0], p.span[1] - 1))
    return i, j, lines.span(i)[0], lines.span(j)[1]


def runs_on(p: Period, lines: Lines) -> bool:
    """Whether the period's line is a long line of a paragraph, going on in lower case below."""
    _, j, a, b = period_lines(p, lines)
    return b - a > NEIGHBOUR_LINE_MAX and j + 1 < len(lines) and lines.line(j + 1)[:1].islower()


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
    sentence = before[:1].islower() or bool(SENTENCE_RE.search(before)) or not _title_cased(before)
    goes_on = lines.text[p.span[1] : b].strip()[:1].islower()
    inline = sentence and (len(before) > SEGMENT_MAX or runs_on(p, lines) or goes_on) or goes_on and line.endswith(".")
    return len(line) - len(p.text) <= HEADER_LINE_MAX and not inline


def single_date_header(date: Period, lines: Lines, shapes: set[tuple[bool, str]]) -> bool:
    """A single month date that heads a job like a period would: the line before it names a
    position in title case and nothing on the line reads as a sentence ("Intern 01/2013", "D2B
    Sales May 2015"); or its line is shaped like a period header of the document, the date in
    the period's place and the same words around it (``shapes`` of :func:`line_shape`:
    "January 2007 Company Name City , State" beside "January 2000 to January 2007 Company Name
    City , State")."""
    if line_shape(date, lines) in shapes:
        return True
    i = lines.index(date.span[0])
    a, b = lines.span(i)
    before, after = lines.text[a : date.span[0]].strip(" ,|-–—\t"), lines.text[date.span[1] : b].strip(" ,|-–—\t")
    line = f"{before} {after}"
    return (
        0 < len(before) <= SEGMENT_MAX and len(line) <= HEADER_LINE_MAX and _title_cased(before)
        and not ACTION_RE.match(before)
        and bool(TITLE_RE.search(before) or PLACEHOLDER_RE.search(before))
        and not SENTENCE_RE.search(line) and not YEAR_RE.search(line) and not line.rstrip().endswith(".")
        and (not after or _title_cased(after))
    )


def line_shape(p: Period, lines: Lines) -> tuple[bool, str] | None:
    """Where a one-line period or date stands on its line (first or not) and the rest of the
    line when it comes first: a layout to compare header lines by."""
    i, j, a, b = period_lines(p, lines)
    if i != j:
        return None
    first = not lines.text[a : p.span[0]].strip()
    return first, " ".join(lines.text[p.span[1] : b].split()) if first else ""


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
        if not header or _above_period(lines, k, taken) and not _names_employer(header):
            break  # a title right above the next period is that period's
        if header == line and k + 1 < len(lines) and k + 1 not in taken and _continues(lines.line(k + 1)):
            k += 1
            header += " " + lines.line(k)
        groups.append((lines.span(k)[0], _segments(header)))
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
        if not line.strip() or DURATION_RE.fullmatch(line.strip()):
            k -= 1
            continue
        if _continues(line) and k > 0 and k - 1 not in taken and _short_line(lines.line(k - 1)):
            k -= 1
            line = lines.line(k) + " " + line
        if not _short_line(line):
            break
        groups.append((lines.span(k)[0], _segments(line)))
        k -= 1
    return groups


def read_generic(p: Period, lines: Lines, floor: int, taken: set[int], use_before: bool) -> Header:
    """Title and employer from the period's line, then the lines after, then (``use_before``) the
    lines before it; else a title opening the description."""
    text = lines.text
    i, j, a, b = period_lines(p, lines)
    tail = text[p.span[1] : b].strip()
    own = (a, _segments(text[a : p.span[0]]) + _segments(header_part(tail) or tail))
    after, description = _lines_after(j, lines, taken)
    before = _lines_before(i, lines, floor, taken) if use_before else []
    # Segments of other lines count only when they read as a header (Latin ones in title case).
    # In a "title above the period" layout the lines below are places and text, so look above first.
    ordered = [own, *before, *after] if use_before else [own, *after, *before]
    kinds = []
    for n, (group_start, segments) in enumerate(ordered):
        pairs = [(seg, segment_kind(seg)) for seg in segments]
        kinds.append((group_start, [(seg, kind) for seg, kind in pairs
                                    if not SENTENCE_RE.search(seg) and (n == 0 or _reads_as_header(seg, kind))]))
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
    if title_group is not None:
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


def _whole_title(title: str, pairs: list[tuple[str, str]], text: str, line_start: int, p: Period,
                 anchored: bool) -> str:
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
    joined = [bool(gap.fullmatch(text[x[1] : y[0]])) for x, y in zip(spans, spans[1:])]  # piece n to n + 1
    first = last = k - lo
    while first > 0 and joined[first - 1]:
        first -= 1
    while last < len(joined) and joined[last]:
        last += 1
    first_at, last_at = spans[first][0], spans[last][1]
    if first_at < p.span[1] and p.span[0] < last_at or last_at - first_at > SEGMENT_MAX:
        return title
    return text[first_at:last_at]


def _employer_above(i: int, lines: Lines, floor: int, taken: set[int]) -> tuple[str, int] | None:
    """"DHL Supply Chain, Columbus, OH" alone above "Key Account Manager  2019 – Present": a short
    header line right above the period's line, with a blank line (or nothing) above it."""
    k = i - 1
    if k < 0 or k in taken or lines.span(k)[0] < floor:
        return None
    line = lines.line(k).strip()
    if not line or not line[:1].isupper() or not _short_line(line) or SENTENCE_RE.search(line):
        return None
    if k > 0 and lines.line(k - 1).strip():
        return None
    for seg in _segments(line):
        kind = segment_kind(seg)
        if kind in ("employer", "other") and _reads_as_header(seg, kind):
            return seg, lines.span(k)[0]
    return None
