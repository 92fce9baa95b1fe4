"""Typed output of the extract stage: facts about a CV, each with the evidence that backs it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from kamscreen import lexicons

ROLES = ("key_account", "sales", "account_management", "other")
INDUSTRIES = (
    "fmcg",
    "retail",
    "it",
    "telecom",
    "pharma",
    "medical_devices",
    "manufacturing",
    "logistics",
    "finance",
    "advertising",
    "automotive",
    "energy",
    "construction",
    "agriculture",
    "staffing",
    "hospitality",
    "education",
    "public_sector",
    "real_estate",
    "other",
)
KPI_KINDS = (
    "revenue_growth",
    "retention",
    "nps",
    "ltv",
    "churn",
    "pnl",
    "margin",
    "receivables",
    "portfolio_growth",
    "upsell_cross_sell",
    "c_level_negotiation",
    "crm_bi_tools",
)
CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2", "native")
INFERRED_NOTE = "inferred from the CV's language"  # how an inferred level is shown (LanguageSkill)
MANY_CLIENTS = "many_clients"  # the signal of a client count (a grammar of its own, not a rule)


@cache
def signal_kinds() -> tuple[str, ...]:
    """The kinds of :class:`Signal`, in order: the rule kinds of ``lexicons/signals.yaml``, then
    :data:`MANY_CLIENTS`."""
    return (*lexicons.load("signals.yaml")["kinds"], MANY_CLIENTS)


@dataclass(frozen=True)
class Evidence:
    """A snippet of the parsed text and its character span: ``text == parsed.text[start:end]``."""

    text: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Evidence:
        return cls(text[start:end], start, end)

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Job:
    """One position. Months are ``YYYY-MM``; ``end`` is None while ``current``; ``start`` and
    ``end`` are both None (not current) when the CV gives the position no dates."""

    start: str | None
    end: str | None
    current: bool
    title: str | None
    employer: str | None
    role: str = "other"
    management: bool = False
    b2b: bool = False
    industry: str = "other"
    evidence: Evidence | None = None  # the period as written
    description: Evidence | None = None  # the whole block of the job

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "current": self.current,
            "title": self.title,
            "employer": self.employer,
            "role": self.role,
            "management": self.management,
            "b2b": self.b2b,
            "industry": self.industry,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "description": self.description.to_dict() if self.description else None,
        }


@dataclass(frozen=True)
class Experience:
    """Years of experience, floats rounded to 2 decimals; None where nothing could be computed."""

    total_years: float | None = None
    b2b_years: float | None = None
    key_account_years: float | None = None
    management_years: float | None = None
    stated_total_years: float | None = None
    stated_evidence: Evidence | None = None
    stated_mismatch: bool = False

    def to_dict(self) -> dict:
        return {
            "total_years": self.total_years,
            "b2b_years": self.b2b_years,
            "key_account_years": self.key_account_years,
            "management_years": self.management_years,
            "stated_total_years": self.stated_total_years,
            "stated_evidence": self.stated_evidence.to_dict() if self.stated_evidence else None,
            "stated_mismatch": self.stated_mismatch,
        }


@dataclass(frozen=True)
class TeamSize:
    """The largest team the candidate led; ``value`` None (with ``reason``) when none is stated."""

    value: int | None
    evidence: Evidence | None = None
    reason: str | None = None

    def to_dict(self) -> dict:
        return {
            "value": self.value,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class LanguageSkill:
    """A language (ISO 639-1, else ISO 639-3: ``yue``, ``ase``) and its level (CEFR ``A1``..``C2`` or
    ``native``; None if unstated).

    ``inferred``: the CV does not state it; English ``C1`` of a CV written in English, whose
    evidence is a line of the CV's English, not a statement about the language.
    """

    language: str
    level: str | None
    evidence: Evidence
    inferred: bool = False

    def to_dict(self) -> dict:
        return {
            "language": self.language,
            "level": self.level,
            "evidence": self.evidence.to_dict(),
            "inferred": self.inferred,
        }


@dataclass(frozen=True)
class IndustryYears:
    industry: str
    years: float

    def to_dict(self) -> dict:
        return {"industry": self.industry, "years": self.years}


@dataclass(frozen=True)
class Kpi:
    """Evidence of a portfolio result (``kind`` from KPI_KINDS), with its number when there is one."""

    kind: str
    value: str | None
    evidence: Evidence

    def to_dict(self) -> dict:
        return {"kind": self.kind, "value": self.value, "evidence": self.evidence.to_dict()}


@dataclass(frozen=True)
class Signal:
    """A competency or working-style marker found in the text.

    ``kind`` is one of :func:`signal_kinds`: ``conflict_resolution``, ``stakeholders``,
    ``strategic``, ``presentation``, ``negotiation``, ``cold_calls``, ``many_clients``...
    """

    kind: str
    evidence: Evidence

    def to_dict(self) -> dict:
        return {"kind": self.kind, "evidence": self.evidence.to_dict()}


@dataclass(frozen=True)
class Facts:
    """Everything the extract stage found in one CV; ``to_dict`` is the documented JSON interface."""

    file: str
    status: str
    language: str
    as_of: str  # YYYY-MM-DD
    error: dict | None = None
    jobs: tuple[Job, ...] = ()
    experience: Experience = field(default_factory=Experience)
    team_size: TeamSize = field(default_factory=lambda: TeamSize(None, reason="not stated"))
    languages: tuple[LanguageSkill, ...] = ()
    industry: str | None = None
    industries: tuple[IndustryYears, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    signals: tuple[Signal, ...] = ()
    sha256: str = ""
    warnings: tuple[str, ...] = ()  # what could not be read, or was read with a caveat

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "status": self.status,
            "error": self.error,
            "language": self.language,
            "as_of": self.as_of,
            "sha256": self.sha256,
            "jobs": [j.to_dict() for j in self.jobs],
            "experience": self.experience.to_dict(),
            "team_size": self.team_size.to_dict(),
            "languages": [lang.to_dict() for lang in self.languages],
            "industry": self.industry,
            "industries": [i.to_dict() for i in self.industries],
            "kpis": [k.to_dict() for k in self.kpis],
            "signals": [s.to_dict() for s in self.signals],
            "warnings": list(self.warnings),
        }
