"""kamscreen.months: month names, "present" words, duration units and month arithmetic."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kamscreen.months import (
    date_index,
    duration_units,
    full_month_names,
    is_month,
    month_index,
    month_name,
    month_number,
    month_str,
    present_words,
    units_pattern,
)


@pytest.mark.parametrize(
    "written, number",
    [
        ("января", 1),
        ("Январём", 1),
        ("январем", 1),
        ("Сент.", 9),
        ("сен", 9),
        ("May", 5),
        ("Sept.", 9),
        ("февр", 2),
        ("декабре", 12),
        ("Oct", 10),
        ("вторник", 0),
        ("", 0),
    ],
)
def test_month_number_reads_every_written_form(written, number):
    assert month_number(written) == number


def test_month_name_is_the_russian_nominative_or_genitive():
    assert (month_name(3), month_name(3, genitive=True)) == ("март", "марта")
    assert (month_name(5), month_name(5, genitive=True)) == ("май", "мая")


def test_full_month_names_leave_abbreviations_out():
    names = full_month_names()
    assert {"январь", "января", "january", "май", "мая", "may"} <= set(names)
    assert not {"янв", "jan", "sept"} & set(names)
    assert len(names) == 36


def test_present_words_come_in_both_languages():
    words = present_words()
    assert "настоящее время" in words and "present" in words
    assert words.index("настоящее время") < words.index("present")


def test_duration_units_and_their_pattern():
    assert duration_units("years", ("ru",)) == ("год", "года", "лет")  # one, few, many
    assert duration_units("months", ("ru",)) == ("месяц", "месяца", "месяцев")
    years = re.compile(units_pattern("years"), re.IGNORECASE)
    assert all(years.fullmatch(w) for w in ("год", "лет", "Years", "yr", "YRS"))
    assert not years.match("годовой") and not years.match("yearly")
    months = re.compile(units_pattern("months", ("en",)))
    assert months.fullmatch("mos") and not months.match("месяц")


def test_month_arithmetic():
    assert month_index("2019-04") - month_index("2018-05") == 11
    assert month_index("2019-04-15") == month_index("2019-04")
    assert date_index(dt.date(2019, 4, 30)) == month_index("2019-04")
    assert month_str((2019, 4)) == "2019-04"
    with pytest.raises(ValueError):
        month_index("April 2019")


@pytest.mark.parametrize(
    "value, ok",
    [("2019-04", True), ("2019-13", False), ("2019-00", False), ("2019", False), ("x-04", False), (None, False)],
)
def test_is_month(value, ok):
    assert is_month(value) is ok
