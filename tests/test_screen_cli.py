"""`kamscreen screen` end to end on the fixture CVs: outputs agree, failures are rows, reruns are cached."""

from __future__ import annotations

import csv
import json
import re
import shutil
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kamscreen.batch import Task, find_cvs
from kamscreen.batch.pool import run_tasks
from kamscreen.cli import app

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"
AS_OF = "2025-09-01"
XSS = '=HYPERLINK("http://evil.example/x","click")\n<script>window.__xss=1</script>\nKey Account Manager 2019 — 2024\n'


def make_corpus(dest: Path) -> Path:
    """One fixture CV of each layout family, plus an empty, a corrupt and a hostile (XSS) file."""
    cvs = sorted((FIXTURES / "cvs").glob("*.*")) if (FIXTURES / "cvs").is_dir() else []
    if len(cvs) < 4:
        pytest.skip("data/fixtures/cvs is not generated yet")
    families: dict[str, Path] = {}
    for path in cvs:
        families.setdefault(re.sub(r"_\d+$", "", path.stem), path)
    dest.mkdir(parents=True, exist_ok=True)
    for path in families.values():
        shutil.copy2(path, dest / path.name)
    bad = dest / "hostile"
    bad.mkdir()
    for name in expected_codes():
        shutil.copy2(FIXTURES / "hostile" / name, bad / name)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "xss.txt").write_text(XSS, encoding="utf-8")
    return dest


def expected_codes() -> dict[str, str]:
    """Hostile fixture → the error code (or ``ok``) the parser must give it."""
    path = FIXTURES / "hostile" / "expected.json"
    if not path.is_file():
        return {}
    return {
        name: code
        for name, code in json.loads(path.read_text(encoding="utf-8")).items()
        if (FIXTURES / "hostile" / name).is_file()
    }


def run_screen(folder: Path, out: Path, *extra: str):
    result = CliRunner().invoke(
        app, ["screen", str(folder), "--out", str(out), "--as-of", AS_OF, "--jobs", "1", "--no-ocr", *extra]
    )  # the hostile scans stay needs_ocr (test_ocr reads them)
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result


def summary_counts(output: str) -> dict[str, int]:
    return {k: int(v) for v, k in re.findall(r"(\d+) (CVs)", output)} | {
        k: int(v) for k, v in re.findall(r"(processed|cached|failed) (\d+)", output)
    }


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def screened(tmp_path_factory):
    base = tmp_path_factory.mktemp("screen")
    folder = make_corpus(base / "cvs")
    result = run_screen(folder, base / "out")
    return folder, base / "out", result.output


def test_every_file_is_one_row_and_outputs_agree(screened):
    folder, out, _ = screened
    names = sorted(p.relative_to(folder).as_posix() for p in find_cvs(folder))
    rows = read_csv(out / "ranking.csv")
    lines = [json.loads(line) for line in (out / "candidates.jsonl").read_text(encoding="utf-8").splitlines()]
    # a row per candidate: hostile/web_export.doc is ru_hh_01's CV saved as a web page, listed with it
    assert (
        sorted([r["file"].lstrip("'") for r in rows] + [o["file"] for rec in lines for o in rec["other_files"]])
        == names
    )
    grouped = {rec["file"]: [o["file"] for o in rec["other_files"]] for rec in lines if rec["other_files"]}
    assert grouped == {"ru_hh_01.pdf": ["hostile/web_export.doc"]}
    assert [(r["file"], r["rank"]) for r in rows] == [(rec["file"], str(rec["rank"] or "")) for rec in lines]
    ranks = [int(r["rank"]) for r in rows if r["rank"]]
    assert ranks == list(range(1, len(ranks) + 1)) and len(ranks) >= 8
    ok = [rec for rec in lines if rec["status"] == "ok"]
    assert all(rec["checklist"]["criteria"] for rec in ok)
    # ranked by the checklist (the default): groups pass > no data > fail > needs a human read, each
    # by the role-defining lines (key-account years: the profile's rank_first), then by score
    tiers = {"pass": 0, "no_data": 1, "fail": 2}
    keys = [
        (
            3 if rec["needs_human_read"] else tiers[rec["checklist"]["verdict"]],
            -(rec["checklist"]["core"] or 0),
            -rec["checklist"]["score"],
        )
        for rec in ok
    ]
    assert keys == sorted(keys)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.count('<tr class="row"') == len(rows)


