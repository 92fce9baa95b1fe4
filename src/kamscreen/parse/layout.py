"""Reading order of one PDF page from positioned glyphs.

Glyphs are grouped into rows (same baseline), rows into segments (runs split by a wide gap). A
*column block* is a run of consecutive rows that share an empty vertical gutter, with enough text
on both sides; it is read column by column (each side whole, top to bottom), recursively, so a
sidebar beside the experience or a three-column skills table keeps each column together. Rows
that cross every gutter (a full-width line) are read left to right as usual.

Coordinates are top-down: ``top < bottom``, x grows to the right.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# text, tight x0, tight x1, top, bottom, space before (a space or line break precedes it in the
# content), loose x0, loose x1 (origin .. origin + advance width)
Glyph = tuple[str, float, float, float, float, bool, float, float]

SPACE_GAP = 0.10  # a gap wider than this share of the glyph height is a word space, marked or not
LOOSE_SPACE_GAP = 0.1  # with exact advance widths: any gap of a tenth of the line height is a space
CASE_GAP = 0.05  # lower- then upper-case: camelCase words are set tight, "TeamNov" is not
PUNCT_GAP = 0.16  # beside punctuation, whose boxes are narrow
TABULAR_GAP = 0.3  # the same between two digits, whose tight boxes sit apart in tabular figures
SEGMENT_GAP = 0.9  # a gap wider than this share of the row height splits the row into segments
MIN_COLUMN_LINES = 3  # each side of a column block needs at least this many lines
_LEAD_ROWS = 4  # one-sided rows a column block may start with before its gutter appears
_DATE_LINE = re.compile(
    r"\b(19|20)\d\d\b|\b(present|current|now|н\.?\s?в\.?|настоящее)\b|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.IGNORECASE,
)
_EMPTY = re.compile("0+")


@dataclass(slots=True)
class Segment:
    """A run of glyphs on one row with no wide gap inside."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(slots=True)
class Line:
    """One output line: its text and vertical extent (for paragraph breaks)."""

    text: str
    top: float
    bottom: float
    column_start: bool = False


@dataclass(slots=True)
class PageLayout:
    """A page's lines in reading order and how many column blocks were found."""

    lines: list[Line]
    column_blocks: int


def layout_page(glyphs: list[Glyph]) -> PageLayout:
    """Order the glyphs of one page into lines, reading column blocks column by column."""
    rows = _rows(glyphs, advances_exact(glyphs))
    counter = [0]
    lines = _read(rows, counter)
    return PageLayout(lines=lines, column_blocks=counter[0])


def lines_to_text(lines: list[Line]) -> str:
    """Join lines with newlines; a blank line marks a paragraph gap or a new column."""
    out: list[str] = []
    previous: Line | None = None
    for line in lines:
        if previous is not None:
            height = max(previous.bottom - previous.top, 1.0)
            if line.column_start or line.top - previous.bottom > 0.8 * height:
                out.append("")
        out.append(line.text)
        previous = line
    return "\n".join(out)


def advances_exact(glyphs: list[Glyph]) -> bool:
    """Do the fonts' advance widths match the glyph positions (most PDFs) or lie (wkhtmltopdf)?

    When they match, neighbouring letters of a word touch exactly (loose gap 0) and a wider gap is
    a space; when they lie, the tight glyph boxes are the better evidence.
    """
    touching = pairs = 0
    sample = glyphs[:1500]
    for a, b in zip(sample, sample[1:]):
        if abs(a[3] - b[3]) < 0.5 and b[6] >= a[6]:
            pairs += 1
            touching += abs(b[6] - a[7]) < 0.02 * (a[4] - a[3])
    return pairs > 0 and touching >= 0.5 * pairs


def _rows(glyphs: list[Glyph], exact: bool = True) -> list[list[Segment]]:
    """Cluster glyphs by vertical middle, sort each row by x and cut it into segments."""
    if not glyphs:
        return []
    ordered = sorted(glyphs, key=lambda g: (g[3] + g[4]) / 2)
    rows: list[list[Glyph]] = []
    current: list[Glyph] = [ordered[0]]
    anchor = (ordered[0][3] + ordered[0][4]) / 2
    tolerance = max((ordered[0][4] - ordered[0][3]) * 0.4, 1.0)
    for glyph in ordered[1:]:
        middle = (glyph[3] + glyph[4]) / 2
        if middle - anchor > tolerance:
            rows.append(current)
            current = [glyph]
            anchor = middle
            tolerance = max((glyph[4] - glyph[3]) * 0.4, 1.0)
        else:
            current.append(glyph)
    rows.append(current)
    return [_segments(row, exact) for row in rows]


