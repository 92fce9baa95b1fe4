"""The incremental cache: ``OUT/cache.sqlite`` keyed by (content sha256, pipeline version, as_of).

Every finished file is committed at once (WAL journal), so a run killed mid-way loses nothing it
had finished; the next run reads those results back instead of parsing again.

``file_hashes`` memoizes content hashes: (absolute path, size, mtime_ns) → sha256. A file whose
size or modification time (nanoseconds) changed is hashed again; an unchanged one is not read.
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
);
CREATE TABLE IF NOT EXISTS file_hashes (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL
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
        self._db.executescript(_SCHEMA)
        self._db.commit()

    def has(self, sha256: str) -> bool:
        """Whether a reusable (not retryable) result for that content is stored; reads no JSON."""
        row = self._db.execute(
            "SELECT error_code FROM extractions WHERE sha256=? AND pipeline=? AND as_of=? AND allow_large=?",
            (sha256, *self._key),
        ).fetchone()
        return row is not None and row[0] not in RETRY_CODES

    def load(self, sha256: str, file: str) -> FileResult | None:
        """The stored result for that content (retryable ones too), shown under the name ``file``."""
        row = self._db.execute(
            "SELECT result FROM extractions WHERE sha256=? AND pipeline=? AND as_of=? AND allow_large=?",
            (sha256, *self._key),
        ).fetchone()
        return renamed(FileResult.from_dict(json.loads(row[0])), file) if row is not None else None

    def file_sha256(self, path: Path, hasher) -> str:
        """``hasher(path)`` unless the memo holds this path at the same size and mtime_ns (call ``commit``)."""
        stat = Path(path).stat()
        key = str(Path(path).resolve())
        row = self._db.execute("SELECT size, mtime_ns, sha256 FROM file_hashes WHERE path=?", (key,)).fetchone()
        if row is not None and row[0] == stat.st_size and row[1] == stat.st_mtime_ns:
            return row[2]
        digest = hasher(path)
        self._db.execute("INSERT OR REPLACE INTO file_hashes VALUES (?, ?, ?, ?)",
                         (key, stat.st_size, stat.st_mtime_ns, digest))
        return digest

    def commit(self) -> None:
        self._db.commit()

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
