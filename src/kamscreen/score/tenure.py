"""Tenures and gaps of the job timeline (month arithmetic: :mod:`kamscreen.months`)."""

from __future__ import annotations

from kamscreen.extract.model import Job
from kamscreen.months import month_index


def job_months(job: Job, as_of: str) -> int:
    """Length of a job in months, counting both the first and the last month."""
    if job.start is None:
        return 0
    try:
        return max(1, month_index(job.end or as_of[:7]) - month_index(job.start) + 1)
    except (ValueError, AttributeError):
        return 0


def average_tenure_years(jobs: tuple[Job, ...], as_of: str) -> float | None:
    """Mean job length in years; None without jobs."""
    months = [m for m in (job_months(j, as_of) for j in jobs) if m > 0]
    return round(sum(months) / len(months) / 12, 2) if months else None


def gaps(jobs: tuple[Job, ...], as_of: str) -> list[tuple[Job, Job, int]]:
    """(previous job, next job, months without work) for every break between jobs, in time order.

    Overlapping jobs never make a gap: the break is measured from the latest end seen so far.
    """
    dated = []
    for job in jobs:
        if job.start is None:
            continue
        try:
            dated.append((month_index(job.start), month_index(job.end or as_of[:7]), job))
        except (ValueError, AttributeError):
            continue
    dated.sort(key=lambda item: (item[0], item[1]))
    found: list[tuple[Job, Job, int]] = []
    latest: tuple[int, Job] | None = None  # the latest end seen so far, and its job
    for start, end, job in dated:
        if latest is not None and start - latest[0] - 1 > 0:
            found.append((latest[1], job, start - latest[0] - 1))
        if latest is None or end > latest[0]:
            latest = end, job
    return found
