"""The model file: fitted parameters as JSON, scored with numpy, never a pickle.

A saved model scores held-out candidates as the scikit-learn pipeline it came from; a hand-written
file gives hand-computed probabilities; newer versions, tampered files and pickles are refused
with a ModelError that says why.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from kamscreen.cli import app
from kamscreen.extract.model import Evidence, Experience, Facts, Job
from kamscreen.score import ModelError, load_model, score
from kamscreen.score.classifier import ANALYZER, FORMAT, MODEL_FILE, VERSION
from kamscreen.score.features import frame
from kamscreen.score.fitting import fit_pipeline, to_model
from test_train import synthetic_corpus

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "models" / "default"


def _ids(assessments) -> tuple[str, ...]:
    return tuple(c.id for c in assessments[0].checklist.criteria)


@pytest.mark.parametrize("text", [True, False])
def test_a_saved_model_scores_held_out_candidates_as_the_pipeline_it_came_from(tmp_path, text):
    assessments, y = synthetic_corpus(80, seed=5)
    if not text:  # no job descriptions: the model has no text part
        assessments = [
            replace(a, facts=replace(a.facts, jobs=tuple(replace(j, description=None) for j in a.facts.jobs)))
            for a in assessments
        ]
    train, held_out = assessments[::2], assessments[1::2]
    pipeline = fit_pipeline(train, y[::2], seed=0)
    model = to_model(pipeline, _ids(train), "kam-director", "toy")
    assert bool(model.terms) is text
    model.save(tmp_path / "toy")
    loaded = load_model(tmp_path / "toy")
    expected = pipeline.predict_proba(frame(held_out, _ids(train)))[:, 1]  # scikit-learn's own arithmetic
    assert np.abs(loaded.predict_proba(held_out) - expected).max() < 1e-9
    assert np.abs(model.predict_proba(held_out) - expected).max() < 1e-9
    assert loaded.feature_names() == [str(n) for n in pipeline.named_steps["features"].get_feature_names_out()]


def _candidate(key_account_years: float, duties: str | None) -> object:
    desc = Evidence.of(duties, 0, len(duties)) if duties else None
    jobs = (Job("2015-01", None, True, "KAM", None, role="key_account", description=desc),) if duties else ()
    return score(
        Facts(
            file="cv.txt",
            status="ok",
            language="ru",
            as_of="2025-01-01",
            jobs=jobs,
            experience=Experience(key_account_years=key_account_years),
        )
    )


def _hand_written(**changes) -> dict:
    """One numeric column, two terms, two calibration folds: small enough to compute by hand."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "name": "hand",
        "profile": "kam-director",
        "criterion_ids": [],
        "labels": {},
        "columns": ["key_account_years"],
        "mean": [1.0],
        "scale": [2.0],
        "analyzer": ANALYZER,
        "terms": ["клиент", "сеть"],
        "idf": [2.0, 1.0],
        "folds": [
            {"coef": [1.0, 2.0, -1.0], "intercept": 0.5, "a": -1.0, "b": 0.0},
            {"coef": [1.0, 2.0, -1.0], "intercept": 0.5, "a": -2.0, "b": 1.0},
        ],
        **changes,
    }


def _write(folder: Path, content) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    (folder / MODEL_FILE).write_text(text, encoding="utf-8")
    return folder


def test_a_hand_written_model_gives_hand_computed_probabilities(tmp_path):
    model = load_model(_write(tmp_path / "hand", _hand_written()))
    # 2 years, "клиент клиент сеть": z = (2 − 1) / 2 = 0.5; tf 1 + ln 2 and 1, × idf 2 and 1, L2 rows:
    # 0.959056, 0.283217; f = 0.5 + 0.5 + 2·0.959056 − 0.283217 = 2.634895;
    # p = (1 / (1 + e^−f) + 1 / (1 + e^(−2f + 1))) / 2 = (0.933074 + 0.986208) / 2.
    # No key-account years, no text: f = 0.5 − 0.5 = 0; p = (1/2 + 1 / (1 + e)) / 2.
    probs = model.predict_proba([_candidate(2.0, "клиент клиент сеть"), _candidate(0.0, None)])
    assert probs == pytest.approx([0.959641008, 0.384470711], abs=1e-9)


