"""PDF reading behind one interface: a fast pypdfium2 engine (default) and a pdfplumber engine.

Both return ``PdfText``: per-page text in reading order, the metadata date and warnings. Errors
(encrypted, corrupt, no text layer, too many pages) are raised as ``ParseFailure``.
"""
from __future__ import annotations

import ctypes
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Protocol

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kamscreen.parse.errors import ParseFailure
from kamscreen.parse.layout import Glyph, advances_exact, layout_page, lines_to_text

MAX_PAGE_CHARS = 200_000  # a CV page holds a few thousand; more is a generated trap
_SKIP = frozenset(" \t\r\n\x00\xa0\u200b\ufeff")
_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")


@dataclass
class PdfText:
    """What a PDF engine read: one string per page, the metadata date, warnings."""

    pages: list[str]
    metadata_date: dt.date | None = None
    warnings: list[str] = field(default_factory=list)


class PdfEngine(Protocol):
    """Anything that turns PDF bytes into ``PdfText``."""

    def read(self, data: bytes, name: str, *, max_pages: int | None) -> PdfText: ...


def pdf_date(value: str | None) -> dt.date | None:
    """``D:20210808154129+05'30'`` → ``2021-08-08``; ``None`` when absent or malformed."""
    match = _PDF_DATE.match((value or "").strip())
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
    except ValueError:
        return None


class PdfiumEngine:
    """Fast path: pypdfium2 text layer + per-glyph boxes, ordered by ``layout.layout_page``."""

    def read(self, data: bytes, name: str, *, max_pages: int | None) -> PdfText:
        doc = _open(data, name)
        try:
            count = len(doc)
            _check_pages(count, max_pages, name)
            meta = doc.get_metadata_dict(skip_empty=True)
            result = PdfText(pages=[], metadata_date=pdf_date(meta.get("ModDate")) or pdf_date(meta.get("CreationDate")))
            image_only: list[int] = []
            for index in range(count):
                page = doc[index]
                try:
                    glyphs, exact = _page_glyphs(page, name)
                    if not glyphs and _has_images(page):
                        image_only.append(index + 1)
                    page_layout = layout_page(glyphs, exact)
                finally:
                    page.close()
                if page_layout.column_blocks:
                    result.warnings.append(f"{page_layout.column_blocks} column block(s) detected on page {index + 1}")
                result.pages.append(lines_to_text(page_layout.lines))
        except pdfium.PdfiumError as exc:
            raise ParseFailure("corrupt", f"{name}: the PDF is damaged ({exc})") from exc
        finally:
            doc.close()
        _judge_text_layer(result, image_only, count, name)
        return result


class PlumberEngine:
    """pdfplumber's ``extract_text``: slower, for comparison and for what needs its object model."""

    def read(self, data: bytes, name: str, *, max_pages: int | None) -> PdfText:
        import io

        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
        from pdfplumber.utils.exceptions import PdfminerException

        try:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                count = len(pdf.pages)
                _check_pages(count, max_pages, name)
                meta = pdf.metadata or {}
                result = PdfText(pages=[], metadata_date=pdf_date(_str(meta.get("ModDate"))) or pdf_date(_str(meta.get("CreationDate"))))
                image_only = []
                for index, page in enumerate(pdf.pages):
                    text = page.extract_text() or ""
                    if not text.strip() and page.images:
                        image_only.append(index + 1)
                    result.pages.append(text)
        except PDFPasswordIncorrect as exc:
            raise ParseFailure("encrypted", f"{name}: the PDF is password-protected; save an unprotected copy") from exc
        except PdfminerException as exc:
            if isinstance(exc.args[0] if exc.args else None, PDFPasswordIncorrect):
                raise ParseFailure("encrypted", f"{name}: the PDF is password-protected; save an unprotected copy") from exc
            raise ParseFailure("corrupt", f"{name}: the PDF is damaged ({exc})") from exc
        except ParseFailure:
            raise
        except Exception as exc:  # pdfminer raises many types on garbage
            raise ParseFailure("corrupt", f"{name}: the PDF is damaged ({type(exc).__name__})") from exc
        _judge_text_layer(result, image_only, count, name)
        return result


