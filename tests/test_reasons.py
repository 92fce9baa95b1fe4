"""Fit reasons: plain words, and never a learned quirk that contradicts the domain."""

from __future__ import annotations

from kamscreen.score import load_model, rank, score
from kamscreen.score.features import frame
from kamscreen.score.reasons import describe, expected_sign, plausible


def test_expected_signs_follow_the_domain():
    assert expected_sign("key_account_years") == 1 and expected_sign("kpi_nps") == 1
    assert expected_sign("signal_cold_calls") == -1 and expected_sign("share_sales") == -1
    assert expected_sign("n_jobs") == 0
    assert plausible("kpi_with_numbers", 0.4) and not plausible("kpi_with_numbers", -0.4)
    assert plausible("signal_cold_calls", -0.2) and not plausible("signal_cold_calls", 0.2)
    assert plausible("n_jobs", -1.0) and plausible("n_jobs", 1.0)


def test_shipped_model_offers_no_contradicting_reason(fixture_facts):
    model = load_model("default")
    coef = {
        n.split("__", 1)[1]: c
        for n, c in zip(model.feature_names(), model.coefficients(), strict=True)
        if n.startswith("num__")
    }
    quirks = [name for name, c in coef.items() if not plausible(name, c)]
    ranked = rank([score(facts) for _, _, facts in fixture_facts], model)
    assert any(a.fit.reasons for a in ranked), "the model gave no reasons at all"
    for a in ranked:
        values = frame([a], model.criterion_ids)
        shown = {r.text for r in a.fit.reasons}
        hidden = {describe(name, float(values.at[0, name]), model.labels) for name in quirks}
        assert not shown & hidden, a.facts.file


def _crit(cid: str, fact: str, status: str):
    from kamscreen.score.model import CriterionResult

    return CriterionResult(cid, cid, cid, status, None, None, True, 1.0, fact=fact)


def test_a_reason_never_contradicts_the_checklist():
    from kamscreen.score.reasons import agrees

    ka_met = [_crit("key_account_years", "experience.key_account_years", "met")]
    assert not agrees("signal_key_accounts", 0.0, "-", ka_met)  # "no key accounts mentioned" beside "met"
    assert agrees(
        "signal_key_accounts", 0.0, "-", [_crit("key_account_years", "experience.key_account_years", "not_met")]
    )
    assert not agrees("share_account_management", 0.0, "+", [])  # "0 % of the career in …" is no strength
    assert not agrees("key_account_years", 0.0, "+", [])  # nor is any absence
    assert agrees("key_account_years", 7.8, "+", ka_met)
    assert not agrees("key_account_years", 2.0, "+", [_crit("k", "experience.kam_years", "not_met")])
    pnl_met = [_crit("pnl", "kpis.any[pnl,margin]", "met")]
    assert not agrees("kpi_pnl", 0.0, "-", pnl_met) and agrees("kpi_nps", 0.0, "-", pnl_met)
    assert not agrees("status_pnl", 3.0, "-", pnl_met) and agrees("status_pnl", 3.0, "+", pnl_met)
    assert agrees("signal_cold_calls", 2.0, "-", []) and not agrees("signal_cold_calls", 0.0, "-", [])


def test_shipped_model_states_no_absence_as_a_strength(fixture_facts):
    model = load_model("default")
    ranked = rank([score(facts) for _, _, facts in fixture_facts], model)
    for a in ranked:
        for r in a.fit.reasons:
            if r.direction == "+" and not r.text.startswith("job descriptions"):
                assert not r.text.startswith(("no ", "0%", "0.0 years")), (a.facts.file, r.text)
        met = {c.id for c in a.checklist.criteria if c.status == "met"}
        if "key_account_years" in met:
            assert "no key accounts mentioned" not in {r.text for r in a.fit.reasons}, a.facts.file
