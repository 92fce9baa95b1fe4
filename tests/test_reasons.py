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
    coef = {n.split("__", 1)[1]: c for n, c in zip(model.feature_names(), model.coefficients())
            if n.startswith("num__")}
    quirks = [name for name, c in coef.items() if not plausible(name, c)]
    ranked = rank([score(facts) for _, _, facts in fixture_facts], model)
    assert any(a.fit.reasons for a in ranked), "the model gave no reasons at all"
    for a in ranked:
        values = frame([a], model.criterion_ids)
        shown = {r.text for r in a.fit.reasons}
        hidden = {describe(name, float(values.at[0, name]), model.labels) for name in quirks}
        assert not shown & hidden, a.facts.file
