"""``kamscreen score FILE...``: the checklist verdict, flags, fit and rank of each CV."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kamscreen.cli.options import NO_OCR_HELP, echo_json, fail, parse_as_of

_STATUS = {"met": "[green]✓[/]", "partly": "[yellow]½[/]", "not_met": "[red]✗[/]", "no_data": "[dim]?[/]"}


def score_command(
    files: list[Path] = typer.Argument(..., exists=True, dir_okay=False, help="CV files (PDF, DOCX, RTF, TXT)."),
    profile: str = typer.Option(
        "kam-director", "--profile", help="kam-director, senior-kam, kam, junior-kam, or a profile YAML file."
    ),
    industry: str | None = typer.Option(None, "--industry", help="Require this industry, e.g. fmcg, pharma, it."),
    model: str = typer.Option(None, "--model", help="A trained fit model folder, e.g. models/default."),
    as_of: str = typer.Option(None, "--as-of", help="The 'present' for current jobs, YYYY-MM-DD."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array, one object per candidate."),
    no_ocr: bool = typer.Option(False, "--no-ocr", help=NO_OCR_HELP),
) -> None:
    """Score CVs against a role profile's checklist and rank them (by fit when a model is given)."""
    from kamscreen.extract import extract
    from kamscreen.parse import parse
    from kamscreen.score import ModelError, ProfileError, load_model, load_profile, rank, required_industry, score

    try:
        prof = load_profile(profile)
        industry = required_industry(industry)
        fit_model = load_model(model) if model else None
    except (ProfileError, ModelError) as exc:
        fail(str(exc))
    present = parse_as_of(as_of)
    assessments = [
        score(extract(parse(f, as_of=present, ocr=not no_ocr), as_of=present), prof, industry) for f in files
    ]
    ranked = rank(assessments, fit_model)
    if as_json:
        echo_json([a.to_dict() for a in ranked], indent=2)
        return
    from kamscreen.score.ranking import ranked_by

    _print(ranked, prof)
    Console().print(f"ranked by {ranked_by(fit_model)}", highlight=False, soft_wrap=True)


def _print(ranked, prof) -> None:
    console = Console()
    table = Table(title=f"{prof.label_en} ({prof.name})")
    table.add_column("#")
    table.add_column("file", style="bold", no_wrap=True, min_width=12)
    for column in ("verdict", "score", "fit"):
        table.add_column(column)
    table.add_column("checklist", no_wrap=True)
    table.add_column("red flags", style="red", overflow="fold")
    table.add_column("green flags", style="green", overflow="fold")
    for a in ranked:
        verdict = {"pass": "[green]pass[/]", "fail": "[red]fail[/]"}.get(a.checklist.verdict, a.checklist.verdict)
        fit = f"{a.fit.probability:.2f}" if a.fit.probability is not None else "–"
        marks = "".join(_STATUS[c.status] for c in a.checklist.criteria)
        red = ", ".join(f.kind for f in a.flags if f.severity == "red")
        green = ", ".join(f.kind for f in a.flags if f.severity == "green")
        table.add_row(
            str(a.rank), escape(Path(a.facts.file).name), verdict, f"{a.checklist.score:.0f}", fit, marks, red, green
        )
    console.print(table)
    if ranked:
        order = " ".join(c.id + ("*" if c.must_have else "") for c in ranked[0].checklist.criteria)
        console.print(f"[dim]checklist: {order} (* must-have) · ✓ met · ½ partly · ✗ not met · ? no data[/]")
    for a in ranked:
        if a.fit.reasons:
            reasons = "; ".join(f"{r.direction} {r.text}" for r in a.fit.reasons)
            console.print(f"[bold]{a.rank}. {escape(Path(a.facts.file).name)}[/]: {escape(reasons)}")


def register(app: typer.Typer) -> None:
    app.command("score")(score_command)
