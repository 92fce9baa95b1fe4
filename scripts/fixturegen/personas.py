"""The corpus plan and the seeded builder that turns one plan entry into a CVSpec (facts only)."""

from __future__ import annotations

import datetime as dt
import random
import re

from . import content as C
from . import dates as D
from .model import CVSpec, JobSpec, LanguageSpec

# (layout, language, persona, options); ~60 % Russian, every layout >= 5 files
PLAN = [
    ("hh", "ru", "kam_director", {"industry": "fmcg"}),
    ("hh", "ru", "kam_director", {"industry": "pharma", "mismatch": True}),
    ("hh", "ru", "kam_director", {"industry": "telecom", "english": "B1"}),
    ("hh", "ru", "senior_kam", {"industry": "manufacturing", "third": "de:A1"}),
    ("hh", "ru", "senior_kam", {"industry": "logistics", "overlap": True}),
    ("hh", "ru", "kam", {"industry": "fmcg", "tricky": "kam_as_sales"}),
    ("hh", "ru", "kam", {"industry": "it"}),
    ("hh", "ru", "account_manager", {"industry": "finance"}),
    ("hh", "ru", "sales", {"industry": "advertising"}),
    ("hh", "ru", "other", {"industry": "construction", "stage": "acc"}),
    ("two_column", "ru", "kam_director", {"industry": "retail", "side": "left"}),
    ("two_column", "ru", "senior_kam", {"industry": "medical_devices", "side": "right"}),
    ("two_column", "ru", "junior_kam", {"industry": "agriculture", "side": "left"}),
    ("two_column", "ru", "sales", {"industry": "telecom", "tricky": "sales_as_kam", "side": "right"}),
    ("two_column", "en", "kam_director", {"industry": "it", "side": "left"}),
    ("two_column", "en", "kam", {"industry": "pharma", "side": "right"}),
    ("two_column", "en", "account_manager", {"industry": "logistics", "side": "left"}),
    ("two_column", "en", "other", {"industry": "it", "stage": "dev", "side": "right"}),
    ("linkedin", "en", "kam_director", {"industry": "medical_devices", "stated": True}),
    ("linkedin", "en", "kam_director", {"industry": "energy", "no_team": True}),
    ("linkedin", "en", "senior_kam", {"industry": "fmcg"}),
    ("linkedin", "en", "kam", {"industry": "automotive"}),
    ("linkedin", "en", "sales", {"industry": "it"}),
    ("linkedin", "en", "other", {"industry": "logistics", "stage": "log"}),
    ("word_table", "ru", "senior_kam", {"industry": "pharma"}),
    ("word_table", "ru", "kam", {"industry": "construction"}),
    ("word_table", "ru", "junior_kam", {"industry": "fmcg", "overlap": True}),
    ("word_table", "ru", "account_manager", {"industry": "telecom"}),
    ("word_table", "en", "kam_director", {"industry": "manufacturing"}),
    ("word_table", "en", "sales", {"industry": "automotive"}),
    ("word_plain", "ru", "kam_director", {"industry": "finance", "gap": True}),
    ("word_plain", "ru", "kam", {"industry": "agriculture"}),
    ("word_plain", "ru", "sales", {"industry": "retail", "b2c": True}),
    ("word_plain", "en", "senior_kam", {"industry": "advertising"}),
    ("word_plain", "en", "junior_kam", {"industry": "energy"}),
    ("word_plain", "en", "account_manager", {"industry": "finance"}),
    ("plain_txt", "ru", "kam_director", {"industry": "fmcg", "hh": True}),
    ("plain_txt", "ru", "kam", {"industry": "logistics", "hh": True, "encoding": "cp1251"}),
    ("plain_txt", "ru", "sales", {"industry": "manufacturing", "hh": True, "encoding": "cp1251"}),
    ("plain_txt", "ru", "other", {"industry": "finance", "stage": "dev"}),
    ("plain_txt", "ru", "account_manager", {"industry": "it", "hh": True, "encoding": "utf-16"}),
    ("plain_txt", "en", "senior_kam", {"industry": "telecom", "stated": True}),
    ("plain_txt", "en", "sales", {"industry": "finance"}),
    ("rtf", "ru", "senior_kam", {"industry": "energy"}),
    ("rtf", "ru", "kam", {"industry": "medical_devices"}),
    ("rtf", "ru", "other", {"industry": "logistics", "stage": "log"}),
    ("rtf", "en", "kam_director", {"industry": "automotive", "short_ka": True}),
    ("rtf", "en", "junior_kam", {"industry": "retail"}),
]
# hh.ru's real PDF export: a two-column table (period | job, section label | content), appended after
# PLAN with their own numbers (49+), rotation and hire draws, so that the CVs above keep their bytes
PLAN_TABLE = [
    ("hh_pdf_table", "ru", "kam_director", {"industry": "fmcg", "hh": True}),
    ("hh_pdf_table", "ru", "senior_kam", {"industry": "pharma", "hh": True}),
    ("hh_pdf_table", "ru", "kam", {"industry": "telecom", "hh": True, "overlap": True}),
    ("hh_pdf_table", "ru", "junior_kam", {"industry": "logistics", "hh": True}),
    ("hh_pdf_table", "ru", "account_manager", {"industry": "it", "hh": True}),
    ("hh_pdf_table", "ru", "sales", {"industry": "manufacturing", "hh": True}),
    ("hh_pdf_table", "ru", "kam_director", {"industry": "medical_devices", "hh": True}),
]
HH_LAYOUTS = ("hh", "hh_pdf_table")  # languages written the hh.ru way ("Английский — B2 — Средне-продвинутый")
FORMATS = {
    "hh_pdf_table": "pdf",
    "hh": "pdf",
    "two_column": "pdf",
    "linkedin": "pdf",
    "word_table": "docx",
    "word_plain": "docx",
    "plain_txt": "txt",
    "rtf": "rtf",
}
EXT = {"pdf": "pdf", "docx": "docx", "txt": "txt", "rtf": "rtf"}

