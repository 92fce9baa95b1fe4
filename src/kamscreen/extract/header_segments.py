"""The pieces of a job header line: split at separators, around anonymised employers, before
employer prefixes and off places, each told apart as a title, an employer, a place or other
(:func:`segment_kind`), with the tests a header line must pass (title case, not a sentence).

>>> split_segments("Company Name City , State Sales Manager")
['Company Name', 'City', 'State', 'Sales Manager']
>>> segment_kind("ООО Ромашка"), segment_kind("Key Account Manager"), segment_kind("Moscow")
('employer', 'title', 'location')
"""

from __future__ import annotations

import re
from itertools import pairwise

from kamscreen.extract.header_patterns import (
    BRACKETS_RE,
    BULLET_RE,
    DOMAIN_RE,
    NEIGHBOUR_WORDS_MAX,
    SEGMENT_MAX,
    SMALL_WORDS,
    SPLIT_RE,
    TITLE_WORDS_MAX,
    VERB_RE,
    YEAR_RE,
    header_words,
    is_heading,
)
from kamscreen.extract.lines import NEIGHBOUR_LINE_MAX


def _clean(segment: str) -> str:
    """A segment without durations, years (ends of other periods on the line) and edge marks."""
    w = header_words()
    segment = w.duration.sub(" ", segment) if w.duration.search(segment) else segment
    segment = YEAR_RE.sub(" ", segment) if YEAR_RE.search(segment) else segment
    segment = re.sub(r"[\s\u200b]+", " ", segment).strip(" ,.;:-–—|/")
    segment = w.label.sub("", segment) if ":" in segment or len(segment) < 20 else segment
    if segment.count("(") != segment.count(")"):
        segment = segment.strip("()")
    return segment


def split_segments(line: str) -> list[str]:
    """Header pieces of one line: split at separators, around anonymised employers, before
    employer prefixes, off places."""
    w = header_words()
    pieces = []
    for part in SPLIT_RE.split(line):
        for named in w.placeholder_split.split(part):  # the placeholders stay, as pieces
            if w.placeholder.fullmatch(named):
                pieces.append(named)
                continue
            for sub in re.split(rf"(?={w.employer_prefix.pattern})", named):
                for piece in _after_suffixes(sub):
                    pieces.extend(_off_places(_clean(piece)))
    return [p for p in pieces if p]


def _after_suffixes(sub: str) -> list[str]:
    """A segment split after legal forms followed by more words: "Acme Inc Sales Manager"."""
    cuts = [
        m.end()
        for m in header_words().employer_suffix.finditer(sub)
        if sub[: m.start()].strip() and re.match(r"\.?\s+\w", sub[m.end() :])
    ]
    return [sub[a:b] for a, b in pairwise([0, *cuts, len(sub)])]


def _off_places(sub: str) -> list[str]:
    w = header_words()
    pieces = []
    head = w.location_start.match(sub)
    if head and head.end() < len(sub):
        pieces.append(_clean(sub[: head.end()]))
        sub = _clean(sub[head.end() :])
    tail = w.location_end.search(sub)
    if tail:
        pieces.append(_clean(sub[: tail.start()]))
        sub = _clean(sub[tail.start() :])
    return [*pieces, sub]


def segment_kind(segment: str) -> str:
    w = header_words()
    if w.placeholder.fullmatch(segment):
        return "employer"
    if w.location.match(segment) or (DOMAIN_RE.search(segment) and len(segment.split()) <= 3):
        return "location"
    if w.employer_prefix.search(segment):
        return "employer"
    marker = w.employer_any.search(segment)
    if marker and not (marker.end() < len(segment) and w.title.search(segment.split()[-1])):
        return "employer"  # "Bank Teller", "Group Sales Associate" end in a title's head word
    if w.title.search(segment):
        return "title"
    if len(segment) > SEGMENT_MAX or not re.search(r"[^\W\d_]", segment):
        return "noise"
    return "other"


def names_employer(line: str) -> bool:
    w = header_words()
    return bool(w.placeholder.search(line) or w.employer_prefix.search(line) or w.employer_any.search(line))


