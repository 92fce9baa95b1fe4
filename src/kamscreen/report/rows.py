"""One flat row per candidate for the spreadsheet outputs (CSV and XLSX share it)."""

from __future__ import annotations

from kamscreen.extract.model import CEFR_LEVELS
from kamscreen.report.model import Candidate

KEY_COLUMNS = (
    "rank",
    "file",
    "other_files",
    "status",
    "checklist_score",
    "verdict",
    "fit_probability",
    "ranked_by",
    "total_years",
    "key_account_years",
    "b2b_years",
    "team_size",
    "english_level",
    "industry",
)
TAIL_COLUMNS = ("red_flags", "green_flags", "needs_human_read", "possible_duplicates", "error")
CRITERION_PREFIX = "crit_"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def criterion_ids(candidates: list[Candidate]) -> list[str]:
    """Criterion ids in profile order (union over candidates, first seen first)."""
    seen: dict[str, None] = {}
    for cand in candidates:
        for crit in (cand.assessment or {}).get("checklist", {}).get("criteria", []):
            seen.setdefault(crit["id"], None)
    return list(seen)


def columns(candidates: list[Candidate]) -> list[str]:
    return [*KEY_COLUMNS, *(criterion_column(c) for c in criterion_ids(candidates)), *TAIL_COLUMNS]


def criterion_column(criterion_id: str) -> str:
    """The column holding a criterion's status (``met``/``partly``/``not_met``/``no_data``)."""
    return CRITERION_PREFIX + criterion_id


def row(cand: Candidate, criteria: list[str]) -> dict:
    """The flat values of one candidate (numbers stay numbers; None for unknown)."""
    a = cand.assessment or {}
    exp = a.get("experience") or {}
    checklist = a.get("checklist") or {}
    statuses = {c["id"]: c["status"] for c in checklist.get("criteria", [])}
    flags = a.get("flags") or []
    values = {
        "rank": cand.rank,
        "file": cand.file,
        "other_files": cand.files_text() or None,
        "status": cand.status,
        "checklist_score": checklist.get("score"),
        "verdict": checklist.get("verdict"),
        "fit_probability": (a.get("fit") or {}).get("probability"),
        "ranked_by": cand.ranked_by or None,
        "total_years": exp.get("total_years"),
        "key_account_years": exp.get("key_account_years"),
        "b2b_years": exp.get("b2b_years"),
        "team_size": (a.get("team_size") or {}).get("value"),
        "english_level": english_level(a),
        "industry": a.get("industry"),
        "red_flags": "; ".join(f["message"] for f in flags if f.get("severity") == "red") or None,
        "green_flags": "; ".join(f["message"] for f in flags if f.get("severity") == "green") or None,
        "needs_human_read": a.get("needs_human_read"),
        "possible_duplicates": cand.possible_text() or None,
        "error": f"{cand.error['code']}: {cand.error['message']}" if cand.error else None,
    }
    values.update({criterion_column(cid): statuses.get(cid) for cid in criteria})
    return values


def english_level(assessment: dict) -> str | None:
    """The best stated English level (CEFR or ``native``)."""
    levels = [lang.get("level") for lang in assessment.get("languages", []) if lang.get("language") == "en"]
    known = [lv for lv in levels if lv in CEFR_LEVELS]
    if known:
        return max(known, key=CEFR_LEVELS.index)
    return "unstated" if levels else None


def neutralise(value):
    """A spreadsheet-safe cell: text that a spreadsheet would run as a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unneutralise(value: str) -> str:
    """The text ``neutralise`` (or the report's labels export) quoted: ``'=x`` → ``=x``."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value
