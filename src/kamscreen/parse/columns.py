"""Reading order of rows: column blocks (a sidebar, a two- or three-column list) read column-wise,
tables (hh.ru's period | job export, label | content) read row by row.

A *column block* is a run of consecutive rows that share an empty vertical gutter, with enough text
on both sides. Each side is cut into blocks at vertical gaps; when the left blocks line up with right
blocks (``table_bands``; a single narrow dated cell is a one-row table) the block is a table, read band
by band: each left block (its wrapped lines joined again), then the right blocks beside it. Otherwise
it is a sidebar beside a main column, read column by column (each side whole, top to bottom),
recursively. Rows that cross every gutter (a full-width line) are read left to right as usual. Last,
a heading or job title wrapped over full lines becomes one line again (``join_wrapped_headings``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from kamscreen.months import month_numbers, present_words
from kamscreen.parse.glyphs import SEGMENT_GAP, Segment
from kamscreen.parse.sections import header_name

MIN_COLUMN_LINES = 3  # each side of a column block needs at least this many lines
_SHORT_CELL_WORDS = 4  # cells this short, paired on shared baselines, make a table read row by row
_LEAD_ROWS = 4  # one-sided rows a column block may start with before its gutter appears
_EMPTY = re.compile("0+")
BLOCK_GAP = 0.6  # a vertical gap wider than this share of the line height starts a new block
MIN_TABLE_BLOCKS = 2  # a table / label column needs at least this many left blocks lined up ...
TABLE_SHARE = 0.6  # ... and this share of all its left blocks
ALIGN_SLACK = 0.5  # block tops this close (share of the line height) are on one table row
CELL_EDGE = 0.25  # a left cell's wrap width: its widest line plus this share of the gutter
_SENTENCE_END = tuple(".;:!?")
_UNFINISHED = tuple("—–-,")  # a cell line ending so goes on in the next line
_ITEM_MARKS = tuple("•·▪■●○◦►▶*-–—")  # a line starting so is a new item of a list
SINGLE_ROW_CELL = 0.5  # a lone left block is a table row when at most this share of the right column's width
HEADING_SIZE = 1.15  # a line this much taller than the page's body text is a heading or a title


@cache
def _date_line() -> re.Pattern[str]:
    """A line that holds a date: a year, a month name or a word for "present"."""
    words = sorted({*month_numbers(), *present_words()}, key=len, reverse=True)
    names = "|".join(r"\s*".join(map(re.escape, word.split())) for word in words)
    return re.compile(rf"\b(19|20)\d\d\b|(?<!\w)(?:{names})(?!\w)", re.IGNORECASE)


@cache
def _period_end() -> re.Pattern[str]:
    """The end of a period: a cell that ends so ("Август 2023 — настоящее время", "Май 2018 — март
    2020") is complete, and the next line (hh.ru's duration "2 года 2 месяца") starts a new item
    even where its first word would not fit."""
    words = sorted(present_words(), key=len, reverse=True)
    present = "|".join(r"\s*".join(map(re.escape, word.split())) for word in words)
    return re.compile(rf"(?:[—–-]\s*(?:[^\W\d_]+\.?\s+)?(?:19|20)\d\d|(?<!\w)(?:{present}))\s*$", re.IGNORECASE)


@dataclass(slots=True)
class Line:
    """One output line: its text and vertical extent (for paragraph breaks)."""

    text: str
    top: float
    bottom: float
    column_start: bool = False
    x0: float = 0.0
    x1: float = 0.0
    lead: float = 0.0  # width of the first word (was there room for it at the end of the line above?)


def read_rows(rows: list[list[Segment]]) -> tuple[list[Line], int]:
    """Rows (top to bottom) → lines in reading order, and the number of column blocks found."""
    counter = [0]
    lines = join_wrapped_headings(_read(rows, counter))
    return lines, counter[0]


def _read(rows: list[list[Segment]], counter: list[int]) -> list[Line]:
    """The best column block read column-wise, the rows above and below it recursively."""
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
    banded = table_bands(left_lines, right_lines, max(s.x1 for row in rows for s in row))
    if banded is None:
        if right_lines:
            right_lines[0].column_start = True
        banded = left_lines + right_lines
    return _read(rows[:first], counter) + banded + _read(rows[last + 1 :], counter)


def text_blocks(lines: list[Line]) -> list[list[Line]]:
    """Cut a column's lines (reading order) into blocks at gaps wider than ``BLOCK_GAP`` line heights
    (or where the reading goes back up: a line starting above the one before)."""
    blocks: list[list[Line]] = []
    for line in lines:
        if blocks:
            previous = blocks[-1][-1]
            gap = line.top - previous.bottom  # below zero: the bands overlap (an OCR line's band is loose)
            if line.top > previous.top and gap <= BLOCK_GAP * max(previous.bottom - previous.top, 1.0):
                blocks[-1].append(line)
                continue
        blocks.append([line])
    return blocks


def table_bands(left: list[Line], right: list[Line], text_edge: float) -> list[Line] | None:
    """A table or label column (hh.ru's period | job, "Знание языков" | "Английский — B2") read band by
    band: each left block, then the right blocks that start in its band. None when the left blocks do
    not line up with right blocks (a sidebar beside the main column: read each column whole).

    A left block lines up when a right block starts within ``ALIGN_SLACK`` line heights of its top and
    no other one starts beside it (a sidebar's long block has several main-column items beside it),
    unless it is a narrow cell (see below) with a date: a period beside its job, whose title may
    start beside it. A one-line left block with no right block in its band (a short heading at the
    margin) does not count. At least ``MIN_TABLE_BLOCKS`` left blocks and ``TABLE_SHARE`` of those
    counted must line up, or the only one counted must, when it is a narrow cell with a date beside
    a wide one (at most ``SINGLE_ROW_CELL`` of the right column's width, up to ``text_edge``, the
    right edge of the text around): a single row, one long job on a page, perhaps under the end of
    the job before (two columns of a list stay columns).
    """
    left_blocks, right_blocks = text_blocks(left), text_blocks(right)
    if not left_blocks or not right_blocks:
        return None

    def height(block: list[Line]) -> float:
        return max(block[0].bottom - block[0].top, 1.0)

    def dated(block: list[Line]) -> bool:
        return any(_date_line().search(line.text) for line in block)

    right_start = min(line.x0 for line in right)
    narrow = max(line.x1 for line in left) - min(line.x0 for line in left) <= SINGLE_ROW_CELL * (
        text_edge - right_start
    )

    def lines_up(block: list[Line]) -> bool:
        slack = ALIGN_SLACK * height(block)
        starts = [r[0].top - block[0].top for r in right_blocks if r[0].top < block[-1].bottom - slack]
        alone = not any(d > slack for d in starts)
        return any(abs(d) <= slack for d in starts) and (alone or (narrow and dated(block)))

    def partnered(block: list[Line], next_top: float) -> bool:
        slack = ALIGN_SLACK * height(block)
        return any(block[0].top - slack <= r[0].top < next_top - slack for r in right_blocks)

    next_tops = [b[0].top for b in left_blocks[1:]] + [math.inf]
    counted = [b for b, next_top in zip(left_blocks, next_tops, strict=True) if len(b) > 1 or partnered(b, next_top)]
    aligned = sum(map(lines_up, counted))
    single = len(counted) == 1 and aligned and narrow and dated(counted[0])
    if not single and (aligned < MIN_TABLE_BLOCKS or aligned < TABLE_SHARE * len(counted)):
        return None
    tops = [b[0].top - height(b) for b in left_blocks]
    bands: list[list[Line]] = [[] for _ in range(len(left_blocks) + 1)]  # band 0: right text above every left block
    for block in right_blocks:
        bands[sum(top <= block[0].top for top in tops)].extend(block)
    out = list(bands[0])
    widest = max(line.x1 for line in left)
    right_edge = widest + CELL_EDGE * max(right_start - widest, 0.0)  # the cell ends inside the gutter
    for block, band in zip(left_blocks, bands[1:], strict=True):
        for line in band:
            line.column_start = False
        out.extend(unwrap_cell(block, right_edge))
        out.extend(band)
    return out


def _row_line(row: list[Segment]) -> Line:
    first = row[0]
    word = first.text.split(" ", 1)[0]
    lead = (first.x1 - first.x0) * len(word) / max(len(first.text), 1)
    if len(row) == 1:
        return Line(text=first.text, top=first.top, bottom=first.bottom, x0=first.x0, x1=first.x1, lead=lead)
    return Line(
        text=" ".join(s.text for s in row),
        top=min(s.top for s in row),
        bottom=max(s.bottom for s in row),
        x0=first.x0,
        x1=max(s.x1 for s in row),
        lead=lead,
    )


def unwrap_cell(block: list[Line], right_edge: float) -> list[Line]:
    """Join the lines of a narrow table cell that were broken only because the next word did not fit
    ("Май 2018 — декабрь" / "2020", "Повышение" / "квалификации, курсы") or that end unfinished, on a
    dash or a comma ("Апрель 2017 —" / "настоящее время"); a line with room left for the next word
    ended there on purpose ("настоящее время" / "4 года 4 месяца"), and so did a section heading
    ("Образование" / "Высшее") and one in another font size (a heading above the cell)."""
    out = [block[0]]
    tail = block[0]  # the last line read, before any join
    for line in block[1:]:
        previous = out[-1]
        height = tail.bottom - tail.top
        wrapped = (
            tail.x1 + 0.3 * height + line.lead > right_edge
            and not tail.text.endswith(_SENTENCE_END)
            and not _period_end().search(previous.text)
            and header_name(previous.text) is None
        )
        if (wrapped or tail.text.endswith(_UNFINISHED)) and abs(line.bottom - line.top - height) < 0.1 * height:
            out[-1] = Line(
                f"{previous.text} {line.text}",
                previous.top,
                line.bottom,
                previous.column_start,
                min(previous.x0, line.x0),
                line.x1,
                previous.lead,
            )
        else:
            out.append(line)
        tail = line
    return out


def join_wrapped_headings(lines: list[Line]) -> list[Line]:
    """Join a heading or a job title that wrapped over lines ("Начальник управления кредитов, Начальник
    управления" / "ценообразования, ..."): consecutive lines of one height and left edge, taller than
    the page's body text (``HEADING_SIZE``), each but the last full: the next line's first word would
    not have fitted before the page's right text edge; not after a sentence's end, nor before a list
    item."""
    if len(lines) < 2:
        return lines
    heights = sorted(line.bottom - line.top for line in lines)
    body = heights[len(heights) // 2]
    edge = max(line.x1 for line in lines)
    out = [lines[0]]
    tail = lines[0]  # the last line read, before any join
    for line in lines[1:]:
        height = tail.bottom - tail.top
        if (
            height > HEADING_SIZE * body
            and abs(line.bottom - line.top - height) < 0.05 * height
            and abs(line.x0 - tail.x0) < 1.0
            and not line.column_start
            and abs(line.top - tail.bottom) < 0.5 * height
            and tail.x1 + 0.3 * height + line.lead > edge
            and not tail.text.endswith(_SENTENCE_END)
            and not line.text.startswith(_ITEM_MARKS)
        ):
            head = out[-1]
            out[-1] = Line(
                f"{head.text} {line.text}", head.top, line.bottom, head.column_start, head.x0, line.x1, head.lead
            )
        else:
            out.append(line)
        tail = line
    return out


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
    need = math.ceil(width)
    best: tuple[int, tuple[int, int, float, float]] | None = None
    seen_ends: set[int] = set()
    gaps: dict[int, bool] = {}  # union mask → has a gutter (runs from different rows reach the same unions)
    for first in range(len(rows)):
        union = masks[first]
        last, gutter_union = first, 0
        for index in range(first + 1, len(rows)):
            extended = union | masks[index]
            gap = gaps.get(extended)
            if gap is None:
                gap = gaps[extended] = _has_gap(extended, need)
            if not gap:
                if gutter_union or index - first > _LEAD_ROWS:
                    break
            else:
                last, gutter_union = index, extended
            union = extended
        if not gutter_union or last in seen_ends:
            continue
        seen_ends.add(last)  # a later start with the same end is a smaller copy of this block
        gutter = _widest_gap(gutter_union, width)
        if gutter is None:
            continue
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
            (
                rows[i]
                for i in range(index - step, first - 1 if step > 0 else last + 1, -step)
                if any(side_of([s]) == side for s in rows[i])
            ),
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


_MAX_BIN = 20_000  # points; a mask bit per point, capped so a hostile page cannot ask for millions


def _mask(row: list[Segment]) -> int:
    mask = 0
    for seg in row:
        start = min(max(int(seg.x0), 0), _MAX_BIN)
        stop = min(max(int(seg.x1) + 1, start + 1), _MAX_BIN + 1)
        mask |= ((1 << (stop - start)) - 1) << start
    return mask


def _has_gap(mask: int, need: int) -> bool:
    """Is there a run of ``need`` empty bins strictly inside ``mask``? (bit arithmetic, no strings)"""
    if not mask:
        return False
    lowest = mask & -mask
    inside = ((1 << mask.bit_length()) - 1) ^ ((lowest << 1) - 1)
    runs = ~mask & inside  # bit k set: bin k is empty; below, keep k only if k .. k+n-1 all are
    length = 1
    while length < need and runs:
        step = min(length, need - length)
        runs &= runs >> step
        length += step
    return runs != 0


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
    sides: tuple[list[Line], list[Line]] = ([], [])
    paired = 0
    for row in rows[first : last + 1]:
        left_text = " ".join(s.text for s in row if s.x0 < middle)
        right_text = " ".join(s.text for s in row if s.x0 >= middle)
        for text, lines, part in ((left_text, left, 0), (right_text, right, 1)):
            if _wordy(text):
                lines.append(text)
                segs = [s for s in row if (s.x0 >= middle) == bool(part)]
                sides[part].append(Line(text, min(s.top for s in segs), max(s.bottom for s in segs)))
        paired += _wordy(left_text) and _wordy(right_text)
    if min(len(left), len(right)) < MIN_COLUMN_LINES:
        return 0  # bullets, numbers or a stray line beside the text
    narrow, narrow_lines = (left, sides[0]) if sum(map(len, left)) < sum(map(len, right)) else (right, sides[1])
    single = sum(len(block) == 1 for block in text_blocks(narrow_lines))
    if sum(bool(_date_line().search(t)) for t in narrow) >= 0.6 * len(narrow) and single >= 0.6 * len(narrow):
        return 0  # one-line dates beside job titles: keep rows together (multi-line date cells are a table)
    if sum(t.rstrip().endswith(":") for t in left) >= 0.6 * len(left):
        return 0  # a label: value table
    rows_in_block = last - first + 1
    short = all(len(t.split()) <= _SHORT_CELL_WORDS for t in left + right)
    if short and paired >= 0.8 * rows_in_block:
        return 0  # a table of short cells side by side ("English | Fluent"): a row is a record
    return min(len(left), len(right))


def _wordy(text: str) -> bool:
    """At least two letters."""
    letters = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if letters == 2:
                return True
    return False