# newest first: (stage, min months, max months, team) — team "big" 5+, "small" 3–5, "maybe" 40 % 2–4
CAREERS = {
    "kam_director": [
        ("director", 36, 66, "big"),
        ("teamlead", 24, 40, "small"),
        ("kam", 24, 36, None),
        ("sales", 12, 30, None),
    ],
    "senior_kam": [("senior", 30, 54, "maybe"), ("kam", 20, 36, None), ("sales", 12, 30, None)],
    "kam": [("kam", 24, 48, None), ("am", 14, 36, None)],
    "junior_kam": [("junior", 10, 24, None), ("sales", 12, 30, None)],
    "account_manager": [("am", 20, 48, None), ("sales_b2c", 12, 24, None)],
    "sales": [("sales", 18, 40, None), ("sales", 12, 30, None)],
}
ENGLISH = {
    "kam_director": ["C1", "B2", "C2"],
    "senior_kam": ["B2", "C1", "B1"],
    "kam": ["B1", "B2", "C1"],
    "junior_kam": ["A2", "B1", "B2"],
    "account_manager": ["A2", "B1"],
    "sales": ["A2", "B1"],
    "other": ["A2", "B1", "B2"],
}
HIRE = {
    "kam_director": [("hired", 45), ("offer", 35), ("interviewed", 20)],
    "senior_kam": [("offer", 45), ("interviewed", 40), ("hired", 15)],
    "kam": [("interviewed", 60), ("offer", 20), ("screened", 20)],
    "junior_kam": [("screened", 50), ("interviewed", 30), ("rejected", 20)],
    "account_manager": [("screened", 50), ("rejected", 40), ("interviewed", 10)],
    "sales": [("rejected", 55), ("screened", 40), ("interviewed", 5)],
    "other": [("rejected", 90), ("screened", 10)],
}
STYLE_CYCLE = {
    "ru": ["ru_gen", "ru_abbr", "ru_numeric", "ru_year_first", "ru_po", "ru_years"],
    "en": ["en_abbr", "en_full_to", "en_slash", "en_hyphen", "en_years"],
}


def hire_stage(persona: str, rng: random.Random) -> str:
    stages, weights = zip(*HIRE[persona], strict=True)
    return rng.choices(stages, weights=weights)[0]


def _doc_date(rng: random.Random) -> dt.date:
    month = rng.randrange(D.index((2024, 2)), D.index((2025, 10)) + 1)
    y, m = D.from_index(month)
    return dt.date(y, m, rng.randint(1, 28))


