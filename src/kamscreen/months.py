"""Months, the one home of their knowledge: written month names (``lexicons/months.yaml``), words
for "present" (``lexicons/present.yaml``), duration units (``lexicons/durations.yaml``) and month
arithmetic on ``YYYY-MM`` strings. Every stage that reads or counts months imports this module.

>>> month_number("Сент."), month_number("января"), month_name(9, genitive=True)
(9, 1, 'сентября')
>>> month_index("2019-04") - month_index("2018-04"), month_str((2019, 4))
(12, '2019-04')
>>> re.fullmatch(units_pattern("years"), "лет") is not None
True
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from kamscreen.lexicons import load

LANGUAGES = ("ru", "en")


@functools.cache
def month_numbers() -> dict[str, int]:
    """Every written form of a month, lower case (RU then EN, as listed) → its number."""
    return {
        str(form).lower(): int(number)
        for number, by_language in load("months.yaml").items()
        for language in LANGUAGES
        for form in by_language[language]
    }


def month_number(name: str) -> int:
    """The number of a month name as written ("Сент.", "января", "Январём"); 0 when unknown."""
    key = re.sub(r"[\s.]", "", name).lower()
    numbers = month_numbers()
    return numbers.get(key) or numbers.get(key.replace("ё", "е"), 0)


def month_name(number: int, genitive: bool = False) -> str:
    """The Russian name of month ``number``: nominative ("сентябрь") or genitive ("сентября")."""
    return str(load("months.yaml")[number]["ru"][1 if genitive else 0])


@functools.cache
def full_month_names() -> tuple[str, ...]:
    """Every month's whole name: the Russian nominative and genitive, the English name."""
    data = load("months.yaml")
    return tuple(str(form) for number in sorted(data) for form in (*data[number]["ru"][:2], data[number]["en"][0]))


@functools.cache
def present_words() -> tuple[str, ...]:
    """The words for "present" at the end of a period ("по настоящее время", "to Present"), RU then EN."""
    data = load("present.yaml")
    return tuple(str(word) for language in LANGUAGES for word in data[language])


@functools.cache
def duration_units(unit: str, languages: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """The written forms of ``unit`` (``years`` or ``months``) in ``languages``: "лет", "yrs"."""
    data = load("durations.yaml")[unit]
    return tuple(str(form) for language in languages for form in data[language])


def units_pattern(unit: str, languages: tuple[str, ...] = LANGUAGES) -> str:
    """A regex alternation of :func:`duration_units`, longest first and whole-word
    ("(?:месяцев|месяца|месяц)(?!\\w)"); case as written (compile with IGNORECASE to ignore it)."""
    forms = sorted(duration_units(unit, languages), key=lambda form: (-len(form), form))
    return "(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)"


def month_index(ym: str) -> int:
    """``"2019-04"`` (or a date, ``"2019-04-15"``) → a count of months; ValueError when malformed."""
    year, month = ym[:7].split("-")
    return int(year) * 12 + int(month) - 1


def date_index(date: dt.date) -> int:
    """The :func:`month_index` of a date's month."""
    return date.year * 12 + date.month - 1


def month_str(ym: tuple[int, int]) -> str:
    """``(2019, 4)`` → ``"2019-04"``."""
    return f"{ym[0]:04d}-{ym[1]:02d}"


def is_month(ym: str) -> bool:
    """Is ``ym`` a readable ``YYYY-MM`` (month 1..12)?"""
    try:
        parts = ym.split("-")
        return 1 <= int(parts[1]) <= 12 and int(parts[0]) >= 0
    except (ValueError, AttributeError, IndexError):
        return False
