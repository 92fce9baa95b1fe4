"""``kamscreen extract FILE``: the facts of one CV, each with its evidence."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from kamscreen.cli.options import NO_OCR_HELP, echo_json, parse_as_of


def extract_command(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A CV file (PDF, DOCX, RTF, TXT)."),
    as_of: str = typer.Option(None, "--as-of", help="The 'present' for current jobs, YYYY-MM-DD."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    allow_large: bool = typer.Option(False, "--allow-large", help="Accept files over 20 MB or 30 pages."),
    no_ocr: bool = typer.Option(False, "--no-ocr", help=NO_OCR_HELP),
) -> None:
    """Extract the job timeline, experience, team size, languages, industry and KPIs of one CV."""
    from kamscreen.extract import extract
    from kamscreen.parse import parse

    present = parse_as_of(as_of)
    facts = extract(parse(file, as_of=present, allow_large=allow_large, ocr=not no_ocr), as_of=present)
    if as_json:
        echo_json(facts.to_dict(), indent=2)
        return
    _print_facts(facts)


def _print_facts(facts) -> None:
    from kamscreen.extract.model import INFERRED_NOTE

    console = Console()
    if facts.status != "ok":
        console.print(f"[bold red]{facts.status}[/]: {facts.error['message'] if facts.error else ''}")
        return
    exp = facts.experience
    console.print(f"[bold]{facts.file}[/] ({facts.language}, as of {facts.as_of})")
    console.print(
        f"total {exp.total_years} y · B2B {exp.b2b_years} y · key-account {exp.key_account_years} y · "
        f"management {exp.management_years} y · stated "
        + (f"{exp.stated_total_years} y" if exp.stated_total_years is not None else "none")
    )
    jobs = Table("start", "end", "title", "employer", "role", "mgmt", "b2b", "industry")
    for job in facts.jobs:
        jobs.add_row(
            job.start or "no dates",
            job.end or ("present" if job.current else ""),
            job.title or "",
            job.employer or "",
            job.role,
            "yes" if job.management else "",
            "yes" if job.b2b else "",
            job.industry,
        )
    console.print(jobs)
    for warning in facts.warnings:
        console.print(f"[yellow]warning:[/] {warning}")
    team = facts.team_size
    console.print(f"team size: {team.value} " + (f"« {team.evidence.text} »" if team.evidence else f"({team.reason})"))
    for lang in facts.languages:
        note = f" ({INFERRED_NOTE})" if lang.inferred else ""
        console.print(f"language: {lang.language} {lang.level}{note}  « {lang.evidence.text} »")
    for kpi in facts.kpis:
        console.print(f"KPI {kpi.kind}: {kpi.value or ''}  « {kpi.evidence.text} »")


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
