"""Languages: ISO code + CEFR level from hh.ru lines, level words, codes and certificates."""

from __future__ import annotations

import pytest

from kamscreen.extract.languages import find_languages, inferred_english
from kamscreen.nlp import make_doc
from kamscreen.parse.model import ParsedCV, Section


def languages(text: str, lang: str = "ru", section: bool = False, skills: str | None = None) -> dict[str, str | None]:
    """{language: level} stated by ``text``; ``section``: the whole text is the languages section,
    ``skills``: this part of the text is a skills section."""
    sections = (Section("languages", 0, len(text), "Languages"),) if section else ()
    if skills:
        start = text.index(skills)
        sections += (Section("skills", start, start + len(skills), "Skills"),)
    found = find_languages(ParsedCV("cv.txt", "ok", text, sections, language=lang), make_doc(text, lang))
    for skill in found:
        assert skill.evidence.text == text[skill.evidence.start : skill.evidence.end]
        assert skill.evidence.text.strip()
    stated = [s for s in found if not s.inferred]
    assert len({s.language for s in stated}) == len(stated)  # one entry per language
    return {s.language: s.level for s in stated}


def test_hh_language_block():
    text = "Знание языков\nРусский — Родной\nАнглийский — B2 — Средне-продвинутый\nНемецкий — A1 — Начальный"
    found = find_languages(ParsedCV("cv.txt", "ok", text), make_doc(text, "ru"))
    assert [(s.language, s.level) for s in found] == [("ru", "native"), ("en", "B2"), ("de", "A1")]
    assert found[1].evidence.text == "Английский — B2 — Средне-продвинутый"


@pytest.mark.parametrize(
    "text, code, level",
    [
        # Russian level words, the name in any case (lemma)
        ("Свободный английский", "en", "C1"),
        ("Английский — свободно", "en", "C1"),
        ("Продвинутый английский", "en", "C1"),
        ("Английский язык: выше среднего", "en", "B2"),
        ("Английский средний", "en", "B1"),
        ("Английский среднего уровня", "en", "B1"),
        ("Владею разговорным английским", "en", "B1"),
        ("Базовый немецкий", "de", "A2"),
        ("Французский — начальный", "fr", "A1"),  # LABELING.md: начальный → A1, with a code or without
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
        ("Fluent in conversational Spanish", "es", "B1"),  # the word right before the name wins
        ("Semi-fluent Spanish", "es", "B1"),
        ("Conversant in Spanish", "es", "B1"),
        ("Bi-lingual Spanish", "es", "native"),
        ("Fluent in both verbal and written Spanish.", "es", "C1"),
        ("Spanish-fluent sales associate", "es", "C1"),
        ("Excellent English communication skills", "en", "C1"),
        ("Испанский (базовый)", "es", "A2"),
        ("Fluent in Cantonese", "yue", "C1"),  # no ISO 639-1 code: ISO 639-3
        ("Fluent in ASL (American Sign Language)", "ase", "C1"),
        ("Proficient in English", "en", "C1"),  # LABELING.md: C2 only when stated
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
    ],
)
def test_level_phrasings(text, code, level):
    assert languages(text, "en" if text.isascii() else "ru")[code] == level


def test_several_languages_on_one_line_keep_their_own_levels():
    assert languages("Languages: English (fluent), German (basic)", "en") == {"en": "C1", "de": "A2"}
    assert languages("Свободный английский, базовый немецкий") == {"en": "C1", "de": "A2"}
    assert languages("English — elementary, beginner Spanish", "en") == {"en": "A2", "es": "A1"}


def test_a_level_before_a_list_of_names_covers_each():
    assert languages("Skilled manager - fluent in both English and Spanish - effective", "en") == {
        "en": "C1",
        "es": "C1",
    }
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


def test_more_level_phrasings_on_lists():
    assert languages(
        "Proficient in English and Turkish Languages; limited skills in Italian, Spanish, and Kurdish.", "en"
    ) == {"en": "C1", "tr": "C1", "it": "B1", "es": "B1", "ku": "B1"}
    assert languages("Bilingual (English, Spanish)", "en") == {"en": "native", "es": "native"}
    assert languages("Bilingual (English/spanish", "en") == {"en": "native", "es": "native"}
    assert languages("bilingual speaking and reading fluently in English and Spanish", "en") == {
        "en": "native",
        "es": "native",
    }
    assert languages("Fluent in Hindi, Marathi and Gujarati", "en") == {"hi": "C1", "mr": "C1", "gu": "C1"}
    assert languages("Fluent in English, Farsi, and Dari", "en") == {"en": "C1", "fa": "C1", "prs": "C1"}


