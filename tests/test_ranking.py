"""Ranking: must-haves gate (verdict tiers), then the model or the checklist score orders."""
from __future__ import annotations

from kamscreen.extract.model import Facts
from kamscreen.score import rank
from kamscreen.score.model import Assessment, Checklist


class _StubModel:
    """Stands in for a FitModel: fixed probabilities by file name, no reasons."""

    name = "stub"

    def __init__(self, probs: dict[str, float]):
        self.probs = probs

    def predict_proba(self, items):
        return [self.probs[a.facts.file] for a in items]

    def explain(self, assessment):
        return ()


def _assessment(file: str, verdict: str, score: float) -> Assessment:
    facts = Facts(file=file, status="ok", language="en", as_of="2025-01-01")
    return Assessment(facts=facts, checklist=Checklist("kam-director", score, verdict))


def test_a_pass_outranks_a_fail_the_model_likes_more():
    items = [_assessment("fail.pdf", "fail", 60), _assessment("pass.pdf", "pass", 80),
             _assessment("silent.pdf", "no_data", 60)]
    ranked = rank(items, _StubModel({"fail.pdf": 0.9, "pass.pdf": 0.2, "silent.pdf": 0.5}))
    assert [a.facts.file for a in ranked] == ["pass.pdf", "silent.pdf", "fail.pdf"]
    assert [a.rank for a in ranked] == [1, 2, 3]
    assert ranked[2].fit.probability == 0.9


def test_within_a_verdict_the_model_orders_then_the_score():
    items = [_assessment("a.pdf", "pass", 95), _assessment("b.pdf", "pass", 70), _assessment("c.pdf", "pass", 90)]
    by_model = rank(items, _StubModel({"a.pdf": 0.3, "b.pdf": 0.8, "c.pdf": 0.3}))
    assert [a.facts.file for a in by_model] == ["b.pdf", "a.pdf", "c.pdf"]
    by_score = rank(items)
    assert [a.facts.file for a in by_score] == ["a.pdf", "c.pdf", "b.pdf"]