def test_bad_files_become_error_rows_with_their_code(screened):
    _, out, output = screened
    rows = {r["file"]: r for r in read_csv(out / "ranking.csv")}
    lines = [json.loads(line) for line in (out / "candidates.jsonl").read_text(encoding="utf-8").splitlines()]
    grouped = {o["file"]: o for line in lines if line["rank"] for o in line["other_files"]}  # a ranked candidate's
    codes = expected_codes() | {"empty.txt": "empty"}
    for name, code in codes.items():
        if code == "ok" and f"hostile/{name}" in grouped:
            assert grouped[f"hostile/{name}"]["status"] == "ok", name
            continue
        row = rows[f"hostile/{name}"]
        if code == "ok":
            assert row["status"] == "ok" and row["rank"], name
            continue
        assert row["status"] in ("error", "needs_ocr") and row["rank"] == "", name
        assert row["error"].startswith(code + ":"), (name, row["error"])
    failed = sum(code not in ("ok", "needs_ocr") for code in codes.values())
    assert summary_counts(output)["failed"] == failed
    assert f"needs OCR {sum(c == 'needs_ocr' for c in codes.values())}" in output


def test_rerun_reads_the_cache_and_a_changed_file_is_reprocessed(screened, tmp_path):
    folder, out, first = screened
    total = summary_counts(first)["CVs"]
    assert summary_counts(first)["processed"] == total
    work = tmp_path / "out"
    shutil.copytree(out, work)
    again = summary_counts(run_screen(folder, work).output)
    assert again["processed"] == 0 and again["cached"] == total
    assert (work / "ranking.csv").read_bytes() == (out / "ranking.csv").read_bytes()
    assert (work / "candidates.jsonl").read_bytes() == (out / "candidates.jsonl").read_bytes()
    changed = tmp_path / "cvs"
    shutil.copytree(folder, changed)
    (changed / "hostile" / "empty.txt").write_text("Key Account Manager\n", encoding="utf-8")
    third = summary_counts(run_screen(changed, work).output)
    assert third["processed"] == 1 and third["cached"] == total - 1


def test_changed_profile_rescores_from_cached_facts(screened, tmp_path):
    folder, out, _ = screened
    work = tmp_path / "out"
    shutil.copytree(out, work)
    result = run_screen(folder, work, "--profile", "junior-kam")
    assert summary_counts(result.output)["processed"] == 0
    lines = [json.loads(line) for line in (work / "candidates.jsonl").read_text(encoding="utf-8").splitlines()]
    profiles = {rec["checklist"]["profile"] for rec in lines if rec["status"] == "ok"}
    assert profiles and all("junior" in p for p in profiles)


def test_worker_processes_give_the_same_outputs(screened, tmp_path):
    folder, out, _ = screened
    result = CliRunner().invoke(
        app, ["screen", str(folder), "--out", str(tmp_path / "o"), "--as-of", AS_OF, "--jobs", "2", "--no-ocr"]
    )
    assert result.exit_code == 0, result.output
    for name in ("ranking.csv", "candidates.jsonl", "report.html"):
        assert (tmp_path / "o" / name).read_bytes() == (out / name).read_bytes(), name


def test_bad_profile_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("Key Account Manager", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["screen", str(tmp_path), "--out", str(tmp_path / "o"), "--profile", "no-such-profile"]
    )
    assert result.exit_code == 2 and "error" in result.output


