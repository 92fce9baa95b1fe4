"""The human-readable model card (MODEL_CARD.md) rendered from the card dict (model_card.json)."""

from __future__ import annotations

from pathlib import Path

CARD_MD = "MODEL_CARD.md"


def render_markdown(card: dict) -> str:
    """Markdown for a model card dict as written by ``kamscreen.score.train``."""
    data, metrics = card["data"], card["metrics"]
    lines = [f"# Model card: {card['name']}", ""]
    for warning in card.get("warnings", []):
        lines += [f"> **Warning:** {warning}", ""]
    lines += [
        "## What it does",
        f"Estimates the probability that a CV fits the **{card['profile']}** profile"
        + (f" in **{card['industry']}**" if card.get("industry") else "")
        + ", from labeled past hiring decisions. It ranks candidates; the checklist explains them.",
        "",
        f"- Estimator: {card['estimator']}",
        *([f"- Saved as: {card['model_file']}"] if card.get("model_file") else []),
        f"- Labels: {card['label_rule']}",
        f"- Seed: {card['seed']} · created {card['created']}",
        "",
        "## Training data",
        f"- {data['n']} CVs from `{data['cvs']}`: {data['positive']} positive, {data['negative']} negative"
        + (" — **synthetic fixtures**" if data.get("synthetic") else ""),
        f"- Data hash (sha256 over sorted file hashes + labels): `{data['sha256']}`",
        "",
        f"## Cross-validated metrics ({metrics['folds']} stratified folds, out-of-fold)",
        "| scorer | ROC-AUC | average precision | precision@10 | ROC-AUC per fold |",
        "|---|---|---|---|---|",
    ]
    for name in ("model", "checklist"):
        m = metrics[name]
        fold = f"{m['roc_auc_fold_mean']} ± {m['roc_auc_fold_std']}" if m.get("roc_auc_fold_mean") is not None else "–"
        label = "fit model" if name == "model" else "checklist score alone"
        lines.append(f"| {label} | {m['roc_auc']} | {m['average_precision']} | {m['precision_at_10']} | {fold} |")
    feats = card["features"]
    lines += [
        "",
        "## Features",
        f"- Numeric allow-list ({len(feats['numeric'])}): " + ", ".join(feats["numeric"]),
        "- Checklist statuses: " + ", ".join(feats["checklist_statuses"]),
        f"- Text: {feats['text_terms']} terms — {feats['text_source']}",
        f"- Never used: {feats['excluded']}",
        "",
        "## Versions (of the training run; scoring needs no scikit-learn)",
        ", ".join(f"{k} {v}" for k, v in card["versions"].items()),
        "",
    ]
    return "\n".join(lines)


def write_card(card: dict, out_dir: Path) -> Path:
    path = Path(out_dir) / CARD_MD
    path.write_text(render_markdown(card), encoding="utf-8")
    return path
