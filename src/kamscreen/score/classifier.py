"""The fit model: allow-listed numbers + job-description lemmas → calibrated probability of fit.

A trained model is its fitted parameters and nothing else: per numeric column (the allow-list and
the checklist statuses) a mean and a scale; the job-description vocabulary with each term's idf
(tf-idf: sublinear counts, L2 rows); per calibration fold a logistic regression's coefficients
and intercept and its sigmoid's ``a`` and ``b``. The probability is the mean over the folds of
``1 / (1 + exp(a·f + b))``, ``f = coef · x + intercept`` — what scikit-learn's
``CalibratedClassifierCV(sigmoid)`` computes (``kamscreen.score.fitting`` trains it). Reasons come
from coef × standardized value.

It is saved as JSON (``model.json``, format ``FORMAT`` version ``VERSION``) and scored with numpy:
no pickle is ever read, so a model file cannot run code, and loading needs no scikit-learn.

>>> from kamscreen.score import load_model, rank                       # doctest: +SKIP
>>> ranked = rank(assessments, load_model("default"))                # doctest: +SKIP
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path

import numpy as np

from kamscreen.resources import data_dir
from kamscreen.score.features import TEXT_COLUMN, frame, numeric_features, status_columns
from kamscreen.score.model import Assessment, Reason
from kamscreen.score.protected import ProtectedFeatureError, check_feature_names
from kamscreen.score.reasons import agrees, describe, describe_terms, plausible

MODEL_FILE = "model.json"
CARD_FILE = "model_card.json"
FORMAT = "kamscreen-fit-model"
VERSION = 1
TOKEN_PATTERN = r"(?u)\b[^\W\d_]{2,}\b"
#: How version 1 reads text; a file that says otherwise is refused (its model would score differently).
ANALYZER = {"token_pattern": TOKEN_PATTERN, "lowercase": True, "sublinear_tf": True, "norm": "l2"}
PICKLES = (".joblib", ".pkl", ".pickle")  # earlier kamscreens saved model.joblib: never loaded
MAX_BYTES = 50_000_000


class ModelError(ValueError):
    """A model that cannot be loaded or trained; the message says why."""


@dataclass(frozen=True)
class Fold:
    """One calibration fold: a logistic regression and the sigmoid that calibrates its score."""

    coef: np.ndarray  # one per feature: the numeric columns, then the text terms
    intercept: float
    a: float
    b: float

    def probability(self, x: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):  # exp overflow → probability 0, as scipy's expit gives
            return 1.0 / (1.0 + np.exp(self.a * (x @ self.coef + self.intercept) + self.b))


@dataclass(frozen=True, eq=False)
class FitModel:
    """A trained fit model; ``card`` is its model card."""

    criterion_ids: tuple[str, ...]
    profile: str
    columns: tuple[str, ...]  # numeric columns: allow-listed facts, then checklist statuses
    mean: np.ndarray
    scale: np.ndarray
    terms: tuple[str, ...]  # the text vocabulary in column order (empty: the model reads no text)
    idf: np.ndarray
    folds: tuple[Fold, ...]
    name: str = "fit"
    labels: dict[str, str] = field(default_factory=dict)  # criterion id → label, for reasons
    card: dict = field(default_factory=dict)

    def predict_proba(self, assessments: Sequence[Assessment]) -> np.ndarray:
        """Probability of fit (the positive class) per assessment."""
        if not assessments:
            return np.zeros(0)
        x = self._features(frame(assessments, self.criterion_ids))
        return np.mean([fold.probability(x) for fold in self.folds], axis=0)

    def feature_names(self) -> list[str]:
        return [f"num__{c}" for c in self.columns] + [f"text__{t}" for t in self.terms]

    def coefficients(self) -> np.ndarray:
        """Logistic coefficients averaged over the calibration folds."""
        return np.mean([fold.coef for fold in self.folds], axis=0)

    def explain(self, assessment: Assessment, top: int = 3) -> tuple[Reason, ...]:
        """Top positive then negative contributions (coef × standardized value) in plain words.

        Numeric features whose learned direction contradicts the domain's (``reasons.plausible``),
        or whose reading would contradict the candidate's checklist (``reasons.agrees``), are left
        out of the explanation.
        """
        df = frame([assessment], self.criterion_ids)
        row = df.iloc[0]
        coef = self.coefficients()
        contrib = coef * self._features(df)[0]
        n = len(self.columns)
        numeric = [
            (c, name)
            for c, k, name in zip(contrib[:n], coef[:n], self.columns, strict=True)
            if c
            and plausible(name, k)
            and agrees(name, float(row[name]), "+" if c > 0 else "-", assessment.checklist.criteria)
        ]
        terms = list(zip(contrib[n:], self.terms, strict=True))
        reasons: list[Reason] = []
        for sign in ("+", "-"):
            picked = sorted((p for p in numeric if (p[0] > 0 if sign == "+" else p[0] < 0)), key=lambda p: -abs(p[0]))[
                :top
            ]
            reasons += [
                Reason(describe(name, float(row[name]), self.labels), sign, round(float(c), 3)) for c, name in picked
            ]
            words = sorted((t for t in terms if (t[0] > 0 if sign == "+" else t[0] < 0)), key=lambda t: -abs(t[0]))
            total = sum(c for c, _ in words)
            if words and abs(total) >= 0.05:
                reasons.append(Reason(describe_terms([w for _, w in words[:4]], sign), sign, round(float(total), 3)))
        return tuple(sorted(reasons, key=lambda r: (r.direction != "+", -abs(r.weight))))

    def _features(self, df) -> np.ndarray:
        """Standardized numeric columns, then the tf-idf of the job-description text, one row per candidate."""
        numeric = (df[list(self.columns)].to_numpy(dtype=float) - self.mean) / self.scale
        text = np.zeros((len(df), len(self.terms)))
        for row, doc in enumerate(df[TEXT_COLUMN]):
            for term, count in Counter(t for t in _tokens(doc.lower()) if t in self._index).items():
                text[row, self._index[term]] = math.log(count) + 1.0  # sublinear tf
        text *= self.idf
        norms = np.sqrt((text**2).sum(axis=1, keepdims=True))
        np.divide(text, norms, out=text, where=norms > 0)
        return np.hstack([numeric, text])

    @cached_property
    def _index(self) -> dict[str, int]:
        return {term: i for i, term in enumerate(self.terms)}

    def to_dict(self) -> dict:
        """The model file's content (JSON floats round-trip exactly)."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "name": self.name,
            "profile": self.profile,
            "criterion_ids": list(self.criterion_ids),
            "labels": self.labels,
            "columns": list(self.columns),
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "analyzer": ANALYZER,
            "terms": list(self.terms),
            "idf": self.idf.tolist(),
            "folds": [{"coef": f.coef.tolist(), "intercept": f.intercept, "a": f.a, "b": f.b} for f in self.folds],
        }

    def save(self, out_dir: str | Path) -> Path:
        """Write ``model.json`` and ``model_card.json`` into ``out_dir``."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        # one key a line, each array on its line: readable, and diffs show what changed
        lines = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in self.to_dict().items()]
        (out / MODEL_FILE).write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
        (out / CARD_FILE).write_text(json.dumps(self.card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return out


@cache
def _token_pattern() -> re.Pattern:
    return re.compile(TOKEN_PATTERN)


def _tokens(text: str) -> list[str]:
    return _token_pattern().findall(text)


def load_model(path: str | Path) -> FitModel:
    """Load a saved model: a folder with ``model.json`` (+ card), the file itself, or a shipped name.

    ModelError, saying why, for anything else: no model, a pickle (never loaded: it could run
    code), a newer format version, or a file that is not a valid model.
    """
    p = Path(path)
    if not p.exists() and not p.is_absolute() and len(p.parts) == 1:
        p = data_dir("models") / p
    file = p / MODEL_FILE if p.is_dir() else p
    pickles = sorted(q.name for q in p.iterdir() if q.suffix in PICKLES) if p.is_dir() else [p.name]
    if file.suffix in PICKLES or (p.is_dir() and pickles and not file.is_file()):
        raise ModelError(
            f"{path}: {pickles[0]} is a pickle (a model of an earlier kamscreen); pickles are never "
            f"loaded, they could run code: retrain with `kamscreen train`"
        )
    if not file.is_file():
        raise ModelError(f"{path}: no model found (expected {MODEL_FILE}); train one with `kamscreen train`")
    data = _read_json(file, "model")
    model = from_dict(data, file)
    card = file.parent / CARD_FILE
    if card.is_file():
        card_data = _read_json(card, "model card")
        if not isinstance(card_data, dict):
            raise ModelError(f"{card}: not a model card (a JSON object is expected)")
        model = replace(model, card=card_data)
    return model


def _read_json(file: Path, what: str) -> object:
    try:
        if file.stat().st_size > MAX_BYTES:
            raise ModelError(f"{file}: {file.stat().st_size} bytes is too large for a {what} file")
        return json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ModelError(f"{file}: not a kamscreen {what} file (cannot read it as JSON: {exc})") from None


def from_dict(data: object, source: str | Path = "model") -> FitModel:
    """The model a file's content describes; ModelError naming what is wrong with it."""

    def bad(why: str) -> ModelError:
        return ModelError(f"{source}: not a valid kamscreen model ({why}); retrain with `kamscreen train`")

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ModelError(f'{source}: not a kamscreen model file (no "format": "{FORMAT}")')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise bad(f"version {version!r}")
    if version > VERSION:
        raise ModelError(
            f"{source}: model format version {version} is newer than this kamscreen reads "
            f"(up to {VERSION}): upgrade kamscreen, or retrain the model with this one"
        )
    if data.get("analyzer") != ANALYZER:
        raise bad(f"its text analyzer {data.get('analyzer')!r} is not {ANALYZER!r}")
    name, profile = data.get("name"), data.get("profile")
    if not isinstance(name, str) or not isinstance(profile, str):
        raise bad("name and profile must be strings")
    criterion_ids = _strings(data.get("criterion_ids"), "criterion_ids", bad)
    columns = _strings(data.get("columns"), "columns", bad)
    terms = _strings(data.get("terms"), "terms", bad)
    labels = data.get("labels")
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        raise bad("labels must map criterion ids to strings")
    try:
        check_feature_names([*columns, *(f"text__{t}" for t in terms)])
        known = set(numeric_features()) | set(status_columns(criterion_ids))
    except ProtectedFeatureError as exc:
        raise ModelError(f"{source}: {exc}") from None
    unknown = [c for c in columns if c not in known]
    if unknown:
        raise bad(f"columns this kamscreen does not compute: {', '.join(unknown[:5])}")
    n = len(columns) + len(terms)
    scale = _numbers(data.get("scale"), len(columns), "scale", bad)
    idf = _numbers(data.get("idf"), len(terms), "idf", bad)
    if (scale <= 0).any() or (idf <= 0).any():
        raise bad("scale and idf must be positive")
    folds = data.get("folds")
    if not isinstance(folds, list) or not folds or not all(isinstance(f, dict) for f in folds):
        raise bad("folds must be a non-empty list of objects")
    return FitModel(
        criterion_ids,
        profile,
        columns,
        _numbers(data.get("mean"), len(columns), "mean", bad),
        scale,
        terms,
        idf,
        tuple(
            Fold(
                _numbers(f.get("coef"), n, "coef", bad),
                *(float(_numbers([f.get(k)], 1, k, bad)[0]) for k in ("intercept", "a", "b")),
            )
            for f in folds
        ),
        name,
        dict(labels),
    )


def _strings(value: object, what: str, bad: Callable[[str], ModelError]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or len(set(value)) < len(value):
        raise bad(f"{what} must be a list of distinct strings")
    return tuple(value)


def _numbers(value: object, n: int, what: str, bad: Callable[[str], ModelError]) -> np.ndarray:
    """``n`` finite numbers as a float array (JSON ``true`` is no number)."""
    if (
        not isinstance(value, list)
        or len(value) != n
        or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
    ):
        raise bad(f"{what} must be a list of {n} numbers")
    try:
        array = np.array(value, dtype=float)
    except OverflowError:  # an integer beyond any float
        raise bad(f"{what} holds a number that is not finite") from None
    if not np.isfinite(array).all():
        raise bad(f"{what} holds a number that is not finite")
    return array
