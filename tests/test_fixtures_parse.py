"""The fixture corpus parses: every CV is ok with its key phrases in order, two-column CVs keep their
experience block contiguous, hostile files give their documented error code fast."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from kamscreen.parse import parse

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "data" / "fixtures"
TRUTHS = sorted((FIXTURES / "truth").glob("*.json"))
HOSTILE = json.loads((FIXTURES / "hostile" / "expected.json").read_text(encoding="utf-8"))
MANIFEST = json.loads((FIXTURES / "special" / "manifest.json").read_text(encoding="utf-8"))
LAYOUTS = ("hh", "hh_pdf_table", "two_column", "linkedin", "word_table", "word_plain", "plain_txt", "rtf")


def norm(text: str) -> str:
    """Compare content, not typography: NFKC, one kind of dash, whitespace runs → one space."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def _tightest_span(text: str, phrases: list[str]) -> tuple[int, int] | None:
    """Start and end of the shortest stretch of ``text`` holding ``phrases`` in order, or None."""
    best = None
    start = text.find(phrases[0])
    while start >= 0:
        pos = start + len(phrases[0])
        for phrase in phrases[1:]:
            pos = text.find(phrase, pos)
            if pos < 0:
                return best
            pos += len(phrase)
        if best is None or pos - start < best[1] - best[0]:
            best = (start, pos)
        start = text.find(phrases[0], start + 1)
    return best


