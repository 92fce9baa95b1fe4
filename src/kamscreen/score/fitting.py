"""Train the fit model with scikit-learn, and keep what it learned as a :class:`FitModel`.

Pipeline: ColumnTransformer(StandardScaler over the numeric allow-list and checklist statuses;
TfidfVectorizer over the lemmatized job descriptions) → CalibratedClassifierCV(sigmoid) of a
LogisticRegression(class_weight="balanced"). ``to_model`` reads its fitted parameters out;
scoring and saving need no scikit-learn.

>>> model = fit_model(assessments, [1, 0, …], seed=0, name="mine")   # doctest: +SKIP
>>> model.save("models/mine")                                        # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from kamscreen.score.classifier import ANALYZER, FitModel, Fold, ModelError
from kamscreen.score.features import NUMERIC_FEATURES, TEXT_COLUMN, frame, status_columns
from kamscreen.score.model import Assessment
from kamscreen.score.protected import check_feature_names


def build_pipeline(
    criterion_ids: Sequence[str], seed: int = 0, calibration_folds: int = 3, text: bool = True
) -> Pipeline:
    """The unfitted pipeline (a DataFrame from ``features.frame`` goes in)."""
    numeric = list(NUMERIC_FEATURES) + status_columns(criterion_ids)
    parts: list[tuple[str, object, list[str] | str]] = [("num", StandardScaler(), numeric)]
    if text:
        parts.append(("text", _vectorizer(min_df=2, max_df=0.95, max_features=2000), TEXT_COLUMN))
    logistic = LogisticRegression(class_weight="balanced", C=0.1, max_iter=2000, random_state=seed)
    calibrated = CalibratedClassifierCV(
        logistic, method="sigmoid", cv=StratifiedKFold(n_splits=calibration_folds, shuffle=True, random_state=seed)
    )
    return Pipeline([("features", ColumnTransformer(parts, sparse_threshold=1.0)), ("clf", calibrated)])


def _vectorizer(**kwargs) -> TfidfVectorizer:
    """tf-idf as the model file's ``ANALYZER`` says (the scorer in ``classifier`` reads text the same way)."""
    return TfidfVectorizer(
        token_pattern=ANALYZER["token_pattern"],
        lowercase=ANALYZER["lowercase"],
        sublinear_tf=ANALYZER["sublinear_tf"],
        norm=ANALYZER["norm"],
        **kwargs,
    )


def fit_pipeline(assessments: Sequence[Assessment], y: ArrayLike, seed: int = 0) -> Pipeline:
    """The pipeline fitted on scored candidates and 0/1 labels; ModelError if the data cannot support it."""
    labels = np.asarray(y, dtype=int)
    counts = np.bincount(labels, minlength=2)
    if counts.min() < 2:
        raise ModelError(f"each class needs at least 2 examples; got {counts[1]} positive, {counts[0]} negative")
    criterion_ids = tuple(c.id for c in assessments[0].checklist.criteria)
    df = frame(assessments, criterion_ids)
    pipeline = build_pipeline(criterion_ids, seed, min(3, int(counts.min())), text=_has_vocabulary(df))
    pipeline.fit(df, labels)
    check_feature_names(pipeline.named_steps["features"].get_feature_names_out())
    return pipeline


def fit_model(assessments: Sequence[Assessment], y: ArrayLike, seed: int = 0, name: str = "fit") -> FitModel:
    """Fit on scored candidates and 0/1 labels (``fit_pipeline``) and keep the fitted parameters."""
    criteria = assessments[0].checklist.criteria
    return to_model(
        fit_pipeline(assessments, y, seed),
        tuple(c.id for c in criteria),
        assessments[0].checklist.profile,
        name,
        {c.id: c.label_en for c in criteria},
    )


def to_model(
    pipeline: Pipeline,
    criterion_ids: tuple[str, ...],
    profile: str,
    name: str = "fit",
    labels: dict[str, str] | None = None,
) -> FitModel:
    """The fitted parameters of a pipeline from ``build_pipeline``, as the model that scores the same."""
    features = pipeline.named_steps["features"]
    columns = {part: cols for part, _, cols in features.transformers_}
    scaler = features.named_transformers_["num"]
    tfidf = features.named_transformers_["text"] if "text" in columns else None
    folds = tuple(
        Fold(
            np.array(c.estimator.coef_[0], dtype=float),
            float(c.estimator.intercept_[0]),
            float(c.calibrators[0].a_),
            float(c.calibrators[0].b_),
        )
        for c in pipeline.named_steps["clf"].calibrated_classifiers_
    )
    return FitModel(
        criterion_ids,
        profile,
        tuple(columns["num"]),
        np.array(scaler.mean_, dtype=float),
        np.array(scaler.scale_, dtype=float),
        tuple(str(t) for t in tfidf.get_feature_names_out()) if tfidf else (),
        np.array(tfidf.idf_ if tfidf else [], dtype=float),
        folds,
        name,
        dict(labels or {}),
    )


def _has_vocabulary(df) -> bool:
    try:
        _vectorizer(min_df=2, max_df=0.95).fit(df[TEXT_COLUMN])
    except ValueError:  # empty vocabulary: too few or too short descriptions
        return False
    return True
