"""The same per-file work on a Dask distributed cluster (``--scheduler tcp://HOST:PORT``).

Workers must see the input files at the same paths (a shared filesystem). Each task runs the work
in a warm child process of its Dask worker (``child.run_in_child``) and kills it past the per-file
timeout, so the timeout holds on the cluster as it does locally. Results come back to this
process, which writes them to the same cache, so outputs equal a local run's. A worker lost
mid-run has its tasks rerun by Dask on the others.
"""

from __future__ import annotations

from collections.abc import Iterable

from kamscreen.batch.child import run_in_child
from kamscreen.batch.pool import OnResult, Work
from kamscreen.batch.record import FileResult, Task
from kamscreen.batch.work import extract_file

CONNECT_SECONDS = 30


class SchedulerError(Exception):
    """The scheduler cannot be reached or the address is malformed; one line naming the address."""


def run_on_cluster(
    tasks: Iterable[Task],
    on_result: OnResult,
    *,
    scheduler: str,
    timeout: float | None = 60.0,
    work: Work = extract_file,
) -> None:
    """Map ``work`` over ``tasks`` on the cluster at ``scheduler`` and hand each result to ``on_result``."""
    try:
        from dask.distributed import Client, as_completed
    except ImportError:  # pragma: no cover - depends on the install
        raise SchedulerError("--scheduler needs dask[distributed]: pip install 'kamscreen[dask]'") from None
    tasks = list(tasks)
    if not tasks:
        return
    try:
        client = Client(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, ValueError, TypeError) as exc:
        raise SchedulerError(f"{scheduler}: cannot reach the Dask scheduler ({exc})") from None
    with client:
        futures = client.map(run_in_child, tasks, timeout=timeout, work=work, pure=False)
        by_key = {future.key: task for future, task in zip(futures, tasks, strict=True)}
        for future in as_completed(futures):
            task = by_key[future.key]
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - a task lost with its workers is one file's error
                result = FileResult.failure(task, "internal_error", f"{task.file}: {type(exc).__name__}: {exc}")
            on_result(result)
