"""The per-file work: parse → extract one file into a FileResult. Runs in any process or Dask worker."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import os
from pathlib import Path

from kamscreen.batch.child import crashed
from kamscreen.batch.record import FileResult, Task

_VERSIONED = ("parse", "nlp", "extract")  # code whose change invalidates cached extractions
_VERSIONED_FILES = ("batch/matchkeys.py", "report/redact.py")  # the match keys (and the contact patterns they use)


@functools.lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Package version plus a hash of the parse/nlp/extract sources, the match keys' code and the lexicons.

    Part of the cache key: editing a grammar or a lexicon makes the next run re-extract. The
    environment variable ``KAMSCREEN_PIPELINE_VERSION`` overrides it (to keep a cache on purpose).
    """
    if os.environ.get("KAMSCREEN_PIPELINE_VERSION"):
        return os.environ["KAMSCREEN_PIPELINE_VERSION"]
    import kamscreen
    from kamscreen.resources import data_dir

    package = Path(kamscreen.__file__).resolve().parent
    digest = hashlib.sha256(kamscreen.__version__.encode())
    files = [p for name in _VERSIONED for p in (package / name).rglob("*.py")]
    files += [package / name for name in _VERSIONED_FILES]
    lexicons = data_dir("lexicons")
    if lexicons.is_dir():
        files += [p for p in lexicons.rglob("*") if p.is_file()]
    for path in sorted(files):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{kamscreen.__version__}+{digest.hexdigest()[:12]}"


def warm_up() -> None:
    """Load the parsers, spaCy pipelines and pymorphy3 dictionaries once per process."""
    try:
        import kamscreen.extract
        import kamscreen.parse  # noqa: F401
        from kamscreen.nlp import make_doc

        make_doc("Менеджер по работе с ключевыми клиентами", "ru")
        make_doc("Key Account Manager", "en")
    except Exception:  # noqa: BLE001 - a broken stage shows up as per-file errors, not here
        pass


def extract_file(task: Task) -> FileResult:
    """Parse and extract one file and compute its match keys; any failure becomes a FileResult with an
    error code, never an exception."""
    logged = _Logged()
    kamscreen_log = logging.getLogger("kamscreen")
    kamscreen_log.addHandler(logged)
    try:
        from kamscreen.batch.matchkeys import match_keys
        from kamscreen.extract import extract
        from kamscreen.parse import parse

        as_of = dt.date.fromisoformat(task.as_of) if task.as_of else None
        parsed = parse(task.path, as_of=as_of, allow_large=task.allow_large, ocr=task.ocr)
        facts = extract(parsed, as_of=as_of)
        keys = match_keys(parsed, task.salt)
    except Exception as exc:  # noqa: BLE001 - errors are values at the file boundary
        return crashed(task, exc)
    finally:
        kamscreen_log.removeHandler(logged)
    error = parsed.error.to_dict() if parsed.error else None
    if error:  # name the file as reports show it (relative, printable), not as the parser saw it
        error["message"] = _renamed(error["message"], task)
        if error["code"] == "internal_error" and logged.texts:
            error["traceback"] = "\n".join(logged.texts)
    parsed_dict = parsed.to_dict()
    parsed_dict["file"] = task.file
    parsed_dict["error"] = error
    facts_dict = facts.to_dict()
    facts_dict["file"] = task.file
    facts_dict["sha256"] = task.sha256
    facts_dict["error"] = error
    return FileResult(
        file=task.file,
        sha256=task.sha256,
        status=parsed.status,
        error=error,
        parsed=parsed_dict,
        facts=facts_dict,
        keys=keys.to_dict(),
    )


class _Logged(logging.Handler):
    """Collects the errors (with tracebacks) the pipeline logs while one file is read."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(self.format(record))


def _renamed(message: str, task: Task) -> str:
    """A parser message (``<file name>: reason``) naming the file by its report name."""
    for name in (task.path, Path(task.path).name):
        if message.startswith(f"{name}:"):
            return task.file + message[len(name) :]
    return message.replace(task.path, task.file)
