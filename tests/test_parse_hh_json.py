"""hh.ru resume JSON: sniffed from the bytes, laid out as hh.ru's export, facts taken from fields."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

import hh_resumes as H
from kamscreen import extract, parse
from kamscreen.parse.sniff import sniff_format


def _write(tmp_path, value, name="cv.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2), encoding="utf-8")
    return str(path)


def _months(facts) -> int | None:
    years = facts.experience.total_years
    return None if years is None else round(years * 12)


def _evidence(facts):
    """Every evidence span of the facts."""
    found = [e for j in facts.jobs for e in (j.evidence, j.description) if e]
    found += [lang.evidence for lang in facts.languages] + [k.evidence for k in facts.kpis]
    found += [s.evidence for s in facts.signals]
    if facts.team_size.evidence:
        found.append(facts.team_size.evidence)
    if facts.experience.stated_evidence:
        found.append(facts.experience.stated_evidence)
    return found


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (H.KAM_DIRECTOR, "hh_json"),
        ([H.KAM_DIRECTOR, H.OVERLAPPING], "hh_json"),
        (
            {"found": 2, "pages": 1, "page": 0, "per_page": 20, "items": [H.short(H.KAM_DIRECTOR), H.short(H.HIDDEN)]},
            "hh_json",
        ),
        ({"items": [{"id": "1", "resume": H.short(H.KAM_DIRECTOR)}, {"id": "2", "resume": None}]}, "hh_json"),
        ({"name": "package", "version": "1.0", "items": [{"id": 1}]}, "json"),
        (
            {
                "id": "93353083",
                "name": "KAM",
                "alternate_url": "https://hh.ru/vacancy/93353083",
                "experience": {"id": "between3And6", "name": "От 3 до 6 лет"},
            },
            "json",
        ),  # a vacancy
        ([1, 2, 3], "json"),
    ],
)
def test_sniff_tells_hh_resume_json_from_other_json(value, expected):
    assert sniff_format(json.dumps(value, ensure_ascii=False).encode("utf-8")) == expected


def test_sniff_reads_a_bom_and_leaves_bracketed_text_as_text():
    assert sniff_format(b"\xef\xbb\xbf" + json.dumps(H.OVERLAPPING).encode()) == "hh_json"
    assert sniff_format("[Анна Петрова]\nKey Account Manager".encode()) == "text"


def test_other_json_is_a_clear_unsupported_format(tmp_path):
    cv = parse(_write(tmp_path, {"name": "package", "dependencies": {}}, "package.json"))
    assert (cv.status, cv.error.code) == ("error", "unsupported_format")
    assert "not an hh.ru resume" in cv.error.message


@pytest.mark.parametrize("resume", H.ALL, ids=lambda r: r["id"][:8])
def test_total_equals_hh_total_experience(tmp_path, resume):
    cv = parse(_write(tmp_path, resume))
    assert (cv.status, cv.format) == ("ok", "hh_json")
    facts = extract(cv)
    assert _months(facts) == (resume["total_experience"] or {}).get("months")
    assert cv.structured.total_months == (resume["total_experience"] or {}).get("months")
    for evidence in _evidence(facts):
        assert cv.text[evidence.start : evidence.end] == evidence.text


def test_fields_become_jobs_languages_and_document_date(tmp_path):
    cv = parse(_write(tmp_path, H.KAM_DIRECTOR))
    assert cv.document_date.date == dt.date(2025, 9, 28)
    assert cv.structured.cv_id == H.KAM_DIRECTOR["id"]
    facts = extract(cv)
    assert [(j.start, j.end, j.current, j.title, j.employer) for j in facts.jobs] == [
        ("2019-03", None, True, "Директор по работе с ключевыми клиентами", "ООО «Нестле Россия»"),
        ("2014-06", "2019-02", False, "Key Account Manager", "ООО «Марс»"),
        ("2010-09", "2014-05", False, "Менеджер по продажам", "ООО «Ромашка»"),
    ]
    assert facts.jobs[0].evidence.text == "Март 2019 — по настоящее время"
    assert facts.jobs[1].evidence.text == "Июнь 2014 — февраль 2019"
    assert [(s.language, s.level, s.evidence.text) for s in facts.languages] == [
        ("ru", "native", "Русский — Родной"),
        ("en", "C1", "Английский — C1 — Продвинутый"),
        ("de", "A2", "Немецкий — A2 — Элементарный"),
    ]
    assert facts.experience.stated_evidence.text == "Опыт работы 15 лет 1 месяц"
    assert not facts.experience.stated_mismatch


def test_descriptions_still_go_through_the_grammars(tmp_path):
    cv = parse(_write(tmp_path, H.KAM_DIRECTOR))
    facts = extract(cv)
    assert [j.role for j in facts.jobs] == ["key_account", "key_account", "sales"]
    assert facts.jobs[0].management
    assert facts.team_size.value == 12
    block = facts.jobs[0].description
    assert block.start <= facts.team_size.evidence.start < block.end
    assert {"revenue_growth", "pnl"} <= {k.kind for k in facts.kpis}
    assert [j.industry for j in facts.jobs] == ["fmcg", "fmcg", "retail"]
    assert facts.industry == "fmcg"


def test_industry_line_names_the_groups_of_hh_industries(tmp_path):
    cv = parse(_write(tmp_path, H.OVERLAPPING))
    lines = cv.text.splitlines()
    assert "Розничная торговля" in lines  # 41.512 → group 41
    assert "Перевозки, логистика, склад, ВЭД" in lines  # 5.466 → group 5
    assert [j.industry for j in extract(cv).jobs] == ["retail", "other", "logistics"]


def test_the_stated_industry_comes_before_the_employer_name(tmp_path):
    resume = copy.deepcopy(H.OLD_LEVELS)
    resume["experience"][0]["company"] = "GE Money Bank"  # "GE" alone reads as General Electric
    resume["experience"][0]["industries"] = [{"id": "43.647", "name": "Банк"}]
    assert [j.industry for j in extract(parse(_write(tmp_path, resume))).jobs] == ["finance"]


def test_older_hh_language_levels(tmp_path):
    facts = extract(parse(_write(tmp_path, H.OLD_LEVELS)))
    assert [(s.language, s.level) for s in facts.languages] == [
        ("ru", "native"),
        ("en", "B2"),
        ("fr", "A2"),
        ("it", "C1"),
        ("es", "A2"),
    ]


def test_hidden_fields_and_partial_view_are_warnings(tmp_path):
    cv = parse(_write(tmp_path, H.HIDDEN))
    assert cv.status == "ok" and cv.error is None
    assert any("names_and_photo, experience" in w for w in cv.warnings)
    assert any("can_view_full_info" in w for w in cv.warnings)
    facts = extract(cv)
    assert [(j.start, j.end, j.employer, j.title) for j in facts.jobs] == [
        ("2020-01", None, None, "Key Account Manager")
    ]


def test_a_list_of_one_resume_reads_and_of_several_points_to_split(tmp_path):
    one = parse(_write(tmp_path, {"items": [{"id": "9", "resume": H.KAM_DIRECTOR}]}, "one.json"))
    assert one.status == "ok" and one.structured.cv_id == H.KAM_DIRECTOR["id"]
    many = parse(_write(tmp_path, [H.KAM_DIRECTOR, H.OVERLAPPING], "page.json"))
    assert (many.status, many.error.code) == ("error", "unsupported_format")
    assert "2 hh.ru resumes" in many.error.message and "kamscreen hh split" in many.error.message


def test_a_job_without_a_usable_date_is_left_out_with_a_warning(tmp_path):
    resume = copy.deepcopy(H.OVERLAPPING)
    resume["experience"][1]["start"] = "when?"
    cv = parse(_write(tmp_path, resume))
    assert len(cv.structured.jobs) == 2
    assert any("job 2" in w for w in cv.warnings)


# The same resume as hh.ru's plain layout (the hh-ru real CVs' layout), written by hand.
KAM_DIRECTOR_TEXT = """Директор по работе с ключевыми клиентами
Женщина, 41 год
Москва

