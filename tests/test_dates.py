"""The period grammar: one case per written form, RU and EN, and what must not be a period."""

import datetime as dt

import pytest

from kamscreen.extract.dates import find_periods

PRESENT = dt.date(2025, 9, 15)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("Апрель 2017 — по настоящее время", "2017-04", None, "month"),
        ("апреля 2017 г. – н.в.", "2017-04", None, "month"),
        ("янв. 2015 – наст. время", "2015-01", None, "month"),
        ("в январе 2016 — феврале 2018", "2016-01", "2018-02", "month"),
        ("03.2018–05.2021", "2018-03", "2021-05", "month"),
        ("01.03.2018 – 31.05.2021", "2018-03", "2021-05", "month"),
        ("2015–2019", "2015-01", "2019-12", "year"),
        ("2004, февраль — 2006, апрель", "2004-02", "2006-04", "month"),
        ("Jan 2015 – Present", "2015-01", None, "month"),
        ("January 2015 to Current", "2015-01", None, "month"),
        ("09/2013 to 05/2015", "2013-09", "2015-05", "month"),
        ("2019 - now", "2019-01", None, "year"),
        ("с 2016 по 2019", "2016-01", "2019-12", "year"),
        ("с января 2016 г. по декабрь 2018 г.", "2016-01", "2018-12", "month"),
        ("from 03/2012 to 11/2014", "2012-03", "2014-11", "month"),
        ("2012-03 — 2014-11", "2012-03", "2014-11", "month"),
        ("Mar '15 – Jun '18", "2015-03", "2018-06", "month"),
        ("10.2019 - н.в.", "2019-10", None, "month"),
        ("Sept. 2014 - Oct 2016", "2014-09", "2016-10", "month"),
        ("March 2016 till date", "2016-03", None, "month"),
        ("2017 – по сей день", "2017-01", None, "year"),
        ("июль 2020−май 2021", "2020-07", "2021-05", "month"),
        ("June 2014\nto\nSeptember 2017", "2014-06", "2017-09", "month"),
        ("2010–2012 гг.", "2010-01", "2012-12", "year"),
        ("Nov 2019 until Feb 2020", "2019-11", "2020-02", "month"),
        ("Апрель 2017 по настоящее время", "2017-04", None, "month"),
        ("05.2019 – н/в", "2019-05", None, "month"),
        ("September 2020 - Present (4 years 10 months)", "2020-09", None, "month"),
        ("1/2015 - 12/2016", "2015-01", "2016-12", "month"),
        ("2016 – till now", "2016-01", None, "year"),
        ("Mar 2019 - to date", "2019-03", None, "month"),
        ("март — июнь 2017", "2017-03", "2017-06", "month"),
        ("Jan – Jun 2017", "2017-01", "2017-06", "month"),
        ("06/2014 06/2016", "2014-06", "2016-06", "month"),  # no separator but spaces
        ("09/2015 Current", "2015-09", None, "month"),
        ("August 1998 September 2003", "1998-08", "2003-09", "month"),
        ("July 2009\nMarch 2012", "2009-07", "2012-03", "month"),
        ("April 1998\nto\n\nFebruary 2003", "1998-04", "2003-02", "month"),  # a blank line inside
        ("December'2008 - continuing", "2008-12", None, "month"),
        ("2005 May to 2006 April", "2005-05", "2006-04", "month"),
        ("07/02/2014 - till now", "2014-07", None, "month"),  # slashes: month first (US)
        ("25/03/2014 - 05/2016", "2014-03", "2016-05", "month"),  # unless the first is a day
    ],
)
def test_period_forms(text, start, end, precision):
    periods = find_periods(f"Опыт: {text}; далее", PRESENT)
    assert len(periods) == 1
    period = periods[0]
    assert period.month_range() == (start, end)
    assert period.current is (end is None)
    assert period.precision == precision
    assert f"Опыт: {text}; далее"[period.span[0] : period.span[1]] == period.text


