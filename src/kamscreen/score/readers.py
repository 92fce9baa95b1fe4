"""Named fact readers: how a profile criterion gets its value (and evidence) out of Facts.

A criterion names its reader in ``fact:``, e.g. ``experience.key_account_years``,
``team_size.value``, ``languages.en``, ``kpis.any[revenue_growth,retention]``,
``signals.any[strategic,presentation]``, ``industry.years``. A reader returns a Reading whose
``value`` is None when the CV does not state the fact at all (→ status ``no_data``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from kamscreen.extract.experience import years as union_years
from kamscreen.extract.model import CEFR_LEVELS, INFERRED_NOTE, KPI_KINDS, Evidence, Facts, Kpi, Signal, signal_kinds

LEVEL_ORDER = {level: i + 1 for i, level in enumerate(CEFR_LEVELS)}  # A1=1 … C2=6, native=7

# KPI kinds that show the candidate ran accounts, not just deals (for ``experience.kam_years``).
KEY_ACCOUNT_KPIS = (
    "retention",
    "ltv",
    "churn",
    "pnl",
    "margin",
    "portfolio_growth",
    "upsell_cross_sell",
    "c_level_negotiation",
)
KEY_ACCOUNT_SIGNALS = ("key_accounts", "long_relationships")


@dataclass(frozen=True)
class Reading:
    """What a reader found: ``value`` (None = not stated), the evidence behind it, and a ``note``
    on how the value was read when the CV does not state it (:data:`INFERRED_NOTE`)."""

    value: object
    evidence: tuple[Evidence, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Reader:
    """A named reader; ``kind`` is ``number`` or ``level`` (CEFR), ``args`` whether it takes
    ``[...]``, ``choices`` the kinds that list may name (read when first asked)."""

    name: str
    kind: str
    read: Callable[[Facts, tuple[str, ...], str | None], Reading]
    args: bool = False
    choices: Callable[[], tuple[str, ...]] = tuple


_FACT = re.compile(r"^(?P<name>[a-z_]+\.[a-z_]+)(?:\[(?P<args>[a-z_,\s]*)\])?$")


def ordinal(value: object) -> object:
    """A CEFR level as its rank in ``LEVEL_ORDER``; any other value as it is."""
    return LEVEL_ORDER.get(value, value) if isinstance(value, str) else value


def parse_fact(spec: str) -> tuple[Reader, tuple[str, ...]]:
    """``"kpis.any[nps,ltv]"`` → (reader, ("nps", "ltv")); ValueError naming the problem."""
    match = _FACT.match(spec.strip()) if isinstance(spec, str) else None
    if not match:
        raise ValueError(f"fact {spec!r} is not of the form 'group.name' or 'group.name[a,b]'")
    name, raw = match["name"], match["args"]
    reader = READERS.get(name) or _language_reader(name)
    if reader is None:
        raise ValueError(f"unknown fact reader {name!r}; known: {', '.join(sorted(READERS))}, languages.<iso>")
    args = tuple(a.strip() for a in raw.split(",") if a.strip()) if raw is not None else ()
    choices = reader.choices()
    if reader.args and not args:
        raise ValueError(f"fact reader {name!r} needs a list, e.g. {name}[{choices[0]}]")
    if not reader.args and raw is not None:
        raise ValueError(f"fact reader {name!r} takes no [...] list")
    unknown = [a for a in args if choices and a not in choices]
    if unknown:
        raise ValueError(f"unknown {name} kind(s) {', '.join(unknown)}; known: {', '.join(choices)}")
    return reader, args


def _has_cv(facts: Facts) -> bool:
    return facts.status == "ok" and bool(facts.jobs)


def _experience(field: str) -> Callable[[Facts, tuple[str, ...], str | None], Reading]:
    def read(facts: Facts, _args: tuple[str, ...], _industry: str | None) -> Reading:
        if not facts.jobs:
            return Reading(None)
        value = getattr(facts.experience, field)
        evidence = tuple(j.evidence for j in facts.jobs if j.evidence and _job_counts(j, field))
        return Reading(value, evidence[:3])

    return read


def _job_counts(job, field: str) -> bool:
    return {
        "key_account_years": job.role == "key_account",
        "b2b_years": job.b2b,
        "management_years": job.management,
    }.get(field, True)


def _kam_years(facts: Facts, _args, _industry) -> Reading:
    """Key-account years; B2B years count too when the CV shows key-account work (portfolio KPIs,
    or key-account / long-relationship markers)."""
    if not facts.jobs:
        return Reading(None)
    exp = facts.experience
    ka = exp.key_account_years or 0.0
    proof: list[Kpi | Signal] = [k for k in facts.kpis if k.kind in KEY_ACCOUNT_KPIS]
    proof += [s for s in facts.signals if s.kind in KEY_ACCOUNT_SIGNALS]
    value = max(ka, exp.b2b_years or 0.0) if (ka > 0 or proof) else ka
    evidence = tuple(j.evidence for j in facts.jobs if j.evidence and (j.role == "key_account" or j.b2b))
    return Reading(round(value, 2), evidence[:3] + tuple(k.evidence for k in proof[:1]))


def _commercial_years(facts: Facts, _args, _industry) -> Reading:
    """Years in B2B, sales, account or key-account management (whichever is largest)."""
    if not facts.jobs:
        return Reading(None)
    exp = facts.experience
    role_years = union_years(
        (j for j in facts.jobs if j.role in ("sales", "account_management", "key_account")),
        dt.date.fromisoformat(facts.as_of),
    )
    value = max(exp.b2b_years or 0.0, exp.key_account_years or 0.0, role_years)
    evidence = tuple(j.evidence for j in facts.jobs if j.evidence and j.role != "other")
    return Reading(round(value, 2), evidence[:3])


def _team_size(facts: Facts, _args, _industry) -> Reading:
    team = facts.team_size
    return Reading(team.value, (team.evidence,) if team.evidence else ())


def _language_reader(name: str) -> Reader | None:
    group, _, code = name.partition(".")
    if group != "languages" or not re.fullmatch(r"[a-z]{2,3}", code):  # ISO 639-1, else 639-3
        return None

    def read(facts: Facts, _args, _industry) -> Reading:
        """The best stated level; else the inferred one (English of an English CV), noted so."""
        found = [s for s in facts.languages if s.language == code]
        for inferred in (False, True):
            levels = [(LEVEL_ORDER[s.level], s) for s in found if s.level in LEVEL_ORDER and s.inferred == inferred]
            if levels:
                _, best = max(levels, key=lambda ranked: ranked[0])
                return Reading(best.level, (best.evidence,), INFERRED_NOTE if inferred else None)
        return Reading(None, tuple(s.evidence for s in found))

    return Reader(name, "level", read)


def _any_of(attr: str) -> Callable[[Facts, tuple[str, ...], str | None], Reading]:
    def read(facts: Facts, args: tuple[str, ...], _industry) -> Reading:
        if facts.status != "ok" or (not facts.jobs and not getattr(facts, attr)):
            return Reading(None)
        found = [item for item in getattr(facts, attr) if item.kind in args]
        kinds = {item.kind for item in found}
        return Reading(len(kinds), tuple(item.evidence for item in found)[:3])

    return read


def _industry_years(facts: Facts, _args, required: str | None) -> Reading:
    """Years in the industry asked for (``--industry``), else in the candidate's main industry."""
    if not facts.jobs:
        return Reading(None)
    target = required or facts.industry
    if not target or target == "other":
        return Reading(None)
    return _years_in(facts, target)


