"""`kamscreen screen` against a careless or hostile folder: odd names, links, formats, outputs, blind leaks.

Each scenario is generated in tmp_path; the CLI runs in-process (``--jobs 1``) so failures show here.
"""

from __future__ import annotations

import io
import json
import os
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kamscreen.cli import app

AS_OF = "2025-09-01"
CV = """Key Account Manager
ООО «Вектор», 2016 — 2024
Управление портфелем ключевых клиентов, рост выручки на 30 %. Команда из 6 человек.
English — C1
"""
OUTPUTS = ("ranking.csv", "ranking.xlsx", "candidates.jsonl", "report.html")


def run(folder: Path, out: Path, *extra: str, code: int = 0):
    result = CliRunner().invoke(
        app, ["screen", str(folder), "--out", str(out), "--as-of", AS_OF, "--jobs", "1", *extra]
    )
    assert result.exit_code == code, result.output + repr(result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.output


def rows(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "candidates.jsonl").read_text(encoding="utf-8").splitlines()]


def files(out: Path) -> dict[str, str]:
    """Every screened file → its status: each row's, and the other files of a candidate (the same CV
    under several names is one candidate)."""
    return {f["file"]: f["status"] for r in rows(out) for f in (r, *r["other_files"])}


def one_error_line(output: str, *needles: str) -> None:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), output
    assert "Traceback" not in output and all(n in lines[0] for n in needles), output


# --- 1. file names that are not UTF-8 -----------------------------------------------------------


def test_names_with_undecodable_bytes_and_control_characters_are_each_listed(tmp_path):
    folder = tmp_path / "cvs"
    folder.mkdir()
    names = [b"cv_\xff.txt", b"cv_\xfe.txt", b"good.txt", b"tab\tand\x1b[31mred.txt", b"cv_\\xff.txt"]
    for name in names:
        with open(os.path.join(os.fsencode(folder), name), "w", encoding="utf-8") as handle:
            handle.write(CV)
    out = tmp_path / "out"
    output = run(folder, out)
    listed = files(out)
    assert len(listed) == len(names) and len(rows(out)) == 1, listed
    assert "cv_\\xff.txt" in listed and "cv_\\xfe.txt" in listed and "\x1b" not in output
    assert set(files(out).values()) == {"ok"}
    for name in OUTPUTS[:1] + OUTPUTS[2:]:
        (out / name).read_bytes().decode("utf-8")  # valid UTF-8 throughout
    assert "5 CVs" in output


# --- 2. symbolic links -------------------------------------------------------------------------


