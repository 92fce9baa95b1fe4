"""hh.ru resume JSON (the employer API's ``GET /resumes/{id}``, documented in the public repository
hhru/api, ``docs/employer_resumes.md``) → the text of hh.ru's own export, plus the facts its fields
state (``StructuredCV``).

A file holds one resume, a list of them, or a page (``{"items": [...]}``) of resumes or of
responses to a vacancy (each item's ``resume``). The text is laid out as the export is (see
:mod:`kamscreen.parse.hh_layout`), so evidence highlighting and the description grammars work as
on a PDF; the jobs, languages, stated total and ``updated_at`` (the document date) come from the
fields. Fields the candidate hid (``hidden_fields``) and a partial view (``can_view_full_info:
false``) are warnings, not errors.

>>> data = b'{"id": "1", "title": "KAM", "experience": [], "total_experience": null}'
>>> read_hh_json(data, "cv.json").structured.cv_id
'1'
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass

import yaml

from kamscreen.parse.errors import ParseFailure
from kamscreen.parse.hh_layout import Layout
from kamscreen.parse.model import StructuredCV, StructuredJob, StructuredLanguage
from kamscreen.resources import lexicon_path

SOURCE = "hh_json"
_MONTH = re.compile(r"^(\d{4})-(\d{2})")
_ID_KEYS = ("title", "updated_at", "alternate_url")


@dataclass(frozen=True)
class HhResume:
    """One resume read from the JSON: its export text, the facts of its fields, its date."""

    text: str
    structured: StructuredCV
    updated: dt.date | None
    warnings: tuple[str, ...]


@functools.cache
def _vocabulary() -> dict:
    return yaml.safe_load(lexicon_path("hh_api.yaml").read_text(encoding="utf-8"))


def load_json(data: bytes) -> object:
    """The JSON value of ``data`` (UTF-8, with or without a BOM); ValueError if it is not JSON."""
    return json.loads(data.decode("utf-8-sig"))


def is_resume(value: object) -> bool:
    """Whether ``value`` is an hh.ru resume object (full or short representation): an id, an
    ``experience`` list or a ``total_experience``, and a title or dates (a vacancy's ``experience``
    is an object, not a list)."""
    return (isinstance(value, dict) and "id" in value
            and (isinstance(value.get("experience"), list) or "total_experience" in value)
            and any(k in value for k in _ID_KEYS))


def resumes_in(value: object) -> list[dict]:
    """The resumes of a JSON value: a resume, a list of them, or an ``items`` page of resumes or of
    vacancy responses (whose ``resume`` may be null: a deleted resume is skipped). ``[]`` when the
    value is not hh.ru's."""
    if is_resume(value):
        return [value]
    items = value.get("items") if isinstance(value, dict) else value
    if not isinstance(items, list):
        return []
    found = [item.get("resume") if isinstance(item, dict) and "resume" in item else item for item in items]
    resumes = [r for r in found if r is not None]
    return resumes if resumes and all(is_resume(r) for r in resumes) else []


def read_hh_json(data: bytes, name: str) -> HhResume:
    """The one resume of an hh.ru JSON file; a file of several is refused with the way to split it."""
    try:
        resumes = resumes_in(load_json(data))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ParseFailure("corrupt", f"{name}: not valid JSON ({exc})") from exc
    if not resumes:
        raise ParseFailure("unsupported_format", f"{name}: a JSON file that is not an hh.ru resume")
    if len(resumes) > 1:
        raise ParseFailure(
            "unsupported_format",
            f"{name}: {len(resumes)} hh.ru resumes in one file; `kamscreen hh split {name} --out DIR` "
            "writes one file per resume",
        )
    return read_resume(resumes[0])


