"""What the batch runner hands around: one task per file, one result per file."""

from __future__ import annotations

from dataclasses import dataclass

RETRY_CODES = ("timeout", "internal_error")  # results a later run tries again instead of reusing


@dataclass(frozen=True)
class Task:
    """One file to read: its ``path`` on disk, the ``file`` name shown in reports, and the run settings."""

    path: str
    file: str
    sha256: str
    as_of: str | None = None  # YYYY-MM-DD; None lets the parser find the CV's own date
    allow_large: bool = False
    salt: str = ""  # the cache's salt for the contacts' hashes (``matchkeys``)
    ocr: bool = True  # read scans and photos by OCR


@dataclass(frozen=True)
class FileResult:
    """Parse + extract output of one file: a pure function of (bytes, as_of, pipeline version).

    ``status`` is the parser's ``ok`` / ``needs_ocr`` / ``error``; ``error`` a ``{"code", "message"}``
    dict; ``parsed`` is ``ParsedCV.to_dict()`` (its ``text`` feeds the HTML highlights) and ``facts``
    ``Facts.to_dict()``. Scoring is not part of it: a changed profile re-scores from the cached facts.
    ``keys`` is ``MatchKeys.to_dict()`` (what tells duplicates apart; contacts only as salted hashes).
    """

    file: str
    sha256: str
    status: str
    error: dict | None = None
    parsed: dict | None = None
    facts: dict | None = None
    keys: dict | None = None

    @property
    def error_code(self) -> str | None:
        return self.error.get("code") if self.error else None

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "status": self.status,
            "error": self.error,
            "parsed": self.parsed,
            "facts": self.facts,
            "keys": self.keys,
        }

    @classmethod
    def from_dict(cls, data: dict) -> FileResult:
        return cls(
            file=data["file"],
            sha256=data["sha256"],
            status=data["status"],
            error=data.get("error"),
            parsed=data.get("parsed"),
            facts=data.get("facts"),
            keys=data.get("keys"),
        )

    @classmethod
    def failure(cls, task: Task, code: str, message: str) -> FileResult:
        return cls(file=task.file, sha256=task.sha256, status="error", error={"code": code, "message": message})
