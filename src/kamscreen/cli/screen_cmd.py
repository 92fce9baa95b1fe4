"""``kamscreen screen DIR --out OUT``: screen a folder of CVs into a ranking and an HTML report."""

from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from kamscreen.cli.options import NO_OCR_HELP, fail, finite, parse_as_of, warn

SHOW_SKIPPED = 20  # skipped entries listed by name; the rest are counted


def screen_command(
    folder: Path = typer.Argument(..., exists=True, help="Folder of CVs (searched recursively) or one file."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output folder (also holds cache.sqlite)."),
    profile: str = typer.Option("kam-director", "--profile", help="Role profile: a shipped name or a YAML path."),
    industry: str = typer.Option(None, "--industry", help="Require experience in this industry, e.g. fmcg."),
    as_of: str = typer.Option(None, "--as-of", help="The 'present' for current jobs, YYYY-MM-DD."),
    model: Path = typer.Option(
        None,
        "--model",
        help="Rank by this fit model (a folder written by `kamscreen train`); default: by checklist score.",
    ),
    blind: bool = typer.Option(
        False, "--blind", help="Mask names, contacts, age, gender, birth dates in every output."
    ),
    jobs: int = typer.Option(
        None, "--jobs", "-j", min=1, help="Worker processes (default: CPU count; 1 = in-process)."
    ),
    timeout: float = typer.Option(
        60.0, "--timeout", min=0.0, help="Seconds per file before it is reported as 'timeout' (0 = none)."
    ),
    allow_large: bool = typer.Option(False, "--allow-large", help="Accept files over 20 MB or 30 pages."),
    scheduler: str = typer.Option(
        None, "--scheduler", help="Dask scheduler address tcp://HOST:PORT (shared filesystem)."
    ),
    cache: Path = typer.Option(
        None,
        "--cache",
        help="Cache file (default OUT/cache.sqlite; with --blind, outside OUT in the user's cache folder).",
    ),
    follow_links: bool = typer.Option(
        False, "--follow-links", help="Also screen files that symbolic links point to outside FOLDER."
    ),
    no_ocr: bool = typer.Option(False, "--no-ocr", help=NO_OCR_HELP),
) -> None:
    """Parse, extract and score every CV in FOLDER; write ranking.csv/.xlsx, candidates.jsonl, report.html.

    Re-running over the same folder reads unchanged files from OUT/cache.sqlite; an interrupted run
    resumes where it stopped.
    """
    import sqlite3

    from kamscreen.batch import screen
    from kamscreen.batch.cache import CacheDamaged
    from kamscreen.batch.discover import printable
    from kamscreen.batch.distributed import SchedulerError
    from kamscreen.batch.outdir import OutputError, reason
    from kamscreen.score import ModelError, ProfileError

    console = Console(highlight=False)
    if console.is_terminal:  # a person waiting: say what happens while the workers start
        workers = scheduler or f"{jobs or os.cpu_count() or 1} worker process(es)"
        console.print(
            f"screening {escape(printable(str(folder)))} with {workers} (starting them takes a few seconds)…",
            soft_wrap=True,
        )
    try:
        summary = screen(
            folder,
            out,
            profile=profile,
            industry=industry,
            as_of=parse_as_of(as_of),
            model=model,
            blind=blind,
            jobs=jobs or os.cpu_count() or 1,
            timeout=finite(timeout, "--timeout") or None,
            allow_large=allow_large,
            scheduler=scheduler,
            cache=cache,
            follow_links=follow_links,
            ocr=not no_ocr,
        )
    except (ProfileError, ModelError, OutputError, SchedulerError) as exc:
        fail(str(exc))
    except OSError as exc:  # the disk filled up, a folder turned read-only mid-run, ...
        fail(f"{printable(str(exc.filename or out))}: {reason(exc)}")
    except (sqlite3.Error, CacheDamaged) as exc:
        fail(f"{printable(str(cache or out))}: the cache cannot be used ({exc})")
    except KeyboardInterrupt:
        console.print(
            f"interrupted: finished files are kept in {escape(printable(str(cache or out / 'cache.sqlite')))}; "
            "run again to resume"
        )
        raise typer.Exit(130) from None
    warnings = list(summary.warnings)
    if not summary.total:
        warnings.append(
            f"no CVs in {printable(str(folder))}"
            + (f" ({len(summary.skipped)} entries skipped, below)" if summary.skipped else "")
        )
    for warning in warnings:
        warn(warning)
    console.print(
        f"[bold]{summary.total}[/] CVs"
        + (f" ({summary.candidates} candidates: duplicates grouped)" if summary.candidates < summary.total else "")
        + f" · processed {summary.processed} · cached {summary.cached} · "
        f"needs OCR {summary.needs_ocr} · failed {sum(summary.failed.values())}"
        + (" (" + ", ".join(f"{code} {n}" for code, n in summary.failed.items()) + ")" if summary.failed else "")
        + (f" · skipped {len(summary.skipped)}" if summary.skipped else "")
        + (" · outputs up to date (nothing changed)" if summary.up_to_date else "")
        + f" · {summary.seconds:.1f} s",
        soft_wrap=True,
    )
    console.print(f"ranked by {escape(summary.ranked_by)}", soft_wrap=True)
    if summary.log:
        console.print(
            f"  internal_error rows are kamscreen bugs, not bad files: tracebacks in "
            f"{escape(printable(summary.log))} (please report them)",
            soft_wrap=True,
        )
    for item in summary.skipped[:SHOW_SKIPPED]:
        console.print(f"  skipped {escape(item.name)}: {escape(item.reason)}", soft_wrap=True)
    if len(summary.skipped) > SHOW_SKIPPED:
        console.print(f"  … and {len(summary.skipped) - SHOW_SKIPPED} more skipped", soft_wrap=True)
    for kind, path in summary.outputs.items():
        console.print(f"  {kind:5} {escape(printable(path))}", soft_wrap=True)
    if blind:
        console.print(
            f"  cache {escape(printable(summary.cache))} (holds CV text; kept out of the blind outputs)", soft_wrap=True
        )


def register(app: typer.Typer) -> None:
    app.command("screen")(screen_command)
