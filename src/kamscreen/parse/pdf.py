"""PDF reading behind one interface: a fast pypdfium2 engine (default) and a pdfplumber engine.

Both return ``PdfText``: per-page text in reading order, the metadata date and warnings. Errors
(encrypted, corrupt, no text layer, too many pages) are raised as ``ParseFailure``.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kamscreen.parse.errors import ParseFailure
from kamscreen.parse.layout import Glyph, advances_exact, layout_page, lines_to_text
from kamscreen.parse.scanned import ScanReader

MAX_PAGE_CHARS = 200_000  # a CV page holds a few thousand; more is a generated trap
SPARSE_PAGE_CHARS = 300  # fewer visible chars than this on a page: check whether it is a scan
SCAN_COVERAGE = 0.5  # images covering this share of a sparse page make it look scanned
MAX_IMAGES_CHECKED = 500
_EXACT_SAMPLE = 400  # glyphs whose loose boxes decide whether the advance widths are right
_BAND_SLACK = 0.25  # a tight box may stick out of its line's band by this share of the band
_SKIP = frozenset(" \t\r\n\x00\xa0\u200b\ufeff")
_SKIP_TABLE = np.zeros(0x10000, dtype=bool)  # by UTF-16 code unit: is it a blank?
_SKIP_TABLE[[ord(char) for char in _SKIP]] = True
_BREAK_TABLE = np.zeros(0x10000, dtype=np.int32)
_BREAK_TABLE[[ord("\r"), ord("\n")]] = 1
_HYPHEN_MARKS = str.maketrans({"\x02": "-", "\ufffe": "-"})  # pdfium's mark for a hyphen at a line end
_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")


@dataclass
class PdfText:
    """What a PDF engine read: one string per page, the metadata date, warnings."""

    pages: list[str]
    metadata_date: dt.date | None = None
    warnings: list[str] = field(default_factory=list)


class PdfEngine(Protocol):
    """Anything that turns PDF bytes into ``PdfText``."""

    def read(self, data: bytes, name: str, *, max_pages: int | None, scans: ScanReader | None = None) -> PdfText: ...


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

    def read(self, data: bytes, name: str, *, max_pages: int | None, scans: ScanReader | None = None) -> PdfText:
        doc = _open(data, name)
        try:
            count = len(doc)
            _check_pages(count, max_pages, name)
            meta = doc.get_metadata_dict(skip_empty=True)
            result = PdfText(
                pages=[], metadata_date=pdf_date(meta.get("ModDate")) or pdf_date(meta.get("CreationDate"))
            )
            image_only: list[int] = []
            scanned: list[int] = []
            for index in range(count):
                page = doc[index]
                try:
                    glyphs, exact = _page_glyphs(page, name)
                    glyphs = _near_page(glyphs, page)
                    if len(glyphs) < SPARSE_PAGE_CHARS:  # rare: the image check costs nothing on text pages
                        coverage = _image_coverage(page)
                        looks_scanned = coverage >= SCAN_COVERAGE if glyphs else coverage > 0
                        text = scans.pdf_page(page, index + 1) if looks_scanned and scans else None
                        if text is not None:  # read by OCR
                            result.pages.append(text)
                            continue
                        if not glyphs and coverage > 0:
                            image_only.append(index + 1)
                        elif glyphs and coverage >= SCAN_COVERAGE:
                            scanned.append(index + 1)
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
        _judge_text_layer(result, image_only, count, name, scanned)
        return result


class PlumberEngine:
    """pdfplumber's ``extract_text``: slower, for comparison and for what needs its object model
    (it reads no scans: ``scans`` is ignored)."""

    def read(self, data: bytes, name: str, *, max_pages: int | None, scans: ScanReader | None = None) -> PdfText:
        import io

        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
        from pdfplumber.utils.exceptions import PdfminerException

        try:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                count = len(pdf.pages)
                _check_pages(count, max_pages, name)
                meta = pdf.metadata or {}
                result = PdfText(
                    pages=[],
                    metadata_date=pdf_date(_str(meta.get("ModDate"))) or pdf_date(_str(meta.get("CreationDate"))),
                )
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
                raise ParseFailure(
                    "encrypted", f"{name}: the PDF is password-protected; save an unprotected copy"
                ) from exc
            raise ParseFailure("corrupt", f"{name}: the PDF is damaged ({exc})") from exc
        except ParseFailure:
            raise
        except Exception as exc:  # pdfminer raises many types on garbage
            raise ParseFailure("corrupt", f"{name}: the PDF is damaged ({type(exc).__name__})") from exc
        _judge_text_layer(result, image_only, count, name)
        return result


ENGINES: dict[str, PdfEngine] = {"pdfium": PdfiumEngine(), "pdfplumber": PlumberEngine()}


def read_pdf(
    data: bytes, name: str, *, max_pages: int | None = None, engine: str = "pdfium", scans: ScanReader | None = None
) -> PdfText:
    """Read PDF bytes with the named engine (``pdfium`` by default); pages that look scanned are
    read by ``scans`` (OCR) when given."""
    return ENGINES[engine].read(data, name, max_pages=max_pages, scans=scans)


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


def _judge_text_layer(
    result: PdfText, image_only: list[int], count: int, name: str, scanned: list[int] | None = None
) -> None:
    """No text anywhere: ``needs_ocr`` (images) or ``empty``. Text only on pages that look scanned
    (``scanned``: a few chars over an image covering most of the page): ``needs_ocr`` too.
    Otherwise warn about the image-only and scanned-looking pages."""
    scanned = scanned or []
    text_pages = [number for number, page in enumerate(result.pages, 1) if page.strip()]
    if text_pages and scanned and set(text_pages) <= set(scanned):
        raise ParseFailure(
            "needs_ocr", f"{name}: every page looks scanned (its text layer covers little of the page); it needs OCR"
        )
    if text_pages:
        if image_only:
            pages = ", ".join(map(str, image_only))
            result.warnings.append(f"text layer partly missing: page(s) {pages} are images only")
        for number in scanned:
            result.warnings.append(f"page {number} looks scanned (text layer covers little of the page)")
        return
    if image_only:
        raise ParseFailure("needs_ocr", f"{name}: the PDF is scanned images with no text layer; it needs OCR")
    raise ParseFailure("empty", f"{name}: the PDF has {count} page(s) but no text")


def _near_page(glyphs: list[Glyph], page: pdfium.PdfPage) -> list[Glyph]:
    """Drop glyphs placed far outside the page (invisible; a trap for the layout, whose costs grow
    with coordinates): everything must lie within one page size of the media box."""
    if not glyphs:
        return glyphs
    left, bottom, right, top = page.get_mediabox()
    bound = 2.0 * max(abs(left), abs(bottom), abs(right), abs(top), page.get_width(), page.get_height(), 1.0)
    xs = [g[1] for g in glyphs] + [g[2] for g in glyphs]
    ys = [g[3] for g in glyphs] + [g[4] for g in glyphs]
    if -bound <= min(xs) and max(xs) <= bound and -bound <= min(ys) and max(ys) <= bound:
        return glyphs
    return [g for g in glyphs if -bound <= g[1] <= g[2] <= bound and -bound <= g[3] <= g[4] <= bound]


def _image_coverage(page: pdfium.PdfPage) -> float:
    """Share of the page's area under its images (summed, clipped to the page; at most 1)."""
    width, height = page.get_width(), page.get_height()
    area = max(width * height, 1.0)
    covered = 0.0
    for number, image in enumerate(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)):
        if number >= MAX_IMAGES_CHECKED:
            break
        left, bottom, right, top = image.get_bounds()
        w = max(0.0, min(right, width) - max(left, 0.0))
        h = max(0.0, min(top, height) - max(bottom, 0.0))
        covered += w * h if w * h > 0 else 1e-9  # a degenerate image still counts as an image
    return min(covered / area, 1.0)