def _segments(row: list[Glyph], exact: bool) -> list[Segment]:
    row.sort(key=lambda g: g[1])
    segments: list[Segment] = []
    parts: list[str] = []
    x0 = x1 = top = bottom = 0.0
    previous: Glyph | None = None
    for glyph in row:
        text, gx0, gx1, gtop, gbottom, space_before, loose_x0, _ = glyph
        height = gbottom - gtop
        if previous is not None:
            gap = gx0 - x1
            if text == previous[0] and abs(gx0 - previous[1]) < 0.3 * max(gx1 - gx0, 0.5):
                continue  # the same glyph painted twice (fake bold, shadow)
            if gap > SEGMENT_GAP * height:
                segments.append(Segment("".join(parts), x0, x1, top, bottom))
                previous = None
            elif parts[-1] != " " and (
                space_before
                or (
                    loose_x0 - previous[7] > LOOSE_SPACE_GAP * height
                    if exact  # advance widths are right: the loose boxes tell
                    else gap > 0.0 and gap > _space_gap(previous[0], text) * height  # tight boxes tell
                )
            ):
                parts.append(" ")
        if previous is None:
            parts = [text]
            x0, x1, top, bottom = gx0, gx1, gtop, gbottom
        else:
            parts.append(text)
            if gx1 > x1:
                x1 = gx1
            if gtop < top:
                top = gtop
            if gbottom > bottom:
                bottom = gbottom
        previous = glyph
    if previous is not None:
        segments.append(Segment("".join(parts), x0, x1, top, bottom))
    return segments


@functools.lru_cache(maxsize=8192)
def _space_gap(before: str, after: str) -> float:
    """Gap (share of glyph height) that makes a word space, from the glyphs' tight boxes.

    Digits and symbols sit wider apart (tabular figures: "2015", "$100"); an ``f`` overhangs the
    next letter inside a word, so after it any positive gap before a letter is a space ("of the").
    """
    if before.isdigit() or after.isdigit():
        return 2 * SPACE_GAP if before.isalpha() or after.isalpha() else TABULAR_GAP  # "COVID-19", "$1.4"
    if not (before.isalpha() and after.isalpha()):
        return PUNCT_GAP  # punctuation: "cross-selling", "U.S.", "Oil & Gas"
    if before == "f" and after != "f":
        return 0.0
    if before.islower() and after.isupper():
        return CASE_GAP
    return SPACE_GAP


def _read(rows: list[list[Segment]], counter: list[int]) -> list[Line]:
    """Reading order of rows: the best column block read column-wise, the rest recursively."""
    rows = [row for row in rows if row]
    block = _best_block(rows)
    if block is None:
        return [_row_line(row) for row in rows]
    first, last, g0, g1 = block
    counter[0] += 1
    inside = rows[first : last + 1]
    middle = (g0 + g1) / 2
    left = [[s for s in row if s.x0 < middle] for row in inside]
    right = [[s for s in row if s.x0 >= middle] for row in inside]
    left_lines = _read(left, counter)
    right_lines = _read(right, counter)
    if right_lines:
        right_lines[0].column_start = True
    return _read(rows[:first], counter) + left_lines + right_lines + _read(rows[last + 1 :], counter)


def _row_line(row: list[Segment]) -> Line:
    return Line(
        text=" ".join(s.text for s in row),
        top=min(s.top for s in row),
        bottom=max(s.bottom for s in row),
    )


def _best_block(rows: list[list[Segment]]) -> tuple[int, int, float, float] | None:
    """The best column block: (first row, last row, gutter x0, gutter x1), or None.

    Each row covers some x-ranges (a bitmask of 1-pt bins). A run of rows whose union leaves an
    inner empty strip at least one text line wide has a gutter; a full-width row closes it. Column
    rows need not share baselines (a sidebar rarely does).
    """
    if len(rows) < 2 * MIN_COLUMN_LINES:
        return None
    masks = [_mask(row) for row in rows]
    width = _min_gutter(rows)
    best: tuple[int, tuple[int, int, float, float]] | None = None
    seen_ends: set[int] = set()
    for first in range(len(rows)):
        union = masks[first]
        last, gutter = first, None
        for index in range(first + 1, len(rows)):
            candidate = _widest_gap(union | masks[index], width)
            if candidate is None and (gutter is not None or index - first > _LEAD_ROWS):
                break
            union |= masks[index]
            if candidate is not None:
                last, gutter = index, candidate
        if gutter is None or last in seen_ends:
            continue
        seen_ends.add(last)  # a later start with the same end is a smaller copy of this block
        block = _trim(rows, first, last, float(gutter[0]), float(gutter[1]))
        if block is None:
            continue
        score = _block_score(rows, block)
        if score and (best is None or score > best[0]):
            best = (score, block)
    return best[1] if best else None


