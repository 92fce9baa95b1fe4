"""Files that must fail cleanly (or, for docx_named.pdf, succeed) and the error code each must give.

Codes follow ``kamscreen.parse.model.ERROR_CODES``: bytes that match no known signature are
``unsupported_format`` (garbage.docx, binary.txt); a known signature with a broken body is ``corrupt``
(truncated.pdf); an OLE2 compound file (.doc/.xls) is ``unsupported_format``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import io
import json
import random
import zipfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader

from .compose import compose
from .pdf import FONT_DIR, new_canvas
from .personas import PLAN, build

EXPECTED = {
    "empty.pdf": "empty",
    "truncated.pdf": "corrupt",
    "garbage.docx": "unsupported_format",
    "encrypted.pdf": "encrypted",
    "scanned.pdf": "needs_ocr",
    "docx_named.pdf": "ok",
    "legacy.doc": "unsupported_format",
    "bomb.docx": "too_large",
    "long.pdf": "too_large",
    "binary.txt": "unsupported_format",
    "web_export.doc": "ok",
    "partial_scan.pdf": "needs_ocr",
    "entities.docx": "corrupt",
}
STAMP = dt.datetime(2025, 9, 15, 10, 12)
SIGNATURES = (b"%PDF", b"PK", b"{\\rtf", b"\xd0\xcf\x11\xe0", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
BOMB_BYTES = 210 * 1024 * 1024


def _random_bytes(rng: random.Random, n: int) -> bytes:
    while True:
        data = bytes(rng.getrandbits(8) for _ in range(n))
        if not data.startswith(SIGNATURES) and b"\x00" in data:
            return data


def _cv_lines(seed: int) -> list[str]:
    cv = build(1, PLAN[0], seed)
    return [p.text for p in compose(cv).main_paras()]


def _text_pdf(path: Path, lines: list[str], pages: int = 1, **kwargs) -> None:
    c = new_canvas(path, STAMP, "CV", **kwargs)
    for page in range(pages):
        y = 800
        c.setFont("DejaVu", 9.5)
        for line in lines[:60]:
            c.drawString(50, y, line[:110])
            y -= 12.5
            if y < 60:
                break
        c.drawString(280, 30, f"{page + 1}")
        c.showPage()
    c.save()


def _scan_image(lines: list[str]) -> Image.Image:
    """A grey 'scan' of the text: pixels only, no text layer."""
    img = Image.new("L", (1240, 1754), 250)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT_DIR + "DejaVuSans.ttf", 22)
    y = 90
    for line in lines[:55]:
        d.text((90, y), line[:80], fill=30, font=font)
        y += 29
    return img.rotate(0.6, fillcolor=250)


def _zip_info(name: str) -> zipfile.ZipInfo:
    """A deflated zip entry with a fixed date (reproducible bytes)."""
    i = zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0))
    i.compress_type = zipfile.ZIP_DEFLATED
    return i


def _docx_skeleton(z: zipfile.ZipFile) -> None:
    """The content types and package relations every DOCX-shaped zip needs."""
    z.writestr(
        _zip_info("[Content_Types].xml"),
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    )
    z.writestr(
        _zip_info("_rels/.rels"),
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>',
    )


def _bomb(path: Path) -> None:
    """A DOCX-shaped zip: small on disk, word/document.xml inflates to > 200 MB."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        _docx_skeleton(z)
        with z.open(_zip_info("word/document.xml"), "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document {ns}><w:body><w:p><w:r><w:t>'.encode())
            chunk = b"A" * (1024 * 1024)
            for _ in range(BOMB_BYTES // len(chunk)):
                f.write(chunk)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")


def _more(out: Path, lines: list[str]) -> None:
    """Later additions (own RNG, written after the originals so those keep their bytes):
    a Word "Web page" export named .doc, a PDF whose only text is a header over a full-page scan,
    and a DOCX whose document.xml declares a billion-laughs DTD."""
    body = "".join(f"<p class=MsoNormal>{html.escape(line)}</p>" for line in lines)
    page = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">'
        '<head><meta http-equiv=Content-Type content="text/html; charset=windows-1251">'
        "<style>p.MsoNormal {margin:0cm}</style></head><body lang=RU>" + body + "</body></html>"
    )
    (out / "web_export.doc").write_bytes(page.encode("cp1251", errors="replace"))
    c = new_canvas(out / "partial_scan.pdf", STAMP, "scan")
    buf = io.BytesIO()
    _scan_image(lines).save(buf, "PNG", optimize=True)
    buf.seek(0)
    c.drawImage(ImageReader(buf), 0, 0, *A4)
    c.setFont("DejaVu", 9)
    c.drawString(40, 825, lines[0][:80])
    c.showPage()
    c.save()
    entities = (
        '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcdefgh", "bcdefghi", strict=True))
        + "]>"
    )
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    with zipfile.ZipFile(out / "entities.docx", "w", zipfile.ZIP_DEFLATED) as z:
        _docx_skeleton(z)
        z.writestr(
            _zip_info("word/document.xml"),
            f'<?xml version="1.0" encoding="UTF-8"?>{entities}<w:document {ns}><w:body>'
            + "".join(f"<w:p><w:r><w:t>{html.escape(line)}</w:t></w:r></w:p>" for line in lines[:5])
            + "<w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>",
        )


def make(out: Path, seed: int, write_cv) -> None:
    rng = random.Random(seed + 7)
    lines = _cv_lines(seed)
    (out / "empty.pdf").write_bytes(b"")
    whole = out / "whole.tmp.pdf"
    _text_pdf(whole, lines)
    data = whole.read_bytes()
    whole.unlink()
    (out / "truncated.pdf").write_bytes(data[: len(data) // 2])
    (out / "garbage.docx").write_bytes(_random_bytes(rng, 4096))
    _text_pdf(out / "encrypted.pdf", lines, encrypt="kam-user-2025")
    c = new_canvas(out / "scanned.pdf", STAMP, "scan")
    buf = io.BytesIO()
    _scan_image(lines).save(buf, "PNG", optimize=True)
    buf.seek(0)
    c.drawImage(ImageReader(buf), 0, 0, *A4)
    c.showPage()
    c.save()
    cv = build(26, PLAN[25], seed)  # a Word-table CV
    cv = dataclasses.replace(cv, id="docx_named")
    write_cv(cv, compose(cv), out / "docx_named.pdf")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00\x06\x00"
    (out / "legacy.doc").write_bytes(ole + bytes(512 - len(ole)) + _random_bytes(rng, 3584))
    _bomb(out / "bomb.docx")
    _text_pdf(out / "long.pdf", lines, pages=31)
    (out / "binary.txt").write_bytes(_random_bytes(rng, 2048))
    _more(out, lines)
    for f in out.iterdir():
        assert f.stat().st_size < 1_000_000, f
    (out / "expected.json").write_text(json.dumps(EXPECTED, indent=2) + "\n", encoding="utf-8")
