"""Run the per-file work in this process (``jobs=1``) or in worker processes with a per-file timeout.

A worker that runs past the timeout (or dies) is killed and replaced; its file gets a ``timeout``
(or ``internal_error``) result and the batch goes on. Workers are spawned, warm up the pipeline
once, then take one file at a time.
"""
from __future__ import annotations

import multiprocessing
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from kamscreen.batch.record import FileResult, Task
from kamscreen.batch.work import extract_file, warm_up

Work = Callable[[Task], FileResult]
OnResult = Callable[[FileResult], None]


def run_tasks(tasks: Iterable[Task], on_result: OnResult, *, jobs: int = 1, timeout: float | None = 60.0,
              work: Work = extract_file) -> None:
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
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _expire(signum, frame):  # noqa: ARG001
        raise _Expired

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _timeout_result(task: Task, timeout: float | None) -> FileResult:
    return FileResult.failure(task, "timeout", f"{task.file}: processing took longer than {timeout:g} s")


def _run_inline(tasks: list[Task], on_result: OnResult, timeout: float | None, work: Work) -> None:
    if work is extract_file:
        warm_up()
    for task in tasks:
        try:
            with _alarm(timeout):
                result = work(task)
        except _Expired:
            result = _timeout_result(task, timeout)
        on_result(result)


def _worker_main(conn: Connection, work: Work) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    if work is extract_file:
        warm_up()
    conn.send(("ready", None))
    while (task := conn.recv()) is not None:
        try:
            result = work(task)
        except Exception as exc:  # noqa: BLE001 - keep the worker alive for the next file
            result = FileResult.failure(task, "internal_error", f"{task.file}: {type(exc).__name__}: {exc}")
        conn.send(("done", result))


@dataclass
class _Worker:
    process: multiprocessing.Process
    conn: Connection
    ready: bool = False
    task: Task | None = None
    started: float = field(default=0.0)


class _Pool:
    def __init__(self, size: int, timeout: float | None, work: Work) -> None:
        self.size, self.timeout, self.work = size, timeout, work
        self.ctx = multiprocessing.get_context("spawn")
        self.workers: list[_Worker] = []
        self.deaths = 0  # workers lost while idle (a broken warm-up must not respawn forever)

    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(target=_worker_main, args=(child, self.work), daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        self.workers.remove(worker)
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()

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
                try:
                    worker.conn.send(None)
                except OSError:
                    pass
            for worker in list(self.workers):
                worker.process.join(2)
                self._retire(worker)

    def _feed(self, pending: deque) -> None:
        for worker in self.workers:
            if worker.ready and worker.task is None and pending:
                worker.task = pending.popleft()
                worker.started = time.monotonic()
                worker.conn.send(worker.task)

    def _receive(self, worker: _Worker, pending: deque, on_result: OnResult) -> None:
        try:
            kind, result = worker.conn.recv()
        except (EOFError, OSError):  # the worker died (segfault, out of memory)
            task = worker.task
            code = worker.process.exitcode
            self._retire(worker)
            if task is not None:
                on_result(FileResult.failure(task, "internal_error", f"{task.file}: worker process died (exit code {code})"))
            if task is None:
                self.deaths += 1
                if self.deaths > 3 * self.size:
                    raise RuntimeError(f"worker processes keep dying before any work (exit code {code})")
            if pending or any(w.task for w in self.workers) or task is not None:
                self._spawn()
            return
        if kind == "ready":
            worker.ready = True
        else:
            worker.task = None
            on_result(result)

    def _expire(self, pending: deque, on_result: OnResult) -> None:
        if not self.timeout:
            return
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.task is not None and now - worker.started > self.timeout:
                task = worker.task
                self._retire(worker)
                on_result(_timeout_result(task, self.timeout))
                if pending:
                    self._spawn()
