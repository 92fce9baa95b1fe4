"""``kamscreen review OUT``: a local web app to review a screen, record decisions and retrain on them."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import typer
from rich.console import Console

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def review_command(
    out: Path = typer.Argument(..., help="The --out folder of a `kamscreen screen` run."),
    db: str = typer.Option(
        None,
        "--db",
        help="Database URL: default SQLite in OUT/review.sqlite; postgresql://USER:PASSWORD@HOST/DB for a team.",
    ),
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        help="Address to listen on (other machines reach it only if you bind to a non-local address).",
    ),
    port: int = typer.Option(8765, "--port", min=0, max=65535, help="Port (0: any free one)."),
    token: str = typer.Option(
        None,
        "--token",
        envvar="KAMSCREEN_REVIEW_TOKEN",
        help="Access token (default: a new random one, printed at start).",
    ),
    vacancy: str = typer.Option(
        None, "--vacancy", help="The vacancy decisions are filed under (default: the screen's profile name)."
    ),
) -> None:
    """Serve the ranked candidates of OUT: decide (reject / shortlist / interview / offer / hire), retrain."""
    import uvicorn

    from kamscreen.review.app import Review, create_app
    from kamscreen.review.screening import ScreeningError
    from kamscreen.review.security import Guard, new_token
    from kamscreen.review.storage import Store, StoreError, database_url

    err = Console(stderr=True, soft_wrap=True)
    try:
        guard = Guard(token or new_token())
    except ValueError as exc:
        err.print(f"[red]error:[/] --token: {exc}")
        raise typer.Exit(2) from None
    try:
        store = Store.open(database_url(out, db))
    except StoreError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from None
    try:
        review = Review(out, store, vacancy, guard)
    except ScreeningError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from None
    if host not in LOCAL_HOSTS:
        err.print(f"[yellow]warning:[/] listening on {host}: anyone who can reach it and has the token can review")
    try:
        sock = _bind(host, port)
    except OSError as exc:
        err.print(f"[red]error:[/] cannot listen on {host}:{port} ({exc.strerror or exc})")
        raise typer.Exit(2) from None
    app = create_app(review, hosts=("*",) if host in ("0.0.0.0", "::") else tuple(dict.fromkeys((host, *LOCAL_HOSTS))))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    shown = f"[{host}]" if ":" in host else host
    where = f"SQLite {out / 'review.sqlite'}" if not db else "database " + database_url(out, db).rsplit("@", 1)[-1]
    console = Console(soft_wrap=True, highlight=False)
    console.print(f"kamscreen review · vacancy {review.vacancy} · {len(review.screening.entries)} CVs · {where}")
    console.print(f"open http://{shown}:{sock.getsockname()[1]}/login?token={guard.token}")
    console.print("(the token guards access: share the link only with your recruiters; Ctrl+C stops)")
    sys.stdout.flush()
    try:
        server.run(sockets=[sock])
    finally:
        store.close()


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket (port 0: any free one, so the address printed is the one bound)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def register(app: typer.Typer) -> None:
    app.command("review")(review_command)