def _page_glyphs(page: pdfium.PdfPage, name: str = "PDF") -> tuple[list[Glyph], bool]:
    """Every visible glyph of the page, top-down coordinates (see ``layout.Glyph``), and whether
    the fonts' advance widths are right (``layout.advances_exact``).

    Right widths (most PDFs): the loose boxes (origin to origin + advance, the font's height) say
    everything. Lying widths (wkhtmltopdf): the tight glyph boxes give x, whose gaps reveal word
    spaces; the loose box of a line's first glyph gives the line's height band, fetched again only
    when a glyph leaves the band, so each glyph costs one pdfium call either way.
    """
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        count = pdfium_c.FPDFText_CountChars(raw)
        if count <= 0:
            return [], True
        if count > MAX_PAGE_CHARS:
            raise ParseFailure("too_large", f"{name}: a page holds {count} characters, not a CV page")
        visible = _visible_chars(textpage, raw, count)
        height = page.get_height()
        sample = _loose_glyphs(raw, height, visible.cut(0, _EXACT_SAMPLE))
        if advances_exact(sample):
            return sample + _loose_glyphs(raw, height, visible.cut(_EXACT_SAMPLE, count)), True
        return _tight_glyphs(raw, height, visible), False
    finally:
        textpage.close()


class _Visible(NamedTuple):
    """The page's non-blank chars as parallel sequences: pdfium char index, the char, whether a
    space and whether a line break precede it."""

    indexes: list[int]
    chars: str
    space: list[bool]
    newline: list[bool]

    def cut(self, start: int, stop: int) -> _Visible:
        part = slice(start, stop)
        return _Visible(self.indexes[part], self.chars[part], self.space[part], self.newline[part])


