"""What the report writers take: one Candidate per screened file, ranked or failed."""
from __future__ import annotations

from dataclasses import dataclass

# Decisions of the HTML report → the stage labels ``kamscreen train`` reads.
DECISION_LABELS = {"reject": "rejected", "shortlist": "interviewed", "hired": "hired"}


@dataclass(frozen=True)
class Candidate:
    """A screened file: its parsed ``text`` and ``assessment`` (``Assessment.to_dict()``) when it was read.

    ``status`` is ``ok``, ``needs_ocr`` or ``error`` (then ``error`` is ``{"code", "message"}`` and
    ``assessment`` is None).
    """

    file: str
    sha256: str
    status: str
    error: dict | None = None
    text: str = ""
    assessment: dict | None = None
    ocr: bool = False  # the text was read by OCR (a scan, a photo): its facts deserve a check

    @property
    def rank(self) -> int | None:
        return self.assessment.get("rank") if self.assessment else None

    def to_dict(self) -> dict:
        """One line of ``candidates.jsonl``: the assessment JSON, or file/status/error for a failure."""
        if self.assessment is not None:
            return {**self.assessment, "file": self.file, "sha256": self.sha256, "status": self.status}
        return {"file": self.file, "sha256": self.sha256, "status": self.status, "error": self.error, "rank": None}
