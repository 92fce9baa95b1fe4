"""A small seeded fuzz of ``parse``: mutated fixture CVs and hand-made traps never crash, hang or blow up.

The full campaign (thousands of cases, each in a subprocess) lives outside the repo; this is its
fast, reproducible core. Every case must come back as a ``ParsedCV`` whose error, if any, has a
known code and a one-line message naming the file.
"""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from kamscreen.parse import ERROR_CODES, parse

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures" / "cvs"
LOL = (
    '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcdefgh", "bcdefghi", strict=True))
    + "]>"
)


def _check(cv, name: str, seconds: float) -> None:
    assert cv.file == name
    assert cv.status in ("ok", "error", "needs_ocr")
    assert seconds < 120, (name, seconds)  # a hang guard only: speed is in benchmarks/
    if cv.status == "ok":
        assert cv.text and cv.error is None
    else:
        assert cv.error.code in ERROR_CODES
        assert cv.error.message.startswith(f"{name}:") and "\n" not in cv.error.message


def _parse(path: Path):
    start = time.perf_counter()
    cv = parse(path)
    return cv, time.perf_counter() - start


def _mutations(data: bytes, rng: random.Random):
    flipped = bytearray(data)
    for _ in range(8):
        flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
    yield "flip", bytes(flipped)
    yield "cut", data[: rng.randrange(1, len(data))]
    at = rng.randrange(len(data))
    yield "dup", data[:at] + data[at : at + 2048] * 20 + data[at:]
    yield "del", data[:at] + data[at + 2048 :]


@pytest.mark.skipif(not FIXTURES.is_dir(), reason="fixture CVs absent")
def test_mutated_fixtures_fail_cleanly(tmp_path):
    rng = random.Random(20250915)
    sources = [sorted(FIXTURES.glob(f"*.{ext}"))[:2] for ext in ("pdf", "docx", "rtf", "txt")]
    cases = 0
    for source in (path for group in sources for path in group):
        data = source.read_bytes()
        for kind, mutated in _mutations(data, rng):
            path = tmp_path / f"{source.stem}.{kind}{source.suffix}"
            path.write_bytes(mutated)
            cv, seconds = _parse(path)
            _check(cv, path.name, seconds)
            cases += 1
    assert cases == 32


def _docx_with_body(xml_prefix: str, body: str) -> bytes:
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.namelist():
            data = source.read(member)
            if member == "word/document.xml":
                ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
                data = (
                    f'<?xml version="1.0"?>{xml_prefix}<w:document {ns}><w:body>{body}</w:body></w:document>'.encode()
                )
            archive.writestr(member, data)
    return out.getvalue()


def test_billion_laughs_docx_is_not_expanded(tmp_path):
    path = tmp_path / "lol.docx"
    path.write_bytes(
        _docx_with_body(
            LOL.replace("DOCTYPE d", "DOCTYPE w:document"), "<w:p><w:r><w:t>Опыт работы &i;</w:t></w:r></w:p>"
        )
    )
    cv, seconds = _parse(path)
    _check(cv, path.name, seconds)
    assert (cv.status, cv.error.code) == ("error", "corrupt") and "DTD" in cv.error.message


def test_deeply_nested_docx_is_refused(tmp_path):
    depth = 50_000
    body = "<w:sdt><w:sdtContent>" * depth + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" + "</w:sdtContent></w:sdt>" * depth
    path = tmp_path / "deep.docx"
    path.write_bytes(_docx_with_body("", body))
    cv, seconds = _parse(path)
    _check(cv, path.name, seconds)
    assert cv.status == "error"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "lol.html",
            f'<?xml version="1.0"?>{LOL.replace("DOCTYPE d", "DOCTYPE html")}<html><body>CV &i;</body></html>'.encode(),
        ),
        ("xxe.html", b'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body>CV &x;</body></html>'),
        ("deep.html", b"<html><body>" + b"<div>" * 100_000 + b"CV" + b"</div>" * 100_000 + b"</body></html>"),
        ("charset.html", b"<html><head><meta charset='x-no-such-charset'></head><body>CV</body></html>"),
        (
            "nested.mht",
            b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b0"\r\n\r\n'
            + b"".join(
                b'--b%d\r\nContent-Type: multipart/related; boundary="b%d"\r\n\r\n' % (i, i + 1) for i in range(3000)
            ),
        ),
        ("huge_bin.rtf", rb"{\rtf1\ansi Key Account Manager\bin999999999 " + b"x" * 1000 + b"}"),
        ("braces.rtf", rb"{\rtf1\ansi " + b"{" * 50_000 + b"Key Account Manager"),
        ("nul.txt", "Опыт работы\x00Key Account\x00Manager\n".encode() * 200),
        ("mixed.txt", "Опыт работы\n".encode() * 100 + "Менеджер по продажам\n".encode("cp1251") * 100),
        (
            "pages.pdf",
            b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Count 999999999/Kids[3 0 R]>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF",
        ),
        (
            "length.pdf",
            b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 1/Kids[3 0 R]>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>endobj\n"
            b"4 0 obj<</Length 99999999999>>stream\n"
            b"BT ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF",
        ),
        (
            "nest.pdf",
            b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/X " + b"[" * 100_000 + b"]" * 100_000 + b">>endobj\n"
            b"2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF",
        ),
    ],
)
def test_hand_made_traps(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    cv, seconds = _parse(path)
    _check(cv, name, seconds)
    assert "root:" not in cv.text  # no external entity was ever loaded
    assert len(cv.text) <= 1_000_000


def test_five_megabyte_line_is_too_large_unless_allowed(tmp_path):
    path = tmp_path / "oneline.txt"
    path.write_bytes(b"Key Account Manager " * 250_000)
    cv, seconds = _parse(path)
    _check(cv, path.name, seconds)
    assert cv.error.code == "too_large" and "characters" in cv.error.message
    assert parse(path, allow_large=True).status == "ok"


def _off_page_pdf(chars: int) -> bytes:
    """One page whose glyphs march off to x = millions (relative ``Td`` moves): invisible text that
    once made the column finder build million-bit masks per row."""
    stream = "\n".join(
        ["BT /F1 1 Tf"] + [f"{i % 600} {(i // 600) % 800} Td (x) Tj" for i in range(chars)] + ["ET"]
    ).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


_PARSE_CAPPED = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from kamscreen.parse import parse
cv = parse(sys.argv[1])
print(json.dumps([cv.status, cv.error.message if cv.error else ""]))
"""


def test_off_page_glyphs_stay_within_a_gigabyte(tmp_path):
    """A fresh interpreter with 1 GB of address space (a fork of the threaded test process could
    deadlock on a lock another thread held); the timeout is a hang guard only."""
    path = tmp_path / "offpage.pdf"
    path.write_bytes(_off_page_pdf(20_000))
    done = subprocess.run([sys.executable, "-c", _PARSE_CAPPED, str(path)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    status, message = json.loads(done.stdout.strip().splitlines()[-1])
    assert "MemoryError" not in message
    assert status in ("ok", "error")
