"""Parse stage: a CV file (PDF, DOCX, RTF, DOC, TXT) → ``ParsedCV`` with clean text and sections."""

from __future__ import annotations

from pathlib import Path

from kamscreen.parse.model import ERROR_CODES, SECTION_NAMES, DocumentDate, ParsedCV, ParseError, Section

__all__ = ["ERROR_CODES", "SECTION_NAMES", "DocumentDate", "ParseError", "ParsedCV", "Section", "parse"]


def parse(path: str | Path, **options) -> ParsedCV:
    """Read one CV file into a ``ParsedCV`` (:func:`kamscreen.parse.parser.parse`, whose options
    — ``as_of``, ``allow_large``, ``max_bytes``, ``max_pages``, ``timeout``, ``pdf_engine``, ``ocr`` — pass
    through). The readers are imported on first use: importing the package loads no PDF library.

    >>> parse("cv.pdf", as_of=dt.date(2025, 9, 1)).status  # doctest: +SKIP
    'ok'
    """
    from kamscreen.parse.parser import parse as read

    return read(path, **options)
