"""One warm worker process that runs the per-file work, one task at a time, and can be killed on a timeout.

The local pool (``pool.py``) keeps several; a Dask worker keeps one per thread (``run_in_child``),
which is how the per-file timeout holds on a cluster too: Dask cannot stop a running task, but the
task can stop its child. Children are plain subprocesses (``python -c ...child.main``) talking
over two pipes, so they also start inside daemonic processes such as Dask's workers. A
child exits when its parent goes away (end of input, or a watchdog noticing the new parent).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
import traceback
from multiprocessing.connection import Connection

from kamscreen import logs
from kamscreen.batch.record import FileResult, Task

START_SECONDS = 600.0  # a hang guard for the warm-up (spaCy, pymorphy3), not a timing expectation


class Child:
    """A worker process for ``work``; ``conn`` yields ``("ready", None)`` once, then ``("done", FileResult)``
    per task, and ``("log", record)`` for what the worker logs (:func:`receive` replays those)."""

    def __init__(self, work) -> None:
        down_r, down_w = os.pipe()
        up_r, up_w = os.pipe()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        self.process = subprocess.Popen(
            [sys.executable, "-c", f"from kamscreen.batch.child import main; main({down_r}, {up_w})"],
            pass_fds=(down_r, up_w),
            stdin=subprocess.DEVNULL,
            env=env,
        )
        os.close(down_r)
        os.close(up_w)
        self._down = Connection(down_w, readable=False)
        self.conn = Connection(up_r, writable=False)
        self.work = work
        self.ready = False
        self.task: Task | None = None
        self.started = 0.0
        self._down.send(work)

    def send(self, task: Task) -> None:
        self.task, self.started = task, time.monotonic()
        self._down.send(task)

    def stop(self) -> None:
        """Ask the child to finish (it exits after its current task); ``kill`` ends it now."""
        with contextlib.suppress(OSError):
            self._down.send(None)

    def kill(self, wait: float = 5.0) -> None:
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):  # a process that ignores SIGKILL
            self.process.wait(wait)
        for conn in (self._down, self.conn):
            conn.close()

    def elapsed(self) -> float:
        """Seconds since the current task was sent."""
        return time.monotonic() - self.started

    @property
    def exitcode(self) -> int | None:
        return self.process.poll()


def receive(conn: Connection, timeout: float | None) -> tuple[str, object] | None:
    """The next ``("ready", None)`` or ``("done", FileResult)`` from a child within ``timeout``
    seconds (None: no limit), its log records replayed here on the way; None when time ran out
    (``EOFError`` / ``OSError`` when the child is gone)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while conn.poll(None if deadline is None else max(0.0, deadline - time.monotonic())):
        kind, value = conn.recv()
        if kind != "log":
            return kind, value
        logs.replay(value)
    return None


def died(task: Task, code: int | None) -> FileResult:
    return FileResult.failure(task, "internal_error", f"{task.file}: worker process died (exit code {code})")


def timed_out(task: Task, timeout: float | None) -> FileResult:
    return FileResult.failure(task, "timeout", f"{task.file}: processing took longer than {timeout:g} s")


def crashed(task: Task, exc: BaseException) -> FileResult:
    """A kamscreen bug while working on ``task``: ``internal_error`` with the traceback for the log."""
    result = FileResult.failure(task, "internal_error", f"{task.file}: {type(exc).__name__}: {str(exc)[:200]}")
    assert result.error is not None  # a failure carries its error
    result.error["traceback"] = "".join(traceback.format_exception(exc))
    return result


_local = threading.local()


def run_in_child(task: Task, timeout: float | None, work) -> FileResult:
    """Run ``work(task)`` in this thread's warm child, killing it after ``timeout`` seconds.

    For Dask workers: the child (and its warm pipeline) is reused by the next task of the thread.
    """
    child: Child | None = getattr(_local, "child", None)
    if child is None or child.work is not work or child.exitcode is not None:
        if child is not None:
            child.kill()
        child = _local.child = Child(work)
        try:
            ready = receive(child.conn, START_SECONDS)
        except (EOFError, OSError):
            _local.child = None
            code = child.exitcode
            child.kill()
            return died(task, code)
        if ready is None:
            _local.child = None
            child.kill()
            return FileResult.failure(task, "internal_error", f"{task.file}: the worker process did not start")
    child.send(task)
    try:
        done = receive(child.conn, timeout)
    except (EOFError, OSError):
        _local.child = None
        code = child.exitcode
        child.kill()
        return died(task, code)
    if done is None:
        _local.child = None
        child.kill()
        return timed_out(task, timeout)
    _, result = done
    assert isinstance(result, FileResult)  # after a task, a child answers with its result
    return result


def _watch_parent(parent: int) -> None:
    """Exit when the parent is gone (a killed Dask worker must not leave a hung child behind)."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def main(down: int, up: int) -> None:
    from kamscreen.batch.work import extract_file, warm_up

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    receive, send = Connection(down, writable=False), Connection(up, readable=False)
    logs.forward(lambda record: send.send(("log", record)))
    try:
        work = receive.recv()
    except EOFError:
        return
    if work is extract_file:
        warm_up()
    send.send(("ready", None))
    while True:
        try:
            task = receive.recv()
        except EOFError:
            return
        if task is None:
            return
        try:
            result = work(task)
        except Exception as exc:  # noqa: BLE001 - keep the worker alive for the next file
            result = crashed(task, exc)
        send.send(("done", result))