ENGINES: dict[str, PdfEngine] = {"pdfium": PdfiumEngine(), "pdfplumber": PlumberEngine()}


def read_pdf(data: bytes, name: str, *, max_pages: int | None = None, engine: str = "pdfium") -> PdfText:
    """Read PDF bytes with the named engine (``pdfium`` by default)."""
    return ENGINES[engine].read(data, name, max_pages=max_pages)


def _str(value) -> str | None:
    if isinstance(value, bytes):
        return value.decode("latin-1", errors="ignore")
    return value if isinstance(value, str) else None


def _open(data: bytes, name: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise ParseFailure("encrypted", f"{name}: the PDF is password-protected; save an unprotected copy") from exc
        raise ParseFailure("corrupt", f"{name}: the PDF is damaged or truncated and cannot be opened") from exc


def _check_pages(count: int, max_pages: int | None, name: str) -> None:
    if count == 0:
        raise ParseFailure("corrupt", f"{name}: the PDF has no pages")
    if max_pages is not None and count > max_pages:
        raise ParseFailure("too_large", f"{name}: {count} pages, more than the limit of {max_pages} for a CV")


def _judge_text_layer(result: PdfText, image_only: list[int], count: int, name: str) -> None:
    if any(page.strip() for page in result.pages):
        if image_only:
            pages = ", ".join(map(str, image_only))
            result.warnings.append(f"text layer partly missing: page(s) {pages} are images only")
        return
    if image_only:
        raise ParseFailure("needs_ocr", f"{name}: the PDF is scanned images with no text layer; it needs OCR")
    raise ParseFailure("empty", f"{name}: the PDF has {count} page(s) but no text")


def _has_images(page: pdfium.PdfPage) -> bool:
    for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        return True
    return False


def _page_glyphs(page: pdfium.PdfPage, name: str = "PDF") -> tuple[list[Glyph], bool]:
    """Every visible glyph of the page, top-down coordinates (see ``layout.Glyph``).

    First the loose boxes (origin to origin + advance, the font's height); only when the fonts'
    advance widths turn out to lie (``layout.advances_exact``) the tight glyph boxes too, whose
    gaps then reveal the word spaces.
    """
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        count = pdfium_c.FPDFText_CountChars(raw)
        if count <= 0:
            return [], True
        if count > MAX_PAGE_CHARS:
            raise ParseFailure("too_large", f"{name}: a page holds {count} characters, not a CV page")
        text = textpage.get_text_range(0, count)
        aligned = len(text) == count
        height = page.get_height()
        rect = pdfium_c.FS_RECTF()
        rect_ref = ctypes.byref(rect)
        loose_box = pdfium_c.FPDFText_GetLooseCharBox
        unicode_of = pdfium_c.FPDFText_GetUnicode
        glyphs: list[Glyph] = []
        indices: list[int] = []
        space = False
        for index in range(count):
            char = text[index] if aligned else chr(unicode_of(raw, index) or 32)
            if char in "\x02\ufffe":
                char = "-"  # pdfium's mark for a hyphen at the end of a line
            elif char in _SKIP:
                space = True  # a real or pdfium-generated space / line break before the next glyph
                continue
            if not loose_box(raw, index, rect_ref):
                continue
            x0, x1 = rect.left, rect.right
            y0, y1 = height - rect.top, height - rect.bottom
            if y1 < y0:
                y0, y1 = y1, y0
            glyphs.append((char, x0, x1, y0, y1, space, x0, x1))
            indices.append(index)
            space = False
        exact = advances_exact(glyphs)
        if not exact:
            glyphs = _with_tight_boxes(raw, glyphs, indices)
        return glyphs, exact
    finally:
        textpage.close()


def _with_tight_boxes(raw, glyphs: list[Glyph], indices: list[int]) -> list[Glyph]:
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    tight_box = pdfium_c.FPDFText_GetCharBox
    out: list[Glyph] = []
    for glyph, index in zip(glyphs, indices):
        if tight_box(raw, index, *refs):
            x0, x1 = left.value, right.value
            if x1 < x0:
                x0, x1 = x1, x0
            out.append((glyph[0], x0, x1, *glyph[3:]))
        else:
            out.append(glyph)
    return out