def _career(persona: str, opts: dict) -> list[tuple]:
    if persona == "other":
        return [(opts["stage"], 24, 60, None), (opts["stage"], 18, 36, None)]
    if opts.get("short_ka"):
        return [("director", 20, 26, "big"), ("sales", 36, 60, None), ("sales", 24, 30, None)]
    if opts.get("no_team"):
        return [("director", 40, 60, "none"), ("senior", 30, 40, None), ("kam", 24, 30, None)]
    if opts.get("b2c"):
        return [("sales_b2c", 18, 40, None), ("sales_b2c", 12, 30, None)]
    return CAREERS[persona]


def _team_line(lang: str, size: str, rng: random.Random, a: str, rot: Rotation) -> tuple[str | None, int | None]:
    if size == "none":
        return C.TEAM_NO_NUMBER[lang], None
    template, kind = rot.take(f"team:{lang}", C.TEAM[lang])
    if size != "big" and kind == "r10":
        template, kind = C.TEAM[lang][0]
    n = (
        rng.choice([6, 7, 8, 9, 10, 12, 15])
        if size == "big"
        else rng.choice([2, 3, 4] if size == "maybe" else [3, 4, 5])
    )
    if kind == "r10":
        return template, 10
    words = C.NUMBER_WORDS_RU if lang == "ru" else C.NUMBER_WORDS_EN
    return template.format(n=n, w=words[n], a=a), n


