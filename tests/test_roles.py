"""Role, management and B2B per job: one case per phrasing, and the tricky pairs (title vs work)."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest
import yaml

from kamscreen.extract import key_accounts, roles
from kamscreen.extract.model import ROLES, Evidence, Job
from kamscreen.nlp import make_doc
from kamscreen.nlp.morph import morph
from kamscreen.nlp.phrase_syntax import expand_phrase
from kamscreen.resources import lexicon_path


def classify(title: str | None, body: str, lang: str = "ru", title_in_text: bool = True):
    text = f"{title}\n{body}" if title and title_in_text else body
    job = Job("2020-01", None, True, title, None, description=Evidence.of(text, 0, len(text)))
    return roles.classify(job, make_doc(text, lang))


# --- key_account ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Менеджер по работе с ключевыми клиентами",
        "Менеджер по ключевым клиентам",
        "Старший менеджер по работе с ключевыми клиентами",
        "KAM",
        "Key Account Manager",
        "Ключевой аккаунт-менеджер",
    ],
)
def test_key_account_titles_ru(title):
    v = classify(title, "Ведение портфеля клиентов, переговоры, контроль отгрузок.")
    assert v.role == "key_account"
    assert v.b2b


@pytest.mark.parametrize(
    "title",
    [
        "Key Account Manager",
        "National Account Manager",
        "Strategic Account Manager",
        "Global Account Director",
        "Junior KAM",
        "Head of Key Accounts",
    ],
)
def test_key_account_titles_en(title):
    assert classify(title, "Managed accounts and negotiated annual terms.", "en").role == "key_account"


def test_sales_title_with_key_account_work_is_key_account():
    v = classify(
        "Менеджер по продажам",
        "Вела 4 федеральные сети (X5, Магнит, Лента, Ашан): разработка account plan на год, "
        "ответственность за P&L, переговоры с ЛПР, sell-in новых SKU.",
    )
    assert v.role == "key_account"
    assert v.b2b
    assert any("федеральн" in e.text for e in v.reasons)


def test_sales_title_with_key_account_work_en():
    v = classify(
        "Sales Manager",
        "Owned 3 key accounts (national retail chains); built joint business plans, "
        "ran quarterly business reviews with C-level stakeholders, full P&L responsibility.",
        "en",
    )
    assert v.role == "key_account"


@pytest.mark.parametrize(
    "title,body,lang",
    [
        (
            "Менеджер по работе с сетями",
            "Переговоры с байерами сетей Ашан и Лента, анализ sell-out, промо в сетях.",
            "ru",
        ),
        ("Account Manager", "Managed key retail accounts; built joint business plans; negotiated trade terms.", "en"),
        (
            "Менеджер по продажам",
            "Вела портфель из 5 ключевых клиентов, годовые переговоры, контрактные условия.",
            "ru",
        ),
    ],
)
def test_key_account_work_under_other_titles(title, body, lang):
    assert classify(title, body, lang).role == "key_account"


# --- sales ------------------------------------------------------------------------------------


def test_key_account_title_with_cold_calls_is_sales():
    v = classify(
        "Key Account Manager",
        "Холодные звонки: 40 звонков в день, база 120 клиентов, поиск новых клиентов, выполнение плана продаж.",
    )
    assert v.role == "sales"
    assert any("звонк" in e.text for e in v.reasons)


def test_key_account_title_with_cold_calls_en():
    v = classify(
        "Key Account Manager",
        "Made 60 cold calls per day, prospecting new customers; managed a base of 150 clients; "
        "lead generation and closing deals to hit monthly quota.",
        "en",
    )
    assert v.role == "sales"


@pytest.mark.parametrize(
    "title",
    [
        "Менеджер по продажам",
        "Менеджер по активным продажам",
        "Торговый представитель",
        "Специалист по продажам",
    ],
)
def test_sales_titles_ru(title):
    assert classify(title, "Работа с клиентами, выполнение плана.").role == "sales"


@pytest.mark.parametrize(
    "title",
    [
        "Sales Representative",
        "Business Development Representative",
        "Inside Sales Representative",
        "SDR",
        "Account Executive",
        "Sales Manager",
    ],
)
def test_sales_titles_en(title):
    assert classify(title, "Worked with customers and met targets.", "en").role == "sales"


@pytest.mark.parametrize(
    "title,body,lang",
    [
        ("Territory Manager", "Called on 120 independent pharmacies; achieved 110% of quota.", "en"),
        ("Менеджер по развитию", "Развитие дилерской сети в регионе, обучение дилеров.", "ru"),
        ("Менеджер", "База из 150 клиентов малого бизнеса, заключение 20 сделок в месяц.", "ru"),
    ],
)
def test_sales_work_under_vague_titles(title, body, lang):
    assert classify(title, body, lang).role == "sales"


def test_inflected_sales_markers_hit():
    v = classify("Специалист", "Осуществлял холодные звонки и поиск новых клиентов, занимался лидогенерацией.")
    assert v.role == "sales"


# --- account management -----------------------------------------------------------------------


def test_account_manager_in_service_is_account_management_en():
    v = classify(
        "Account Manager",
        "Main point of contact for existing clients: onboarding, renewals, customer support, "
        "invoicing and resolving issues.",
        "en",
    )
    assert v.role == "account_management"


def test_advertising_account_manager_ru():
    v = classify(
        "Аккаунт-менеджер",
        "Ведение клиентов агентства: брифы, медиапланы, согласование рекламных кампаний, закрывающие документы.",
    )
    assert v.role == "account_management"
    assert v.b2b


def test_ambiguous_client_manager_decided_by_description():
    service = classify(
        "Менеджер по работе с клиентами",
        "Сопровождение клиентов, документооборот, выставление счетов, обработка заказов.",
    )
    hunting = classify(
        "Менеджер по работе с клиентами", "Холодные звонки, поиск новых клиентов, выполнение плана продаж, воронка."
    )
    assert service.role == "account_management"
    assert hunting.role == "sales"


# --- other ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title,body,lang",
    [
        ("Python-разработчик", "Разработка микросервисов на FastAPI, поддержка CI/CD.", "ru"),
        ("Бухгалтер", "Документооборот, закрывающие документы, выставление счетов.", "ru"),
        ("Software Engineer", "Built REST APIs, supported customers in production incidents.", "en"),
        ("Chef", "Prepared meals for 200 guests a day.", "en"),
        ("Учитель математики", "Подготовка к ЕГЭ.", "ru"),
    ],
)
def test_unrelated_jobs_are_other(title, body, lang):
    v = classify(title, body, lang)
    assert v.role == "other"
    assert not v.b2b


def test_no_title_no_evidence_is_other():
    assert classify(None, "Работал.").role == "other"


# --- management -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title,body,lang",
    [
        ("Руководитель отдела по работе с ключевыми клиентами", "Ключевые клиенты: X5, Магнит.", "ru"),
        ("Руководитель группы KAM", "Развитие ключевых клиентов.", "ru"),
        ("Head of Key Accounts", "Key accounts strategy.", "en"),
        ("Team Lead, Key Account Management", "Key accounts.", "en"),
        ("Key Account Manager", "В подчинении 5 менеджеров, ключевые клиенты.", "ru"),
        ("Key Account Manager", "Руководил командой из 7 человек.", "ru"),
        ("National Account Manager", "Managed a team of 6 KAMs covering national accounts.", "en"),
        ("Key Account Director", "Led a team of 4 account managers.", "en"),
        ("Regional Sales Manager", "Managed 12 sales reps across 5 states; met quota.", "en"),
        ("Менеджер по продажам", "Руководил 5 менеджерами, выполнение плана продаж.", "ru"),
    ],
)
def test_management_evidence(title, body, lang):
    v = classify(title, body, lang)
    assert v.management
    assert v.reasons


@pytest.mark.parametrize(
    "title,body,lang",
    [
        ("Frontend-разработчик", "Работал в команде из 5 человек.", "ru"),
        ("Key Account Manager", "Развитие ключевых клиентов, работа в команде.", "ru"),
        ("Account Director", "Day-to-day contact for the agency's largest client, briefs and media plans.", "en"),
        ("Sales Manager", "Cold calls and prospecting.", "en"),
    ],
)
def test_no_management_without_people(title, body, lang):
    assert not classify(title, body, lang).management


@pytest.mark.parametrize(
    "title,body,lang",
    [
        ("Operations Manager", "Supervised, trained and evaluated 12 customer service associates.", "en"),
        ("Asset Manager", "Managed and trained a team of 6 sales and maintenance personnel.", "en"),
        ("International Service Director", "Directed all activities of 22 field engineers.", "en"),
        ("Real Estate Salesperson", "Office management of 20 real estate agents.", "en"),
        ("Treasury Analyst", "Delegated assignments to subordinate managers.", "en"),
        ("Clinic Manager", "Responsible for direct supervision of clinical staff.", "en"),
        ("Руководитель проекта", "Руководил отделом продаж, курировал работу менеджеров.", "ru"),
        ("Frontend-разработчик", "Опыт лидирования команды разработчиков.", "ru"),
        ("Инженер", "Организовывал работу сотрудников, включая инженеров и рабочих.", "ru"),
    ],
)
def test_people_led_after_a_verb_of_leading(title, body, lang):
    assert classify(title, body, lang).management


@pytest.mark.parametrize(
    "title,body,lang",
    [
        ("Senior Accountant", "Supervise and coordinate month-end closing activities.", "en"),
        ("Customer Service", "Supervised invoice processing and purchase orders.", "en"),
        ("Pharmacy Technician", "Work under the supervision of the pharmacy manager.", "en"),
        ("Staff Accountant", "Supervised by the finance manager; prepared journal entries.", "en"),
        ("Sales Representative", "Led sales calls with team members of the distributor.", "en"),
        ("Accountant", "Managed employee benefits and payroll.", "en"),
        ("Analyst", "Served as lead underwriter, advisor or placement agent.", "en"),
        ("Customer Service Technical Trainer", "Trained employees on company protocols.", "en"),
        ("Logistics Coordinator", "Responsible for training new logistics managers.", "en"),
        ("Логист", "Организация работы склада и доставки.", "ru"),
    ],
)
def test_no_people_led(title, body, lang):
    assert not classify(title, body, lang).management


# --- b2b --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title,body,lang",
    [
        ("Продавец-консультант", "Консультирование покупателей в торговом зале, работа с кассой.", "ru"),
        ("Специалист по продажам физическим лицам", "Продажа вкладов частным клиентам.", "ru"),
        ("Retail Sales Associate", "Helped shoppers on the sales floor of a retail store.", "en"),
    ],
)
def test_consumer_sales_is_not_b2b(title, body, lang):
    v = classify(title, body, lang)
    assert v.role == "sales"
    assert not v.b2b


@pytest.mark.parametrize(
    "title,body,lang",
    [
        ("Торговый представитель", "Работа с торговыми точками и дистрибьюторами.", "ru"),
        ("Менеджер по продажам", "Оптовые продажи металлопроката предприятиям, тендеры.", "ru"),
        ("Sales Representative", "Sold to distributors and dealers.", "en"),
    ],
)
def test_business_sales_is_b2b(title, body, lang):
    assert classify(title, body, lang).b2b


# --- contract details -------------------------------------------------------------------------


def test_reasons_point_into_the_text():
    title = "Менеджер по продажам"
    body = "Вела 3 федеральные сети, account plan, P&L. В подчинении 2 менеджера."
    text = f"Опыт работы\n{title}\n{body}\n"
    job = Job("2020-01", None, True, title, None, description=Evidence.of(text, 12, len(text)))
    v = roles.classify(job, make_doc(text, "ru"))
    assert v.reasons
    for e in v.reasons:
        assert text[e.start : e.end] == e.text
        assert e.start >= 12


def test_only_the_jobs_block_counts():
    text = "Key Account Manager\nВедение ключевых клиентов.\nПрограммист\nРазработка на Python.\n"
    cut = text.index("Программист")
    job = Job("2020-01", None, True, "Программист", None, description=Evidence.of(text, cut, len(text)))
    assert roles.classify(job, make_doc(text, "ru")).role == "other"


def test_title_missing_from_block_and_no_block():
    assert classify("Key Account Manager", "Развитие ключевых клиентов.", title_in_text=False).role == "key_account"
    doc = make_doc("Что-то другое", "ru")
    job = Job("2020-01", "2021-01", False, "Торговый представитель", None)
    assert roles.classify(job, doc).role == "sales"


def test_title_line_found_in_the_header_when_no_title_is_given():
    text = (
        "Февраль 2018 — декабрь 2020\n2 года 11 месяцев\n\nБилайн\nКазань\nТелекоммуникации, связь\n"
        "Руководитель группы KAM\n• Ведение 4 ключевых клиентов\n"
    )
    job = Job("2018-02", "2020-12", False, None, "Билайн", description=Evidence.of(text, 0, len(text)))
    v = roles.classify(job, make_doc(text, "ru"))
    assert (v.role, v.management, v.b2b) == ("key_account", True, True)


def test_deal_counts_speak_for_sales():
    v = classify("Менеджер", "База из 150 клиентов малого бизнеса, заключение 20 сделок в месяц.")
    assert v.role == "sales"
    assert {"150 клиентов", "20 сделок"} <= {e.text for e in v.reasons}


@pytest.mark.parametrize(
    "text,lang,kind",
    [
        ("Вел 50+ клиентов", "ru", "many_clients"),
        ("база 1 000 клиентов", "ru", "many_clients"),
        ("Managed 300+ accounts", "en", "many_clients"),
        ("портфель 5-7 ключевых клиентов", "ru", "few_key_clients"),
        ("Managed a portfolio of 12 key accounts", "en", "few_key_clients"),
        ("10 федеральных сетей", "ru", "few_key_clients"),
        ("Made 80-100 calls per day", "en", "calls"),
        ("руководил командой из 7 человек", "ru", "people_led"),
        ("в команде из 7 человек", "ru", "people"),
        ("проект для 40 сотрудников клиента", "ru", "people"),
    ],
)
def test_number_patterns(text, lang, kind):
    assert [k for *_, k in roles._count_hits(make_doc(text, lang), roles._lexicon())] == [kind]


def test_verdict_rejects_unknown_role():
    with pytest.raises(ValueError):
        roles.RoleVerdict("manager", False, False)


def test_expand_phrase():
    assert expand_phrase("key account(s)") == ["key account", "key accounts"]
    assert expand_phrase("manag(e|ed) a team") == ["manage a team", "managed a team"]
    assert "аккаунт менеджер" in expand_phrase("аккаунт-менеджер")
    assert expand_phrase("train(|ed) new") == ["train new", "trained new"]


def test_lexicon_labels_are_known_roles():
    data = yaml.safe_load(lexicon_path("roles.yaml").read_text(encoding="utf-8"))
    assert set(data["titles"]) <= set(ROLES)
    assert set(data["description"]) <= set(ROLES) - {"other"}
    assert set(data["key_accounts"]) == {"key_account"}


@pytest.mark.parametrize(
    "phrase,case",
    [
        ("менеджер по работе с ключевыми клиентами", "ablt"),
        ("федеральная сеть", "gent"),
        ("холодный звонок", "nomn"),
        ("стратегическое партнёрство", "ablt"),
    ],
)
def test_russian_inflections_match(phrase, case):
    """Inflect every noun/adjective of a lexicon phrase (plural) and expect the same role evidence."""
    words = []
    for word in phrase.split():
        parse = morph().parse(word)[0]
        form = parse.inflect({case, "plur"}) if parse.tag.POS in ("NOUN", "ADJF") else None
        words.append(form.word if form and word not in ("менеджер",) else word)
    text = "Опыт: " + " ".join(words)
    hits = roles._lexicon().phrases.find(make_doc(text, "ru"))
    assert any(h.group in ("desc", "anchor", "title") for h in hits), text


@pytest.mark.timing
def test_classify_is_fast():
    text = "Менеджер по продажам\n" + "Работа с федеральными сетями, холодные звонки, сопровождение клиентов. " * 20
    doc = make_doc(text, "ru")
    job = Job("2020-01", None, True, "Менеджер по продажам", None, description=Evidence.of(text, 0, len(text)))
    roles.classify(job, doc)  # warm: builds the matcher and matches the doc once
    start = time.perf_counter()
    for _ in range(200):
        roles.classify(job, doc)
    assert (time.perf_counter() - start) / 200 < 0.005


# --- real CVs (skipped where ../shared/real-cvs is absent) ------------------------------------

REAL = Path(__file__).resolve().parents[2] / "shared" / "real-cvs"


def _real_jobs(paths, present, read):
    from kamscreen.extract import timeline

    for path in paths:
        parsed = read(path)
        if not parsed.ok:
            continue
        doc = make_doc(parsed.text, parsed.language)
        for job in timeline.find_jobs(parsed, present):
            yield job, roles.classify(job, doc)


@pytest.mark.realcvs
@pytest.mark.skipif(not REAL.is_dir(), reason="real CVs are not available")
def test_real_hh_developers_are_not_commercial():
    from kamscreen.parse.model import ParsedCV

    def read(path):
        return ParsedCV(file=str(path), status="ok", text=path.read_text(encoding="utf-8"))

    verdicts = [v for _, v in _real_jobs(sorted((REAL / "hh-ru").glob("*.txt")), dt.date(2025, 9, 30), read)]
    assert len(verdicts) >= 40
    assert not [v for v in verdicts if v.role == "key_account"]
    assert sum(v.role == "other" for v in verdicts) >= 0.95 * len(verdicts)


@pytest.mark.realcvs
@pytest.mark.skipif(not REAL.is_dir(), reason="real CVs are not available")
def test_real_livecareer_sales_titles_are_sales():
    parse = pytest.importorskip("kamscreen.parse").parse
    files = sorted((REAL / "en-livecareer" / "SALES").glob("*.pdf"))
    salesy = re.compile(r"sales (representative|associate|manager|consultant|rep)\b", re.IGNORECASE)
    unrelated = re.compile(r"\b(teacher|cashier|warehouse|housekeeping|engineer|designer)\b", re.IGNORECASE)
    sales, other = [], []
    for job, v in _real_jobs(files, dt.date(2021, 8, 8), parse):
        if job.title and salesy.search(job.title):
            sales.append(v.role)
        elif job.title and unrelated.search(job.title) and "sales" not in job.title.lower():
            other.append(v.role)
    assert len(sales) >= 15 and len(other) >= 5
    assert sum(r == "sales" for r in sales) >= 0.9 * len(sales), sales
    assert all(r == "other" for r in other), other


@pytest.mark.realcvs
@pytest.mark.skipif(not REAL.is_dir(), reason="real CVs are not available")
def test_real_livecareer_roles_and_management_against_the_labels():
    """Regression guard on the annotators' labels (issue 8): role and management per matched job,
    and key_account found where labeled and nowhere else."""
    import json

    from kamscreen.extract import timeline
    from kamscreen.extract.gold import align_jobs
    from kamscreen.parse import parse

    pairs = []
    for line in (REAL / "labels" / "en-livecareer.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        parsed = parse(REAL / gold["file"])
        if not parsed.ok:
            continue
        doc = make_doc(parsed.text, parsed.language)
        jobs = tuple(timeline.find_jobs(parsed, dt.date(2021, 8, 8)))
        pairs += [
            (g, roles.classify(j, doc)) for g, j in zip(gold["jobs"], align_jobs(gold["jobs"], jobs), strict=True) if j
        ]
    assert len(pairs) >= 850
    assert sum(g["role"] == v.role for g, v in pairs) >= 0.92 * len(pairs)
    assert sum(g["management"] == v.management for g, v in pairs) >= 0.91 * len(pairs)
    labeled = [v.role for g, v in pairs if g["role"] == "key_account"]
    assert labeled.count("key_account") >= len(labeled) - 1
    assert all(g["role"] == "key_account" for g, v in pairs if v.role == "key_account")


@pytest.mark.parametrize(
    "title, body, lang",
    [
        ("Customer Service Agent", "Booking support, invoicing.", "en"),
        (
            "Customer Service Representative",
            "Answered calls, processed returns and refunds, resolved complaints.",
            "en",
        ),
        (
            "Call Center Representative",
            "Responded to a high volume of inbound calls; provided customers with "
            "account information; processed payments.",
            "en",
        ),
        (
            "Member Services Representative",
            "Answered inbound phone calls from members; resolved member concerns.",
            "en",
        ),
    ],
)
def test_customer_service_is_account_management(title, body, lang):
    """LABELING.md: support and order handling after the sale is account management, business or not."""
    assert classify(title, body, lang).role == "account_management"


@pytest.mark.parametrize(
    "title, body, lang",
    [
        (
            "Cashier/Customer Service",
            "Helped customers select products; kept store displays; cashier duties; stocked shelves.",
            "en",
        ),
        ("Customer Service", "Refilled store shelves; answered shoppers' questions; solved customer issues.", "en"),
    ],
)
def test_service_in_a_store_is_not_account_management(title, body, lang):
    assert classify(title, body, lang).role == "other"


@pytest.mark.parametrize(
    "title, body, lang",
    [
        (
            "Operations Manager",
            "Program development and customer service; recruited and coached staff; policies and procedures.",
            "en",
        ),
        (
            "Region Coordinator",
            "Administrative duties for the Region President; point of contact for "
            "day-to-day customer service questions.",
            "en",
        ),
    ],
)
def test_other_titles_need_clear_client_work(title, body, lang):
    assert classify(title, body, lang).role == "other"


@pytest.mark.parametrize(
    "title, body, lang",
    [
        ("Sales Coordinator", "Supported the sales team with reports and presentations.", "en"),
        ("Business Development Intern", "Built dashboards of page views and market share per client.", "en"),
        ("Executive Assistant", "Managed calendars and travel for the VP of Sales.", "en"),
    ],
)
def test_support_titles_in_commercial_departments_are_other(title, body, lang):
    assert classify(title, body, lang).role == "other"


@pytest.mark.parametrize(
    "title, body, lang",
    [
        ("Account Manager", "Day-to-day point of contact for 40 shippers; handled claims and documentation.", "en"),
        ("Customer Success Manager", "Onboarding and support for 85 SMB customers; gross retention 92%.", "en"),
    ],
)
def test_service_of_business_accounts_stays_account_management(title, body, lang):
    assert classify(title, body, lang).role == "account_management"


@pytest.mark.parametrize(
    "body, lang",
    [
        ("Managed 3 key banking clients; upsell of treasury products; quarterly business reviews.", "en"),
        ("Работа с ключевыми аптечными сетями, планы развития, переговоры с байерами.", "ru"),
    ],
)
def test_key_client_phrases_with_words_between(body, lang):
    title = "Senior Account Manager" if lang == "en" else "Менеджер"
    assert classify(title, body, lang).role == "key_account"


# --- key accounts named, owned or won --------------------------------------------------------


@pytest.mark.parametrize(
    "title,body,lang",
    [
        (
            "Category Sales Manager",
            "Co-managed the Walmart and Sam's Club accounts; grew the business with "
            "Walmart by $3M; worked with buyers at Kroger and Safeway.",
            "en",
        ),
        (
            "Senior Account Executive",
            "Managed the Acme Foods and Globex accounts: account planning, "
            "quarterly business reviews with their C-level, contract renewals.",
            "en",
        ),
        ("Менеджер по продажам", "Вела сети «Магнит» и «Лента»: годовые переговоры, ввод ассортимента, промо.", "ru"),
        ("Менеджер по продажам", "Ведение аккаунтов Danone и Nestle, ежегодные переговоры, контрактные условия.", "ru"),
    ],
)
def test_named_accounts_the_candidate_ran_are_key_accounts(title, body, lang):
    assert classify(title, body, lang).role == "key_account"


@pytest.mark.parametrize(
    "title,body,lang",
    [
        (
            "Senior Account Manager",
            "Managed daily business operations for the Acme Foods account including "
            "allocations, inventory, purchase orders and sales reporting.",
            "en",
        ),
        ("Менеджер по продажам", "Вела сеть «Лента»: ассортимент, промо, заказы, отчёты по продажам.", "ru"),
    ],
)
def test_a_job_dedicated_to_one_named_account_is_key_account(title, body, lang):
    assert classify(title, body, lang).role == "key_account"


def test_agency_service_of_one_named_client_stays_account_management():
    v = classify("Аккаунт-менеджер", "Вела аккаунт Danone: брифы, медиапланы, отчёты, поддержка клиента.")
    assert v.role == "account_management"


@pytest.mark.parametrize(
    "body, lang",
    [
        ("Reconciled General Ledger accounts and managed accounts payable in Oracle.", "en"),
        ("Responsible for Social Media accounts and the company blog.", "en"),
        ("Работа с клиентами Сбербанка: открытие вкладов.", "ru"),
    ],
)
def test_names_that_are_no_client_accounts(body, lang):
    doc = make_doc(body, lang)
    assert key_accounts.named_accounts(doc) == ()


def test_owned_major_accounts_outweigh_a_sales_title():
    v = classify(
        "Sales Manager/Account Executive",
        "Responsible and handled all specialty and major department store accounts.\n"
        "Developed division's sales and marketing plans.",
        "en",
    )
    assert v.role == "key_account"


@pytest.mark.parametrize(
    "title,body,lang",
    [
        (
            "Director of Business Development",
            "Developed growth plans by identifying key clients and key "
            "targets; quarterly business reviews; strategic partnerships; grew sales revenue.",
            "en",
        ),
        (
            "Client Services Manager",
            "Assisted the sales team in closing 3 major new accounts.\nImplemented CRM applications for customers.",
            "en",
        ),
        ("Менеджер по продажам", "Привлечение крупных клиентов, холодные звонки, выполнение плана продаж.", "ru"),
    ],
)
def test_winning_key_accounts_is_new_business(title, body, lang):
    assert classify(title, body, lang).role != "key_account"


@pytest.mark.parametrize(
    "title,body,lang",
    [
        (
            "Supervisor",
            "Reviewed and approved billing invoices.\nMaintained account plans for top client "
            "accounts. Recruited new drivers.\nDispatched trucks and documented equipment inspections.",
            "en",
        ),
        (
            "Regional Publishing Consultant",
            "Developed strategic partnerships to establish a referral network. Conducted C-level presentations.",
            "en",
        ),
    ],
)
def test_key_account_practices_without_key_accounts_are_not_kam(title, body, lang):
    assert classify(title, body, lang).role != "key_account"


def test_key_accounts_from_the_description_alone_need_two_statements():
    body = (
        "Ведение ключевых клиентов: X5 Retail Group, Тандер.\nЕжегодные переговоры, JBP.\n"
        "Увеличил выручку по ключевым клиентам на 50%."
    )
    assert classify("Руководитель направления", body).role == "key_account"


def test_a_large_client_that_is_the_employer_is_no_key_account():
    text = "Продавец-консультант\nКонсультирование покупателей в торговом зале, касса."
    job = Job(
        "2020-01", None, True, "Продавец-консультант", "Metro Cash & Carry", description=Evidence.of(text, 0, len(text))
    )
    hits = roles._hits(job, make_doc("Metro Cash & Carry\n" + text, "ru"), roles._lexicon())
    assert hits.large == ()
