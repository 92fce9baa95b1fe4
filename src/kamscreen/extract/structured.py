"""Facts a structured format states in its fields (``ParsedCV.structured``, e.g. hh.ru's JSON):
the jobs and the languages, taken as they are, each with its evidence in the laid-out text.

A job's industry is the one its stated industry names give (read as hh.ru industry lines are read,
``lexicons/industries.yaml``), ``other`` when they name none; roles, team size and KPIs are read
from the text of each job (its ``description`` span), as for any other CV.

>>> from kamscreen.parse.model import ParsedCV, StructuredCV, StructuredLanguage
>>> cv = ParsedCV("cv.json", "ok", "Английский — C1 — Продвинутый",
...               structured=StructuredCV("hh_json", "1", (), (StructuredLanguage("en", "C1", (0, 29)),), None))
>>> [(s.language, s.level, s.evidence.text) for s in languages(cv)]
[('en', 'C1', 'Английский — C1 — Продвинутый')]
"""

from __future__ import annotations

from kamscreen.extract.industry_lexicon import hh_line_industry
from kamscreen.extract.language_levels import RANK
from kamscreen.extract.model import Evidence, Job, LanguageSkill
from kamscreen.parse.model import ParsedCV


def jobs(parsed: ParsedCV) -> list[Job]:
    """The jobs of ``parsed.structured`` in their order, the period line and the block as evidence."""
    text = parsed.text
    return (
        [
            Job(
                start=j.start,
                end=j.end,
                current=j.end is None,
                title=j.title,
                employer=j.employer,
                industry=stated_industry(j.industries),
                evidence=Evidence.of(text, *j.period),
                description=Evidence.of(text, *j.block),
            )
            for j in parsed.structured.jobs
        ]
        if parsed.structured
        else []
    )


def stated_industry(names: tuple[str, ...]) -> str:
    """The first specific industry the names give ("Финансовый сектор" → ``finance``), else ``other``.

    >>> stated_industry(("Услуги для бизнеса", "Банк")), stated_industry(("Бытовые услуги",))
    ('finance', 'other')
    """
    for name in names:
        found = hh_line_industry(name)
        if found and found != "other":
            return found
    return "other"


def languages(parsed: ParsedCV) -> tuple[LanguageSkill, ...]:
    """The languages of ``parsed.structured``, each once (its highest level), in their order."""
    if not parsed.structured:
        return ()
    best: dict[str, LanguageSkill] = {}
    for lang in parsed.structured.languages:
        skill = LanguageSkill(lang.language, lang.level, Evidence.of(parsed.text, *lang.span))
        old = best.get(lang.language)
        if old is None or RANK.get(skill.level, 0) > RANK.get(old.level, 0):
            best[lang.language] = skill
    return tuple(best.values())
