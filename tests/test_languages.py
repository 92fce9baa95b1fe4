"""Languages: ISO code + CEFR level from hh.ru lines, level words, codes and certificates."""
from __future__ import annotations

import pytest

from kamscreen.extract.languages import find_languages
from kamscreen.nlp import make_doc
from kamscreen.parse.model import ParsedCV, Section


def languages(text: str, lang: str = "ru", section: bool = False) -> dict[str, str | None]:
    sections = (Section("languages", 0, len(text), "Languages"),) if section else ()
    found = find_languages(ParsedCV("cv.txt", "ok", text, sections, language=lang), make_doc(text, lang))
    for skill in found:
        assert skill.evidence.text == text[skill.evidence.start:skill.evidence.end]
        assert skill.evidence.text.strip()
    assert len({s.language for s in found}) == len(found)  # one entry per language
    return {s.language: s.level for s in found}


def test_hh_language_block():
    text = "Знание языков\nРусский — Родной\nАнглийский — B2 — Средне-продвинутый\nНемецкий — A1 — Начальный"
    found = find_languages(ParsedCV("cv.txt", "ok", text), make_doc(text, "ru"))
    assert [(s.language, s.level) for s in found] == [("ru", "native"), ("en", "B2"), ("de", "A1")]
    assert found[1].evidence.text == "Английский — B2 — Средне-продвинутый"


@pytest.mark.parametrize("text, code, level", [
    # Russian level words, the name in any case (lemma)
    ("Свободный английский", "en", "C1"),
    ("Английский — свободно", "en", "C1"),
    ("Продвинутый английский", "en", "C1"),
    ("Английский язык: выше среднего", "en", "B2"),
    ("Английский средний", "en", "B1"),
    ("Английский среднего уровня", "en", "B1"),
    ("Владею разговорным английским", "en", "B1"),
    ("Базовый немецкий", "de", "A2"),
    ("Французский — начальный", "fr", "A2"),  # no code: начальный → A2
    ("Технический английский", "en", "A2"),
    ("Английский: читаю профессиональную литературу", "en", "A2"),
    ("Английский — читаю и перевожу со словарём", "en", "A2"),
    ("Английский в совершенстве", "en", "C2"),
    ("Английский — могу проходить интервью", "en", "B2"),
    ("Родной язык: русский", "ru", "native"),
    ("Знание английского языка (Upper-Intermediate)", "en", "B2"),
    ("английский — В2", "en", "B2"),  # Cyrillic В
    # English words
    ("Fluent English", "en", "C1"),
    ("German: advanced", "de", "C1"),
    ("English – Upper-Intermediate", "en", "B2"),
    ("Spanish (intermediate)", "es", "B1"),
    ("French – Pre-Intermediate", "fr", "A2"),
    ("Italian: elementary", "it", "A2"),
    ("Basic Japanese", "ja", "A2"),
    ("Beginner Spanish", "es", "A1"),
    ("Proficient in English", "en", "C2"),
    ("Russian – mother tongue", "ru", "native"),
    ("Bilingual English", "en", "native"),
    ("Native Russian speaker", "ru", "native"),
    # LinkedIn proficiency scale
    ("English: Native or Bilingual Proficiency", "en", "native"),
    ("English: Full Professional Proficiency", "en", "C1"),
    ("English: Professional Working Proficiency", "en", "B2"),
    ("English: Limited Working Proficiency", "en", "B1"),
    ("English: Elementary Proficiency", "en", "A2"),
    # codes and certificates
    ("English C1", "en", "C1"),
    ("IELTS 8.5", "en", "C2"),
    ("IELTS 7,5", "en", "C1"),
    ("IELTS 6.0", "en", "B2"),
    ("IELTS 4.5", "en", "B1"),
    ("TOEFL iBT 115", "en", "C2"),
    ("TOEFL iBT 100", "en", "C1"),
    ("TOEFL 80", "en", "B2"),
    ("TOEFL iBT 50", "en", "B1"),
    ("Cambridge FCE", "en", "B2"),
    ("CAE certificate", "en", "C1"),
    ("CPE (2019)", "en", "C2"),
    ("BEC Preliminary", "en", "B1"),
    ("BEC Vantage", "en", "B2"),
    ("BEC Higher", "en", "C1"),
    ("DELF B2", "fr", "B2"),
])
def test_level_phrasings(text, code, level):
    assert languages(text, "en" if text.isascii() else "ru")[code] == level


def test_several_languages_on_one_line_keep_their_own_levels():
    assert languages("Languages: English (fluent), German (basic)", "en") == {"en": "C1", "de": "A2"}
    assert languages("Свободный английский, базовый немецкий") == {"en": "C1", "de": "A2"}
    assert languages("English — elementary, beginner Spanish", "en") == {"en": "A2", "es": "A1"}


def test_a_level_before_a_list_of_names_covers_each():
    assert languages("Skilled manager - fluent in both English and Spanish - effective", "en") == {"en": "C1", "es": "C1"}
    assert languages("Свободно владею английским и немецким") == {"en": "C1", "de": "C1"}
    assert languages("Fluent in English, Spanish, and Vietnamese", "en") == {"en": "C1", "es": "C1", "vi": "C1"}
    assert languages("Handled calls in both English and Spanish Used good communication skills", "en") == {}


def test_the_highest_stated_level_wins():
    text = "Английский — B1 — Средний\nО себе: английский свободно, IELTS 7.5"
    assert languages(text) == {"en": "C1"}


def test_names_without_level_count_in_a_languages_context_only():
    assert languages("Languages\nEnglish\nGerman", "en") == {"en": None, "de": None}
    assert languages("English, Spanish", "en", section=True) == {"en": None, "es": None}
    assert languages("Languages: English, German", "en") == {"en": None, "de": None}
    assert languages("Managed the English Premier League client account", "en") == {}
    assert languages("Знаю про this в контексте английского языка и JavaScript") == {}
    assert languages("Russian Railways and German retail chains were my key accounts", "en") == {}
    assert languages("Nationality: Russian\nCitizenship: German", "en") == {}  # not languages
    assert languages("Гражданство: Россия, казахская семья") == {}


def test_programming_languages_are_not_languages():
    assert languages("Языки программирования: Python, Java, Go, C++") == {}
    assert languages("Programming languages: Python, JavaScript", "en") == {}
    assert languages("Languages: Python, SQL, English (B2)", "en") == {"en": "B2"}
    assert languages("Languages: English (C1), programming: Python, Go", "en") == {"en": "C1"}
    assert languages("Programming in Python; no Russian translation", "en") == {}


def test_nothing_in_an_empty_cv():
    assert languages("") == {}
