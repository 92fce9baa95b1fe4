"""Industry per job (employer name, hh.ru industry line, description words) and per career."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from kamscreen.extract import industry
from kamscreen.extract.model import INDUSTRIES, Evidence, Job
from kamscreen.nlp import make_doc
from kamscreen.resources import lexicon_path


@pytest.mark.parametrize("employer,expected", [
    ("ООО «Нестле Россия»", "fmcg"),
    ("Nestlé", "fmcg"),
    ('ПАО "МТС"', "telecom"),
    ("ПАО «МТС Банк»", "finance"),          # the longest alias wins over "МТС"
    ("АО «Тандер»", "retail"),               # Магнит's legal entity
    ("X5 Retail Group N.V.", "retail"),
    ("Bayer", "pharma"),
    ("Bayer CropScience AG", "agriculture"),
    ("Johnson & Johnson Medical", "medical_devices"),
    ("Procter & Gamble", "fmcg"),
    ("P&G", "fmcg"),
    ("L'Oréal", "fmcg"),
    ("Coca-Cola HBC Россия", "fmcg"),
    ("ООО «М.Видео Менеджмент»", "retail"),
    ("ЗАО \"Лаборатория Касперского\"", "it"),
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
])
def test_employer_names(employer, expected):
    assert industry.employer_industry(employer) == expected


@pytest.mark.parametrize("employer", ["Company Name", "ООО «Ромашка»", "", None, "Globus AI", "Сектор бизнеса"])
def test_unknown_employers(employer):
    assert industry.employer_industry(employer) is None


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
                key = industry.normalize_name(alias)
                if key in owner and owner[key] != ind:
                    clashes.append((alias, owner[key], ind))
                owner.setdefault(key, ind)
    assert not clashes
    further = [e for entries in data.values() for e in entries if e.startswith("+")]
    # a further listing repeats a company listed plainly elsewhere (its main industry)
    assert all(industry.normalize_name(e[1:].split("|")[0]) in owner for e in further)


def test_company_of_several_industries_is_decided_by_the_job_words():
    from kamscreen.nlp import make_doc

    text = ("Key Account Manager\nHenkel\nПродажи бытовой химии и косметики в федеральные сети "
            "X5 и Магнит, промо в торговых точках.")
    job = Job("2019-05", None, True, "Key Account Manager", "Henkel", description=Evidence.of(text, 0, len(text)))
    assert industry.classify_job(job, make_doc(text, "ru")) == "fmcg"
    bare = Job("2019-05", None, True, "Key Account Manager", "Henkel")
    assert industry.classify_job(bare, make_doc(text, "ru")) == "manufacturing"


@pytest.mark.parametrize("line,expected", [
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
    ("Сельское хозяйство", "agriculture"),
    ("Телекоммуникации, связь", "telecom"),
    ("Услуги для населения... Показать еще", "other"),
    ("Электроника, приборостроение, бытовая техника, компьютер...", "manufacturing"),
])
def test_hh_industry_lines(line, expected):
    assert industry.hh_line_industry(line) == expected


@pytest.mark.parametrize("line", ["Банк ВТБ выдал кредит на развитие", "Разработка веб-сайтов", "Москва", "..."])
def test_lines_that_are_not_hh_industries(line):
    assert industry.hh_line_industry(line) is None


def _job(text: str, employer: str | None, title: str | None = None) -> tuple[Job, object]:
    job = Job("2020-01", None, True, title, employer, description=Evidence.of(text, 0, len(text)))
    return job, make_doc(text, "ru" if any("а" <= c <= "я" for c in text.lower()) else "en")


def test_hh_line_in_the_block_when_employer_is_unknown():
    text = ("Январь 2020 — по настоящее время\n5 лет\nООО «Ромашка»\nМосква\n"
            "Продукты питания... Показать еще\nМенеджер по продажам\nПродажи в сети.\n")
    assert industry.classify_job(*_job(text, "ООО «Ромашка»", "Менеджер по продажам")) == "fmcg"


def test_an_other_hh_line_leaves_the_decision_to_the_words():
    text = ("ООО Ромашка\nУслуги для бизнеса... Показать еще\nМенеджер по продажам\n"
            "Продажа логистических услуг: грузоперевозки, экспедирование, склад.\n")
    assert industry.classify_job(*_job(text, "ООО Ромашка", "Менеджер по продажам")) == "logistics"
    quiet = "ООО Ромашка\nУслуги для бизнеса... Показать еще\nМенеджер\nРабота.\n"
    assert industry.classify_job(*_job(quiet, "ООО Ромашка", "Менеджер")) == "other"


def test_known_company_on_a_header_line_when_the_employer_is_missing():
    title_first = "Store Sales Consultant\nDB Schenker · Berlin\n10/2019 to 11/2020\n• Met sales targets\n"
    assert industry.classify_job(*_job(title_first, None, "Store Sales Consultant")) == "logistics"
    hh = "Март 2019 — май 2021\n2 года 3 месяца\n\nООО «Нестле Россия»\nМосква\nKAM\n• Работа с сетью Магнит\n"
    assert industry.classify_job(*_job(hh, None, "KAM")) == "fmcg"  # the client in a bullet does not count


def test_employer_wins_over_the_hh_line():
    text = "Сбербанк\nИнформационные технологии, системная интеграция, интернет\nМенеджер\n"
    assert industry.classify_job(*_job(text, "Сбербанк", "Менеджер")) == "finance"


def test_description_line_is_not_an_hh_line():
    text = "ООО Ромашка\nМенеджер по продажам\nБанки\nпродажи станков и промышленного оборудования заводам\n"
    assert industry.classify_job(*_job(text, "ООО Ромашка", "Менеджер по продажам")) == "manufacturing"


@pytest.mark.parametrize("text,expected", [
    ("Company Name\nSales Representative\nSold medical devices and surgical equipment to hospitals.", "medical_devices"),
    ("Company Name\nAccount Executive\nSold SaaS software licenses and cloud solutions.", "it"),
    ("ООО Ромашка\nМенеджер\nПродажа лекарственных препаратов в аптечные сети.", "pharma"),
    ("ООО Ромашка\nМенеджер\nГрузоперевозки и экспедирование, контейнерные перевозки.", "logistics"),
    ("ООО Ромашка\nМенеджер\nПоставки средств защиты растений и семян агрохолдингам.", "agriculture"),
    ("Смоленская АЭС\nИнженер\nПланировал логистику перевозок ядерного топлива.", "energy"),
    ("Company Name\nSales Associate\nGreeted people.", "other"),
])
def test_description_keywords(text, expected):
    assert industry.classify_job(*_job(text, text.split("\n")[0])) == expected


def test_job_without_block_or_employer_is_other():
    job = Job("2020-01", None, True, "Менеджер", None)
    assert industry.classify_job(job, make_doc("Менеджер", "ru")) == "other"


# --- career arithmetic ------------------------------------------------------------------------

def J(start, end, ind):
    return Job(start, end, end is None, None, None, industry=ind)


PRESENT = dt.date(2025, 9, 15)


def test_by_years_counts_inclusive_months_and_present():
    ranked = industry.by_years([J("2017-12", None, "fmcg")], PRESENT)
    assert [(r.industry, r.years) for r in ranked] == [("fmcg", 7.83)]  # Dec 2017 – Sep 2025 = 94 months


def test_by_years_unions_overlaps_per_industry_and_sorts():
    jobs = [J("2010-01", "2012-12", "it"), J("2012-01", "2013-12", "it"),  # 48 months, not 60
            J("2014-01", "2014-06", "retail"), J("2015-01", "2015-12", "other")]
    ranked = industry.by_years(jobs, PRESENT)
    assert [(r.industry, r.years) for r in ranked] == [("it", 4.0), ("other", 1.0), ("retail", 0.5)]


def test_overall_most_years_and_ties_to_the_most_recent():
    assert industry.overall([J("2010-01", "2014-12", "it"), J("2015-01", "2016-12", "fmcg")], PRESENT) == "it"
    tie = [J("2010-01", "2011-12", "it"), J("2016-01", "2017-12", "fmcg")]
    assert industry.overall(tie, PRESENT) == "fmcg"


def test_overall_ignores_other_unless_all():
    assert industry.overall([J("2000-01", "2019-12", "other"), J("2020-01", "2020-06", "pharma")], PRESENT) == "pharma"
    assert industry.overall([J("2000-01", "2019-12", "other")], PRESENT) == "other"
    assert industry.overall([], PRESENT) is None
    assert industry.by_years([], PRESENT) == ()


def test_bad_months_are_skipped_not_fatal():
    jobs = [J("2020-13x", None, "it"), J("2019-01", "2019-12", "retail")]
    assert industry.overall(jobs, PRESENT) == "retail"


# --- real CVs (skipped where ../shared/real-cvs is absent) ------------------------------------

REAL = Path(__file__).resolve().parents[2] / "shared" / "real-cvs"


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
            block = text[job.description.start:job.description.end]
            lines = [ln for ln in block.splitlines() if "Показать еще" in ln]
            known = industry.employer_industry(job.employer)
            if not lines or known or industry.hh_line_industry(lines[0]) == "other":
                continue
            checked += 1
            assert industry.classify_job(job, doc) == industry.hh_line_industry(lines[0]), (path.name, job.start)
    assert checked >= 30