def test_end_year_of_the_present_is_the_present_month():
    (period,) = find_periods("2023 - 2025", PRESENT)
    assert period.end == (2025, 9)
    (period,) = find_periods("2023 - 2024", PRESENT)
    assert period.end == (2024, 12)


def test_two_digit_years_resolve_to_the_right_century():
    (period,) = find_periods("Oct '98 – Mar '04", PRESENT)
    assert period.month_range() == ("1998-10", "2004-03")


@pytest.mark.parametrize(
    "text",
    [
        "2009",  # a graduation year alone
        "Окончил в 2009 году",
        "8-916-123-45-67",  # phone numbers
        "+7 (916) 2012-20-15",
        "зарплата 150 000 – 200 000 руб.",  # salaries
        "от 120000 до 150000 рублей",
        "2018 - 2017",  # end before start
        "13.2018 - 05.2019",  # month 13
        "1940 - 1948",  # before 1950
        "2030 - 2032",  # after the present year + 1
        "2014 2015",  # bare years without a separator
        "05/2010 currently managing",  # a lower-case word after a bare date
        "Windows2000-2003",  # only a numeric month may follow letters
        "Родился 12 марта 1987",  # a birth date is not a period
        "март — н.в.",  # a month without any year
        "(495) 1990-2000",  # a phone number with a period-like tail
        "тел. +7 2010-2012",
    ],
)
def test_not_periods(text):
    assert find_periods(text, PRESENT) == []


def test_several_periods_in_text_order():
    text = "Июль 2024 — май 2025\n11 месяцев\nАвгуст 2023 — июль 2024\n1 год"
    assert [p.month_range() for p in find_periods(text, PRESENT)] == [
        ("2024-07", "2025-05"),
        ("2023-08", "2024-07"),
    ]


@pytest.mark.parametrize(
    ("text", "start", "precision"),
    [
        ("Sales Manager since 2016", "2016-01", "year"),
        ("с 2016 года", "2016-01", "year"),
        ("с марта 2016 г.", "2016-03", "month"),
        ("Since Mar 2019", "2019-03", "month"),
    ],
)
def test_open_ended_start_runs_to_the_present(text, start, precision):
    (period,) = find_periods(text, PRESENT)
    assert period.month_range() == (start, None) and period.since and period.precision == precision


def test_a_title_before_a_period_is_not_a_phone_prefix():
    (period,) = find_periods("Teller\nApril 2007 to February 2008", PRESENT)
    assert period.month_range() == ("2007-04", "2008-02")


def test_a_closed_period_with_since_is_not_open_ended():
    (period,) = find_periods("с 2016 года по 2018 год", PRESENT)
    assert period.month_range() == ("2016-01", "2018-12") and not period.since


def test_a_numeric_date_glued_to_a_title_still_starts_a_period():
    (period,) = find_periods("SALES REPRESENTATIVE-PSR09/2013 - Current", PRESENT)
    assert period.month_range() == ("2013-09", None) and period.text == "09/2013 - Current"


def test_a_month_exact_period_written_end_first_is_swapped_and_marked():
    (period,) = find_periods("Receptionist 09/2008 to 04/2005", PRESENT)
    assert period.month_range() == ("2005-04", "2008-09") and period.reversed
    assert not find_periods("Receptionist 09/2008 to 04/2005", PRESENT)[0].since


def test_a_period_starting_after_the_present_is_kept_for_the_timeline_to_warn():
    (period,) = find_periods("Сентябрь 2026 — по настоящее время", PRESENT)
    assert period.month_range() == ("2026-09", None)


def test_single_month_dates():
    from kamscreen.extract.dates import find_dates

    assert [d.month_range() for d in find_dates("Intern 01/2013", PRESENT)] == [("2013-01", "2013-01")]
    assert [d.month_range() for d in find_dates("Analyst January 2007", PRESENT)] == [("2007-01", "2007-01")]
    assert find_dates("Honor Society 2005", PRESENT) == []  # a year alone names no month
