"""The text of a resume laid out as hh.ru prints it (the plain layout of the ``hh-ru`` real CVs,
with the personal block and footer of its PDF export): name and contacts, "Желаемая должность и
зарплата", "Опыт работы" with the stated total ("Опыт работы 8 лет 3 месяца"), per job its period
("Июль 2024 — по настоящее время"), duration, employer, place and site, industry line, title and
description, then education, "Знание языков" ("Английский — C1 — Продвинутый"), "Навыки",
"Дополнительная информация" and "Резюме обновлено 28 сентября 2025 в 15:35".

Every value is cleaned as :func:`kamscreen.parse.cleanup.clean_text` cleans a file, so the text
needs no further clean-up and the spans handed out stay valid.

>>> out = Layout()
>>> period, block = out.job("2017-12", None, dt.date(2025, 9, 1), "ООО «Ромашка»", "Москва", None,
...                         "Key Account Manager", "Сети X5 и Магнит.")
>>> out.text()[slice(*period)]
'Декабрь 2017 — по настоящее время'
>>> out.text().splitlines()[1]
'7 лет 10 месяцев'
"""

from __future__ import annotations

import datetime as dt

from kamscreen.months import duration_units, month_index, month_name
from kamscreen.parse.cleanup import clean_text

PRESENT = "по настоящее время"


def _plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    return few if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else many


def duration(months: int) -> str:
    """hh.ru's wording of a number of months.

    >>> duration(94), duration(12), duration(3), duration(25)
    ('7 лет 10 месяцев', '1 год', '3 месяца', '2 года 1 месяц')
    """
    years, rest = divmod(months, 12)
    parts = [f"{years} {_plural(years, *duration_units('years', ('ru',)))}"] if years else []
    if rest:
        parts.append(f"{rest} {_plural(rest, *duration_units('months', ('ru',)))}")
    return " ".join(parts)


def _written(ym: str, capital: bool = True) -> str:
    year, month = ym.split("-")
    name = month_name(int(month))
    return f"{name.capitalize() if capital else name} {year}"


class Layout:
    """The export's text, written line by line; each writer returns the span of what it wrote."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._languages = False

    def text(self) -> str:
        return "".join(self._parts).rstrip("\n")

    def _line(self, value: object, prefix: str = "") -> tuple[int, int] | None:
        """Append ``prefix`` + the cleaned value (it may hold several lines); None when empty."""
        cleaned = clean_text(str(value)) if value is not None else ""
        if not cleaned:
            return None
        start = self._length
        self._write(clean_text(prefix + cleaned) + "\n")
        return start, self._length - 1

    def _write(self, piece: str) -> None:
        self._parts.append(piece)
        self._length += len(piece)

    def _gap(self) -> None:
        """One blank line before a new block (none at the very start)."""
        if self._parts and self._parts[-1] != "\n":
            self._write("\n")

    def _heading(self, heading: str) -> None:
        self._gap()
        self._line(heading)

    def header(self, lines: list[str | None]) -> None:
        """The personal block at the top: name, contacts, city."""
        for line in lines:
            self._line(line)

    def section(self, heading: str, lines: list[str | None]) -> None:
        """A headed block ("Образование", "Навыки"...); nothing when it has no line."""
        lines = [line for line in lines if line]
        if lines:
            self._heading(heading)
            for line in lines:
                self._line(line)

    def experience_heading(self, total_months: int | None) -> None:
        self._heading("Опыт работы")
        if total_months:
            self._line(f"Опыт работы {duration(total_months)}")

    def job(
        self,
        start: str,
        end: str | None,
        present: dt.date | None,
        employer: str | None,
        place: str | None,
        industry: str | None,
        title: str | None,
        description: str | None,
    ) -> tuple[tuple[int, int], tuple[int, int]]:
        """One job's block; returns the spans of its period line and of the whole block."""
        period = self._line(f"{_written(start)} — {_written(end, capital=False) if end else PRESENT}")
        assert period is not None  # the line is never empty
        until = end or (f"{present.year}-{present.month:02d}" if present else None)
        months = month_index(until) - month_index(start) + 1 if until else 0
        if months > 0:
            self._line(duration(months))
        self._line(employer)
        self._line(place)
        self._line(industry)
        self._line(title)
        self._line(description)
        return period, (period[0], self._length - 1)

    def language(self, name: str | None, level: str | None) -> tuple[int, int] | None:
        """One line of "Знание языков" ("Английский — C1 — Продвинутый"); the heading comes first."""
        if not name:
            return None
        if not self._languages:
            self._heading("Знание языков")
            self._languages = True
        level = (level or "").strip()
        return self._line(name + (f" — {level[:1].upper()}{level[1:]}" if level else ""))

    def footer(self, updated: dt.datetime) -> None:
        genitive = month_name(updated.month, genitive=True)
        self._gap()
        self._line(f"Резюме обновлено {updated.day} {genitive} {updated.year} в {updated:%H:%M}")
