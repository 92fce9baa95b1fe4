"""``kamscreen hh pull`` / ``hh split``: resumes from hh.ru's employer API into a folder for ``screen``.

``hh pull`` is the only command of kamscreen that goes online, and it talks to hh.ru's API host only.
The OAuth token is read from ``--token-file`` or the ``HH_TOKEN`` environment variable, never from
the command line, and is never printed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

TOKEN_ENV = "HH_TOKEN"
EXIT_STOPPED = 3  # a daily limit stopped the pull: run it again later

hh_app = typer.Typer(
    help="hh.ru: pull a vacancy's responses (the only command that goes online); split a page of resumes.",
    no_args_is_help=True,
)


@hh_app.command("pull")
def pull_command(
    vacancy: str = typer.Option(..., "--vacancy", help="The vacancy's id on hh.ru."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for hh_<resume id>.json and .pdf (then: screen OUT)."),
    token_file: Path = typer.Option(None, "--token-file", help=f"File holding the OAuth token (else ${TOKEN_ENV})."),
    since: str = typer.Option(None, "--since", help="Only responses made on or after this day, YYYY-MM-DD."),
    api_url: str = typer.Option(None, "--api-url", help="The API's address (default https://api.hh.ru)."),
    user_agent: str = typer.Option(None, "--user-agent", help="hh.ru asks for the app's name and a contact e-mail."),
) -> None:
    """Save each response's resume as JSON and PDF. Run it again to resume an interrupted pull."""
    from kamscreen.hh import DEFAULT_API_URL, AuthError, Client, HhError, pull
    from kamscreen.hh.client import USER_AGENT

    console = Console(stderr=True)
    day = _since(since)
    token = _token(token_file, console)
    try:
        client = Client(
            api_url or DEFAULT_API_URL,
            token,
            user_agent=user_agent or USER_AGENT,
            notify=lambda message: console.print(escape(message)),
        )
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--api-url") from None
    try:
        summary = pull(client, vacancy, out, since=day)
    except AuthError as exc:
        console.print(f"[bold red]{escape(str(exc))}[/]")
        raise typer.Exit(2) from None
    except HhError as exc:
        console.print(f"[bold red]stopped:[/] {escape(str(exc))}. Run the same command again to resume.")
        raise typer.Exit(1) from None
    console.print(
        f"vacancy {escape(vacancy)}: {summary.responses} responses; {summary.saved} resumes fetched now, "
        f"{summary.already} already in {escape(str(out))}; {summary.pdfs} PDFs fetched"
    )
    for reason in summary.skipped:
        console.print(f"[yellow]skipped:[/] {escape(reason)}")
    if summary.stopped:
        console.print(
            f"[bold yellow]stopped:[/] {escape(summary.stopped)}. Run the same command again when it "
            "resets (hh.ru counts views per day): saved resumes are not fetched again."
        )
        raise typer.Exit(EXIT_STOPPED)


@hh_app.command("split")
def split_command(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A JSON list or page of hh.ru resumes."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for one hh_<resume id>.json per resume."),
) -> None:
    """Write each resume of a list or page to its own file, as `screen` reads one resume per file."""
    from kamscreen.hh.pull import file_stem
    from kamscreen.parse.hh_json import load_json, resumes_in

    try:
        resumes = resumes_in(load_json(file.read_bytes()))
    except (ValueError, UnicodeDecodeError):
        resumes = []
    if not resumes:
        raise typer.BadParameter(f"{file.name} holds no hh.ru resume", param_hint="FILE")
    out.mkdir(parents=True, exist_ok=True)
    for resume in resumes:
        text = json.dumps(resume, ensure_ascii=False, indent=1)
        (out / f"{file_stem(resume['id'])}.json").write_text(text, encoding="utf-8")
    typer.echo(f"{len(resumes)} resumes written to {out}")


def _token(path: Path | None, console: Console) -> str:
    """The token from ``path`` (a warning if others may read it), else from ``$HH_TOKEN``."""
    if path is not None:
        try:
            token = path.read_text(encoding="utf-8").strip()
            mode = path.stat().st_mode
        except OSError as exc:
            raise typer.BadParameter(
                f"cannot read the token file ({exc.strerror})", param_hint="--token-file"
            ) from None
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            console.print(f"[yellow]warning:[/] {escape(str(path))} can be read by other users (chmod 600 it)")
    else:
        token = os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        where = "the token file is empty" if path is not None else f"no --token-file and ${TOKEN_ENV} is not set"
        raise typer.BadParameter(f"no hh.ru token: {where}", param_hint="--token-file")
    return token


def _since(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint="--since") from None


def register(app: typer.Typer) -> None:
    app.add_typer(hh_app, name="hh")
