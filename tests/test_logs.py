"""Logging: warnings reach the user once (not once per worker), --verbose and --log-file."""

from __future__ import annotations

import logging
import sys
import textwrap

import pytest
from typer.testing import CliRunner

from kamscreen import logs
from kamscreen.batch.pool import run_tasks
from kamscreen.batch.record import Task
from kamscreen.cli import app


@pytest.fixture()
def restore_logging(monkeypatch):
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    monkeypatch.delenv(logs.LEVEL_ENV, raising=False)
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    logging.captureWarnings(False)


def test_a_warning_is_shown_once_and_other_libraries_only_when_verbose(restore_logging, capsys):
    logs.configure(verbose=False)
    for _ in range(3):
        logging.getLogger("kamscreen.batch").warning("cache rebuilt")
    logging.getLogger("pdfminer.pdfpage").warning("CropBox missing from /Page")
    logging.getLogger("kamscreen.batch").info("42 files")
    assert capsys.readouterr().err.splitlines() == ["warning: cache rebuilt"]
    logs.configure(verbose=True)
    logging.getLogger("pdfminer.pdfpage").warning("CropBox missing from /Page")
    logging.getLogger("kamscreen.batch").info("42 files")
    assert capsys.readouterr().err.splitlines() == ["warning: CropBox missing from /Page", "info: 42 files"]


def test_the_log_file_keeps_everything_with_its_traceback(restore_logging, tmp_path, capsys):
    path = tmp_path / "run.log"
    logs.configure(verbose=False, log_file=path)
    logging.getLogger("pdfminer").warning("CropBox missing")
    try:
        raise ValueError("bad glyph")
    except ValueError:
        logging.getLogger("kamscreen.parse").exception("cv.pdf: internal error")
    err = capsys.readouterr().err
    assert err.splitlines() == ["error: cv.pdf: internal error"]
    text = path.read_text(encoding="utf-8")
    assert "WARNING pdfminer: CropBox missing" in text and "Traceback" in text and "bad glyph" in text


def test_warnings_of_every_worker_reach_the_user_once(restore_logging, tmp_path, monkeypatch, capsys):
    module = tmp_path / "warnwork.py"
    module.write_text(
        textwrap.dedent("""
        import logging
        import warnings
        from kamscreen.batch.record import FileResult

        def work(task):
            logging.getLogger("kamscreen.parse").warning("the same trouble in every worker")
            warnings.warn("a library is old", UserWarning)
            return FileResult(task.file, task.sha256, "ok")
    """),
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    import warnwork

    logs.configure(verbose=False)
    tasks = [Task(str(tmp_path / f"{n}.txt"), f"{n}.txt", str(n)) for n in range(6)]
    results = []
    run_tasks(tasks, results.append, jobs=2, timeout=60, work=warnwork.work)
    sys.modules.pop("warnwork", None)
    assert sorted(r.status for r in results) == ["ok"] * 6
    err = capsys.readouterr().err.splitlines()
    assert err.count("warning: the same trouble in every worker") == 1
    assert sum(line.startswith("warning: ") and "a library is old" in line for line in err) == 1


def test_the_command_line_takes_verbose_and_log_file(restore_logging, tmp_path):
    empty = tmp_path / "cvs"
    empty.mkdir()
    log = tmp_path / "run.log"
    result = CliRunner().invoke(app, ["--log-file", str(log), "screen", str(empty), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.output.count("warning: no CVs in") == 1
    assert "no CVs in" in log.read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["--log-file", str(tmp_path / "missing" / "run.log"), "screen", str(empty)])
    assert result.exit_code == 2 and "--log-file" in result.output
