"""hh.ru's employer PDF export (layout ``hh_pdf_table``), drawn like the real one.

Geometry and type of a real export (A4, in points): text from x 42.5 to 552.7; a table's left cell
42.5–113.4 (8 pt, grey) and its right cell from 127.6; headings 11 pt grey with a rule under them;
a job's right cell holds the employer (12 pt bold), its site (9 pt grey), each industry (9 pt)
with its sub-industries as an indented bulleted list, the title (12 pt) and the description
(9 pt). A grey band tops page 1; every page ends with the footer (8 pt grey): "Резюме обновлено
..." on page 1, "Имя • Резюме обновлено ..." on the others. A row's right cell flows onto the next
page (its left cell stays where the row began). The last page is the employer's
"История общения с кандидатом".
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.pagesizes import A4

from .model import Doc, P, Row
from .pdf import new_canvas, wrap

LEFT, CELL_RIGHT, RIGHT_X, RIGHT_EDGE = 42.5, 113.4, 127.6, 552.7
TOP, FIRST_TOP, BOTTOM, FOOTER_Y = A4[1] - 40.0, A4[1] - 50.0, 52.0, 22.0
ROW_GAP, HEAD_GAP, TAG_PAD, TAG_GAP = 16.0, 3.0, 2.6, 10.4  # space before a row: after a row, after a heading
NARROW = 0.92  # DejaVu Sans drawn this narrow matches the widths of the export's Noto Sans (its wraps too)
BLACK, GREY, CELL_GREY, FOOTER_GREY, RULE_GREY, BAND_GREY = 0.0, 0.678, 0.439, 0.737, 0.847, 0.914
# style: (bold, size, leading, space before, indent, grey)
STYLES = {
    "hh_name": (True, 25, 27, 0, 0, BLACK),
    "hh_text": (False, 9, 13, 0, 0, BLACK),
    "hh_gap": (False, 9, 13, 13, 0, BLACK),
    "hh_spec": (False, 9, 13, 0, 14.2, BLACK),
    "hh_h": (False, 11, 14, 24, 0, GREY),
    "hh_desired": (True, 12, 20, 0, 0, BLACK),
    "hh_cell": (False, 8, 11, 0, 0, CELL_GREY),
    "hh_employer": (True, 12, 14, 0, 0, BLACK),
    "hh_site": (False, 9, 13, 0, 0, GREY),
    "hh_industry": (False, 9, 13, 0, 0, BLACK),
    "hh_item": (False, 9, 13, 0, 14.2, BLACK),
    "hh_title": (False, 12, 14, 5, 0, BLACK),
    "hh_body": (False, 9, 13, 0, 0, BLACK),
    "hh_para": (False, 9, 13, 13, 0, BLACK),
    "hh_degree": (False, 11, 20, 0, 0, BLACK),
    "hh_inst": (True, 12, 14, 0, 0, BLACK),
    "hh_lang": (False, 9, 13, 0, 0, BLACK),
    "hh_tags": (False, 10, 18, 0, 0, BLACK),
    "hh_date": (False, 8, 11, 0, 0, GREY),
}
FONTS = {True: "DejaVu-Bold", False: "DejaVu"}
FIRST_STYLES = {"hh_title": 4.0, "hh_body": 4.0}  # extra space before a cell's first title / description line


class ExportPages:
    """Draws full-width paragraphs and two-cell rows, page by page, with the running footer."""

    def __init__(self, c, footer: str):
        self.c, self.footer, self.page, self.y = c, footer, 1, FIRST_TOP
        self.headed = False  # the last thing drawn is a heading
        self._band()

    def _band(self) -> None:
        """The grey band over page 1, with a round mark where hh.ru prints its logo (no text)."""
        self.c.setFillGray(BAND_GREY)
        self.c.rect(0, A4[1] - 39.7, A4[0], 39.7, stroke=0, fill=1)
        self.c.setFillColorRGB(0.85, 0.1, 0.12)
        self.c.circle(527.2, A4[1] - 19.85, 11.3, stroke=0, fill=1)

    def end_page(self) -> None:
        footer = self.footer if self.page > 1 else self.footer.split(" • ", 1)[-1]
        self.c.setFont("DejaVu", 8)
        self.c.setFillGray(FOOTER_GREY)
        self.y = FOOTER_Y
        self._text(LEFT, footer)
        self.c.showPage()
        self.page += 1
        self.y = TOP

    def _text(self, x: float, text: str) -> None:
        """``text`` at ``x`` on the current baseline, narrowed like the export's font."""
        line = self.c.beginText(x, self.y)
        line.setHorizScale(NARROW * 100)
        line.textOut(text)
        self.c.drawText(line)

    def _width(self, text: str, font: str, size: float) -> float:
        return NARROW * self.c.stringWidth(text, font, size)

    def _room(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.end_page()

    def _flow(self, size: float) -> None:
        """Below the page's last baseline: go on at the top of the next page."""
        if self.y < BOTTOM:
            self.end_page()
            self.y -= size

    def _line(self, x: float, style: str, text: str, first: bool = True) -> None:
        bold, size, _, _, indent, grey = STYLES[style]
        self.c.setFont(FONTS[bold], size)
        if style == "hh_lang":  # "Английский — C1 — Продвинутый": the level in grey
            name, _, level = text.partition(" — ")
            self.c.setFillGray(BLACK)
            self._text(x, name)
            self.c.setFillGray(GREY)
            self._text(x + self._width(name + " ", FONTS[bold], size), "— " + level)
            return
        self.c.setFillGray(grey)
        if style == "hh_item":  # a bulleted item, its wrapped lines under its text (a hanging indent)
            text, indent = (f"• {text}", indent) if first else (text, indent + self._width("• ", "DejaVu", size))
        self._text(x + indent, text)

    def _tags(self, x: float, text: str) -> None:
        """Skills as hh.ru draws them: words in grey boxes, wrapped over the cell."""
        size, leading = STYLES["hh_tags"][1], STYLES["hh_tags"][2]
        cursor = x
        for tag in text.split("  "):
            width = self._width(tag, "DejaVu", size) + 2 * TAG_PAD
            if cursor > x and cursor + width > RIGHT_EDGE:
                cursor, self.y = x, self.y - leading
            self._flow(size)
            self.c.setFillGray(0.831)
            self.c.roundRect(cursor, self.y - 3, width, 12, 2, stroke=0, fill=1)
            self.c.setFillGray(BLACK)
            self.c.setFont("DejaVu", size)
            self._text(cursor + TAG_PAD, tag)
            cursor += width + TAG_GAP

    def _cell(self, x: float, right: float, paras: list[P], flows: bool) -> None:
        """Paragraphs of one cell from ``self.y`` down; a cell that ``flows`` goes on over page breaks."""
        for k, p in enumerate(paras):
            bold, size, leading, before, indent, _ = STYLES[p.style]
            if k == 0:
                self.y -= size  # the first baseline: the row's top less the cell's font size
            else:
                self.y -= before + FIRST_STYLES.get(p.style, 0.0) * (paras[k - 1].style != p.style)
            if p.style == "hh_tags":
                self._tags(x, p.text)
                continue
            room = (right - x - indent - 8 * (p.style == "hh_item")) / NARROW
            for i, line in enumerate(wrap(p.text, FONTS[bold], size, room)):
                if k or i:
                    self.y -= leading
                if flows:
                    self._flow(size)
                self._line(x, p.style, line, first=i == 0)

    def para(self, p: P) -> None:
        bold, size, leading, before, _, _ = STYLES[p.style]
        if p.section == "history" and p.style == "hh_h":
            self.end_page()  # the employer's history with the candidate starts a page of its own
        self._room(before + leading * 2)
        self.y -= before + leading
        for line in wrap(p.text, FONTS[bold], size, (RIGHT_EDGE - LEFT) / NARROW):
            self._flow(size)
            self._line(LEFT, p.style, line)
            self.y -= leading
        self.y += leading
        if p.style == "hh_h":
            self.c.setStrokeGray(RULE_GREY)
            self.c.setLineWidth(1)
            self.c.line(LEFT, self.y - 2.5, RIGHT_EDGE, self.y - 2.5)
            self.y -= 6
        self.headed = p.style == "hh_h"

    def _height(self, paras: list[P], width: float) -> float:
        total = 0.0
        for p in paras:
            bold, size, leading, before, indent, _ = STYLES[p.style]
            total += before + leading * len(wrap(p.text, FONTS[bold], size, (width - indent) / NARROW))
        return total

    def row(self, row: Row) -> None:
        """A table row; its right cell's head (a job's employer to its title, else two paragraphs)
        starts on a page that holds it, the rest flows over page breaks."""
        titles = [k for k, p in enumerate(row.right) if p.style == "hh_title"]
        head = row.right[: titles[0] + 1] if titles else row.right[:2]
        self.y -= HEAD_GAP if self.headed else ROW_GAP
        self.headed = False
        self._room(max(self._height(head, RIGHT_EDGE - RIGHT_X), self._height(row.left, CELL_RIGHT - LEFT)))
        top, page = self.y, self.page
        self._cell(LEFT, CELL_RIGHT, row.left, flows=False)
        left_end, self.y = self.y, top
        self._cell(RIGHT_X, RIGHT_EDGE, row.right, flows=True)
        if self.page == page:
            self.y = min(self.y, left_end)


def write_hh_export(doc: Doc, path, date: dt.datetime, title: str) -> None:
    """Draw ``doc`` (``compose.compose_hh_table``) as hh.ru's PDF export; its footer paragraph
    becomes the running footer of every page."""
    c = new_canvas(path, date, title)
    footer = next(p.text for p in doc.main if isinstance(p, P) and p.section == "footer")
    pages = ExportPages(c, footer)
    for item in doc.main:
        if isinstance(item, Row):
            pages.row(item)
        elif item.section != "footer":
            pages.para(item)
    pages.end_page()
    c.save()
