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


RTF = rb"{\rtf1\ansi\ansicpg1251{\fonttbl{\f0 Arial;}}\f0 \u1054?\u1087?\u1099?\u1090? \'f0\'e0\'e1\'ee\'f2\'fb\par Key Account Manager}"


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
    order = ["Анна Иванова", "Summary", "Key account manager", "Experience", "Acme — Key Account Manager",
             "2019 – Present", "Federal chains", "P&L", "Education", "MSU, 2012"]
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