def test_links_out_of_the_folder_are_not_followed_and_loops_are_safe(tmp_path):
    secret = tmp_path / "elsewhere" / "passwd"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:SECRET-OUTSIDE-TEXT:/root:/bin/bash\n", encoding="utf-8")
    folder = tmp_path / "cvs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(CV, encoding="utf-8")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "outside_dir").symlink_to(secret.parent, target_is_directory=True)
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "inside.txt").symlink_to(folder / "a.txt")
    (folder / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    out = tmp_path / "out"
    output = run(folder, out)
    assert sorted(files(out)) == ["a.txt", "inside.txt"]
    for name in ("passwd.txt", "outside_dir", "sub/loop", "broken.txt"):
        assert f"skipped {name}:" in output, output
    assert "--follow-links" in output
    for path in out.rglob("*"):
        if path.is_file():
            assert b"SECRET-OUTSIDE-TEXT" not in path.read_bytes(), path
    followed = run(folder, tmp_path / "followed", "--follow-links")
    assert {"passwd.txt", "outside_dir/passwd"} <= set(files(tmp_path / "followed")), followed


# --- 3. every format the parser reads is screened; the rest is listed as skipped ----------------


def _odt(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            '<?xml version="1.0"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
            + "".join(f"<text:p>{line}</text:p>" for line in text.splitlines())
            + "</office:text></office:body></office:document-content>",
        )
    return buffer.getvalue()


def test_html_htm_mht_odt_are_screened_and_non_cvs_are_listed_with_a_reason(tmp_path):
    folder = tmp_path / "cvs"
    folder.mkdir()
    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in CV.splitlines()) + "</body></html>"
    (folder / "a.html").write_text(html, encoding="utf-8")
    (folder / "b.HTM").write_text(html, encoding="utf-8")
    (folder / "c.mht").write_text(
        'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="B"\n\n--B\n'
        "Content-Type: text/html; charset=utf-8\n\n" + html + "\n--B--\n",
        encoding="utf-8",
    )
    (folder / "d.odt").write_bytes(_odt(CV))
    (folder / "e.md").write_text(CV, encoding="utf-8")  # an unknown suffix is read, not dropped
    (folder / "logo.gif").write_bytes(b"GIF89a" + b"\0" * 64)  # JPEG/PNG/TIFF are read by OCR; GIF is not
    (folder / "all.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    (folder / ".hidden.txt").write_text(CV, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # reading it would block for ever
    out = tmp_path / "out"
    output = run(folder, out)
    got = files(out)
    assert sorted(got) == ["a.html", "b.HTM", "c.mht", "d.odt", "e.md"]
    assert set(got.values()) == {"ok"}, [r.get("error") for r in rows(out)]
    for name, why in (
        ("logo.gif", "an image"),
        ("all.zip", "an archive"),
        (".hidden.txt", "a hidden"),
        ("pipe.txt", "not a regular file"),
    ):
        assert f"skipped {name}: {why}" in output, output


# --- 4. --out inside or equal to the screened folder -------------------------------------------


def test_out_equal_to_the_folder_is_refused_and_inside_it_is_excluded(tmp_path):
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "a.txt").write_text(CV, encoding="utf-8")
    (folder / "b.txt").write_text(CV.replace("6 человек", "7 человек"), encoding="utf-8")
    one_error_line(run(folder, folder, code=2), str(folder), "is the screened folder")
    assert not (folder / "cache.sqlite").exists()
    inside = folder / "out"
    for _ in range(2):  # the second run must not read the first run's report.html as a CV
        output = run(folder, inside)
        assert "2 CVs" in output and sorted(r["file"] for r in rows(inside)) == ["a.txt", "b.txt"]


# --- 5. blind outputs hold no personal data -----------------------------------------------------

BLIND = """Senior Key Account Manager
Born 1983 in Vaduz, a 42-year-old professional. Married, two children. Liechtenstein citizen.
Женат. Дата рождения: 12.03.1983. Гражданство: Лихтенштейн.
Key Account Manager, Alpina Foods, 2016 — 2024
Managed 12 key accounts in FMCG, grew revenue by 35 %. Led a team of 6.
English — C2
"""
SECRETS = (
    "Zebulon",
    "Quixfeld",
    "zebulon",
    "1983",
    "42-year-old",
    "Married",
    "children",
    "Liechtenstein",
    "Лихтенштейн",
    "Женат",
    "Дата рождения",
    "Гражданство",
    "Vaduz",
)


@pytest.mark.parametrize(
    "name", ["Zebulon_Quixfeld_CV.txt", "ZebulonQuixfeld.txt", "cv-zebulon.quixfeld.txt", "Quixfeld/Zebulon.txt"]
)
def test_blind_outputs_hold_no_name_or_personal_free_text_cache_included(tmp_path, monkeypatch, name):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    folder = tmp_path / "cvs"
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(BLIND, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")  # an error row: its message names the file
    out = tmp_path / "blind"
    output = run(folder, out, "--blind")
    assert not (out / "cache.sqlite").exists() and "kept out of the blind outputs" in output
    texts = {p.name: p.read_bytes().decode("utf-8", "replace") for p in out.rglob("*") if p.is_file()}
    sheet = load_workbook(out / "ranking.xlsx").active
    texts["xlsx cells"] = " ".join(str(c.value) for row in sheet.iter_rows() for c in row)
    for secret in SECRETS:
        for file, text in texts.items():
            assert secret not in text, (secret, file)
    ok = next(r for r in rows(out) if r["status"] == "ok")
    assert ok["file"].startswith("cv-") and ok["experience"]["key_account_years"]  # the facts are still there
    shown = re.sub(r"<[^>]+>", "", (out / "report.html").read_text(encoding="utf-8"))
    assert "12 key accounts" in shown and "Alpina Foods" in shown  # the work history is not masked
    caches = list((tmp_path / "user-cache").rglob("cache.sqlite"))
    assert len(caches) == 1  # the text lives in the user's cache folder, outside the shared outputs


# --- 6. a bad --out is one line, exit 2, no half-written outputs --------------------------------


def test_bad_out_paths_are_one_line_errors(tmp_path):
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "a.txt").write_text(CV, encoding="utf-8")
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    one_error_line(run(folder, a_file, code=2), str(a_file), "is a file")
    one_error_line(run(folder, a_file / "out", code=2), str(a_file / "out"), "Not a directory")
    assert a_file.read_text(encoding="utf-8") == "x"


