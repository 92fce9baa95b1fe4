"""Month arithmetic and the many ways CVs write a period ("Апрель 2017 — по настоящее время" ...)."""

from __future__ import annotations

from .model import Month

RU_NOM = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
]
RU_GEN = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
RU_ABBR = ["янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек."]
EN_FULL = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
EN_ABBR = [m[:3] for m in EN_FULL]

# styles whose periods give only years: the truth snaps them to whole years (see README)
YEAR_ONLY_STYLES = {"ru_years", "en_years"}
STYLES_RU = ["hh", "ru_gen", "ru_abbr", "ru_numeric", "ru_years", "ru_year_first", "ru_po"]
STYLES_EN = ["en_abbr", "en_full_to", "en_slash", "en_years", "en_hyphen", "linkedin"]


def index(m: Month) -> int:
    return m[0] * 12 + m[1] - 1


def from_index(i: int) -> Month:
    return (i // 12, i % 12 + 1)


def add(m: Month, months: int) -> Month:
    return from_index(index(m) + months)


def iso(m: Month) -> str:
    return f"{m[0]:04d}-{m[1]:02d}"


def inclusive_months(start: Month, end: Month) -> int:
    return index(end) - index(start) + 1


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def duration_ru(months: int) -> str:
    """hh.ru wording: ``2 года 1 месяц``, ``11 месяцев``, ``8 лет``."""
    y, m = divmod(months, 12)
    parts = []
    if y:
        parts.append(f"{y} {plural_ru(y, 'год', 'года', 'лет')}")
    if m:
        parts.append(f"{m} {plural_ru(m, 'месяц', 'месяца', 'месяцев')}")
    return " ".join(parts)


def duration_en(months: int) -> str:
    """LinkedIn wording: ``6 years 2 months``, ``1 year``, ``11 months``."""
    y, m = divmod(months, 12)
    parts = []
    if y:
        parts.append(f"{y} year{'s' if y != 1 else ''}")
    if m:
        parts.append(f"{m} month{'s' if m != 1 else ''}")
    return " ".join(parts)


def snap_year_only(start: Month, end: Month | None, doc: Month) -> tuple[Month, Month | None]:
    """What a year-only period means: Jan of the start year to Dec of the end year (doc month if that year)."""
    s = (start[0], 1)
    if end is None:
        return s, None
    e = doc if end[0] == doc[0] else (end[0], 12)
    return s, e


def period(style: str, start: Month, end: Month | None, variant: int = 0) -> str:
    """Render a period in ``style``; ``variant`` picks among equivalent wordings of "present"/dashes."""
    (sy, sm), cur = start, end is None
    ey, em = end if end else (0, 0)
    if style == "hh":
        s = f"{RU_NOM[sm - 1].capitalize()} {sy}"
        e = "по настоящее время" if cur else f"{RU_NOM[em - 1]} {ey}"
        return f"{s} — {e}"
    if style == "hh_pdf":  # hh.ru's PDF export: "Апрель 2017 — настоящее время"
        return f"{RU_NOM[sm - 1].capitalize()} {sy} — " + ("настоящее время" if cur else f"{RU_NOM[em - 1]} {ey}")
    if style == "ru_gen":
        s = f"{RU_GEN[sm - 1]} {sy} г."
        e = ["н.в.", "по сей день", "настоящее время"][variant % 3] if cur else f"{RU_GEN[em - 1]} {ey} г."
        return f"{s} – {e}"
    if style == "ru_abbr":
        s = f"{RU_ABBR[sm - 1]} {sy}"
        e = "наст. время" if cur else f"{RU_ABBR[em - 1]} {ey}"
        return f"{s} – {e}"
    if style == "ru_numeric":
        s = f"{sm:02d}.{sy}"
        e = "н.в." if cur else f"{em:02d}.{ey}"
        return f"{s}–{e}" if variant % 2 == 0 else f"{s} - {e}"
    if style == "ru_years":
        return f"{sy} – по настоящее время" if cur else f"{sy}–{ey}"
    if style == "ru_year_first":
        s = f"{sy}, {RU_NOM[sm - 1]}"
        e = "по настоящее время" if cur else f"{ey}, {RU_NOM[em - 1]}"
        return f"{s} — {e}"
    if style == "ru_po":
        s = f"с {RU_GEN[sm - 1]} {sy}"
        e = "по настоящее время" if cur else f"по {RU_NOM[em - 1]} {ey}"
        return f"{s} {e}"
    if style == "en_abbr":
        s = f"{EN_ABBR[sm - 1]} {sy}"
        e = "Present" if cur else f"{EN_ABBR[em - 1]} {ey}"
        return f"{s} – {e}"
    if style == "en_full_to":
        s = f"{EN_FULL[sm - 1]} {sy}"
        e = "Current" if cur else f"{EN_FULL[em - 1]} {ey}"
        return f"{s} to {e}"
    if style == "en_slash":
        s = f"{sm:02d}/{sy}"
        e = "Present" if cur else f"{em:02d}/{ey}"
        return f"{s} to {e}"
    if style == "en_years":
        return f"{sy} - now" if cur else f"{sy} – {ey}"
    if style == "en_hyphen":
        s = f"{EN_ABBR[sm - 1]} {sy}"
        e = "Present" if cur else f"{EN_ABBR[em - 1]} {ey}"
        return f"{s} - {e}"
    if style == "linkedin":
        full = variant % 2 == 1
        names = EN_FULL if full else EN_ABBR
        s = f"{names[sm - 1]} {sy}"
        e = "Present" if cur else f"{names[em - 1]} {ey}"
        return f"{s} - {e}"
    raise ValueError(style)