def _trim(rows: list[list[Segment]], first: int, last: int, g0: float, g1: float):
    """Keep the rows where both columns run, plus one-sided rows above or below that line up with
    their column's left edge (a sidebar's tail does; the next full-width section's header does not)."""
    middle = (g0 + g1) / 2
    left = [i for i in range(first, last + 1) if any(s.x0 < middle for s in rows[i])]
    right = [i for i in range(first, last + 1) if any(s.x0 >= middle for s in rows[i])]
    if not left or not right:
        return None
    core0, core1 = max(left[0], right[0]), min(left[-1], right[-1])
    if core0 > core1:
        return None
    core = [s for i in range(core0, core1 + 1) for s in rows[i]]
    edges = (
        min((s.x0 for s in core if s.x0 < middle), default=g0),
        min((s.x0 for s in core if s.x0 >= middle), default=g1),
    )

    def side_of(row: list[Segment]) -> int:
        return 0 if row[0].x0 < middle else 1

    def joins(index: int, step: int) -> bool:
        """Row ``index`` lines up with its column's left edge and follows that column's previous
        line (above when growing down, below when growing up) without a paragraph-sized gap."""
        row = rows[index]
        side = side_of(row)
        if min(s.x0 for s in row) < edges[side] - 3.0:
            return False
        neighbour = next(
            (rows[i] for i in range(index - step, first - 1 if step > 0 else last + 1, -step)
             if any(side_of([s]) == side for s in rows[i])),
            None,
        )
        if neighbour is None:
            return False
        height = max(s.bottom - s.top for s in row)
        above, below = (neighbour, row) if step > 0 else (row, neighbour)
        gap = min(s.top for s in below) - max(s.bottom for s in above)
        return gap <= 1.5 * height

    start, end = core0, core1
    while start > first and joins(start - 1, -1):
        start -= 1
    while end < last and joins(end + 1, 1):
        end += 1
    return start, end, g0, g1


def _mask(row: list[Segment]) -> int:
    mask = 0
    for seg in row:
        start = max(int(seg.x0), 0)
        stop = max(int(seg.x1) + 1, start + 1)
        mask |= ((1 << (stop - start)) - 1) << start
    return mask


def _widest_gap(mask: int, width: float) -> tuple[int, int] | None:
    """The widest run of empty bins strictly inside ``mask``, as (x0, x1), if at least ``width``."""
    bits = bin(mask)[:1:-1]  # bit k at index k
    low = bits.find("1")
    high = bits.rfind("1")
    best: tuple[int, int] | None = None
    for match in _EMPTY.finditer(bits, low, high):
        if match.end() - match.start() >= width and (best is None or match.end() - match.start() > best[1] - best[0]):
            best = (match.start(), match.end())
    return best


def _min_gutter(rows: list[list[Segment]]) -> float:
    heights = sorted(s.bottom - s.top for row in rows for s in row)
    return max(SEGMENT_GAP * heights[len(heights) // 2], 4.0)


def _block_score(rows: list[list[Segment]], block: tuple[int, int, float, float]) -> int:
    """Lines on the thinner side, or 0 when the block is not a real pair of columns."""
    first, last, g0, g1 = block
    middle = (g0 + g1) / 2
    left: list[str] = []
    right: list[str] = []
    for row in rows[first : last + 1]:
        left_text = " ".join(s.text for s in row if s.x0 < middle)
        right_text = " ".join(s.text for s in row if s.x0 >= middle)
        if _wordy(left_text):
            left.append(left_text)
        if _wordy(right_text):
            right.append(right_text)
    if min(len(left), len(right)) < MIN_COLUMN_LINES:
        return 0  # bullets, numbers or a stray line beside the text
    narrow = left if sum(map(len, left)) < sum(map(len, right)) else right
    if sum(bool(_DATE_LINE.search(t)) for t in narrow) >= 0.6 * len(narrow):
        return 0  # a column of dates beside job titles: keep rows together
    if sum(t.rstrip().endswith(":") for t in left) >= 0.6 * len(left):
        return 0  # a label: value table
    return min(len(left), len(right))


def _wordy(text: str) -> bool:
    return sum(ch.isalpha() for ch in text) >= 2
