"""Reading order of one PDF page: glyphs → rows of segments (``glyphs``) → lines (``columns``)."""

from __future__ import annotations

from dataclasses import dataclass

from kamscreen.parse.columns import Line, read_rows
from kamscreen.parse.glyphs import Glyph, advances_exact, rows_of
from kamscreen.parse.hh_export import is_export_page, join_industry_items

__all__ = ["Glyph", "Line", "PageLayout", "advances_exact", "layout_page", "lines_to_text"]


@dataclass(slots=True)
class PageLayout:
    """A page's lines in reading order and how many column blocks were found."""

    lines: list[Line]
    column_blocks: int


def layout_page(glyphs: list[Glyph], exact: bool | None = None) -> PageLayout:
    """Order the glyphs of one page into lines, reading column blocks column by column (and an
    hh.ru export page's industry lists as ``hh_export`` says).

    ``exact``: whether the fonts' advance widths are right (``advances_exact``; computed if None).
    """
    rows = rows_of(glyphs, advances_exact(glyphs) if exact is None else exact)
    lines, blocks = read_rows(rows)
    if is_export_page(lines):
        lines = join_industry_items(lines)
    return PageLayout(lines=lines, column_blocks=blocks)


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