class Rotation:
    """Deterministic round-robin over word banks, so that a corpus uses every phrasing of a bank."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def take(self, key: str, bank: list):
        i = self.counts.get(key, 0)
        self.counts[key] = i + 1
        return bank[i % len(bank)]


def _language_line(layout: str, lang: str, iso: str, level: str, rng: random.Random, rot: Rotation) -> str:
    name = C.LANG_NAMES[lang][iso]
    if layout in HH_LAYOUTS:
        return f"{name} — Родной" if level == "native" else f"{name} — {level} — {C.HH_LEVELS[level]}"
    word = rot.take(f"{lang}:{level}", C.LEVEL_WORDS[lang][level])
    if layout == "linkedin":
        return f"{name} ({word})"
    forms = [f"{name} — {word}", f"{name}: {word}"] + (
        [f"{name} язык — {word}"] if lang == "ru" else [f"{name} ({word})"]
    )
    return rng.choice(forms)


def build(number: int, entry: tuple, seed: int, rot: Rotation | None = None) -> CVSpec:
    """Decide every fact of plan entry ``number`` (seeded by ``seed`` and ``number``)."""
    layout, lang, persona, opts = entry
    rng = random.Random(seed * 1000 + number)
    rot = rot or Rotation()
    doc = _doc_date(rng)
    hh_like = layout in HH_LAYOUTS or bool(opts.get("hh"))
    gender = rng.choice("mf")
    a = "" if gender == "m" else "а"
    style = (
        "hh_pdf"
        if layout == "hh_pdf_table"
        else "hh"
        if hh_like
        else "linkedin"
        if layout == "linkedin"
        else rot.take(f"style:{lang}", STYLE_CYCLE[lang])
    )
    mixed = not hh_like and layout != "linkedin" and number % 3 == 0  # oldest job written with years only
    old_style = ("ru_years" if lang == "ru" else "en_years") if mixed else style

    jobs, team_sizes = _jobs(persona, lang, opts, (doc.year, doc.month), rng, rot, a)
    if layout == "hh_pdf_table":
        _long_names(jobs)
    _write_periods(jobs, style, old_style, lang, (doc.year, doc.month), rot)
    kpis = _assign_kpis(persona, opts, rng)
    _place_kpis(jobs, kpis, lang, rng, a, rot)
    lang_specs = _languages(persona, layout, lang, opts, rng, rot)

    birth_year = jobs[-1].start[0] - rng.randint(21, 24)
    birth = dt.date(birth_year, rng.randint(1, 12), rng.randint(1, 28))
    names = C.NAMES[lang][gender]
    stage0 = _career(persona, opts)[0][0]
    desired = (
        jobs[0].title.replace(" (совместительство)", "")
        if persona != "kam_director"
        else rng.choice(C.TITLES["director"][lang])
    )
    skills = list(C.SKILLS_OTHER[stage0][lang]) if persona == "other" else rng.sample(C.SKILLS[lang], 5)
    if "crm_bi_tools" in kpis:
        skills += rng.sample(C.TOOLS, 3)
    fmt = FORMATS[layout]
    cv = CVSpec(
        id=f"{lang}_{layout}_{number:02d}",
        lang=lang,
        layout=layout,
        fmt=fmt,
        persona=persona,
        document_date=doc,
        date_source="hh_footer" if hh_like else ("mtime" if fmt == "txt" else "metadata"),
        name=names[number % len(names)],
        gender=gender,
        birth=birth,
        city=jobs[0].city,
        desired_title=desired,
        jobs=jobs,
        languages=lang_specs,
        skills=skills,
        team_size=max(team_sizes) if team_sizes else None,
        kpis=kpis,
        encoding=opts.get("encoding", "utf-8"),
        sidebar_side=opts.get("side", "left"),
    )
    cv.summary = list(C.SUMMARY[C.STAGE_ROLE.get(stage0, "other")][lang])
    _stated_total(cv, hh_like, opts, rng)
    _education_and_contacts(cv, number, birth_year + 22, rng)
    return cv


def _jobs(
    persona: str, lang: str, opts: dict, doc_m: D.Month, rng: random.Random, rot: Rotation, a: str
) -> tuple[list[JobSpec], list[int]]:
    """The career backwards from the document month: newest job first, each with duties and team line."""
    industry = opts["industry"]
    jobs: list[JobSpec] = []
    end: D.Month | None = None if rng.random() < 0.8 else D.add(doc_m, -rng.randint(1, 4))
    cursor = end or doc_m
    team_sizes: list[int] = []
    for k, (stage, lo, hi, team) in enumerate(_career(persona, opts)):
        months = rng.randint(lo, hi)
        start = D.add(cursor, -(months - 1))
        ind = industry if (k < 2 or rng.random() < 0.6) else rng.choice(sorted(C.COMPANIES))
        role = C.STAGE_ROLE[stage]
        title = rng.choice(C.TITLES[stage][lang])
        employer = rot.take(f"employer:{ind}", C.COMPANIES[ind])
        if opts.get("encoding") == "cp1251":
            employer = employer.replace("é", "e")
        if lang == "en":
            employer = C.COMPANIES_EN.get(employer, employer)
        job = JobSpec(
            start,
            end if k == 0 else cursor,
            title,
            employer,
            role,
            False,
            C.STAGE_B2B.get(stage, True),
            ind,
            rng.choice(C.CITIES[lang]),
        )
        job.lines = _duties(stage, role, lang, ind, rng)
        if team == "maybe" and rng.random() < 0.4:
            team = "maybe_yes"
        if team in ("big", "small", "maybe_yes", "none"):
            line, size = _team_line(lang, "maybe" if team == "maybe_yes" else team, rng, a, rot)
            job.lines.insert(1, line)
            job.management = True
            if size:
                team_sizes.append(size)
        if k == 0 and opts.get("tricky") == "kam_as_sales":
            job.title, job.lines = "Менеджер по продажам", list(C.TRICKY_KAM_AS_SALES)
        if k == 0 and opts.get("tricky") == "sales_as_kam":
            job.title, job.lines = "Key Account Manager", list(C.TRICKY_SALES_AS_KAM)
        job.industry_line = C.HH_INDUSTRY[ind]
        jobs.append(job)
        gap = 14 if (opts.get("gap") and k == 0) else rng.choice([0, 0, 1, 2])
        cursor = D.add(start, -(gap + 1))
    if opts.get("overlap"):
        jobs.insert(1, _parallel_job(jobs[0], lang, industry, doc_m, rng))
    return jobs, team_sizes


def _long_names(jobs: list[JobSpec]) -> None:
    """Names that wrap in hh.ru's PDF export: the second job's title, the third job's employer."""
    if len(jobs) > 1:
        jobs[1].title += C.HH_EXPORT_TITLE_TAIL
    if len(jobs) > 2:
        jobs[2].employer = f"Общество с ограниченной ответственностью «{jobs[2].employer}», филиал в г. {jobs[2].city}"