def test_a_line_of_level_words_heads_the_names_below_it():
    text = "Languages\nFluent in:\n\nEnglish\n\nMandarin\n\nCantonese"
    assert languages(text, "en", section=True) == {"en": "C1", "zh": "C1", "yue": "C1"}
    text = "Languages\nBilingual\nAdvance and fluent in English and Spanish"
    assert languages(text, "en", section=True) == {"en": "native", "es": "native"}
    # a level line under a name is that name's level, not a heading (LinkedIn)
    text = "Languages\nEnglish\nNative or bilingual proficiency\nSpanish\nLimited working proficiency"
    assert languages(text, "en", section=True) == {"en": "native", "es": "B1"}


def test_a_level_after_names_joined_by_and_covers_them():
    assert languages("Russian and Ukrainian native speaker", "en") == {"ru": "native", "uk": "native"}
    assert languages("English and Spanish (fluent)", "en") == {"en": "C1", "es": "C1"}
    assert languages("Languages: English, German (basic)", "en") == {"en": None, "de": "A2"}  # not across a comma


def test_speaking_a_language_names_it_without_a_level():
    text = "Trilingual: English, French, Arabic"
    found = find_languages(ParsedCV("cv.txt", "ok", text, language="en"), make_doc(text, "en"))
    assert [(s.language, s.level, s.evidence.text) for s in found if not s.inferred] == [
        ("en", None, "Trilingual: English"),
        ("fr", None, "Trilingual: English, French"),
        ("ar", None, "Trilingual: English, French, Arabic"),
    ]
    assert languages("Multilingual (English, Hindi, Urdu)", "en") == {"en": None, "hi": None, "ur": None}
    assert languages("Passionate Francophile, speaker of French, and assembler of Legos.", "en") == {"fr": None}
    assert languages("I can also speak Vietnamese at home", "en") == {"vi": None}
    assert languages("Write, Read and Speak English", "en") == {"en": None}
    assert languages("Говорю на испанском") == {"es": None}


def test_more_languages_contexts():
    assert languages("Language: Chinese, English and Japanese", "en") == {"zh": None, "en": None, "ja": None}
    assert languages("Second Language - ASL", "en") == {"ase": None}
    assert languages("Worked at the English Language Center", "en") == {}
    assert languages("Taught English as a Second Language", "en") == {}


def test_names_that_are_not_skills():
    assert languages("Translated evaluations for non-English speaking parents.", "en") == {}
    assert languages("Served Spanish-speaking customers every day", "en") == {}
    assert languages("Advanced French cuisine and pastry", "en") == {}
    assert languages("Basic English literature course", "en") == {}
    assert languages("Advanced degree in English Literature", "en") == {}
    assert languages("Fluent member of the Spanish Honor Society", "en") == {}
    assert languages("Ran weekly workshops for students at French Elementary.", "en") == {}
    assert languages("Polish parts to insure they are free from blemishes", "en") == {}
    assert languages("Nationality: Mexican\nCitizenship: Brazilian", "en") == {}
    assert languages("Учился в Белорусском государственном университете") == {}


def test_a_name_glued_to_a_word_in_the_pdf_text():
    assert languages("Fluent inAlbanian", "en") == {"sq": "C1"}
    assert languages("Languages: FunctionalSpanish", "en") == {"es": None}
    assert languages("Languages known: Hindi & Arabic- Read, write", "en") == {"hi": None, "ar": None}
    assert languages("Languages: Englishtown", "en") == {}  # a longer word, not a glued name


def test_a_gloss_in_parentheses_is_the_same_language():
    text = "Languages\nI have translated between Farsi (Dari), Pashto, and English."
    assert languages(text, "en", section=True) == {"fa": None, "ps": None, "en": None}


def test_a_level_word_right_after_a_name_on_its_own_line():
    assert languages("English Native\nSpanish Intermediate", "en", section=True) == {"en": "native", "es": "B1"}
    assert languages("Spanish Intermediate", "en") == {"es": "B1"}


