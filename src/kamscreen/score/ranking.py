"""Rank candidates: the checklist verdict first, then the fit model's probability (or checklist score).

Must-haves are must-haves: every ``pass`` ranks above every ``no_data`` (a must-have the CV is
silent about), which ranks above every ``fail``. A CV whose work history could not be read at all
comes after all of them, in a "needs a human read" group: its years are unknown, not zero, and
an unread CV is never ranked above a read one. Within a group the fit model orders the
candidates when one is given; without one, the lines that define the role (the profile's
``rank_first``: key-account years for the KAM profiles) come first — a salesperson whose team
and KPIs add up never outranks a key-account manager of the same verdict, the most common hiring
mistake — then the checklist score; equal scores (a must-have cap) are ordered by the score
before the cap.

``ranked_by`` says in words what ordered the list; every output repeats it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from kamscreen.score.model import Assessment, Fit

if TYPE_CHECKING:  # the model pulls in numpy and pandas; ranking by checklist must not
    from kamscreen.score.classifier import FitModel

VERDICT_TIER = {"pass": 0, "no_data": 1, "fail": 2}
UNREAD_TIER = len(VERDICT_TIER)  # "needs a human read": after every CV that was read
CHECKLIST = "checklist score"


def order_key(
    verdict: str | None,
    unread: bool,
    probability: float | None,
    score: float | None,
    raw_score: float | None = None,
    core: float | None = None,
) -> tuple:
    """Sort key of one candidate: group (verdict, or unread last), probability, role-defining
    lines, score, then uncapped score."""
    tier = UNREAD_TIER if unread else VERDICT_TIER.get(verdict or "", UNREAD_TIER)
    return (tier, -(probability or 0.0), -(core or 0.0), -(score or 0.0), -(raw_score or 0.0))


def rank(assessments: Sequence[Assessment], model: FitModel | None = None) -> list[Assessment]:
    """Apply ``model`` (fit probability, reasons) and rank 1..n: group, then probability, then score.

    Without a model the ranking within a group is by checklist score. The sort is stable (input
    order breaks the remaining ties).
    """
    items = list(assessments)
    if model is not None and items:
        probs = model.predict_proba(items)
        items = [
            replace(a, fit=Fit(round(float(p), 4), model.name, model.explain(a)))
            for a, p in zip(items, probs, strict=True)
        ]
    ordered = sorted(
        items,
        key=lambda a: order_key(
            a.checklist.verdict,
            a.needs_human_read is not None,
            a.fit.probability,
            a.checklist.score,
            a.checklist.raw_score,
            a.checklist.core,
        ),
    )
    return [replace(a, rank=i) for i, a in enumerate(ordered, start=1)]


def ranked_by(model: FitModel | None) -> str:
    """What ordered the list, in words: ``checklist score`` or the model, its labels, date and CV figures.

    >>> ranked_by(None)
    'checklist score'
    """
    if model is None:
        return CHECKLIST
    return describe_card(model.name, model.card)


def describe_card(name: str, card: dict | None) -> str:
    """``model NAME, trained on N labels (P positive) on DATE, cross-validated AP … (checklist alone …)``."""
    if not card:
        return f"model {name} (no model card: its training data is unknown)"
    data = card.get("data") or {}
    metrics = card.get("metrics") or {}
    text = f"model {name}, trained on {data.get('n', '?')} labels ({data.get('positive', '?')} positive)"
    if card.get("created"):
        text += f" on {str(card['created'])[:10]}"
    model_ap = (metrics.get("model") or {}).get("average_precision")
    checklist_ap = (metrics.get("checklist") or {}).get("average_precision")
    if model_ap is not None:
        text += f", cross-validated AP {model_ap:.2f}"
        if checklist_ap is not None:
            text += f" (checklist alone {checklist_ap:.2f})"
    if data.get("synthetic"):
        text += "; SYNTHETIC training data, not real hiring decisions"
    return text
