"""Industry per job (employer, hh.ru industry lines, employer-name words, title and words) and per career."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from kamscreen.extract import industry, industry_evidence, industry_lexicon
from kamscreen.extract.model import INDUSTRIES, Evidence, Job
from kamscreen.nlp import make_doc
from kamscreen.resources import lexicon_path


def _lang(text: str) -> str:
    return "ru" if re.search("[а-яё]", text, re.IGNORECASE) else "en"


def _job(text: str, employer: str | None, title: str | None = None, start="2020-01", end=None) -> Job:
    return Job(start, end, end is None, title, employer, description=Evidence.of(text, 0, len(text)))


def found(text: str, employer: str | None, title: str | None = None) -> str:
    """The industry of the one job whose block is ``text``."""
    return industry.job_industry(_job(text, employer, title), make_doc(text, _lang(text))).industry


# --- the employer ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "employer,expected",
    [
        ("ООО «Нестле Россия»", "fmcg"),
        ("Nestlé", "fmcg"),
        ('ПАО "МТС"', "telecom"),
        ("ПАО «МТС Банк»", "finance"),  # the longest alias wins over "МТС"
        ("АО «Тандер»", "retail"),  # Магнит's legal entity
        ("X5 Retail Group N.V.", "retail"),
        ("Bayer", "pharma"),
        ("Bayer CropScience AG", "agriculture"),
        ("Johnson & Johnson Medical", "medical_devices"),
        ("Procter & Gamble", "fmcg"),
        ("P&G", "fmcg"),
        ("L'Oréal", "fmcg"),
        ("Coca-Cola HBC Россия", "fmcg"),
        ("ООО «М.Видео Менеджмент»", "retail"),
        ('ЗАО "Лаборатория Касперского"', "it"),
        ("1C Company", "it"),
        ("1С", "it"),
        ("Билайн (ПАО ВымпелКом)", "telecom"),
        ("Т-Банк", "finance"),
        ("Siemens Healthineers", "medical_devices"),
        ("Siemens AG", "manufacturing"),
        ("ООО «Деловые Линии»", "logistics"),
        ("Газпром нефть", "energy"),
        ("Volkswagen Group Rus", "automotive"),
        ("Группа компаний «Самолёт»", "construction"),
        ("ООО «ЭкоНива-АПК Холдинг»", "agriculture"),
        ("Okkam LLC", "advertising"),
        ("McKinsey & Company", "other"),
        ("Hays", "staffing"),
        ("ООО «Кадровое агентство Анкор»", "staffing"),
        ("McDonald's", "hospitality"),
        ("Marriott International", "hospitality"),
        ("CBRE", "real_estate"),
        ("Инвитро", "other"),  # a medical lab: healthcare, not pharma
    ],
)
def test_employer_names(employer, expected):
    assert industry_lexicon.employer_industry(employer) == expected


@pytest.mark.parametrize("employer", ["Company Name", "ООО «Ромашка»", "", None, "Globus AI", "Сектор бизнеса"])
def test_unknown_employers(employer):
    assert industry_lexicon.employer_industry(employer) is None


@pytest.mark.parametrize(
    "employer,expected",
    [
        ("First National Bank of Omaha", "finance"),
        ("Совкомбанк Лизинг", "finance"),  # "*банк": a word ending so
        ("Zonatelecom", "telecom"),  # "*telecom"
        ("Lincoln County School District", "education"),
        ("Московский государственный университет", "education"),
        ("Department of Veterans Affairs", "public_sector"),
        ("Администрация г. Тулы", "public_sector"),
        ("Гостиница «Космос»", "hospitality"),
        ("Hotel Indigo", "hospitality"),
        ("ООО «СИБИНТЕК-СОФТ»", "it"),
        ("Acme Staffing", "staffing"),
        ("Sunrise Realty", "real_estate"),
        ("Mercy Hospital", "other"),
        ("ООО «Строительные технологии»", "construction"),  # the broadest words ("технологии") come last
        ("АНО «Автономная некоммерческая организация Развитие»", None),  # not "авто…"
        ("Company Name", None),
        ("Hold an important role in the food service industry of a large restaurant chain", None),  # a sentence
    ],
)
def test_words_of_an_employer_name(employer, expected):
    assert industry_lexicon.name_industry(employer) == expected


def test_a_word_beside_a_known_alias_is_more_precise():
    text = "GE Money Bank\nНачальник управления кредитов\nЦенообразование продуктов.\n"
    assert found(text, "GE Money Bank", "Начальник управления кредитов") == "finance"
    assert industry_lexicon.employer_industry("GE") == "manufacturing"


def test_companies_lexicon_is_large_and_consistent():
    data = yaml.safe_load(lexicon_path("companies.yaml").read_text(encoding="utf-8"))
    assert set(data) <= set(INDUSTRIES)
    assert sum(len(v) for v in data.values()) >= 300
    owner: dict[str, str] = {}
    clashes = []
    for ind, entries in data.items():
        for entry in entries:
            if entry.startswith("+"):
                continue  # a further listing of a company (checked below)
            for alias in entry.split("|"):
                key = industry_lexicon.normalize_name(alias)
                if key in owner and owner[key] != ind:
                    clashes.append((alias, owner[key], ind))
                owner.setdefault(key, ind)
    assert not clashes
    further = [e for entries in data.values() for e in entries if e.startswith("+")]
    # a further listing repeats a company listed plainly elsewhere (its main industry)
    assert all(industry_lexicon.normalize_name(e[1:].split("|")[0]) in owner for e in further)


def test_industry_lexicon_names_known_industries_only():
    data = yaml.safe_load(lexicon_path("industries.yaml").read_text(encoding="utf-8"))
    assert set(data["hh_lines"].values()) <= set(INDUSTRIES)
    for group in ("employer_words", "titles", "functions"):
        assert set(data[group]) <= set(INDUSTRIES), group
    assert set(data["keywords"]) <= set(INDUSTRIES) | {industry_lexicon.NEUTRAL}


def test_company_of_several_industries_is_decided_by_the_job_words():
    text = (
        "Key Account Manager\nHenkel\nПродажи бытовой химии и косметики в федеральные сети "
        "X5 и Магнит, промо в торговых точках."
    )
    assert found(text, "Henkel", "Key Account Manager") == "fmcg"
    bare = Job("2019-05", None, True, "Key Account Manager", "Henkel")
    assert industry.job_industry(bare, make_doc(text, "ru")).industry == "manufacturing"


# --- hh.ru industry lines ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Информационные технологии, системная интеграция, интернет... Показать еще", "it"),
        ("Информационные технологии, системная интеграция, интернет", "it"),
        ("Продукты питания", "fmcg"),
        ("Розничная торговля... Показать еще", "retail"),
        ("Медицина, фармацевтика, аптеки", "pharma"),
        ("Медицинское оборудование (производство)", "medical_devices"),
        ("Металлургия, металлообработка", "manufacturing"),
        ("Перевозки, логистика, склад, ВЭД", "logistics"),
        ("Транспорт, логистика", "logistics"),
        ("Финансовый сектор... Показать еще", "finance"),
        ("Банки", "finance"),
        ("Маркетинговые, рекламные, BTL, дизайнерские, Event-, PR-агентства", "advertising"),
        ("Автомобильный бизнес", "automotive"),
        ("Энергетика", "energy"),
        ("Нефть и газ", "energy"),
        ("Строительство, недвижимость, эксплуатация, проектирование", "construction"),
        ("Агентские услуги в недвижимости", "real_estate"),
        ("Сельское хозяйство", "agriculture"),
        ("Телекоммуникации, связь", "telecom"),
        ("Гостиницы, рестораны, общепит, кейтеринг... Показать еще", "hospitality"),
        ("Образовательные учреждения", "education"),
        ("Государственные организации", "public_sector"),
        ("Кадровые агентства", "staffing"),
        ("Услуги для населения... Показать еще", "other"),
        ("Электроника, приборостроение, бытовая техника, компьютер...", "manufacturing"),
    ],
)
def test_hh_industry_lines(line, expected):
    assert industry_lexicon.hh_line_industry(line) == expected


@pytest.mark.parametrize("line", ["Банк ВТБ выдал кредит на развитие", "Разработка веб-сайтов", "Москва", "..."])
def test_lines_that_are_not_hh_industries(line):
    assert industry_lexicon.hh_line_industry(line) is None


def test_hh_line_in_the_block_when_employer_is_unknown():
    text = (
        "Январь 2020 — по настоящее время\n5 лет\nООО «Ромашка»\nМосква\n"
        "Продукты питания... Показать еще\nМенеджер по продажам\nПродажи в сети.\n"
    )
    assert found(text, "ООО «Ромашка»", "Менеджер по продажам") == "fmcg"


def test_hh_pdf_bullet_sub_line_is_more_precise_than_its_top_line():
    text = (
        "ООО «Ромашка»\nromashka.ru\nУслуги для бизнеса\n• Кадровые агентства\n"
        "Менеджер по работе с клиентами\nПодбор персонала для клиентов.\n"
    )
    assert found(text, "ООО «Ромашка»", "Менеджер по работе с клиентами") == "staffing"
    text = (
        "IceRock\nicerockdev.ru\nИнформационные технологии, системная интеграция, интернет\n"
        "• Разработка программного обеспечения\nAndroid-разработчик\nНаписание приложений.\n"
    )
    assert found(text, "IceRock", "Android-разработчик") == "it"


def test_an_other_hh_line_leaves_the_decision_to_the_words():
    text = (
        "ООО Ромашка\nУслуги для бизнеса... Показать еще\nМенеджер по продажам\n"
        "Продажа логистических услуг: грузоперевозки, экспедирование, склад.\n"
    )
    assert found(text, "ООО Ромашка", "Менеджер по продажам") == "logistics"
    quiet = "ООО Ромашка\nУслуги для бизнеса... Показать еще\nМенеджер\nРабота.\n"
    verdict = industry.job_industry(_job(quiet, "ООО Ромашка", "Менеджер"), make_doc(quiet, "ru"))
    assert verdict == industry.JobIndustry("other", industry.EMPLOYER)  # known to be other, not unknown


def test_known_company_on_a_header_line_when_the_employer_is_missing():
    title_first = "Store Sales Consultant\nDB Schenker · Berlin\n10/2019 to 11/2020\n• Met sales targets\n"
    assert found(title_first, None, "Store Sales Consultant") == "logistics"
    hh = "Март 2019 — май 2021\n2 года 3 месяца\n\nООО «Нестле Россия»\nМосква\nKAM\n• Работа с сетью Магнит\n"
    assert found(hh, None, "KAM") == "fmcg"  # the client in a bullet does not count


def test_a_company_named_inside_a_sentence_line_is_not_the_employer():
    text = (
        "August 2013 to Current Company Name - City , State\n\nAccounting Manager\n"
        "Developed new and easier ways of doing journal entries, using Microsoft Excel.\n"
    )
    assert found(text, "Company Name") == "other"


def test_a_known_company_named_as_the_workplace_when_the_employer_is_anonymised():
    text = "Company Name\nHR Analyst\nProvided HR service to managers and employees throughout Kraft Foods.\n"
    assert found(text, "Company Name", "HR Analyst") == "fmcg"
    honda = "Company Name\nCustomer Relations Specialist\nProvide Honda clients a resource to register concerns.\n"
    assert found(honda, "Company Name", "Customer Relations Specialist") == "automotive"
    shelves = "Company Name\nMerchandiser\nStocked shelves at Walmart stores.\n"  # "Walmart" qualifies "stores"
    assert found(shelves, "Company Name", "Merchandiser") == "other"
    sale = "Company Name\nSales Manager\nWon new listings at Kroger.\n"  # in B2B selling a client
    job = Job(
        "2020-01",
        None,
        True,
        "Sales Manager",
        "Company Name",
        role="sales",
        b2b=True,
        description=Evidence.of(sale, 0, len(sale)),
    )
    assert industry.job_industry(job, make_doc(sale, "en")).industry != "retail"


def test_employer_wins_over_the_hh_line():
    text = "Сбербанк\nИнформационные технологии, системная интеграция, интернет\nМенеджер\n"
    assert found(text, "Сбербанк", "Менеджер") == "finance"


def test_description_line_is_not_an_hh_line():
    text = "ООО Ромашка\nМенеджер по продажам\nБанки\nпродажи станков и промышленного оборудования заводам\n"
    assert found(text, "ООО Ромашка", "Менеджер по продажам") == "manufacturing"


# --- the job's title and words -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Company Name\nSales Representative\nSold medical devices and surgical equipment to hospitals.",
            "medical_devices",
        ),
        ("Company Name\nAccount Executive\nSold SaaS software licenses and cloud solutions.", "it"),
        ("ООО Ромашка\nМенеджер\nПродажа лекарственных препаратов в аптечные сети.", "pharma"),
        ("ООО Ромашка\nМенеджер\nГрузоперевозки и экспедирование, контейнерные перевозки.", "logistics"),
        ("ООО Ромашка\nМенеджер\nПоставки средств защиты растений и семян агрохолдингам.", "agriculture"),
        ("Смоленская АЭС\nИнженер\nПланировал логистику перевозок ядерного топлива.", "energy"),
        ("Company Name\nSales Associate\nGreeted people.", "other"),
        (
            "Company Name\nAssistant\nPrepared lesson plans for the classroom and graded students' homework.",
            "education",
        ),
        (
            "Company Name\nCoordinator\nBooked banquets and managed guests' reservations at the resort hotel.",
            "hospitality",
        ),
        ("Company Name\nSpecialist\nProvided patient care, recorded vital signs in the nursing home.", "other"),
        ("Company Name\nAgent\nShowed apartments to tenants and ran open houses for home buyers.", "real_estate"),
        ("Company Name\nCoordinator\nPlaced job seekers with clients of the staffing agency.", "staffing"),
        ("Company Name\nAnalyst\nSupported the county government and federal programs for taxpayers.", "public_sector"),
        ("Company Name\nAccount Manager\nGrew the media spend of clients on the social ads platform.", "advertising"),
        ("Company Name\nDirector of Planning\nCoordinated projects with the Tribal Council.", "public_sector"),
        ("Company Name\nIntern\nOptimized bids with Search Engine Marketing (SEM) for the clients.", "advertising"),
    ],
)
def test_description_words(text, expected):
    assert found(text, text.split("\n")[0]) == expected


@pytest.mark.parametrize(
    "title,expected",
    [
        ("Substitute Teacher", "education"),
        ("Executive Chef", "hospitality"),
        ("Registered Nurse", "other"),  # healthcare is an industry outside the list
        ("Bank Teller", "finance"),
        ("Cashier", "retail"),
        ("Frontend-разработчик", "it"),
        ("Учитель начальных классов", "education"),
        ("Leasing Consultant", "real_estate"),
        ("Police Officer", "public_sector"),
        ("Personal Trainer", "other"),
        ("Freelance Makeup Artist", "other"),  # personal care services are an industry outside the list
        ("Hair Stylist", "other"),
    ],
)
def test_titles(title, expected):
    text = f"{title}\nCompany Name City , State\nDid the work.\n"
    assert found(text, "Company Name", title) == expected


def test_a_title_that_is_not_written_in_the_block_is_read_alone():
    text = "Company Name City , State\nDid the work.\n"
    assert found(text, "Company Name", "Head Chef") == "hospitality"


def test_one_weak_word_in_a_long_description_does_not_decide():
    text = (
        "Company Name\nSenior Accountant\nNegotiated a settlement with the state revenue department to keep "
        "a restaurant owner from losing business; reconciled six years of accounts for a client.\n"
    )
    assert found(text, "Company Name", "Senior Accountant") == "other"


def test_the_words_of_a_job_s_own_function_count_less():
    text = (
        "Company Name\nStaff Accountant\nPrepared bank reconciliations and the bank deposits, "
        "loan schedules and investment accounts of the company.\n"
    )
    assert found(text, "Company Name", "Staff Accountant") == "other"
    teller = "Company Name\nTeller\nOpened deposit accounts and processed loan payments for bank customers.\n"
    assert found(teller, "Company Name", "Teller") == "finance"


def test_an_acronym_counts_only_in_capitals():
    pronoun = "Company Name\nCoordinator\nFiled it, checked it and sent it to the cloud servers.\n"
    acronym = "Company Name\nCoordinator\nRan IT support for the cloud servers.\n"
    assert industry_evidence.content_scores(_job(pronoun, "Company Name"), make_doc(pronoun, "en")).get("it") == 2.5
    assert industry_evidence.content_scores(_job(acronym, "Company Name"), make_doc(acronym, "en")).get("it") == 4.0


def test_delivery_trucks_are_not_automotive():
    text = "Company Name\nDriver\nDrove delivery trucks to stores and unloaded the vehicles.\n"
    assert found(text, "Company Name", "Driver") != "automotive"


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "ООО Ромашка\nКлючевой менеджер\nПродажи напитков в сегменте HoReCa: рестораны, кафе, отели Москвы.\n",
            "fmcg",
        ),
        ("ООО Ромашка\nМенеджер\nПродажи министерствам и администрациям, тендеры по 44-ФЗ.\n", "other"),  # B2G, not gov
        ("Company Name\nAccount Executive\nSold cloud software to hospitals, clinics and nursing homes.\n", "it"),
    ],
)
def test_in_b2b_selling_the_kinds_of_organisation_named_are_clients(text, expected):
    job = Job(
        "2020-01",
        None,
        True,
        text.split("\n")[1],
        text.split("\n")[0],
        role="key_account",
        b2b=True,
        description=Evidence.of(text, 0, len(text)),
    )
    assert industry.job_industry(job, make_doc(text, _lang(text))).industry == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Company Name\nAccountant\nI oversee all financial accounting functions for a $15 million "
            "construction company.\nPrepared tax returns.\n",
            "construction",
        ),
        (
            "Company Name\nSales Director\nOur firm is the full service telecommunications firm behind the brand.\n",
            "telecom",
        ),
        (
            "Company Name\nVice President\nTurned around the foreign operations of this LED products manufacturing\n"
            "company operating in several countries.\n",
            "manufacturing",
        ),
        ("Company Name\nDirector\nAcme LLC is a software development company that builds apps.\n", "it"),
    ],
)
def test_an_organisation_described_by_its_industry_decides(text, expected):
    assert found(text, "Company Name", text.split("\n")[1]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Company Name\nCoordinator\nTrained staff in visual merchandising and organization.\n",  # no head noun
        "Company Name\nManager\nTravel to the company offices.\n",  # a stop word between
        "Company Name\nAnalyst\nPosted the construction company website updates.\n",  # "company" qualifies a noun
        "Company Name\nSales Manager\nSold to construction companies across the region.\n",  # a market, not one firm
    ],
)
def test_an_industry_word_that_names_no_organisation_does_not_decide(text):
    assert found(text, "Company Name", text.split("\n")[1]) == "other"


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Company Name\nIT Manager\nA firm providing comprehensive technology consulting, IT support and\n"
            "computer networking solutions.\nManaged the servers and the help desk.\n",
            "it",  # the function's discount does not apply to the employer
        ),
        (
            "Company Name\nDirector\nMajor Entertainment Company providing Internet, VoIP and HDTV to 3 million\n"
            "customers.\nLed the IT department and its IT projects.\n",
            "telecom",
        ),
        (
            "Company Name\nSales Associate\nHealth care mechanical contracting firm\nSold retrofit jobs to owners.\n",
            "construction",  # the phrase nearest the organisation noun
        ),
    ],
)
def test_a_line_opening_with_the_employer_s_description_decides(text, expected):
    assert found(text, "Company Name", text.split("\n")[1]) == expected


@pytest.mark.parametrize(
    "text,b2b",
    [
        ("Company Name\nConsultant\nRan a benchmarking study for a leading pharma company.\n", False),  # a client
        ("Company Name\nAccount Executive\nA firm providing cloud software to hospitals.\n", True),
    ],
)
def test_a_description_after_other_words_or_in_b2b_selling_is_not_the_employer_s(text, b2b):
    job = Job(
        "2020-01", None, True, text.split("\n")[1], "Company Name", b2b=b2b, description=Evidence.of(text, 0, len(text))
    )
    assert industry_evidence.described_industry(job, make_doc(text, "en")) is None


def test_the_same_organisations_are_the_workplace_outside_b2b_selling():
    text = "Company Name\nAgent\nChecked in hotel guests at the resort, handled reservations and room service.\n"
    assert found(text, "Company Name", "Agent") == "hospitality"


def test_job_without_block_or_employer_is_unknown():
    job = Job("2020-01", None, True, "Менеджер", None)
    assert industry.job_industry(job, make_doc("Менеджер", "ru")) == industry.JobIndustry("other", industry.UNKNOWN)


# --- a CV's jobs and the career ----------------------------------------------------------------


def test_a_weak_job_takes_the_industry_its_cv_is_known_in():
    store = "Store Manager\nCompany Name\nRan the store, the sales floor and the cash registers.\n"
    district = "District Manager\nCompany Name\nVisited the stores of the district and met their shoppers.\n"
    text = store + district
    doc = make_doc(text, "en")
    jobs = [
        Job("2010-01", "2012-12", False, "Store Manager", "Company Name", description=Evidence.of(text, 0, len(store))),
        Job(
            "2013-01",
            "2015-12",
            False,
            "District Manager",
            "Company Name",
            description=Evidence.of(text, len(store), len(text)),
        ),
    ]
    assert industry.job_industry(jobs[1], doc).source == industry.UNKNOWN
    assert industry.classify_jobs(jobs, doc) == ("retail", "retail")
    alone = make_doc(district, "en")
    assert industry.classify_jobs([_job(district, "Company Name", "District Manager")], alone) == ("other",)


def _cv(summary: str, *blocks: str) -> tuple[list[Job], object]:
    """A CV of ``summary`` and one job per block (2010, 2012, ...), and its doc."""
    text = summary + "\n" + "".join(blocks)
    jobs, at = [], len(summary) + 1
    for k, block in enumerate(blocks):
        jobs.append(
            Job(
                f"{2010 + 2 * k}-01",
                f"{2011 + 2 * k}-12",
                False,
                block.split("\n")[0],
                "Company Name",
                description=Evidence.of(text, at, at + len(block)),
            )
        )
        at += len(block)
    return jobs, make_doc(text, "en")


@pytest.mark.parametrize(
    "summary,expected",
    [
        ("Strategic sales professional with two years in the Retail industry.", ("retail",)),
        ("Professional with extensive experience in Human Resources in Oil & Gas Company.", ("energy",)),
        (
            "Yard Manager with 15 years of management experience in the Oil and Gas and Transportation Industry.",
            ("logistics", "energy"),
        ),
        ("Project Administrator with 14+ years' experience in the toy manufacturing industry.", ("manufacturing",)),
        ("Seeking a position with 5 years of experience in the hospitality field.", ()),  # a wish
        ("Worked in the retail industry.", ()),  # no word of experience
        ("Firm knowledge of SaaS software and years of experience.", ()),  # "Firm" heads no phrase
    ],
)
def test_what_a_cv_states_of_its_industry(summary, expected):
    jobs, doc = _cv(summary, "Clerk\nFiled papers.\n")
    assert industry_evidence.stated_industries(jobs, doc) == expected


def test_a_statement_inside_a_job_is_not_the_cv_s():
    jobs, doc = _cv("Summary", "Clerk\nHad 5 years of experience in the retail industry.\n")
    assert industry_evidence.stated_industries(jobs, doc) == ()


def test_the_stated_industry_decides_when_no_job_is_known():
    summary = "Professional with extensive experience in Human Resources in Oil & Gas Company."
    jobs, doc = _cv(summary, "HR Generalist\nHandled benefits.\n", "Coordinator\nBooked travel.\n")
    assert industry.classify_jobs(jobs, doc) == ("energy", "energy")
    jobs, doc = _cv("Professional with experience.", "HR Generalist\nHandled benefits.\n")
    assert industry.classify_jobs(jobs, doc) == ("other",)


def test_a_weak_job_takes_an_industry_its_cv_states():
    summary = "Manager with 15 years of experience in the Oil and Gas and Transportation Industry."
    yard = "Yard Manager\nScheduled crews and hauled fuel to the sites.\n"
    forklift = "Forklift Operator\nMoved pallets in the warehouse with a forklift.\n"
    jobs, doc = _cv(summary, yard, forklift)
    assert industry.job_industry(jobs[0], doc).source == industry.UNKNOWN
    assert industry.classify_jobs(jobs, doc) == ("energy", "logistics")
    jobs, doc = _cv("Manager with 15 years of experience.", yard, forklift)
    assert industry.classify_jobs(jobs, doc) == ("other", "logistics")


def J(start, end, ind):
    return Job(start, end, end is None, None, None, industry=ind)


PRESENT = dt.date(2025, 9, 15)


def test_by_years_counts_inclusive_months_and_present():
    ranked = industry.by_years([J("2017-12", None, "fmcg")], PRESENT)
    assert [(r.industry, r.years) for r in ranked] == [("fmcg", 7.83)]  # Dec 2017 – Sep 2025 = 94 months


def test_by_years_unions_overlaps_per_industry_and_sorts():
    jobs = [
        J("2010-01", "2012-12", "it"),
        J("2012-01", "2013-12", "it"),  # 48 months, not 60
        J("2014-01", "2014-06", "retail"),
        J("2015-01", "2015-12", "other"),
    ]
    ranked = industry.by_years(jobs, PRESENT)
    assert [(r.industry, r.years) for r in ranked] == [("it", 4.0), ("other", 1.0), ("retail", 0.5)]


def test_overall_most_years_and_ties_to_the_most_recent():
    assert industry.overall([J("2010-01", "2014-12", "it"), J("2015-01", "2016-12", "fmcg")], PRESENT) == "it"
    tie = [J("2010-01", "2011-12", "it"), J("2016-01", "2017-12", "fmcg")]
    assert industry.overall(tie, PRESENT) == "fmcg"


def test_overall_concurrent_jobs_count_for_each():
    jobs = [J("2011-01", None, "education"), J("2011-03", None, "real_estate"), J("2004-10", "2010-01", "real_estate")]
    assert industry.overall(jobs, PRESENT) == "real_estate"


def test_overall_ignores_other_unless_all():
    assert industry.overall([J("2000-01", "2019-12", "other"), J("2020-01", "2020-06", "pharma")], PRESENT) == "pharma"
    assert industry.overall([J("2000-01", "2019-12", "other")], PRESENT) == "other"
    assert industry.overall([], PRESENT) is None
    assert industry.by_years([], PRESENT) == ()


def test_overall_counts_other_known_from_the_doc_not_unknown():
    nurse = "Registered Nurse\nCompany Name\nProvided patient care on the hospital ward.\n"
    clerk = "Clerk\nCompany Name\nFiled papers.\n"
    teller = "Teller\nCompany Name\nProcessed deposits for bank customers.\n"
    text = nurse + clerk + teller
    a, b = len(nurse), len(nurse) + len(clerk)
    jobs = [
        Job(
            "2005-01",
            "2019-12",
            False,
            "Registered Nurse",
            "Company Name",
            industry="other",
            description=Evidence.of(text, 0, a),
        ),
        Job(
            "2000-01", "2004-12", False, "Clerk", "Company Name", industry="other", description=Evidence.of(text, a, b)
        ),
        Job(
            "2020-01",
            "2021-12",
            False,
            "Teller",
            "Company Name",
            industry="finance",
            description=Evidence.of(text, b, len(text)),
        ),
    ]
    doc = make_doc(text, "en")
    assert industry.overall(jobs, PRESENT, doc) == "other"  # 15 years of healthcare
    assert industry.overall(jobs[1:], PRESENT, doc) == "finance"  # the clerk's industry is unknown


def test_bad_months_are_skipped_not_fatal():
    jobs = [J("2020-13x", None, "it"), J("2019-01", "2019-12", "retail")]
    assert industry.overall(jobs, PRESENT) == "retail"


def test_a_job_starting_after_the_present_is_not_fatal():
    assert industry.overall([J("2026-01", None, "it"), J("2019-01", "2019-12", "retail")], PRESENT) == "retail"


# --- real CVs (skipped where ../shared/real-cvs is absent) ------------------------------------

REAL = Path(__file__).resolve().parents[2] / "shared" / "real-cvs"
#: hh.ru's top-level industry lines met in the real CVs, as the labeling protocol maps them
HH_TOP_LINES = {
    "Информационные технологии": "it",
    "Розничная торговля": "retail",
    "Финансовый сектор": "finance",
    "Гостиницы, рестораны": "hospitality",
    "Медицина, фармацевтика": "pharma",
    "Промышленное оборудование": "manufacturing",
    "Электроника, приборостроение": "manufacturing",
}


@pytest.mark.realcvs
@pytest.mark.skipif(not REAL.is_dir(), reason="real CVs are not available")
def test_real_hh_industry_lines_decide_unknown_employers():
    from kamscreen.extract import timeline
    from kamscreen.parse.model import ParsedCV

    checked = 0
    for path in sorted((REAL / "hh-ru").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        parsed = ParsedCV(file=str(path), status="ok", text=text)
        doc = make_doc(text, "ru")
        for job in timeline.find_jobs(parsed, dt.date(2025, 9, 30)):
            block = text[job.description.start : job.description.end]
            line = next((ln for ln in block.splitlines() if "Показать еще" in ln), "")
            expected = next((ind for top, ind in HH_TOP_LINES.items() if line.startswith(top)), None)
            if expected is None or industry_lexicon.employer_industry(job.employer):
                continue
            checked += 1
            assert industry.job_industry(job, doc).industry == expected, (path.name, job.start)
    assert checked >= 30


# --- the industry asked for (--industry) -------------------------------------------------------


@pytest.mark.parametrize(
    "asked,expected",
    [
        ("fmcg", "fmcg"),
        (" Hospitality ", "hospitality"),
        ("public_sector", "public_sector"),
        (None, None),
        ("", None),
    ],
)
def test_required_industry_is_one_of_the_taxonomy(asked, expected):
    from kamscreen.score import required_industry

    assert required_industry(asked) == expected


def test_an_unknown_required_industry_is_an_error():
    from kamscreen.extract.model import Facts
    from kamscreen.score import ProfileError, score

    with pytest.raises(ProfileError, match="unknown industry 'hotels'"):
        score(Facts(file="cv.txt", status="ok", language="en", as_of="2025-01-01"), industry="hotels")
