"""``kamscreen screen DIR --out OUT``: screen a folder of CVs into a ranking and an HTML report."""
from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.console import Console

from kamscreen.cli.options import NO_OCR_HELP, parse_as_of


def screen_command(
    folder: Path = typer.Argument(..., exists=True, help="Folder of CVs (searched recursively) or one file."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output folder (also holds cache.sqlite)."),
    profile: str = typer.Option("kam-director", "--profile", help="Role profile: a shipped name or a YAML path."),
    industry: str = typer.Option(None, "--industry", help="Require experience in this industry, e.g. fmcg."),
    as_of: str = typer.Option(None, "--as-of", help="The 'present' for current jobs, YYYY-MM-DD."),
    model: Path = typer.Option(None, "--model", help="Fit model folder (default: models/default if shipped)."),
    blind: bool = typer.Option(False, "--blind", help="Mask names, contacts, age, gender, birth dates in every output."),
    jobs: int = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: CPU count; 1 = in-process)."),
    timeout: float = typer.Option(60.0, "--timeout", min=0.0, help="Seconds per file before it is reported as 'timeout' (0 = none)."),
    allow_large: bool = typer.Option(False, "--allow-large", help="Accept files over 20 MB or 30 pages."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address tcp://HOST:PORT (shared filesystem)."),
    no_model: bool = typer.Option(False, "--no-model", help="Rank by checklist score even if a model is shipped."),
    no_ocr: bool = typer.Option(False, "--no-ocr", help=NO_OCR_HELP),
) -> None:
    """Parse, extract and score every CV in FOLDER; write ranking.csv/.xlsx, candidates.jsonl, report.html.

    Re-running over the same folder reads unchanged files from OUT/cache.sqlite; an interrupted run
    resumes where it stopped.
    """
    from kamscreen.batch import screen
    from kamscreen.score import ModelError, ProfileError

    console = Console()
    try:
        summary = screen(
            folder, out, profile=profile, industry=industry, as_of=parse_as_of(as_of),
            model=None if no_model else _model_path(model), blind=blind, jobs=jobs or os.cpu_count() or 1,
            timeout=timeout or None, allow_large=allow_large, scheduler=scheduler, ocr=not no_ocr,
        )
    except (ProfileError, ModelError, FileNotFoundError) as exc:
        console.print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        console.print(f"interrupted: finished files are kept in {out / 'cache.sqlite'}; run again to resume")
        raise typer.Exit(130) from None
    console.print(
        f"[bold]{summary.total}[/] CVs · processed {summary.processed} · cached {summary.cached} · "
        f"needs OCR {summary.needs_ocr} · failed {sum(summary.failed.values())}"
        + (" (" + ", ".join(f"{code} {n}" for code, n in summary.failed.items()) + ")" if summary.failed else "")
        + (" · outputs up to date (nothing changed)" if summary.up_to_date else "")
        + f" · {summary.seconds:.1f} s",
        soft_wrap=True,
    )
    for kind, path in summary.outputs.items():
        console.print(f"  {kind:5} {path}", highlight=False, soft_wrap=True)


def _model_path(model: Path | None) -> Path | None:
    """The model to rank with: ``--model``, else the shipped ``models/default`` when it exists."""
    if model is not None:
        return model
    from kamscreen.resources import data_dir

    default = data_dir("models") / "default"
    if not (default.is_dir() and any(default.iterdir())):
        return None
    from kamscreen.score import ModelError, load_model

    try:
        load_model(default)
    except ModelError as exc:  # a stale shipped model must not stop screening
        Console(stderr=True).print(f"[yellow]warning:[/] {exc}; ranking by checklist score")
        return None
    return default


def register(app: typer.Typer) -> None:
    app.command("screen")(screen_command)
