"""The same per-file work on a Dask distributed cluster (``--scheduler tcp://HOST:PORT``).

Workers must see the input files at the same paths (a shared filesystem). Results come back to
this process, which writes them to the same cache, so outputs equal a local run's. The per-file
timeout is not enforced on the cluster (Dask cannot kill one task); a worker's own limits apply.
"""
from __future__ import annotations

from collections.abc import Iterable

from kamscreen.batch.pool import OnResult, Work
from kamscreen.batch.record import FileResult, Task
from kamscreen.batch.work import extract_file


def run_on_cluster(tasks: Iterable[Task], on_result: OnResult, *, scheduler: str,
                   work: Work = extract_file) -> None:
    """Map ``work`` over ``tasks`` on the cluster at ``scheduler`` and hand each result to ``on_result``."""
    try:
        from dask.distributed import Client, as_completed
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("--scheduler needs dask[distributed]: pip install 'kamscreen[dask]'") from exc
    tasks = list(tasks)
    if not tasks:
        return
    with Client(scheduler) as client:
        futures = client.map(work, tasks, pure=False)
        by_key = {future.key: task for future, task in zip(futures, tasks)}
        for future in as_completed(futures):
            task = by_key[future.key]
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker or a failed task is one file's error
                result = FileResult.failure(task, "internal_error", f"{task.file}: {type(exc).__name__}: {exc}")
            on_result(result)
