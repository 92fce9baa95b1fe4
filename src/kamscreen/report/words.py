"""Plain words for the codes of the outputs (statuses, verdicts, roles, date sources) in the HTML views."""

from __future__ import annotations

STATUS_WORDS = {"met": "met", "partly": "partly met", "not_met": "not met", "no_data": "no data"}
STATUS_SYMBOLS = {"met": "✓", "partly": "◐", "not_met": "✗", "no_data": "?"}
# Ranking groups: the checklist verdict, or why a file is not ranked with the read ones.
GROUP_WORDS = {
    "pass": "pass",
    "no_data": "no data on a must-have",
    "fail": "fail",
    "unread": "needs a human read",
    "needs_ocr": "needs OCR",
    "error": "could not be read",
}
ROLE_WORDS = {"key_account": "key accounts", "sales": "sales", "account_management": "account management"}
DATE_SOURCES: dict[str | None, str] = {
    "override": "--as-of",
    "hh_footer": "hh.ru's “resume updated” line",
    "metadata": "the file's metadata",
    "mtime": "the file's modification date",
}
# The formats a candidate's files come in (``ParsedCV.format``), as a card names them.
SOURCE_WORDS: dict[str | None, str] = {
    "hh_json": "hh.ru resume JSON",
    "pdf": "PDF",
    "docx": "DOCX",
    "doc": "DOC",
    "rtf": "RTF",
    "txt": "text",
    "html": "HTML",
    "mht": "MHT",
    "odt": "ODT",
}
# A "present" read from the file's modification date may be the day it was copied, not written.
UNSURE_DATE_SOURCES = ("mtime",)


def industry_words(code: str | None) -> str:
    """``medical_devices`` → ``medical devices``; ``other`` and None → empty."""
    return "" if not code or code == "other" else code.replace("_", " ")


def job_words(job: dict) -> str:
    """What a job was, in words: "key accounts, manager of people, B2B, FMCG" (nothing for unknowns)."""
    parts = [
        ROLE_WORDS.get(job.get("role") or "", ""),
        "manager of people" if job.get("management") else "",
        "B2B" if job.get("b2b") else "",
        industry_words(job.get("industry")),
    ]
    return ", ".join(p for p in parts if p)
