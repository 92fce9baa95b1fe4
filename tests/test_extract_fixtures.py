"""Extraction over the whole fixture corpus against its ground truth (≥ 95 % per field)."""

from __future__ import annotations

import pytest

from kamscreen.extract.evaluation import accuracy, compare


@pytest.fixture(scope="module")
def corpus(fixture_facts):
    return [(truth, facts) for truth, _, facts in fixture_facts]


@pytest.mark.parametrize(
    "field", ["total_years", "key_account_years", "team_size", "language_level", "industry", "job_role", "job_period"]
)
def test_field_accuracy_at_least_95_percent(corpus, field):
    per_cv = [compare(facts, truth) for truth, facts in corpus]
    share, count = accuracy(per_cv)[field]
    misses = [truth["id"] for (truth, _), hits in zip(corpus, per_cv, strict=True) if not all(hits[field])]
    assert count > 0
    assert share >= 0.95, f"{field}: {share:.1%} of {count}; misses in {misses}"


def test_every_evidence_span_points_into_the_text(fixture_facts):
    for truth, parsed, facts in fixture_facts:
        text = parsed.text
        spans = [job.evidence for job in facts.jobs] + [k.evidence for k in facts.kpis]
        spans += [lang.evidence for lang in facts.languages] + [facts.team_size.evidence]
        for evidence in filter(None, spans):
            assert text[evidence.start : evidence.end] == evidence.text, truth["id"]
