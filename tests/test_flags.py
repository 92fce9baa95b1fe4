"""Red and green flags, each with a plain message and evidence pointing into the CV text."""

from __future__ import annotations

from kamscreen.extract.model import Evidence, Experience, Facts, IndustryYears, Job, Kpi
from kamscreen.score import score
from kamscreen.score.flags import find_flags

TEXT = (
    "2010-01 — 2010-12 Менеджер по продажам, Альфа\n"
    "2011-01 — 2011-10 Менеджер по продажам, Бета\n"
    "2013-03 — 2013-12 Sales manager, Gamma\n"
    "Отвечал за P&L направления. Переговоры с первыми лицами сетей. Рост выручки на 30%.\n"
    "Опыт работы 15 лет\n"
)


def ev(fragment: str) -> Evidence:
    start = TEXT.index(fragment)
    return Evidence.of(TEXT, start, start + len(fragment))


def job(start, end, fragment, role="sales", industry="fmcg"):
    return Job(start, end, end is None, fragment, None, role=role, industry=industry, evidence=ev(fragment))


SALES_JOBS = (
    job("2010-01", "2010-12", "2010-01 — 2010-12"),
    job("2011-01", "2011-10", "2011-01 — 2011-10"),
    job("2013-03", "2013-12", "2013-03 — 2013-12"),
)


def facts(**changes) -> Facts:
    base = dict(
        file="cv.txt",
        status="ok",
        language="ru",
        as_of="2014-01-01",
        jobs=SALES_JOBS,
        experience=Experience(
            total_years=2.8,
            key_account_years=0.0,
            stated_total_years=15.0,
            stated_evidence=ev("Опыт работы 15 лет"),
            stated_mismatch=True,
        ),
        industries=(IndustryYears("fmcg", 2.8),),
        industry="fmcg",
    )
    base.update(changes)
    return Facts(**base)


def kinds(flags, severity):
    return {f.kind: f for f in flags if f.severity == severity}


def points_into_text(flag) -> bool:
    return bool(flag.evidence) and all(TEXT[e.start : e.end] == e.text for e in flag.evidence)


def test_red_flags_with_evidence():
    red = kinds(find_flags(facts()), "red")
    assert set(red) == {"sales_without_key_account", "short_tenure", "gap", "stated_mismatch"}
    assert "most common hiring mistake" in red["sales_without_key_account"].message
    assert len(red["sales_without_key_account"].evidence) == 3
    assert "0.9 years per job" in red["short_tenure"].message
    assert "16 months" in red["gap"].message  # 2011-10 → 2013-03
    assert [e.text for e in red["gap"].evidence] == ["2011-01 — 2011-10", "2013-03 — 2013-12"]
    assert red["stated_mismatch"].evidence[0].text == "Опыт работы 15 лет"
    assert all(points_into_text(f) for f in red.values())


def test_no_red_flags_for_a_steady_key_account_career():
    steady = (
        job("2010-01", "2014-12", "2010-01 — 2010-12", role="key_account"),
        job("2015-01", "2019-12", "2011-01 — 2011-10", role="key_account"),
        job("2020-06", None, "2013-03 — 2013-12", role="sales"),
    )
    found = find_flags(
        facts(jobs=steady, as_of="2025-01-01", experience=Experience(total_years=14.6, key_account_years=10.0))
    )
    assert not kinds(found, "red")  # a 5-month break is no gap; key-account years clear the sales flag


def test_gap_and_tenure_thresholds():
    two_jobs = (job("2010-01", "2010-06", "2010-01 — 2010-12"), job("2011-07", "2012-01", "2011-01 — 2011-10"))
    red = kinds(find_flags(facts(jobs=two_jobs)), "red")
    assert "short_tenure" not in red  # fewer than 3 jobs
    assert "gap" not in red  # exactly 12 months is not more than 12
    overlapping = (
        job("2010-01", "2015-01", "2010-01 — 2010-12"),
        job("2012-01", "2013-01", "2011-01 — 2011-10"),
        job("2015-02", "2016-01", "2013-03 — 2013-12"),
    )
    assert "gap" not in kinds(find_flags(facts(jobs=overlapping)), "red")


def test_green_flags_with_evidence():
    green_facts = facts(
        kpis=(
            Kpi("pnl", None, ev("Отвечал за P&L направления")),
            Kpi("revenue_growth", "30%", ev("Рост выручки на 30%")),
            Kpi("c_level_negotiation", None, ev("Переговоры с первыми лицами сетей")),
        )
    )
    green = kinds(find_flags(green_facts, industry="fmcg"), "green")
    assert set(green) == {"pnl", "c_level_negotiation", "kpi_numbers", "industry_match"}
    assert "30%" in green["kpi_numbers"].message
    assert "2.8 years in fmcg" in green["industry_match"].message
    assert all(points_into_text(f) for f in green.values())
    assert "industry_match" not in kinds(find_flags(green_facts, industry="pharma"), "green")
    assert "industry_match" not in kinds(find_flags(green_facts), "green")


def test_unreadable_files_get_one_flag():
    ocr = score(Facts(file="scan.pdf", status="needs_ocr", language="ru", as_of="2025-01-01"))
    assert [f.kind for f in ocr.flags] == ["needs_ocr"]
    broken = score(
        Facts(
            file="x.pdf",
            status="error",
            language="ru",
            as_of="2025-01-01",
            error={"code": "corrupt", "message": "x.pdf: not a PDF"},
        )
    )
    assert [f.kind for f in broken.flags] == ["parse_error"] and "not a PDF" in broken.flags[0].message
    assert broken.checklist.verdict == "no_data" and broken.checklist.score == 0.0