def test_a_hanging_file_is_killed_and_reported_as_timeout(tmp_path, monkeypatch):
    module = tmp_path / "hangwork.py"
    module.write_text(
        textwrap.dedent("""
        import time
        from kamscreen.batch.record import FileResult

        def work(task):
            if task.file.startswith("hang"):
                time.sleep(60)
            return FileResult(task.file, task.sha256, "ok", parsed={"text": task.file})
    """),
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    import hangwork

    tasks = [Task(str(tmp_path / n), n, n) for n in ("a.txt", "hang.txt", "b.txt", "c.txt")]
    results = []
    run_tasks(tasks, results.append, jobs=2, timeout=1.5, work=hangwork.work)
    by_file = {r.file: r for r in results}
    assert sorted(by_file) == ["a.txt", "b.txt", "c.txt", "hang.txt"]
    assert by_file["hang.txt"].error_code == "timeout"
    assert all(by_file[n].status == "ok" for n in ("a.txt", "b.txt", "c.txt"))
    inline = []
    run_tasks(tasks[:2], inline.append, jobs=1, timeout=1.0, work=hangwork.work)
    assert [r.error_code for r in inline] == [None, "timeout"]
    sys.modules.pop("hangwork", None)


OUTPUTS = ("ranking.csv", "ranking.xlsx", "candidates.jsonl", "report.html")


def test_unchanged_rerun_is_up_to_date_and_any_change_redoes_the_work(screened, tmp_path):
    folder, out, _ = screened
    work = tmp_path / "out"
    shutil.copytree(out, work)
    stamps = {n: (work / n).stat().st_mtime_ns for n in OUTPUTS}
    again = run_screen(folder, work)
    assert "outputs up to date" in again.output and summary_counts(again.output)["processed"] == 0
    assert {n: (work / n).stat().st_mtime_ns for n in OUTPUTS} == stamps  # nothing rewritten
    blind = run_screen(folder, work, "--blind")  # another option → scored and written again
    assert "up to date" not in blind.output
    assert (work / "report.html").read_bytes() != (out / "report.html").read_bytes()
    assert "outputs up to date" in run_screen(folder, work, "--blind").output
    html = (work / "report.html").read_bytes()
    (work / "report.html").write_text("tampered", encoding="utf-8")  # a damaged output → rewritten
    repaired = run_screen(folder, work, "--blind")
    assert "up to date" not in repaired.output and (work / "report.html").read_bytes() == html
    (folder / "hostile" / "empty.txt").touch()  # same bytes, new mtime: re-hashed, still up to date
    assert "outputs up to date" in run_screen(folder, work, "--blind").output


def _batch_screen():
    import importlib

    return importlib.import_module("kamscreen.batch.screen")


def test_unchanged_files_are_not_hashed_again(tmp_path, monkeypatch):
    texts = sorted((FIXTURES / "cvs").glob("*.txt"))
    if len(texts) < 2:
        pytest.skip("no text fixtures")
    folder = tmp_path / "cvs"
    folder.mkdir()
    for path in texts:
        shutil.copy2(path, folder / path.name)
    module = _batch_screen()
    hashed = []
    real = module.sha256_file
    monkeypatch.setattr(module, "sha256_file", lambda p: hashed.append(Path(p).name) or real(p))
    first = module.screen(folder, tmp_path / "out", jobs=1, show_progress=False)
    assert sorted(hashed) == sorted(p.name for p in texts) and first.processed == len(texts)
    hashed.clear()
    again = module.screen(folder, tmp_path / "out", jobs=1, show_progress=False)
    assert hashed == [] and again.up_to_date and again.cached == len(texts)
    changed = folder / texts[0].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\nKey Account Manager 2015 — 2020\n", encoding="utf-8")
    third = module.screen(folder, tmp_path / "out", jobs=1, show_progress=False)
    assert hashed == [texts[0].name] and third.processed == 1 and not third.up_to_date


def test_a_run_with_retryable_failures_is_never_up_to_date(tmp_path):
    from kamscreen.batch.record import FileResult

    (tmp_path / "cvs").mkdir()
    (tmp_path / "cvs" / "a.txt").write_text("Key Account Manager\n", encoding="utf-8")

    def timing_out(task):
        return FileResult(task.file, task.sha256, "error", {"code": "timeout", "message": f"{task.file}: too slow"})

    module = _batch_screen()
    first = module.screen(tmp_path / "cvs", tmp_path / "out", jobs=1, show_progress=False, work=timing_out)
    assert first.failed == {"timeout": 1}
    again = module.screen(tmp_path / "cvs", tmp_path / "out", jobs=1, show_progress=False)
    assert not again.up_to_date and again.processed == 1 and again.failed == {}


def test_fit_model_over_small_batches_gives_the_same_outputs(screened, tmp_path, monkeypatch):
    folder, out, _ = screened
    from kamscreen.batch import scoring

    big, small = tmp_path / "big", tmp_path / "small"
    for work in (big, small):
        work.mkdir()
        shutil.copy2(out / "cache.sqlite", work / "cache.sqlite")
    first = run_screen(folder, big, "--model", "default")
    assert "ranked by model default, trained on" in first.output and "SYNTHETIC" in first.output
    monkeypatch.setattr(scoring, "BATCH", 3)
    run_screen(folder, small, "--model", "default")
    for name in ("ranking.csv", "candidates.jsonl", "report.html"):
        assert (small / name).read_bytes() == (big / name).read_bytes(), name


def test_the_checklist_ranks_by_default_and_every_output_says_so(screened):
    _, out, output = screened
    assert "ranked by checklist score" in output
    lines = [json.loads(line) for line in (out / "candidates.jsonl").read_text(encoding="utf-8").splitlines()]
    ranked = [rec for rec in lines if rec.get("rank")]
    assert ranked and all(rec["ranked_by"] == "checklist score" and rec["fit"]["probability"] is None for rec in ranked)
    assert {r["ranked_by"] for r in read_csv(out / "ranking.csv") if r["rank"]} == {"checklist score"}
    assert 'ranked by <strong class="ranked-by">checklist score</strong>' in (out / "report.html").read_text(
        encoding="utf-8"
    )
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["ranked_by"] == "checklist score"
