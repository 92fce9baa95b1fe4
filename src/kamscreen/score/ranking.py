"""Rank candidates: by the fit model's probability when one is given, else by checklist score."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from kamscreen.score.model import Assessment, Fit

if TYPE_CHECKING:  # the model pulls in scikit-learn; ranking by checklist must not
    from kamscreen.score.classifier import FitModel


def rank(assessments: Sequence[Assessment], model: FitModel | None = None) -> list[Assessment]:
    """Apply ``model`` (fit probability, reasons) and rank 1..n by probability, ties by checklist score.

    Without a model the ranking is by checklist score. The sort is stable (input order breaks ties).
    """
    items = list(assessments)
    if model is not None and items:
        probs = model.predict_proba(items)
        items = [replace(a, fit=Fit(round(float(p), 4), model.name, model.explain(a)))
                 for a, p in zip(items, probs)]
    key = (lambda a: (-(a.fit.probability or 0.0), -a.checklist.score)) if model is not None \
        else (lambda a: -a.checklist.score)
    ordered = sorted(items, key=key)
    return [replace(a, rank=i) for i, a in enumerate(ordered, start=1)]
