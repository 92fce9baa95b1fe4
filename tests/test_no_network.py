"""The whole screen (parse → extract → score → reports) runs with every socket call refused."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pytest

from kamscreen.batch import find_cvs, screen

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"


def _refuse(*args, **kwargs):
    raise AssertionError(f"network access attempted: {args!r}")


def test_screen_opens_no_network_connection(tmp_path, monkeypatch):
    cvs = sorted((FIXTURES / "cvs").glob("*.*")) if (FIXTURES / "cvs").is_dir() else []
    if not cvs:
        pytest.skip("data/fixtures/cvs is not generated yet")
    folder = tmp_path / "cvs"
    folder.mkdir()
    for path in cvs:
        shutil.copy2(path, folder / path.name)
    for extra in ("hostile", "special"):
        for path in sorted((FIXTURES / extra).glob("*.*")) if (FIXTURES / extra).is_dir() else []:
            shutil.copy2(path, folder / f"{extra}_{path.name}")
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    summary = screen(folder, tmp_path / "out", as_of=None, jobs=1, show_progress=False)
    assert summary.total == len(find_cvs(folder)) >= len(cvs)
    assert summary.processed == summary.total
    lines = [
        json.loads(line) for line in (tmp_path / "out" / "candidates.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(lines) == summary.candidates  # one line per candidate (duplicates share one)
    assert len(lines) + sum(len(rec["other_files"]) for rec in lines) == summary.total
    assert sum(rec["status"] == "ok" for rec in lines) >= len(cvs) // 2
    assert not any("network access attempted" in json.dumps(rec.get("error")) for rec in lines)
