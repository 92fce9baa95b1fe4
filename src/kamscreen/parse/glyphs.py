"""Positioned glyphs of a PDF page → rows of word segments, with the word spaces put back.

PDF producers do not always write space characters (wkhtmltopdf drops many), so spaces are also
inferred from gaps: from the loose boxes (origin .. origin + advance) when the fonts' advance widths
are right, else from the tight glyph boxes with per-glyph-class thresholds, checked against the
page itself: a pair of letters sits at about the same tight gap wherever it stands inside a word,
and a word space widens it by about a quarter of the line height. So a pair set much wider than
its tightest setting on the page holds a space ("of|families": ``ff`` overlaps inside words), and
one set about as tight does not ("S|oftware": ``S`` and ``o`` stand apart in every word). Glyphs
glued in the PDF itself (no gap, as drawn: "callingExcellent") stay glued: no position tells.

Coordinates are top-down: ``top < bottom``, x grows to the right.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from itertools import pairwise
from operator import itemgetter

# text, x0, x1 (tight glyph box, or the loose box when the advance widths are exact), top, bottom
# (the font's height band), space before (a space or line break precedes it in the content),
# loose x0, loose x1 (origin .. origin + advance width; the tight box when widths lie)
Glyph = tuple[str, float, float, float, float, bool, float, float]

SPACE_GAP = 0.10  # a gap wider than this share of the glyph height is a word space, marked or not
LOOSE_SPACE_GAP = 0.1  # with exact advance widths: any gap of a tenth of the line height is a space
CASE_GAP = 0.05  # lower- then upper-case: camelCase words are set tight, "TeamNov" is not
PUNCT_GAP = 0.16  # beside punctuation, whose boxes are narrow
TABULAR_GAP = 0.3  # the same between two digits, whose tight boxes sit apart in tabular figures
SEGMENT_GAP = 0.9  # a gap wider than this share of the row height splits the row into segments
# Tight boxes, corrected by the page: a letter pair's gap (share of the height) against the pair's
# tightest gap on the page, where it stands inside a word
SPLIT_GAP = 0.2  # wider than the tightest by most of a space's width, and visibly apart: a space
SAME_GAP = 0.08  # closer than this to a tightest gap that is no space (below the class threshold
SAME_MARGIN = 0.02  # by this margin): the same setting, no space
_X0 = itemgetter(1)


@dataclass(slots=True)
class Segment:
    """A run of glyphs on one row with no wide gap inside."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


def advances_exact(glyphs: list[Glyph]) -> bool:
    """Do the fonts' advance widths match the glyph positions (most PDFs) or lie (wkhtmltopdf)?

    When they match, neighbouring letters of a word touch exactly (loose gap 0) and a wider gap is
    a space; when they lie, the tight glyph boxes are the better evidence.
    """
    touching = pairs = 0
    sample = glyphs[:600]
    for a, b in pairwise(sample):
        if -0.5 < a[3] - b[3] < 0.5 and b[6] >= a[6]:
            pairs += 1
            tolerance = 0.02 * (a[4] - a[3])
            touching += -tolerance < b[6] - a[7] < tolerance
    return pairs > 0 and touching >= 0.5 * pairs


def rows_of(glyphs: list[Glyph], exact: bool = True) -> list[list[Segment]]:
    """Cluster glyphs by vertical middle, sort each row by x and cut it into segments."""
    if not glyphs:
        return []
    middles = [(g[3] + g[4]) / 2 for g in glyphs]
    order = sorted(range(len(glyphs)), key=middles.__getitem__)  # stable, as sorting the glyphs by middle
    rows: list[list[Glyph]] = []
    glyph = glyphs[order[0]]
    current: list[Glyph] = [glyph]
    anchor = middles[order[0]]
    tolerance = max((glyph[4] - glyph[3]) * 0.4, 1.0)
    for index in order[1:]:
        middle = middles[index]
        if middle - anchor > tolerance:
            rows.append(current)
            glyph = glyphs[index]
            current = [glyph]
            anchor = middle
            tolerance = max((glyph[4] - glyph[3]) * 0.4, 1.0)
        else:
            current.append(glyphs[index])
    rows.append(current)
    for row in rows:
        row.sort(key=_X0)
    tightest = None if exact else _tightest(rows)
    return [_segments(row, exact, tightest) for row in rows]


