"""Retrain the fit model on the recruiters' decisions so far, as ``kamscreen train`` would.

Decisions become training labels through the stages ``kamscreen train`` reads
(``report.model.DECISION_LABELS``): reject → rejected, shortlist → shortlisted, interview →
interviewed, offer → offer, hire → hired; from ``shortlisted`` on a decision counts as positive
(``--positive-from`` of ``train``). A candidate of several files counts once, with its decision
(``Screening.decisions``). The same checks refuse or warn (at least 20 decisions, at
least 3 of each kind; a warning under 50, or under 10 of either kind). Each model goes to its own
folder under ``OUT/models/``, so the previous ones are kept and can be switched back to.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from kamscreen.report.model import DECISION_LABELS
from kamscreen.review.screening import Screening
from kamscreen.review.storage import ModelRecord, Store

MODELS_DIR = "models"


@dataclass(frozen=True)
class Outcome:
    """A retrain: the model recorded, or why none was (``refused``); ``warnings`` as ``train`` gives them."""

    record: ModelRecord | None = None
    refused: str | None = None
    warnings: tuple[str, ...] = ()
    counts: dict = field(default_factory=dict)


def positive(decision: str, positive_from: str) -> int:
    """1 when the decision's stage is ``positive_from`` or later."""
    from kamscreen.score.train import STAGES

    return int(STAGES.index(DECISION_LABELS[decision]) >= STAGES.index(positive_from))


def retrain(
    screening: Screening, store: Store, vacancy: str, recruiter: str, positive_from: str | None = None
) -> Outcome:
    """Train on the vacancy's decisions about the files of this screen; record and activate the model."""
    from kamscreen.score.train import DEFAULT_POSITIVE_FROM, Label, TrainingError, check_labels, train_assessments

    cut = positive_from or DEFAULT_POSITIVE_FROM
    decided = store.decisions(vacancy)
    usable = [
        (screening.by_sha[sha], d) for sha, d in screening.decisions(decided).items() if screening.by_sha[sha].scored
    ]
    labels = [Label(entry.file, positive(d.decision, cut), DECISION_LABELS[d.decision]) for entry, d in usable]
    counts = {"decided": len(decided), "usable": len(labels), "positive": sum(lab.y for lab in labels)}
    notes = []
    if len(usable) < len(decided):
        notes.append(
            f"{len(decided) - len(usable)} decision(s) were left out: on files not in this screen "
            f"(removed, or not read) or on a grouped candidate's other files"
        )
    try:
        check_labels([lab.y for lab in labels])  # refuse before reading anything
        out = _new_folder(screening.out / MODELS_DIR, vacancy)
        result = train_assessments(
            screening.assessments(entry.sha256 for entry, _ in usable),
            labels,
            [e.sha256 for e, _ in usable],
            out,
            profile=screening.profile,
            positive_from=cut,
            industry=screening.settings.get("industry"),
            synthetic=False,
            source=f"decisions in {screening.out.name} (vacancy {vacancy})",
            notes=notes,
        )
    except TrainingError as exc:
        return Outcome(refused=str(exc), warnings=tuple(notes), counts=counts)
    record = store.add_model(vacancy, out.name, str(out.resolve()), result.card, recruiter)
    return Outcome(record=record, warnings=tuple(result.warnings), counts=counts)


def _new_folder(root: Path, vacancy: str) -> Path:
    """``OUT/models/<vacancy>-<UTC time>`` (a suffix when two retrains share a second)."""
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", vacancy).strip("-.") or "vacancy"
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    for n in range(1000):
        path = root / (f"{slug}-{stamp}" + (f"-{n}" if n else ""))
        try:
            path.mkdir(parents=True)
            return path
        except FileExistsError:
            continue
    raise RuntimeError(f"{root}: no free model folder name")
