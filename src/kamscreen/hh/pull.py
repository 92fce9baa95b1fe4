"""``pull``: the responses to a vacancy, each resume's JSON and PDF, saved to a folder for ``screen``.

The responses come from ``GET /negotiations/response?vacancy_id=`` in pages of 50
(docs/employer_negotiations.md); each resume is fetched by the URL the response gives (so hh.ru
counts the view as the employer's), its PDF by the resume's ``actions.download.pdf.url``. Files are
``hh_<resume id>.json`` and ``hh_<resume id>.pdf``, each written whole or not at all; a resume
already in the folder is never fetched again, so an interrupted pull (or one stopped by the daily
view limit) resumes where it stopped when run again. ``.hh_pull.json`` (hidden: ``screen`` skips it)
lists each vacancy's responses and their files.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from kamscreen.hh.client import Client, LimitReached, Unavailable
from kamscreen.parse.hh_json import is_resume, load_json

PER_PAGE = 50  # the documented maximum
MANIFEST = ".hh_pull.json"
_SAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


@dataclass
class PullSummary:
    """What a pull did: responses listed, resumes saved now or found saved before, and why some
    were skipped; ``stopped`` says why it ended early (a limit), None when it finished."""

    responses: int = 0
    saved: int = 0
    already: int = 0
    pdfs: int = 0
    skipped: list[str] = field(default_factory=list)
    stopped: str | None = None


def pull(client: Client, vacancy_id: str, out: Path, since: dt.date | None = None) -> PullSummary:
    """Save the resumes (JSON and PDF) of the responses to ``vacancy_id`` made on or after ``since``.

    Raises :class:`~kamscreen.hh.client.AuthError` for a refused token and
    :class:`~kamscreen.hh.client.HhError` when hh.ru stays unreachable; what was saved stays saved.
    """
    out.mkdir(parents=True, exist_ok=True)
    summary = PullSummary()
    manifest = _load_manifest(out)
    recorded = manifest["vacancies"].setdefault(str(vacancy_id), {})
    for item in _responses(client, vacancy_id):
        if since is not None and _date(item.get("created_at")) < since:
            continue
        summary.responses += 1
        resume = item.get("resume")
        if not isinstance(resume, dict) or not resume.get("id") or not resume.get("url"):
            summary.skipped.append(f"response {item.get('id')}: the resume is deleted or hidden")
            continue
        stem = file_stem(resume["id"])
        try:
            files = _save_resume(client, resume["url"], out / f"{stem}.json", out / f"{stem}.pdf", summary)
        except LimitReached as exc:
            summary.stopped = str(exc)
            break
        except Unavailable as exc:
            summary.skipped.append(f"resume {resume['id']}: {exc}")
            continue
        recorded[str(item.get("id"))] = {
            "resume_id": resume["id"],
            "created_at": item.get("created_at"),
            "files": files,
        }
        _save_manifest(out, manifest)
    _save_manifest(out, manifest)
    return summary


def file_stem(resume_id: object) -> str:
    """The name of a resume's files without the suffix: ``hh_<resume id>``."""
    return "hh_" + _SAFE_ID.sub("_", str(resume_id))


def _responses(client: Client, vacancy_id: str):
    """Every response to the vacancy, page after page."""
    page, pages = 0, 1
    while page < pages:
        data = client.get_json(client.url("negotiations/response", vacancy_id=vacancy_id, page=page, per_page=PER_PAGE))
        pages = int(data.get("pages") or 0)
        yield from (item for item in data.get("items") or () if isinstance(item, dict))
        page += 1


def _save_resume(client: Client, url: str, json_path: Path, pdf_path: Path, summary: PullSummary) -> list[str]:
    """Fetch what is missing of one resume; return the names of its files."""
    if json_path.exists():
        summary.already += 1
        resume = _resume_of(json_path.read_bytes())
    else:
        body = client.get(url)
        resume = _resume_of(body)
        _write_atomic(json_path, body)
        summary.saved += 1
    files = [json_path.name]
    if pdf_path.exists():
        return [*files, pdf_path.name]
    link = _pdf_link(resume)
    if link is None:
        summary.skipped.append(f"{json_path.name}: no PDF link in the resume")
        return files
    try:
        pdf = client.get(link)
    except Unavailable as exc:
        summary.skipped.append(f"{pdf_path.name}: {exc}")
        return files
    if pdf.lstrip()[:5] != b"%PDF-":
        summary.skipped.append(f"{json_path.name}: hh.ru's PDF download is not a PDF")
        return files
    _write_atomic(pdf_path, pdf)
    summary.pdfs += 1
    return [*files, pdf_path.name]


def _resume_of(body: bytes) -> dict:
    try:
        resume = load_json(body)
    except (ValueError, UnicodeDecodeError):
        resume = None
    if not is_resume(resume):
        raise Unavailable("not an hh.ru resume")
    return resume


def _pdf_link(resume: dict) -> str | None:
    """``actions.download.pdf.url`` (the documented one), else the older ``download.pdf.url``."""
    for holder in ((resume.get("actions") or {}).get("download"), resume.get("download")):
        url = ((holder or {}).get("pdf") or {}).get("url") if isinstance(holder, dict) else None
        if isinstance(url, str) and url:
            return url
    return None


def _load_manifest(out: Path) -> dict:
    """``{"vacancies": {vacancy id: {response id: {resume_id, created_at, files}}}}``."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if not (isinstance(data, dict) and isinstance(data.get("vacancies"), dict)):
        data = {"vacancies": {}}
    return data


def _save_manifest(out: Path, manifest: dict) -> None:
    _write_atomic(out / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all (a temporary file in the same folder, then a rename)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _date(value: object) -> dt.date:
    """The date of an hh.ru timestamp ("2015-05-14T00:00:00+0300"); an unreadable one counts as new."""
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return dt.date.max
