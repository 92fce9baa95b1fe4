"""The format comes from the bytes, never from the file name."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from reportlab.pdfgen import canvas

from kamscreen.parse import parse
from kamscreen.parse.sniff import OLE_MAGIC, sniff_format


def _pdf_bytes(text: str = "Experience Sales Manager 2019 - Present") -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, text)
    pdf.save()
    return buffer.getvalue()


def _docx_bytes(text: str = "Опыт работы") -> bytes:
    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


RTF = (
    rb"{\rtf1\ansi\ansicpg1251{\fonttbl{\f0 Arial;}}\f0 "
    rb"\u1054?\u1087?\u1099?\u1090? \'f0\'e0\'e1\'ee\'f2\'fb\par Key Account Manager}"
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.4\n...", "pdf"),
        (b"\xef\xbb\xbf{\\rtf1 hello}", "rtf"),
        (OLE_MAGIC + b"\x00" * 100, "doc"),
        (b"   \n\t", "empty"),
        ("Опыт работы".encode("cp1251"), "text"),
    ],
)
def test_sniff_format_from_magic_bytes(data, expected):
    assert sniff_format(data) == expected


def test_sniff_tells_docx_from_other_zips():
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert sniff_format(_docx_bytes()) == "docx"
    assert sniff_format(other.getvalue()) == "zip"


@pytest.mark.parametrize(
    ("maker", "wrong_name", "fmt", "needle"),
    [
        (_pdf_bytes, "cv.txt", "pdf", "Sales Manager"),
        (_docx_bytes, "cv.pdf", "docx", "Опыт работы"),
        (lambda: RTF, "cv.docx", "rtf", "Опыт работы"),
        (lambda: "Опыт работы\nМенеджер".encode("cp1251"), "cv.pdf", "txt", "Менеджер"),
    ],
)
def test_wrong_extension_is_ignored(tmp_path, maker, wrong_name, fmt, needle):
    path = tmp_path / wrong_name
    path.write_bytes(maker())
    cv = parse(path)
    assert cv.status == "ok", cv.error
    assert cv.format == fmt
    assert needle in cv.text


def test_zip_that_is_not_docx_is_unsupported(tmp_path):
    path = tmp_path / "cv.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8\xff" + b"0" * 100)
    cv = parse(path)
    assert cv.status == "error"
    assert cv.error.code == "unsupported_format"
    assert "cv.docx" in cv.error.message


def test_binary_blob_is_unsupported(tmp_path):
    path = tmp_path / "cv.txt"
    path.write_bytes(bytes(range(256)) * 40)
    cv = parse(path)
    assert (cv.status, cv.error.code) == ("error", "unsupported_format")


def test_empty_file(tmp_path):
    path = tmp_path / "cv.pdf"
    path.write_bytes(b"")
    cv = parse(path)
    assert (cv.status, cv.error.code) == ("error", "empty")
    assert cv.error.message.startswith("cv.pdf:")


def test_legacy_doc_without_converter_says_save_as_docx(tmp_path, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    path = tmp_path / "cv.doc"
    path.write_bytes(OLE_MAGIC + b"\x00" * 2048)
    cv = parse(path)
    assert cv.error.code == "unsupported_format"
    assert ".docx" in cv.error.message


def test_legacy_doc_through_antiword(tmp_path, monkeypatch):
    fake = tmp_path / "antiword"
    fake.write_text("#!/bin/sh\nprintf 'Опыт работы\\nKey Account Manager\\n'\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr("shutil.which", lambda name: str(fake) if name == "antiword" else None)
    path = tmp_path / "cv.doc"
    path.write_bytes(OLE_MAGIC + b"\x00" * 2048)
    cv = parse(path)
    assert cv.status == "ok", cv.error
    assert cv.format == "doc"
    assert cv.section("experience")[0].header == "Опыт работы"
    assert any("antiword" in warning for warning in cv.warnings)


def test_file_over_max_bytes_is_too_large_unless_allowed(tmp_path):
    path = tmp_path / "cv.txt"
    path.write_text("Опыт работы\n" * 200, encoding="utf-8")
    assert parse(path, max_bytes=1000).error.code == "too_large"
    assert parse(path, max_bytes=1000, allow_large=True).status == "ok"


# --- DOCX reading: document order, tables, merged and nested cells, headers and footers ---------


def test_docx_tables_in_document_order(tmp_path):
    document = Document()
    document.sections[0].header.paragraphs[0].text = "Анна Иванова · anna@example.com"
    document.add_paragraph("Summary")
    document.add_paragraph("Key account manager, FMCG.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Experience"
    table.cell(0, 1).text = "Acme — Key Account Manager"
    table.cell(1, 0).text = "2019 – Present"
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Federal chains"
    inner.cell(0, 1).text = "P&L"
    merged = document.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 2)).text = "Education"
    document.add_paragraph("MSU, 2012")
    path = tmp_path / "cv.docx"
    document.save(path)
    cv = parse(path)
    assert cv.status == "ok"
    order = [
        "Анна Иванова",
        "Summary",
        "Key account manager",
        "Experience",
        "Acme — Key Account Manager",
        "2019 – Present",
        "Federal chains",
        "P&L",
        "Education",
        "MSU, 2012",
    ]
    positions = [cv.text.index(phrase) for phrase in order]
    assert positions == sorted(positions)
    assert cv.text.count("Education") == 1  # a merged cell is read once
    assert [s.name for s in cv.sections][-2:] == ["experience", "education"]


# --- the command line ---------------------------------------------------------------------------


def test_cli_json_for_good_and_bad_files(tmp_path):
    import json

    from typer.testing import CliRunner

    from kamscreen.cli import app

    good = tmp_path / "cv.docx"
    good.write_bytes(_docx_bytes("Опыт работы\nKey Account Manager"))
    bad = tmp_path / "cv.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    runner = CliRunner()
    result = runner.invoke(app, ["parse", str(good), "--json", "--as-of", "2025-09-01"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["status"] == "ok" and "Опыт работы" in result.stdout  # ensure_ascii=False keeps Cyrillic
    assert data["document_date"] == {"date": "2025-09-01", "source": "override"}
    result = runner.invoke(app, ["parse", str(bad), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["error"]["code"] == "corrupt"
    result = runner.invoke(app, ["parse", str(bad)])
    assert result.exit_code == 0 and "corrupt" in result.stdout


# --- web pages, web archives, OpenDocument, Word variants --------------------------------------

HTML_CV = (
    '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    "<title>Резюме</title><style>p {color: red}</style><script>document.write('evil')</script>"
    '<link rel="stylesheet" href="http://example.com/x.css"></head><body>'
    "<h1>Иван Петров</h1><p>Key Account <b>Manager</b><br>Москва</p><!-- hidden comment -->"
    "<h2>Опыт работы</h2><table><tr><td>2019 — настоящее время</td>"
    "<td>ООО Ромашка<br>Менеджер по ключевым клиентам</td></tr>"
    "<tr><td>2015 — 2019</td><td>ПАО Лютик</td></tr></table>"
    '<img src="http://example.com/photo.jpg"></body></html>'
)


def _odt_bytes(paragraphs: list[str]) -> bytes:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    body = "".join(f"<text:p>{p.replace(' ', '<text:s/>', 1)}</text:p>" for p in paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            f'<?xml version="1.0"?><office:document-content {ns}><office:body>'
            f"<office:text>{body}</office:text></office:body></office:document-content>",
        )
    return buffer.getvalue()


def _variant_docx(content_type: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_docx_bytes("Опыт работы\nKey Account Manager")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member in source.namelist():
            body = source.read(member)
            if member == "[Content_Types].xml":
                body = body.replace(b"openxmlformats-officedocument.wordprocessingml.document.main+xml", content_type)
            archive.writestr(member, body)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<!DOCTYPE html>\n<html><body>CV</body></html>", "html"),
        (b"\xef\xbb\xbf<html xmlns:o='urn:schemas-microsoft-com:office:office'><body>x</body></html>", "html"),
        (b"<?xml version='1.0'?>\n<html><body>x</body></html>", "html"),
        (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b--', "mht"),
        (b"I write <html> and CSS every day", "text"),
        (b"MIME-Version is a header I know", "text"),
    ],
)
def test_sniff_web_formats(data, expected):
    assert sniff_format(data) == expected


def test_sniff_odt_and_docx_variants():
    assert sniff_format(_odt_bytes(["Опыт работы"])) == "odt"
    assert sniff_format(_variant_docx(b"ms-word.document.macroEnabled.main+xml")) == "docx"


def test_html_cv_reads_blocks_and_table_rows_without_scripts(tmp_path):
    path = tmp_path / "cv.doc"  # hh.ru / Word "Web page" exports often keep a .doc name
    path.write_bytes(HTML_CV.encode("cp1251"))
    cv = parse(path)
    assert cv.status == "ok", cv.error
    assert cv.format == "html"
    lines = cv.text.splitlines()
    assert "Key Account Manager" in lines and "Москва" in lines
    order = ["2019 — настоящее время", "ООО Ромашка", "Менеджер по ключевым клиентам", "2015 — 2019", "ПАО Лютик"]
    assert [cv.text.index(s) for s in order] == sorted(cv.text.index(s) for s in order)
    for hidden in ("evil", "color", "hidden comment", "Резюме"):
        assert hidden not in cv.text
    assert cv.section("experience")[0].header == "Опыт работы"


def test_mht_web_archive(tmp_path):
    import quopri

    body = quopri.encodestring(HTML_CV.replace("windows-1251", "utf-8").encode("utf-8")).decode("ascii")
    mht = (
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n\r\n'
        '------=_NextPart\r\nContent-Type: text/html; charset="utf-8"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        f"{body}\r\n------=_NextPart\r\nContent-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n"
        "------=_NextPart--\r\n"
    )
    path = tmp_path / "cv.mht"
    path.write_bytes(mht.encode("ascii"))
    cv = parse(path)
    assert (cv.status, cv.format) == ("ok", "mht"), cv.error
    assert "Менеджер по ключевым клиентам" in cv.text and "evil" not in cv.text


def test_odt_text_is_read(tmp_path):
    path = tmp_path / "cv.odt"
    path.write_bytes(_odt_bytes(["Опыт работы", "Key Account Manager, ACME"]))
    cv = parse(path)
    assert (cv.status, cv.format) == ("ok", "odt"), cv.error
    assert cv.text.splitlines()[:2] == ["Опыт работы", "Key Account Manager, ACME"]


def test_broken_odt_says_save_as_docx(tmp_path):
    data = _odt_bytes(["Опыт работы"]).replace(b"content.xml", b"contents.xm")
    path = tmp_path / "cv.odt"
    path.write_bytes(data)
    cv = parse(path)
    assert cv.status == "error" and cv.error.code == "corrupt"
    assert cv.error.message.startswith("cv.odt:") and ".docx" in cv.error.message


@pytest.mark.parametrize(
    "content_type",
    [
        b"ms-word.document.macroEnabled.main+xml",
        b"openxmlformats-officedocument.wordprocessingml.template.main+xml",
        b"ms-word.template.macroEnabled.main+xml",
    ],
)
def test_docm_and_dotx_read_like_docx(tmp_path, content_type):
    path = tmp_path / "cv.docm"
    path.write_bytes(_variant_docx(content_type))
    cv = parse(path)
    assert (cv.status, cv.format) == ("ok", "docx"), cv.error
    assert "Key Account Manager" in cv.text


def test_utf16_web_page_is_read_as_html(tmp_path):
    path = tmp_path / "cv.htm"
    path.write_bytes(
        "<html><body><p>Опыт работы</p><script>x()</script><p>Key Account Manager</p></body></html>".encode("utf-16")
    )
    cv = parse(path)
    assert (cv.status, cv.format) == ("ok", "html"), cv.error
    assert cv.text.splitlines() == ["Опыт работы", "Key Account Manager"]
