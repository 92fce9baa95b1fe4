"""``hh pull`` against a local fake of hh.ru's documented endpoints (tests/hh_fake_api.py)."""

from __future__ import annotations

import datetime as dt
import json
import socket

import pytest
from typer.testing import CliRunner

from hh_fake_api import TOKEN, FakeHh
from kamscreen.cli import app
from kamscreen.hh import Client, HhError, pull
from kamscreen.hh.pull import MANIFEST
from kamscreen.parse import parse


@pytest.fixture
def fake():
    with FakeHh(responses=120) as server:
        yield server


def _client(fake, waits=None, messages=None):
    return Client(
        fake.url,
        TOKEN,
        sleep=(waits.append if waits is not None else lambda s: None),
        notify=(messages.append if messages is not None else lambda m: None),
    )


def _files(folder, suffix):
    return sorted(p.name for p in folder.glob(f"hh_*{suffix}"))


def test_pull_saves_every_response_over_three_pages(fake, tmp_path):
    summary = pull(_client(fake), "42", tmp_path)
    assert fake.pages_asked == [(0, 50), (1, 50), (2, 50)]
    assert (summary.responses, summary.saved, summary.pdfs, summary.stopped) == (120, 120, 120, None)
    assert len(_files(tmp_path, ".json")) == len(_files(tmp_path, ".pdf")) == 120
    assert all(count == 1 for count in fake.views.values()) and len(fake.views) == 120
    cv = parse(tmp_path / _files(tmp_path, ".json")[0])
    assert (cv.status, cv.format) == ("ok", "hh_json")
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert len(manifest["vacancies"]["42"]) == 120
    assert fake.user_agents == {"kamscreen/0.1.0"}


def test_rate_limit_429_is_waited_out(fake, tmp_path):
    fake.rate_limited, fake.retry_after = 2, "3"
    waits, messages = [], []
    summary = pull(_client(fake, waits, messages), "42", tmp_path)
    assert waits == [3.0, 3.0]
    assert any("rate limit (429)" in m and "3 s" in m for m in messages)
    assert summary.saved == 120


def test_daily_view_limit_stops_and_the_next_run_goes_on(fake, tmp_path):
    fake.view_limit = 45
    first = pull(_client(fake), "42", tmp_path)
    assert "daily limit" in first.stopped
    assert len(_files(tmp_path, ".json")) == 45
    fake.view_limit = None
    second = pull(_client(fake), "42", tmp_path)
    assert (second.already, second.saved, second.stopped) == (45, 75, None)
    assert len(_files(tmp_path, ".json")) == len(_files(tmp_path, ".pdf")) == 120
    assert set(fake.views.values()) == {1}  # no resume was viewed twice


def test_an_interrupted_pull_resumes(fake, tmp_path):
    fake.down_after = 70
    waits = []
    with pytest.raises(HhError, match="503"):
        pull(_client(fake, waits), "42", tmp_path)
    assert waits == [1.0, 2.0, 4.0, 8.0, 16.0]  # backoff, then it gives up
    assert len(_files(tmp_path, ".json")) == 70
    assert not list(tmp_path.glob(".*.part"))  # nothing half-written
    fake.down_after = None
    summary = pull(_client(fake), "42", tmp_path)
    assert (summary.already, summary.saved) == (70, 50)
    assert len(_files(tmp_path, ".json")) == len(_files(tmp_path, ".pdf")) == 120
    assert set(fake.views.values()) == {1} and set(fake.pdfs.values()) == {1}


def test_deleted_or_closed_resumes_are_skipped_and_the_pull_goes_on(fake, tmp_path):
    ids = list(fake.resumes)
    fake.deleted_in_list, fake.gone, fake.pdf_forbidden = {ids[3]}, {ids[10]}, {ids[20]}
    summary = pull(_client(fake), "42", tmp_path)
    assert (summary.responses, summary.saved, summary.pdfs) == (120, 118, 117)
    assert len(summary.skipped) == 3
    assert any("deleted or hidden" in s for s in summary.skipped)
    assert any(ids[10] in s and "404" in s for s in summary.skipped)
    assert any(ids[20] in s and "403" in s for s in summary.skipped)
    assert (tmp_path / f"hh_{ids[20]}.json").exists() and not (tmp_path / f"hh_{ids[20]}.pdf").exists()


def test_since_keeps_the_newer_responses(fake, tmp_path):
    summary = pull(_client(fake), "42", tmp_path, since=dt.date(2025, 9, 10))
    assert summary.responses == summary.saved == 30  # 10 responses a day from 1 September


