"""hh.ru resume JSON for tests, built to the documented schema (hhru/api docs/employer_resumes.md).

Every resume states ``total_experience.months`` as hh.ru counts it (the union of the months of the
jobs, both ends counted, a current job up to the month of ``updated_at``), worked out by hand.
"""

from __future__ import annotations

import copy


def job(start, end, company, position, description, industries=(), area="Москва", url=None):
    return {
        "company": company,
        "company_id": None,
        "company_url": url,
        "area": {"id": "1", "name": area, "url": "https://api.hh.ru/areas/1"} if area else None,
        "industries": [{"id": i, "name": n} for i, n in industries],
        "position": position,
        "start": start,
        "end": end,
        "description": description,
    }


def language(code, name, level_id, level_name):
    return {"id": code, "name": name, "level": {"id": level_id, "name": level_name}}


def resume(resume_id, title, experience, total_months, languages=(), updated_at="2025-09-28T15:35:00+0300", **extra):
    data = {
        "id": resume_id,
        "last_name": "Петрова",
        "first_name": "Анна",
        "middle_name": "Сергеевна",
        "age": 41,
        "gender": {"id": "female", "name": "Женский"},
        "area": {"id": "1", "name": "Москва", "url": "https://api.hh.ru/areas/1"},
        "contact": [
            {
                "type": {"id": "cell", "name": "Мобильный телефон"},
                "preferred": True,
                "comment": None,
                "verified": True,
                "value": {"country": "7", "city": "916", "number": "1234567", "formatted": "+7 (916) 123-45-67"},
            },
            {"type": {"id": "email", "name": "Эл. почта"}, "preferred": False, "value": "anna@example.com"},
        ],
        "title": title,
        "professional_roles": [{"id": "70", "name": "Менеджер по работе с клиентами"}],
        "education": {
            "level": {"id": "higher", "name": "Высшее"},
            "primary": [
                {
                    "name": "Российский экономический университет им. Г.В. Плеханова, Москва",
                    "organization": "Маркетинг",
                    "result": "Экономист",
                    "year": 2008,
                }
            ],
            "additional": [],
            "attestation": [],
            "elementary": [],
        },
        "language": list(languages),
        "experience": list(experience),
        "total_experience": {"months": total_months} if total_months is not None else None,
        "skills": "Веду переговоры с собственниками сетей.",
        "skill_set": ["Ведение переговоров", "Key Account Management", "CRM"],
        "certificate": [],
        "alternate_url": f"https://hh.ru/resume/{resume_id}",
        "created_at": "2015-05-31T14:27:04+0300",
        "updated_at": updated_at,
        "hidden_fields": [],
        "can_view_full_info": True,
        "actions": {
            "download": {
                "pdf": {"url": f"https://hh.ru/api_resume_converter/{resume_id}/cv.pdf?type=pdf"},
                "rtf": {"url": f"https://hh.ru/api_resume_converter/{resume_id}/cv.rtf?type=rtf"},
            }
        },
    }
    data.update(extra)
    return data


KAM_DIRECTOR = resume(
    "a1b2c3d4e5f60718293a4b5c6d7e8f9012ab34",
    "Директор по работе с ключевыми клиентами",
    [
        job(
            "2019-03-01",
            None,
            "ООО «Нестле Россия»",
            "Директор по работе с ключевыми клиентами",
            "Руководил отделом из 12 менеджеров по работе с ключевыми клиентами.\n"
            "Вёл федеральные сети X5 и Магнит: рост оборота на 35% за 2 года, переговоры с "
            "коммерческими директорами сетей, P&L портфеля.",
            [("27.442", "Кондитерские изделия")],
            url="www.nestle.ru",
        ),
        job(
            "2014-06-01",
            "2019-02-01",
            "ООО «Марс»",
            "Key Account Manager",
            "Управление ключевыми клиентами: Ашан, Лента. "
            "Годовые переговоры, промо-планы, выполнение плана продаж 110%.",
            [("27.442", "Кондитерские изделия")],
            url="www.mars.com",
        ),
        job(
            "2010-09-01",
            "2014-05-01",
            "ООО «Ромашка»",
            "Менеджер по продажам",
            "Активные продажи, холодные звонки, поиск новых клиентов.",
            [("41.512", "Розничная сеть (продуктовая)")],
        ),
    ],
    # Sep 2010 – Sep 2025 without a break: 181 months
    181,
    [
        language("rus", "Русский", "l1", "Родной"),
        language("eng", "Английский", "c1", "C1 — Продвинутый"),
        language("deu", "Немецкий", "a2", "A2 — Элементарный"),
    ],
)

