"""Fairness: name, gender, age, birth date, photo, marital status and nationality never move a score.

Counterfactual pairs (the same CV with only those changed) must get exactly the same checklist
score and fit probability; a feature named after a protected attribute is refused.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from kamscreen.extract.model import Evidence, Experience, Facts, Job, Kpi, LanguageSkill, TeamSize
from kamscreen.score import ProtectedFeatureError, load_model, rank, score
from kamscreen.score.features import NUMERIC_FEATURES, frame, job_text, status_columns
from kamscreen.score.fitting import build_pipeline, fit_model
from kamscreen.score.protected import check_feature_names

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"

PERSONAL_A = "Мужчина, 38 лет, родился 12 марта 1987. Женат, двое детей. Гражданство: Россия."
PERSONAL_B = "Женщина, 51 год, родилась 3 мая 1974. Не замужем. Гражданство: Казахстан."
DUTIES = (
    "Key Account Manager. Ведение федеральных сетей, стратегическое партнерство, переговоры с ЛПР. "
    "Рост выручки портфеля на 25%, удержание ключевых клиентов."
)
WORDS = "ключевые клиенты федеральные сети холодные звонки план продаж маржинальность воронка".split()


def candidate(personal: str, file: str, seed: int = 0, ka: float = 6.0) -> Facts:
    """A candidate whose job description carries ``personal`` (as careless CVs do) before the duties."""
    rnd = random.Random(seed)
    text = personal + "\n" + " ".join(rnd.choices(WORDS, k=10)) + "\n" + DUTIES
    desc = Evidence.of(text, 0, len(text))
    start = text.index("Key Account")
    job = Job(
        "2016-01",
        None,
        True,
        "KAM",
        None,
        role="key_account" if ka else "sales",
        b2b=True,
        industry="fmcg",
        evidence=Evidence.of(text, start, start + 19),
        description=desc,
    )
    return Facts(
        file=file,
        status="ok",
        language="ru",
        as_of="2025-09-01",
        jobs=(job,),
        experience=Experience(total_years=9.7, b2b_years=9.7, key_account_years=ka),
        team_size=TeamSize(rnd.choice([None, 4, 8]), desc),
        languages=(LanguageSkill("en", rnd.choice(["B1", "B2", "C1"]), desc),),
        kpis=(Kpi("revenue_growth", "25%", desc),) if rnd.random() < 0.7 else (),
    )


@pytest.fixture(scope="module")
def model():
    rnd = random.Random(7)
    people = [
        candidate(rnd.choice([PERSONAL_A, PERSONAL_B]), f"cv{i}.txt", seed=i, ka=rnd.choice([0.0, 2.0, 6.0, 9.0]))
        for i in range(40)
    ]
    assessments = [score(f) for f in people]
    y = [int(a.checklist.score >= 50) for a in assessments]
    return fit_model(assessments, y, seed=0)


def test_protected_text_never_reaches_the_features():
    text = job_text(score(candidate(PERSONAL_A, "a.txt")))
    assert text == job_text(score(candidate(PERSONAL_B, "b.txt")))
    for word in (
        "мужчина",
        "женщина",
        "женат",
        "замужем",
        "гражданство",
        "россия",
        "казахстан",
        "родиться",
        "1987",
        "38",
        "лет",
        "год",
    ):
        assert word not in text.split()
    assert "ключевой" in text.split()  # the duties stay


@pytest.mark.parametrize("seed", range(6))
def test_counterfactual_facts_get_the_same_score_and_fit(model, seed):
    a = score(candidate(PERSONAL_A, "ivan_petrov.txt", seed))
    b = score(candidate(PERSONAL_B, "anna_smirnova.txt", seed))
    assert (a.checklist.score, a.checklist.verdict) == (b.checklist.score, b.checklist.verdict)
    assert [(c.id, c.status, c.value) for c in a.checklist.criteria] == [
        (c.id, c.status, c.value) for c in b.checklist.criteria
    ]  # evidence offsets may shift
    pa, pb = model.predict_proba([a, b])
    assert pa == pb
    assert [r.text for r in rank([a], model)[0].fit.reasons] == [r.text for r in rank([b], model)[0].fit.reasons]


def _pairs_from_fixtures():
    """The corpus' counterfactual pairs (data/fixtures/special/manifest.json), when generated."""
    manifest = FIXTURES / "special" / "manifest.json"
    if not manifest.is_file():
        return []
    pairs = json.loads(manifest.read_text(encoding="utf-8")).get("counterfactual_pairs", [])
    return [(FIXTURES / "special" / p["a"], FIXTURES / "special" / p["b"], p["truth"]["document_date"]) for p in pairs]


