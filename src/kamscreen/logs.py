"""Logging: kamscreen's messages go through the standard :mod:`logging` module (logger ``kamscreen``).

The command line calls :func:`configure` once (``--verbose``, ``--log-file``): warnings of
kamscreen and Python's own warnings reach stderr as ``warning: ...``, each distinct message once
per run; other libraries' messages (pdfminer's, say) only with ``--verbose``; the log file gets
everything, with times and process ids. Worker processes print nothing themselves: they hand
their records to the process that started them (:func:`forward`, :func:`replay`), so a warning
met by every worker still reaches the user once.

>>> configure(verbose=False, log_file=Path("run.log"))       # doctest: +SKIP
>>> logging.getLogger("kamscreen.batch").warning("cache rebuilt")  # doctest: +SKIP
warning: cache rebuilt
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

LOGGER = "kamscreen"
LEVEL_ENV = "KAMSCREEN_LOG_LEVEL"  # the lowest level a worker process forwards (set by :func:`configure`)
_OURS = (LOGGER, "py.warnings")  # loggers shown on stderr without --verbose
_FILE_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


class _Stderr(logging.StreamHandler):
    """Writes to the current ``sys.stderr`` (a test runner may swap it), each distinct message
    once; without ``verbose`` only kamscreen's own records and Python warnings."""

    def __init__(self, verbose: bool) -> None:
        super().__init__()
        self.verbose = verbose
        self.seen: set[tuple[int, str, str]] = set()
        self.setFormatter(_Plain())

    @property
    def stream(self):  # the stream of the moment
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.verbose and not record.name.startswith(_OURS) and record.levelno < logging.ERROR:
            return False
        key = (record.levelno, record.name, record.getMessage())
        if key in self.seen:
            return False
        self.seen.add(key)
        return super().filter(record)


class _Plain(logging.Formatter):
    """``warning: message`` — no traceback (the log file keeps those)."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname.lower()}: {record.getMessage().rstrip()}"


def configure(verbose: bool = False, log_file: Path | None = None) -> None:
    """Set up logging for a command-line run (again: replaces the previous set-up)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_kamscreen", False)]:
        root.removeHandler(handler)
        handler.close()
    stderr = _Stderr(verbose)
    stderr.setLevel(logging.INFO if verbose else logging.WARNING)
    handlers: list[logging.Handler] = [stderr]
    if log_file is not None:
        to_file = logging.FileHandler(log_file, encoding="utf-8")
        to_file.setLevel(logging.DEBUG if verbose else logging.INFO)
        to_file.setFormatter(logging.Formatter(_FILE_FORMAT))
        handlers.append(to_file)
    for handler in handlers:
        handler._kamscreen = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    level = min(h.level for h in handlers)
    root.setLevel(level)
    os.environ[LEVEL_ENV] = str(level)  # worker processes started from now on forward from this level
    logging.captureWarnings(True)


class _Forward(logging.Handler):
    def __init__(self, send: Callable[[dict], None]) -> None:
        super().__init__()
        self.send = send

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):  # a parent gone away: nothing to tell
            self.send(_portable(record))


def forward(send: Callable[[dict], None]) -> None:
    """In a worker process: hand every record (from the level its parent set up, else warnings)
    to ``send`` as a plain dict, instead of printing it here."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(_Forward(send))
    root.setLevel(int(os.environ.get(LEVEL_ENV, logging.WARNING)))
    logging.captureWarnings(True)


def replay(record: dict) -> None:
    """In the parent: log a record a worker forwarded, as if it had happened here."""
    logging.getLogger(record["name"]).handle(logging.makeLogRecord(record))


def _portable(record: logging.LogRecord) -> dict:
    """A record as a dict that pickles: the message formatted, a traceback as text."""
    trace = logging.Formatter().formatException(record.exc_info) if record.exc_info else record.exc_text
    return {
        "name": record.name,
        "levelno": record.levelno,
        "levelname": record.levelname,
        "msg": record.getMessage(),
        "args": None,
        "exc_text": trace,
        "created": record.created,
        "process": record.process,
        "pathname": record.pathname,
        "lineno": record.lineno,
    }