OVERLAPPING = resume(
    "0f1e2d3c4b5a69788796a5b4c3d2e1f0abcdef",
    "Key Account Manager",
    [
        job(
            "2021-01-01",
            "2023-06-01",
            "ООО «Лента»",
            "Key Account Manager",
            "Работа с ключевыми поставщиками, рост товарооборота категории на 20%.",
            [("41.512", "Розничная сеть (продуктовая)")],
        ),
        job(
            "2022-09-01",
            "2023-12-01",
            "ИП Смирнов",
            "Консультант по продажам",
            "Консультации клиентов по совместительству.",
            [("49.405", "Бытовые услуги")],
        ),
        job(
            "2016-02-01",
            "2019-11-01",
            "ООО «Вектор»",
            "Менеджер по продажам",
            "Продажи оборудования дилерам.",
            [("5.466", "Складские услуги")],
        ),
    ],
    # Feb 2016 – Nov 2019 (46) + Jan 2021 – Dec 2023 (36): the overlap counts once
    82,
    [language("eng", "Английский", "b2", "B2 — Средне-продвинутый")],
    updated_at="2024-03-05T09:10:00+0300",
)

OLD_LEVELS = resume(
    "99887766554433221100ffeeddccbbaa998877",
    "Менеджер по работе с ключевыми клиентами",
    [
        job(
            "2012-04-01",
            "2018-09-01",
            "ООО «Альфа»",
            "Менеджер по работе с ключевыми клиентами",
            "Ведение ключевых клиентов компании.",
            [("43.647", "Банк")],
        )
    ],
    # Apr 2012 – Sep 2018: 78 months
    78,
    [
        language("rus", "Русский", "native", "родной"),
        language("eng", "Английский", "can_pass_interview", "могу проходить интервью"),
        language("fra", "Французский", "can_read", "читаю профессиональную литературу"),
        language("ita", "Итальянский", "fluent", "свободно владею"),
        language("spa", "Испанский", "basic", "базовые знания"),
    ],
    updated_at="2018-10-02T11:00:00+0300",
)

HIDDEN = resume(
    "hidden0000000000000000000000000000000",
    "Key Account Manager",
    [
        job(
            "2020-01-01",
            None,
            None,
            "Key Account Manager",
            "Развитие ключевых клиентов в регионе.",
            [("7.540", "Разработка программного обеспечения")],
        )
    ],
    # Jan 2020 – Sep 2025: 69 months
    69,
    [language("eng", "Английский", "b1", "B1 — Средний")],
    hidden_fields=[
        {"id": "names_and_photo", "name": "ФИО и фотография"},
        {"id": "experience", "name": "Название компаний в опыте работы"},
    ],
    can_view_full_info=False,
    last_name=None,
    first_name=None,
    middle_name=None,
    contact=[],
)

NO_EXPERIENCE = resume("empty000000000000000000000000000000000", "Стажёр", [], None, [])

ALL = (KAM_DIRECTOR, OVERLAPPING, OLD_LEVELS, HIDDEN, NO_EXPERIENCE)


def short(full: dict) -> dict:
    """The short representation a vacancy's responses carry (no contacts, no languages)."""
    keep = (
        "id",
        "title",
        "first_name",
        "last_name",
        "middle_name",
        "age",
        "can_view_full_info",
        "alternate_url",
        "created_at",
        "updated_at",
        "area",
        "certificate",
        "education",
        "total_experience",
        "experience",
        "gender",
        "salary",
        "photo",
    )
    data = {k: copy.deepcopy(full[k]) for k in keep if k in full}
    data["url"] = f"https://api.hh.ru/resumes/{full['id']}"
    return data
