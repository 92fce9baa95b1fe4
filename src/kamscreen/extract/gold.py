"""Compare extracted Facts with annotators' gold labels (the schema of real-cvs/LABELING.md).

One gold record per CV: ``jobs`` (start/end as ``YYYY-MM``, ``YYYY`` or ``current``, title,
employer, role, management), ``total_months``, ``key_account_months``, ``team_size``,
``languages`` and ``industry``. :func:`compare` turns one CV into a :class:`CvScore` (a hit or
miss per checked field, plus the aligned jobs); :func:`summarize` gives the figures of a collection.

>>> score = compare(facts, gold)                 # doctest: +SKIP
>>> summarize([score])["total_within_1_month"]   # doctest: +SKIP
(1.0, 1)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kamscreen.extract.model import ROLES, Facts, Job


@dataclass
class CvScore:
    """Per-field outcome for one CV: ``hits[name]`` is True/False, absent when the field is unlabeled."""

    file: str
    hits: dict[str, bool] = field(default_factory=dict)
    mistakes: list[str] = field(default_factory=list)
    #: (gold role, found role or "missing") for every gold job
    roles: list[tuple[str, str]] = field(default_factory=list)
    #: management flag right, for every gold job that was found
    management: list[bool] = field(default_factory=list)

    def check(self, name: str, hit: bool, detail: str) -> None:
        """Record a figure's hit; a miss (or, for an ``*_invented`` figure, a hit) is a mistake."""
        self.hits[name] = hit
        if hit == name.endswith("invented"):
            self.mistakes.append(f"{name}: {detail}")


def months(years: float | None) -> int | None:
    """Whole months of a year figure rounded to 2 decimals (7.83 → 94)."""
    return None if years is None else round(years * 12)


def _same_month(gold: str | None, found: str | None, current: bool = False) -> bool:
    if gold == "current":
        return current
    if gold is None or found is None:
        return gold is None and found is None and not current
    return found[: len(gold)] == gold  # a year-only gold date matches any month of that year


def _norm(text: str | None) -> set[str]:
    return {w for w in "".join(c.lower() if c.isalnum() else " " for c in (text or "")).split() if len(w) > 1}


def _pair_score(gold: dict, job: Job) -> float:
    score = 2.0 * _same_month(gold["start"], job.start) + 1.0 * _same_month(gold["end"], job.end, job.current)
    title, found = _norm(gold.get("title")), _norm(job.title)
    if title and found:
        score += len(title & found) / len(title | found)
    return score


def align_jobs(gold_jobs: list[dict], jobs: tuple[Job, ...]) -> list[Job | None]:
    """For each gold job the found job it corresponds to (best period + title match), or None."""
    pairs = sorted(
        ((_pair_score(g, j), gi, ji) for gi, g in enumerate(gold_jobs) for ji, j in enumerate(jobs)),
        reverse=True,
    )
    matched: list[Job | None] = [None] * len(gold_jobs)
    used: set[int] = set()
    for score, gi, ji in pairs:
        if score < 1.0 or matched[gi] is not None or ji in used:
            continue
        matched[gi] = jobs[ji]
        used.add(ji)
    return matched


def found_languages(facts: Facts) -> set[tuple[str, str | None]]:
    """Languages the CV names as skills (those inferred from the document's language left out)."""
    return {(lang.language, lang.level) for lang in facts.languages if not getattr(lang, "inferred", False)}


