"""Rank candidates: the checklist verdict first, then the fit model's probability (or checklist score).

Must-haves are must-haves: every ``pass`` ranks above every ``no_data`` (a must-have the CV is
silent about), which ranks above every ``fail``. Within a verdict the fit model orders the
candidates when one is given (ties by checklist score), else the checklist score does.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from kamscreen.score.model import Assessment, Fit

if TYPE_CHECKING:  # the model pulls in scikit-learn; ranking by checklist must not
    from kamscreen.score.classifier import FitModel

VERDICT_TIER = {"pass": 0, "no_data": 1, "fail": 2}


def rank(assessments: Sequence[Assessment], model: FitModel | None = None) -> list[Assessment]:
    """Apply ``model`` (fit probability, reasons) and rank 1..n: verdict tier, then probability, then score.

    Without a model the ranking within a tier is by checklist score. The sort is stable (input
    order breaks the remaining ties).
    """
    items = list(assessments)
    if model is not None and items:
        probs = model.predict_proba(items)
        items = [replace(a, fit=Fit(round(float(p), 4), model.name, model.explain(a)))
                 for a, p in zip(items, probs)]

    def key(a: Assessment) -> tuple:
        tier = VERDICT_TIER.get(a.checklist.verdict, len(VERDICT_TIER))
        return (tier, -(a.fit.probability or 0.0), -a.checklist.score)

    ordered = sorted(items, key=key)
    return [replace(a, rank=i) for i, a in enumerate(ordered, start=1)]
