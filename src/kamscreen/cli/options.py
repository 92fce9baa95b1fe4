"""Option parsers and the one-line error shared by the sub-commands."""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape

NO_OCR_HELP = "Do not read scans and photos by OCR (faster): they stay 'needs_ocr'."


def parse_as_of(value: str | None) -> dt.date | None:
    """``--as-of YYYY-MM-DD`` → date (None when not given); a bad value is a usage error."""
    if value is None:
        return None
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint="--as-of") from None
    if date > dt.date.today() + dt.timedelta(days=1):  # a typo (2052 for 2025) would add years to everyone
        raise typer.BadParameter(f"{value} is in the future; the 'present' of a CV cannot be", param_hint="--as-of")
    return date


def echo_json(data, indent: int | None = None) -> None:
    """Print ``data`` as JSON: no NaN, and file names with undecodable bytes as ``\\u`` escapes."""
    from kamscreen.report.tables import json_safe

    data = json_safe(data)
    text = json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, ensure_ascii=True, indent=indent, allow_nan=False)
    typer.echo(text)


def finite(value: float | None, option: str) -> float | None:
    """A number option that must be finite (``nan``/``inf`` parse as floats but mean nothing here)."""
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"expected a finite number, got {value!r}", param_hint=option)
    return value


def fail(message: str) -> NoReturn:
    """A user's mistake or an unusable path: ``error: <message>`` on one line of stderr, exit code 2."""
    Console(stderr=True, soft_wrap=True, highlight=False).print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(2)


def setup_logging(verbose: bool, log_file: Path | None) -> None:
    """``--verbose`` / ``--log-file``: set up :mod:`kamscreen.logs`; an unwritable log file is a
    usage error."""
    from kamscreen import logs

    try:
        logs.configure(verbose=verbose, log_file=log_file)
    except OSError as exc:
        raise typer.BadParameter(f"cannot write {log_file} ({exc.strerror or exc})", param_hint="--log-file") from None


def warn(message: str) -> None:
    """A warning for the user: ``warning: <message>`` on stderr, once, and in the log file."""
    logging.getLogger("kamscreen.cli").warning(message)
