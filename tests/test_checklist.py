"""Checklist scoring: statuses (met / partly / not_met / no_data), weighted score, caps, verdict."""

from __future__ import annotations

import itertools

import pytest

from kamscreen.extract.model import (
    Evidence,
    Experience,
    Facts,
    IndustryYears,
    Job,
    Kpi,
    LanguageSkill,
    Signal,
    TeamSize,
)
from kamscreen.score import load_profile, score

TEXT = (
    "Key Account Manager, ООО Вектор. Ведение 5 федеральных сетей, рост выручки на 25%. "
    "Руководил командой из 7 человек. Английский C1. Стратегическое планирование, презентации."
)


def ev(fragment: str) -> Evidence:
    start = TEXT.index(fragment)
    return Evidence.of(TEXT, start, start + len(fragment))


def make_facts(
    ka=6.0, team=7, en="C1", kpis=("revenue_growth",), signals=(), industry_years=6.0, jobs=True, status="ok", b2b=None
) -> Facts:
    job = Job(
        "2019-01",
        None,
        True,
        "Key Account Manager",
        "ООО Вектор",
        role="key_account",
        b2b=True,
        industry="fmcg",
        evidence=ev("Key Account Manager"),
        description=Evidence.of(TEXT, 0, len(TEXT)),
    )
    return Facts(
        file="cv.txt",
        status=status,
        language="ru",
        as_of="2025-09-01",
        jobs=(job,) if jobs else (),
        experience=Experience(total_years=ka, b2b_years=b2b if b2b is not None else ka, key_account_years=ka)
        if jobs
        else Experience(),
        team_size=TeamSize(team, ev("Руководил командой из 7 человек"))
        if team is not None
        else TeamSize(None, reason="not stated"),
        languages=(LanguageSkill("en", en, ev("Английский C1")),) if en else (),
        industry="fmcg" if jobs else None,
        industries=(IndustryYears("fmcg", industry_years),) if jobs else (),
        kpis=tuple(Kpi(k, "25%", ev("рост выручки на 25%")) for k in kpis),
        signals=tuple(Signal(s, ev("Стратегическое планирование")) for s in signals),
    )


def status(assessment, cid: str) -> str:
    return next(c.status for c in assessment.checklist.criteria if c.id == cid)


@pytest.mark.parametrize(
    "ka, expected", [(7.8, "met"), (5.0, "met"), (4.0, "partly"), (1.0, "not_met"), (0.0, "not_met")]
)
def test_key_account_years_statuses(ka, expected):
    assert status(score(make_facts(ka=ka)), "key_account_years") == expected


def test_missing_facts_are_no_data_not_failures():
    silent = score(make_facts(team=None, en=None))
    assert status(silent, "team_size") == "no_data"
    assert status(silent, "english_level") == "no_data"
    small = score(make_facts(team=1, en="A2"))
    assert status(small, "team_size") == "not_met"
    assert status(small, "english_level") == "not_met"
    nothing = score(make_facts(jobs=False, kpis=(), team=None, en=None))
    assert {c.status for c in nothing.checklist.criteria} == {"no_data"}
    assert nothing.checklist.verdict == "no_data"


@pytest.mark.parametrize(
    "level, expected",
    [
        ("native", "met"),
        ("C2", "met"),
        ("C1", "met"),
        ("B2", "met"),
        ("B1", "partly"),
        ("A2", "not_met"),
        ("A1", "not_met"),
    ],
)
def test_english_levels(level, expected):
    assert status(score(make_facts(en=level)), "english_level") == expected


def test_signals_met_partly_and_evidence():
    both = score(make_facts(signals=("strategic", "presentation")))
    one = score(make_facts(signals=("strategic",)))
    assert status(both, "strategy_presentation") == "met"
    assert status(one, "strategy_presentation") == "partly"
    crit = next(c for c in both.checklist.criteria if c.id == "strategy_presentation")
    assert crit.evidence and all(TEXT[e.start : e.end] == e.text for e in crit.evidence)
    team = next(c for c in both.checklist.criteria if c.id == "team_size")
    assert team.value == 7 and team.evidence[0].text == "Руководил командой из 7 человек"


def test_score_is_weighted_share_and_caps():
    profile = load_profile("kam-director")
    rich = {
        "kpis": ("revenue_growth", "pnl", "c_level_negotiation", "crm_bi_tools"),
        "signals": ("strategic", "presentation", "conflict_resolution", "stakeholders"),
    }
    assert score(make_facts(**rich)).checklist.score == 100.0
    # every other line met, one must-have not met → capped at 40; one must-have silent → at 60
    assert score(make_facts(team=1, **rich)).checklist.score == profile.caps.must_have_not_met == 40
    assert score(make_facts(team=None, **rich)).checklist.score == profile.caps.must_have_no_data == 60
    assert score(make_facts(team=3, **rich)).checklist.score > 60  # partly: half credit, no cap
    # uncapped partial: weights from the profile
    partial = score(make_facts(kpis=("revenue_growth",), signals=()))
    weights = {c.id: c.weight for c in partial.checklist.criteria}
    met = sum(w for cid, w in weights.items() if status(partial, cid) == "met")
    assert partial.checklist.score == pytest.approx(round(100 * met / sum(weights.values()), 1))


@pytest.mark.parametrize(
    "ka, team, en, kpi",
    list(itertools.product((2.0, 4.9, 5.0, 9.0), (None, 3, 5, 12), (None, "B1", "B2", "native"), (False, True))),
)
def test_verdict_agrees_with_the_fixture_truth_rule(ka, team, en, kpi):
    facts = make_facts(ka=ka, team=team, en=en, kpis=("retention",) if kpi else ("crm_bi_tools",))
    truth = ka >= 5 and team is not None and team >= 5 and en in ("B2", "C1", "C2", "native") and kpi
    assert (score(facts).checklist.verdict == "pass") == truth


def test_industry_is_required_only_when_asked():
    plain = score(make_facts())
    assert "industry_match" not in [c.id for c in plain.checklist.criteria]
    fmcg = score(make_facts(), industry="fmcg")
    pharma = score(make_facts(), industry="pharma")
    assert status(fmcg, "industry_match") == "met" and fmcg.checklist.verdict == "pass"
    assert status(pharma, "industry_match") == "not_met" and pharma.checklist.verdict == "fail"
    assert status(pharma, "industry_expertise") == "not_met"  # years in the required industry


def test_other_profiles_relax_the_bar():
    junior = make_facts(ka=3.5, team=None, en="B1")
    assert score(junior, "kam-director").checklist.verdict != "pass"
    assert score(junior, "senior-kam").checklist.verdict == "pass"
    assert score(junior, "kam").checklist.verdict == "pass"
    assert score(junior, "junior-kam").checklist.verdict == "pass"
    b2b_only = make_facts(ka=0.0, b2b=4.0, kpis=("retention",))
    assert status(score(b2b_only, "kam"), "kam_years") == "met"  # B2B years count with key-account KPIs
    assert status(score(make_facts(ka=0.0, b2b=4.0, kpis=()), "kam"), "kam_years") == "not_met"


def test_kam_years_accept_key_account_markers():
    from dataclasses import replace

    plain = make_facts(ka=0.0, b2b=4.0, kpis=())
    marked = replace(plain, signals=(Signal("key_accounts", ev("Ведение 5 федеральных сетей")),))
    assert status(score(marked, "kam"), "kam_years") == "met"
    assert status(score(plain, "kam"), "kam_years") == "not_met"
