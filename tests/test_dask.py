"""``--scheduler``: the same per-file work on a Dask cluster gives the same outputs as a local run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kamscreen.batch import screen

distributed = pytest.importorskip("distributed")
FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"


def test_dask_cluster_run_equals_local_run(tmp_path):
    cvs = sorted((FIXTURES / "cvs").glob("*.*")) if (FIXTURES / "cvs").is_dir() else []
    if not cvs:
        pytest.skip("data/fixtures/cvs is not generated yet")
    families = {}
    for path in cvs:
        families.setdefault(re.sub(r"_\d+$", "", path.stem), path)
    folder = tmp_path / "cvs"
    folder.mkdir()
    for path in list(families.values())[:6]:
        shutil.copy2(path, folder / path.name)
    (folder / "empty.txt").write_bytes(b"")
    import datetime as dt

    as_of = dt.date(2025, 9, 1)
    local = screen(folder, tmp_path / "local", as_of=as_of, jobs=1, show_progress=False)
    with distributed.LocalCluster(
        n_workers=1, processes=False, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        remote = screen(
            folder, tmp_path / "dask", as_of=as_of, scheduler=cluster.scheduler_address, show_progress=False
        )
    assert remote.processed == local.processed == len(list(folder.iterdir()))
    assert remote.failed == local.failed
    for name in ("ranking.csv", "candidates.jsonl", "report.html"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