def _tightest(rows: list[list[Glyph]]) -> dict[str, float]:
    """The tightest gap (share of the height) of each pair of glyphs on the page ("ff" → -0.18),
    of the pairs set tighter than a word space (only such a setting changes an answer)."""
    low: dict[str, float] = {}
    get = low.get
    for row in rows:
        a = row[0]
        for b in row[1:]:
            share = (b[1] - a[2]) / (b[4] - b[3] or 1.0)
            if share < SPACE_GAP:
                pair = a[0] + b[0]
                if share < get(pair, SPACE_GAP) and (a[0] != b[0] or b[1] - a[1] >= 0.3 * max(b[2] - b[1], 0.5)):
                    low[pair] = share  # (not a glyph painted twice: fake bold)
            a = b
    return low


def _segments(row: list[Glyph], exact: bool, tightest: dict[str, float] | None = None) -> list[Segment]:
    """Cut an x-sorted row into segments, putting the word spaces back (see module doc)."""
    segment_gap, loose_space_gap, space_gap = SEGMENT_GAP, LOOSE_SPACE_GAP, _space_gap
    same_gap, case_gap = SAME_GAP, CASE_GAP
    segments: list[Segment] = []
    parts: list[str] = []
    spaced = False  # the last part is a space (a glyph " "; inferred spaces are never doubled)
    x0 = x1 = top = bottom = 0.0
    previous: Glyph | None = None
    for glyph in row:
        text, gx0, gx1, gtop, gbottom, space_before, loose_x0, _ = glyph
        if previous is None:
            parts = [text]
            spaced = text == " "
            x0, x1, top, bottom = gx0, gx1, gtop, gbottom
            previous = glyph
            continue
        height = gbottom - gtop
        gap = gx0 - x1
        if text == previous[0] and abs(gx0 - previous[1]) < 0.3 * max(gx1 - gx0, 0.5):
            continue  # the same glyph painted twice (fake bold, shadow)
        if gap > segment_gap * height:
            segments.append(Segment("".join(parts), x0, x1, top, bottom))
            parts = [text]
            spaced = text == " "
            x0, x1, top, bottom = gx0, gx1, gtop, gbottom
            previous = glyph
            continue
        if spaced:
            pass
        elif space_before:
            parts.append(" ")
        elif exact:  # advance widths are right: the loose boxes tell
            if loose_x0 - previous[7] > loose_space_gap * height:
                parts.append(" ")
        elif gap > 0.0:  # tight boxes tell, by the glyphs' classes and the page's own setting of the pair
            limit = space_gap(previous[0], text) * height
            if gap > limit:
                if (
                    not tightest
                    or gap >= limit + same_gap * height
                    or _page_space(previous[0] + text, gap, limit, height, True, tightest)
                ):
                    parts.append(" ")
            elif (
                tightest
                and gap > case_gap * height
                and _page_space(previous[0] + text, gap, limit, height, False, tightest)
            ):
                parts.append(" ")
        parts.append(text)
        spaced = text == " "
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


def _page_space(pair: str, gap: float, limit: float, height: float, space: bool, tightest: dict[str, float]) -> bool:
    """The class rule's answer ``space`` for a pair of glyphs ``gap`` apart near its ``limit``,
    checked against the pair's tightest setting on the page (letters only)."""
    low = tightest.get(pair)
    if low is None or not pair.isalpha():
        return space
    share = gap / height
    if not space:
        return share - low >= SPLIT_GAP  # "of|families": ff overlaps inside words
    return not (share - low < SAME_GAP and low <= limit / height - SAME_MARGIN)  # "S|oftware"


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
