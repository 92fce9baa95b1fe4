"""Who a CV is, for the people reading the ranking: the name on it (or a masked id) and the current title.

The name is the one blind mode masks (``redact``): a labelled ``ФИО:``/``Name:`` line, else the
first name-like line of the header. Never a feature of any model.
"""

from __future__ import annotations

from kamscreen.report.redact import _NAME_WORD, _NOT_NAMES, NAME_LABEL

HEADER_CHARS = 600


def display_name(text: str, sha256: str, blind: bool) -> str:
    """The candidate's name as written, or ``candidate 1a2b3c4d`` under ``--blind`` or when none is found."""
    masked = f"candidate {sha256[:8]}" if sha256 else "candidate"
    if blind:
        return masked
    labelled = NAME_LABEL.search(text)
    if labelled:
        return " ".join(labelled["name"].split())[:80]
    lines = [line.strip() for line in text[:HEADER_CHARS].splitlines() if line.strip()][:4]
    for line in lines:
        words = line.replace(",", " ").split()
        if 2 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words) and not _NOT_NAMES.search(line):
            return " ".join(words)
    return masked


def current_title(jobs: list[dict]) -> str:
    """The title (and employer) of the current job, else of the latest one; empty when unknown."""
    if not jobs:
        return ""
    job = max(
        jobs,
        key=lambda j: (
            bool(j.get("current")),
            j.get("start") is not None,
            j.get("end") or "9999-99",
            j.get("start") or "",
        ),
    )
    return " · ".join(p for p in (job.get("title"), job.get("employer")) if p)
