"""Signals: competency and sales markers, one case per phrasing, with their phrase as evidence."""

from __future__ import annotations

import pytest

from kamscreen.extract.signals import find_signals
from kamscreen.nlp import make_doc


def signals(text: str, lang: str = "ru") -> dict[str, str]:
    found = find_signals(make_doc(text, lang))
    for signal in found:
        assert signal.evidence.text == text[signal.evidence.start : signal.evidence.end]
    return {s.kind: s.evidence.text for s in found}


@pytest.mark.parametrize(
    "text, kind, evidence",
    [
        ("Урегулирование конфликтов с сетями", "conflict_resolution", "Урегулирование конфликтов"),
        ("Разрешение конфликтных ситуаций", "conflict_resolution", "Разрешение конфликтных ситуаций"),
        ("Conflict resolution", "conflict_resolution", "Conflict resolution"),
        ("Handled escalations from key clients", "conflict_resolution", "escalations"),
        ("Работа с несколькими стейкхолдерами", "stakeholders", "стейкхолдерами"),
        ("Led cross-functional teams", "stakeholders", "cross-functional"),
        ("Кросс-функциональное взаимодействие", "stakeholders", "Кросс-функциональное"),
        ("Стратегическое планирование", "strategic", "Стратегическое"),
        ("Разработка account plan на 3 года", "strategic", "account plan"),
        ("План развития клиента", "strategic", "План развития клиента"),
        ("Strategic thinking", "strategic", "Strategic"),
        ("Проведение презентаций для сетей", "presentation", "презентаций"),
        ("Presentation skills", "presentation", "Presentation"),
        ("Публичные выступления", "presentation", "Публичные выступления"),
        ("Вёл переговоры с сетями", "negotiation", "переговоры"),
        ("Negotiated annual contracts", "negotiation", "Negotiated"),
        ("Работа с ключевыми клиентами", "key_accounts", "ключевыми клиентами"),
        ("Managed key accounts", "key_accounts", "key accounts"),
        ("Федеральные сети: X5, Магнит", "key_accounts", "Федеральные сети"),
        ("Стратегическое партнерство с дистрибьюторами", "key_accounts", "Стратегическое партнерство"),
        ("National accounts manager", "key_accounts", "National accounts"),
        ("Долгосрочные отношения с клиентами", "long_relationships", "Долгосрочные"),
        ("Built long-term relationships", "long_relationships", "long-term relationships"),
        ("Участие в тендерах", "tenders", "тендерах"),
        ("Холодные звонки", "cold_calls", "Холодные звонки"),
        ("Cold calling to new prospects", "cold_calls", "Cold calling"),
        ("40 звонков в день", "cold_calls", "40 звонков"),
        ("Лидогенерация", "lead_generation", "Лидогенерация"),
        ("Поиск новых клиентов", "lead_generation", "Поиск новых клиентов"),
        ("Prospecting", "lead_generation", "Prospecting"),
        ("Lead generation", "lead_generation", "Lead generation"),
        ("База 150 клиентов", "many_clients", "150 клиентов"),
        ("Более 200 активных клиентов", "many_clients", "200 активных клиентов"),
        ("Клиентская база: 300", "many_clients", "Клиентская база: 300"),
        ("Managed a portfolio of 120 accounts", "many_clients", "portfolio of 120"),
        ("Количество сделок в месяц", "deal_volume", "Количество сделок"),
        ("Воронка продаж", "deal_volume", "Воронка продаж"),
        ("Sales funnel", "deal_volume", "Sales funnel"),
        ("Выполнение плана продаж", "deal_volume", "Выполнение плана продаж"),
        ("Exceeded quota by 20%", "deal_volume", "quota"),
    ],
)
def test_signal_phrasings(text, kind, evidence):
    found = signals(text, "en" if text.isascii() else "ru")
    assert found.get(kind) == evidence


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Портфель 15 ключевых клиентов", "ru"),  # few clients: a KAM, not many_clients
        ("Managed 49 accounts", "en"),
        ("В 2019 клиентов стало больше", "ru"),  # a year
        ("CI/CD pipeline", "en"),
        ("", "ru"),
    ],
)
def test_not_many_clients_nor_funnels(text, lang):
    found = signals(text, lang)
    assert "many_clients" not in found and "deal_volume" not in found


def test_one_signal_per_kind_and_clause_in_text_order():
    text = "Переговоры и переговоры снова; презентации.\nNegotiations"
    found = find_signals(make_doc(text, "ru"))
    assert [(s.kind, s.evidence.text) for s in found] == [
        ("negotiation", "Переговоры"),
        ("presentation", "презентации"),
        ("negotiation", "Negotiations"),
    ]
