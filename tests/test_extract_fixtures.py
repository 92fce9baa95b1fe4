"""Extraction over the whole fixture corpus against its ground truth (≥ 95 % per field)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kamscreen.extract import extract
from kamscreen.extract.evaluation import accuracy, compare
from kamscreen.parse import parse

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"
TRUTHS = sorted((FIXTURES / "truth").glob("*.json"))


def _facts(truth: dict):
    as_of = dt.date.fromisoformat(truth["document_date"])
    return extract(parse(FIXTURES / truth["file"], as_of=as_of), as_of=as_of)


@pytest.fixture(scope="module")
def corpus():
    if len(TRUTHS) < 40:
        pytest.fail(f"the fixture corpus has {len(TRUTHS)} CVs; run scripts/make_fixtures.py")
    pairs = []
    for path in TRUTHS:
        truth = json.loads(path.read_text(encoding="utf-8"))
        pairs.append((truth, _facts(truth)))
    return pairs


@pytest.mark.parametrize("field", ["total_years", "key_account_years", "team_size", "language_level",
                                   "industry", "job_role", "job_period"])
def test_field_accuracy_at_least_95_percent(corpus, field):
    per_cv = [compare(facts, truth) for truth, facts in corpus]
    share, count = accuracy(per_cv)[field]
    misses = [truth["id"] for (truth, _), hits in zip(corpus, per_cv) if not all(hits[field])]
    assert count > 0
    assert share >= 0.95, f"{field}: {share:.1%} of {count}; misses in {misses}"


def test_every_evidence_span_points_into_the_text(corpus):
    for truth, facts in corpus:
        text = parse(FIXTURES / truth["file"]).text
        spans = [job.evidence for job in facts.jobs] + [k.evidence for k in facts.kpis]
        spans += [lang.evidence for lang in facts.languages] + [facts.team_size.evidence]
        for evidence in filter(None, spans):
            assert text[evidence.start:evidence.end] == evidence.text, truth["id"]