def _visible_chars(textpage, raw, count: int) -> _Visible:
    """The non-blank chars of the text page (one pass in numpy over the page's text)."""
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # a char outside the BMP: pdfium's indices are UTF-16 units
        return _visible_chars_slow(raw, count)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if codes.max() >= 0x10000:
        return _visible_chars_slow(raw, count)
    skip = _SKIP_TABLE[codes]
    index = np.flatnonzero(~skip)
    if not len(index):
        return _Visible([], "", [], [])
    # a space / line break precedes a glyph when blanks sit between it and the glyph before
    space = np.empty(len(index), dtype=bool)
    space[1:] = index[1:] - index[:-1] > 1
    space[0] = index[0] > 0
    breaks = np.concatenate(([0], np.cumsum(_BREAK_TABLE[codes])))  # line breaks before position i
    before = np.concatenate(([0], index[:-1] + 1))  # where the blank run before each glyph starts
    newline = breaks[index] > breaks[before]
    chars = codes[index].tobytes().decode("utf-32-le", "surrogatepass").translate(_HYPHEN_MARKS)
    return _Visible(index.tolist(), chars, space.tolist(), newline.tolist())


def _visible_chars_slow(raw, count: int) -> _Visible:
    """The same, char by char from pdfium (text with chars outside the BMP)."""
    unicode_of = pdfium_c.FPDFText_GetUnicode
    out = _Visible([], "", [], [])
    chars: list[str] = []
    space = newline = False
    for index in range(count):
        char = chr(unicode_of(raw, index) or 32)
        if char in "\x02\ufffe":
            char = "-"  # pdfium's mark for a hyphen at the end of a line
        elif char in _SKIP:
            space = True  # a real or pdfium-generated space / line break before the next glyph
            newline = newline or char in "\r\n"
            continue
        out.indexes.append(index)
        chars.append(char)
        out.space.append(space)
        out.newline.append(newline)
        space = newline = False
    return out._replace(chars="".join(chars))


def _untyped(binding) -> Callable[..., int]:
    """The pdfium function behind a pypdfium2 binding, called without per-argument type checks
    (four times cheaper a call). Callers pass exactly what C expects: the text page as a
    ``c_void_p``, the char index as an ``int``, the out-parameters by ``ctypes.byref``."""
    address = ctypes.cast(binding, ctypes.c_void_p).value
    assert address is not None  # a loaded library function has an address
    return ctypes.CFUNCTYPE(ctypes.c_int)(address)


_CHAR_BOX = _untyped(pdfium_c.FPDFText_GetCharBox)  # (page, index, &left, &right, &bottom, &top)
_LOOSE_CHAR_BOX = _untyped(pdfium_c.FPDFText_GetLooseCharBox)  # (page, index, &FS_RECTF)


def _loose_glyphs(raw, height: float, visible: _Visible) -> list[Glyph]:
    text_page = ctypes.cast(raw, ctypes.c_void_p)
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    loose_box = _LOOSE_CHAR_BOX
    glyphs: list[Glyph] = []
    append = glyphs.append
    for index, char, space in zip(visible.indexes, visible.chars, visible.space, strict=True):
        if loose_box(text_page, index, rect_ref):
            left, right, top, bottom = rect.left, rect.right, height - rect.top, height - rect.bottom
            if bottom < top:
                top, bottom = bottom, top
            append((char, left, right, top, bottom, space, left, right))
    return glyphs


def _tight_glyphs(raw, height: float, visible: _Visible) -> list[Glyph]:
    """Tight boxes for x; each line's height band from the loose box of its first glyph (fetched
    again whenever a glyph sticks out of the band)."""
    text_page = ctypes.cast(raw, ctypes.c_void_p)
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    loose_box, tight_box = _LOOSE_CHAR_BOX, _CHAR_BOX
    x0, x1, y0, y1 = (ctypes.c_double() for _ in range(4))
    ref0, ref1, ref2, ref3 = ctypes.byref(x0), ctypes.byref(x1), ctypes.byref(y0), ctypes.byref(y1)
    band_top = band_bottom = low = high = 0.0
    have_band = False
    glyphs: list[Glyph] = []
    append = glyphs.append
    for index, char, space, newline in zip(*visible, strict=True):
        if not tight_box(text_page, index, ref0, ref1, ref2, ref3):
            continue
        left, right = x0.value, x1.value
        if right < left:
            left, right = right, left
        if newline or not have_band or height - y1.value < low or height - y0.value > high:
            if not loose_box(text_page, index, rect_ref):
                continue
            band_top, band_bottom = height - rect.top, height - rect.bottom
            if band_bottom < band_top:
                band_top, band_bottom = band_bottom, band_top
            slack = _BAND_SLACK * (band_bottom - band_top)
            low, high = band_top - slack, band_bottom + slack
            have_band = True
        append((char, left, right, band_top, band_bottom, space, left, right))
    return glyphs
