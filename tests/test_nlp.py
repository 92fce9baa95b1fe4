"""NLP stage: cached pipelines, pymorphy3 lemmas, CV clauses and lexicon matchers."""

from __future__ import annotations

import time

import pytest

from kamscreen import lexicons
from kamscreen.nlp import clause_of, get_nlp, make_doc
from kamscreen.nlp.matcher import find, load_matcher
from kamscreen.nlp.morph import lemma_of
from kamscreen.nlp.phrase_syntax import token_pattern
from kamscreen.nlp.rules import RuleSet


@pytest.fixture(scope="module")
def ru():
    return get_nlp("ru")


def test_pipelines_are_built_once_and_mixed_uses_russian(ru):
    assert get_nlp("ru") is ru
    assert get_nlp("mixed") is ru
    assert get_nlp("en") is not ru and get_nlp("en").lang == "en"
    assert ru.pipe_names == ["kamscreen_lemmatizer", "kamscreen_clauses"]
    assert make_doc("Руководил командой", "mixed").lang_ == "ru"


@pytest.mark.parametrize(
    "form, lemma",
    [
        ("командой", "команда"),
        ("команды", "команда"),
        ("английским", "английский"),
        ("пятью", "пять"),
        ("двенадцати", "двенадцать"),
        ("подчинённых", "подчиненный"),  # ё folded
        ("KAMs", "kams"),
        ("Salesforce", "salesforce"),
        ("1С", "1с"),
    ],
)
def test_lemmas(form, lemma):
    assert lemma_of(form) == lemma
    assert [t.lemma_ for t in make_doc(form, "ru")] == [lemma]


def test_english_pipeline_lemmatizes_cyrillic_too():
    doc = make_doc("Led a team; руководил командой", "en")
    assert [t.lemma_ for t in doc if t.is_alpha] == ["led", "a", "team", "руководить", "команда"]


def test_clauses_follow_lines_bullets_and_wrapped_lines():
    text = (
        "Руководил отделом продаж; в подчинении 12 менеджеров.\n"
        "• Рост выручки на 25 %\n"
        "Led a team of\n8 KAMs across\nthree regions\n\n"
        "Команда 8 чел. Далее"
    )
    doc = make_doc(text, "ru")
    clauses = [s.text.strip() for s in doc.sents]
    assert "Руководил отделом продаж;" in clauses
    assert "в подчинении 12 менеджеров." in clauses
    assert "Led a team of\n8 KAMs across\nthree regions" in clauses  # a PDF wrap is not a break
    assert "Команда 8 чел." in clauses and "Далее" in clauses
    span = clause_of(doc, 2)  # the trimmed clause of token 2 ("продаж")
    assert span.text == "Руководил отделом продаж"
    assert text[span.start_char : span.end_char] == span.text


def test_brackets_glued_to_words_are_split():
    assert [t.text for t in make_doc("языку(Upper-Intermediate)", "ru")][:3] == ["языку", "(", "Upper"]


def test_phrase_matcher_on_lemmas(ru):
    matcher = load_matcher(ru, {"TEAM": ["руководить команда", "team of"]})
    doc = make_doc("Руководил командой из 7 человек, then a team of 8", "ru")
    assert [span.text for _, span in find(matcher, doc)] == ["Руководил командой", "team of"]


def test_token_pattern_marks(ru):
    assert token_pattern(ru, "стратегическ*") == [{"LOWER": {"REGEX": "^стратегическ"}}]
    assert token_pattern(ru, "# звонков")[1] == {"LEMMA": "звонок"}
    assert token_pattern(ru, "up-sell*")[:2] == [{"LOWER": "up"}, {"LOWER": "-"}]


def test_lexicon_matcher_all_phrase_kinds(ru):
    matcher = load_matcher(
        ru,
        {
            "X": ["рост выручки", "стратегическ*", "key account*", "# звонков", "холодн* звон*"],
        },
    )
    text = "Рост выручки; стратегическое планирование; key accounts; 40 звонков; холодные звонки"
    hits = [span.text for _, span in find(matcher, make_doc(text, "ru"))]
    assert hits == ["Рост выручки", "стратегическое", "key accounts", "40 звонков", "холодные звонки"]


def test_ruleset_requires_and_excludes(ru):
    rules = RuleSet(ru, {"growth": [{"phrases": ["увеличить"], "requires": ["продажа"], "excludes": ["штат"]}]})
    found = lambda text: [(label, span.text) for label, span in rules.find(make_doc(text, "ru"))]  # noqa: E731
    assert found("Увеличил объём продаж на 25 %") == [("growth", "Увеличил")]
    assert found("Увеличил продажи; штат вырос") == [("growth", "Увеличил")]  # штат is another clause
    assert found("Увеличил штат отдела продаж") == []
    assert found("Увеличил число встреч, продажи стабильны") == []  # a comma parts them


def test_every_lexicon_loads_and_compiles(ru):
    for name in ("team.yaml", "languages.yaml", "kpis.yaml", "signals.yaml"):
        assert lexicons.load(name), name
    from kamscreen.extract import kpis, signals, team

    doc = make_doc("x", "ru")
    assert team.find_team_size(doc).reason == "not stated"
    assert kpis.find_kpis(doc) == () and signals.find_signals(doc) == ()


def test_empty_and_odd_text():
    for text in ("", " ", "\n\n\n", "•", "—" * 50, "\x00\ufeff"):
        doc = make_doc(text, "ru")
        assert doc.text == text
        list(doc.sents)


