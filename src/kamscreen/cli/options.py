"""Option parsers and the one-line error shared by the sub-commands."""
from __future__ import annotations

import datetime as dt
import math
from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape


def parse_as_of(value: str | None) -> dt.date | None:
    """``--as-of YYYY-MM-DD`` → date (None when not given); a bad value is a usage error."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint="--as-of") from None


def finite(value: float | None, option: str) -> float | None:
    """A number option that must be finite (``nan``/``inf`` parse as floats but mean nothing here)."""
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"expected a finite number, got {value!r}", param_hint=option)
    return value


def fail(message: str) -> NoReturn:
    """A user's mistake or an unusable path: ``error: <message>`` on one line of stderr, exit code 2."""
    Console(stderr=True, soft_wrap=True, highlight=False).print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(2)
