"""A wall-clock limit on parsing one file.

In the main thread of a process the limit is enforced with ``SIGALRM`` (``signal.setitimer``), which
interrupts pure-Python loops and most C calls between bytecodes. Elsewhere (a worker thread, or a
platform without ``SIGALRM``) this is a no-op: the batch runner enforces its own per-file timeout by
running files in worker processes. Sub-processes (``libreoffice``) get their own ``timeout=``.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from kamscreen.parse.errors import ParseFailure


@contextmanager
def time_limit(seconds: float | None, what: str) -> Iterator[None]:
    """Raise ``ParseFailure("timeout", ...)`` if the block runs longer than ``seconds``."""
    if not (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    ):
        yield
        return

    def _expired(signum, frame):  # a signal handler's signature
        raise ParseFailure("timeout", f"{what}: reading took longer than {seconds:g} s; the file may be malformed")

    previous = signal.signal(signal.SIGALRM, _expired)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if old_delay:  # an outer timer was running: give it back what is left, roughly
            signal.setitimer(signal.ITIMER_REAL, old_delay, old_interval)