@pytest.mark.timing
def test_make_doc_costs_little_more_than_the_tokenizer():
    text = (
        "Руководил отделом по работе с ключевыми клиентами (12 KAM), рост выручки +25 %. "
        "Managed key accounts, negotiated with C-level, NPS from 5 to 9.\n"
    ) * 30  # ~2 pages
    nlp = get_nlp("ru")
    make_doc(text, "ru")  # warm the lemma cache

    def best(fn, n=7):
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    assert best(lambda: make_doc(text, "ru")) < 3 * best(lambda: nlp.make_doc(text)) + 0.005


@pytest.mark.timing
def test_all_extractors_on_a_two_page_cv_stay_within_budget():
    from kamscreen.extract import kpis, languages, signals, team
    from kamscreen.parse.model import ParsedCV

    text = (
        "Key Account Manager, ООО Ромашка. Руководил отделом по работе с ключевыми клиентами "
        "(12 KAM), рост выручки +25 %, удержание клиентов 95 %, переговоры с ЛПР сетей.\n"
        "• Managed a portfolio of 120 accounts; NPS from 5 to 9; Salesforce, Power BI.\n"
        "Английский — B2 — Средне-продвинутый\n"
    ) * 25  # ~6,000 characters
    parsed = ParsedCV("cv.txt", "ok", text)

    def run():
        doc = make_doc(text, "ru")
        return (
            team.find_team_size(doc),
            languages.find_languages(parsed, doc),
            kpis.find_kpis(doc),
            signals.find_signals(doc),
        )

    found = run()  # warm caches
    assert found[0].value == 12 and found[1][0].level == "B2" and found[2] and found[3]
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    assert min(times) < 0.040, f"make_doc + extractors took {min(times) * 1000:.1f} ms"


@pytest.mark.parametrize(
    "name, lang, extra",
    [
        ("ru_plain_txt_37.txt", "ru", "\nХолодные звонки и холодный обзвон; выставление счетов, 40 звонков, +25 %"),
        (
            "en_plain_txt_42.txt",
            "en",
            "\nCold calls to small and medium business, 12 key accounts, negotiated with +25 %",
        ),
    ],
)
def test_token_sequences_find_what_spacy_matcher_finds(name, lang, extra):
    """The numpy pattern matcher behind LexiconMatcher returns exactly spaCy Matcher's hits."""
    from pathlib import Path

    from spacy.matcher import Matcher

    from kamscreen.nlp.sequences import TokenSequences

    text = (Path(__file__).parents[1] / "data" / "fixtures" / "cvs" / name).read_text(encoding="utf-8") + extra
    nlp = get_nlp(lang)
    doc = make_doc(text, lang)
    phrases = [
        "холодн* звонок",
        "холодн* обзвон",
        "выставлени* счет*",
        "мал* и средн* бизнес",
        "# звонков",
        "+# %",
        "cold call*",
        "small and medium business",
        "# key account*",
        "negotiat* with",
        "клиент",
        "account",
        "key account*",
    ]
    spacy_matcher, ours = Matcher(nlp.vocab), TokenSequences(nlp.vocab)
    for n, phrase in enumerate(phrases):
        spacy_matcher.add(f"p{n}", [token_pattern(nlp, phrase)])
        ours.add(f"p{n}", [token_pattern(nlp, phrase)])
    expected = sorted(set(spacy_matcher(doc)))
    assert len(expected) >= 4
    assert sorted(set(ours(doc))) == expected


@pytest.mark.parametrize("name, lang", [("en_plain_txt_43.txt", "en"), ("ru_plain_txt_40.txt", "ru")])
def test_warmed_tokenizer_cache_changes_no_token(name, lang):
    """make_doc pre-caches chunks in spaCy's tokenizer; tokens must equal a fresh tokenizer's."""
    from pathlib import Path

    import spacy
    from spacy.util import compile_infix_regex

    from kamscreen.nlp import EXTRA_INFIXES

    text = (Path(__file__).parents[1] / "data" / "fixtures" / "cvs" / name).read_text(encoding="utf-8")
    text += "\nI don't know, e.g. 9 a.m. (KAMs), it's «ok»: B2B/B2C — 5-person team; отделом(5 KAM)"
    fresh = spacy.blank(lang)
    fresh.tokenizer.infix_finditer = compile_infix_regex([*fresh.Defaults.infixes, *EXTRA_INFIXES]).finditer
    expected = [(t.text, t.whitespace_, t.norm_) for t in fresh.tokenizer(text)]
    for _ in range(2):  # cold, then from the cache
        assert [(t.text, t.whitespace_, t.norm_) for t in make_doc(text, lang)] == expected


def test_gap_token_spans_up_to_two_words_in_one_clause():
    from kamscreen.nlp import get_nlp, make_doc
    from kamscreen.nlp.rules import RuleSet

    en = RuleSet(get_nlp("en"), {"k": [{"phrases": ["key ~ client*"]}]})

    def hits(rules, text, lang):
        return [s.text for _, s in rules.find(make_doc(text, lang))]

    assert hits(en, "Managed 3 key banking clients", "en") == ["key banking clients"]
    assert hits(en, "key clients", "en") == ["key clients"]
    assert hits(en, "the key large enterprise banking clients", "en") == []  # three words: too far
    assert hits(en, "key accounts and new clients", "en") == []  # "and" joins two phrases
    assert hits(en, "key.\nClients", "en") == []  # another clause
    ru = RuleSet(get_nlp("ru"), {"k": [{"phrases": ["ключевой ~ клиент"]}]})
    assert hits(ru, "Работа с ключевыми федеральными клиентами", "ru") == ["ключевыми федеральными клиентами"]
    assert hits(ru, "ключевых и новых клиентов", "ru") == []
