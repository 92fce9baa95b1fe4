"""Draw a Doc onto PDF pages with reportlab at real positions (single column or main + sidebar)."""
from __future__ import annotations

import datetime as dt
import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from .model import Doc, P, Row

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
STYLES = {  # style: (bold, size, leading, space before, indent)
    "name": (True, 18, 22, 0, 0), "title": (True, 12.5, 16, 2, 0), "h": (True, 11.5, 15, 10, 0),
    "job": (True, 10.5, 13.5, 7, 0), "bold": (True, 9.5, 12.5, 1, 0), "body": (False, 9.5, 12.5, 1, 0),
    "bullet": (False, 9.5, 12.5, 1, 10), "small": (False, 8.5, 11, 1, 0),
    "period": (False, 9.5, 12.5, 0, 0), "label": (True, 10, 13, 0, 0),
}
_registered = False


def register_fonts() -> None:
    global _registered
    if not _registered:
        pdfmetrics.registerFont(TTFont("DejaVu", FONT_DIR + "DejaVuSans.ttf"))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", FONT_DIR + "DejaVuSans-Bold.ttf"))
        _registered = True


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap; never breaks inside a word."""
    lines, line = [], ""
    for word in text.split(" "):
        trial = f"{line} {word}" if line else word
        if line and pdfmetrics.stringWidth(trial, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + [line] if line else lines or [""]


def new_canvas(path, date: dt.datetime, title: str, **kwargs) -> canvas.Canvas:
    """A reproducible canvas (invariant ids) whose CreationDate/ModDate is ``date``."""
    register_fonts()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, **kwargs)
    stamp = date.strftime("D:%Y%m%d%H%M%S+03'00'")
    c.setDateFormatter(lambda *_: stamp)
    c.setTitle(title)
    c.setAuthor("")
    c.setCreator("kamscreen fixtures")
    return c


class Column:
    """A text column that flows onto new pages when full."""

    def __init__(self, c: canvas.Canvas, x0: float, x1: float, top: float, bottom: float = 50):
        self.c, self.x0, self.x1, self.y, self.top, self.bottom = c, x0, x1, top, top, bottom

    def add(self, p: P) -> None:
        bold, size, leading, before, indent = STYLES[p.style]
        font = "DejaVu-Bold" if bold else "DejaVu"
        lines = wrap(p.text, font, size, self.x1 - self.x0 - indent)
        self.y -= before
        for i, line in enumerate(lines):
            if self.y - leading < self.bottom:
                self.c.showPage()
                self.y = self.top
            self.y -= leading
            self.c.setFont(font, size)
            self.c.setFillGray(0.35 if p.style == "small" else 0)
            if p.style == "bullet" and i == 0:
                self.c.drawString(self.x0, self.y, "•")
            self.c.drawString(self.x0 + indent, self.y, line)
        if p.style == "h":
            self.c.setStrokeGray(0.7)
            self.c.line(self.x0, self.y - 3, self.x1, self.y - 3)
            self.y -= 3


def photo_image(seed: int) -> ImageReader:
    """A small generated 'photo' (a face-like drawing) for the counterfactual pairs."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (120, 150), (200 + seed % 40, 215, 230))
    d = ImageDraw.Draw(img)
    d.ellipse((30, 25, 90, 95), fill=(235, 200, 170))
    d.ellipse((45, 50, 52, 57), fill=(40, 40, 40))
    d.ellipse((68, 50, 75, 57), fill=(40, 40, 40))
    d.arc((48, 65, 72, 82), 20, 160, fill=(120, 50, 50), width=2)
    d.rectangle((20, 100, 100, 150), fill=(60, 80, 120))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    buf.seek(0)
    return ImageReader(buf)


