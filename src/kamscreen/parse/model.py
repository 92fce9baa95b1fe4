"""Typed output of the parse stage: a CV file turned into clean text with sections."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

SECTION_NAMES = ("summary", "contacts", "experience", "education", "languages", "skills", "other")
# ``internal_error``: a kamscreen bug met while reading the file (not the file's fault; traceback logged);
# ``unreadable``: the file could not be opened (permissions, removed meanwhile).
ERROR_CODES = (
    "empty",
    "corrupt",
    "encrypted",
    "needs_ocr",
    "unsupported_format",
    "too_large",
    "timeout",
    "unreadable",
    "internal_error",
)


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
class StructuredJob:
    """A position as a structured source states it. Months are ``YYYY-MM``; ``end`` is None while
    current; ``industries`` are the source's names of the employer's industry, most general first.
    ``period`` and ``block`` are ``(start, end)`` offsets of the period line and of the whole job in
    ``ParsedCV.text``."""

    start: str
    end: str | None
    title: str | None
    employer: str | None
    industries: tuple[str, ...]
    period: tuple[int, int]
    block: tuple[int, int]

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "title": self.title,
            "employer": self.employer,
            "industries": list(self.industries),
            "period": list(self.period),
            "block": list(self.block),
        }


@dataclass(frozen=True)
class StructuredLanguage:
    """A language (ISO 639-1) and its level (CEFR ``A1``..``C2``, ``native`` or None) as stated in
    a field; ``span`` is the line of ``ParsedCV.text`` that shows it."""

    language: str
    level: str | None
    span: tuple[int, int]

    def to_dict(self) -> dict:
        return {"language": self.language, "level": self.level, "span": list(self.span)}


@dataclass(frozen=True)
class StructuredCV:
    """Facts a structured source (``source`` e.g. ``hh_json``) gives in fields, read as they are
    rather than from the text: the jobs, the languages, the stated total in months and the source's
    own id of the CV."""

    source: str
    cv_id: str | None
    jobs: tuple[StructuredJob, ...]
    languages: tuple[StructuredLanguage, ...]
    total_months: int | None

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "cv_id": self.cv_id,
            "jobs": [j.to_dict() for j in self.jobs],
            "languages": [lang.to_dict() for lang in self.languages],
            "total_months": self.total_months,
        }


@dataclass(frozen=True)
class OcrPage:
    """A page read by OCR: its number (1-based), Tesseract's mean word confidence (0–100) and the
    rotation (degrees) that turned it upright."""

    page: int
    confidence: float
    rotation: int = 0

    def to_dict(self) -> dict:
        return {"page": self.page, "confidence": self.confidence, "rotation": self.rotation}


@dataclass(frozen=True)
class ParsedCV:
    """One CV after parsing. ``status`` is ``ok``, ``needs_ocr`` or ``error``; ``structured`` holds
    the facts a structured format (hh.ru's JSON) states in fields, None for any other format;
    ``ocr_pages`` the pages whose text came from OCR (a scan, a photo), empty for a text file."""

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
    structured: StructuredCV | None = None
    ocr_pages: tuple[OcrPage, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def ocr(self) -> bool:
        """Whether any of the text was read by OCR (its facts deserve a second look)."""
        return bool(self.ocr_pages)

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
            "structured": self.structured.to_dict() if self.structured else None,
            "ocr": self.ocr,
            "ocr_pages": [p.to_dict() for p in self.ocr_pages],
        }
