"""``kamscreen screen DIR --out OUT``: screen a folder of CVs into a ranking and an HTML report."""
from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.console import Console

from kamscreen.cli.options import parse_as_of


def screen_command(
    folder: Path = typer.Argument(..., exists=True, help="Folder of CVs (searched recursively) or one file."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output folder (also holds cache.sqlite)."),
    profile: str = typer.Option("kam-director", "--profile", help="Role profile: a shipped name or a YAML path."),
    industry: str = typer.Option(None, "--industry", help="Require experience in this industry, e.g. fmcg."),
    as_of: str = typer.Option(None, "--as-of", help="The 'present' for current jobs, YYYY-MM-DD."),
    model: Path = typer.Option(None, "--model", help="Rank by this fit model (a folder written by `kamscreen train`); "
                                                     "default: by checklist score."),
    blind: bool = typer.Option(False, "--blind", help="Mask names, contacts, age, gender, birth dates in every output."),
    jobs: int = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: CPU count; 1 = in-process)."),
    timeout: float = typer.Option(60.0, "--timeout", min=0.0, help="Seconds per file before it is reported as 'timeout' (0 = none)."),
    allow_large: bool = typer.Option(False, "--allow-large", help="Accept files over 20 MB or 30 pages."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address tcp://HOST:PORT (shared filesystem)."),
) -> None:
    """Parse, extract and score every CV in FOLDER; write ranking.csv/.xlsx, candidates.jsonl, report.html.

    Re-running over the same folder reads unchanged files from OUT/cache.sqlite; an interrupted run
    resumes where it stopped.
    """
    from kamscreen.batch import screen
    from kamscreen.score import ModelError, ProfileError

    console = Console()
    workers = scheduler or f"{jobs or os.cpu_count() or 1} worker process(es)"
    console.print(f"screening {folder} with {workers} (starting them takes a few seconds)…", highlight=False,
                  soft_wrap=True)
    try:
        summary = screen(
            folder, out, profile=profile, industry=industry, as_of=parse_as_of(as_of),
            model=model, blind=blind, jobs=jobs or os.cpu_count() or 1,
            timeout=timeout or None, allow_large=allow_large, scheduler=scheduler,
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
    console.print(f"ranked by {summary.ranked_by}", highlight=False, soft_wrap=True)
    for kind, path in summary.outputs.items():
        console.print(f"  {kind:5} {path}", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("screen")(screen_command)