def names_a_course(title: str | None) -> bool:
    """A title that is a course, not a position: marked so in brackets ("(Курсы)"), or naming a
    course with no head word of a title outside brackets."""
    w = header_words()
    if not title or not w.course.search(title):
        return False
    if any(w.course.fullmatch(m.group()[1:-1].strip()) for m in BRACKETS_RE.finditer(title)):
        return True
    bare = BRACKETS_RE.sub(" ", title)
    return bool(w.course.search(bare)) and not w.title.search(bare)


def names_a_position(line: str) -> bool:
    """A line that names a job title or an employer."""
    return bool(header_words().title.search(line)) or names_employer(line)


def header_part(line: str) -> str:
    """A short line as it is; else the header of a line that runs on into the description: the
    words before an anonymised employer, or its anchors (the employer, places) and the title-cased
    words after them, cut after the last head word of a title ("Company Name City , State Truck
    Driver Maintained telephone contact" → "Company Name City , State | Truck Driver"); else ""."""
    w = header_words()
    if short_line(line):
        return line
    placeholder = w.placeholder.search(line, 0, NEIGHBOUR_LINE_MAX)
    if not placeholder:
        return ""
    anchors = w.anchor.match(line, placeholder.start())
    assert anchors is not None  # the anchor pattern opens with the placeholder
    before = line[: placeholder.start()].strip()
    if before:  # "Chief Concierge, Team Leader Company Name – City , State Our goal was..."
        return f"{before} | {anchors.group().strip()}" if len(before.split()) <= 2 * TITLE_WORDS_MAX else ""
    run, _ = title_run(line[anchors.end() :].split())
    return f"{anchors.group().rstrip()} | {' '.join(run)}".rstrip(" |")


def title_run(words: list[str]) -> tuple[list[str], bool]:
    """The title-cased words that open ``words``, cut after the last head word of a title, and
    whether a verb ("Maintained", "Manages") ended them."""
    w = header_words()
    run: list[str] = []
    verb = False
    for word in words[:TITLE_WORDS_MAX]:
        verb = bool(VERB_RE.match(word)) and not w.title.match(word)
        if verb or not (word[0].isupper() or word.lower() in SMALL_WORDS or word[0] in "/&(-"):
            break
        run.append(word)
    heads = [n for n, word in enumerate(run) if w.title.search(word)]
    if heads:
        return run[: heads[-1] + 1], verb and heads[-1] == len(run) - 1
    if TITLE_WORDS_MAX // 2 < len(run) < len(words):
        return [], False  # a long title-cased run without a head word is a sentence
    return run, False


def leading_title(line: str) -> str | None:
    """A title that opens a description line: a few title-cased words ending in a head word, then
    a verb ("HR Generalist Mobilized employees overseas" → "HR Generalist")."""
    run, verb = title_run(line.split())
    return " ".join(run) if verb and len(run) <= TITLE_WORDS_MAX // 2 else None


def title_cased(segment: str) -> bool:
    """Latin titles are written in title case ("Key Account Manager"), sentences are not."""
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", segment) if w.lower() not in SMALL_WORDS]
    latin = [w for w in words if w.isascii()]
    if len(latin) < len(words) or not words:
        return True
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def reads_as_header(segment: str, kind: str) -> bool:
    """A segment of a neighbouring line is a header, not a sentence of a description: in title
    case, or a short title-word phrase that does not open with a verb ("Managed", "Leading")."""
    if title_cased(segment) or kind in ("employer", "location"):
        return True
    words = segment.split()
    return kind == "title" and len(words) <= 8 and not re.match(r"[A-Za-z]+(?:ed|ing)$", words[0])


def continues(line: str) -> bool:
    """A line that carries on the one above it: a wrapped title goes on in lower case."""
    stripped = line.strip()
    return bool(stripped) and stripped[0].islower() and len(stripped) <= SEGMENT_MAX // 2


def short_line(line: str) -> bool:
    """A line that may be part of a job header: short, not a bullet, not a sentence or its part."""
    stripped = line.strip()
    words = stripped.split()
    return (
        0 < len(stripped) <= NEIGHBOUR_LINE_MAX
        and len(words) <= NEIGHBOUR_WORDS_MAX
        and not stripped.endswith((".", ";", ":", ","))
        and words[-1].lower() not in SMALL_WORDS
        and not BULLET_RE.match(stripped)
        and not is_heading(stripped)
    )
