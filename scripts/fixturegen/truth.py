"""Ground truth computed from a CVSpec and its Doc, and the checks that keep it self-consistent."""

from __future__ import annotations

import re
from collections import defaultdict

from . import dates as D
from .model import CVSpec, Doc

PORTFOLIO_KPIS = {"revenue_growth", "retention", "nps", "ltv", "churn", "portfolio_growth"}
ENGLISH_OK = {"B2", "C1", "C2", "native"}
# words that evidence each KPI kind: a generated CV must contain exactly the kinds it was given
KPI_TRIGGERS = {
    "revenue_growth": r"выручк|revenue|рост продаж|grew sales",
    "retention": r"retention|удержани",
    "nps": r"\bNPS\b",
    "ltv": r"\bLTV\b",
    "churn": r"\bchurn|отток",
    "pnl": r"P&L",
    "margin": r"маржинальн|margin",
    "receivables": r"дебитор|receivable",
    "portfolio_growth": r"портфел|portfolio",
    "upsell_cross_sell": r"cross-sell|up-sell|кросс-продаж|апселл",
    "c_level_negotiation": r"C-level|первыми лицами",
    "crm_bi_tools": r"Salesforce|Power BI|amoCRM|Bitrix24|SberCRM|Tableau|Megaplan|\bCRM\b",
}


def months_of(start: D.Month, end: D.Month | None, doc: D.Month) -> set[int]:
    return set(range(D.index(start), D.index(end or doc) + 1))


def years(months: set[int]) -> float:
    return round(len(months) / 12, 2)


def experience(cv: CVSpec) -> dict:
    doc = (cv.document_date.year, cv.document_date.month)
    union = lambda pred: set().union(*[months_of(j.start, j.end, doc) for j in cv.jobs if pred(j)])  # noqa: E731
    return {
        "total_years": years(union(lambda j: True)),
        "b2b_years": years(union(lambda j: j.b2b)),
        "key_account_years": years(union(lambda j: j.role == "key_account")),
        "management_years": years(union(lambda j: j.management)),
        "stated_total_years": cv.stated_years,
    }


def main_industry(cv: CVSpec) -> str:
    """The industry with most (union) months; ties go to the most recent one."""
    doc = (cv.document_date.year, cv.document_date.month)
    per: dict[str, set[int]] = defaultdict(set)
    latest: dict[str, int] = defaultdict(int)
    for j in cv.jobs:
        m = months_of(j.start, j.end, doc)
        per[j.industry] |= m
        latest[j.industry] = max(latest[j.industry], max(m))
    return max(per, key=lambda ind: (len(per[ind]), latest[ind]))


def verdict(exp: dict, team: int | None, languages: list[dict], kpis: list[str]) -> str:
    english = any(lang["language"] == "en" and lang["level"] in ENGLISH_OK for lang in languages)
    ok = exp["key_account_years"] >= 5 and (team or 0) >= 5 and english and bool(PORTFOLIO_KPIS & set(kpis))
    return "pass" if ok else "fail"


def _pick(paras: list, hi: int = 12) -> list[str]:
    """Key phrases in text order: every non-experience candidate, experience ones spread evenly to fill ``hi``."""
    cands = [p for p in paras if p.key and p.text]
    exp = [p for p in cands if p.section == "experience"]
    room = max(hi - (len(cands) - len(exp)), 2)
    if len(exp) > room:
        step = (len(exp) - 1) / (room - 1)
        keep = {id(exp[round(i * step)]) for i in range(room)}
        cands = [p for p in cands if p.section != "experience" or id(p) in keep]
    return [p.text for p in cands]


def build_truth(cv: CVSpec, doc: Doc, hire_stage: str) -> dict:
    from .personas import EXT

    main = doc.main_paras()
    keys = _pick(main)
    exp_block = [p.text for p in main if p.exp]
    main_text = "\n".join(p.text for p in main)
    sidebar = [p.text for p in doc.sidebar if p.text and p.text not in main_text]
    languages = [{"language": lang.iso, "level": lang.level} for lang in cv.languages]
    exp = experience(cv)
    kpis = sorted(cv.kpis)
    jobs = [
        {
            "start": D.iso(j.start),
            "end": D.iso(j.end) if j.end else None,
            "current": j.end is None,
            "title": j.title,
            "employer": j.employer,
            "role": j.role,
            "management": j.management,
            "b2b": j.b2b,
            "industry": j.industry,
            "period_text": j.period_text,
        }
        for j in cv.jobs
    ]
    return {
        "id": cv.id,
        "file": f"cvs/{cv.id}.{EXT[cv.fmt]}",
        "format": cv.fmt,
        "layout": cv.layout,
        "language": cv.lang,
        "document_date": cv.document_date.isoformat(),
        "document_date_source": cv.date_source,
        "persona": cv.persona,
        "key_phrases": keys,
        "experience_block": exp_block,
        "sidebar_phrases": sidebar,
        "jobs": jobs,
        "experience": exp,
        "team_size": cv.team_size,
        "languages": languages,
        "industry": main_industry(cv),
        "kpis": kpis,
        "kam_director_verdict": verdict(exp, cv.team_size, languages, kpis),
        "hire_stage": hire_stage,
    }


def check(truth: dict, doc: Doc) -> None:
    """Recompute the truth a second way from its own jobs and from the text; raise on any disagreement."""
    doc_y, doc_m = map(int, truth["document_date"][:7].split("-"))
    month_sets: dict[str, set] = defaultdict(set)
    for j in truth["jobs"]:
        y, m = map(int, j["start"].split("-"))
        ey, em = map(int, (j["end"] or f"{doc_y}-{doc_m}").split("-"))
        assert (y, m) <= (ey, em), (truth["id"], j)
        assert j["current"] == (j["end"] is None)
        cur = (y, m)
        while cur <= (ey, em):
            month_sets["total"].add(cur)
            for flag, name in ((j["b2b"], "b2b"), (j["role"] == "key_account", "ka"), (j["management"], "mgmt")):
                if flag:
                    month_sets[name].add(cur)
            cur = (cur[0] + cur[1] // 12, cur[1] % 12 + 1)
    e = truth["experience"]
    for field, name in (
        ("total_years", "total"),
        ("b2b_years", "b2b"),
        ("key_account_years", "ka"),
        ("management_years", "mgmt"),
    ):
        assert abs(e[field] - round(len(month_sets[name]) / 12, 2)) < 1e-9, (truth["id"], field)
    text = "\n".join(p.text for p in doc.main_paras()) + "\n" + "\n".join(p.text for p in doc.sidebar)
    found = {kind for kind, rx in KPI_TRIGGERS.items() if re.search(rx, text)}
    assert found == set(truth["kpis"]), (truth["id"], sorted(found), truth["kpis"])
    assert 6 <= len(truth["key_phrases"]) <= 12, (truth["id"], len(truth["key_phrases"]))
    pos = 0
    main_text = "\n".join(p.text for p in doc.main_paras())
    for phrase in truth["key_phrases"]:
        pos = main_text.index(phrase, pos) + len(phrase)
    if truth["team_size"] is not None:
        assert truth["team_size"] > 0
    assert truth["industry"] in {j["industry"] for j in truth["jobs"]}
