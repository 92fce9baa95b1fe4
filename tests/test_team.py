"""Team size: the largest team led, one case per phrasing, and numbers that are not teams."""
from __future__ import annotations

from pathlib import Path

import pytest

from kamscreen.extract.team import find_team_size
from kamscreen.nlp import make_doc


def team(text: str, lang: str = "ru"):
    found = find_team_size(make_doc(text, lang))
    if found.evidence is not None:
        assert found.evidence.text == text[found.evidence.start:found.evidence.end]
    return found


@pytest.mark.parametrize("text, lang, size, evidence", [
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
])
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


@pytest.mark.parametrize("text, lang", [
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
])
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
