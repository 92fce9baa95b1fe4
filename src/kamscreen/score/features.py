"""Features of the fit model, from an explicit allow-list of fact fields and the job descriptions.

Nothing else reaches the model: no name, gender, age, birth date, photo, marital status or
nationality (they are never read; the text comes only from job-description spans, stripped of
the protected lexicon; ``protected.check_feature_names`` guards the names).

>>> from kamscreen.score.features import NUMERIC_FEATURES
>>> "key_account_years" in NUMERIC_FEATURES
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

import pandas as pd

from kamscreen.extract.model import KPI_KINDS, ROLES, signal_kinds
from kamscreen.nlp.morph import lemma_of
from kamscreen.score.model import Assessment
from kamscreen.score.protected import check_feature_names, lexicon
from kamscreen.score.readers import LEVEL_ORDER
from kamscreen.score.tenure import average_tenure_years, job_months

STATUS_ORDINAL = {"not_met": 0.0, "no_data": 1.0, "partly": 2.0, "met": 3.0}
TEXT_COLUMN = "text"


def _years(field: str) -> Callable[[Assessment], float]:
    return lambda a: float(getattr(a.facts.experience, field) or 0.0)


def _english(a: Assessment) -> float:
    """The stated English level (an English CV's inferred English is not a statement)."""
    levels = [
        LEVEL_ORDER[s.level]
        for s in a.facts.languages
        if s.language == "en" and s.level in LEVEL_ORDER and not s.inferred
    ]
    return float(min(max(levels), LEVEL_ORDER["C2"])) if levels else 0.0  # native counts as C2


def _role_share(role: str) -> Callable[[Assessment], float]:
    def share(a: Assessment) -> float:
        months = [(j.role, job_months(j, a.facts.as_of)) for j in a.facts.jobs]
        total = sum(m for _, m in months)
        return sum(m for r, m in months if r == role) / total if total else 0.0

    return share


def _count(attr: str, kind: str) -> Callable[[Assessment], float]:
    return lambda a: float(sum(1 for item in getattr(a.facts, attr) if item.kind == kind))


@cache
def numeric_features() -> dict[str, Callable[[Assessment], float]]:
    """The allow-list: feature name → how it is read. Order is the column order of the model
    (also ``NUMERIC_FEATURES``)."""
    features = {
        "total_years": _years("total_years"),
        "b2b_years": _years("b2b_years"),
        "key_account_years": _years("key_account_years"),
        "management_years": _years("management_years"),
        "team_size": lambda a: float(min(a.facts.team_size.value or 0, 200)),
        "team_size_missing": lambda a: float(a.facts.team_size.value is None),
        "english_level": _english,
        "english_missing": lambda a: float(_english(a) == 0.0),
        "n_jobs": lambda a: float(len(a.facts.jobs)),
        "avg_tenure_years": lambda a: float(average_tenure_years(a.facts.jobs, a.facts.as_of) or 0.0),
        **{f"kpi_{k}": _count("kpis", k) for k in KPI_KINDS},
        "kpi_with_numbers": lambda a: float(sum(1 for k in a.facts.kpis if k.value)),
        **{f"signal_{s}": _count("signals", s) for s in signal_kinds()},
        **{f"share_{r}": _role_share(r) for r in ROLES},
    }
    check_feature_names(features)
    return features


def __getattr__(name: str):
    # ``NUMERIC_FEATURES`` is built on first use: the signal kinds come from a lexicon file.
    if name == "NUMERIC_FEATURES":
        return numeric_features()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def status_columns(criterion_ids: Sequence[str]) -> list[str]:
    """Column names of the checklist statuses (ordinal: not_met < no_data < partly < met)."""
    names = [f"status_{c}" for c in criterion_ids]
    check_feature_names(names)
    return names


def frame(assessments: Sequence[Assessment], criterion_ids: Sequence[str]) -> pd.DataFrame:
    """One row per candidate: allow-listed numbers, checklist statuses and the job-description text."""
    rows = []
    for a in assessments:
        row: dict[str, float | str] = {name: read(a) for name, read in numeric_features().items()}
        statuses = {c.id: c.status for c in a.checklist.criteria}
        for cid, col in zip(criterion_ids, status_columns(criterion_ids), strict=True):
            row[col] = STATUS_ORDINAL[statuses.get(cid, "no_data")]
        row[TEXT_COLUMN] = job_text(a)
        rows.append(row)
    columns = list(numeric_features()) + status_columns(criterion_ids) + [TEXT_COLUMN]
    return pd.DataFrame(rows, columns=columns)


_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


def job_text(a: Assessment) -> str:
    """The lemmatized words of the job descriptions (the NLP stage's lemmas,
    :func:`kamscreen.nlp.morph.lemma_of`), protected words and digits removed."""
    lex = lexicon()
    parts = [j.description.text for j in a.facts.jobs if j.description]
    text = lex.strip_patterns("\n".join(parts))
    kept = []
    for word in (w.lower() for w in _WORD.findall(text)):
        lemma = lemma_of(word)
        if not (lex.is_protected_word(word) or lex.is_protected_word(lemma)):
            kept.append(lemma)
    return " ".join(kept)
