"""Ranking: must-haves gate (verdict tiers), then the model or the checklist score orders."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from kamscreen.extract.model import Facts, Job
from kamscreen.score import rank
from kamscreen.score.model import Assessment, Checklist
from kamscreen.score.ranking import describe_card, ranked_by

_JOB = Job("2019-01", None, True, "Key Account Manager", "Acme", role="key_account")


class _StubModel:
    """Stands in for a FitModel: fixed probabilities by file name, no reasons."""

    name = "stub"

    def __init__(self, probs: dict[str, float]):
        self.probs = probs

    def predict_proba(self, items):
        return [self.probs[a.facts.file] for a in items]

    def explain(self, assessment):
        return ()


def _assessment(file: str, verdict: str, score: float, read: bool = True) -> Assessment:
    warnings = (
        ()
        if read
        else (
            "no job with a readable period: the work history could not be read, so the "
            "years of experience are unknown (not zero)",
        )
    )
    facts = Facts(
        file=file, status="ok", language="en", as_of="2025-01-01", jobs=(_JOB,) if read else (), warnings=warnings
    )
    return Assessment(facts=facts, checklist=Checklist("kam-director", score, verdict))


def test_a_pass_outranks_a_fail_the_model_likes_more():
    items = [
        _assessment("fail.pdf", "fail", 60),
        _assessment("pass.pdf", "pass", 80),
        _assessment("silent.pdf", "no_data", 60),
    ]
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


def test_fails_capped_at_the_same_score_rank_by_the_score_before_the_cap():
    far, near = _assessment("far.pdf", "fail", 40), _assessment("near.pdf", "fail", 40)
    far = replace(far, checklist=replace(far.checklist, raw_score=22.0))
    near = replace(near, checklist=replace(near.checklist, raw_score=71.5))
    assert [a.facts.file for a in rank([far, near])] == ["near.pdf", "far.pdf"]


def test_a_cv_whose_timeline_could_not_be_read_never_ranks_above_a_read_one():
    items = [
        _assessment("unread.pdf", "no_data", 60, read=False),
        _assessment("fail.pdf", "fail", 10),
        _assessment("pass.pdf", "pass", 90),
    ]
    ranked = rank(items, _StubModel({"unread.pdf": 0.99, "fail.pdf": 0.01, "pass.pdf": 0.5}))
    assert [a.facts.file for a in ranked] == ["pass.pdf", "fail.pdf", "unread.pdf"]
    unread = ranked[-1]
    assert "could not be read" in unread.needs_human_read
    assert unread.to_dict()["needs_human_read"] == unread.needs_human_read
    assert ranked[0].to_dict()["needs_human_read"] is None


def test_ranked_by_says_what_ordered_the_list():
    assert ranked_by(None) == "checklist score"
    card = {
        "created": "2025-12-01T10:00:00+00:00",
        "data": {"n": 37, "positive": 6, "synthetic": False},
        "metrics": {"model": {"average_precision": 0.61}, "checklist": {"average_precision": 0.4}},
    }
    assert describe_card("mine", card) == (
        "model mine, trained on 37 labels (6 positive) on 2025-12-01, cross-validated AP 0.61 (checklist alone 0.40)"
    )
    synthetic = describe_card("default", {**card, "data": {**card["data"], "synthetic": True}})
    assert "SYNTHETIC" in synthetic
    assert "no model card" in describe_card("bare", {})


def _facts(file: str, role: str, years_from: str, team: int | None) -> Facts:
    from kamscreen.extract.model import Evidence, Kpi, LanguageSkill, TeamSize

    text = f"Team of {team}. English C1. Revenue +30 %."
    job = Job(years_from, None, True, "Manager", "Acme", role=role)
    if not team:
        return Facts(file=file, status="ok", language="en", as_of="2025-01-01", jobs=(job,))
    return Facts(
        file=file,
        status="ok",
        language="en",
        as_of="2025-01-01",
        jobs=(job,),
        team_size=TeamSize(team, Evidence.of(text, 0, 10)),
        languages=(LanguageSkill("en", "C1", Evidence.of(text, 12, 22)),),
        kpis=(Kpi("revenue_growth", "+30 %", Evidence.of(text, 24, 38)),),
    )


def test_a_key_account_manager_outranks_a_salesperson_of_the_same_verdict():
    """kam-director's rank_first: within the fail group, key-account years come before the score."""
    from kamscreen.extract.experience import compute
    from kamscreen.score import score

    def assessed(file, role, start, team):
        facts = _facts(file, role, start, team)
        return score(replace(facts, experience=compute(facts.jobs, dt.date(2025, 1, 1), "")), "kam-director")

    kam = assessed("kam.pdf", "key_account", "2018-01", None)  # 7 years of key accounts, no team stated
    seller = assessed("seller.pdf", "sales", "2010-01", 12)  # 15 years of plain sales, team, English, KPIs
    assert kam.checklist.verdict == seller.checklist.verdict == "fail"
    assert seller.checklist.raw_score > kam.checklist.raw_score  # the seller's other lines add up to more
    assert (kam.checklist.core, seller.checklist.core) == (1.0, 0.0)
    assert [a.facts.file for a in rank([seller, kam])] == ["kam.pdf", "seller.pdf"]


def test_rank_first_must_name_a_criterion(tmp_path):
    import pytest

    from kamscreen.score import ProfileError, load_profile

    shipped = (Path(__file__).resolve().parents[1] / "src/kamscreen/score/profiles/kam-director.yaml").read_text()
    bad = tmp_path / "p.yaml"
    bad.write_text(shipped.replace("rank_first: [key_account_years]", "rank_first: [key_acount_years]"))
    with pytest.raises(ProfileError, match="did you mean 'key_account_years'"):
        load_profile(bad)
