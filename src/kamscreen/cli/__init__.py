"""The ``kamscreen`` command line: one module per sub-command, each with ``register(app)``."""
from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="kamscreen",
    help="Screen CVs for Key Account Manager roles (Russian and English).",
    no_args_is_help=True,
    add_completion=False,
)

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
