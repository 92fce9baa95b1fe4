"""Typed output of the parse stage: a CV file turned into clean text with sections."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

SECTION_NAMES = ("summary", "contacts", "experience", "education", "languages", "skills", "other")
# ``internal_error``: a kamscreen bug met while reading the file (not the file's fault; traceback logged);
# ``unreadable``: the file could not be opened (permissions, removed meanwhile).
ERROR_CODES = ("empty", "corrupt", "encrypted", "needs_ocr", "unsupported_format", "too_large", "timeout",
               "unreadable", "internal_error")


@dataclass(frozen=True)
class Section:
    """A named block of the text: ``text[start:end]``; ``header`` is the heading as written."""

    name: str
    start: int
    end: int
    header: str | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "start": self.start, "end": self.end, "header": self.header}


@dataclass(frozen=True)
class DocumentDate:
    """The CV's own "present": what "по настоящее время" / "Present" resolves to.

    ``source`` is one of ``override``, ``hh_footer``, ``metadata``, ``mtime``.
    """

    date: dt.date | None
    source: str

    def to_dict(self) -> dict:
        return {"date": self.date.isoformat() if self.date else None, "source": self.source}


@dataclass(frozen=True)
class ParseError:
    """Why a file could not be read: a machine code from ERROR_CODES and a one-line message naming the file."""

    code: str
    message: str

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class ParsedCV:
    """One CV after parsing. ``status`` is ``ok``, ``needs_ocr`` or ``error``."""

    file: str
    status: str
    text: str = ""
    sections: tuple[Section, ...] = ()
    language: str = "ru"
    format: str = "unknown"
    pages: int = 0
    sha256: str = ""
    document_date: DocumentDate = field(default_factory=lambda: DocumentDate(None, "mtime"))
    warnings: tuple[str, ...] = ()
    error: ParseError | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def section(self, name: str) -> tuple[Section, ...]:
        """All sections of that name, in text order."""
        return tuple(s for s in self.sections if s.name == name)

    def section_text(self, name: str) -> str:
        return "\n".join(self.text[s.start : s.end] for s in self.section(name))

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "status": self.status,
            "error": self.error.to_dict() if self.error else None,
            "text": self.text,
            "sections": [s.to_dict() for s in self.sections],
            "language": self.language,
            "format": self.format,
            "pages": self.pages,
            "sha256": self.sha256,
            "document_date": self.document_date.to_dict(),
            "warnings": list(self.warnings),
        }
