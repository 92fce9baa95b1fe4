"""A screen killed with SIGKILL mid-way resumes from the cache and ends with the same outputs."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"
AS_OF = "2025-09-01"
CLI = [sys.executable, "-c", "from kamscreen.cli import main; main()"]


def replicated_pdfs(dest: Path, count: int) -> Path:
    """``count`` distinct PDFs: fixture PDFs with a comment appended after %%EOF (still valid, new hash)."""
    pdfs = sorted((FIXTURES / "cvs").glob("*.pdf")) if (FIXTURES / "cvs").is_dir() else []
    pdfs = [p for p in pdfs if p.stat().st_size > 0]
    if len(pdfs) < 3:
        pytest.skip("data/fixtures/cvs has no PDFs yet")
    dest.mkdir(parents=True)
    for i in range(count):
        source = pdfs[i % len(pdfs)]
        (dest / f"cv_{i:03d}.pdf").write_bytes(source.read_bytes() + f"\n% copy {i}\n".encode())
    return dest


# One pipeline version for all runs of the test, even if the source tree changes meanwhile.
ENV = {**os.environ, "KAMSCREEN_PIPELINE_VERSION": "test-resume"}


def screen(folder: Path, out: Path) -> subprocess.CompletedProcess:
    args = [*CLI, "screen", str(folder), "--out", str(out), "--as-of", AS_OF, "--jobs", "1"]
    return subprocess.run(args, capture_output=True, text=True, timeout=300, check=True, env=ENV)


def cached_rows(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as con:
            return con.execute("SELECT count(*) FROM extractions").fetchone()[0]
    except sqlite3.Error:  # the table is being created
        return 0


def test_kill_9_then_rerun_equals_an_uninterrupted_run(tmp_path):
    total = 16
    folder = replicated_pdfs(tmp_path / "cvs", total)
    killed_out = tmp_path / "killed"
    proc = subprocess.Popen(
        [*CLI, "screen", str(folder), "--out", str(killed_out), "--as-of", AS_OF, "--jobs", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
    )
    deadline = time.monotonic() + 120
    try:
        while cached_rows(killed_out / "cache.sqlite") < 3:
            assert proc.poll() is None, "the run finished before it could be interrupted"
            assert time.monotonic() < deadline, "no file was cached in time"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(30)
    done = cached_rows(killed_out / "cache.sqlite")
    assert 3 <= done < total
    assert not (killed_out / "ranking.csv").exists()

    resumed = screen(folder, killed_out).stdout
    assert f"processed {total - done}" in resumed and f"cached {done}" in resumed
    clean_out = tmp_path / "clean"
    screen(folder, clean_out)
    for name in ("ranking.csv", "candidates.jsonl", "report.html"):
        assert (killed_out / name).read_bytes() == (clean_out / name).read_bytes(), name
    sheets = [load_workbook(out / "ranking.xlsx").active for out in (killed_out, clean_out)]
    assert [[c.value for c in row] for row in sheets[0].iter_rows()] == [
        [c.value for c in row] for row in sheets[1].iter_rows()
    ]
    assert sheets[0].max_row == total + 1
    assert not list(killed_out.glob(".*.tmp"))
