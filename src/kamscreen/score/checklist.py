"""Score Facts against a profile's checklist: per-criterion status, weighted score, caps, verdict.

Statuses: ``met`` (credit 1), ``partly`` (0.5), ``not_met`` (0), ``no_data`` (0, the CV is
silent). Score = 100 × Σ weight·credit / Σ weight, then capped: a must-have ``not_met`` caps it
at ``caps.must_have_not_met`` (40), a must-have ``no_data`` at ``caps.must_have_no_data`` (60).
Verdict: ``pass`` iff every must-have is met; ``fail`` when a must-have is not met or only
partly; ``no_data`` when the only gaps are must-haves the CV says nothing about.
"""

from __future__ import annotations

from kamscreen.extract.model import Facts
from kamscreen.score.model import Checklist, CriterionResult
from kamscreen.score.profiles import Criterion, Profile
from kamscreen.score.readers import ordinal

CREDIT = {"met": 1.0, "partly": 0.5, "not_met": 0.0, "no_data": 0.0}
VERDICTS = ("pass", "fail", "no_data")


def evaluate(facts: Facts, profile: Profile, industry: str | None = None) -> Checklist:
    """The checklist of one candidate under ``profile`` (``industry`` adds ``requires: industry`` lines)."""
    results = tuple(judge(facts, crit, industry) for crit in profile.applicable(industry))
    total = sum(r.weight for r in results)
    score = raw = 100.0 * sum(r.weight * CREDIT[r.status] for r in results) / total if total else 0.0
    musts = [r for r in results if r.must_have]
    if any(r.status == "not_met" for r in musts):
        score = min(score, profile.caps.must_have_not_met)
    if any(r.status == "no_data" for r in musts):
        score = min(score, profile.caps.must_have_no_data)
    if all(r.status == "met" for r in musts):
        verdict = "pass"
    elif any(r.status in ("not_met", "partly") for r in musts):
        verdict = "fail"
    else:
        verdict = "no_data"
    first = [r for r in results if r.id in profile.rank_first]
    core = sum(r.weight * CREDIT[r.status] for r in first) / sum(r.weight for r in first) if first else None
    return Checklist(
        profile=profile.name,
        score=round(score, 1),
        verdict=verdict,
        criteria=results,
        raw_score=round(raw, 1),
        core=core,
    )


def judge(facts: Facts, crit: Criterion, industry: str | None = None) -> CriterionResult:
    """Read the criterion's fact and compare it with the thresholds."""
    reading = crit.reader.read(facts, crit.args, industry)
    value = reading.value
    if value is None:
        status = "no_data"
    elif _passes(crit.op, value, crit.threshold):
        status = "met"
    elif crit.partly is not None and _passes(crit.op, value, crit.partly):
        status = "partly"
    else:
        status = "not_met"
    return CriterionResult(
        id=crit.id,
        label_en=crit.label_en,
        label_ru=crit.label_ru,
        status=status,
        value=value,
        threshold=crit.threshold,
        must_have=crit.must_have,
        weight=crit.weight,
        evidence=reading.evidence,
        note=reading.note,
        fact=crit.fact,
    )


def _passes(op: str, value: object, bar: object) -> bool:
    v, b = ordinal(value), ordinal(bar)
    if not isinstance(v, (int, float)) or not isinstance(b, (int, float)):
        return False
    return {">=": v >= b, ">": v > b, "<=": v <= b, "<": v < b}[op]