def _truth(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def parsed() -> dict:
    """Each fixture CV parsed once: id → (truth, ParsedCV, normalised text)."""
    out = {}
    for path in TRUTHS:
        truth = _truth(path)
        cv = parse(FIXTURES / truth["file"])
        out[truth["id"]] = (truth, cv, norm(cv.text))
    return out


def test_the_corpus_is_large_and_varied():
    truths = [_truth(p) for p in TRUTHS]
    assert len(truths) >= 44
    layouts = {t["layout"] for t in truths}
    for layout in LAYOUTS:
        assert sum(t["layout"] == layout for t in truths) >= 5, layout
    assert layouts <= set(LAYOUTS)
    for t in truths:
        assert (FIXTURES / t["file"]).is_file(), t["file"]


def test_every_cv_parses_ok_with_its_key_phrases_in_order(parsed):
    failures = []
    for cv_id, (truth, cv, text) in parsed.items():
        if cv.status != "ok":
            failures.append(f"{cv_id}: status {cv.status} {cv.error and cv.error.code}")
            continue
        pos = 0
        for phrase in truth["key_phrases"]:
            found = text.find(norm(phrase), pos)
            if found < 0:
                where = "missing" if norm(phrase) not in text else "out of order"
                failures.append(f"{cv_id}: {where}: {phrase!r}")
                break
            pos = found + len(norm(phrase))
    assert not failures, "\n".join(failures)


def test_parsed_format_matches_the_file(parsed):
    wrong = [
        (cv_id, truth["format"], cv.format) for cv_id, (truth, cv, _) in parsed.items() if cv.format != truth["format"]
    ]
    assert not wrong


def test_document_date_comes_from_the_footer_or_the_metadata(parsed):
    """The CV's "present": hh footer first, then file metadata (mtime is not kept by git: not checked)."""
    wrong = []
    for cv_id, (truth, cv, _) in parsed.items():
        if truth["document_date_source"] == "mtime":
            continue
        got = (cv.document_date.date and cv.document_date.date.isoformat(), cv.document_date.source)
        if got != (truth["document_date"], truth["document_date_source"]):
            wrong.append((cv_id, got, truth["document_date"], truth["document_date_source"]))
    assert not wrong


def test_two_column_experience_block_stays_contiguous(parsed):
    """No sidebar phrase may land between the first and the last phrase of the experience block."""
    checked, failures = 0, []
    for cv_id, (truth, cv, text) in parsed.items():
        if not truth["sidebar_phrases"] or not cv.ok:
            continue
        checked += 1
        span = _tightest_span(text, [norm(p) for p in truth["experience_block"]])
        if span is None:
            failures.append(f"{cv_id}: experience phrases missing or out of order")
            continue
        first, last = span
        inside = [p for p in truth["sidebar_phrases"] if norm(p) in text[first:last]]
        if inside:
            failures.append(f"{cv_id}: sidebar inside experience: {inside[:3]}")
    assert checked >= 10
    assert not failures, "\n".join(failures)


def test_hh_table_export_reads_each_period_with_its_job(parsed):
    """hh.ru's table export: a period is followed by its duration and then its own employer, not by
    the next period (the left column is not read whole)."""
    checked, failures = 0, []
    for cv_id, (truth, _cv, text) in parsed.items():
        if truth["layout"] != "hh_pdf_table":
            continue
        for job in truth["jobs"]:
            checked += 1
            period = norm(job["period_text"])
            at = text.find(period)
            gap = text.find(norm(job["employer"]), at) - (at + len(period)) if at >= 0 else -1
            if not 0 <= gap <= 25:  # " 2 года 8 месяцев " lies between
                failures.append(f"{cv_id}: {job['period_text']!r} is not followed by {job['employer']!r}")
    assert checked >= 15
    assert not failures, "\n".join(failures)


def test_hh_table_export_reads_each_job_in_hh_order_without_the_history_page(parsed):
    """hh.ru's real export: per job the period and the duration (left cell), then the employer, its
    site and industry lines (at most three), then the title, each a whole line (wrapped names joined);
    the employer's "История общения с кандидатом" page is not in the text; the footer once, last."""
    checked, failures = 0, []
    for cv_id, (truth, cv, _) in parsed.items():
        if truth["layout"] != "hh_pdf_table":
            continue
        lines = [norm(line) for line in cv.text.splitlines() if line.strip()]
        if "История общения" in cv.text or "(вакансия компании)" in cv.text:
            failures.append(f"{cv_id}: the history page is in the text")
        if lines[-1] != norm(truth["key_phrases"][-1]) or sum("Резюме обновлено" in line for line in lines) != 1:
            failures.append(f"{cv_id}: the footer is not kept once at the end")
        for job in truth["jobs"]:
            checked += 1
            at = lines.index(norm(job["period_text"])) if norm(job["period_text"]) in lines else -1
            header = lines[at + 2 : at + 7] if at >= 0 else []
            if not header or header[0] != norm(job["employer"]) or norm(job["title"]) not in header[1:]:
                failures.append(f"{cv_id}: {job['period_text']!r} is not followed by its employer and title: {header}")
    assert checked >= 15
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_gives_its_code_without_hanging(name):
    started = time.monotonic()
    cv = parse(FIXTURES / "hostile" / name, ocr=False)  # the scans' code without OCR (test_ocr reads them)
    elapsed = time.monotonic() - started
    assert elapsed < 120, f"{name} took {elapsed:.1f}s"  # a hang guard only: speed is in benchmarks/
    expected = HOSTILE[name]
    if expected == "ok":
        assert cv.status == "ok" and cv.text.strip()
    elif expected == "needs_ocr":
        assert cv.status == "needs_ocr" or (cv.error and cv.error.code == "needs_ocr"), cv
    else:
        assert cv.status == "error" and cv.error is not None and cv.error.code == expected, (name, cv.status, cv.error)


def test_a_docx_named_pdf_is_sniffed_as_docx():
    cv = parse(FIXTURES / "hostile" / "docx_named.pdf")
    assert cv.ok and cv.format == "docx"


def test_injection_payloads_survive_parsing_verbatim():
    cv = parse(FIXTURES / "special" / MANIFEST["xss"]["file"])
    assert cv.ok
    for payload in MANIFEST["xss"]["payloads"]:
        assert payload in cv.text, payload


def test_counterfactual_pairs_parse_to_text_that_differs_only_in_personal_data():
    pairs = MANIFEST["counterfactual_pairs"]
    assert len(pairs) >= 3
    for pair in pairs:
        texts = {}
        for tag in ("a", "b"):
            cv = parse(FIXTURES / "special" / pair[tag])
            assert cv.ok, pair[tag]
            personal = [norm(line) for line in pair["personal_lines"][tag]]
            lines = [norm(line) for line in cv.text.splitlines()]
            texts[tag] = norm(" ".join(line for line in lines if line and line not in personal))
            assert all(p in norm(cv.text) for p in personal), pair[tag]
        assert texts["a"] == texts["b"], pair["a"]
        for phrase in pair["truth"]["experience_block"]:
            assert norm(phrase) in texts["a"], phrase


def _digests(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != "README.md"
    }


def test_the_generator_rewrites_the_committed_fixtures_byte_for_byte(tmp_path):
    """The corpus is reproducible: a fresh run (which also re-checks every truth file) gives the same bytes."""
    pytest.importorskip("reportlab")
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_fixtures.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    fresh, committed = _digests(tmp_path), _digests(FIXTURES)
    assert fresh.keys() == committed.keys()
    assert [name for name in fresh if fresh[name] != committed[name]] == []
