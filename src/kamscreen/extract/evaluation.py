"""Compare extracted Facts with a ground-truth JSON (the fixture format of data/fixtures/truth).

Each field gives a list of hits (one per item checked), so accuracy is ``sum(hits) / len(hits)``:

>>> hits = compare(facts, truth)          # doctest: +SKIP
>>> accuracy(hits)["team_size"]           # doctest: +SKIP
1.0
"""

from __future__ import annotations

from kamscreen.extract.model import Facts

#: field → tolerance in years for the year figures (1 month, 3 months).
YEAR_TOLERANCE = {"total_years": 1 / 12 + 1e-6, "key_account_years": 3 / 12 + 1e-6}
FIELDS = ("total_years", "key_account_years", "team_size", "language_level", "industry", "job_role", "job_period")


def compare(facts: Facts, truth: dict) -> dict[str, list[bool]]:
    """Hits per field for one CV: years within tolerance, team size / levels / industry / roles exact."""
    hits: dict[str, list[bool]] = {name: [] for name in FIELDS}
    for name, tolerance in YEAR_TOLERANCE.items():
        expected = truth["experience"].get(name)
        found = getattr(facts.experience, name)
        if expected is None or found is None:
            hits[name].append(expected == found or (not expected and not found))
        else:
            hits[name].append(abs(found - expected) <= tolerance)
    hits["team_size"].append(facts.team_size.value == truth.get("team_size"))
    found_levels = {lang.language: lang.level for lang in facts.languages}
    for lang in truth.get("languages", []):
        hits["language_level"].append(found_levels.get(lang["language"]) == lang["level"])
    hits["industry"].append(facts.industry == truth.get("industry"))
    found_jobs = {job.start: job for job in facts.jobs}
    for job in truth.get("jobs", []):
        match = found_jobs.get(job["start"])
        hits["job_period"].append(match is not None and match.end == job["end"])
        hits["job_role"].append(match is not None and match.role == job["role"])
    return hits


def accuracy(per_cv: list[dict[str, list[bool]]]) -> dict[str, tuple[float, int]]:
    """Field → (share of hits, number of items) over many CVs."""
    totals: dict[str, tuple[float, int]] = {}
    for name in FIELDS:
        flat = [hit for hits in per_cv for hit in hits[name]]
        totals[name] = (sum(flat) / len(flat) if flat else 1.0, len(flat))
    return totals
