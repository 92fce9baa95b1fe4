"""``--scheduler`` on a real Dask cluster: a ``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1.

A worker killed mid-run loses no row, the per-file timeout holds on the cluster, and the outputs
equal a local run's. Timeouts below are hang guards only; nothing asserts how fast anything is.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from kamscreen.batch import screen

DASK = Path(sys.executable).with_name("dask")
pytestmark = pytest.mark.skipif(not DASK.is_file(), reason=f"no dask command beside {sys.executable}")
AS_OF = "2025-09-01"
GUARD = 300.0  # seconds: only to end a hung test
CV = "Key Account Manager\nООО «Вектор», 2016 — 2024\nКлючевые клиенты, рост выручки на {n} %. Команда из 6 человек.\n"
WORK = '''
import os, time
from pathlib import Path
from kamscreen.batch.record import FileResult
from kamscreen.batch.work import extract_file

MARKS = Path(os.environ["KAMSCREEN_TEST_MARKS"])


def slow(task):
    """extract_file, after leaving a mark naming the worker and a short pause (so a kill lands mid-run)."""
    (MARKS / f"{os.environ.get('KAMSCREEN_TEST_WORKER', 'local')}-{task.file}").touch()
    time.sleep(0.3)
    return extract_file(task)


def hang(task):
    if task.file.startswith("hang"):
        time.sleep(3600)
    return FileResult(task.file, task.sha256, "error", {"code": "empty", "message": f"{task.file}: test"})
'''


def _guarded(what: str, condition, seconds: float = GUARD) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"hang guard: {what}"
        time.sleep(0.1)


class Cluster:
    """A scheduler and named workers, each in its own process group (so a kill takes its children)."""

    def __init__(self, base: Path, env: dict) -> None:
        self.base, self.env = base, env
        self.file = base / "scheduler.json"
        self.procs: dict[str, subprocess.Popen] = {}
        self._start(
            "scheduler",
            [
                str(DASK),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(self.file),
            ],
        )
        _guarded("scheduler start", lambda: self.file.is_file() and self.file.stat().st_size > 0)
        self.address = json.loads(self.file.read_text())["address"]

    def _start(self, name: str, cmd: list[str], **env) -> None:
        with open(self.base / f"{name}.log", "wb") as log:
            self.procs[name] = subprocess.Popen(
                cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env={**self.env, **env}
            )

    def worker(self, name: str) -> None:
        self._start(
            name,
            [
                str(DASK),
                "worker",
                self.address,
                "--nthreads",
                "1",
                "--nworkers",
                "1",
                "--no-dashboard",
                "--host",
                "127.0.0.1",
                "--name",
                name,
            ],
            KAMSCREEN_TEST_WORKER=name,
        )

    def wait_for_workers(self, count: int) -> None:
        from distributed import Client

        with Client(self.address, timeout=60) as client:
            client.wait_for_workers(count, timeout=GUARD)

    def kill(self, name: str) -> None:
        os.killpg(self.procs[name].pid, signal.SIGKILL)
        self.procs[name].wait(60)

    def close(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(30)


@pytest.fixture
def cluster(tmp_path, monkeypatch):
    (tmp_path / "clusterwork.py").write_text(textwrap.dedent(WORK), encoding="utf-8")
    marks = tmp_path / "marks"
    marks.mkdir()
    monkeypatch.setenv("KAMSCREEN_TEST_MARKS", str(marks))
    monkeypatch.syspath_prepend(str(tmp_path))
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
        "KAMSCREEN_PIPELINE_VERSION": "dask-test",
    }
    monkeypatch.setenv("KAMSCREEN_PIPELINE_VERSION", "dask-test")
    running = Cluster(tmp_path, env)
    try:
        for name in ("w1", "w2"):
            running.worker(name)
        running.wait_for_workers(2)
        yield running, marks
    finally:
        running.close()
        sys.modules.pop("clusterwork", None)


def _in_thread(**kwargs):
    box: dict = {}

    def target():
        try:
            box["summary"] = screen(**kwargs)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread, box


def test_a_worker_killed_mid_run_loses_no_row_and_outputs_equal_a_local_run(cluster, tmp_path):
    import clusterwork

    running, marks = cluster
    folder = tmp_path / "cvs"
    folder.mkdir()
    count = 16
    for i in range(count):
        (folder / f"cv{i:02d}.txt").write_text(CV.format(n=10 + i), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    thread, box = _in_thread(
        root=folder,
        out=tmp_path / "dask",
        as_of=__import__("datetime").date(2025, 9, 1),
        scheduler=running.address,
        work=clusterwork.slow,
        show_progress=False,
        timeout=GUARD,
    )
    _guarded(
        "both workers busy",
        lambda: (
            any(m.name.startswith("w1-") for m in marks.iterdir())
            and any(m.name.startswith("w2-") for m in marks.iterdir())
        ),
    )
    running.kill("w1")
    thread.join(GUARD)
    assert not thread.is_alive(), "hang guard: the cluster run did not finish"
    assert "error" not in box, repr(box.get("error"))
    summary = box["summary"]
    assert summary.total == count + 1 and summary.failed == {"empty": 1}, summary
    local = screen(
        folder,
        tmp_path / "local",
        as_of=__import__("datetime").date(2025, 9, 1),
        jobs=1,
        work=clusterwork.slow,
        show_progress=False,
    )
    assert local.total == summary.total
    for name in ("ranking.csv", "candidates.jsonl", "report.html"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name


def test_the_per_file_timeout_holds_on_the_cluster(cluster, tmp_path):
    import clusterwork

    running, _ = cluster
    folder = tmp_path / "cvs"
    folder.mkdir()
    for name in ("a.txt", "hang.txt", "b.txt", "c.txt"):
        (folder / name).write_text(CV.format(n=1) + name, encoding="utf-8")
    thread, box = _in_thread(
        root=folder,
        out=tmp_path / "out",
        scheduler=running.address,
        work=clusterwork.hang,
        timeout=10.0,
        show_progress=False,
    )
    thread.join(GUARD)
    assert not thread.is_alive(), "hang guard: the per-file timeout did not stop the hanging file"
    assert "error" not in box, repr(box.get("error"))
    rows = {
        json.loads(line)["file"]: json.loads(line)
        for line in (tmp_path / "out" / "candidates.jsonl").read_text(encoding="utf-8").splitlines()
    }
    assert rows["hang.txt"]["error"]["code"] == "timeout"
    assert all(rows[n]["error"]["code"] == "empty" for n in ("a.txt", "b.txt", "c.txt"))
