"""The incremental cache: ``OUT/cache.sqlite`` keyed by (content sha256, pipeline version, as_of).

Every finished file is committed at once (WAL journal), so a run killed mid-way loses nothing it
had finished; the next run reads those results back instead of parsing again.
"""
from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

from kamscreen.batch.record import RETRY_CODES, FileResult

_SCHEMA = """
CREATE TABLE IF NOT EXISTS extractions (
    sha256 TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    as_of TEXT NOT NULL,
    allow_large INTEGER NOT NULL,
    status TEXT NOT NULL,
    error_code TEXT,
    result TEXT NOT NULL,
    PRIMARY KEY (sha256, pipeline, as_of, allow_large)
)
"""


class Cache:
    """Parse + extract results by content; ``get``/``put`` one file at a time."""

    def __init__(self, path: Path, pipeline: str, as_of: str | None, allow_large: bool) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._key = (pipeline, as_of or "auto", int(allow_large))
        self._db = sqlite3.connect(self.path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)
        self._db.commit()

    def get(self, sha256: str, file: str) -> FileResult | None:
        """The cached result for that content, shown under the name ``file``; None if absent or retryable."""
        row = self._db.execute(
            "SELECT result, error_code FROM extractions WHERE sha256=? AND pipeline=? AND as_of=? AND allow_large=?",
            (sha256, *self._key),
        ).fetchone()
        if row is None or row[1] in RETRY_CODES:
            return None
        return renamed(FileResult.from_dict(json.loads(row[0])), file)

    def put(self, result: FileResult) -> None:
        """Store one result and commit, so it survives a crash of this process."""
        self._db.execute(
            "INSERT OR REPLACE INTO extractions VALUES (?, ?, ?, ?, ?, ?, ?)",
            (result.sha256, *self._key, result.status, result.error_code,
             json.dumps(result.to_dict(), ensure_ascii=False)),
        )
        self._db.commit()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Cache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def renamed(result: FileResult, file: str) -> FileResult:
    """The same result for a file of equal content at another path."""
    if result.file == file:
        return result
    old = result.file

    def _named(data: dict | None) -> dict | None:
        return {**data, "file": file} if data is not None else None

    error = result.error
    if error and isinstance(error.get("message"), str):
        error = {**error, "message": error["message"].replace(old, file)}
    return dataclasses.replace(result, file=file, error=error, parsed=_named(result.parsed), facts=_named(result.facts))
