"""The retrainable fit model: allow-listed numbers + job-description lemmas → calibrated probability.

Pipeline: ColumnTransformer(StandardScaler over the numeric allow-list and checklist statuses;
TfidfVectorizer over the lemmatized job descriptions) → CalibratedClassifierCV(sigmoid) of a
LogisticRegression(class_weight="balanced"). Reasons come from coef × standardized value.

>>> from kamscreen.score import load_model, rank                       # doctest: +SKIP
>>> ranked = rank(assessments, load_model("models/default"))         # doctest: +SKIP
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import joblib
import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from kamscreen.resources import data_dir
from kamscreen.score.features import NUMERIC_FEATURES, TEXT_COLUMN, frame, status_columns
from kamscreen.score.model import Assessment, Reason
from kamscreen.score.protected import check_feature_names
from kamscreen.score.reasons import agrees, describe, describe_terms, plausible

MODEL_FILE = "model.joblib"
CARD_FILE = "model_card.json"
TOKEN_PATTERN = r"(?u)\b[^\W\d_]{2,}\b"


class ModelError(ValueError):
    """A model that cannot be loaded or trained; the message says why."""


def build_pipeline(criterion_ids: Sequence[str], seed: int = 0, calibration_folds: int = 3,
                   text: bool = True) -> Pipeline:
    """The unfitted pipeline (a DataFrame from ``features.frame`` goes in)."""
    numeric = list(NUMERIC_FEATURES) + status_columns(criterion_ids)
    parts = [("num", StandardScaler(), numeric)]
    if text:
        parts.append(("text", TfidfVectorizer(token_pattern=TOKEN_PATTERN, min_df=2, max_df=0.95,
                                              max_features=2000, sublinear_tf=True), TEXT_COLUMN))
    logistic = LogisticRegression(class_weight="balanced", C=0.1, max_iter=2000, random_state=seed)
    calibrated = CalibratedClassifierCV(
        logistic, method="sigmoid",
        cv=StratifiedKFold(n_splits=calibration_folds, shuffle=True, random_state=seed))
    return Pipeline([("features", ColumnTransformer(parts, sparse_threshold=1.0)), ("clf", calibrated)])


@dataclass
class FitModel:
    """A fitted pipeline with what it needs at prediction time; ``card`` is its model card."""

    pipeline: Pipeline
    criterion_ids: tuple[str, ...]
    profile: str
    name: str = "fit"
    labels: dict[str, str] = field(default_factory=dict)  # criterion id → label, for reasons
    card: dict = field(default_factory=dict)

    def predict_proba(self, assessments: Sequence[Assessment]) -> np.ndarray:
        """Probability of fit (the positive class) per assessment."""
        if not assessments:
            return np.zeros(0)
        return self.pipeline.predict_proba(frame(assessments, self.criterion_ids))[:, 1]

    def feature_names(self) -> list[str]:
        return list(self.pipeline.named_steps["features"].get_feature_names_out())

    def coefficients(self) -> np.ndarray:
        """Logistic coefficients averaged over the calibration folds."""
        clf = self.pipeline.named_steps["clf"]
        return np.mean([c.estimator.coef_[0] for c in clf.calibrated_classifiers_], axis=0)

    def explain(self, assessment: Assessment, top: int = 3) -> tuple[Reason, ...]:
        """Top positive then negative contributions (coef × standardized value) in plain words.

        Numeric features whose learned direction contradicts the domain's (``reasons.plausible``),
        or whose reading would contradict the candidate's checklist (``reasons.agrees``), are left
        out of the explanation.
        """
        df = frame([assessment], self.criterion_ids)
        x = self.pipeline.named_steps["features"].transform(df)
        x = np.asarray(x.todense() if hasattr(x, "todense") else x)[0]
        coef = self.coefficients()
        contrib = coef * x
        names = self.feature_names()
        reasons: list[Reason] = []
        numeric = []
        for c, k, full in zip(contrib, coef, names):
            name = full.split("__", 1)[1]
            if (full.startswith("num__") and c and plausible(name, k)
                    and agrees(name, float(df.at[0, name]), "+" if c > 0 else "-", assessment.checklist.criteria)):
                numeric.append((c, name))
        terms = [(c, n.split("__", 1)[1]) for c, n in zip(contrib, names) if n.startswith("text__")]
        for sign in ("+", "-"):
            picked = sorted((p for p in numeric if (p[0] > 0 if sign == "+" else p[0] < 0)),
                            key=lambda p: -abs(p[0]))[:top]
            reasons += [Reason(describe(n, float(df.at[0, n]), self.labels), sign, round(float(c), 3))
                        for c, n in picked]
            words = sorted((t for t in terms if (t[0] > 0 if sign == "+" else t[0] < 0)), key=lambda t: -abs(t[0]))
            total = sum(c for c, _ in words)
            if words and abs(total) >= 0.05:
                reasons.append(Reason(describe_terms([w for _, w in words[:4]], sign), sign, round(float(total), 3)))
        return tuple(sorted(reasons, key=lambda r: (r.direction != "+", -abs(r.weight))))

    def save(self, out_dir: str | Path) -> Path:
        """Write ``model.joblib`` and ``model_card.json`` into ``out_dir``."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        joblib.dump(self, out / MODEL_FILE, compress=3)
        (out / CARD_FILE).write_text(json.dumps(self.card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return out


def fit_model(assessments: Sequence[Assessment], y: Sequence[int], seed: int = 0,
              name: str = "fit") -> FitModel:
    """Fit the pipeline on scored candidates and 0/1 labels; ModelError if the data cannot support it."""
    y = np.asarray(y, dtype=int)
    counts = np.bincount(y, minlength=2)
    if counts.min() < 2:
        raise ModelError(f"each class needs at least 2 examples; got {counts[1]} positive, {counts[0]} negative")
    criterion_ids = tuple(c.id for c in assessments[0].checklist.criteria)
    df = frame(assessments, criterion_ids)
    pipeline = build_pipeline(criterion_ids, seed, min(3, int(counts.min())), text=_has_vocabulary(df))
    pipeline.fit(df, y)
    check_feature_names(pipeline.named_steps["features"].get_feature_names_out())
    labels = {c.id: c.label_en for c in assessments[0].checklist.criteria}
    return FitModel(pipeline, criterion_ids, assessments[0].checklist.profile, name, labels)


def _has_vocabulary(df) -> bool:
    try:
        TfidfVectorizer(token_pattern=TOKEN_PATTERN, min_df=2, max_df=0.95).fit(df[TEXT_COLUMN])
    except ValueError:  # empty vocabulary: too few or too short descriptions
        return False
    return True


def load_model(path: str | Path) -> FitModel:
    """Load a saved model: a folder with ``model.joblib`` (+ card), the file itself, or a shipped name."""
    p = Path(path)
    if not p.exists() and not p.is_absolute() and len(p.parts) == 1:
        p = data_dir("models") / p
    file = p / MODEL_FILE if p.is_dir() else p
    if not file.is_file():
        raise ModelError(f"{path}: no model found (expected {MODEL_FILE}); train one with `kamscreen train`")
    try:
        model = joblib.load(file)
    except Exception as exc:  # noqa: BLE001 - a broken or foreign pickle is a user error
        raise ModelError(f"{file}: cannot load the model ({type(exc).__name__}: {exc})") from None
    if not isinstance(model, FitModel):
        raise ModelError(f"{file}: not a kamscreen fit model")
    check_feature_names(model.feature_names())
    card = file.parent / CARD_FILE
    if card.is_file():
        model.card = json.loads(card.read_text(encoding="utf-8"))
    return model
