"""Score and rank a batch with only a small ``Entry`` per file in memory; full candidates one at a time.

Pass 1 (``Scorer.entries``) scores each cached result, keeps its verdict, checklist score,
criteria and match keys, and runs the fit model over batches of ``BATCH`` assessments; then
groups the files of one candidate (``duplicates``: one entry per candidate, from its best source,
listing the others) and ranks the entries. Pass 2 (``Scorer.candidate``) re-scores one file from
the cache when its output row is written (scoring is a pure function of the facts) and adds the
fit reasons and the rank.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kamscreen.batch import duplicates
from kamscreen.batch.codec import facts_from_dict
from kamscreen.batch.matchkeys import MatchKeys
from kamscreen.batch.record import FileResult
from kamscreen.report.model import Candidate

BATCH = 256  # assessments (with their facts) alive at once for the fit model


@dataclass(frozen=True)
class Entry:
    """What ranking needs of one file; ``criteria`` are its (id, label) pairs (shared between files).

    ``source`` is the parsed format, ``keys`` the match keys (until grouped); a grouped entry
    lists the candidate's ``other_files`` and its ``possible_duplicates`` (similar files kept apart).
    """

    file: str
    sha256: str
    status: str
    error: dict | None = None
    verdict: str | None = None
    score: float | None = None
    raw_score: float | None = None
    core: float | None = None
    probability: float | None = None
    criteria: tuple[tuple[str, str], ...] = ()
    rank: int | None = None
    unread: bool = False  # read, but no work history found: ranked in the "needs a human read" group
    source: str = ""
    document_date: str | None = None
    keys: MatchKeys | None = None
    other_files: tuple[duplicates.Link, ...] = ()
    possible_duplicates: tuple[duplicates.Link, ...] = ()

    @property
    def scored(self) -> bool:
        return self.verdict is not None


class Scorer:
    """Checklist scores per profile, then one ranking (by the fit model when there is one).

    ``ranked_by`` says what ordered the list ("checklist score" or the model and its training).
    """

    def __init__(self, profile: str, industry: str | None, model: Path | None) -> None:
        from kamscreen.score import load_model, load_profile, required_industry
        from kamscreen.score.ranking import ranked_by

        self.profile = load_profile(profile)  # loaded once: score() would re-read the YAML per file
        self.industry = required_industry(industry)
        self.model_path = model
        self.model = load_model(model) if model is not None else None
        self.model_name = (getattr(self.model, "name", None) or str(model)) if model is not None else None
        self.ranked_by = ranked_by(self.model)
        self._criteria: dict[tuple, tuple] = {}

    def assess(self, result: FileResult):
        from kamscreen.score import score

        assert result.facts is not None  # only files read to their facts are assessed
        return score(facts_from_dict(result.facts), profile=self.profile, industry=self.industry)

    def entries(self, results: Iterable[FileResult]) -> list[Entry]:
        """One scored entry per file of ``results`` (given in file order); ``ranked`` makes the ranking."""
        entries: list[Entry] = []
        pending: list[tuple[int, object]] = []  # (index in entries, Assessment) awaiting the model
        for r in results:
            parsed = r.parsed or {}
            entry = Entry(
                r.file,
                r.sha256,
                r.status,
                r.error,
                source=parsed.get("format") or _suffix(r.file),
                document_date=(parsed.get("document_date") or {}).get("date"),
                keys=MatchKeys.from_dict(r.keys) if r.keys else None,
            )
            if r.status == "ok" and r.facts:
                try:
                    a = self.assess(r)
                except Exception as exc:  # noqa: BLE001 - one file's scoring bug is that file's error row
                    entry = dataclasses.replace(
                        entry,
                        status="error",
                        error={
                            "code": "internal_error",
                            "message": f"{r.file}: scoring failed: {type(exc).__name__}: {exc}",
                        },
                    )
                else:
                    crit = tuple((c.id, c.label_en or c.id) for c in a.checklist.criteria)
                    entry = dataclasses.replace(
                        entry,
                        verdict=a.checklist.verdict,
                        score=a.checklist.score,
                        raw_score=a.checklist.raw_score,
                        core=a.checklist.core,
                        criteria=self._criteria.setdefault(crit, crit),
                        unread=a.needs_human_read is not None,
                    )
                    if self.model is not None:
                        pending.append((len(entries), a))
            entries.append(entry)
            if len(pending) >= BATCH:
                self._predict(entries, pending)
        self._predict(entries, pending)
        return entries

    def _predict(self, entries: list[Entry], pending: list) -> None:
        if not pending:
            return
        assert self.model is not None  # assessments wait for a model only when there is one
        probs = self.model.predict_proba([a for _, a in pending])
        for (index, _), p in zip(pending, probs, strict=True):
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
        return Candidate(
            file=entry.file,
            sha256=entry.sha256,
            status=entry.status,
            error=entry.error,
            text=text,
            assessment=assessment,
            parsed=parse_notes(result),
            ranked_by=self.ranked_by if entry.scored else "",
            other_files=tuple(link.to_dict() for link in entry.other_files),
            possible_duplicates=tuple(link.to_dict() for link in entry.possible_duplicates),
            ocr=bool(parsed.get("ocr")),
        )


def parse_notes(result: FileResult | None) -> dict:
    """What the report shows of the parse beside the facts: the document date used, its source, warnings, format."""
    parsed = (result.parsed if result else None) or {}
    return {
        "document_date": parsed.get("document_date"),
        "warnings": parsed.get("warnings") or [],
        "format": parsed.get("format"),
    }


def ranked(entries: list[Entry]) -> list[Entry]:
    """One entry per candidate, its best file's (listing the other files; match keys dropped), in rank
    order, then the unscored ones by name."""
    return _ranked(
        [
            dataclasses.replace(
                entries[g.best],
                keys=None,
                other_files=tuple(link for _, link in g.others),
                possible_duplicates=tuple(link for _, link in g.near),
            )
            for g in duplicates.group(entries)
        ]
    )


def _suffix(file: str) -> str:
    """The format a file's name suggests, for a file that was never parsed."""
    return Path(file).suffix.lstrip(".").lower()


def _ranked(entries: list[Entry]) -> list[Entry]:
    """Rank 1..n as ``score.rank`` does (group, fit probability, checklist score; stable)."""
    from kamscreen.score.ranking import order_key

    scored = sorted(
        (e for e in entries if e.scored),
        key=lambda e: order_key(e.verdict, e.unread, e.probability, e.score, e.raw_score, e.core),
    )
    ranked = [dataclasses.replace(e, rank=i) for i, e in enumerate(scored, start=1)]
    return ranked + sorted((e for e in entries if not e.scored), key=lambda e: e.file)