def write_pdf(doc: Doc, path, date: dt.datetime, title: str, layout: str, photo: ImageReader | None = None) -> None:
    """Single column for ``hh``; main + sidebar for ``two_column`` and ``linkedin``; hh.ru's table
    export for ``hh_pdf_table``."""
    if layout == "hh_pdf_table":
        write_hh_table(doc, path, date, title)
        return
    c = new_canvas(path, date, title)
    width, height = A4
    top = height - 45
    if photo is not None:
        c.drawImage(photo, width - 135, height - 150, 90, 112)
    if not doc.sidebar:
        col = Column(c, 50, width - 50 - (110 if photo is not None else 0), top)
        for p in doc.main_paras():
            if col.y < height - 170:  # below the photo: use the full width
                col.x1 = width - 50
            col.add(p)
        c.showPage()
        c.save()
        return
    side_w, gap = 150, 22
    if doc.sidebar_side == "left":
        sx0, sx1, mx0, mx1 = 35, 35 + side_w, 35 + side_w + gap, width - 40
    else:
        mx0, mx1, sx0, sx1 = 40, width - 35 - side_w - gap, width - 35 - side_w, width - 35
    header = [p for p in doc.main_paras() if p.section == "header"] if layout == "two_column" else []
    body = [p for p in doc.main_paras() if not (header and p.section == "header")]
    c.setFillColorRGB(0.93, 0.94, 0.96)
    c.rect(sx0 - 8, 30, side_w + 16, height - 60 - (60 if header else 0), stroke=0, fill=1)
    c.setFillGray(0)
    head = Column(c, 40, width - 150, top)  # room for a photo, with or without one
    for p in header:
        head.add(p)
    start = head.y - 8 if header else top
    if header:
        c.setStrokeGray(0.5)
        c.line(40, start + 2, width - 40, start + 2)
    side = Column(c, sx0, sx1, start)
    main = Column(c, mx0, mx1, start)
    # draw the sidebar first on page 1, then the main column (which may add pages)
    for p in doc.sidebar:
        side.add(p)
    assert c.getPageNumber() == 1, f"{title}: the sidebar overflows page 1"
    for p in body:
        main.add(p)
    c.showPage()
    c.save()



class TablePages:
    """hh.ru's PDF export: full-width paragraphs and two-cell rows (left cell 40–150 pt, right cell
    170–555 pt); a right cell flows onto the next page; every page ends with the running footer
    (name • "Резюме обновлено ...") and its number."""

    LEFT, SPLIT, RIGHT, GUTTER = 40.0, 150.0, 555.0, 20.0
    TOP, BOTTOM, ROW_GAP = A4[1] - 45, 62.0, 12.0

    def __init__(self, c: canvas.Canvas, footer: str):
        self.c, self.footer, self.page, self.y = c, footer, 1, self.TOP

    def _lines(self, paras: list[P], width: float) -> list[tuple[str, float, float, float, str]]:
        """(font, size, leading, space before, text) per wrapped line."""
        out = []
        for k, p in enumerate(paras):
            bold, size, leading, before, _ = STYLES[p.style]
            font = "DejaVu-Bold" if bold else "DejaVu"
            for i, line in enumerate(wrap(p.text, font, size, width)):
                out.append((font, size, leading, before if (i == 0 and k) else 0.0, line))
        return out

    def _draw(self, x: float, line: tuple, style: str = "") -> None:
        font, size, _, _, text = line
        self.c.setFont(font, size)
        self.c.setFillGray(0.35 if size < 9 else 0)
        self.c.drawString(x, self.y, text)

    def end_page(self) -> None:
        self.c.setFont("DejaVu", 8)
        self.c.setFillGray(0.45)
        self.c.drawString(self.LEFT, 40, self.footer)
        self.c.drawCentredString(A4[0] / 2, 24, str(self.page))
        self.c.showPage()
        self.page += 1
        self.y = self.TOP

    def para(self, p: P) -> None:
        lines = self._lines([p], self.RIGHT - self.LEFT)
        before = STYLES[p.style][3]
        self.y -= before
        for line in lines:
            if self.y - line[2] < self.BOTTOM:
                self.end_page()
            self.y -= line[2]
            self._draw(self.LEFT, line)
        if p.style == "h":
            self.c.setStrokeGray(0.7)
            self.c.line(self.LEFT, self.y - 4, self.RIGHT, self.y - 4)
            self.y -= 4

    def row(self, row: Row) -> None:
        left = self._lines(row.left, self.SPLIT - self.LEFT)
        right = self._lines(row.right, self.RIGHT - self.SPLIT - self.GUTTER)
        left_height = sum(line[2] + line[3] for line in left)
        first_right = sum(line[2] + line[3] for line in right[:3])
        self.y -= self.ROW_GAP
        if self.y - max(left_height, first_right) < self.BOTTOM:
            self.end_page()
        top, page = self.y, self.page
        for line in left:
            self.y -= line[2] + line[3]
            self._draw(self.LEFT, line)
        left_end, self.y = self.y, top
        for line in right:
            if self.y - line[2] - line[3] < self.BOTTOM:
                self.end_page()  # the job goes on on the next page
            self.y -= line[2] + line[3]
            self._draw(self.SPLIT + self.GUTTER, line)
        if self.page == page:
            self.y = min(self.y, left_end)


def write_hh_table(doc: Doc, path, date: dt.datetime, title: str) -> None:
    """hh.ru's real PDF export (layout ``hh_pdf_table``): see ``TablePages``."""
    c = new_canvas(path, date, title)
    footer = next(p.text for p in doc.main if isinstance(p, P) and p.section == "footer")
    pages = TablePages(c, footer)
    for item in doc.main:
        if isinstance(item, Row):
            pages.row(item)
        elif item.section != "footer":
            pages.para(item)
    pages.end_page()
    c.save()
