"""The CV's "present": override > hh.ru footer > file metadata > file mtime."""

from __future__ import annotations

import datetime as dt
import os

from docx import Document

from kamscreen.parse import parse
from kamscreen.parse.docdate import document_date, hh_footer_date

HH_TEXT = "Менеджер по ключевым клиентам\n\nОпыт работы\nМарт 2019 — по настоящее время\nООО Альфа\n"


def _docx(path, text: str, modified: dt.datetime) -> None:
    document = Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.core_properties.modified = modified
    document.save(path)


def test_footer_forms():
    assert hh_footer_date("Резюме обновлено 5 сентября 2025 в 14:03") == dt.date(2025, 9, 5)
    assert hh_footer_date("Резюме от 01.09.2025") == dt.date(2025, 9, 1)
    assert hh_footer_date("резюме обновлено 12 мая 2024") == dt.date(2024, 5, 12)
    assert hh_footer_date("Резюме от 31.02.2025") is None
    assert hh_footer_date("Опыт работы 8 лет") is None


def test_footer_beats_metadata(tmp_path):
    path = tmp_path / "cv.docx"
    _docx(path, HH_TEXT + "Резюме обновлено 5 сентября 2025 в 14:03", dt.datetime(2023, 1, 2, 10, 0))
    cv = parse(path)
    assert cv.document_date.to_dict() == {"date": "2025-09-05", "source": "hh_footer"}


def test_metadata_beats_mtime(tmp_path):
    path = tmp_path / "cv.docx"
    _docx(path, HH_TEXT, dt.datetime(2023, 1, 2, 10, 0))
    assert parse(path).document_date.to_dict() == {"date": "2023-01-02", "source": "metadata"}


def test_override_beats_all(tmp_path):
    path = tmp_path / "cv.docx"
    _docx(path, HH_TEXT + "Резюме от 01.09.2025", dt.datetime(2023, 1, 2))
    cv = parse(path, as_of=dt.date(2024, 6, 30))
    assert cv.document_date.to_dict() == {"date": "2024-06-30", "source": "override"}


def test_mtime_fallback(tmp_path):
    path = tmp_path / "cv.txt"
    path.write_text(HH_TEXT, encoding="utf-8")
    stamp = dt.datetime(2022, 3, 4, 12, 0).timestamp()
    os.utime(path, (stamp, stamp))
    assert parse(path).document_date.to_dict() == {"date": "2022-03-04", "source": "mtime"}


def test_error_records_still_carry_a_date(tmp_path):
    path = tmp_path / "cv.pdf"
    path.write_bytes(b"%PDF-1.4 garbage")
    cv = parse(path, as_of=dt.date(2025, 1, 1))
    assert cv.status == "error"
    assert cv.document_date.source == "override"


def test_precedence_function():
    footer = "Резюме от 01.09.2025"
    assert document_date(footer, metadata=dt.date(2020, 1, 1), mtime=dt.date(2021, 1, 1)).source == "hh_footer"
    assert document_date("", metadata=dt.date(2020, 1, 1), mtime=dt.date(2021, 1, 1)).source == "metadata"
    assert document_date("", mtime=dt.date(2021, 1, 1)).date == dt.date(2021, 1, 1)