Опыт работы
Опыт работы 15 лет 1 месяц
Март 2019 — по настоящее время
6 лет 7 месяцев
ООО «Нестле Россия»
Москва, www.nestle.ru
Продукты питания... Показать еще
Директор по работе с ключевыми клиентами
Руководил отделом из 12 менеджеров по работе с ключевыми клиентами.
Вёл федеральные сети X5 и Магнит: рост оборота на 35% за 2 года, переговоры с коммерческими директорами сетей, P&L портфеля.
Июнь 2014 — февраль 2019
4 года 9 месяцев
ООО «Марс»
Москва, www.mars.com
Продукты питания... Показать еще
Key Account Manager
Управление ключевыми клиентами: Ашан, Лента. Годовые переговоры, промо-планы, выполнение плана продаж 110%.
Сентябрь 2010 — май 2014
3 года 9 месяцев
ООО «Ромашка»
Москва
Розничная торговля... Показать еще
Менеджер по продажам
Активные продажи, холодные звонки, поиск новых клиентов.

Образование
Высшее образование
2008
Российский экономический университет им. Г.В. Плеханова, Москва
Маркетинг, Экономист

Знание языков
Русский — Родной
Английский — C1 — Продвинутый
Немецкий — A2 — Элементарный
"""  # noqa: E501 - a CV's lines, verbatim


def test_json_and_hh_text_of_one_resume_give_the_same_facts(tmp_path):
    from_json = extract(parse(_write(tmp_path, H.KAM_DIRECTOR)))
    text = tmp_path / "cv.txt"
    text.write_text(KAM_DIRECTOR_TEXT, encoding="utf-8")
    from_text = extract(parse(text, as_of=dt.date(2025, 9, 28)))

    def jobs(facts):
        return [(j.start, j.end, j.title, j.employer, j.role, j.management, j.industry) for j in facts.jobs]

    assert jobs(from_json) == jobs(from_text)
    assert from_json.experience.total_years == from_text.experience.total_years
    assert from_json.experience.stated_total_years == from_text.experience.stated_total_years
    assert [(s.language, s.level) for s in from_json.languages] == [(s.language, s.level) for s in from_text.languages]
    assert from_json.industry == from_text.industry
    assert from_json.team_size.value == from_text.team_size.value


def test_screen_reads_hh_json_files_offline(tmp_path, monkeypatch):
    import socket

    from kamscreen.batch import find_cvs, screen

    folder = tmp_path / "cvs"
    folder.mkdir()
    for resume in (H.KAM_DIRECTOR, H.OVERLAPPING):
        _write(folder, resume, f"hh_{resume['id']}.json")
    _write(folder, {"name": "package"}, "package.json")

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert len(find_cvs(folder)) == 3
    screen(folder, tmp_path / "out", as_of=None, jobs=1, show_progress=False)
    rows = [
        json.loads(line) for line in (tmp_path / "out" / "candidates.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    status = {row["file"]: (row["status"], (row.get("error") or {}).get("code")) for row in rows}
    assert status["package.json"] == ("error", "unsupported_format")
    # the two resumes share their contacts (one person's two resumes): one candidate of two files
    [hh] = [row for row in rows if row["file"].startswith("hh_")]
    assert [hh["status"], *(o["status"] for o in hh["other_files"])] == ["ok", "ok"]
    assert hh["other_files"][0]["reason"] == "same e-mail, same phone"


@pytest.mark.parametrize("bad", ["x", 5, [], {}, None, [1, "a"], True])
def test_a_field_of_the_wrong_type_never_breaks_the_reader(tmp_path, bad):
    for key in (
        "title",
        "area",
        "contact",
        "education",
        "language",
        "skill_set",
        "skills",
        "total_experience",
        "updated_at",
        "hidden_fields",
        "certificate",
        "professional_roles",
    ):
        resume = copy.deepcopy(H.KAM_DIRECTOR)
        resume[key] = bad
        assert parse(_write(tmp_path, resume)).status == "ok", key
    for key in ("company", "area", "industries", "position", "description", "company_url"):
        resume = copy.deepcopy(H.KAM_DIRECTOR)
        resume["experience"][0][key] = bad
        cv = parse(_write(tmp_path, resume))
        assert cv.status == "ok" and len(cv.structured.jobs) == 3, key
