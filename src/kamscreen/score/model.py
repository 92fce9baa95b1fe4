"""Typed output of the score stage: checklist verdict, flags and fit, per candidate."""

from __future__ import annotations

from dataclasses import dataclass, field

from kamscreen.extract.model import Evidence, Facts

STATUSES = ("met", "partly", "not_met", "no_data")


@dataclass(frozen=True)
class CriterionResult:
    """One checklist line: what was found (``value``) against what the profile asks (``threshold``);
    ``note`` says how the value was read when the CV does not state it ("inferred from the CV's
    language")."""

    id: str
    label_en: str
    label_ru: str
    status: str
    value: object
    threshold: object
    must_have: bool
    weight: float
    evidence: tuple[Evidence, ...] = ()
    note: str | None = None  # how ``value`` was read when the CV does not state it
    fact: str = ""  # the profile's ``fact:`` reader, e.g. ``kpis.any[pnl,margin]``

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "label_en": self.label_en,
            "label_ru": self.label_ru,
            "status": self.status,
            "value": self.value,
            "threshold": self.threshold,
            "must_have": self.must_have,
            "weight": self.weight,
            "evidence": [e.to_dict() for e in self.evidence],
            "note": self.note,
            "fact": self.fact,
        }


@dataclass(frozen=True)
class Checklist:
    """The profile's verdict: ``score`` 0–100, ``verdict`` ``pass`` when every must-have is met.

    ``raw_score`` is the weighted score before the must-have caps: it orders candidates whose
    capped scores tie (two fails at 40 are not equally far from the profile). ``core`` is the
    credit of the lines that define the role (the profile's ``rank_first``), which order a verdict
    group before the score does.
    """

    profile: str
    score: float
    verdict: str
    criteria: tuple[CriterionResult, ...] = ()
    raw_score: float | None = None
    core: float | None = None  # credit 0–1 of the profile's ``rank_first`` lines (None: it has none)

    def to_dict(self) -> dict:
        return {
            "profile": self.profile,
            "score": self.score,
            "verdict": self.verdict,
            "criteria": [c.to_dict() for c in self.criteria],
            "raw_score": self.raw_score,
            "core": self.core,
        }


@dataclass(frozen=True)
class Flag:
    """A red or green flag (``severity``) with a plain-words ``message`` and its evidence."""

    kind: str
    severity: str
    message: str
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class Reason:
    """One plain-words reason behind the fit probability; ``direction`` is ``+`` or ``-``."""

    text: str
    direction: str
    weight: float

    def to_dict(self) -> dict:
        return {"text": self.text, "direction": self.direction, "weight": self.weight}


@dataclass(frozen=True)
class Fit:
    """Calibrated probability of fit from a trained model; None when no model is used."""

    probability: float | None = None
    model: str | None = None
    reasons: tuple[Reason, ...] = ()

    def to_dict(self) -> dict:
        return {"probability": self.probability, "model": self.model, "reasons": [r.to_dict() for r in self.reasons]}


@dataclass(frozen=True)
class Assessment:
    """Facts plus everything the score stage concluded; ``to_dict`` extends the extraction JSON."""

    facts: Facts
    checklist: Checklist
    flags: tuple[Flag, ...] = ()
    fit: Fit = field(default_factory=Fit)
    rank: int | None = None

    @property
    def needs_human_read(self) -> str | None:
        """Why this CV cannot be ranked against the others (its work history could not be read), or None."""
        return unread_reason(self.facts)

    def to_dict(self) -> dict:
        return {
            **self.facts.to_dict(),
            "checklist": self.checklist.to_dict(),
            "flags": [f.to_dict() for f in self.flags],
            "fit": self.fit.to_dict(),
            "rank": self.rank,
            "needs_human_read": self.needs_human_read,
        }


def unread_reason(facts: Facts) -> str | None:
    """A read file with no job found: its years are unknown, not zero, so a person must read it.

    The reason is the timeline's own warning ("… could not be read …") when it gave one.
    """
    if facts.status != "ok" or facts.jobs:
        return None
    return next(
        (w for w in facts.warnings if "could not be read" in w),
        "no job with a readable period was found: the work history could not be read",
    )
