"""Train the fit model from labeled CVs; cross-validate it against the checklist score; write a card.

Labels: a CSV with a file column (``file``) and a label column (``label``): ``hired``/``rejected``,
``1``/``0``, ``yes``/``no``, ``true``/``false``, or a hiring stage
``rejected < screened < shortlisted < interviewed < offer < hired``; stages from ``positive_from``
(default ``shortlisted``: the CVs a recruiter moved on, which is what screening predicts) on are
positive. An optional ``as_of`` column (YYYY-MM-DD) sets each CV's "present".

>>> result = train("labels.csv", "cvs/", "models/mine", seed=0)      # doctest: +SKIP
>>> result.metrics["model"]["roc_auc"]                               # doctest: +SKIP
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import platform
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath

import numpy as np
from numpy.typing import ArrayLike
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold

from kamscreen.score.card import write_card
from kamscreen.score.classifier import FORMAT, MODEL_FILE, VERSION, FitModel
from kamscreen.score.features import NUMERIC_FEATURES, status_columns
from kamscreen.score.fitting import fit_model
from kamscreen.score.model import Assessment

STAGES = ("rejected", "screened", "shortlisted", "interviewed", "offer", "hired")
DEFAULT_POSITIVE_FROM = "shortlisted"
MIN_LABELS, WARN_LABELS, MIN_PER_CLASS, WARN_PER_CLASS = 20, 50, 3, 10
_FILE_COLUMNS = ("file", "filename", "path", "cv")
_LABEL_COLUMNS = ("label", "stage", "hire_stage", "outcome", "hired")
_TRUE = {"1", "yes", "y", "true", "да", "positive", "pos"}
_FALSE = {"0", "no", "n", "false", "нет", "negative", "neg"}


class TrainingError(ValueError):
    """Training refused: too few labels, one class, a bad labels file. The CLI exits with code 2."""


@dataclass(frozen=True)
class Label:
    file: str
    y: int
    raw: str
    as_of: dt.date | None = None
    line: int = 0  # in the labels CSV


@dataclass
class TrainResult:
    model: FitModel
    metrics: dict
    card: dict
    warnings: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # labelled files the parser could not read: left out


def read_labels(path: str | Path, positive_from: str = DEFAULT_POSITIVE_FROM) -> list[Label]:
    """Read and normalise the labels CSV; TrainingError naming the line on anything unusable.

    File names must be relative paths inside the CVs folder (no absolute paths, no ``..``); a
    name the report's export quoted against spreadsheet formulas (``'=x.pdf``) is unquoted. A file
    labelled twice with different labels is refused; a repeated identical row is read once.
    """
    from kamscreen.report.rows import unneutralise  # the labels CSV is the report's export format
    from kamscreen.score.profiles import did_you_mean

    if positive_from not in STAGES:
        raise TrainingError(
            f"--positive-from must be one of {', '.join(STAGES)}, got {positive_from!r}"
            f"{did_you_mean(positive_from, STAGES)}"
        )
    if not Path(path).is_file():  # a folder, or a pipe that would never end
        raise TrainingError(f"{path}: not a labels file" if Path(path).exists() else f"{path}: no such file")
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.reader(fh)
            header = [h.strip().lower() for h in next(reader, [])]
            rows = [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise TrainingError(f"{path}: cannot read the labels ({getattr(exc, 'strerror', None) or exc})") from None
    if not rows:
        raise TrainingError(f"{path}: no labels (an empty file or only a header)")
    file_col = next((header.index(c) for c in _FILE_COLUMNS if c in header), None)
    label_col = next((header.index(c) for c in _LABEL_COLUMNS if c in header), None)
    if file_col is None or label_col is None:
        missing = "file" if file_col is None else "label"
        raise TrainingError(f"{path}: no {missing} column; expected a 'file' and a 'label' column, got {header}")
    as_of_col = header.index("as_of") if "as_of" in header else None
    cut = STAGES.index(positive_from)
    labels: dict[str, Label] = {}
    for line, cells in rows:
        if len(cells) > len(header):
            raise TrainingError(f"{path}: line {line}: {len(cells)} fields but the header has {len(header)}")
        cells = [c.strip() for c in cells] + [""] * (len(header) - len(cells))
        raw = cells[label_col].lower()
        if raw in STAGES:
            y = int(STAGES.index(raw) >= cut)
        elif raw in _TRUE or raw in _FALSE:
            y = int(raw in _TRUE)
        else:
            raise TrainingError(
                f"{path}: line {line}: label {cells[label_col][:60]!r} is not one of "
                f"1/0, yes/no, true/false or a stage ({' < '.join(STAGES)})"
            )
        as_of = None
        if as_of_col is not None and cells[as_of_col]:
            try:
                as_of = dt.date.fromisoformat(cells[as_of_col])
            except ValueError:
                raise TrainingError(f"{path}: line {line}: as_of {cells[as_of_col][:40]!r} is not YYYY-MM-DD") from None
        file = unneutralise(cells[file_col])
        if not file:
            raise TrainingError(f"{path}: line {line}: empty file name")
        name = PurePath(file)
        if name.is_absolute() or ".." in name.parts:
            raise TrainingError(
                f"{path}: line {line}: {file[:80]!r} is not a path inside the CVs folder "
                "(absolute paths and '..' are refused)"
            )
        label = Label(name.as_posix(), y, raw, as_of, line)
        earlier = labels.get(label.file)
        if earlier is not None and (earlier.y, earlier.as_of) != (label.y, label.as_of):
            raise TrainingError(
                f"{path}: line {line}: {label.file[:80]!r} is labelled differently on line {earlier.line}"
            )
        labels.setdefault(label.file, label)
    return list(labels.values())


def check_labels(y: Sequence[int]) -> list[str]:
    """TrainingError when the labels cannot train a model; warnings when they barely can."""
    y = list(y)
    pos, neg = sum(y), len(y) - sum(y)
    if len(y) < MIN_LABELS:
        raise TrainingError(f"only {len(y)} labeled CVs; at least {MIN_LABELS} are needed to train")
    if pos == 0 or neg == 0:
        raise TrainingError(f"all {len(y)} labels are {'positive' if pos else 'negative'}; both classes are needed")
    if min(pos, neg) < MIN_PER_CLASS:
        raise TrainingError(f"{pos} positive and {neg} negative labels; each class needs at least {MIN_PER_CLASS}")
    warnings = []
    if len(y) < WARN_LABELS:
        warnings.append(f"only {len(y)} labels (< {WARN_LABELS}): the metrics are very uncertain")
    if min(pos, neg) < WARN_PER_CLASS:
        fewer = "positive" if pos < neg else "negative"
        warnings.append(
            f"only {min(pos, neg)} {fewer} labels (< {WARN_PER_CLASS}): the cross-validated "
            f"ROC-AUC and average precision rest on so few CVs that even 1.000 means little"
        )
    return warnings


def precision_at(y: np.ndarray, scores: np.ndarray, k: int = 10) -> float:
    """Share of positives among the ``k`` best-scored (stable order on ties)."""
    order = np.argsort(-scores, kind="stable")[: min(k, len(y))]
    return float(np.mean(y[order])) if len(order) else 0.0


def cross_validate(assessments: Sequence[Assessment], y: ArrayLike, seed: int = 0, folds: int = 5) -> dict:
    """Out-of-fold ROC-AUC, average precision and precision@10: the model vs the checklist score alone.

    Both are measured on the same stratified folds; figures are over the pooled out-of-fold scores,
    with the per-fold ROC-AUC mean and spread beside them.
    """
    labels = np.asarray(y, dtype=int)
    n_splits = max(2, min(folds, int(np.bincount(labels).min())))
    splitter = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    model_oof = np.zeros(len(labels))
    checklist = np.array([a.checklist.score for a in assessments], dtype=float)
    per_fold: dict[str, list[float]] = {"model": [], "checklist": []}
    for train_idx, test_idx in splitter.split(np.zeros(len(labels)), labels):
        model = fit_model([assessments[i] for i in train_idx], labels[train_idx], seed=seed)
        model_oof[test_idx] = model.predict_proba([assessments[i] for i in test_idx])
        if len(set(labels[test_idx])) == 2:
            per_fold["model"].append(roc_auc_score(labels[test_idx], model_oof[test_idx]))
            per_fold["checklist"].append(roc_auc_score(labels[test_idx], checklist[test_idx]))
    return {
        "folds": n_splits,
        **{
            name: _metrics(labels, scores, per_fold[name])
            for name, scores in (("model", model_oof), ("checklist", checklist))
        },
    }


def _metrics(y: np.ndarray, scores: np.ndarray, fold_aucs: list[float]) -> dict:
    return {
        "roc_auc": round(float(roc_auc_score(y, scores)), 4),
        "average_precision": round(float(average_precision_score(y, scores)), 4),
        "precision_at_10": round(precision_at(y, scores, 10), 4),
        "roc_auc_fold_mean": round(float(np.mean(fold_aucs)), 4) if fold_aucs else None,
        "roc_auc_fold_std": round(float(np.std(fold_aucs)), 4) if fold_aucs else None,
    }


def data_hash(file_hashes: Sequence[str], labels: Sequence[Label]) -> str:
    """sha256 over the sorted (file sha256, label) pairs: the same data gives the same hash."""
    pairs = sorted(f"{h}\t{lab.y}\t{lab.raw}" for h, lab in zip(file_hashes, labels, strict=True))
    return hashlib.sha256("\n".join(pairs).encode("utf-8")).hexdigest()


@dataclass
class Corpus:
    """The labelled CVs that could be read, and the names of those that could not."""

    assessments: list[Assessment] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)


def load_corpus(
    labels: Sequence[Label],
    cvs_dir: str | Path,
    profile: str = "kam-director",
    industry: str | None = None,
    as_of: dt.date | None = None,
) -> Corpus:
    """Parse, extract and score each labeled CV; a file that is not ``ok`` (unreadable, a scan) is left out.

    TrainingError when a name leads out of ``cvs_dir`` (through a symbolic link).
    """
    from kamscreen.extract import extract
    from kamscreen.parse import parse
    from kamscreen.score import score

    root = Path(cvs_dir).resolve()
    corpus = Corpus()
    for label in labels:
        path = root / label.file
        real = path.resolve()
        if root not in real.parents:
            raise TrainingError(f"line {label.line}: {label.file!r} leads out of {cvs_dir} (a symbolic link); refused")
        if not real.is_file():
            corpus.missing.append(label.file)
            continue
        present = label.as_of or as_of
        facts = extract(parse(real, as_of=present), as_of=present)
        if facts.status != "ok":
            corpus.unreadable.append(f"{label.file} ({(facts.error or {}).get('code', facts.status)})")
            continue
        corpus.assessments.append(score(facts, profile, industry))
        corpus.labels.append(label)
        corpus.hashes.append(facts.sha256 or hashlib.sha256(real.read_bytes()).hexdigest())
    return corpus


def train(
    labels_csv: str | Path,
    cvs_dir: str | Path,
    out: str | Path,
    seed: int = 0,
    profile: str = "kam-director",
    positive_from: str = DEFAULT_POSITIVE_FROM,
    industry: str | None = None,
    as_of: dt.date | None = None,
    synthetic: bool | None = None,
) -> TrainResult:
    """Train on the labeled CVs, cross-validate, write ``out``/model.json + model card; TrainingError if refused."""
    from kamscreen.score.profiles import required_industry

    industry = required_industry(industry)
    labels = read_labels(labels_csv, positive_from)
    check_labels([lab.y for lab in labels])  # refuse early, before parsing anything
    corpus = load_corpus(labels, cvs_dir, profile, industry, as_of)
    assessments, kept, hashes, missing = corpus.assessments, corpus.labels, corpus.hashes, corpus.missing
    if missing and not assessments:
        raise TrainingError(f"none of the {len(labels)} labeled files is in {cvs_dir}: {_listed(missing)}")
    if corpus.unreadable:
        problem = (
            f"{len(corpus.unreadable)} labeled file(s) could not be read and were left out: "
            f"{_listed(corpus.unreadable)}"
        )
        if not assessments:
            raise TrainingError(problem)
    notes = [f"{len(missing)} labeled file(s) not found in {cvs_dir}, skipped: {_listed(missing)}"] if missing else []
    if corpus.unreadable:
        notes.append(problem)
    if synthetic is None:
        synthetic = "fixtures" in Path(cvs_dir).resolve().parts
    try:
        result = train_assessments(
            assessments,
            kept,
            hashes,
            out,
            seed=seed,
            profile=profile,
            positive_from=positive_from,
            industry=industry,
            synthetic=synthetic,
            source=Path(cvs_dir).name,
            notes=notes,
        )
    except TrainingError as exc:
        left_out = len(labels) - len(kept)
        raise TrainingError(
            f"{exc} ({left_out} of {len(labels)} labels left out: missing or unreadable files)"
            if left_out
            else str(exc)
        ) from None
    result.missing, result.unreadable = missing, corpus.unreadable
    return result


def train_assessments(
    assessments: Sequence[Assessment],
    labels: Sequence[Label],
    hashes: Sequence[str],
    out: str | Path,
    *,
    seed: int = 0,
    profile: str = "kam-director",
    positive_from: str = DEFAULT_POSITIVE_FROM,
    industry: str | None = None,
    synthetic: bool = False,
    source: str = "",
    notes: Sequence[str] = (),
) -> TrainResult:
    """Train on CVs already scored (one Label and file sha256 each): check, cross-validate, fit, write.

    What ``train`` does after reading the CVs; the review app calls it with the recruiters'
    decisions. TrainingError when the labels cannot train a model.
    """
    y = [lab.y for lab in labels]
    warnings = check_labels(y) + list(notes)
    metrics = cross_validate(assessments, y, seed)
    model = fit_model(assessments, y, seed=seed, name=Path(out).name)
    model = replace(
        model,
        card=_card(model, metrics, labels, hashes, seed, profile, positive_from, industry, synthetic, warnings, source),
    )
    model.save(out)
    write_card(model.card, Path(out))
    return TrainResult(model, metrics, model.card, warnings)


def _listed(names: list[str], shown: int = 20) -> str:
    return ", ".join(names[:shown]) + (" …" if len(names) > shown else "")


def _card(
    model: FitModel,
    metrics: dict,
    labels: Sequence[Label],
    hashes: Sequence[str],
    seed: int,
    profile: str,
    positive_from: str,
    industry: str | None,
    synthetic: bool,
    warnings: list[str],
    source: str,
) -> dict:
    import pandas
    import sklearn

    import kamscreen

    names = model.feature_names()
    y = [lab.y for lab in labels]
    return {
        "name": model.name,
        "created": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "profile": profile,
        "industry": industry,
        "seed": seed,
        "label_rule": f"positive = stage {positive_from} or later ({' < '.join(STAGES)}), or 1/yes/true",
        "data": {
            "cvs": source,
            "sha256": data_hash(hashes, labels),
            "n": len(y),
            "positive": int(sum(y)),
            "negative": int(len(y) - sum(y)),
            "synthetic": synthetic,
        },
        "metrics": metrics,
        "features": {
            "numeric": list(NUMERIC_FEATURES),
            "checklist_statuses": status_columns(model.criterion_ids),
            "text_terms": sum(1 for n in names if n.startswith("text__")),
            "text_source": "lemmas of the job-description spans, protected words removed",
            "excluded": "name, gender, age, birth date, photo, marital status, nationality, citizenship",
        },
        "estimator": "ColumnTransformer(StandardScaler | TfidfVectorizer) → CalibratedClassifierCV(sigmoid, "
        "LogisticRegression(class_weight=balanced))",
        "model_file": f"{MODEL_FILE} (format {FORMAT} version {VERSION}: fitted parameters as JSON, no pickle)",
        "versions": {
            "python": platform.python_version(),
            "kamscreen": kamscreen.__version__,
            "scikit-learn": sklearn.__version__,
            "numpy": np.__version__,
            "pandas": pandas.__version__,
        },
        "warnings": warnings
        + (
            [
                "SYNTHETIC DATA: this model was trained on generated fixture CVs and labels, not on real "
                "hiring outcomes. Its probabilities say how much a CV resembles the fixtures' hires; do not "
                "use them for real decisions before retraining on your own labeled CVs."
            ]
            if synthetic
            else []
        ),
    }
