"""Parse stage: a CV file (PDF, DOCX, RTF, DOC, TXT) → ``ParsedCV`` with clean text and sections."""
from __future__ import annotations

from kamscreen.parse.model import ERROR_CODES, SECTION_NAMES, DocumentDate, ParsedCV, ParseError, Section
from kamscreen.parse.parser import parse

__all__ = ["ERROR_CODES", "SECTION_NAMES", "DocumentDate", "ParseError", "ParsedCV", "Section", "parse"]