def _written_pair(tmp_path: Path):
    body = (
        "Опыт работы — 10 лет 2 месяца\n"
        "Январь 2015 — по настоящее время\nООО «Сеть Плюс»\nДиректор по работе с ключевыми клиентами\n"
        "Руководил командой из 8 менеджеров. Ведение федеральных сетей, рост выручки на 30%, NPS с 5 до 9.\n"
        "Июль 2010 — Декабрь 2014\nАО «Дистрибуция»\nKey Account Manager\n"
        "Работа с ключевыми клиентами, удержание портфеля, переговоры с первыми лицами.\n"
        "Знание языков\nРусский — Родной\nАнглийский — C1 — Продвинутый\n"
    )
    heads = (
        "Иван Петров\nМужчина, 38 лет, родился 12 марта 1987\nГражданство: Россия\nЖенат\n[фото]\n\n",
        "Гульнара Ахмедова\nЖенщина, 52 года, родилась 30 ноября 1972\nГражданство: Узбекистан\n"
        "Не замужем, есть дети\n\n",
    )
    paths = []
    for name, head in zip(("cf_a.txt", "cf_b.txt"), heads, strict=True):
        path = tmp_path / name
        path.write_text(head + body, encoding="utf-8")
        paths.append(path)
    return [(*paths, "2025-09-01")]


def test_counterfactual_cvs_end_to_end(tmp_path, model):
    from kamscreen.extract import extract
    from kamscreen.parse import parse

    pairs = _pairs_from_fixtures() + _written_pair(tmp_path)
    for path_a, path_b, present in pairs:
        as_of = dt.date.fromisoformat(present)
        a, b = (score(extract(parse(p, as_of=as_of), as_of=as_of)) for p in (path_a, path_b))
        assert a.facts.status == b.facts.status == "ok", (path_a, a.facts.error)
        assert a.facts.jobs and a.checklist.score > 0, path_a.name
        assert a.checklist.score == b.checklist.score, (path_a.name, a.checklist, b.checklist)
        assert [c.status for c in a.checklist.criteria] == [c.status for c in b.checklist.criteria]
        for fit in (model, load_model("default")):
            pa, pb = fit.predict_proba([a, b])
            assert pa == pb, path_a.name


def test_protected_feature_names_are_refused():
    check_feature_names(list(NUMERIC_FEATURES))
    for bad in (
        "age",
        "gender",
        "birth_date",
        "marital_status",
        "nationality",
        "photo",
        "name",
        "text__женат",
        "text__гражданство",
        "citizenship_ru",
    ):
        with pytest.raises(ProtectedFeatureError):
            check_feature_names(["key_account_years", bad])
    with pytest.raises(ProtectedFeatureError):
        status_columns(["key_account_years", "age"])  # a profile criterion named after one
    with pytest.raises(ProtectedFeatureError):
        build_pipeline(["gender"])


def test_features_come_only_from_the_allow_list(model):
    df = frame([score(candidate(PERSONAL_A, "a.txt"))], model.criterion_ids)
    assert list(df.columns) == list(NUMERIC_FEATURES) + status_columns(model.criterion_ids) + ["text"]
    names = model.feature_names()
    check_feature_names(names)
    assert all(n.startswith(("num__", "text__")) for n in names)