def read_resume(resume: dict) -> HhResume:
    """Lay out one resume object and collect the facts of its fields."""
    vocab = _vocabulary()
    updated = _timestamp(resume.get("updated_at"))
    present = updated.date() if updated else None
    warnings = _visibility_warnings(resume)
    out = Layout()
    out.header(_full_name(resume), _contacts(resume), _name(resume.get("area")))
    out.wish(resume.get("title"), [_name(r) for r in _list(resume, "professional_roles")])
    total = (resume.get("total_experience") or {}).get("months")
    total = total if isinstance(total, int) and total >= 0 else None
    if total is not None or _list(resume, "experience"):
        out.experience_heading(total)
    jobs = []
    for n, item in enumerate(_list(resume, "experience"), start=1):
        start, end = _month(item.get("start")), _month(item.get("end"))
        if start is None or (item.get("end") is not None and end is None):
            warnings.append(f"job {n} of hh.ru's experience has no usable start/end date: left out of the facts")
            continue
        line, industries = _industries(item.get("industries") or (), vocab["industry_groups"])
        place = ", ".join(p for p in (_name(item.get("area")), item.get("company_url")) if p)
        period, block = out.job(start, end, present, item.get("company"), place, line,
                                item.get("position"), item.get("description"))
        jobs.append(StructuredJob(start, end, _text(item.get("position")), _text(item.get("company")),
                                  industries, period, block))
    out.education(resume.get("education") or {})
    out.certificates([(c.get("title"), _year(c.get("achieved_at"))) for c in _list(resume, "certificate")])
    languages = []
    for item in _list(resume, "language"):
        level = item.get("level") or {}
        span = out.language(item.get("name") or item.get("id"), level.get("name"))
        code = vocab["languages"].get(str(item.get("id")).lower())
        if span is not None and code is not None:
            languages.append(StructuredLanguage(code, vocab["levels"].get(str(level.get("id")).lower()), span))
    out.skills([s for s in resume.get("skill_set") or () if isinstance(s, str)], resume.get("skills"))
    if updated is not None:
        out.footer(updated)
    structured = StructuredCV(SOURCE, _text(resume.get("id")), tuple(jobs), tuple(languages), total)
    return HhResume(out.text(), structured, present, tuple(warnings))


def _visibility_warnings(resume: dict) -> list[str]:
    warnings = []
    hidden = [h.get("id") or h.get("name") for h in _list(resume, "hidden_fields")]
    if hidden:
        warnings.append(f"fields hidden by the candidate on hh.ru: {', '.join(map(str, hidden))}")
    if resume.get("can_view_full_info") is False:
        warnings.append("partial view of the hh.ru resume (can_view_full_info is false): contacts and "
                        "some fields are empty")
    return warnings


def _industries(items, groups: dict) -> tuple[str | None, tuple[str, ...]]:
    """The export's industry line (each industry's group, "7.540" → group "7", else the industry's
    own name when its group is not in ``hh_api.yaml``) and every hh.ru name of the job's industries,
    the groups' first."""
    pairs = [(groups.get(str(i.get("id", "")).split(".")[0]), _name(i))
             for i in items if isinstance(i, dict) and _name(i)]
    line = list(dict.fromkeys(group or name for group, name in pairs))
    return ", ".join(line) or None, tuple(dict.fromkeys(line + [name for _, name in pairs]))


def _full_name(resume: dict) -> str | None:
    parts = [resume.get(k) for k in ("last_name", "first_name", "middle_name")]
    return " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip()) or None


def _contacts(resume: dict) -> list[str]:
    found = []
    for contact in _list(resume, "contact"):
        value = contact.get("value")
        if isinstance(value, dict):
            value = value.get("formatted") or "".join(str(value.get(k) or "") for k in ("country", "city", "number"))
        if isinstance(value, str) and value.strip():
            found.append(value.strip() + (" — предпочитаемый способ связи" if contact.get("preferred") else ""))
    return found


def _list(resume: dict, key: str) -> list[dict]:
    value = resume.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _name(value: object) -> str | None:
    return _text(value.get("name")) if isinstance(value, dict) else None


def _text(value: object) -> str | None:
    return (str(value).strip() or None) if value is not None else None


def _month(value: object) -> str | None:
    match = _MONTH.match(value) if isinstance(value, str) else None
    return f"{match.group(1)}-{match.group(2)}" if match and 1 <= int(match.group(2)) <= 12 else None


def _year(value: object) -> str | None:
    match = _MONTH.match(value) if isinstance(value, str) else None
    return match.group(1) if match else None


def _timestamp(value: object) -> dt.datetime | None:
    """``updated_at`` ("2013-10-17T15:22:55+0400"), in its own offset."""
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return None
