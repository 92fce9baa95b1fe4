"""Regression guard: the accuracy on the labeled real CVs never falls below what was reached.

Reads ../shared/real-cvs (skipped where it is absent, as in a user's clone) through the same code
as ``benchmarks/real_accuracy.py``; the floors are the figures that benchmark printed when they
were last raised (see benchmarks/README.md). A rise is welcome: raise the floor with it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kamscreen.extract.gold import summarize

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real-cvs"

#: collection → figure → floor (for ``*_invented`` figures: a ceiling)
FLOORS = {
    "en-livecareer": {
        "total_within_1_month": 0.98,
        "jobs_count": 0.955,
        "key_account_within_3_months": 1.0,
        "key_account_recall": 1.0,
        "role_per_job": 0.94,
        "management_per_job": 0.91,
        "team_size_exact": 0.90,
        "team_size_invented": 0.0,
        "languages_exact": 0.94,
        "languages_invented": 0.0,
        "industry": 0.76,
    },
    "hh-ru": {
        "total_within_1_month": 1.0,
        "jobs_count": 1.0,
        "key_account_within_3_months": 1.0,
        "role_per_job": 1.0,
        "management_per_job": 1.0,
        "team_size_invented": 0.0,
        "languages_exact": 1.0,
        "languages_invented": 0.0,
        "industry": 0.97,
    },
    "hh-ru-pdf": {"total_within_1_month": 1.0, "jobs_count": 1.0, "languages_exact": 1.0},
}

pytestmark = [
    pytest.mark.realcvs,
    pytest.mark.skipif(not (REAL / "labels").is_dir(), reason="real CVs are not available"),
]


def _benchmark():
    spec = importlib.util.spec_from_file_location("real_accuracy", ROOT / "benchmarks" / "real_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("collection", sorted(FLOORS))
def test_real_cv_figures_hold(collection):
    scores, exports = _benchmark().evaluate(REAL, collection, jobs=1)
    figures = summarize(scores)
    below = []
    for name, floor in FLOORS[collection].items():
        share, count = figures[name]
        assert count, f"{collection}: no labeled items for {name}"
        worse = share > floor + 1e-9 if name.endswith("invented") else share < floor - 1e-9
        if worse:
            below.append(f"{name}: {share:.1%} (guard {floor:.0%})")
    assert not below, f"{collection}: " + "; ".join(below)
    for file, problems in exports.items():
        assert not problems, f"{file}: {problems}"