def test_a_newer_format_version_is_refused(tmp_path):
    with pytest.raises(ModelError, match=r"model format version 2 is newer than this kamscreen reads \(up to 1\)"):
        load_model(_write(tmp_path / "new", _hand_written(version=VERSION + 1)))


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    "content, needle",
    [
        ("", "cannot read it as JSON"),
        ('{"format": ', "cannot read it as JSON"),
        (_nested(100_000), "cannot read it as JSON"),
        ([1, 2], "not a kamscreen model file"),
        ({"format": "sklearn"}, "not a kamscreen model file"),
        (_hand_written(version="1"), "version '1'"),
        (_hand_written(version=True), "version True"),
        (_hand_written(analyzer={**ANALYZER, "token_pattern": "(a+)+$"}), "text analyzer"),
        (_hand_written(columns=["key_account_years", "age"], mean=[1, 1], scale=[1, 1]), "protected"),
        (_hand_written(terms=["клиент", "женат"]), "protected"),
        (_hand_written(columns=["shoe_size"]), "does not compute: shoe_size"),
        (_hand_written(columns=[0]), "columns must be a list of distinct strings"),
        (_hand_written(terms=["сеть", "сеть"]), "terms must be a list of distinct strings"),
        (_hand_written(mean=[]), "mean must be a list of 1 numbers"),
        (_hand_written(scale=[0.0]), "scale and idf must be positive"),
        (_hand_written(idf=[1.0, "x"]), "idf must be a list of 2 numbers"),
        (_hand_written(idf=[1.0, True]), "idf must be a list of 2 numbers"),
        (_hand_written(folds=[]), "folds must be a non-empty list"),
        (_hand_written(folds=[{"coef": [1.0, 2.0], "intercept": 0, "a": 1, "b": 0}]), "coef must be a list of 3"),
        (_hand_written(folds=[{"coef": [1.0, 2.0, 3.0], "intercept": 0, "a": 1}]), "b must be a list of 1"),
        (_hand_written(labels=["x"]), "labels must map"),
        (_hand_written(name=None), "name and profile must be strings"),
    ],
)
def test_a_tampered_or_garbage_model_file_is_a_model_error(tmp_path, content, needle):
    folder = _write(tmp_path / "bad", content)
    with pytest.raises(ModelError, match=needle):
        load_model(folder)


@pytest.mark.parametrize("number", ["NaN", "Infinity", "1e999", "1" + "0" * 400])
def test_numbers_that_are_not_finite_are_refused(tmp_path, number):
    text = json.dumps(_hand_written()).replace('"intercept": 0.5', f'"intercept": {number}', 1)
    with pytest.raises(ModelError, match="intercept holds a number that is not finite"):
        load_model(_write(tmp_path / "nan", text))


def test_a_broken_card_or_a_missing_model_is_a_model_error(tmp_path):
    folder = _write(tmp_path / "m", _hand_written())
    (folder / "model_card.json").write_text("[1]", encoding="utf-8")
    with pytest.raises(ModelError, match="not a model card"):
        load_model(folder)
    with pytest.raises(ModelError, match="no model found"):
        load_model(tmp_path / "empty-name-that-does-not-exist")


def test_the_score_command_reports_a_tampered_model_in_one_line(tmp_path):
    folder = _write(tmp_path / "bad", _hand_written(scale=[-1.0]))
    cv = ROOT / "data" / "fixtures" / "cvs" / "en_plain_txt_42.txt"
    result = CliRunner().invoke(app, ["score", str(cv), "--model", str(folder)])
    assert result.exit_code == 2 and "scale and idf must be positive" in result.output, result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1, result.output


class _Exploit:
    """Unpickling this writes a file: proof that a pickle was loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "pwned"))


def malicious_pickle(path: Path, marker: Path) -> Path:
    """A pickle at ``path`` that, once loaded, writes ``marker``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(_Exploit(marker)))
    return path


def test_loading_never_unpickles(tmp_path):
    marker = tmp_path / "pwned"
    only_pickle = malicious_pickle(tmp_path / "old" / "model.joblib", marker).parent
    with pytest.raises(ModelError, match=r"model\.joblib is a pickle .* never loaded"):
        load_model(only_pickle)
    with pytest.raises(ModelError, match="is a pickle"):
        load_model(only_pickle / "model.joblib")
    disguised = malicious_pickle(tmp_path / "disguised" / MODEL_FILE, marker).parent
    with pytest.raises(ModelError, match="cannot read it as JSON"):
        load_model(disguised)
    both = _write(tmp_path / "both", _hand_written())
    malicious_pickle(both / "model.joblib", marker)
    assert load_model(both).name == "hand"  # the pickle beside the model file is ignored
    assert not marker.exists()


def test_scoring_with_the_shipped_model_imports_neither_scikit_learn_nor_joblib():
    probe = (
        "import sys\n"
        "from kamscreen.extract.model import Experience, Facts\n"
        "from kamscreen.score import load_model, rank, score\n"
        "a = score(Facts(file='cv.txt', status='ok', language='ru', as_of='2025-01-01',"
        " experience=Experience(key_account_years=6.0)))\n"
        "assert rank([a], load_model('default'))[0].fit.probability is not None\n"
        "print(' '.join(m for m in ('sklearn', 'joblib', 'scipy') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", done.stdout


def test_the_shipped_model_is_a_json_model_file_and_no_pickle():
    assert sorted(p.name for p in SHIPPED.iterdir()) == ["MODEL_CARD.md", MODEL_FILE, "model_card.json"]
    model = load_model("default")
    assert model.card["data"]["synthetic"] is True and model.card["name"] == "default"
    assert any("SYNTHETIC" in w for w in model.card["warnings"])
    assert f"format {FORMAT} version {VERSION}" in model.card["model_file"]
