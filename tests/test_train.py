"""Training the fit model: labels, refusals, reproducible cross-validated metrics, model card."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest
from typer.testing import CliRunner

from kamscreen.cli import app
from kamscreen.extract.model import Evidence, Experience, Facts, Job, Kpi, LanguageSkill, TeamSize
from kamscreen.score import load_model, rank, score
from kamscreen.score.fitting import fit_model
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
        job = Job(
            "2015-01",
            None,
            True,
            "Менеджер",
            None,
            role="key_account" if kam else "sales",
            b2b=True,
            evidence=Evidence.of(text, 0, 11),
            description=desc,
        )
        facts = Facts(
            file=f"cv{i}.txt",
            status="ok",
            language="ru",
            as_of="2025-01-01",
            jobs=(job,),
            experience=Experience(total_years=10.0, b2b_years=10.0, key_account_years=ka),
            team_size=TeamSize(rnd.choice([None, 3, 6, 10]), desc),
            languages=(LanguageSkill("en", rnd.choice(["B1", "B2", "C1"]), desc),),
            kpis=(Kpi("retention", "20%", desc),) if rnd.random() < 0.6 else (),
        )
        assessments.append(score(facts))
        y.append(int(kam) if rnd.random() > 0.15 else int(not kam))
    return assessments, y


def test_cross_validation_is_reproducible_and_beats_chance():
    assessments, y = synthetic_corpus()
    first = cross_validate(assessments, y, seed=0, folds=3)
    second = cross_validate(assessments, y, seed=0, folds=3)
    assert first == second and first["folds"] == 3
    assert first["model"]["roc_auc"] > 0.7
    assert set(first["checklist"]) == {
        "roc_auc",
        "average_precision",
        "precision_at_10",
        "roc_auc_fold_mean",
        "roc_auc_fold_std",
    }


def test_fitted_model_ranks_and_explains(tmp_path):
    assessments, y = synthetic_corpus()
    model = replace(fit_model(assessments, y, seed=0, name="toy"), card={"name": "toy"})
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
    tiers = {"pass": 0, "no_data": 1, "fail": 2}
    # the verdict group, then the role-defining lines (key-account years), then the score
    keys = [(tiers[a.checklist.verdict], -(a.checklist.core or 0), -a.checklist.score) for a in ranked]
    assert keys == sorted(keys) and all(a.fit.probability is None for a in ranked)


def test_precision_at_k():
    assert precision_at(np.array([1, 0, 1, 0]), np.array([0.9, 0.8, 0.7, 0.1]), k=2) == 0.5


def labels_file(tmp_path, rows, header="file,label"):
    path = tmp_path / "labels.csv"
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_labels_accept_binary_words_and_stages(tmp_path):
    rows = [
        "a.txt,hired",
        "b.txt,rejected",
        "c.txt,1",
        "d.txt,no",
        "e.txt,offer",
        "f.txt,interviewed",
        "g.txt,YES",
        "h.txt,shortlisted",
        "i.txt,screened",
    ]
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


# --- hostile labels (issue 10, item 8) ---


def test_a_ragged_row_is_refused_with_its_line(tmp_path):
    with pytest.raises(TrainingError, match=r"line 3: 3 fields but the header has 2"):
        read_labels(labels_file(tmp_path, ["a.txt,1", "b.txt,0,extra"]))
    with pytest.raises(TrainingError, match=r"line 4: 4 fields"):  # a quoted newline counts as a line
        read_labels(labels_file(tmp_path, ['"a\nb.txt",1', "c.txt,0,x,y"]))


@pytest.mark.parametrize("name", ["/etc/passwd", "../x.txt", "sub/../../x.txt", "/tmp/../etc/passwd"])
def test_paths_outside_the_cvs_folder_are_refused_with_their_line(tmp_path, name):
    with pytest.raises(TrainingError, match=r"line 3: .*not a path inside the CVs folder"):
        read_labels(labels_file(tmp_path, ["a.txt,1", f"{name},0"]))


def test_a_file_labelled_twice_differently_is_refused_and_repeats_are_read_once(tmp_path):
    with pytest.raises(TrainingError, match=r"line 4: 'a.txt' is labelled differently on line 2"):
        read_labels(labels_file(tmp_path, ["a.txt,1", "b.txt,0", "./a.txt,0"]))
    assert [lab.file for lab in read_labels(labels_file(tmp_path, ["a.txt,1", "b.txt,0", "a.txt,yes"]))] == [
        "a.txt",
        "b.txt",
    ]


def test_formula_quoted_names_from_the_report_export_are_unquoted(tmp_path):
    labels = read_labels(labels_file(tmp_path, ["'=1+2.txt,hired", "'@SUM(A1).txt,rejected", "'plain.txt,1"]))
    assert [lab.file for lab in labels] == ["=1+2.txt", "@SUM(A1).txt", "'plain.txt"]


CV_KAM = "Key Account Manager\nООО «Вектор», 2016 — 2024\nУправление портфелем ключевых клиентов, рост выручки {n} %.\n"
CV_SALES = "Менеджер по продажам\nООО «Ромашка», 2018 — 2024\nХолодные звонки, план продаж {n} звонков в день.\n"


def _labelled_folder(tmp_path, n: int = 24):
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    rows = []
    for i in range(n):
        (cvs / f"cv{i:02d}.txt").write_text((CV_KAM if i % 2 else CV_SALES).format(n=10 + i), encoding="utf-8")
        rows.append(f"cv{i:02d}.txt,{i % 2}")
    return cvs, rows


def test_unreadable_labelled_files_are_left_out_and_counted(tmp_path):
    cvs, rows = _labelled_folder(tmp_path)
    (cvs / "empty.txt").write_bytes(b"")
    (cvs / "binary.txt").write_bytes(bytes(range(256)) * 40)
    rows += ["empty.txt,1", "binary.txt,0"]
    runner = CliRunner()
    result = runner.invoke(
        app, ["train", str(labels_file(tmp_path, rows)), "--cvs", str(cvs), "--out", str(tmp_path / "m"), "--real"]
    )
    assert result.exit_code == 0, result.output
    assert "2 labeled file(s) could not be read and were left out: empty.txt (empty), binary.txt" in result.output
    import json

    card = json.loads((tmp_path / "m" / "model_card.json").read_text(encoding="utf-8"))
    assert card["data"]["n"] == 24 and any("could not be read" in w for w in card["warnings"])


def test_a_symbolic_link_out_of_the_cvs_folder_is_refused(tmp_path):
    cvs, rows = _labelled_folder(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("Key Account Manager 2010 — 2020\n", encoding="utf-8")
    (cvs / "link.txt").symlink_to(secret)
    result = CliRunner().invoke(
        app,
        ["train", str(labels_file(tmp_path, [*rows, "link.txt,1"])), "--cvs", str(cvs), "--out", str(tmp_path / "m")],
    )
    assert result.exit_code == 2 and "line 26: 'link.txt' leads out of" in result.output, result.output
    assert "Traceback" not in result.output


def test_train_cli_refuses_typos_and_bad_out_in_one_line(tmp_path):
    cvs, rows = _labelled_folder(tmp_path)
    labels = str(labels_file(tmp_path, rows))
    runner = CliRunner()
    for args, needle in (
        (["--industry", "pharmma"], "did you mean 'pharma'"),
        (["--positive-from", "offr"], "did you mean 'offer'"),
    ):
        result = runner.invoke(app, ["train", labels, "--cvs", str(cvs), "--out", str(tmp_path / "m"), *args])
        assert result.exit_code == 2 and needle in result.output, result.output
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["train", labels, "--cvs", str(cvs), "--out", str(a_file / "m")])
    assert result.exit_code == 2 and result.output.startswith("error: ") and "Traceback" not in result.output, (
        result.output + repr(result.exception)
    )
    assert len(result.output.strip().splitlines()) == 1, result.output


def test_a_pipe_as_labels_file_is_refused_without_blocking(tmp_path):
    import os

    os.mkfifo(tmp_path / "labels.csv")
    with pytest.raises(TrainingError, match="not a labels file"):
        read_labels(tmp_path / "labels.csv")
