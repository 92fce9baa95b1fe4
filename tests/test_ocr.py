"""OCR of scans and photos (Tesseract): scans made from the fixture PDFs in the test session (seeded),
their facts checked against the fixture truth; images of every format; mixed PDFs; no Tesseract."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from typer.testing import CliRunner

from kamscreen.parse import ocr as ocr_module
from kamscreen.parse import parse
from kamscreen.parse.model import OcrPage
from kamscreen.parse.ocr import INSTALL_HINT, unavailable
from kamscreen.parse.scanned import ScanReader
from scans import render, scan, scanned_pdf

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"
needs_tesseract = pytest.mark.skipif(unavailable() is not None, reason=f"no OCR here: {unavailable()}")


def _truths() -> list[dict]:
    truths = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((FIXTURES / "truth").glob("*.json"))]
    return [t for t in truths if t["file"].endswith(".pdf")]


def _read_scan(truth: dict, folder: str) -> dict:
    """Scan one fixture CV (seeded by its id), parse and extract it; what the test compares."""
    from kamscreen.extract import extract

    rng = random.Random(truth["id"])
    path = Path(folder) / f"{truth['id']}.pdf"
    path.write_bytes(scanned_pdf([scan(page, rng) for page in render(FIXTURES / truth["file"])]))
    as_of = dt.date.fromisoformat(truth["document_date"])
    parsed = parse(path, as_of=as_of, timeout=None)
    facts = extract(parsed, as_of=as_of)
    spans = [job.evidence for job in facts.jobs] + [lang.evidence for lang in facts.languages]
    return {
        "id": truth["id"],
        "ocr": parsed.ocr,
        "pages": len(parsed.ocr_pages),
        "total": facts.experience.total_years,
        "team": facts.team_size.value,
        "languages": sorted((lang.language, lang.level) for lang in facts.languages),
        "spans_ok": all(parsed.text[e.start : e.end] == e.text for e in [*spans, facts.team_size.evidence] if e),
    }


@pytest.fixture(scope="module")
def scanned_fixtures(tmp_path_factory):
    """Every fixture PDF as a 300-dpi scan (noise, up to ±3°, JPEG 70) read back: (truth, result)."""
    truths = _truths()
    folder = str(tmp_path_factory.mktemp("scans"))
    with ProcessPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        results = list(pool.map(_read_scan, truths, [folder] * len(truths)))
    return list(zip(truths, results, strict=True))


@needs_tesseract
def test_scans_of_the_fixture_cvs_give_their_facts(scanned_fixtures):
    n = len(scanned_fixtures)
    assert n >= 25 and all(r["ocr"] and r["pages"] for _, r in scanned_fixtures)
    total = [
        t["id"]
        for t, r in scanned_fixtures
        if r["total"] is None or abs(r["total"] - t["experience"]["total_years"]) > 1 / 12 + 1e-6
    ]
    team = [t["id"] for t, r in scanned_fixtures if r["team"] != t.get("team_size")]
    languages = [
        t["id"]
        for t, r in scanned_fixtures
        if r["languages"] != sorted((lang["language"], lang["level"]) for lang in t.get("languages", []))
    ]
    assert len(total) <= 0.10 * n, f"total experience off by more than a month: {total}"
    assert len(team) <= 0.15 * n, f"team size: {team}"
    assert len(languages) <= 0.15 * n, f"languages: {languages}"
    assert all(r["spans_ok"] for _, r in scanned_fixtures)


@needs_tesseract
def test_only_the_scanned_page_of_a_mixed_pdf_is_read_by_ocr(tmp_path):
    source = pdfium.PdfDocument(str(FIXTURES / "cvs" / "ru_hh_01.pdf"))
    page_two = render(FIXTURES / "cvs" / "ru_hh_01.pdf")[1]
    mixed = pdfium.PdfDocument(io.BytesIO(scanned_pdf([scan(page_two, random.Random(2))])))
    mixed.import_pages(source, [0], index=0)
    path = tmp_path / "mixed.pdf"
    mixed.save(path)
    cv = parse(path)
    text_only = parse(FIXTURES / "cvs" / "ru_hh_01.pdf")
    assert cv.ok and [p.page for p in cv.ocr_pages] == [2]
    first_page = text_only.text[: text_only.text.index("Декабрь 2019")]  # page 1 ends inside the second job
    assert cv.text.startswith(first_page[:400])
    assert "Сбербанк" in cv.text  # from the scanned page 2


@needs_tesseract
@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "HEIF"])
def test_an_image_of_a_cv_is_read(tmp_path, fmt):
    if fmt == "HEIF":
        from pillow_heif import register_heif_opener

        register_heif_opener()
    page = render(FIXTURES / "cvs" / "en_two_column_17.pdf")[0].convert("RGB")
    path = tmp_path / f"cv.{fmt.lower()}"
    page.save(path, fmt, **({"dpi": (300, 300)} if fmt in ("JPEG", "PNG") else {}))
    cv = parse(path)
    assert cv.ok and cv.format == {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp", "HEIF": "heic"}[fmt]
    assert cv.ocr and cv.pages == 1 and cv.ocr_pages[0].confidence > 80
    assert "Experience" in cv.text and any(s.name == "experience" for s in cv.sections)


@needs_tesseract
def test_a_multi_page_tiff_is_read_page_by_page(tmp_path):
    first, second = render(FIXTURES / "cvs" / "ru_hh_01.pdf")
    path = tmp_path / "cv.tiff"
    first.save(path, "TIFF", save_all=True, append_images=[second], compression="tiff_deflate", dpi=(300, 300))
    cv = parse(path)
    assert cv.ok and cv.format == "tiff" and cv.pages == 2 and [p.page for p in cv.ocr_pages] == [1, 2]
    assert "Дмитрий Кузнецов" in cv.text and "Сбербанк" in cv.text


@needs_tesseract
@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_page_turned_sideways_or_upside_down_is_read_upright(tmp_path, turn):
    page = render(FIXTURES / "cvs" / "en_two_column_17.pdf")[0].rotate(turn, expand=True)
    path = tmp_path / "turned.png"
    page.save(path, dpi=(300, 300))
    cv = parse(path)
    assert cv.ok and cv.ocr_pages[0].rotation == (360 - turn) % 360
    assert "Experience" in cv.text and cv.ocr_pages[0].confidence > 80


@needs_tesseract
@pytest.mark.parametrize("name", ["scanned.pdf", "partial_scan.pdf"])
def test_the_hostile_scans_are_read_with_ocr(name):
    cv = parse(FIXTURES / "hostile" / name)
    assert cv.ok and cv.ocr and "Опыт работы" in cv.text


@needs_tesseract
def test_the_timeout_covers_ocr():
    cv = parse(FIXTURES / "hostile" / "scanned.pdf", timeout=0.3)
    assert (cv.status, cv.error.code) == ("error", "timeout")


def test_without_tesseract_a_scan_needs_ocr_and_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(ocr_module, "unavailable", lambda: INSTALL_HINT)
    cv = parse(FIXTURES / "hostile" / "scanned.pdf")
    assert (cv.status, cv.error.code) == ("needs_ocr", "needs_ocr")
    assert "apt-get install tesseract-ocr tesseract-ocr-rus tesseract-ocr-eng" in cv.error.message


def test_without_tesseract_an_image_needs_ocr(monkeypatch, tmp_path):
    monkeypatch.setattr(ocr_module, "unavailable", lambda: INSTALL_HINT)
    path = tmp_path / "photo.jpg"
    Image.new("L", (50, 70), 255).save(path)
    cv = parse(path)
    assert (cv.status, cv.format, cv.error.code) == ("needs_ocr", "jpeg", "needs_ocr")
    assert "tesseract-ocr-rus" in cv.error.message


@pytest.mark.parametrize("command", ["parse", "extract"])
def test_no_ocr_keeps_a_scan_unread(command):
    from kamscreen.cli import app

    result = CliRunner().invoke(app, [command, str(FIXTURES / "hostile" / "scanned.pdf"), "--no-ocr"])
    output = " ".join(result.output.split())
    assert result.exit_code == 0 and "needs_ocr" in output and "switched off" in output


@needs_tesseract
def test_screen_marks_a_cv_read_by_ocr_in_the_report(tmp_path):
    from kamscreen.cli import app

    folder = tmp_path / "cvs"
    folder.mkdir()
    page = render(FIXTURES / "cvs" / "en_two_column_17.pdf")[0]
    (folder / "photo.jpg").write_bytes(scan(page, random.Random(1)))
    (folder / "text.pdf").write_bytes((FIXTURES / "cvs" / "en_two_column_16.pdf").read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["screen", str(folder), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.count("read by OCR — check the facts") == 2  # the row's badge and the card's note, once
    assert "needs OCR 0" in result.output


def test_a_text_pdf_does_not_load_the_ocr_stack():
    code = (
        "import sys; from kamscreen.parse import parse; cv = parse(sys.argv[1]); "
        "print(cv.ok, 'tesserocr' in sys.modules, 'kamscreen.parse.ocr' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(FIXTURES / "cvs" / "ru_hh_01.pdf")],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert out.stdout.split() == ["True", "False", "False"]


def test_a_page_read_with_low_confidence_gets_a_warning():
    reader = ScanReader()
    reader.pages += [OcrPage(1, 93.0), OcrPage(2, 41.5, 180)]
    assert reader.warnings() == ["page 2 read by OCR with low confidence (42 of 100): check the facts"]


@pytest.mark.parametrize(
    "head, fmt",
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "png"),
        (b"II*\x00\x08\x00", "tiff"),
        (b"MM\x00*\x00\x00", "tiff"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "webp"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00", "heic"),
        (b"\x00\x00\x00\x18ftypmif1\x00\x00", "heic"),
    ],
)
def test_images_are_sniffed_from_their_bytes(head, fmt):
    from kamscreen.parse.sniff import sniff_format

    assert sniff_format(head + b"\x00" * 64) == fmt


def test_a_damaged_image_is_an_error_not_a_crash(tmp_path):
    if unavailable() is not None:
        pytest.skip(f"no OCR here: {unavailable()}")
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    cv = parse(path)
    assert (cv.status, cv.error.code) == ("error", "corrupt")


@needs_tesseract
def test_a_phone_photo_of_a_cv_gives_its_facts(tmp_path):
    from kamscreen.extract import extract
    from scans import photo

    truth = json.loads((FIXTURES / "truth" / "ru_hh_06.json").read_text(encoding="utf-8"))
    path = tmp_path / "photo.jpg"
    path.write_bytes(photo(render(FIXTURES / truth["file"])[0], random.Random(6)))
    as_of = dt.date.fromisoformat(truth["document_date"])
    facts = extract(parse(path, as_of=as_of), as_of=as_of)
    assert abs(facts.experience.total_years - truth["experience"]["total_years"]) <= 1 / 12 + 1e-6
    assert sorted((lang.language, lang.level) for lang in facts.languages) == sorted(
        (lang["language"], lang["level"]) for lang in truth["languages"]
    )


def test_a_photographed_sheet_is_cut_from_the_desk_but_a_dark_sidebar_is_kept():
    from kamscreen.parse.ocr import _photographed_sheet

    desk = Image.new("L", (1200, 1600), 70)
    desk.paste(235, (200, 250, 1000, 1350))
    sheet = _photographed_sheet(desk)
    assert sheet is not None and abs(sheet.width - 800) < 20 and abs(sheet.height - 1100) < 20
    page = Image.new("L", (1200, 1600), 250)
    page.paste(30, (0, 0, 380, 1600))  # a CV's dark sidebar, edge to edge
    assert _photographed_sheet(page) is None
