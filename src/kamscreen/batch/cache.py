"""The incremental cache: ``OUT/cache.sqlite`` keyed by (content sha256, pipeline version, as_of).

Every finished file is committed at once (WAL journal), so a run killed mid-way loses nothing it
had finished; the next run reads those results back instead of parsing again.

``file_hashes`` memoizes content hashes: (absolute path, size, mtime_ns) → sha256. A file whose
size or modification time (nanoseconds) changed is hashed again; an unchanged one is not read.
``meta`` holds the cache's random ``salt`` for the contacts' hashes in the match keys.

A damaged database (truncated, overwritten, not SQLite) raises ``CacheDamaged``; ``open_cache``
moves such a file aside and starts an empty cache.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import os
import secrets
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
);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
)
"""


_COLUMNS = ["sha256", "pipeline", "as_of", "allow_large", "status", "error_code", "result"]
_CORRUPT_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB (primary codes)


class CacheDamaged(Exception):
    """The cache file is not a sound SQLite database."""


def _guarded(method):
    """Turn SQLite's "malformed" / "not a database" errors of ``method`` into ``CacheDamaged``."""

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in _CORRUPT_CODES:
                raise CacheDamaged(f"{self.path.name}: {exc}") from exc
            raise

    return call


def open_cache(path: Path, pipeline: str, as_of: str | None, allow_large: bool) -> tuple[Cache, str | None]:
    """The cache at ``path``; a damaged one is moved aside first. Returns (cache, warning or None)."""
    try:
        return Cache(path, pipeline, as_of, allow_large), None
    except CacheDamaged as exc:
        warning = set_aside(Path(path), exc)
        return Cache(path, pipeline, as_of, allow_large), warning


def set_aside(path: Path, exc: BaseException) -> str:
    """Move a damaged cache (and its WAL files) to ``<name>.damaged-<time>``; the warning to show."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            os.replace(source, f"{aside}{suffix}")
    return f"{path} was damaged ({exc.__cause__ or exc}); moved to {aside.name}, rebuilding the cache"


class Cache:
    """Parse + extract results by content; ``get``/``put`` one file at a time."""

    @_guarded
    def __init__(self, path: Path, pipeline: str, as_of: str | None, allow_large: bool) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._key = (pipeline, as_of or "auto", int(allow_large))
        self._db = sqlite3.connect(self.path)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
            self._db.commit()
            self._db.execute("SELECT count(*) FROM extractions").fetchone()
            columns = [row[1] for row in self._db.execute("PRAGMA table_info(extractions)")]
            if columns != _COLUMNS:
                raise CacheDamaged(f"{self.path.name}: a cache of another layout (columns {', '.join(columns)})")
        except BaseException:
            self._db.close()
            raise

    @_guarded
    def has(self, sha256: str) -> bool:
        """Whether a reusable (not retryable) result for that content is stored; reads no JSON."""
        row = self._db.execute(
            "SELECT error_code FROM extractions WHERE sha256=? AND pipeline=? AND as_of=? AND allow_large=?",
            (sha256, *self._key),
        ).fetchone()
        return row is not None and row[0] not in RETRY_CODES

    @_guarded
    def load(self, sha256: str, file: str) -> FileResult | None:
        """The stored result for that content (retryable ones too), shown under the name ``file``."""
        row = self._db.execute(
            "SELECT result FROM extractions WHERE sha256=? AND pipeline=? AND as_of=? AND allow_large=?",
            (sha256, *self._key),
        ).fetchone()
        if row is None:
            return None
        try:
            return renamed(FileResult.from_dict(json.loads(row[0])), file)
        except (ValueError, KeyError, TypeError) as exc:  # a row no run of ours wrote
            raise CacheDamaged(f"{self.path.name}: an unreadable stored result ({exc})") from exc

    @_guarded
    def file_sha256(self, path: Path, hasher) -> str:
        """``hasher(path)`` unless the memo holds this path at the same size and mtime_ns (call ``commit``).

        The path is keyed by its bytes (a file name need not be valid UTF-8).
        """
        stat = Path(path).stat()
        key = os.fsencode(Path(path).resolve())
        row = self._db.execute("SELECT size, mtime_ns, sha256 FROM file_hashes WHERE path=?", (key,)).fetchone()
        if row is not None and row[0] == stat.st_size and row[1] == stat.st_mtime_ns:
            return row[2]
        digest = hasher(path)
        self._db.execute(
            "INSERT OR REPLACE INTO file_hashes VALUES (?, ?, ?, ?)", (key, stat.st_size, stat.st_mtime_ns, digest)
        )
        return digest

    @functools.cached_property
    @_guarded
    def salt(self) -> str:
        """This cache's random salt for hashing contacts (made on first use, kept with the results)."""
        row = self._db.execute("SELECT value FROM meta WHERE key='salt'").fetchone()
        if row is not None:
            return row[0]
        salt = secrets.token_hex(16)
        self._db.execute("INSERT INTO meta VALUES ('salt', ?)", (salt,))
        self._db.commit()
        return salt

    @_guarded
    def commit(self) -> None:
        self._db.commit()

    @_guarded
    def put(self, result: FileResult) -> None:
        """Store one result and commit, so it survives a crash of this process."""
        text = json.dumps(result.to_dict(), ensure_ascii=False)
        text = text.encode("utf-8", "replace").decode("utf-8")  # a stray lone surrogate becomes "?"
        self._db.execute(
            "INSERT OR REPLACE INTO extractions VALUES (?, ?, ?, ?, ?, ?, ?)",
            (result.sha256, *self._key, result.status, result.error_code, text),
        )
        self._db.commit()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Cache:
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
