"""What the corpus as a whole must contain: every phrasing the screening rules have to handle."""

from __future__ import annotations

import re

INDUSTRIES = {
    "fmcg",
    "retail",
    "it",
    "telecom",
    "pharma",
    "medical_devices",
    "manufacturing",
    "logistics",
    "finance",
    "advertising",
    "automotive",
    "energy",
    "construction",
    "agriculture",
}
REQUIRED = [
    # periods and durations
    r"[А-Я][а-я]+ \d{4} — по настоящее время",
    r"[а-я]+ \d{4} г\. – н\.в\.",
    r"[а-я]+\. \d{4} – наст\. время",
    r"\d\d\.\d{4}–\d\d\.\d{4}",
    r"\b(19|20)\d\d–(19|20)\d\d\b",
    r"\d{4}, [а-я]+ — \d{4}, [а-я]+",
    r"[A-Z][a-z]{2} \d{4} – Present",
    r"[A-Z][a-z]+ \d{4} to Current",
    r"\d\d/\d{4} to \d\d/\d{4}",
    r"\d{4} - now",
    r"с [а-я]+ \d{4} по [а-я]+ \d{4}",
    r"\d{4} - Present \(\d+ years? \d+ months?\)",
    r"\d+ года? \d+ месяц",
    r"Опыт работы \d+ (год|года|лет)",
    r"\d+\+ years of experience",
    r"по сей день",
    # language levels
    "Английский — B2 — Средне-продвинутый",
    "Русский — Родной",
    "свободный",
    "продвинутый",
    "выше среднего",
    "разговорный",
    "средний",
    "базовый",
    "технический",
    "читаю профессиональную литературу",
    "Fluent",
    "Upper-Intermediate",
    "Intermediate",
    "Pre-Intermediate",
    "Elementary",
    "Proficient",
    "Native",
    "Bilingual",
    "IELTS 7.0",
    "TOEFL iBT 95",
    "CAE",
    "FCE",
    "BEC Vantage",
    "A1 — Начальный",
    # team sizes: digits, words, ranges
    r"командой из [а-я]+ человек",
    r"team of [a-z]+ ",
    "10–15 человек",
    "10-15 account managers",
    r"в подчинении \d+ менеджеров|В подчинении \d+ менеджеров",
    r"[Mm]anaged \d+ direct reports",
    # KPIs
    r"\+25 % выручки",
    "NPS с 5 до 9",
    "retention 95%",
    r"снизила? отток на 12%",
    "LTV",
    "P&L на 1,2 млрд руб.",
    "маржинальност",
    "дебиторск",
    "cross-sell/up-sell",
    "первыми лицами",
    "C-level",
    "Salesforce",
    "Power BI",
    # employers
    "Nestlé",
    "Danone",
    "PepsiCo",
    "Mars",
    "X5 Group",
    "Магнит",
    "МТС",
    "Билайн",
    "Яндекс",
    "Сбербанк",
    "Pfizer",
    "Bayer",
    "Siemens Healthineers",
    "DHL",
    "Северсталь",
    "Лукойл",
    # personal-data header (must never be a feature, but must be there to be ignored)
    r"(Мужчина|Женщина), \d+ (год|года|лет), родил(ся|ась) \d+ [а-я]+ \d{4}",
]


def missing(texts: list[str], truths: list[dict]) -> list[str]:
    """Patterns found in no CV, and industries no job has."""
    corpus = "\n".join(texts)
    out = [rx for rx in REQUIRED if not re.search(rx, corpus)]
    seen = {j["industry"] for t in truths for j in t["jobs"]}
    out += [f"industry {i}" for i in sorted(INDUSTRIES - seen)]
    return out
