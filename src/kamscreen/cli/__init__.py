"""The ``kamscreen`` command line: one module per sub-command, each with ``register(app)``."""

from __future__ import annotations

import importlib
from pathlib import Path

import typer

from kamscreen.cli.options import setup_logging

app = typer.Typer(
    name="kamscreen",
    help="Screen CVs for Key Account Manager roles (Russian and English).",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _options(
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Also show notes and other libraries' warnings (the PDF readers') on stderr."
    ),
    log_file: Path = typer.Option(None, "--log-file", help="Write every log record (with tracebacks) to this file."),
) -> None:
    """Screen CVs for Key Account Manager roles (Russian and English)."""
    setup_logging(verbose, log_file)


_COMMANDS = ("parse_cmd", "extract_cmd", "score_cmd", "train_cmd", "screen_cmd", "hh_cmd", "review_cmd")
for _name in _COMMANDS:
    try:
        _module = importlib.import_module(f"kamscreen.cli.{_name}")
    except ModuleNotFoundError as exc:  # a command not written yet
        if exc.name != f"kamscreen.cli.{_name}":
            raise
        continue
    _module.register(app)


def main() -> None:
    app()
