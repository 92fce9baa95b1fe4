"""The code is formatted (ruff format), lint-clean (ruff check) and type-checked (mypy).

The tools come with the ``test`` extra and run from the interpreter that runs the tests, with the
settings of pyproject.toml; a test is skipped, saying why, only where a tool is not installed.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYTHON_PATHS = ("src", "tests", "benchmarks", "scripts")


def _check(tool: str, *args: str) -> None:
    """Run ``python -m tool args`` in the project folder; fail with its output unless it exits 0."""
    if importlib.util.find_spec(tool) is None:
        pytest.skip(f"{tool} is not installed (pip install -e '.[test]' brings it)")
    done = subprocess.run(
        [sys.executable, "-m", tool, *args], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )
    if done.returncode != 0:
        command = " ".join((tool, *args))
        pytest.fail(f"{command} exited with {done.returncode}:\n{done.stdout}{done.stderr}", pytrace=False)


def test_the_code_is_formatted():
    _check("ruff", "format", "--diff", *PYTHON_PATHS)


def test_the_code_passes_the_linter():
    _check("ruff", "check", "--output-format", "concise", *PYTHON_PATHS)


def test_the_package_type_checks():
    _check("mypy")  # the files and settings: [tool.mypy] in pyproject.toml
