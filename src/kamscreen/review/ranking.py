"""The order the review app shows: the screen's own, or the one of the vacancy's active retrained model.

The groups of ``kamscreen.score.ranking`` hold either way (pass, no data, fail, then the CVs that
need a human read); a model only orders candidates within a group. ``ranked_by`` says which.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kamscreen.review.screening import Screening
from kamscreen.review.storage import ModelRecord
from kamscreen.score.ranking import describe_card, order_key

if TYPE_CHECKING:
    from kamscreen.score.classifier import FitModel

BATCH = 256  # assessments rebuilt at once for the model


@dataclass(frozen=True)
class Ranking:
    """File hashes in rank order (unscored files last), their ranks and fit probabilities."""

    order: tuple[str, ...]
    ranks: dict[str, int | None]
    probabilities: dict[str, float | None]
    ranked_by: str
    model: FitModel | None = None  # the model that ranked, for its reasons
    notes: tuple[str, ...] = field(default_factory=tuple)


def by_screen(screening: Screening, notes: tuple[str, ...] = ()) -> Ranking:
    """The order candidates.jsonl was written in (the screen's ranking)."""
    entries = screening.entries
    return Ranking(
        tuple(e.sha256 for e in entries),
        {e.sha256: e.rank for e in entries},
        {e.sha256: e.probability for e in entries},
        screening.ranked_by,
        None,
        notes,
    )


def by_model(screening: Screening, record: ModelRecord) -> Ranking:
    """Re-rank with a retrained model; the screen's order (with a note) when its files are gone."""
    from kamscreen.score import ModelError, load_model

    try:
        model = load_model(record.path)
    except ModelError as exc:
        return by_screen(
            screening, (f"the active model {record.name} cannot be used here ({exc}); ranked as the screen was",)
        )
    scored = [e for e in screening.entries if e.scored]
    probabilities: dict[str, float | None] = {}
    for start in range(0, len(scored), BATCH):
        chunk = scored[start : start + BATCH]
        for entry, p in zip(chunk, model.predict_proba(screening.assessments(e.sha256 for e in chunk)), strict=True):
            probabilities[entry.sha256] = round(float(p), 4)
    ordered = sorted(
        scored, key=lambda e: order_key(e.verdict, e.unread, probabilities[e.sha256], e.score, e.raw_score, e.core)
    )
    ranks: dict[str, int | None] = {e.sha256: i for i, e in enumerate(ordered, start=1)}
    rest = [e for e in screening.entries if not e.scored]
    ranks.update({e.sha256: None for e in rest})
    notes: tuple[str, ...] = ()
    if record.card.get("profile") and record.card["profile"] != screening.profile:
        notes = (f"the model was trained under profile {record.card['profile']}; the screen used {screening.profile}",)
    return Ranking(
        tuple(e.sha256 for e in ordered + rest),
        ranks,
        probabilities,
        describe_card(record.name, record.card),
        model,
        notes,
    )
