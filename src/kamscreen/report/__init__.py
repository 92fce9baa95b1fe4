"""Report stage: ranked candidates → ranking.csv, ranking.xlsx, candidates.jsonl and report.html.

>>> from kamscreen.report import write_reports                       # doctest: +SKIP
>>> write_reports(candidates, Path("out"), profile="kam-director")   # doctest: +SKIP
{'csv': PosixPath('out/ranking.csv'), ...}
"""
from __future__ import annotations

from pathlib import Path

from kamscreen.report.html import write_html
from kamscreen.report.model import DECISION_LABELS, Candidate
from kamscreen.report.redact import redact
from kamscreen.report.tables import write_csv, write_jsonl, write_xlsx

__all__ = ["write_reports", "Candidate", "DECISION_LABELS", "redact"]

OUTPUT_NAMES = {"csv": "ranking.csv", "xlsx": "ranking.xlsx", "jsonl": "candidates.jsonl", "html": "report.html"}


def write_reports(candidates: list[Candidate], out: Path, *, profile: str, model: str | None = None,
                  blind: bool = False) -> dict[str, Path]:
    """Write the four outputs (each atomically) and return their paths by kind.

    ``blind`` masks names, contacts, age, gender, birth date and photo references in all of them.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if blind:
        candidates = [redact(c) for c in candidates]
    paths = {kind: out / name for kind, name in OUTPUT_NAMES.items()}
    write_csv(candidates, paths["csv"])
    write_xlsx(candidates, paths["xlsx"])
    write_jsonl(candidates, paths["jsonl"])
    write_html(candidates, paths["html"], profile=profile, model=model, blind=blind)
    return paths
