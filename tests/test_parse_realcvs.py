"""Every real CV in ../shared/real-cvs parses cleanly into sensible sections (skipped when absent)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from kamscreen.parse import parse

REAL = Path(__file__).resolve().parents[2] / "shared" / "real-cvs"
HH = sorted((REAL / "hh-ru").glob("*.txt"))
LIVECAREER = sorted((REAL / "en-livecareer").glob("*/*.pdf"))
HH_PDF = sorted((REAL / "hh-ru-pdf").glob("*.pdf"))
_DURATION = re.compile(r"^\d+ (?:год|года|лет|месяц|месяца|месяцев)\b")
_PERIOD = re.compile(r"^[А-ЯЁ][а-яё]+ (?:19|20)\d\d — (?:[А-ЯЁа-яё]+ (?:19|20)\d\d|настоящее время)$")

pytestmark = [
    pytest.mark.realcvs,
    pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real-cvs is not present"),
]


@pytest.fixture(scope="module")
def hh_parsed():
    return [parse(path) for path in HH]


@pytest.fixture(scope="module")
def livecareer_parsed():
    return [parse(path) for path in LIVECAREER]


def test_hh_all_ok_with_experience(hh_parsed):
    assert len(hh_parsed) >= 30
    assert all(cv.status == "ok" for cv in hh_parsed), [cv.error for cv in hh_parsed if not cv.ok]
    found = sum(bool(cv.section("experience")) for cv in hh_parsed)
    assert found >= 0.95 * len(hh_parsed)
    for cv in hh_parsed:
        assert cv.format == "txt"
        assert cv.language in ("ru", "mixed", "en")
        assert cv.sections[0].start == 0 and cv.sections[-1].end == len(cv.text)
        experience = cv.section_text("experience")
        # hh.ru's stated total stays inside the experience section, with the jobs
        assert "Опыт работы" in experience
    assert sum(cv.language == "ru" for cv in hh_parsed) >= 0.7 * len(hh_parsed)


def test_hh_education_found(hh_parsed):
    assert sum(bool(cv.section("education")) for cv in hh_parsed) >= 0.9 * len(hh_parsed)


def test_hh_present_from_footer_or_override(tmp_path):
    source = HH[0].read_text(encoding="utf-8")
    copy = tmp_path / HH[0].name
    copy.write_text(source + "\nРезюме обновлено 28 сентября 2025 в 10:15\n", encoding="utf-8")
    assert parse(copy).document_date.to_dict() == {"date": "2025-09-28", "source": "hh_footer"}
    assert parse(HH[0], as_of=dt.date(2025, 9, 30)).document_date.source == "override"
    assert parse(HH[0]).document_date.source == "mtime"  # the scraped files carry no footer


def test_livecareer_all_ok_with_experience(livecareer_parsed):
    assert len(livecareer_parsed) >= 100
    assert all(cv.status == "ok" for cv in livecareer_parsed), [cv.error for cv in livecareer_parsed if not cv.ok]
    found = sum(bool(cv.section("experience")) for cv in livecareer_parsed)
    assert found >= 0.9 * len(livecareer_parsed)
    assert sum(cv.language == "en" for cv in livecareer_parsed) >= 0.95 * len(livecareer_parsed)


def test_livecareer_present_is_the_metadata_date(livecareer_parsed):
    dates = {cv.document_date.to_dict()["date"] for cv in livecareer_parsed}
    sources = {cv.document_date.source for cv in livecareer_parsed}
    assert sources == {"metadata"}
    assert dates == {"2021-08-08"}


def test_livecareer_words_are_separated(livecareer_parsed):
    """wkhtmltopdf drops many space glyphs; the layout must restore them."""
    words = [w for cv in livecareer_parsed for w in cv.text.split()]
    glued = [w for w in words if len(w) > 25 and w.isalpha()]
    assert len(glued) < 0.001 * len(words)
    text = " ".join(cv.text for cv in livecareer_parsed)
    assert text.count("Company Name") > 10 * text.count("CompanyName")


def test_livecareer_mojibake_is_repaired(livecareer_parsed):
    """UTF-8 read as Windows-1252 by the producer ("â€“", "Â", "ï¼") comes out as the real signs."""
    texts = {cv.file: cv.text for cv in livecareer_parsed}
    marks = ("â€", "Â", "ï¼", "Ã©")
    assert sum(text.count(mark) for text in texts.values() for mark in marks) <= 2  # 2000+ before
    for name in ("33665485.pdf", "28663949.pdf", "13411858.pdf"):
        if name in texts:
            assert not any(mark in texts[name] for mark in marks), name
    assert sum(text.count("–") for text in texts.values()) >= 50  # "â€“" became an en dash


def test_livecareer_dates_glued_to_words_are_split(livecareer_parsed):
    text = next((cv.text for cv in livecareer_parsed if cv.file == "52979663.pdf"), None)
    if text is None:
        pytest.skip("HR/52979663.pdf is not present")
    assert "Manager July 1996 to December 1999 Ingersoll-Rand" in " ".join(text.split())
    assert "ManagerJuly" not in text and "CurrentDanone" not in text


def test_hh_pdf_export_reads_each_labeled_job_in_hh_order():
    """The real hh.ru export: per labeled job, its period line, its duration, the employer (a whole
    line), the title a whole line within the next lines; the employer's history page left out, the
    footer's date kept."""
    labels = {}
    for line in (REAL / "labels" / "hh-ru-pdf.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            label = json.loads(line)
            labels[label["file"]] = label
    assert HH_PDF
    for path in HH_PDF:
        cv = parse(path)
        assert cv.ok and cv.document_date.source == "hh_footer", path.name
        assert "История общения с кандидатом" not in cv.text
        lines = [line.strip() for line in cv.text.splitlines() if line.strip()]
        for job in labels[f"hh-ru-pdf/{path.name}"]["jobs"]:
            at = lines.index(job["employer"])
            assert _PERIOD.match(lines[at - 2]) and _DURATION.match(lines[at - 1]), lines[at - 2 : at]
            assert job["title"] in lines[at + 1 : at + 5], (path.name, job["employer"])
