"""Team size: the largest team led, one case per phrasing, and numbers that are not teams."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamscreen.extract.team import find_team_size
from kamscreen.nlp import make_doc


def team(text: str, lang: str = "ru"):
    found = find_team_size(make_doc(text, lang))
    if found.evidence is not None:
        assert found.evidence.text == text[found.evidence.start : found.evidence.end]
    return found


@pytest.mark.parametrize(
    "text, lang, size, evidence",
    [
        ("Руководил командой из 7 человек", "ru", 7, "Руководил командой из 7 человек"),
        ("В подчинении 12 менеджеров", "ru", 12, "В подчинении 12 менеджеров"),
        ("Управление отделом (5 KAM)", "ru", 5, "Управление отделом (5 KAM)"),
        ("Команда 8 чел.", "ru", 8, "Команда 8 чел."),
        ("Руководство отделом продаж из 15 сотрудников", "ru", 15, None),
        ("12 подчиненных", "ru", 12, "12 подчиненных"),
        ("Руководитель отдела продаж\n12 менеджеров в подчинении", "ru", 12, None),
        ("Руководил пятью менеджерами", "ru", 5, "Руководил пятью менеджерами"),
        ("Команда из семи человек", "ru", 7, None),
        ("В подчинении двенадцати сотрудников", "ru", 12, None),
        ("Руководил двадцатью пятью сотрудниками", "ru", 25, None),
        ("Руководил командой 10–15 человек", "ru", 10, None),  # a range: the lower bound
        ("Руководил командой 10-15 человек", "ru", 10, None),
        ("Команда до 20 человек", "ru", 20, None),  # "up to": the size reached
        ("Построил команду из более чем 10 человек", "ru", 10, None),
        ("Team of 8", "en", 8, "Team of 8"),
        ("Team of 8 KAMs", "en", 8, "Team of 8 KAMs"),
        ("Managed 5 direct reports", "en", 5, "Managed 5 direct reports"),
        ("Led a 10-person team", "en", 10, "Led a 10-person team"),
        ("Led a 10-person team", "ru", 10, "Led a 10-person team"),  # ru tokenizer keeps "10-person"
        ("Leading a team of twelve", "en", 12, "Leading a team of twelve"),
        ("Supervised 6 account managers", "en", 6, "Supervised 6 account managers"),
        ("Managed a team of 25 sales representatives across 3 regions", "en", 25, None),
        ("Подчинённых: 7", "ru", 7, "Подчинённых: 7"),
        ("Direct reports: 7", "en", 7, "Direct reports: 7"),
        ("Team size: 8", "en", 8, "Team size: 8"),
        ("Штат: 25 сотрудников", "ru", 25, "Штат: 25 сотрудников"),
        ("Руководитель группы (3 человека)", "ru", 3, "Руководитель группы (3 человека)"),
        ("Управлял 3 региональными менеджерами", "ru", 3, None),
        # RU: lead phrases, sums, ranges, number forms
        ("В подчинении 5", "ru", 5, "В подчинении 5"),
        ("В подчинении: 3 супервайзера, 25 торговых представителей", "ru", 28, None),
        ("Управление командой из 5 КАМ и 2 координаторов", "ru", 7, None),
        ("Руководил командой разработки (5 разработчиков, 2 тестировщика)", "ru", 7, None),
        ("Контроль работы 15 торговых представителей", "ru", 15, "Контроль работы 15 торговых представителей"),
        ("Под моим руководством 8 менеджеров", "ru", 8, "Под моим руководством 8 менеджеров"),
        ("10 человек в моём подчинении", "ru", 10, None),
        ("Количество подчинённых — 12", "ru", 12, "Количество подчинённых — 12"),
        ("в подчинении 20+ сотрудников", "ru", 20, None),
        ("Руководил командой от 10 до 15 человек", "ru", 10, None),
        ("Вырастил команду с 5 до 20 человек", "ru", 20, None),  # growth: the size reached
        ("Руководил 4-мя менеджерами", "ru", 4, None),
        ("Руководил коллективом из тридцати пяти человек", "ru", 35, None),
        ("Руководил отделом из ста тридцати двух сотрудников", "ru", 132, None),
        ("руководил коллективом в 25 человек", "ru", 25, None),
        # EN: people nouns in the plural, lead verbs and nouns
        ("Manages 4 colleagues", "en", 4, "Manages 4 colleagues"),
        ("Trained and directed 4 new hires during orientations", "en", 4, "directed 4 new hires"),
        ("Supervised three graduate teaching assistants", "en", 3, None),
        ("Advertised, hired, trained and supervised six technicians", "en", 6, "supervised six technicians"),
        ("Main duties included management and motivation of 13 soldiers", "en", 13, None),
        ("Manage the activities of 150 coaches", "en", 150, "Manage the activities of 150 coaches"),
        ("Oversee 18 Tour Drivers", "en", 18, None),
        ("Supervised 3 secretaries and 4 foremen", "en", 7, None),  # plurals by rule
        ("Managed team of 6 IT professionals", "en", 6, "Managed team of 6 IT professionals"),
        ("Managed PMO staff in a matrix reporting structure consisting of 44 Global Project Managers", "en", 44, None),
        ("Recruited, managed and mentored an average of 4 new customer service representatives", "en", 4, None),
        ("Supervised a seasonal staff of forty", "en", 40, "Supervised a seasonal staff of forty"),
        ("Oversight of an employee base of over 200", "en", 200, None),
        ("In charge of a crew of 20", "en", 20, "In charge of a crew of 20"),
        ("8 KAMs reporting to me", "en", 8, None),
        ("Manager of 15 employees", "en", 15, "Manager of 15 employees"),
        ("Team leader for 8 agents", "en", 8, "Team leader for 8 agents"),
        ("Director of a team of 40", "en", 40, None),
        ("Supported and managed 10 sales reps", "en", 10, None),
        ("Hired, trained and managed a team of 8 sales associates", "en", 8, "managed a team of 8 sales associates"),
        ("Oversight of 1,200 employees", "en", 1200, None),
        # EN: number words, ranges, growth
        ("Supervised twelve (12) employees", "en", 12, "Supervised twelve (12) employees"),
        ("Supervised two dozen employees", "en", 24, None),
        ("Directly supervised 10 to 15 clerical personnel", "en", 10, None),
        ("Grew the team from 5 to 20 people", "en", 20, None),
        (
            "Grew the unit from forty- two (42) counselors in 1999 to one hundred and thirty two (132) in 2015",
            "en",
            132,
            "Grew the unit from forty- two (42) counselors in 1999 to one hundred and thirty two (132)",
        ),
        ("Led a 5-man crew", "en", 5, "Led a 5-man crew"),
        ("Built a two man team that handles escalations", "en", 2, None),
        # EN: several teams add up
        (
            "Responsible for 10 customer service supervisors and 250 customer service agents",
            "en",
            260,
            "Responsible for 10 customer service supervisors and 250 customer service agents",
        ),
        ("Led site of 400 employees and 200 contractors", "en", 600, None),
        ("Directed a team consisting of 10 bartenders and approximately 30\nservers", "en", 40, None),
        ("Supervised Operations staff of two cashiers and one receptionist", "en", 3, None),
        (
            "Managed staff of approximately 6 sales associates and an assistant manager.",
            "en",
            7,
            "Managed staff of approximately 6 sales associates and an assistant manager",
        ),
        ("Oversee and delegate responsibilities to a 5 LVN, 4 RT and 4 CNA staff", "en", 13, None),
        # EN: single people listed after a count, one each (with or without an article)
        (
            "Supervise team of three associate producers, production assistant, researcher, legal\ncoordinator",
            "en",
            6,
            "Supervise team of three associate producers, production assistant, researcher, legal\ncoordinator",
        ),
        ("Led 4 engineers, a designer and a tester.", "en", 6, "Led 4 engineers, a designer and a tester"),
        ("Managed 6 sales associates, and an assistant manager.", "en", 7, None),
        ("Managed 5 nurses, technicians and aides.", "en", 5, "Managed 5 nurses"),  # no number for the plurals
        ("Supervised 5 cashiers, staff and stock.", "en", 5, "Supervised 5 cashiers"),  # "staff" says no number
        ("Managed 5 engineers, project manager to the director.", "en", 5, "Managed 5 engineers"),  # no list item
        ("Руководил командой из 3 менеджеров, аналитика и дизайнера", "ru", 3, None),  # no article in Russian
        ("Managed 5 direct and 20 indirect reports", "en", 25, None),
        ("Supervised 12 full-time and 5 part-time employees", "en", 17, None),
        ("Managed a $5M budget and 12 employees", "en", 12, None),
        # EN: stray symbols of the PDF's text layer, people nouns with modifiers
        ("Guided and handled 16 -employees including assistants", "en", 16, None),
        (
            "Managed a call center (200+Hourly/Union workforce)",
            "en",
            200,
            "Managed a call center (200+Hourly/Union workforce)",
        ),
        ("Managed a 200+ hourly workforce", "en", 200, "Managed a 200+ hourly workforce"),
        ("Led a staff of 14 sales/service representatives", "en", 14, None),
        ("Supervised 3 additionaltechnicians.", "en", 3, "Supervised 3 additionaltechnicians"),  # no glyph gap
        ("Supervised 30 subcontractors", "en", 30, "Supervised 30 subcontractors"),
        # EN: an activity word naming the unit is no activity (a noun adjunct)
        ("Managed the support team of 12 people", "en", 12, "Managed the support team of 12 people"),
        ("Managed inbound network support call center of 45 agents", "en", 45, None),
    ],
)
def test_team_size_phrasings(text, lang, size, evidence):
    found = team(text, lang)
    assert found.value == size
    assert found.reason is None
    if evidence is not None:
        assert found.evidence.text == evidence


def test_largest_team_wins_and_evidence_is_its_phrase():
    text = "2016–2018: led a team of 3 people.\n2018–2024: Head of KAM, a team of 9 KAMs reporting to me."
    found = team(text, "en")
    assert found.value == 9
    assert found.evidence.text == "team of 9 KAMs"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Портфель 15 ключевых клиентов", "ru"),
        ("Работа со 120 clients", "ru"),
        ("Managed 120 clients and 40 accounts", "en"),
        ("Выручка 1,2 млрд руб.", "ru"),
        ("Опыт работы 5 лет в продажах", "ru"),
        ("Рост продаж на 25 %", "ru"),
        ("Телефон: +7 (912) 345-67-89", "ru"),
        ("Руководитель отдела 2015–2019", "ru"),
        ("Руководил отделом из 5 регионов", "ru"),
        ("Работал в команде из 5+ человек над проектами", "ru"),  # a member, not the lead
        ("Worked in a team of 8 engineers", "en"),
        ("Part of a 12-person team", "en"),
        ("Команда: 4 frontend-разработчика, 2 backend-разработчика, 3 QA-инженера", "ru"),
        ("Submitted 125 After Action Reports", "en"),
        ("Coordinated 300 official reports", "en"),
        ("", "ru"),
        # work done for people, not leading them
        ("Calendar management for 5 faculty members", "en"),
        ("Oversaw scheduling for the day-to-day activities of 18 transportation employees", "en"),
        ("Responsible for staffing call center of 550 associates", "en"),
        ("In charge of weekly payroll for up to 20 crew workers", "en"),
        ("Management consultants Real Estate Recruited and trained 35 new Real Estate Agents", "en"),
        ("Recruited, hired, trained and coached on average of 3 new employees per year", "en"),
        ("Led training sessions for 200 employees", "en"),
        ("Aided with the oversight of 93 employees and 30 attorneys", "en"),
        ("Assisted the manager in supervising 20 staff", "en"),
        ("Supports Region Director of Technology and five System Engineers", "en"),
        ("Worked with the store manager and 12 associates", "en"),
        ("Manage key accounts and support 20 sales reps in the field", "en"),
        ("Managed the region and worked with 15 distributor sales reps", "en"),
        ("Управление ключевыми клиентами, поддержка 20 торговых представителей", "ru"),
        ("Руководил обучением 30 сотрудников", "ru"),
        ("Провёл обучение для 200 сотрудников", "ru"),
        ("Managed stores and trained staff of 40", "en"),
        ("Managed the training staff of 6", "en"),  # -ing: a verb as likely as an adjunct
        ("Руководил обучением команды из 10 человек", "ru"),
        # work done to people: the unit is the object of an activity
        ("Recruited a team of 8 engineers", "en"),
        ("Reduced staff from 110 to 46 associates resulting in a projected savings of $12M", "en"),
        ("Сократил штат с 50 до 30 человек", "ru"),
        # not a team the candidate led
        ("Students were divided into 5 teams of 5 to create a campaign", "en"),
        ("Coordinated all educational department functions for team of six", "en"),
        ("Работал в команде из 8 человек под руководством директора", "ru"),
        ("Работа в команде 12 человек", "ru"),
        ("Взаимодействие с 3 руководителями направлений", "ru"),
        ("Collaborated with 12 sales managers", "en"),
        # numbers that are not people
        ("Managed 10 business accounts and 30 individual tax returns", "en"),
        ("Launched a division of a 23 year old firm", "en"),
        ("Taught 30 students", "en"),
        ("Managed 20 territories", "en"),
        ("In 2015 employees voted me best manager", "en"),
        ("Managed 1 assistant", "en"),
        ("Implemented 12 safeguards", "en"),
    ],
)
def test_numbers_that_are_not_team_sizes(text, lang):
    found = team(text, lang)
    assert found.value is None
    assert found.evidence is None
    assert found.reason == "not stated"


REAL_HH = sorted((Path(__file__).resolve().parents[2] / "shared" / "real-cvs" / "hh-ru").glob("*.txt"))


@pytest.mark.realcvs
@pytest.mark.skipif(not REAL_HH, reason="../shared/real-cvs is not present")
def test_real_developer_cvs_state_no_team_led():
    """The real hh.ru CVs are developers': "работал в команде из 10+ человек", "Команда: 4
    frontend-разработчика, 2 QA" are teams they were in, and none says they led one."""
    from kamscreen.extract import signals

    led = {}
    for path in REAL_HH:
        text = path.read_text(encoding="utf-8")
        doc = make_doc(text, "ru")
        found = find_team_size(doc)
        if found.value is not None:
            led[path.name] = found.evidence.text
        assert not [s for s in signals.find_signals(doc) if s.kind == "many_clients"], path.name
    assert led == {}
