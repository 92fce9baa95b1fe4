"""Start-up: the command line's help imports no heavy library (spaCy, scikit-learn, pandas, PDF and
DOCX readers); they load when work needs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
HEAVY = ("spacy", "sklearn", "pandas", "pdfplumber", "pypdfium2", "docx", "numpy", "pymorphy3", "openpyxl")
PROBE = """
import sys
from kamscreen.cli import main
sys.argv = ["kamscreen", *{args!r}]
try:
    main()
except SystemExit:
    pass
print("loaded:", " ".join(name for name in {heavy!r} if name in sys.modules))
"""


@pytest.mark.parametrize("args", [["--help"], ["screen", "--help"], ["train", "--help"]])
def test_help_imports_nothing_heavy(args):
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args, heavy=HEAVY)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC), "PATH": ""},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert last == "loaded:", last


def test_the_package_functions_are_the_stages():
    import kamscreen

    assert callable(kamscreen.parse) and callable(kamscreen.extract) and callable(kamscreen.score)
