"""Lay a CVSpec out as a Doc, one composer per layout; ``key``/``exp`` flags feed the truth."""
from __future__ import annotations

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
    return f"{sex}, {age} {D.plural_ru(age, 'год', 'года', 'лет')}, {born} {cv.birth.day} {D.RU_GEN[cv.birth.month - 1]} {cv.birth.year}"


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
        m += [P(j.period_text, "job", "experience", key=True, exp=True), P(j.duration_text, "small", "experience"),
              P(j.employer, "job", "experience", key=True, exp=True), P(j.city, "small", "experience"),
              P(j.industry_line, "small", "experience"), P(j.title, "bold", "experience", key=True, exp=True)]
        m += _bullets(j.lines)
    m += [P("Образование", "h", "education"), P("Высшее", "small", "education")]
    for year, inst, detail in cv.education:
        m += [P(year, "bold", "education"), P(inst, "body", "education", key=True), P(detail, "small", "education")]
    m += [P("Знание языков", "h", "languages")] + _languages(cv)
    m += [P("Навыки", "h", "skills"), P("Знание программ и навыки: " + "  ".join(cv.skills), "body", "skills")]
    m += [P("Дополнительная информация", "h", "extra"), P("Обо мне", "bold", "extra")]
    m += [P(line, "body", "extra") for line in cv.summary]
    m.append(P(cv.footer or "", "small", "footer", key=True))
    return Doc(m)


# hh.ru PDF rows after the jobs: (label in the left cell, lines in the right cell); no KPI words
HH_COURSES = [("Стратегические переговоры", "Московская школа управления СКОЛКОВО"),
              ("Управление продажами", "Бизнес-школа РАНХиГС"), ("Эффективные презентации", "Нетология")]
HH_CITIZENSHIP = ["Гражданство: Россия", "Разрешение на работу: Россия",
                  "Желательное время в пути до работы: не имеет значения"]


def compose_hh_table(cv: CVSpec) -> Doc:
    """hh.ru's real PDF export: a full-width header, then a two-column table — period and duration
    left, employer/city/industry/title/description right; section labels left, their content right.
    The footer line (name • "Резюме обновлено ...") is drawn on every page (``pdf.write_hh_table``)."""
    m: list = [P(cv.name, "name", "header"), P(personal_line(cv), "small", "header")]
    m += [P(c, "small", "header") for c in cv.contacts] + [P(f"Проживает: {cv.city}", "small", "header")]
    m += [P("Желаемая должность и зарплата", "h", "summary"), P(cv.desired_title, "title", "summary", key=True),
          P("Занятость: полная занятость", "small", "summary"), P("График работы: полный день", "small", "summary")]
    m.append(P((cv.stated_text or "").replace("Опыт работы ", "Опыт работы — ", 1), "h", "experience", key=True))
    for j in cv.jobs:
        left = [P(j.period_text, "period", "experience", key=True, exp=True), P(j.duration_text, "small", "experience")]
        right = [P(j.employer, "job", "experience", key=True, exp=True), P(j.city, "small", "experience"),
                 P(j.industry_line, "small", "experience"), P(j.title, "bold", "experience", key=True, exp=True)]
        m.append(Row(left, right + [P(line, "body", "experience") for line in j.lines]))
    m.append(Row([P("Образование", "label", "education")], [P("Высшее", "small", "education")]))
    for year, inst, detail in cv.education:
        m.append(Row([P(year, "bold", "education")],
                     [P(inst, "body", "education", key=True), P(detail, "small", "education")]))
    m.append(Row([P("Знание языков", "label", "languages")], _languages(cv)))
    course, school = HH_COURSES[len(cv.name) % len(HH_COURSES)]
    m.append(Row([P("Повышение квалификации, курсы", "label", "extra")],
                 [P(course, "body", "extra"), P(f"{school}, {int(cv.education[0][0]) + 3}", "small", "extra")]))
    m.append(Row([P("Навыки", "label", "skills")], [P("  ".join(cv.skills), "body", "skills")]))
    m.append(Row([P("Обо мне", "label", "extra")], [P(line, "body", "extra") for line in cv.summary]))
    m.append(Row([P("Гражданство, время в пути до работы", "label", "other")],
                 [P(line, "small", "other") for line in HH_CITIZENSHIP]))
    m.append(P(f"{cv.name} • {cv.footer}", "small", "footer", key=True))
    return Doc(m)