def test_an_unwritable_out_is_one_line_error(tmp_path, monkeypatch):
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "a.txt").write_text(CV, encoding="utf-8")
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    if os.access(out, os.W_OK):  # root writes anyway: make the write itself fail as it would
        real = Path.write_bytes

        def refuse(self, data):
            if self.parent == out:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self, data)

        monkeypatch.setattr(Path, "write_bytes", refuse)
    one_error_line(run(folder, out, code=2), str(out), "Permission denied")
    out.chmod(0o755)


def test_a_full_disk_while_writing_leaves_the_old_outputs_and_no_temp_files(tmp_path):
    import resource
    import signal
    import subprocess
    import sys

    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "a.txt").write_text(CV, encoding="utf-8")
    (folder / "big.txt").write_text(CV + "Отчётность по KPI. " * 20000, encoding="utf-8")
    out, cache = tmp_path / "out", str(tmp_path / "cache.sqlite")
    run(folder, out, "--cache", cache)
    before = {n: (out / n).read_bytes() for n in OUTPUTS}

    def small_files():  # writes past 64 KB fail with EFBIG, as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    # another profile: facts come from the cache, the (large) outputs are written again
    cmd = [
        sys.executable,
        "-c",
        "from kamscreen.cli import main; main()",
        "screen",
        str(folder),
        "--out",
        str(out),
        "--as-of",
        AS_OF,
        "--jobs",
        "1",
        "--cache",
        cache,
        "--profile",
        "kam",
    ]
    done = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=small_files,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert done.returncode == 2, done.stdout + done.stderr
    one_error_line(done.stderr, "File too large")
    assert {n: (out / n).read_bytes() for n in OUTPUTS} == before
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


# --- 7. a damaged cache is moved aside and rebuilt ---------------------------------------------