def test_a_name_as_a_whole_item_of_a_skills_list():
    assert languages("Linux, Docker, SQL, Английский, Pitching") == {}  # not in a skills section
    text = "Навыки\nLinux, Docker, SQL, Английский, Pitching"
    assert languages(text, skills=text) == {"en": None}
    text = "Skills\nExcel, Spanish, Sales\nExperience\nHandled calls in English and Spanish"
    assert languages(text, "en", skills="Skills\nExcel, Spanish, Sales") == {"es": None}
    # keyword lists made from the text: the same word as an adjective elsewhere is not a language
    text = "Catering company specialized in Italian cuisine.\nSkills\nExcel, Italian, Sales"
    assert languages(text, "en", skills="Skills\nExcel, Italian, Sales") == {}
    text = "Polish parts to insure they are free from blemishes.\nSkills\nPersonnel, Polish, Processes"
    assert languages(text, "en", skills="Skills\nPersonnel, Polish, Processes") == {}
    text = "Operations throughout Europe, Latin America, Asia.\nSkills\nInternational Sales, Latin, Team Building"
    assert languages(text, "en", skills="Skills\nInternational Sales, Latin, Team Building") == {}
    text = "Skills\nSpanish speaking customers, Excel"
    assert languages(text, "en", skills=text) == {}


def test_an_english_cv_has_inferred_english():
    text = "JOHN SMITH\nAccount manager with ten years of retail experience.\nSkills\nExcel"
    found = find_languages(ParsedCV("cv.txt", "ok", text, language="en"), make_doc(text, "en"))
    assert [(s.language, s.level, s.inferred) for s in found] == [("en", "C1", True)]
    assert found[0].evidence.text == "Account manager with ten years of retail experience."
    assert found[0].to_dict()["inferred"] is True


def test_a_stated_english_level_wins_over_the_inferred_one():
    text = "Account manager with ten years of retail experience.\nLanguages: English (B2), Spanish"
    found = find_languages(ParsedCV("cv.txt", "ok", text, language="en"), make_doc(text, "en"))
    assert [(s.language, s.level, s.inferred) for s in found] == [("en", "B2", False), ("es", None, False)]
    # named without a level: the mention stays, the inferred level stands beside it
    text = "Account manager with ten years of retail experience.\nLanguages: English, Spanish"
    found = find_languages(ParsedCV("cv.txt", "ok", text, language="en"), make_doc(text, "en"))
    assert [(s.language, s.level, s.inferred) for s in found] == [
        ("en", None, False),
        ("es", None, False),
        ("en", "C1", True),
    ]


def test_no_english_is_inferred_from_a_russian_cv():
    text = "Менеджер по работе с ключевыми клиентами, 10 лет опыта в продажах"
    assert not find_languages(ParsedCV("cv.txt", "ok", text, language="ru"), make_doc(text, "ru"))


def test_inferred_english_evidence_falls_back_to_the_first_line():
    skill = inferred_english("\n  Jane Doe  \nSales")
    assert (skill.evidence.text, skill.evidence.start) == ("Jane Doe", 3)
    assert inferred_english(" \n") is None


def test_the_english_criterion_is_met_by_inferred_english_and_says_so():
    from kamscreen.extract.model import Facts
    from kamscreen.score import score

    text = "Account manager with ten years of retail experience.\nLanguages: English, Spanish"
    skills = find_languages(ParsedCV("cv.txt", "ok", text, language="en"), make_doc(text, "en"))
    crit = next(
        c
        for c in score(Facts("cv.txt", "ok", "en", "2025-01-01", languages=skills)).checklist.criteria
        if c.id == "english_level"
    )
    assert (crit.status, crit.value, crit.note) == ("met", "C1", "inferred from the CV's language")
    assert crit.to_dict()["note"] == "inferred from the CV's language"
    assert crit.evidence[0].text == "Account manager with ten years of retail experience."
    stated = find_languages(ParsedCV("cv.txt", "ok", "English: B1", language="en"), make_doc("English: B1", "en"))
    crit = next(
        c
        for c in score(Facts("cv.txt", "ok", "en", "2025-01-01", languages=stated)).checklist.criteria
        if c.id == "english_level"
    )
    assert (crit.value, crit.note) == ("B1", None)  # a stated level wins, however low


def test_the_report_card_shows_the_note_beside_the_value():
    from kamscreen.extract.model import Facts
    from kamscreen.report import Candidate
    from kamscreen.report.html import render_html
    from kamscreen.score import score

    text = "Account manager with ten years of retail experience."
    skills = find_languages(ParsedCV("cv.txt", "ok", text, language="en"), make_doc(text, "en"))
    assessment = score(Facts("cv.txt", "ok", "en", "2025-01-01", languages=skills))
    html = render_html([Candidate("cv.txt", "x", "ok", text=text, assessment=assessment.to_dict())], profile="kam")
    assert "C1 (inferred from the CV&#39;s language)" in html or "C1 (inferred from the CV's language)" in html
