"""Lay a CVSpec out as a Doc, one composer per layout; ``key``/``exp`` flags feed the truth."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from . import content as C
from . import dates as D
from .model import CVSpec, Doc, P, Row


def _h(cv: CVSpec, name: str) -> str:
    return C.HEADINGS[cv.lang][name]


def _age(cv: CVSpec) -> int:
    d, b = cv.document_date, cv.birth
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


def personal_line(cv: CVSpec) -> str:
    """hh.ru header: ``Мужчина, 38 лет, родился 12 марта 1987``."""
    age = _age(cv)
    sex, born = ("Мужчина", "родился") if cv.gender == "m" else ("Женщина", "родилась")
    birth = f"{cv.birth.day} {D.RU_GEN[cv.birth.month - 1]} {cv.birth.year}"
    return f"{sex}, {age} {D.plural_ru(age, 'год', 'года', 'лет')}, {born} {birth}"


def _bullets(lines: list[str], section: str = "experience") -> list[P]:
    return [P(line, "bullet", section) for line in lines]


def _languages(cv: CVSpec, key: bool = True) -> list[P]:
    return [P(lang.text, "body", "languages", key=key and i == 0) for i, lang in enumerate(cv.languages)]


def compose_hh(cv: CVSpec) -> Doc:
    """hh.ru export order: header, desired position, total, jobs, education, languages, skills, extra, footer."""
    m: list[P] = [P(cv.name, "name", "header"), P(personal_line(cv), "small", "header")]
    m += [P(c, "small", "header") for c in cv.contacts]
    m.append(P(f"Проживает: {cv.city}", "small", "header"))
    m += [P(line, "small", "header") for line in cv.personal]
    m += [P("Желаемая должность и зарплата", "h", "summary"), P(cv.desired_title, "title", "summary", key=True)]
    m += [P("Опыт работы", "h", "experience"), P(cv.stated_text or "", "bold", "experience", key=True)]
    for j in cv.jobs:
        m += [
            P(j.period_text, "job", "experience", key=True, exp=True),
            P(j.duration_text, "small", "experience"),
            P(j.employer, "job", "experience", key=True, exp=True),
            P(j.city, "small", "experience"),
            P(j.industry_line, "small", "experience"),
            P(j.title, "bold", "experience", key=True, exp=True),
        ]
        m += _bullets(j.lines)
    m += [P("Образование", "h", "education"), P("Высшее", "small", "education")]
    for year, inst, detail in cv.education:
        m += [P(year, "bold", "education"), P(inst, "body", "education", key=True), P(detail, "small", "education")]
    m += [P("Знание языков", "h", "languages"), *_languages(cv)]
    m += [P("Навыки", "h", "skills"), P("Знание программ и навыки: " + "  ".join(cv.skills), "body", "skills")]
    m += [P("Дополнительная информация", "h", "extra"), P("Обо мне", "bold", "extra")]
    m += [P(line, "body", "extra") for line in cv.summary]
    m.append(P(cv.footer or "", "small", "footer", key=True))
    return Doc(m)


# hh.ru PDF rows after the jobs: (course in the right cell, its school); no KPI words
HH_COURSES = [
    ("Стратегические переговоры", "Московская школа управления СКОЛКОВО"),
    ("Управление продажами", "Бизнес-школа РАНХиГС"),
    ("Эффективные презентации", "Нетология"),
]


def _site(employer: str) -> str:
    """A made-up site for an employer: its Latin name in lower case, ".ru"."""
    latin = unicodedata.normalize("NFKD", C.COMPANIES_EN.get(employer, employer).lower())
    return re.sub(r"[^a-z0-9]", "", latin) + ".ru"


def _hh_job_row(cv: CVSpec, j, variant: int, long: bool) -> Row:
    """One job of hh.ru's PDF export. ``variant`` rotates what real exports vary: the site line
    ("Москва, site.ru", "www.site.ru", none, "Москва, site.ru/, https://www.site.ru/"), one or two
    industries with their sub-industries (or none, the description then in "•" bullets), a
    "Проекты:" paragraph; a ``long`` description fills most of a page."""
    left = [P(j.period_text, "hh_cell", "experience", key=True, exp=True), P(j.duration_text, "hh_cell", "experience")]
    right = [P(j.employer, "hh_employer", "experience", key=True, exp=True)]
    site = _site(j.employer)
    site_line = [f"{j.city}, {site}", f"www.{site}", "", f"{j.city}, {site}/, https://www.{site}/"][variant % 4]
    if site_line:
        right.append(P(site_line, "hh_site", "experience"))
    groups = (
        []
        if variant % 5 == 3
        else C.HH_EXPORT_INDUSTRIES[j.industry] + ([C.HH_EXPORT_SECOND_INDUSTRY] if variant % 3 == 1 else [])
    )
    for industry, items in groups:
        right += [P(industry, "hh_industry", "experience")] + [P(item, "hh_item", "experience") for item in items]
    right.append(P(j.title, "hh_title", "experience", key=True, exp=True))
    mark = "" if groups else "• "
    right += [P(mark + line, "hh_body", "experience") for line in j.lines]
    for extra, wanted in ((C.HH_EXPORT_ROUTINE, long), (C.HH_EXPORT_PROJECTS, long or variant % 2 == 0)):
        if wanted:
            right += [P(extra[0], "hh_para", "experience")] + [P(line, "hh_body", "experience") for line in extra[1:]]
    return Row(left, right)


def compose_hh_table(cv: CVSpec) -> Doc:
    """hh.ru's real PDF export (drawn by ``hh_pdf``): the personal block and the desired position at
    full width, then under the heading "Опыт работы — 10 лет 11 месяцев" one table row per job
    (period and duration left; employer, site, industries, title, description right); education,
    courses, languages and skills, "Обо мне" under their headings, their labels or years in the
    left cell; the footer (name • "Резюме обновлено ...") on every page; the employer's
    "История общения с кандидатом" on a last page of its own (not part of the CV)."""
    number = int(cv.id.rsplit("_", 1)[1])
    she = cv.gender == "f"
    m: list = [P(cv.name, "hh_name", "header"), P(personal_line(cv), "hh_text", "header")]
    m += [P(c, "hh_gap" if i == 0 else "hh_text", "header") for i, c in enumerate(cv.contacts)]
    m += [
        P(f"Проживает: {cv.city}", "hh_gap", "header"),
        P("Гражданство: Россия, есть разрешение на работу: Россия", "hh_text", "header"),
        P(
            f"Не {'готова' if she else 'готов'} к переезду, {'готова' if she else 'готов'} к командировкам",
            "hh_text",
            "header",
        ),
    ]
    m += [
        P("Желаемая должность и зарплата", "hh_h", "summary"),
        P(cv.desired_title, "hh_desired", "summary", key=True),
        P("Специализации:", "hh_text", "summary"),
        P("— Менеджер по работе с клиентами", "hh_spec", "summary"),
        P("Занятость: полная занятость", "hh_text", "summary"),
        P("График работы: полный день", "hh_text", "summary"),
        P("Желательное время в пути до работы: не имеет значения", "hh_text", "summary"),
    ]
    m.append(P((cv.stated_text or "").replace("Опыт работы ", "Опыт работы — ", 1), "hh_h", "experience", key=True))
    m += [_hh_job_row(cv, j, number + k, long=k == 0 and number % 2 == 1) for k, j in enumerate(cv.jobs)]
    m += [P("Образование", "hh_h", "education"), P("Высшее", "hh_degree", "education")]
    for year, inst, detail in cv.education:
        m.append(
            Row(
                [P(year, "hh_cell", "education")],
                [P(inst, "hh_inst", "education", key=True), P(detail, "hh_text", "education")],
            )
        )
    course, school = HH_COURSES[len(cv.name) % len(HH_COURSES)]
    m += [
        P("Повышение квалификации, курсы", "hh_h", "extra"),
        Row(
            [P(str(int(cv.education[0][0]) + 3), "hh_cell", "extra")],
            [P(course, "hh_inst", "extra"), P(school, "hh_text", "extra")],
        ),
    ]
    m += [
        P("Навыки", "hh_h", "skills"),
        Row(
            [P("Знание языков", "hh_cell", "languages")],
            [P(lang.text, "hh_lang", "languages", key=i == 0) for i, lang in enumerate(cv.languages)],
        ),
        Row([P("Навыки", "hh_cell", "skills")], [P("  ".join(cv.skills), "hh_tags", "skills")]),
    ]
    m += [
        P("Дополнительная информация", "hh_h", "extra"),
        Row([P("Обо мне", "hh_cell", "extra")], [P(line, "hh_text", "extra") for line in cv.summary]),
    ]
    day = cv.document_date - dt.timedelta(days=3)
    m += [
        P("История общения с кандидатом", "hh_h", "history"),
        Row(
            [P("Отклики", "hh_cell", "history")],
            [
                P(f"{cv.desired_title} (вакансия компании)", "hh_text", "history"),
                P(f"{day.day} {D.RU_GEN[day.month - 1]} {day.year}", "hh_date", "history"),
            ],
        ),
    ]
    m.append(P(f"{cv.name} • {cv.footer}", "hh_text", "footer", key=True))
    return Doc(m)


def compose_two_column(cv: CVSpec) -> Doc:
    """Name and title across the top, experience in the main column, contacts/skills/languages in a sidebar."""
    m = [P(cv.name, "name", "header"), P(cv.desired_title, "title", "header", key=True)]
    m += [P(_h(cv, "profile"), "h", "summary")] + [P(s, "body", "summary") for s in cv.summary]
    m.append(P(_h(cv, "experience"), "h", "experience"))
    for j in cv.jobs:
        m += [
            P(j.title, "job", "experience", key=True, exp=True),
            P(f"{j.employer} · {j.city}", "bold", "experience", key=True, exp=True),
            P(j.period_text, "small", "experience", key=True, exp=True),
        ]
        m += _bullets(j.lines)
    m.append(P(_h(cv, "education"), "h", "education"))
    for year, inst, detail in cv.education:
        m += [P(inst, "bold", "education", key=True), P(f"{detail}, {year}", "small", "education")]
    side = [P(_h(cv, "contacts"), "h", "contacts")] + [P(c, "small", "contacts") for c in [*cv.contacts, cv.city]]
    side += [P(_h(cv, "skills"), "h", "skills")] + [P(s, "small", "skills") for s in cv.skills]
    side += [P(_h(cv, "languages"), "h", "languages")] + [P(lang.text, "small", "languages") for lang in cv.languages]
    side += [P(line, "small", "other") for line in cv.personal]
    return Doc(m, side, cv.sidebar_side)


def compose_linkedin(cv: CVSpec) -> Doc:
    """LinkedIn "Save to PDF": sidebar Contact/Top Skills/Languages, main Summary/Experience/Education."""
    side = [P("Contact", "h", "contacts")] + [P(c, "small", "contacts") for c in cv.contacts]
    side += [P("Top Skills", "h", "skills")] + [P(s, "small", "skills") for s in cv.skills[:2] + cv.skills[-1:]]
    side += [P("Languages", "h", "languages")] + [P(lang.text, "small", "languages") for lang in cv.languages]
    m = [P(cv.name, "name", "header"), P(cv.desired_title, "title", "header", key=True), P(cv.city, "small", "header")]
    m += [P("Summary", "h", "summary")] + [P(s, "body", "summary") for s in cv.summary]
    m.append(P("Experience", "h", "experience"))
    for j in cv.jobs:
        m += [
            P(j.employer, "job", "experience", key=True, exp=True),
            P(j.title, "bold", "experience", key=True, exp=True),
            P(f"{j.period_text} ({j.duration_text})", "small", "experience", key=True, exp=True),
            P(j.city, "small", "experience"),
        ]
        m += _bullets(j.lines)
    m.append(P("Education", "h", "education"))
    for year, inst, detail in cv.education:
        start = int(year) - 4
        m += [P(inst, "bold", "education", key=True), P(f"{detail} · ({start} - {year})", "small", "education")]
    return Doc(m, side, "left")


def compose_word_table(cv: CVSpec) -> Doc:
    """A Word CV: header paragraphs, then a two-column table (dates | job) per section."""
    m: list = [
        P(cv.name, "name", "header"),
        P(cv.desired_title, "title", "header", key=True),
        P(" | ".join([*cv.contacts, cv.city]), "small", "contacts"),
    ]
    m += [P(_h(cv, "summary"), "h", "summary")] + [P(s, "body", "summary") for s in cv.summary]
    m.append(P("Профессиональный опыт" if cv.lang == "ru" else "Professional Experience", "h", "experience"))
    for j in cv.jobs:
        left = [P(j.period_text, "small", "experience", key=True, exp=True)]
        right = [
            P(j.title, "bold", "experience", key=True, exp=True),
            P(f"{j.employer}, {j.city}", "body", "experience", key=True, exp=True),
            *_bullets(j.lines),
        ]
        m.append(Row(left, right))
    m.append(P(_h(cv, "education"), "h", "education"))
    for year, inst, detail in cv.education:
        m.append(
            Row(
                [P(year, "small", "education")],
                [P(inst, "bold", "education", key=True), P(detail, "body", "education")],
            )
        )
    m += [P(_h(cv, "languages"), "h", "languages"), *_languages(cv)]
    m += [P(_h(cv, "skills"), "h", "skills"), P(", ".join(cv.skills), "body", "skills")]
    return Doc(m)


def compose_plain(cv: CVSpec) -> Doc:
    """One column, paragraphs only: Word paragraphs, plain text and RTF CVs."""
    m = [P(cv.name, "name", "header"), P(cv.desired_title, "title", "header", key=True)]
    m += [P(c, "small", "contacts") for c in cv.contacts] + [P(cv.city, "small", "contacts")]
    m += [P(line, "small", "contacts") for line in cv.personal]
    m += [P(_h(cv, "summary"), "h", "summary")] + [
        P(s, "body", "summary", key=(s == cv.stated_text)) for s in cv.summary
    ]
    m.append(P(_h(cv, "experience"), "h", "experience"))
    for j in cv.jobs:
        m += [
            P(j.period_text, "bold", "experience", key=True, exp=True),
            P(j.title, "job", "experience", key=True, exp=True),
            P(f"{j.employer}, {j.city}", "body", "experience", key=True, exp=True),
        ]
        m += _bullets(j.lines)
    m.append(P(_h(cv, "education"), "h", "education"))
    for year, inst, detail in cv.education:
        m += [P(f"{inst}, {year}", "bold", "education", key=True), P(detail, "body", "education")]
    m += [P(_h(cv, "languages"), "h", "languages"), *_languages(cv)]
    m += [P(_h(cv, "skills"), "h", "skills"), P(", ".join(cv.skills), "body", "skills")]
    return Doc(m)


def compose(cv: CVSpec) -> Doc:
    if cv.layout == "hh" or (cv.layout == "plain_txt" and cv.footer):
        return compose_hh(cv)
    return {
        "hh_pdf_table": compose_hh_table,
        "two_column": compose_two_column,
        "linkedin": compose_linkedin,
        "word_table": compose_word_table,
    }.get(cv.layout, compose_plain)(cv)
