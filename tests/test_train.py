"""Training the fit model: labels, refusals, reproducible cross-validated metrics, model card."""
from __future__ import annotations

import random

import numpy as np
import pytest
from typer.testing import CliRunner

from kamscreen.cli import app
from kamscreen.extract.model import Evidence, Experience, Facts, Job, Kpi, LanguageSkill, TeamSize
from kamscreen.score import load_model, rank, score
from kamscreen.score.classifier import fit_model
from kamscreen.score.train import TrainingError, check_labels, cross_validate, precision_at, read_labels

KAM_WORDS = "ключевые клиенты федеральные сети стратегическое партнерство маржинальность удержание".split()
SALES_WORDS = "холодные звонки план продаж лидогенерация воронка сделки".split()


def synthetic_corpus(n: int = 48, seed: int = 1):
    """Candidates with a noisy link between key-account work and the label."""
    rnd = random.Random(seed)
    assessments, y = [], []
    for i in range(n):
        kam = rnd.random() < 0.5
        words = rnd.choices(KAM_WORDS if kam else SALES_WORDS, k=12) + rnd.choices(KAM_WORDS + SALES_WORDS, k=6)
        text = "Обязанности: " + " ".join(words) + "."
        desc = Evidence.of(text, 0, len(text))
        ka = round(rnd.uniform(4, 10) if kam else rnd.uniform(0, 2), 1)
        job = Job("2015-01", None, True, "Менеджер", None, role="key_account" if kam else "sales",
                  b2b=True, evidence=Evidence.of(text, 0, 11), description=desc)
        facts = Facts(file=f"cv{i}.txt", status="ok", language="ru", as_of="2025-01-01", jobs=(job,),
                      experience=Experience(total_years=10.0, b2b_years=10.0, key_account_years=ka),
                      team_size=TeamSize(rnd.choice([None, 3, 6, 10]), desc),
                      languages=(LanguageSkill("en", rnd.choice(["B1", "B2", "C1"]), desc),),
                      kpis=(Kpi("retention", "20%", desc),) if rnd.random() < 0.6 else ())
        assessments.append(score(facts))
        y.append(int(kam) if rnd.random() > 0.15 else int(not kam))
    return assessments, y


def test_cross_validation_is_reproducible_and_beats_chance():
    assessments, y = synthetic_corpus()
    first = cross_validate(assessments, y, seed=0, folds=3)
    second = cross_validate(assessments, y, seed=0, folds=3)
    assert first == second and first["folds"] == 3
    assert first["model"]["roc_auc"] > 0.7
    assert set(first["checklist"]) == {"roc_auc", "average_precision", "precision_at_10",
                                       "roc_auc_fold_mean", "roc_auc_fold_std"}


def test_fitted_model_ranks_and_explains(tmp_path):
    assessments, y = synthetic_corpus()
    model = fit_model(assessments, y, seed=0, name="toy")
    model.card = {"name": "toy"}
    model.save(tmp_path / "toy")
    loaded = load_model(tmp_path / "toy")
    probs = loaded.predict_proba(assessments)
    assert np.allclose(probs, model.predict_proba(assessments))
    ranked = rank(assessments, loaded)
    assert [a.rank for a in ranked] == list(range(1, len(assessments) + 1))
    assert all(a.fit.model == "toy" and 0 <= a.fit.probability <= 1 for a in ranked)
    best = ranked[0]
    assert any(r.direction == "+" for r in best.fit.reasons)
    assert any("key-account" in r.text.lower() for r in best.fit.reasons)
    assert any(r.direction == "-" for r in ranked[-1].fit.reasons)
    assert loaded.card == {"name": "toy"}


def test_rank_without_a_model_uses_the_checklist():
    assessments, _ = synthetic_corpus(12)
    ranked = rank(assessments)
    scores = [a.checklist.score for a in ranked]
    assert scores == sorted(scores, reverse=True) and all(a.fit.probability is None for a in ranked)


def test_precision_at_k():
    assert precision_at(np.array([1, 0, 1, 0]), np.array([0.9, 0.8, 0.7, 0.1]), k=2) == 0.5


def labels_file(tmp_path, rows, header="file,label"):
    path = tmp_path / "labels.csv"
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_labels_accept_binary_words_and_stages(tmp_path):
    rows = ["a.txt,hired", "b.txt,rejected", "c.txt,1", "d.txt,no", "e.txt,offer", "f.txt,interviewed", "g.txt,YES",
            "h.txt,shortlisted", "i.txt,screened"]
    labels = read_labels(labels_file(tmp_path, rows))  # shortlisted and later are positive by default
    assert [lab.y for lab in labels] == [1, 0, 1, 0, 1, 1, 1, 1, 0]
    strict = read_labels(labels_file(tmp_path, rows), positive_from="hired")
    assert [lab.y for lab in strict] == [1, 0, 1, 0, 0, 0, 1, 0, 0]
    with pytest.raises(TrainingError, match="line 3: label 'maybe'"):
        read_labels(labels_file(tmp_path, ["a.txt,1", "b.txt,maybe"]))
    with pytest.raises(TrainingError, match="no label column"):
        read_labels(labels_file(tmp_path, ["a.txt,1"], header="file,score"))


def test_refusals():
    with pytest.raises(TrainingError, match="only 19 labeled CVs"):
        check_labels([0, 1] * 9 + [1])
    with pytest.raises(TrainingError, match="both classes"):
        check_labels([1] * 30)
    assert check_labels([0, 1] * 15)  # 30 labels: a warning, no refusal
    assert check_labels([0, 1] * 30) == []
    few = check_labels([1] * 3 + [0] * 34)  # 3 positives: trains, but says the figures mean little
    assert any("only 3 positive labels" in w for w in few)


def test_cli_refuses_with_exit_code_2(tmp_path):
    runner = CliRunner()
    few = labels_file(tmp_path, [f"cv{i}.txt,{i % 2}" for i in range(5)])
    result = runner.invoke(app, ["train", str(few), "--cvs", str(tmp_path), "--out", str(tmp_path / "m")])
    assert result.exit_code == 2 and "only 5 labeled CVs" in result.output
    one_class = labels_file(tmp_path, [f"cv{i}.txt,hired" for i in range(25)])
    result = runner.invoke(app, ["train", str(one_class), "--cvs", str(tmp_path), "--out", str(tmp_path / "m")])
    assert result.exit_code == 2 and "both classes" in result.output
    no_label = labels_file(tmp_path, [f"cv{i}.txt" for i in range(25)], header="file")
    result = runner.invoke(app, ["train", str(no_label), "--cvs", str(tmp_path), "--out", str(tmp_path / "m")])
    assert result.exit_code == 2 and "no label column" in result.output
    absent = labels_file(tmp_path, [f"gone{i}.txt,{i % 2}" for i in range(24)])
    result = runner.invoke(app, ["train", str(absent), "--cvs", str(tmp_path), "--out", str(tmp_path / "m")])
    assert result.exit_code == 2 and "none of the 24 labeled files" in result.output
    assert "gone0.txt" in result.output
    assert not (tmp_path / "m").exists()
