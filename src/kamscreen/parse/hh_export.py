"""hh.ru's employer PDF export: the one thing its page layout needs beyond the general reading order.

Each job of the export is a table row (period and duration left; employer, site, industry, title
and description right). Under an industry line, the employer's sub-industries are an indented
bulleted list ("• Разработка программного обеспечения"); each item is joined to its industry line,
so that, as on hh.ru's web page, one line per industry stands between the site and the title, and
a bulleted description line (typed by the candidate, never indented) is not taken for one.
A page is an export page when it ends with the export's footer ("Имя • Резюме обновлено …").
"""

from __future__ import annotations

from kamscreen.parse.columns import Line
from kamscreen.parse.docdate import hh_footer_date

ITEM_MARK = "•"
ITEM_INDENT = 0.5  # an item starts this share of the line height or more right of its industry line


def is_export_page(lines: list[Line]) -> bool:
    """Does the page end with hh.ru's footer ("… Резюме обновлено 28 сентября 2025 в 15:35")?"""
    return bool(lines) and hh_footer_date(lines[-1].text) is not None


def join_industry_items(lines: list[Line]) -> list[Line]:
    """Indented "•" items, with the lines an item wrapped onto (under its text), joined to the
    line above them, the first not an item itself: "Финансовый сектор" / "• Банк" → "Финансовый
    сектор • Банк".

    >>> rows = [Line("Финансовый сектор", 0, 9, x0=127), Line("• Банк", 10, 19, x0=141), Line("Кассир", 20, 29, x0=127)]
    >>> [line.text for line in join_industry_items(rows)]
    ['Финансовый сектор • Банк', 'Кассир']
    """
    out: list[Line] = []
    item_x0: float | None = None  # where the last joined item starts
    for line in lines:
        head = out[-1] if out else None
        if head is not None and _joins(head, line, item_x0):
            out[-1] = Line(
                f"{head.text} {line.text}", head.top, line.bottom, head.column_start, head.x0, line.x1, head.lead
            )
            if line.text.startswith(ITEM_MARK):
                item_x0 = line.x0
        else:
            out.append(line)
            item_x0 = None
    return out


def _joins(head: Line, line: Line, item_x0: float | None) -> bool:
    """Does ``line`` continue ``head`` (not an item itself): an item indented under it, or the
    wrapped text of the last joined item (starting at ``item_x0``)?"""
    indent = ITEM_INDENT * (line.bottom - line.top)
    return (
        not head.text.startswith(ITEM_MARK)
        and line.top >= head.top
        and line.x0 - head.x0 >= indent
        and (line.text.startswith(ITEM_MARK) or (item_x0 is not None and line.x0 - item_x0 >= indent))
    )