def compose_two_column(cv: CVSpec) -> Doc:
    """Name and title across the top, experience in the main column, contacts/skills/languages in a sidebar."""
    m = [P(cv.name, "name", "header"), P(cv.desired_title, "title", "header", key=True)]
    m += [P(_h(cv, "profile"), "h", "summary")] + [P(s, "body", "summary") for s in cv.summary]
    m.append(P(_h(cv, "experience"), "h", "experience"))
    for j in cv.jobs:
        m += [P(j.title, "job", "experience", key=True, exp=True),
              P(f"{j.employer} · {j.city}", "bold", "experience", key=True, exp=True),
              P(j.period_text, "small", "experience", key=True, exp=True)]
        m += _bullets(j.lines)
    m.append(P(_h(cv, "education"), "h", "education"))
    for year, inst, detail in cv.education:
        m += [P(inst, "bold", "education", key=True), P(f"{detail}, {year}", "small", "education")]
    side = [P(_h(cv, "contacts"), "h", "contacts")] + [P(c, "small", "contacts") for c in cv.contacts + [cv.city]]
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
        m += [P(j.employer, "job", "experience", key=True, exp=True), P(j.title, "bold", "experience", key=True, exp=True),
              P(f"{j.period_text} ({j.duration_text})", "small", "experience", key=True, exp=True),
              P(j.city, "small", "experience")]
        m += _bullets(j.lines)
    m.append(P("Education", "h", "education"))
    for year, inst, detail in cv.education:
        start = int(year) - 4
        m += [P(inst, "bold", "education", key=True), P(f"{detail} · ({start} - {year})", "small", "education")]
    return Doc(m, side, "left")


def compose_word_table(cv: CVSpec) -> Doc:
    """A Word CV: header paragraphs, then a two-column table (dates | job) per section."""
    m: list = [P(cv.name, "name", "header"), P(cv.desired_title, "title", "header", key=True),
               P(" | ".join(cv.contacts + [cv.city]), "small", "contacts")]
    m += [P(_h(cv, "summary"), "h", "summary")] + [P(s, "body", "summary") for s in cv.summary]
    m.append(P("Профессиональный опыт" if cv.lang == "ru" else "Professional Experience", "h", "experience"))
    for j in cv.jobs:
        left = [P(j.period_text, "small", "experience", key=True, exp=True)]
        right = [P(j.title, "bold", "experience", key=True, exp=True),
                 P(f"{j.employer}, {j.city}", "body", "experience", key=True, exp=True)] + _bullets(j.lines)
        m.append(Row(left, right))
    m.append(P(_h(cv, "education"), "h", "education"))
    for year, inst, detail in cv.education:
        m.append(Row([P(year, "small", "education")],
                     [P(inst, "bold", "education", key=True), P(detail, "body", "education")]))
    m += [P(_h(cv, "languages"), "h", "languages")] + _languages(cv)
    m += [P(_h(cv, "skills"), "h", "skills"), P(", ".join(cv.skills), "body", "skills")]
    return Doc(m)


def compose_plain(cv: CVSpec) -> Doc:
    """One column, paragraphs only: Word paragraphs, plain text and RTF CVs."""
    m = [P(cv.name, "name", "header"), P(cv.desired_title, "title", "header", key=True)]
    m += [P(c, "small", "contacts") for c in cv.contacts] + [P(cv.city, "small", "contacts")]
    m += [P(line, "small", "contacts") for line in cv.personal]
    m += [P(_h(cv, "summary"), "h", "summary")] + [P(s, "body", "summary", key=(s == cv.stated_text)) for s in cv.summary]
    m.append(P(_h(cv, "experience"), "h", "experience"))
    for j in cv.jobs:
        m += [P(j.period_text, "bold", "experience", key=True, exp=True),
              P(j.title, "job", "experience", key=True, exp=True),
              P(f"{j.employer}, {j.city}", "body", "experience", key=True, exp=True)]
        m += _bullets(j.lines)
    m.append(P(_h(cv, "education"), "h", "education"))
    for year, inst, detail in cv.education:
        m += [P(f"{inst}, {year}", "bold", "education", key=True), P(detail, "body", "education")]
    m += [P(_h(cv, "languages"), "h", "languages")] + _languages(cv)
    m += [P(_h(cv, "skills"), "h", "skills"), P(", ".join(cv.skills), "body", "skills")]
    return Doc(m)


def compose(cv: CVSpec) -> Doc:
    if cv.layout == "hh" or (cv.layout == "plain_txt" and cv.footer):
        return compose_hh(cv)
    return {"hh_pdf_table": compose_hh_table, "two_column": compose_two_column, "linkedin": compose_linkedin, "word_table": compose_word_table}.get(
        cv.layout, compose_plain)(cv)
