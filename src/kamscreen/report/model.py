"""What the report writers take: one Candidate per screened file, ranked or failed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

# A recruiter's decisions (review app, keys 1–5) → the stage labels ``kamscreen train`` reads
# (``kamscreen.score.train.STAGES``; from ``shortlisted`` on they count as positive by default).
DECISION_LABELS = {
    "reject": "rejected",
    "shortlist": "shortlisted",
    "interview": "interviewed",
    "offer": "offer",
    "hire": "hired",
}


@dataclass(frozen=True)
class Candidate:
    """A screened file: its parsed ``text`` and ``assessment`` (``Assessment.to_dict()``) when it was read.

    ``status`` is ``ok``, ``needs_ocr`` or ``error`` (then ``error`` is ``{"code", "message"}`` and
    ``assessment`` is None). ``other_files`` are the candidate's other files (duplicates: ``{"file",
    "sha256", "source", "status", "reason", "via"}``), ``possible_duplicates`` similar files judged
    to be someone else, same shape (``batch.duplicates``).
    """

    file: str
    sha256: str
    status: str
    error: dict | None = None
    text: str = ""
    assessment: dict | None = None
    parsed: dict | None = None  # notes of the parse: {"document_date": {"date", "source"}, "warnings": [...]}
    ranked_by: str = ""  # what ordered the list ("checklist score" or the model), for ranked candidates
    other_files: tuple[dict, ...] = ()
    possible_duplicates: tuple[dict, ...] = ()
    ocr: bool = False  # the text was read by OCR (a scan, a photo): its facts deserve a check

    @property
    def rank(self) -> int | None:
        return self.assessment.get("rank") if self.assessment else None

    def to_dict(self) -> dict:
        """One line of ``candidates.jsonl``: the assessment JSON, or file/status/error for a failure."""
        grouped = {"other_files": list(self.other_files), "possible_duplicates": list(self.possible_duplicates)}
        if self.assessment is not None:
            return {
                **self.assessment,
                "file": self.file,
                "sha256": self.sha256,
                "status": self.status,
                "ranked_by": self.ranked_by,
                **grouped,
            }
        return {
            "file": self.file,
            "sha256": self.sha256,
            "status": self.status,
            "error": self.error,
            "rank": None,
            **grouped,
        }

    def files_text(self) -> str:
        """The other files in one line: ``b.docx (same e-mail); c.pdf (text 92 % similar to b.docx)``."""
        return "; ".join(f"{link['file']} ({link_reason(link)})" for link in self.other_files)

    def possible_text(self) -> str:
        """The possible duplicates in one line: ``d.pdf (text 62 % similar, below 70 %)``."""
        return "; ".join(f"{link['file']} ({link['reason']})" for link in self.possible_duplicates)


D = TypeVar("D")


def group_decision(
    sha256: str, others: Iterable[str], decisions: Mapping[str, D], decided_at: Callable[[D], str]
) -> D | None:
    """A candidate's decision: the one on its best file (``sha256``), else the newest on one of its
    other files (made before the files were grouped, or while another file was the best)."""
    own = decisions.get(sha256)
    if own is not None:
        return own
    return max((decisions[sha] for sha in others if sha in decisions), key=decided_at, default=None)


def link_reason(link: dict) -> str:
    """Why a file belongs to the candidate, naming the file it matched when that is not the best one."""
    return f"{link['reason']}, via {link['via']}" if link.get("via") else link["reason"]