def test_only_the_api_host_is_contacted(fake, tmp_path, monkeypatch):
    fake.pdf_url = "https://files.example.com/cv.pdf"
    contacted = []
    real = socket.create_connection
    monkeypatch.setattr(
        socket, "create_connection", lambda address, *a, **k: contacted.append(address[0]) or real(address, *a, **k)
    )
    summary = pull(_client(fake), "42", tmp_path)
    assert set(contacted) == {"127.0.0.1"}
    assert summary.pdfs == 0 and len(_files(tmp_path, ".json")) == 120
    assert "files.example.com is not hh.ru's API host" in summary.skipped[0]


def test_a_redirect_stays_on_hh_ru_hosts(fake, tmp_path, monkeypatch):
    rid = next(iter(fake.resumes))
    fake.resumes = {rid: fake.resumes[rid]}
    fake.pdf_redirect = f"/api_resume_converter/{rid}/cv.pdf?moved=1"  # same host: followed, token kept
    assert pull(_client(fake), "42", tmp_path / "a").pdfs == 1
    fake.pdf_redirect = "http://files.example.com/cv.pdf"  # another host: not followed
    contacted = []
    real = socket.create_connection
    monkeypatch.setattr(
        socket, "create_connection", lambda address, *a, **k: contacted.append(address[0]) or real(address, *a, **k)
    )
    summary = pull(_client(fake), "42", tmp_path / "b")
    assert summary.pdfs == 0 and "files.example.com" in summary.skipped[0]
    assert set(contacted) == {"127.0.0.1"}


def test_the_token_travels_only_over_https_or_to_this_machine():
    with pytest.raises(ValueError, match="https"):
        Client("http://api.hh.ru", TOKEN)
    assert "test-token" not in repr(Client("https://api.hh.ru", TOKEN))


def _run(args, env=None):
    return CliRunner().invoke(app, args, env=env or {})


def test_cli_pull_takes_the_token_from_a_file_or_the_environment(fake, tmp_path):
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    token_file.chmod(0o600)
    fake.resumes = dict(list(fake.resumes.items())[:3])
    result = _run(
        [
            "hh",
            "pull",
            "--vacancy",
            "42",
            "--out",
            str(tmp_path / "a"),
            "--api-url",
            fake.url,
            "--token-file",
            str(token_file),
        ]
    )
    assert result.exit_code == 0, result.output
    assert "3 responses" in result.output and TOKEN not in result.output
    result = _run(
        ["hh", "pull", "--vacancy", "42", "--out", str(tmp_path / "b"), "--api-url", fake.url], env={"HH_TOKEN": TOKEN}
    )
    assert result.exit_code == 0, result.output
    assert len(_files(tmp_path / "b", ".json")) == 3
    for path in (tmp_path / "a").iterdir():
        assert TOKEN.encode() not in path.read_bytes()


def test_cli_pull_refuses_a_missing_or_wrong_token_without_printing_it(fake, tmp_path):
    out = str(tmp_path / "out")
    missing = _run(["hh", "pull", "--vacancy", "42", "--out", out, "--api-url", fake.url])
    assert missing.exit_code == 2 and "HH_TOKEN" in missing.output
    wrong = _run(["hh", "pull", "--vacancy", "42", "--out", out, "--api-url", fake.url], env={"HH_TOKEN": "nope-123"})
    assert wrong.exit_code == 2 and "refused the token" in wrong.output and "nope-123" not in wrong.output
    on_command_line = _run(["hh", "pull", "--vacancy", "42", "--out", out, "--token", TOKEN])
    assert on_command_line.exit_code == 2 and "No such option" in on_command_line.output


def test_cli_pull_says_when_the_daily_limit_stops_it(fake, tmp_path):
    fake.view_limit = 5
    result = _run(
        ["hh", "pull", "--vacancy", "42", "--out", str(tmp_path), "--api-url", fake.url], env={"HH_TOKEN": TOKEN}
    )
    assert result.exit_code == 3
    assert "daily limit" in result.output and "again" in result.output


def test_hh_split_writes_one_file_per_resume(fake, tmp_path):
    page = tmp_path / "page.json"
    page.write_text(json.dumps({"items": list(fake.resumes.values())[:4]}, ensure_ascii=False), encoding="utf-8")
    result = _run(["hh", "split", str(page), "--out", str(tmp_path / "one")])
    assert result.exit_code == 0, result.output
    files = sorted((tmp_path / "one").glob("hh_*.json"))
    assert len(files) == 4 and all(parse(f).status == "ok" for f in files)
