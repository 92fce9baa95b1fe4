"""Years of experience: inclusive months, merged overlaps, the document's present, stated totals."""

import datetime as dt

import pytest

from kamscreen.extract.experience import compute, months_union, stated_total
from kamscreen.extract.model import Job

PRESENT = dt.date(2025, 9, 15)


def job(start, end=None, role="other", b2b=False, management=False):
    return Job(start, end, end is None, None, None, role=role, b2b=b2b, management=management)


def test_months_are_counted_inclusively_like_hh():
    # Dec 2017 – Sep 2025 = 94 months
    assert compute((job("2017-12", "2025-09"),), PRESENT, "").total_years == 7.83
    assert compute((job("2020-05", "2020-05"),), PRESENT, "").total_years == 0.08


def test_current_job_ends_in_the_month_of_the_document_date_not_today():
    assert compute((job("2017-12"),), PRESENT, "").total_years == 7.83
    assert compute((job("2017-12"),), dt.date(2021, 8, 8), "").total_years == 3.75


def test_overlaps_are_merged():
    jobs = (job("2016-01"), job("2014-06", "2017-03"))  # Jun 2014 – Sep 2025 = 136 months
    assert len(months_union(jobs, PRESENT)) == 136
    assert compute(jobs, PRESENT, "").total_years == 11.33


def test_gaps_are_not_counted():
    jobs = (job("2020-01", "2020-12"), job("2022-01", "2022-06"))
    assert compute(jobs, PRESENT, "").total_years == 1.5


def test_year_only_periods_follow_the_year_rule():
    from kamscreen.extract.dates import find_periods

    (period,) = find_periods("2015 – 2019", PRESENT)
    assert compute((job(*period.month_range()),), PRESENT, "").total_years == 5.0
    (period,) = find_periods("2023 – 2025", PRESENT)  # Jan 2023 – Sep 2025
    assert compute((job(*period.month_range()),), PRESENT, "").total_years == 2.75


def test_role_b2b_and_management_years():
    jobs = (
        job("2018-01", "2020-12", role="key_account", b2b=True, management=True),
        job("2020-01", "2021-12", role="key_account", b2b=True),
        job("2015-01", "2017-12", role="sales"),
    )
    experience = compute(jobs, PRESENT, "")
    assert experience.key_account_years == 4.0
    assert experience.b2b_years == 4.0
    assert experience.management_years == 3.0
    assert experience.total_years == 7.0


def test_no_jobs_gives_none_and_unqualified_jobs_give_zero():
    empty = compute((), PRESENT, "")
    assert empty.total_years is None and empty.key_account_years is None
    experience = compute((job("2015-01", "2017-12"),), PRESENT, "")
    assert (experience.b2b_years, experience.key_account_years, experience.management_years) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Опыт работы\nОпыт работы 8 лет 3 месяца\nДекабрь 2017", 8.25),
        ("Опыт работы 1 год", 1.0),
        ("Опыт работы 11 месяцев", 0.92),
        ("Опыт работы 2 года 1 месяц", 2.08),
        ("Общий стаж работы — более 15 лет", 15.0),
        ("Более 10 лет опыта работы в продажах.", 10.0),
        ("Key account manager with 10+ years of experience.", 10.0),
        ("Over 12 years of professional experience in B2B sales.", 12.0),
        ("15 years' total experience in enterprise software sales", 15.0),
        ("offering 25 years of progressive experience", 25.0),
        ("8 years of work experience in retail", 8.0),
    ],
)
def test_stated_total(text, years):
    value, evidence = stated_total(text)
    assert value == years
    assert evidence.text == text[evidence.start : evidence.end]


@pytest.mark.parametrize(
    "text",
    [
        "5 years of experience with Excel",
        "Опыт работы с 1С и Bitrix24",
        "Опыт работы с 2015 года",
        "Skills: Excel",
        # a total limited to one field is not the career's total
        "7 years of HR experience",
        "5 years of experience in retail sales",
        "10+ years of experience in FMCG",
        "offering 25 years of progressive leadership experience",
        "3 года опыта в продажах",
    ],
)
def test_not_a_stated_total(text):
    assert stated_total(text) is None


def test_hh_total_line_wins_over_an_earlier_claim():
    text = "Обо мне: 10 лет опыта работы.\nОпыт работы 5 лет 2 месяца\nДекабрь 2017"
    assert stated_total(text)[0] == 5.17


def test_first_statement_wins_and_mismatch_is_flagged():
    text = "Опыт работы 3 года\nМенеджер, 5 лет опыта работы в рознице."
    experience = compute((job("2015-01", "2021-12"),), PRESENT, text)
    assert experience.stated_total_years == 3.0
    assert experience.stated_evidence.text == "Опыт работы 3 года"
    assert experience.stated_mismatch is True
    matching = compute((job("2022-10"),), PRESENT, text)  # Oct 2022 – Sep 2025 = 36 months
    assert matching.total_years == 3.0 and matching.stated_mismatch is False


def test_a_statement_is_read_whole_after_other_anchor_words():
    text = "Frontend-разработчик стажёр\nМужчина\nМосква\n\nОпыт работы\nОпыт работы 5 лет 9 месяцев\n"
    assert stated_total(text)[0] == 5.75


def test_months_after_the_document_date_do_not_count():
    # "Январь 2024 — Декабрь 2026" read in September 2025: Jan 2024 – Sep 2025 = 21 months
    assert compute((job("2024-01", "2026-12"),), PRESENT, "").total_years == 1.75
    # a current job that starts after the document date adds nothing
    assert compute((job("2026-01"),), PRESENT, "").total_years == 0.0


def test_commercial_years_merge_overlapping_jobs_like_every_other_figure():
    from kamscreen.extract.model import Facts
    from kamscreen.score.readers import READERS

    jobs = (job("2020-01", "2021-12", role="sales"), job("2021-01", "2022-12", role="account_management"))
    facts = Facts(
        file="cv", status="ok", language="en", as_of="2025-09-15", jobs=jobs, experience=compute(jobs, PRESENT, "")
    )
    assert READERS["experience.commercial_years"].read(facts, (), None).value == 3.0  # not 2 + 2
