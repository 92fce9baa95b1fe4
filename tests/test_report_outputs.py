"""The report files: XLSX layout, formula neutralisation, HTML escaping, blind mode."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kamscreen.cli import app
from kamscreen.report.rows import CRITERION_PREFIX, KEY_COLUMNS, neutralise

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"
AS_OF = "2025-09-01"
XSS = (
    '=HYPERLINK("http://evil.example/x","click")\n<script>window.__xss=1</script>\n'
    '</pre></script><img src=x onerror="window.__xss=2">\nKey Account Manager 2019 — 2024\n'
)
BLIND_CV = """Петрова Анна Сергеевна
Женщина, 41 год, родилась 3 мая 1984
+7 (916) 555-12-34
anna.petrova@example.ru
https://t.me/petrova_anna

Опыт работы — 12 лет 4 месяца

Январь 2016 — по настоящее время
ООО «Вектор Трейд»
Директор по работе с ключевыми клиентами
Руководила командой из 9 человек. Рост выручки ключевых клиентов на 35 %. Петрова А.С. вела переговоры с ЛПР.

Знание языков
Английский — C1 — Продвинутый
"""
SECRETS = (
    "Петрова",
    "Анна",
    "Сергеевна",
    "anna.petrova@example.ru",
    "555-12-34",
    "t.me/petrova_anna",
    "родилась 3 мая 1984",
    "Женщина",
)


def corpus(dest: Path) -> Path:
    cvs = sorted((FIXTURES / "cvs").glob("ru_hh_*.pdf")) + sorted((FIXTURES / "cvs").glob("en_word_*.docx"))
    if len(cvs) < 2:
        pytest.skip("data/fixtures/cvs is not generated yet")
    dest.mkdir(parents=True)
    for path in cvs[:2] + cvs[-1:]:
        shutil.copy2(path, dest / path.name)
    (dest / "xss.txt").write_text(XSS, encoding="utf-8")
    if (FIXTURES / "special" / "xss.txt").is_file():
        shutil.copy2(FIXTURES / "special" / "xss.txt", dest / "xss_fixture.txt")
    (dest / "=1+2.txt").write_text("Key Account Manager\n", encoding="utf-8")
    (dest / "@SUM(A1).txt").write_text("Sales manager, cold calls\n", encoding="utf-8")
    (dest / "petrova.txt").write_text(BLIND_CV, encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    base = tmp_path_factory.mktemp("reports")
    folder = corpus(base / "cvs")
    runner = CliRunner()
    for name, extra in (("out", []), ("blind", ["--blind"])):
        result = runner.invoke(
            app, ["screen", str(folder), "--out", str(base / name), "--as-of", AS_OF, "--jobs", "1", *extra]
        )
        assert result.exit_code == 0, result.output
    return base


def test_xlsx_has_columns_frozen_header_filter_and_status_fills(outputs):
    sheet = load_workbook(outputs / "out" / "ranking.xlsx").active
    header = [c.value for c in sheet[1]]
    assert header[: len(KEY_COLUMNS)] == list(KEY_COLUMNS)
    crit = [i for i, h in enumerate(header) if h.startswith(CRITERION_PREFIX)]
    assert len(crit) >= 5
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
    with open(outputs / "out" / "ranking.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert sheet.max_row == len(rows)
    first = [c.value for c in sheet[2]]
    assert first[0] == 1 and isinstance(first[header.index("checklist_score")], (int, float))
    colours = {sheet.cell(row=2, column=i + 1).fill.start_color.rgb[-6:] for i in crit}
    statuses = {first[i] for i in crit}
    assert len(colours) == len(statuses) and "000000" not in colours
    assert sheet.column_dimensions["B"].width >= 30


def test_formula_like_cells_are_neutralised_but_numbers_stay_numbers(outputs):
    with open(outputs / "out" / "ranking.csv", encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert "'=1+2.txt" in cells and "'@SUM(A1).txt" in cells
    assert not any(c[:1] in "=+-@" for c in cells if c and not re.fullmatch(r"-?\d+(\.\d+)?", c))
    sheet = load_workbook(outputs / "out" / "ranking.xlsx").active
    values = [c.value for row in sheet.iter_rows(min_row=2) for c in row]
    assert "'=1+2.txt" in values and "'@SUM(A1).txt" in values
    assert not any(isinstance(v, str) and v[:1] in "=+-@\t\r" for v in values)
    assert neutralise(-3.5) == -3.5 and neutralise("-3") == "'-3" and neutralise("\tx") == "'\tx"


def test_html_escapes_cv_text_and_runs_only_its_own_script(outputs):
    html = (outputs / "out" / "report.html").read_text(encoding="utf-8")
    for raw in ("<script>window.__xss", 'onerror="window', "<script>alert(1)</script>", "<img src=x onerror=alert(1)>"):
        assert raw not in html, raw
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert html.count("<script") == 1  # the report's own script (allowed by its hash), nothing else
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', html)  # nothing loaded from the network


def test_blind_mode_masks_personal_data_everywhere(outputs):
    blind = outputs / "blind"
    texts = [(blind / n).read_text(encoding="utf-8-sig") for n in ("ranking.csv", "candidates.jsonl", "report.html")]
    sheet = load_workbook(blind / "ranking.xlsx").active
    texts.append(" ".join(str(c.value) for row in sheet.iter_rows() for c in row))
    for secret in SECRETS:
        for text in texts:
            assert secret not in text, secret
    # the open run still shows them: blind mode is what hides them
    assert "anna.petrova@example.ru" in (outputs / "out" / "report.html").read_text(encoding="utf-8")


def test_blind_masks_keep_evidence_offsets(outputs):
    def load(name, key, value):
        lines = (outputs / name / "candidates.jsonl").read_text(encoding="utf-8").splitlines()
        return next(json.loads(line) for line in lines if json.loads(line)[key] == value)

    open_ = load("out", "file", "petrova.txt")
    blind = load("blind", "sha256", open_["sha256"])  # blind rows are named by a pseudonym
    assert blind["file"] == f"cv-{open_['sha256'][:12]}.txt"
    if open_["status"] != "ok":
        pytest.skip("the parser did not read the plain-text CV")
    pairs = [
        (o["evidence"], b["evidence"])
        for o, b in zip(open_["kpis"] + open_["languages"], blind["kpis"] + blind["languages"], strict=True)
    ]
    assert pairs, "no evidence to compare"
    for o, b in pairs:
        assert (o["start"], o["end"]) == (b["start"], b["end"]) and len(o["text"]) == len(b["text"])
        assert all(x == y or y == "█" for x, y in zip(o["text"], b["text"], strict=True))


def test_streamed_outputs_equal_the_list_writer_and_fail_atomically(outputs, tmp_path):
    from kamscreen.report import Candidate, ReportWriter, write_reports
    from kamscreen.report.html import layout_of

    lines = [
        json.loads(line) for line in (outputs / "out" / "candidates.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    cands = [
        Candidate(
            file=rec["file"],
            sha256=rec["sha256"],
            status=rec["status"],
            error=rec.get("error"),
            text="Key Account Manager 2019 — 2024\n" * 3,
            assessment={k: v for k, v in rec.items() if k not in ("sha256", "status")} if "checklist" in rec else None,
        )
        for rec in lines
    ]
    written = write_reports(cands, tmp_path / "a", profile="kam-director")
    before = {kind: path.read_bytes() for kind, path in written.items()}
    with (
        pytest.raises(RuntimeError),
        ReportWriter(tmp_path / "a", layout_of(cands[::-1], profile="kam-director")) as writer,
    ):
        writer.add(cands[-1])
        raise RuntimeError("interrupted")
    assert {kind: path.read_bytes() for kind, path in written.items()} == before  # old outputs intact
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == sorted(p.name for p in written.values())
    sheet = load_workbook(written["xlsx"]).active  # the write-only workbook keeps the layout
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.endswith(str(len(cands) + 1))
    assert [c.value for c in sheet[1]][: len(KEY_COLUMNS)] == list(KEY_COLUMNS) and sheet["A1"].font.b
