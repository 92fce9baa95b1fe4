"""Red and green flags: plain-words warnings and strengths, each with the evidence behind it.

Red: ``sales_without_key_account``, ``short_tenure``, ``gap``, ``stated_mismatch``,
``needs_ocr``, ``parse_error``. Green: ``pnl``, ``c_level_negotiation``, ``kpi_numbers``,
``industry_match``.
"""

from __future__ import annotations

from kamscreen.extract.model import Facts
from kamscreen.score.model import Flag
from kamscreen.score.tenure import average_tenure_years, gaps

SHORT_TENURE_YEARS = 1.5  # average job length below this, over at least MIN_JOBS_FOR_TENURE jobs
MIN_JOBS_FOR_TENURE = 3
GAP_MONTHS = 12  # a break longer than this between consecutive jobs


def find_flags(facts: Facts, industry: str | None = None) -> tuple[Flag, ...]:
    """All flags of one candidate: red first, then green."""
    if facts.status == "needs_ocr":
        return (
            Flag(
                "needs_ocr",
                "red",
                "The file is a scanned image without a text layer: it needs OCR before it can be screened.",
            ),
        )
    if facts.status != "ok":
        detail = (facts.error or {}).get("message", "")
        return (Flag("parse_error", "red", f"The file could not be read{': ' + detail if detail else '.'}"),)
    return _red(facts) + _green(facts, industry)


def _red(facts: Facts) -> tuple[Flag, ...]:
    flags: list[Flag] = []
    sales = [j for j in facts.jobs if j.role == "sales"]
    if sales and not (facts.experience.key_account_years or 0) > 0:
        flags.append(
            Flag(
                "sales_without_key_account",
                "red",
                f"{len(sales)} sales job(s) but no key-account experience: a salesperson presented as a "
                "KAM is the most common hiring mistake.",
                tuple(j.evidence for j in sales if j.evidence),
            )
        )
    tenure = average_tenure_years(facts.jobs, facts.as_of)
    if len(facts.jobs) >= MIN_JOBS_FOR_TENURE and tenure is not None and tenure < SHORT_TENURE_YEARS:
        flags.append(
            Flag(
                "short_tenure",
                "red",
                f"Short tenure: {tenure:.1f} years per job on average over {len(facts.jobs)} jobs.",
                tuple(j.evidence for j in facts.jobs if j.evidence),
            )
        )
    for before, after, months in gaps(facts.jobs, facts.as_of):
        if months > GAP_MONTHS:
            flags.append(
                Flag(
                    "gap",
                    "red",
                    f"A gap of {months} months without work between {before.end or before.start} and {after.start}.",
                    tuple(e for e in (before.evidence, after.evidence) if e),
                )
            )
    exp = facts.experience
    if exp.stated_mismatch:
        flags.append(
            Flag(
                "stated_mismatch",
                "red",
                f"The CV states {exp.stated_total_years} years of experience but its jobs add up to {exp.total_years}.",
                (exp.stated_evidence,) if exp.stated_evidence else (),
            )
        )
    return tuple(flags)


def _green(facts: Facts, industry: str | None) -> tuple[Flag, ...]:
    flags: list[Flag] = []
    pnl = [k for k in facts.kpis if k.kind in ("pnl", "margin")]
    if pnl:
        flags.append(Flag("pnl", "green", "Responsible for P&L or margins.", tuple(k.evidence for k in pnl[:3])))
    c_level = [k for k in facts.kpis if k.kind == "c_level_negotiation"]
    if c_level:
        flags.append(
            Flag(
                "c_level_negotiation",
                "green",
                "Negotiates at C-level (first persons).",
                tuple(k.evidence for k in c_level[:3]),
            )
        )
    numbers = [k for k in facts.kpis if k.value]
    if numbers:
        shown = ", ".join(sorted({k.value for k in numbers if k.value})[:3])
        flags.append(
            Flag(
                "kpi_numbers", "green", f"Results backed by numbers ({shown}).", tuple(k.evidence for k in numbers[:3])
            )
        )
    if industry:
        years = next((i.years for i in facts.industries if i.industry == industry), 0.0)
        if years > 0:
            evidence = [j.evidence for j in facts.jobs if j.industry == industry and j.evidence]
            flags.append(
                Flag(
                    "industry_match",
                    "green",
                    f"{years:g} years in {industry}, the industry required.",
                    tuple(evidence[:3]),
                )
            )
    return tuple(flags)
