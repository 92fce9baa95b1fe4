"""The fast paths of the PDF engine give what the plain per-char ways give."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from kamscreen.parse import pdf

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures" / "cvs"
PDFS = sorted(FIXTURES.glob("*.pdf"))


def _pages():
    for path in PDFS:
        doc = pdfium.PdfDocument(path.read_bytes())
        for index in range(len(doc)):
            yield path.name, doc, doc[index]


@pytest.mark.skipif(not PDFS, reason="no PDF fixtures")
def test_visible_chars_numpy_matches_char_by_char():
    checked = 0
    for name, _doc, page in _pages():
        textpage = page.get_textpage()
        count = pdfium_c.FPDFText_CountChars(textpage.raw)
        fast = pdf._visible_chars(textpage, textpage.raw, count)
        slow = pdf._visible_chars_slow(textpage.raw, count)
        assert fast == slow, name
        checked += len(fast.indexes)
    assert checked > 10_000


@pytest.mark.skipif(not PDFS, reason="no PDF fixtures")
def test_untyped_box_calls_match_the_typed_binding():
    name, _doc, page = next(_pages())
    textpage = page.get_textpage()
    raw = textpage.raw
    handle = ctypes.cast(raw, ctypes.c_void_p)
    typed, untyped = pdfium_c.FS_RECTF(), pdfium_c.FS_RECTF()
    box = [ctypes.c_double() for _ in range(8)]
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        assert pdfium_c.FPDFText_GetLooseCharBox(raw, index, ctypes.byref(typed)) == pdf._LOOSE_CHAR_BOX(
            handle, index, ctypes.byref(untyped)
        )
        corners = ("left", "right", "top", "bottom")
        assert [getattr(typed, c) for c in corners] == [getattr(untyped, c) for c in corners], name
        pdfium_c.FPDFText_GetCharBox(raw, index, *map(ctypes.byref, box[:4]))
        pdf._CHAR_BOX(handle, index, *map(ctypes.byref, box[4:]))
        assert [b.value for b in box[:4]] == [b.value for b in box[4:]], name
