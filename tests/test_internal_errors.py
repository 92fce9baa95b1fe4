"""A kamscreen bug is ``internal_error`` with its traceback logged, never blamed on the file as ``corrupt``."""

from __future__ import annotations

import json
import logging
import math
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from kamscreen.cli import app
from kamscreen.parse import ERROR_CODES, parse
from kamscreen.parse import parser as parser_module

CV = "Key Account Manager\nООО «Вектор», 2016 — 2024\nУправление портфелем ключевых клиентов.\n"


_find_sections = parser_module.find_sections


def _buggy_sections(text):
    return _find_sections(42)  # the error is raised inside kamscreen.parse.sections: a bug, not the file


def _library_fails(*args, **kwargs):
    zipfile.ZipFile(__import__("io").BytesIO(b"PK\x03\x04 not really a zip"))  # raised inside zipfile


def test_an_exception_from_kamscreen_code_is_internal_error_and_logged(tmp_path, monkeypatch, caplog):
    assert "internal_error" in ERROR_CODES
    path = tmp_path / "a.txt"
    path.write_text(CV, encoding="utf-8")
    monkeypatch.setattr(parser_module, "find_sections", _buggy_sections)
    with caplog.at_level(logging.ERROR, logger="kamscreen"):
        cv = parse(path)
    assert cv.status == "error" and cv.error.code == "internal_error", cv.error
    assert cv.error.message.startswith("a.txt: ") and "not the file's fault" in cv.error.message
    assert "\n" not in cv.error.message
    assert any(
        (r.exc_info and "AttributeError" in r.exc_text) or "AttributeError" in caplog.text for r in caplog.records
    )
    assert "Traceback" in caplog.text and "sections.py" in caplog.text


def test_an_exception_from_a_reading_library_stays_corrupt(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(CV, encoding="utf-8")
    monkeypatch.setattr(parser_module, "_read", _library_fails)
    cv = parse(path)
    assert cv.error.code == "corrupt", cv.error


def test_an_unreadable_file_is_unreadable_not_a_crash(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(CV, encoding="utf-8")

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    cv = parse(path)
    assert cv.error.code == "unreadable" and "Permission denied" in cv.error.message


def test_screen_reports_internal_errors_with_the_traceback_in_the_log(tmp_path, monkeypatch):
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "a.txt").write_text(CV, encoding="utf-8")
    monkeypatch.setattr(parser_module, "find_sections", _buggy_sections)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["screen", str(folder), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "internal_error 1" in result.output and "kamscreen bugs, not bad files" in result.output
    log = (out / "errors.log").read_text(encoding="utf-8")
    assert "a.txt" in log and "Traceback" in log and "sections.py" in log
    row = json.loads((out / "candidates.jsonl").read_text(encoding="utf-8"))
    assert row["error"]["code"] == "internal_error" and "traceback" not in row["error"]
    assert "Traceback" not in (out / "report.html").read_text(encoding="utf-8")


def test_no_nan_reaches_json(tmp_path):
    from kamscreen.report import Candidate, write_reports

    cand = Candidate(
        file="a.txt",
        sha256="0" * 64,
        status="ok",
        text="x",
        assessment={
            "checklist": {"score": math.nan, "criteria": [], "verdict": "fail"},
            "fit": {"probability": math.inf},
            "rank": 1,
        },
    )
    written = write_reports([cand], tmp_path / "o", profile="kam-director")

    def refuse(name):
        raise ValueError(f"{name} in JSON")

    line = json.loads(written["jsonl"].read_text(encoding="utf-8"), parse_constant=refuse)
    assert line["checklist"]["score"] is None and line["fit"]["probability"] is None