def _required_industry_years(facts: Facts, _args, required: str | None) -> Reading:
    if not facts.jobs or not required:
        return Reading(None)
    return _years_in(facts, required)


def _years_in(facts: Facts, industry: str) -> Reading:
    years = next((i.years for i in facts.industries if i.industry == industry), 0.0)
    evidence = tuple(j.evidence for j in facts.jobs if j.evidence and j.industry == industry)
    return Reading(round(years, 2), evidence[:3])


READERS: dict[str, Reader] = {
    **{
        f"experience.{f}": Reader(f"experience.{f}", "number", _experience(f))
        for f in ("total_years", "b2b_years", "key_account_years", "management_years")
    },
    "experience.kam_years": Reader("experience.kam_years", "number", _kam_years),
    "experience.commercial_years": Reader("experience.commercial_years", "number", _commercial_years),
    "team_size.value": Reader("team_size.value", "number", _team_size),
    "kpis.any": Reader("kpis.any", "number", _any_of("kpis"), args=True, choices=lambda: KPI_KINDS),
    "signals.any": Reader("signals.any", "number", _any_of("signals"), args=True, choices=signal_kinds),
    "industry.years": Reader("industry.years", "number", _industry_years),
    "industry.required_years": Reader("industry.required_years", "number", _required_industry_years),
}
