"""Shared set-up of the review tests: a screened folder of fixture CVs, and review databases.

``screened`` screens 24 fixture CVs plus a hostile one (HTML and script in its text and its file
name) once per session; tests copy its OUT. ``db_url`` gives a fresh SQLite file or a fresh
PostgreSQL database (``KAMSCREEN_TEST_POSTGRES`` = a superuser URL, set by .ci/run; skipped with
that reason when it is absent or the server does not answer).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kamscreen.cli import app

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"
AS_OF = "2025-09-01"
N_FIXTURES = 24
XSS_NAME = 'xss_"><img src=x onerror=window.__xss=3>.txt'
XSS_TEXT = (
    'Key Account Manager <script>window.__xss=1</script>\n"><img src=x onerror="window.__xss=2">\n'
    "Acme Foods, key account manager, 2015 — 2024\nManaged key accounts: Metro, Auchan.\n"
)
POSTGRES_ENV = "KAMSCREEN_TEST_POSTGRES"


def screen(folder: Path, out: Path, *extra: str) -> str:
    result = CliRunner().invoke(
        app, ["screen", str(folder), "--out", str(out), "--as-of", AS_OF, "--jobs", "1", *extra]
    )
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result.output


def rescreen_tuned(folder: Path, out: Path, tmp_path: Path) -> str:
    """Screen again for the same vacancy with its checklist tuned and one CV added ("late.txt")."""
    from kamscreen.score.profiles import PROFILES_DIR

    profile = tmp_path / "kam-director.yaml"
    profile.write_text(
        (PROFILES_DIR / "kam-director.yaml")
        .read_text(encoding="utf-8")
        .replace("threshold: 5\n    partly: 3", "threshold: 4\n    partly: 2"),
        encoding="utf-8",
    )
    (folder / "late.txt").write_text(
        "Key Account Manager\nNorth Foods, key account manager, 2016 — 2025\n", encoding="utf-8"
    )
    return screen(folder, out, "--profile", str(profile))


@pytest.fixture(scope="session")
def screened(tmp_path_factory):
    """(folder of CVs, OUT of their screen); copy OUT before writing to it."""
    cvs = sorted((FIXTURES / "cvs").glob("*.*")) if (FIXTURES / "cvs").is_dir() else []
    if len(cvs) < N_FIXTURES:
        pytest.skip("data/fixtures/cvs is not generated yet")
    base = tmp_path_factory.mktemp("review")
    folder = base / "cvs"
    folder.mkdir()
    step = len(cvs) / N_FIXTURES
    for i in range(N_FIXTURES):  # spread over the layouts and languages
        shutil.copy2(cvs[int(i * step)], folder / cvs[int(i * step)].name)
    (folder / XSS_NAME).write_text(XSS_TEXT, encoding="utf-8")
    screen(folder, base / "out")
    return folder, base / "out"


@pytest.fixture
def work(screened, tmp_path):
    """A private copy of the screened folder and its OUT: (folder, out)."""
    folder, out = screened
    shutil.copytree(folder, tmp_path / "cvs")
    shutil.copytree(out, tmp_path / "out")
    return tmp_path / "cvs", tmp_path / "out"


@contextlib.contextmanager
def postgres_database():
    """A fresh PostgreSQL database (its URL), dropped afterwards; skips when no server is configured."""
    admin = os.environ.get(POSTGRES_ENV)
    if not admin:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV} (a superuser URL; .ci/run sets it)")
    import psycopg

    name = f"kamscreen_test_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=10) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL at {POSTGRES_ENV} does not answer: {exc}")
    try:
        yield f"{admin.rsplit('/', 1)[0]}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True, connect_timeout=10) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty review database of each kind (as given to ``--db``)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'team.sqlite'}"
        return
    with postgres_database() as url:
        yield url
