"""Extract stage: ParsedCV → Facts. One grammar module per fact type, composed here.

>>> from kamscreen import parse, extract
>>> facts = extract(parse("data/fixtures/ru_kam_director_01.pdf"))   # doctest: +SKIP
>>> facts.experience.key_account_years                                # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from kamscreen.extract.model import Facts, Job
from kamscreen.parse.model import ParsedCV


def extract(parsed: ParsedCV, as_of: dt.date | None = None) -> Facts:
    """Find the facts of one parsed CV. ``as_of`` overrides the document date ("present")."""
    from kamscreen.extract import experience, industry, kpis, languages, roles, signals, structured, team, timeline
    from kamscreen.nlp import make_doc

    present = as_of or parsed.document_date.date or dt.date.today()
    base = Facts(
        file=parsed.file,
        status=parsed.status,
        language=parsed.language,
        as_of=present.isoformat(),
        error=parsed.error.to_dict() if parsed.error else None,
        sha256=parsed.sha256,
    )
    if not parsed.ok or not parsed.text.strip():
        return base

    doc = make_doc(parsed.text, parsed.language)
    given = parsed.structured is not None  # jobs and languages stated in fields (hh.ru JSON)
    jobs: list[Job] = []
    history = timeline.Timeline(tuple(structured.jobs(parsed))) if given else timeline.read(parsed, present)
    for job in history.jobs:
        verdict = roles.classify(job, doc)
        jobs.append(replace(job, role=verdict.role, management=verdict.management, b2b=verdict.b2b))
    # a job whose industry a field states (hh.ru JSON) keeps it
    jobs_t = tuple(
        job if job.industry != "other" else replace(job, industry=found)
        for job, found in zip(jobs, industry.classify_jobs(jobs, doc), strict=True)
    )
    return replace(
        base,
        jobs=jobs_t,
        experience=experience.compute(jobs_t, present, parsed.text),
        team_size=team.find_team_size(doc),
        languages=structured.languages(parsed) if given else languages.find_languages(parsed, doc),
        industry=industry.overall(jobs_t, present, doc),
        industries=industry.by_years(jobs_t, present),
        kpis=kpis.find_kpis(doc),
        signals=signals.find_signals(doc),
        warnings=history.warnings,
    )
