"""Report stage: ranked candidates → ranking.csv, ranking.xlsx, candidates.jsonl and report.html.

>>> from kamscreen.report import write_reports                       # doctest: +SKIP
>>> write_reports(candidates, Path("out"), profile="kam-director")   # doctest: +SKIP
{'csv': PosixPath('out/ranking.csv'), ...}

A batch too large to hold streams instead: ``ReportWriter(out, Layout(...))`` takes one
candidate at a time (see ``kamscreen.report.stream``).
"""

from __future__ import annotations

from pathlib import Path

from kamscreen.report.html import Layout, layout_of
from kamscreen.report.model import DECISION_LABELS, Candidate
from kamscreen.report.redact import redact
from kamscreen.report.stream import OUTPUT_NAMES, ReportWriter

__all__ = ["DECISION_LABELS", "OUTPUT_NAMES", "Candidate", "Layout", "ReportWriter", "redact", "write_reports"]


def write_reports(
    candidates: list[Candidate], out: Path, *, profile: str, model: str | None = None, blind: bool = False
) -> dict[str, Path]:
    """Write the four outputs (each atomically) and return their paths by kind.

    ``blind`` masks names, contacts, age, gender, birth date and photo references in all of them.
    """
    with ReportWriter(out, layout_of(candidates, profile=profile, model=model, blind=blind)) as writer:
        for cand in candidates:
            writer.add(cand)
    return writer.paths
