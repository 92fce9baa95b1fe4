"""``kamscreen parse FILE``: the text, sections, language and date of one CV (or why it is unreadable)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kamscreen.cli.options import NO_OCR_HELP, echo_json, parse_as_of

PREVIEW_CHARS = 160


def parse_command(
    file: Path = typer.Argument(..., help="A CV file (PDF, DOCX, RTF, DOC, TXT); the format is read from the bytes."),
    as_json: bool = typer.Option(False, "--json", help="Print ParsedCV.to_dict() as one JSON object."),
    as_of: str = typer.Option(None, "--as-of", help="The CV's 'present', YYYY-MM-DD (overrides every other date)."),
    allow_large: bool = typer.Option(False, "--allow-large", help="Accept files over 20 MB or 30 pages."),
    no_ocr: bool = typer.Option(False, "--no-ocr", help=NO_OCR_HELP),
) -> None:
    """Parse one CV. Exits 0 for any file it could judge, even an unreadable one (see "status")."""
    from kamscreen.parse import parse

    present = parse_as_of(as_of)
    if not file.is_file():
        problem = "not a regular file" if file.exists() else "no such file"
        raise typer.BadParameter(f"{problem}: {file}", param_hint="FILE")
    cv = parse(file, as_of=present, allow_large=allow_large, ocr=not no_ocr)
    if as_json:
        echo_json(cv.to_dict())
        return
    _print_summary(cv)


def _print_summary(cv) -> None:
    console = Console()
    if cv.error is not None:
        console.print(f"[bold red]{cv.status}[/] {escape(f'[{cv.error.code}]')} {escape(cv.error.message)}")
        return
    date = cv.document_date
    console.print(
        f"[bold]{escape(cv.file)}[/]  {cv.format}, {cv.pages} page(s), language {cv.language}, "
        f"{len(cv.text)} chars, date {date.date.isoformat() if date.date else '?'} ({date.source})"
    )
    table = Table("section", "header", "chars", "starts with")
    for section in cv.sections:
        body = cv.text[section.start : section.end]
        if section.header:
            body = body[len(section.header) :] if body.startswith(section.header) else body
        preview = " ".join(body.split())[:PREVIEW_CHARS]
        table.add_row(section.name, escape(section.header or ""), str(section.end - section.start), escape(preview))
    console.print(table)
    for warning in cv.warnings:
        console.print(f"[yellow]warning:[/] {escape(warning)}")


def register(app: typer.Typer) -> None:
    app.command("parse")(parse_command)
