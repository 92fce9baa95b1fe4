"""Score and rank a batch with only a small ``Entry`` per file in memory; full candidates one at a time.

Pass 1 (``Scorer.entries``) scores each cached result, keeps its verdict, checklist score and
criteria, and runs the fit model over batches of ``BATCH`` assessments; then ranks the entries.
Pass 2 (``Scorer.candidate``) re-scores one file from the cache when its output row is written
(scoring is a pure function of the facts) and adds the fit reasons and the rank.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kamscreen.batch.codec import facts_from_dict
from kamscreen.batch.record import FileResult
from kamscreen.report.model import Candidate

BATCH = 256  # assessments (with their facts) alive at once for the fit model


@dataclass(frozen=True)
class Entry:
    """What ranking needs of one file; ``criteria`` are its (id, label) pairs (shared between files)."""

    file: str
    sha256: str
    status: str
    error: dict | None = None
    verdict: str | None = None
    score: float | None = None
    probability: float | None = None
    criteria: tuple[tuple[str, str], ...] = ()
    rank: int | None = None

    @property
    def scored(self) -> bool:
        return self.verdict is not None


class Scorer:
    """Checklist scores per profile, then one ranking (by the fit model when there is one)."""

    def __init__(self, profile: str, industry: str | None, model: Path | None) -> None:
        from kamscreen.score import load_model, load_profile

        self.profile = load_profile(profile)  # loaded once: score() would re-read the YAML per file
        self.industry = industry
        self.model = load_model(model) if model is not None else None
        self.model_name = (getattr(self.model, "name", None) or str(model)) if model is not None else None
        self._criteria: dict[tuple, tuple] = {}

    def assess(self, result: FileResult):
        from kamscreen.score import score

        return score(facts_from_dict(result.facts), profile=self.profile, industry=self.industry)

    def entries(self, results: Iterable[FileResult]) -> list[Entry]:
        """Ranked entries (rank order, then unscored files by name) of ``results`` given in file order."""
        entries: list[Entry] = []
        pending: list[tuple[int, object]] = []  # (index in entries, Assessment) awaiting the model
        for r in results:
            entry = Entry(r.file, r.sha256, r.status, r.error)
            if r.status == "ok" and r.facts:
                try:
                    a = self.assess(r)
                except Exception as exc:  # noqa: BLE001 - one file's scoring bug is that file's error row
                    entry = dataclasses.replace(entry, status="error", error={
                        "code": "internal_error", "message": f"{r.file}: scoring failed: {type(exc).__name__}: {exc}"})
                else:
                    crit = tuple((c.id, c.label_en or c.id) for c in a.checklist.criteria)
                    entry = dataclasses.replace(entry, verdict=a.checklist.verdict, score=a.checklist.score,
                                                criteria=self._criteria.setdefault(crit, crit))
                    if self.model is not None:
                        pending.append((len(entries), a))
            entries.append(entry)
            if len(pending) >= BATCH:
                self._predict(entries, pending)
        self._predict(entries, pending)
        return _ranked(entries)

    def _predict(self, entries: list[Entry], pending: list) -> None:
        if not pending:
            return
        probs = self.model.predict_proba([a for _, a in pending])
        for (index, _), p in zip(pending, probs):
            entries[index] = dataclasses.replace(entries[index], probability=round(float(p), 4))
        pending.clear()

    def candidate(self, entry: Entry, result: FileResult | None) -> Candidate:
        """The full candidate of ``entry`` (``result`` read back from the cache; None if never read)."""
        from kamscreen.score.model import Fit

        parsed = (result.parsed if result else None) or {}
        text = parsed.get("text", "")
        assessment = None
        if entry.scored and result is not None:
            a = self.assess(result)
            if self.model is not None:
                a = dataclasses.replace(a, fit=Fit(entry.probability, self.model.name, self.model.explain(a)))
            assessment = dataclasses.replace(a, rank=entry.rank).to_dict()
        return Candidate(file=entry.file, sha256=entry.sha256, status=entry.status, error=entry.error,
                         text=text, assessment=assessment, ocr=bool(parsed.get("ocr")))


def _ranked(entries: list[Entry]) -> list[Entry]:
    """Rank 1..n as ``score.rank`` does (verdict tier, fit probability, checklist score; stable)."""
    from kamscreen.score.ranking import VERDICT_TIER

    scored = sorted((e for e in entries if e.scored), key=lambda e: (
        VERDICT_TIER.get(e.verdict, len(VERDICT_TIER)), -(e.probability or 0.0), -e.score))
    ranked = [dataclasses.replace(e, rank=i) for i, e in enumerate(scored, start=1)]
    return ranked + sorted((e for e in entries if not e.scored), key=lambda e: e.file)
