"""Run the per-file work in this process (``jobs=1``) or in worker processes with a per-file timeout.

A worker that runs past the timeout (or dies) is killed and replaced; its file gets a ``timeout``
(or ``internal_error``) result and the batch goes on. Workers (``child.Child``) warm up the
pipeline once, then take one file at a time.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from multiprocessing.connection import wait

from kamscreen import logs
from kamscreen.batch.child import Child, crashed, died, timed_out
from kamscreen.batch.record import FileResult, Task
from kamscreen.batch.work import extract_file, warm_up

Work = Callable[[Task], FileResult]
OnResult = Callable[[FileResult], None]


def run_tasks(
    tasks: Iterable[Task],
    on_result: OnResult,
    *,
    jobs: int = 1,
    timeout: float | None = 60.0,
    work: Work = extract_file,
) -> None:
    """Call ``work`` on every task and ``on_result`` (in this process) with each result as it finishes.

    ``work`` must be importable by name (a module-level function) when ``jobs > 1``.
    """
    tasks = list(tasks)
    if not tasks:
        return
    if jobs <= 1:
        _run_inline(tasks, on_result, timeout, work)
    else:
        _Pool(min(jobs, len(tasks)), timeout, work).run(tasks, on_result)


class _Expired(BaseException):
    """Raised by the alarm; a BaseException so the work's own ``except Exception`` cannot swallow it."""


@contextmanager
def _alarm(seconds: float | None):
    if not (seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()):
        yield
        return

    def _expire(signum, frame):  # a signal handler's signature
        raise _Expired

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _run_inline(tasks: list[Task], on_result: OnResult, timeout: float | None, work: Work) -> None:
    if work is extract_file:
        warm_up()
    for task in tasks:
        try:
            with _alarm(timeout):
                result = work(task)
        except _Expired:
            result = timed_out(task, timeout)
        except Exception as exc:  # noqa: BLE001 - a bug in the work is that file's error row
            result = crashed(task, exc)
        on_result(result)


class _Pool:
    def __init__(self, size: int, timeout: float | None, work: Work) -> None:
        self.size, self.timeout, self.work = size, timeout, work
        self.workers: list[Child] = []
        self.deaths = 0  # workers lost while idle (a broken warm-up must not respawn forever)

    def _spawn(self) -> Child:
        worker = Child(self.work)
        self.workers.append(worker)
        return worker

    def _retire(self, worker: Child) -> None:
        self.workers.remove(worker)
        worker.kill()

    def run(self, tasks: list[Task], on_result: OnResult) -> None:
        pending = deque(tasks)
        try:
            for _ in range(self.size):
                self._spawn()
            while pending or any(w.task for w in self.workers):
                self._feed(pending)
                for conn in wait([w.conn for w in self.workers], timeout=0.2):
                    self._receive(next(w for w in self.workers if w.conn is conn), pending, on_result)
                self._expire(pending, on_result)
        finally:
            for worker in list(self.workers):
                worker.stop()
            for worker in list(self.workers):
                with contextlib.suppress(Exception):  # killed just below
                    worker.process.wait(2)
                self._retire(worker)

    def _feed(self, pending: deque) -> None:
        for worker in self.workers:
            if worker.ready and worker.task is None and pending:
                worker.send(pending.popleft())

    def _receive(self, worker: Child, pending: deque, on_result: OnResult) -> None:
        try:
            kind, result = worker.conn.recv()
        except (EOFError, OSError):  # the worker died (segfault, out of memory)
            task = worker.task
            code = worker.exitcode
            self._retire(worker)
            if task is not None:
                on_result(died(task, code))
            if task is None:
                self.deaths += 1
                if self.deaths > 3 * self.size:
                    raise RuntimeError(f"worker processes keep dying before any work (exit code {code})") from None
            if pending or any(w.task for w in self.workers) or task is not None:
                self._spawn()
            return
        if kind == "log":  # what the worker logged: shown here, once (kamscreen.logs)
            logs.replay(result)
        elif kind == "ready":
            worker.ready = True
        else:
            worker.task = None
            on_result(result)

    def _expire(self, pending: deque, on_result: OnResult) -> None:
        if not self.timeout:
            return
        for worker in list(self.workers):
            if worker.task is not None and worker.elapsed() > self.timeout:
                task = worker.task
                self._retire(worker)
                on_result(timed_out(task, self.timeout))
                if pending:
                    self._spawn()
