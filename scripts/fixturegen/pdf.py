"""Draw a Doc onto PDF pages with reportlab at real positions (single column or main + sidebar)."""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from .model import Doc, P

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
STYLES = {  # style: (bold, size, leading, space before, indent)
    "name": (True, 18, 22, 0, 0),
    "title": (True, 12.5, 16, 2, 0),
    "h": (True, 11.5, 15, 10, 0),
    "job": (True, 10.5, 13.5, 7, 0),
    "bold": (True, 9.5, 12.5, 1, 0),
    "body": (False, 9.5, 12.5, 1, 0),
    "bullet": (False, 9.5, 12.5, 1, 10),
    "small": (False, 8.5, 11, 1, 0),
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
    return [*lines, line] if line else lines or [""]


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
    """Single column for ``hh``; main + sidebar for ``two_column`` and ``linkedin`` (hh.ru's table
    export, ``hh_pdf_table``, is ``hh_pdf.write_hh_export``)."""
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
