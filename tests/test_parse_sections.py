"""Section headers in hh.ru, LinkedIn and Word-template CVs; sections tile the text."""

from __future__ import annotations

from itertools import pairwise

import pytest

from kamscreen.parse.sections import cut_trailing_matter, find_sections, header_name

HH = """Менеджер по работе с ключевыми клиентами
Женщина, 34 года
Москва

Желаемая должность и зарплата
Key Account Manager
250 000 ₽

Опыт работы
Опыт работы 8 лет 3 месяца
Март 2019 — по настоящее время
ООО «Альфа»
Key Account Manager
Вела 5 федеральных сетей.
Достижения:
рост выручки на 25 %

Образование
Высшее
2012
МГУ

Знание языков
Русский — Родной
Английский — B2 — Средне-продвинутый

Навыки
Ключевые навыки
Переговоры  CRM

Обо мне
Люблю сложные переговоры.

Гражданство, время в пути до работы
Гражданство: Россия
"""

LINKEDIN = """Contact
anna@example.com
www.linkedin.com/in/anna
Top Skills
Key Account Management
Negotiation
Languages
English (Native or Bilingual)
Certifications
Salesforce Admin
Anna Smith
Key Account Director
Summary
Ten years of strategic account work.
Experience
Acme Corp
Key Account Manager
March 2018 - Present (3 years 5 months)
Education
University of Leeds
BSc, Business (2008 - 2011)
"""


def _names(text: str) -> list[str]:
    return [s.name for s in find_sections(text)]


def _assert_tiles(text: str) -> None:
    sections = find_sections(text)
    assert sections[0].start == 0
    assert sections[-1].end == len(text)
    for before, after in pairwise(sections):
        assert before.end == after.start


def test_hh_sections():
    sections = find_sections(HH)
    assert [s.name for s in sections] == [
        "contacts",
        "summary",
        "experience",
        "education",
        "languages",
        "skills",
        "summary",
        "contacts",
    ]
    experience = sections[2]
    assert experience.header == "Опыт работы"
    body = HH[experience.start : experience.end]
    assert "рост выручки" in body  # "Достижения:" inside a job does not end the experience
    assert "Опыт работы 8 лет" in body  # the stated total is not a second header
    _assert_tiles(HH)


def test_linkedin_sections():
    sections = find_sections(LINKEDIN)
    assert [s.name for s in sections] == [
        "contacts",
        "skills",
        "languages",
        "education",
        "summary",
        "experience",
        "education",
    ]
    assert LINKEDIN[sections[5].start : sections[5].end].startswith("Experience\nAcme Corp")
    _assert_tiles(LINKEDIN)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("WORK EXPERIENCE", "experience"),
        ("Professional Experience:", "experience"),
        ("Employment History", "experience"),
        ("Career History", "experience"),
        ("Core Competencies", "skills"),
        ("  • Key Skills", "skills"),
        ("Professional Summary", "summary"),
        ("Profile", "summary"),
        ("Honors-Awards", "education"),
        ("Повышение квалификации, курсы", "education"),
        ("ОПЫТ РАБОТЫ:", "experience"),
        ("Ключевые навыки", "skills"),
        ("Дополнительная информация", "summary"),
        ("W O R K   E X P E R I E N C E", "experience"),  # letter-spaced design templates
        ("О П Ы Т  Р А Б О Т Ы", "experience"),
        ("2. Education", "education"),
        ("Education —", "education"),  # OCR reads the rule under a heading as a dash
        ("Languages _", "languages"),
    ],
)
def test_header_lines(line, name):
    assert header_name(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "Опыт работы 8 лет 3 месяца",  # hh.ru's stated total, not a header
        "experience.",  # the tail of a wrapped sentence
        "skills",
        "I have broad experience in sales and key accounts",
        "",
    ],
)
def test_not_header_lines(line):
    assert header_name(line) is None


def test_text_without_headers_is_other():
    assert _names("Just a paragraph\nabout me") == ["other"]


def test_repeated_header_merges():
    text = "Опыт работы\nАльфа\nОбразование\nОбразование\nМГУ\n"
    sections = find_sections(text)
    assert [s.name for s in sections] == ["experience", "education"]
    assert text[sections[1].start : sections[1].end] == "Образование\nОбразование\nМГУ\n"


def test_trailing_history_of_an_hh_export_is_cut_keeping_its_footer():
    text = (
        "Навыки\nExcel\n\nИСТОРИЯ ОБЩЕНИЯ С КАНДИДАТОМ\nОтклики Менеджер по продажам\n24 сентября 2025\n"
        "Анна Иванова • Резюме обновлено 28 сентября 2025 в 15:35"
    )
    body, warning = cut_trailing_matter(text)
    assert body == "Навыки\nExcel\nАнна Иванова • Резюме обновлено 28 сентября 2025 в 15:35"
    assert (warning and "История" in warning) or "ИСТОРИЯ" in warning


def test_history_words_inside_a_sentence_cut_nothing():
    text = "Опыт работы\nВела история общения с кандидатом в CRM для рекрутеров.\nНавыки"
    assert cut_trailing_matter(text) == (text, None)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Менеджер по ключевым клиентам. Опыт работы с федеральными сетями, P&L, CRM Salesforce.", "ru"),
        ("Key Account Manager with ten years of FMCG experience and P&L ownership.", "en"),
        ("Senior developer. Опыт работы 9 лет. Developing the AI-based staffing platform for job matching.", "mixed"),
    ],
)
def test_language(text, language):
    from kamscreen.parse.language import detect_language

    assert detect_language(text) == language