@pytest.mark.parametrize("damage", ["garbage", "truncated", "zeroed"])
def test_a_damaged_cache_is_moved_aside_rebuilt_and_reported(tmp_path, damage):
    folder = tmp_path / "cvs"
    folder.mkdir()
    for i in range(30):
        (folder / f"cv{i:02d}.txt").write_text(
            CV + f"\nПроект {i}: " + "развитие ключевых клиентов. " * 200, encoding="utf-8"
        )
    clean = tmp_path / "clean"
    run(folder, clean)
    out = tmp_path / "out"
    run(folder, out)
    cache = out / "cache.sqlite"
    with sqlite3.connect(cache) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = cache.read_bytes()
    cache.write_bytes(
        {
            "garbage": b"not a database at all" * 100,
            "truncated": data[: len(data) // 3],
            "zeroed": data[:4096] + b"\0" * (len(data) - 4096),
        }[damage]
    )
    (out / "manifest.json").unlink()  # the next run must read the cache, not stop early
    output = run(folder, out)
    assert "warning:" in output and "damaged" in output and "rebuilding" in output, output
    assert list(out.glob("cache.sqlite.damaged-*"))
    for name in ("ranking.csv", "candidates.jsonl", "report.html"):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
    assert "warning" not in run(folder, out, "--profile", "kam")


# --- 10. stale temp files of a killed run are removed ------------------------------------------


def test_temp_files_left_by_a_killed_run_are_removed(tmp_path):
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "a.txt").write_text(CV, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    stale = [out / ".report.html.k2j3h4.tmp", out / ".report.cards.x9y8.tmp", out / ".candidates.jsonl.q1.tmp"]
    for path in stale:
        path.write_text("Петрова Анна, родилась 3 мая 1984", encoding="utf-8")
    keep = out / "notes.tmp"
    keep.write_text("mine", encoding="utf-8")
    run(folder, out)
    assert not any(p.exists() for p in stale) and keep.exists()


# --- 11. one run per output folder --------------------------------------------------------------


def test_a_second_run_on_the_same_out_is_refused_naming_the_holder(tmp_path):
    from kamscreen.batch.outdir import Lock

    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "a.txt").write_text(CV, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with Lock(out):
        one_error_line(run(folder, out, code=2), str(out), "in use by another kamscreen run", f"pid {os.getpid()}")
        assert not (out / "ranking.csv").exists()
    assert "1 CVs" in run(folder, out)


# --- no silent wrong data: enum-like options ---------------------------------------------------


@pytest.mark.parametrize(
    "args, needles",
    [
        (["--industry", "fcmg"], ("unknown industry 'fcmg'", "did you mean 'fmcg'")),
        (["--profile", "kam-directr"], ("unknown profile", "did you mean 'kam-director'")),
        (["--timeout", "inf"], ("finite",)),
        (["--scheduler", "tpc://127.0.0.1:1"], ("tpc://127.0.0.1:1", "cannot reach the Dask scheduler")),
    ],
)
def test_typos_in_options_are_refused_before_any_work(tmp_path, args, needles):
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "a.txt").write_text(CV, encoding="utf-8")
    result = CliRunner().invoke(app, ["screen", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1", *args])
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output + repr(result.exception)
    assert all(n in result.output for n in needles), result.output
    assert not (tmp_path / "out" / "ranking.csv").exists()


def test_industry_in_any_case_is_accepted(tmp_path):
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "a.txt").write_text(CV, encoding="utf-8")
    run(folder, tmp_path / "out", "--industry", "FMCG")


# --- neighbours ---------------------------------------------------------------------------------


def test_single_file_commands_do_not_block_on_a_pipe_and_print_valid_json_for_odd_names(tmp_path):
    import subprocess
    import sys

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    odd = os.path.join(os.fsencode(tmp_path), b"cv_\xff.txt")
    with open(odd, "w", encoding="utf-8") as handle:
        handle.write(CV)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    cli = [sys.executable, "-c", "from kamscreen.cli import main; main()"]
    done = subprocess.run([*cli, "parse", str(fifo), "--json"], capture_output=True, timeout=300, env=env)
    assert done.returncode == 2 and b"not a regular file" in done.stderr, done.stderr
    done = subprocess.run([*cli, "extract", str(fifo), "--json"], capture_output=True, timeout=300, env=env)
    assert done.returncode == 0 and json.loads(done.stdout)["error"]["code"] == "unsupported_format", done.stderr
    for command in ("parse", "extract"):
        done = subprocess.run([*cli, command, os.fsdecode(odd), "--json"], capture_output=True, timeout=300, env=env)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout.decode("utf-8"))["status"] == "ok"


def test_a_cache_of_another_layout_is_moved_aside(tmp_path):
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "a.txt").write_text(CV, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with sqlite3.connect(out / "cache.sqlite") as db:
        db.execute("CREATE TABLE extractions (sha256 TEXT, result TEXT)")
    output = run(folder, out)
    assert "another layout" in output and "1 CVs" in output and list(out.glob("cache.sqlite.damaged-*"))


def test_a_cache_inside_the_screened_folder_is_refused(tmp_path):
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "a.txt").write_text(CV, encoding="utf-8")
    one_error_line(
        run(folder, tmp_path / "out", "--cache", str(folder / "a.txt"), code=2), "inside the screened folder"
    )
    assert (folder / "a.txt").read_text(encoding="utf-8") == CV


def test_a_future_as_of_is_refused(tmp_path):
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "a.txt").write_text(CV, encoding="utf-8")
    result = CliRunner().invoke(app, ["screen", str(folder), "--out", str(tmp_path / "o"), "--as-of", "2952-01-01"])
    assert result.exit_code == 2 and "in the future" in result.output


def test_an_empty_folder_says_so(tmp_path):
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "logo.svg").write_text("<svg/>", encoding="utf-8")
    output = run(folder, tmp_path / "out")
    assert "warning: no CVs in" in output and "skipped logo.svg: an image" in output


def test_a_missing_file_for_extract_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "nosuch.pdf")])
    assert result.exit_code == 2 and "does not exist" in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


def test_a_blind_run_moves_an_earlier_open_runs_cache_out_of_the_outputs(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "a.txt").write_text(BLIND, encoding="utf-8")
    out = tmp_path / "out"
    run(folder, out)
    assert (out / "cache.sqlite").exists()
    output = run(folder, out, "--blind")
    assert "cached 1" in output  # the earlier work is reused from its new place
    for path in out.rglob("*"):
        if path.is_file():
            assert b"Liechtenstein" not in path.read_bytes(), path
