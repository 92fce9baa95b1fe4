"""``kamscreen train LABELS.csv --cvs DIR --out models/NAME``: fit, cross-validate, write model + card."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from kamscreen.cli.options import fail, parse_as_of, warn


def train_command(
    labels: Path = typer.Argument(
        ..., help="CSV with a 'file' and a 'label' column (1/0, yes/no, hired/rejected or a hiring stage)."
    ),
    cvs: Path = typer.Option(..., "--cvs", help="Folder the file names in LABELS are relative to."),
    out: Path = typer.Option(..., "--out", help="Folder to write the model and its card, e.g. models/mine."),
    seed: int = typer.Option(0, "--seed", help="Random seed: the same seed gives the same metrics."),
    profile: str = typer.Option("kam-director", "--profile", help="Role profile whose checklist feeds the model."),
    positive_from: str = typer.Option(
        "shortlisted",
        "--positive-from",
        help="First stage counted as positive: rejected < screened < shortlisted < interviewed < offer < hired.",
    ),
    industry: str = typer.Option(None, "--industry", help="Require this industry in the checklist."),
    as_of: str = typer.Option(None, "--as-of", help="The 'present' for current jobs, YYYY-MM-DD."),
    synthetic: bool = typer.Option(
        None, "--synthetic/--real", help="Say whether the CVs are synthetic (default: guessed from the path)."
    ),
) -> None:
    """Train the fit model and report cross-validated ROC-AUC, AP and precision@10 vs the checklist."""
    from kamscreen.score import ProfileError
    from kamscreen.score.train import TrainingError, train

    if not cvs.is_dir():
        fail(f"--cvs {cvs} is not a folder")
    try:
        result = train(
            labels,
            cvs,
            out,
            seed=seed,
            profile=profile,
            positive_from=positive_from,
            industry=industry,
            as_of=parse_as_of(as_of),
            synthetic=synthetic,
        )
    except (TrainingError, ProfileError) as exc:
        fail(str(exc))
    except OSError as exc:  # --out a file, read-only, disk full
        fail(f"{exc.filename or out}: cannot write the model ({exc.strerror or exc})")
    for warning in result.card["warnings"]:
        warn(warning)
    data, metrics = result.card["data"], result.metrics
    table = Table(title=f"{data['n']} CVs ({data['positive']} positive) · {metrics['folds']}-fold CV · seed {seed}")
    for column in ("scorer", "ROC-AUC", "avg precision", "precision@10"):
        table.add_column(column)
    for name, label in (("model", "fit model"), ("checklist", "checklist score")):
        m = metrics[name]
        table.add_row(label, f"{m['roc_auc']:.3f}", f"{m['average_precision']:.3f}", f"{m['precision_at_10']:.2f}")
    Console().print(table)
    Console().print(f"model and card written to {out}")


def register(app: typer.Typer) -> None:
    app.command("train")(train_command)