def _parallel_job(first: JobSpec, lang: str, industry: str, doc_m: D.Month, rng: random.Random) -> JobSpec:
    """A part-time sales job held at the same time as ``first`` (overlapping months count once)."""
    p_start = D.add(first.start, 6)
    p_end = D.add(p_start, rng.randint(9, 12))
    if D.index(p_end) > D.index(first.end or doc_m):
        p_end = D.add(first.end or doc_m, -1)
    suffix = " (совместительство)" if lang == "ru" else " (part-time)"
    title = rng.choice(C.TITLES["sales"][lang]) + suffix
    par = JobSpec(
        p_start,
        p_end,
        title,
        rng.choice(C.COMPANIES[industry]),
        "sales",
        False,
        True,
        industry,
        rng.choice(C.CITIES[lang]),
        _duties("sales", "sales", lang, industry, rng),
    )
    if lang == "en":
        par.employer = C.COMPANIES_EN.get(par.employer, par.employer)
    par.industry_line = C.HH_INDUSTRY[industry]
    return par


def _write_periods(jobs: list[JobSpec], style: str, old_style: str, lang: str, doc_m: D.Month, rot: Rotation) -> None:
    """Periods and durations as written; year-only styles move the facts to whole years."""
    for k, job in enumerate(jobs):
        jstyle = old_style if k == len(jobs) - 1 else style
        if jstyle in D.YEAR_ONLY_STYLES:
            job.start, job.end = D.snap_year_only(job.start, job.end, doc_m)
        variant = rot.take(f"present:{jstyle}", [0, 1, 2]) if job.end is None else 0
        job.period_text = D.period(jstyle, job.start, job.end, variant=variant)
        months = D.inclusive_months(job.start, job.end or doc_m)
        job.duration_text = D.duration_ru(months) if lang == "ru" else D.duration_en(months)


def _languages(
    persona: str, layout: str, lang: str, opts: dict, rng: random.Random, rot: Rotation
) -> list[LanguageSpec]:
    english = opts.get("english") or rot.take(f"english:{persona}", ENGLISH[persona])
    languages: list[tuple[str, str]]
    if lang == "ru":
        languages = [("ru", "native"), ("en", english)]
    elif rng.random() < 0.5 and persona != "other":
        languages = [("en", "native")]
    else:
        languages = [("en", english), ("ru", "native")]
    if opts.get("third"):
        languages.append(tuple(opts["third"].split(":")))
    elif rng.random() < 0.35:
        third = rng.choice(["de", "fr", "zh", "es", "it"])
        languages.append((third, rng.choice(["A1", "A2", "B1"] if layout in HH_LAYOUTS else ["A2", "B1"])))
    return [LanguageSpec(iso, lvl, _language_line(layout, lang, iso, lvl, rng, rot)) for iso, lvl in languages]


def _stated_total(cv: CVSpec, hh_like: bool, opts: dict, rng: random.Random) -> None:
    """hh.ru total ("Опыт работы 8 лет 3 месяца") and footer, or an English "13+ years of experience"."""
    doc = cv.document_date
    total = _union_months(cv.jobs, (doc.year, doc.month))
    if hh_like:
        stated_months = total + (27 if opts.get("mismatch") else 0)
        cv.stated_text = f"Опыт работы {D.duration_ru(stated_months)}"
        cv.stated_years = round(stated_months / 12, 2)
        cv.footer = (
            f"Резюме обновлено {doc.day} {D.RU_GEN[doc.month - 1]} {doc.year} в "
            f"{rng.randint(8, 22)}:{rng.randint(0, 59):02d}"
            if rng.random() < 0.6 or cv.layout == "hh_pdf_table"
            else f"Резюме от {doc:%d.%m.%Y}"
        )  # hh.ru's PDF export says "обновлено"
    elif opts.get("stated"):
        years = total // 12
        cv.stated_text = f"{years}+ years of experience in B2B sales and key account management."
        cv.stated_years = float(years)
        cv.summary.insert(0, cv.stated_text)


def _education_and_contacts(cv: CVSpec, number: int, grad: int, rng: random.Random) -> None:
    inst, detail = rng.choice(C.EDUCATION[cv.lang])
    cv.education = [(str(grad), inst, detail)]
    if rng.random() < 0.3:
        inst2, detail2 = rng.choice([e for e in C.EDUCATION[cv.lang] if e[0] != inst])
        cv.education.append((str(grad + 2), inst2, detail2))
    digits = f"{number:02d}"
    cv.contacts = [
        f"+7 (916) 555-{digits}-{(number * 7) % 100:02d}" if cv.lang == "ru" else f"+44 20 7946 0{digits}",
        f"candidate{digits}@example.com",
    ]
    if cv.layout == "linkedin":
        cv.contacts.append(f"www.linkedin.com/in/candidate-{digits}")


