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
import json
import re
from dataclasses import dataclass
from typing import TypeGuard

from kamscreen import lexicons
from kamscreen.parse.errors import ParseFailure
from kamscreen.parse.hh_layout import Layout
from kamscreen.parse.model import StructuredCV, StructuredJob, StructuredLanguage

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


def _vocabulary() -> dict:
    return lexicons.load("hh_api.yaml")


def load_json(data: bytes) -> object:
    """The JSON value of ``data`` (UTF-8, with or without a BOM); ValueError if it is not JSON."""
    return json.loads(data.decode("utf-8-sig"))


def is_resume(value: object) -> TypeGuard[dict]:
    """Whether ``value`` is an hh.ru resume object (full or short representation): an id, an
    ``experience`` list or a ``total_experience``, and a title or dates (a vacancy's ``experience``
    is an object, not a list)."""
    return (
        isinstance(value, dict)
        and "id" in value
        and (isinstance(value.get("experience"), list) or "total_experience" in value)
        and any(k in value for k in _ID_KEYS)
    )


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
    updated = _timestamp(resume.get("updated_at"))
    present = updated.date() if updated else None
    warnings = _visibility_warnings(resume)
    out = Layout()
    area = _name(resume.get("area"))
    out.header(
        [
            _joined(" ", *(resume.get(k) for k in ("last_name", "first_name", "middle_name"))),
            *_contacts(resume),
            area and f"Проживает: {area}",
        ]
    )
    roles = [f"— {name}" for name in map(_name, _list(resume, "professional_roles")) if name]
    out.section(
        "Желаемая должность и зарплата", [_text(resume.get("title")), *(["Специализации:", *roles] if roles else [])]
    )
    total = _dict(resume.get("total_experience")).get("months")
    total = total if isinstance(total, int) and not isinstance(total, bool) and total >= 0 else None
    jobs = _jobs(resume, out, total, present, warnings)
    for heading, lines in _education(_dict(resume.get("education"))):
        out.section(heading, lines)
    out.section(
        "Электронные сертификаты",
        [
            _joined(" ", _year(c.get("achieved_at")), c.get("title"))
            for c in _list(resume, "certificate")
            if _text(c.get("title"))
        ],
    )
    languages = _languages(resume, out)
    skill_set = resume.get("skill_set")
    out.section("Навыки", [_joined(", ", *skill_set)] if isinstance(skill_set, list) else [])
    about = _text(resume.get("skills"))
    out.section("Дополнительная информация", [about and f"Обо мне {about}"])
    if updated is not None:
        out.footer(updated)
    structured = StructuredCV(SOURCE, _text(resume.get("id")), jobs, languages, total)
    return HhResume(out.text(), structured, present, tuple(warnings))


def _jobs(
    resume: dict, out: Layout, total: int | None, present: dt.date | None, warnings: list[str]
) -> tuple[StructuredJob, ...]:
    """Write "Опыт работы" and each job with a usable period; return the jobs."""
    items = _list(resume, "experience")
    if total is not None or items:
        out.experience_heading(total)
    groups = _vocabulary()["industry_groups"]
    jobs = []
    for n, item in enumerate(items, start=1):
        start, end = _month(item.get("start")), _month(item.get("end"))
        if start is None or (item.get("end") is not None and end is None):
            warnings.append(f"job {n} of hh.ru's experience has no usable start/end date: left out of the facts")
            continue
        line, industries = _industries(_list(item, "industries"), groups)
        title, employer = _text(item.get("position")), _text(item.get("company"))
        place = _joined(", ", _name(item.get("area")), item.get("company_url"))
        period, block = out.job(start, end, present, employer, place, line, title, _text(item.get("description")))
        jobs.append(StructuredJob(start, end, title, employer, industries, period, block))
    return tuple(jobs)


def _languages(resume: dict, out: Layout) -> tuple[StructuredLanguage, ...]:
    """Write "Знание языков"; return the languages whose id has an ISO 639-1 code."""
    vocab = _vocabulary()
    languages = []
    for item in _list(resume, "language"):
        level = _dict(item.get("level"))
        span = out.language(_text(item.get("name")) or _text(item.get("id")), _text(level.get("name")))
        code = vocab["languages"].get(str(item.get("id")).lower())
        if span is not None and code is not None:
            languages.append(StructuredLanguage(code, vocab["levels"].get(str(level.get("id")).lower()), span))
    return tuple(languages)


def _visibility_warnings(resume: dict) -> list[str]:
    warnings = []
    hidden = [_text(h.get("id")) or _text(h.get("name")) for h in _list(resume, "hidden_fields")]
    if hidden:
        warnings.append(f"fields hidden by the candidate on hh.ru: {', '.join(h or '?' for h in hidden)}")
    if resume.get("can_view_full_info") is False:
        warnings.append(
            "partial view of the hh.ru resume (can_view_full_info is false): contacts and some fields are empty"
        )
    return warnings


def _industries(items, groups: dict) -> tuple[str | None, tuple[str, ...]]:
    """The export's industry line (each industry's group, "7.540" → group "7", else the industry's
    own name when its group is not in ``hh_api.yaml``) and every hh.ru name of the job's industries,
    the groups' first."""
    pairs = []
    for item in items:
        name = _name(item)
        if name:  # a dict with a name
            pairs.append((groups.get(str(item.get("id", "")).split(".")[0]), name))
    line = list(dict.fromkeys(group or name for group, name in pairs))
    return ", ".join(line) or None, tuple(dict.fromkeys(line + [name for _, name in pairs]))


def _education(education: dict) -> list[tuple[str, list[str | None]]]:
    """The export's education blocks: level and higher (else secondary) schools, courses, tests;
    each school or course as "year name" and "faculty or organisation, speciality"."""

    def entries(key: str) -> list[str | None]:
        return [
            line
            for e in _list(education, key)
            for line in (
                _joined(" ", e.get("year"), e.get("name")),
                _joined(", ", e.get("organization"), e.get("result")),
            )
        ]

    return [
        ("Образование", [_name(education.get("level")), *(entries("primary") or entries("elementary"))]),
        ("Повышение квалификации, курсы", entries("additional")),
        ("Тесты, экзамены", entries("attestation")),
    ]


def _joined(separator: str, *values: object) -> str | None:
    """The text values joined (numbers as written), None when there is none."""
    return separator.join(t for t in map(_text, values) if t) or None


def _contacts(resume: dict) -> list[str]:
    """Phones (hh.ru's ``formatted`` number) and e-mails, the preferred one marked as the export does."""
    found = []
    for contact in _list(resume, "contact"):
        value = contact.get("value")
        if isinstance(value, dict):
            value = _text(value.get("formatted")) or _joined("", *(value.get(k) for k in ("country", "city", "number")))
        text = _text(value)
        if text:
            found.append(text + (" — предпочитаемый способ связи" if contact.get("preferred") is True else ""))
    return found


def _list(data: dict, key: str) -> list[dict]:
    """The objects of the list ``data[key]`` (anything else there is ignored)."""
    value = data.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _name(value: object) -> str | None:
    return _text(value.get("name")) if isinstance(value, dict) else None


def _text(value: object) -> str | None:
    """A string field, stripped (a number as written); None when empty or not a scalar."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return str(value).strip() or None


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