def compare(facts: Facts, gold: dict) -> CvScore:
    """Check one CV's facts against its gold record."""
    score = CvScore(gold["file"])
    jobs = facts.jobs
    score.check("jobs_count", len(jobs) == len(gold["jobs"]), f"{len(jobs)} found, {len(gold['jobs'])} labeled")

    total = months(facts.experience.total_years) if jobs else None
    if gold.get("total_months") is not None:
        ok = total is not None and abs(total - gold["total_months"]) <= 1
        score.check("total_within_1_month", ok, f"{total} months found, {gold['total_months']} labeled")
    if gold.get("key_account_months") is not None:
        ka = months(facts.experience.key_account_years) or 0
        ok = abs(ka - gold["key_account_months"]) <= 3
        score.check("key_account_within_3_months", ok, f"{ka} found, {gold['key_account_months']} labeled")

    team = facts.team_size.value
    if gold.get("team_size") is not None:
        evidence = facts.team_size.evidence.text if facts.team_size.evidence else None
        score.check(
            "team_size_exact",
            team == gold["team_size"],
            f"{team} ({evidence!r}) found, {gold['team_size']} labeled ({gold.get('team_size_evidence')!r})",
        )
    else:
        evidence = facts.team_size.evidence.text if facts.team_size.evidence else None
        score.check("team_size_invented", team is not None, f"{team} found in {evidence!r}, none labeled")

    labeled = {(lang["language"], lang["level"]) for lang in gold.get("languages") or []}
    found = found_languages(facts)
    if labeled:
        score.check(
            "languages_exact", found == labeled, f"{sorted(found, key=str)} found, {sorted(labeled, key=str)} labeled"
        )
    else:
        score.check("languages_invented", bool(found), f"{sorted(found, key=str)} found, none labeled")

    if gold.get("industry") is not None:
        score.check(
            "industry", facts.industry == gold["industry"], f"{facts.industry} found, {gold['industry']} labeled"
        )

    for gold_job, job in zip(gold["jobs"], align_jobs(gold["jobs"], jobs), strict=True):
        found_role = job.role if job else "missing"
        score.roles.append((gold_job["role"], found_role))
        if job is not None:
            score.management.append(job.management == gold_job["management"])
            if job.management != gold_job["management"]:
                score.mistakes.append(
                    f"management: {gold_job['title']!r} ({gold_job['start']}) found {job.management}, "
                    f"labeled {gold_job['management']}"
                )
        if job is not None and found_role != gold_job["role"]:
            score.mistakes.append(
                f"role: {gold_job['title']!r} ({gold_job['start']}) found {found_role}, labeled {gold_job['role']}"
            )
    return score


def exact_export(facts: Facts, gold: dict) -> list[str]:
    """Every difference between an hh.ru export's facts and its gold record (empty: exactly right)."""
    problems = []
    if len(facts.jobs) != len(gold["jobs"]):
        problems.append(f"{len(facts.jobs)} jobs found, {len(gold['jobs'])} labeled")
    for gold_job, job in zip(gold["jobs"], facts.jobs, strict=False):
        for name in ("title", "employer"):
            if (getattr(job, name) or None) != gold_job[name]:
                problems.append(f"{name} {getattr(job, name)!r} found, {gold_job[name]!r} labeled")
        if not (_same_month(gold_job["start"], job.start) and _same_month(gold_job["end"], job.end, job.current)):
            problems.append(
                f"period {job.start}–{job.end or 'current'} found, {gold_job['start']}–{gold_job['end']} labeled"
            )
    total = months(facts.experience.total_years)
    if total != gold["total_months"]:
        problems.append(f"total {total} months found, {gold['total_months']} labeled")
    labeled = {(lang["language"], lang["level"]) for lang in gold["languages"]}
    if found_languages(facts) != labeled:
        problems.append(
            f"languages {sorted(found_languages(facts), key=str)} found, {sorted(labeled, key=str)} labeled"
        )
    return problems


#: the figures of a collection, in print order
FIGURES = (
    "total_within_1_month",
    "jobs_count",
    "key_account_within_3_months",
    "key_account_recall",
    "role_per_job",
    "management_per_job",
    "team_size_exact",
    "team_size_invented",
    "languages_exact",
    "languages_invented",
    "industry",
)


def summarize(scores: list[CvScore]) -> dict[str, tuple[float, int]]:
    """Figure → (share, number of items) over a collection; absent figures have no items."""
    figures: dict[str, tuple[float, int]] = {}
    for name in FIGURES:
        flat = [s.hits[name] for s in scores if name in s.hits]
        figures[name] = (sum(flat) / len(flat) if flat else float("nan"), len(flat))
    pairs = [pair for s in scores for pair in s.roles]
    matched = [p for p in pairs if p[1] != "missing"]
    figures["role_per_job"] = (
        sum(g == f for g, f in matched) / len(matched) if matched else float("nan"),
        len(matched),
    )
    flags = [hit for s in scores for hit in s.management]
    figures["management_per_job"] = (sum(flags) / len(flags) if flags else float("nan"), len(flags))
    key = [f == "key_account" for g, f in pairs if g == "key_account"]
    figures["key_account_recall"] = (sum(key) / len(key) if key else float("nan"), len(key))
    return figures


def confusion(scores: list[CvScore]) -> dict[str, Counter]:
    """Gold role → Counter of found roles (``missing`` when no job was matched)."""
    table: dict[str, Counter] = {role: Counter() for role in ROLES}
    for s in scores:
        for gold_role, found_role in s.roles:
            table[gold_role][found_role] += 1
    return table