def _union_months(jobs: list[JobSpec], doc_m: D.Month) -> int:
    months: set[int] = set()
    for j in jobs:
        months.update(range(D.index(j.start), D.index(j.end or doc_m) + 1))
    return len(months)


def _duties(stage: str, role: str, lang: str, ind: str, rng: random.Random) -> list[str]:
    fill = {
        "n": rng.choice([3, 4, 5, 6, 8, 12]),
        "accounts": C.ACCOUNTS[ind][0 if lang == "ru" else 1],
        "c": rng.choice([40, 50, 60, 80]),
        "b": rng.choice([60, 90, 120, 150]),
        "d": rng.choice([10, 15, 20]),
    }
    if role == "key_account":
        lines = [C.DUTIES["key_account"][lang][0].format(**fill), *rng.sample(C.DUTIES["key_account"][lang][1:], 3)]
        if stage == "director":
            lines += rng.sample(C.DUTIES["director"][lang], 2)
        return lines
    key = {"sales": "sales", "sales_b2c": "sales_b2c", "am": "account_management"}.get(stage, stage)
    bank = C.DUTIES[key][lang]
    return [line.format(**fill) for line in rng.sample(bank, min(3, len(bank)))]


def _assign_kpis(persona: str, opts: dict, rng: random.Random) -> set[str]:
    pick = lambda bank, lo, hi: set(rng.sample(bank, rng.randint(lo, hi)))  # noqa: E731
    if persona == "other":
        return set()
    if opts.get("tricky") == "kam_as_sales":
        return {"pnl", "retention"}
    if opts.get("tricky") == "sales_as_kam":
        return {"crm_bi_tools"}
    kpis = {
        "kam_director": lambda: pick(C.PORTFOLIO_KPIS, 2, 3) | pick(C.OTHER_KPIS, 2, 3),
        "senior_kam": lambda: pick(C.PORTFOLIO_KPIS, 1, 2) | pick(C.OTHER_KPIS, 1, 2),
        "kam": lambda: pick(C.PORTFOLIO_KPIS, 1, 2) | pick(C.OTHER_KPIS, 0, 2),
        "junior_kam": lambda: pick(C.PORTFOLIO_KPIS, 0, 1) | pick(("upsell_cross_sell",), 0, 1),
        "account_manager": lambda: pick(("retention", "nps"), 0, 1),
        "sales": lambda: pick(("revenue_growth",), 0, 1),
    }[persona]()
    if rng.random() < {"kam_director": 0.7, "sales": 0.6}.get(persona, 0.5):
        kpis.add("crm_bi_tools")
    return kpis


def _place_kpis(jobs: list[JobSpec], kpis: set[str], lang: str, rng: random.Random, a: str, rot: Rotation) -> None:
    """Write each KPI kind once, as "Результаты: ..." lines in the newest jobs (most on the first)."""
    kinds = [k for k in C.KPI if k in kpis] + (
        ["sales_growth"] if "revenue_growth" in kpis and not any(j.role == "key_account" for j in jobs) else []
    )
    if "sales_growth" in kinds:
        kinds.remove("revenue_growth")
    if not kinds:
        return
    rng.shuffle(kinds)
    split = max(1, (len(kinds) * 2 + 2) // 3)
    groups = [kinds[:split], kinds[split:]]
    targets = [j for j in jobs if "(совместительство)" not in j.title and "(part-time)" not in j.title]
    for job, group in zip(targets, groups, strict=False):
        if not group:
            continue
        phrases = [C.SALES_GROWTH[lang] if k == "sales_growth" else _kpi_phrase(k, job, lang, a, rot) for k in group]
        job.lines.append(C.KPI_LEAD[lang] + "; ".join(phrases))


def _kpi_phrase(kind: str, job: JobSpec, lang: str, a: str, rot: Rotation) -> str:
    """A phrase of ``kind``; outside key-account jobs, one that does not say "key account"."""
    bank = C.KPI[kind][lang]
    if job.role != "key_account":
        bank = [p for p in bank if not re.search(r"ключев|key", p, re.I)] or bank
    return rot.take(f"kpi:{kind}:{lang}:{job.role}", bank).format(a=a)
