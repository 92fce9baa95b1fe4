"""Job timeline: periods, titles, employers and blocks in the layouts CVs use."""

import datetime as dt

from kamscreen.extract.timeline import find_jobs
from kamscreen.parse.model import ParsedCV, Section

HH = """Менеджер по работе с ключевыми клиентами
Опыт работы
Опыт работы 10 лет 7 месяцев
Декабрь 2017 — по настоящее время
7 лет 10 месяцев
ООО «Ромашка»
Москва, romashka.ru
Продукты питания... Показать еще
Менеджер по работе с ключевыми клиентами
Вёл 5 федеральных сетей, рост выручки +25 %.
В 2019–2020 годах запустил программу лояльности.
Март 2015 — ноябрь 2017
2 года 9 месяцев
АО Бета
Санкт-Петербург
Менеджер по продажам
Холодные звонки, 120 клиентов.
Образование
Высшее
2009
Московский государственный университет
"""

LINKEDIN = """Summary
Key account manager with 10+ years of experience in FMCG.
Experience
Acme Foods
5 years 2 months
Key Account Manager
January 2018 - Present (3 years 8 months)
Moscow
Managed national accounts.
Sales Manager
March 2015 - December 2017 (2 years 10 months)
Opened 40 new clients.
Beta Logistics LLC
Account Manager
June 2012 - February 2015 (2 years 9 months)
Serviced accounts.
Education
Moscow State University
2005 - 2010
"""

BUILDER = """Professional Experience
Key Account Manager Jan 2016 to Current
Company Name - City , State
Grew the top 5 accounts by 30%.
Company Name City , State Sales Representative 06/2014 to 03/2017
Cold calls and new clients.
Education
Bachelor of Science 2010 State University
"""


def parsed(text: str, sections: tuple[Section, ...] = (), language: str = "ru") -> ParsedCV:
    return ParsedCV(file="cv.txt", status="ok", text=text, sections=sections, language=language)


def check_spans(jobs, text):
    for job in jobs:
        assert job.evidence.text == text[job.evidence.start : job.evidence.end]
        assert job.description.text == text[job.description.start : job.description.end]
        assert job.description.start <= job.evidence.start < job.description.end


def test_hh_layout():
    jobs = find_jobs(parsed(HH), dt.date(2025, 9, 20))
    assert [(j.start, j.end, j.current) for j in jobs] == [("2017-12", None, True), ("2015-03", "2017-11", False)]
    assert [j.employer for j in jobs] == ["ООО «Ромашка»", "АО Бета"]
    assert [j.title for j in jobs] == ["Менеджер по работе с ключевыми клиентами", "Менеджер по продажам"]
    assert "федеральных сетей" in jobs[0].description.text
    assert "Март 2015" not in jobs[0].description.text
    assert "Холодные звонки" in jobs[1].description.text and "Образование" not in jobs[1].description.text
    check_spans(jobs, HH)


def test_linkedin_two_positions_at_one_employer():
    jobs = find_jobs(parsed(LINKEDIN, language="en"), dt.date(2021, 8, 8))
    assert [(j.start, j.end) for j in jobs] == [("2018-01", None), ("2015-03", "2017-12"), ("2012-06", "2015-02")]
    assert [j.title for j in jobs] == ["Key Account Manager", "Sales Manager", "Account Manager"]
    assert [j.employer for j in jobs] == ["Acme Foods", "Acme Foods", "Beta Logistics LLC"]
    assert "Opened 40 new clients" in jobs[1].description.text
    assert "Beta Logistics" not in jobs[1].description.text
    check_spans(jobs, LINKEDIN)


def test_resume_builder_layout_with_overlapping_jobs():
    jobs = find_jobs(parsed(BUILDER, language="en"), dt.date(2021, 8, 8))
    assert [(j.start, j.end, j.current) for j in jobs] == [("2016-01", None, True), ("2014-06", "2017-03", False)]
    assert [j.title for j in jobs] == ["Key Account Manager", "Sales Representative"]
    assert [j.employer for j in jobs] == ["Company Name", "Company Name"]
    check_spans(jobs, BUILDER)


def test_one_line_russian_header():
    text = "Опыт работы\n03.2018 – 05.2021  ООО «Ромашка», менеджер по работе с ключевыми клиентами\nВела 4 сети.\n"
    (job,) = find_jobs(parsed(text), dt.date(2025, 9, 1))
    assert (job.start, job.end, job.employer) == ("2018-03", "2021-05", "ООО «Ромашка»")
    assert job.title == "менеджер по работе с ключевыми клиентами"
    assert job.evidence.text == "03.2018 – 05.2021"


def test_education_periods_are_not_jobs():
    text = (
        "2005–2010 МГУ им. Ломоносова, экономический факультет\n"
        "2019-2020 учебный год: стажировка в школе\n"
        "2012 – 2016 Менеджер по продажам, ООО Альфа\n"
    )
    jobs = find_jobs(parsed(text), dt.date(2025, 9, 1))
    assert [(j.start, j.end) for j in jobs] == [("2012-01", "2016-12")]


def test_a_title_naming_a_school_is_a_job_one_naming_a_degree_is_not():
    text = (
        "Experience\nAssistant to School Counselor/Practicum Student Jan 2008 to May 2008\nCompany Name City , State\n"
        "Store Trainer & Key Holder (worked through college) 07/2013 to 12/2015 Company Name City , State\n"
        "Associate of Science, Sales and Marketing 2005 - 2007 Lincoln College\n"
    )
    jobs = find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert [j.start for j in jobs] == ["2008-01", "2013-07"]


def test_parser_sections_limit_the_search():
    text = "Опыт\nЯнварь 2020 — н.в.\nДиректор по продажам, АО Гамма\nОбразование\n2014 – 2018 МГИМО\n"
    experience_end = text.index("Образование")
    sections = (Section("experience", 0, experience_end, "Опыт"), Section("education", experience_end, len(text)))
    jobs = find_jobs(parsed(text, sections), dt.date(2025, 9, 1))
    assert [(j.start, j.current, j.title, j.employer) for j in jobs] == [
        ("2020-01", True, "Директор по продажам", "АО Гамма"),
    ]
    assert jobs[0].description.end <= experience_end


def test_inline_periods_inside_a_paragraph_are_not_jobs():
    text = (
        "Experience\nSales Manager, Acme Inc. 2015 – 2020\n"
        + "Led the team that, in the years 2016-2018 and after a long restructuring of the whole regional "
        "network, delivered growth in every one of the eleven regions of the northern territory.\n"
    )
    jobs = find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert [(j.start, j.end) for j in jobs] == [("2015-01", "2020-12")]


def test_no_periods_no_jobs():
    assert find_jobs(parsed("Менеджер по продажам. Опыт работы с 1С."), dt.date(2025, 9, 1)) == []
    assert find_jobs(parsed(""), dt.date(2025, 9, 1)) == []


def test_wrapped_title_and_blank_lines_above_the_period():
    text = (
        "Опыт работы\n\nРуководитель отдела по работе с ключевыми\nклиентами\nX5 Group · Москва\n"
        "июля 2020 г. – н.в.\n• Ведение 4 ключевых клиентов\n\nМенеджер по продажам\n\n"
        "Лаборатория Касперского · Казань\nянваря 2014 г. – июля 2015 г.\n• Холодные звонки\n"
    )
    jobs = find_jobs(parsed(text), dt.date(2025, 9, 1))
    assert [(j.start, j.end) for j in jobs] == [("2020-07", None), ("2014-01", "2015-07")]
    assert [j.title for j in jobs] == ["Руководитель отдела по работе с ключевыми клиентами", "Менеджер по продажам"]
    assert [j.employer for j in jobs] == ["X5 Group", "Лаборатория Касперского"]
    check_spans(jobs, text)


# Anonymised resume-builder layouts: "Company Name" and "City , State" are anchors, the title is
# the rest of the header, even without a head word of the lexicon or title case.
ANCHORED = """Experience
03/2019 - Current
Company Name Stocking Associate
Unloaded trucks and stocked shelves.

01/2016 to 02/2019
Company Name City , State Route Deliverer Maintained delivery logs and checked every load on time.
Delivered goods to stores.
"""


def test_anchored_headers_give_the_title_after_the_anonymised_employer():
    jobs = find_jobs(parsed(ANCHORED, language="en"), dt.date(2021, 8, 8))
    check_spans(jobs, ANCHORED)
    assert [(j.title, j.employer) for j in jobs] == [
        ("Stocking Associate", "Company Name"),
        ("Route Deliverer", "Company Name"),
    ]


def test_a_header_line_running_on_into_the_description_is_cut_after_the_title():
    text = (
        "Experience\nJanuary 2012\nto\nJanuary 2014\n"
        "Company Name City , State Budget/Project Accountant Coordinated the budget of five offices and\n"
        "reported to the board.\n"
    )
    (job,) = find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert (job.title, job.employer) == ("Budget/Project Accountant", "Company Name")


def test_an_employer_word_inside_a_title_does_not_make_it_an_employer():
    text = "Work Experience\nBank Teller Feb 2008 to Jun 2014\nCompany Name - City , State\nCounted cash.\n"
    (job,) = find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert (job.title, job.employer) == ("Bank Teller", "Company Name")


def test_awards_certificates_and_volunteer_work_are_not_jobs():
    text = (
        "Experience\nSales Manager 2015 - 2020 Acme LLC\nSold things.\n"
        "Top Performer Award 2016 - 2017\n"
        "2018 - 2019\nHospital volunteer\nHelped patients.\n"
        "Сертификат 1С: Профессионал 2019 - 2020\n"
    )
    jobs = find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert [(j.start, j.title) for j in jobs] == [("2015-01", "Sales Manager")]


def test_open_ended_start_in_a_header_is_a_current_job():
    text = (
        "Опыт работы\nМенеджер по продажам, ООО «Ромашка», с марта 2016 г.\nВёл 20 клиентов.\n"
        "С 2018 года руководил отделом.\n"
    )
    (job,) = find_jobs(parsed(text), dt.date(2025, 9, 1))
    assert (job.start, job.end, job.current) == ("2016-03", None, True)
    assert job.title == "Менеджер по продажам" and job.employer == "ООО «Ромашка»"
    english = "Experience\nKey Account Manager, Acme Inc. Since 2016\nGrew accounts.\n"
    (job,) = find_jobs(parsed(english, language="en"), dt.date(2021, 8, 8))
    assert (job.start, job.current, job.title) == ("2016-01", True, "Key Account Manager")


def test_a_phone_number_is_not_a_job():
    text = "Менеджер по продажам\nЯнварь 2015 — май 2019\nООО Бета\nРекомендации: Иван Петров, (495) 1990-2000\n"
    jobs = find_jobs(parsed(text), dt.date(2025, 9, 1))
    assert [(j.start, j.end) for j in jobs] == [("2015-01", "2019-05")]


def test_a_legal_form_ends_the_employer_and_the_title_follows():
    text = "Experience\nAcme Logistics LLC Key Account Manager\n2016 - 2019\nGrew accounts.\n"
    (job,) = find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert (job.title, job.employer) == ("Key Account Manager", "Acme Logistics LLC")


def test_field_labels_are_not_titles():
    text = "Опыт работы\nПериод работы: январь 2015 — май 2018\nДолжность: Менеджер по продажам\nКомпания: ООО Бета\n"
    (job,) = find_jobs(parsed(text), dt.date(2025, 9, 1))
    assert (job.title, job.employer) == ("Менеджер по продажам", "ООО Бета")
    english = "Experience\nDuration : 2005 May to 2006 April\nJob Title: Tax Trainee\n"
    (job,) = find_jobs(parsed(english, language="en"), dt.date(2021, 8, 8))
    assert job.title == "Tax Trainee"


def test_a_title_opening_the_description_or_standing_before_the_employer():
    text = (
        "Experience\n01/2009 to Current\nCompany Name - City , State\n\n"
        "HR Generalist Mobilized staff overseas on short and long term assignments.\n"
        "06/1992 to 06/1995\nChief Concierge Company Name - City , State Our goal was to make every guest "
        "feel at home and to solve each request.\n"
    )
    jobs = find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))
    check_spans(jobs, text)
    assert [(j.title, j.employer) for j in jobs] == [
        ("HR Generalist", "Company Name"),
        ("Chief Concierge", "Company Name"),
    ]


def test_a_period_quoted_again_inside_the_description_is_not_a_second_job():
    text = (
        "Experience\nSales Associate Nov 1996 to Feb 2008\nCompany Name - City , State\n\n"
        "Norfolk, VA - Louisville, KY - Waterford, CT - Jacksonville, FL 11/1996 - 02/2008 "
        "A Sales Associate is asked to\n"
        "entertain customers by answering their questions and showing the merchandise.\n"
        "Received a medal while serving in direct support of the 2nd Regiment of the region from March 2011 to\n"
        "October 2011.\n"
    )
    jobs = find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert [(j.start, j.end, j.title) for j in jobs] == [("1996-11", "2008-02", "Sales Associate")]


def test_an_open_ended_start_inside_a_sentence_is_not_a_job():
    text = "Experience\nSince 2016 I have managed key accounts at Acme LLC.\nSales Manager 2012 - 2015 Beta Inc\n"
    jobs = find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert [(j.start, j.end) for j in jobs] == [("2012-01", "2015-12")]


def test_a_work_history_printed_twice_counts_once():
    history = (
        "Sales Associate , 08/2018 to 03/2019\nCompany Name – City , State\nSold shoes.\n\n"
        "Cashier , 06/2017 to 11/2017\nCompany Name – City , State\nRan the till.\n\n"
    )
    text = f"Work History\n{history}Education\nHigh School Diploma 2016\nWork History\n{history}"
    sections = (
        Section("experience", 0, len(history) + 13),
        Section("education", len(history) + 13, len(history) + 54),
        Section("experience", len(history) + 54, len(text)),
    )
    jobs = find_jobs(parsed(text, sections, language="en"), dt.date(2021, 8, 8))
    assert [(j.start, j.title) for j in jobs] == [("2018-08", "Sales Associate"), ("2017-06", "Cashier")]


def test_one_title_and_period_with_another_text_is_a_concurrent_role():
    text = (
        "Experience\nDirector of Business Development , 06/2014 to Current Company Name - City , State\n"
        "Increased software sales in blood banking.\n"
        "Director of Business Development , 06/2014 to Current Company Name - City , State\n"
        "Achieved 125% of quota for custom development services.\n"
    )
    assert len(find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))) == 2


def test_a_period_repeated_in_another_section_without_a_title_is_the_same_job():
    text = (
        "Experience\nMarch 2007 to April 2015\nCompany Name Engineer Led 13 soldiers.\n"
        "July 2006 to July 2006\nCompany Name Carpenter Framed houses.\n"
        "Military Experience\nMarch 2007 to April 2015\nUnited States Army: served as engineer.\n"
    )
    jobs = find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert [(j.start, j.title) for j in jobs] == [("2007-03", "Engineer"), ("2006-07", "Carpenter")]


def test_periods_of_the_projects_of_a_job_are_not_jobs():
    text = (
        "Experience\nSourcing Senior Manager Jan 2007 to Jan 2015\nCompany Name City , State\n"
        "Women's Sweaters $100 million at cost 2014 - 2015\nMen's knits $120 million at cost 2012 - 2014\n"
        "Air Traffic Controller , 08/1983 to 12/2006 Company Name City , State\nRan the sector.\n"
        "04/2003 to 01/2005\nServed as a subject matter expert.\n"
        "Allocation Manager Feb 2003 to Feb 2006\nCompany Name City , State\n"
    )
    jobs = find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert [j.title for j in jobs] == ["Sourcing Senior Manager", "Air Traffic Controller", "Allocation Manager"]


def test_periods_without_a_separator_head_jobs():
    text = (
        "Experience\nSenior Field Application Specialist 06/2014 06/2016 Company Name City , State\n"
        "Trained customers.\nGlobal Business Development Manager 09/2015 Current Company Name City , State\n"
        "Grew the customer base.\n"
    )
    jobs = find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert [(j.start, j.end, j.title) for j in jobs] == [
        ("2014-06", "2016-06", "Senior Field Application Specialist"),
        ("2015-09", None, "Global Business Development Manager"),
    ]


def test_a_header_with_one_date_is_a_job_of_that_month():
    from kamscreen.extract.timeline import read

    text = (
        "Experience\nAviation Engineer 01/2015 to Current Company Name City , State\nFixed planes.\n"
        "Intern 01/2013 Company Name City , State\nHelped.\n"
        "Aerospace Engineer 01/2014 to 01/2015 Company Name City , State\nDesigned parts.\n"
    )
    timeline = read(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert [(j.start, j.end, j.title) for j in timeline.jobs] == [
        ("2015-01", None, "Aviation Engineer"),
        ("2013-01", "2013-01", "Intern"),
        ("2014-01", "2015-01", "Aerospace Engineer"),
    ]
    assert any("one date" in w for w in timeline.warnings)


def test_a_date_alone_on_a_line_shaped_like_the_period_headers_is_a_job():
    text = (
        "Experience\nDIRECTOR OF FINANCE\nJanuary 2007 to January 2009 Company Name City , State\nLedgers.\n"
        "TREASURY/INVESTMENT ANALYST\nJanuary 2007 Company Name City , State\nReports.\n"
        "DIRECTOR OF FINANCE AND ADMINISTRATION\nJanuary 2000 to January 2007 Company Name City , State\n"
    )
    jobs = find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert [(j.start, j.end) for j in jobs] == [("2007-01", "2009-01"), ("2007-01", "2007-01"), ("2000-01", "2007-01")]


def test_a_date_in_a_sentence_is_not_a_job():
    text = (
        "Experience\nSales Manager 01/2015 to Current Company Name City , State\n"
        "Promoted in 03/2017 after we grew sales by 30%.\n"
        "MS Office power-user with proficiencies in 2001-2010 databases.\n"
        "Exchange 2000-2010 upgrades and new installations.\n"
    )
    jobs = find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert [j.start for j in jobs] == ["2015-01"]


def test_a_period_written_end_first_is_read_swapped_with_a_warning():
    from kamscreen.extract.timeline import read

    text = "Experience\nReceptionist 09/2008 to 04/2005 Company Name City , State\nAnswered calls.\n"
    timeline = read(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert [(j.start, j.end) for j in timeline.jobs] == [("2005-04", "2008-09")]
    assert any("end first" in w for w in timeline.warnings)


def test_dates_after_the_document_date_are_kept_with_a_warning():
    from kamscreen.extract.timeline import read

    text = (
        "Опыт работы\nМенеджер по продажам, ООО Альфа\nСентябрь 2025 — по настоящее время\n"
        "Аккаунт-менеджер, ООО Бета\nЯнварь 2024 — Декабрь 2026\n"
    )
    timeline = read(parsed(text), dt.date(2025, 6, 30))
    assert [(j.start, j.end) for j in timeline.jobs] == [("2025-09", None), ("2024-01", "2026-12")]
    assert [w.split(" after ")[0] for w in timeline.warnings] == ["job starts", "period ends"]


def test_a_timeline_that_cannot_be_read_says_so():
    from kamscreen.extract.timeline import read

    timeline = read(parsed("Опыт работы\nМенеджер по продажам, ООО Альфа. Вёл 20 клиентов.\n"), dt.date(2025, 9, 1))
    assert timeline.jobs == () and "could not be read" in timeline.warnings[0]


# The real hh.ru PDF export: the period over two lines, the employer's site, industry lines with
# bullets, a title wrapped in the column.
HH_EXPORT = """Опыт работы — 11 лет 1 месяц
Август 2023 —
настоящее время
2 года 2 месяца

IceRock
icerockdev.ru
Информационные технологии, системная интеграция, интернет
• Разработка программного обеспечения
Android / iOS разработчик
Написание и релизы мобильных приложений.
Октябрь 2022 — Август 2023
11 месяцев
RedPine
Москва, happinessfordogs.ru/, https://priut-ks.ru/
Общественная деятельность, партии, благотворительность, НКО
• Благотворительная организация
• Фонд, грантодатель
Android разработчик
Разработано с нуля приложение.
Февраль 2006 — Февраль 2014
8 лет 1 месяц
GE Money Bank
www.gemoney.ru
Финансовый сектор
• Банк
Начальник управления кредитов, Начальник управления
ценообразования, Департамент Маркетинга
- Разработка стратегии и ценообразования по продуктам.
"""


def test_hh_pdf_export_layout():
    jobs = find_jobs(parsed(HH_EXPORT), dt.date(2025, 9, 28))
    assert [(j.start, j.end, j.employer) for j in jobs] == [
        ("2023-08", None, "IceRock"),
        ("2022-10", "2023-08", "RedPine"),
        ("2006-02", "2014-02", "GE Money Bank"),
    ]
    assert [j.title for j in jobs] == [
        "Android / iOS разработчик",
        "Android разработчик",
        "Начальник управления кредитов, Начальник управления ценообразования, Департамент Маркетинга",
    ]
    check_spans(jobs, HH_EXPORT)


def test_hh_period_and_duration_on_one_line():
    text = HH_EXPORT.replace(
        "Август 2023 —\nнастоящее время\n2 года 2 месяца", "Август 2023 — настоящее время 2 года 2 месяца"
    )
    jobs = find_jobs(parsed(text), dt.date(2025, 9, 28))
    assert (jobs[0].start, jobs[0].employer, jobs[0].title) == ("2023-08", "IceRock", "Android / iOS разработчик")
    assert len(jobs) == 3


def test_hh_title_bullets_are_not_industry_lines():
    text = (
        "Октябрь 2024 — июнь 2025\n9 месяцев\nAirba FinTech\nРозничная торговля... Показать еще\n"
        "Frontend-разработчик\n• Написал страницу\n• Код-ревью\nНоябрь 2023 — октябрь 2024\n1 год\n"
        "Userstory\nFrontend-разработчик\n• Баг фикс\n• Наставничество\nОбразование\n"
    )
    jobs = find_jobs(parsed(text), dt.date(2025, 9, 28))
    assert [(j.employer, j.title) for j in jobs] == [
        ("Airba FinTech", "Frontend-разработчик"),
        ("Userstory", "Frontend-разработчик"),
    ]


def test_courses_listed_as_experience_are_not_jobs():
    text = (
        "Июль 2024 — май 2025\n11 месяцев\nFerrum Market\nFrontend Developer\nВерстка.\n"
        "Январь 2023 — июль 2023\n7 месяцев\nUdemy\nwww.udemy.com\nПолный курс по JavaScript + React\nИзучил: основы.\n"
        "Октябрь 2022 — январь 2023\n4 месяца\nUdemy\nwww.udemy.com\nWEB-разработчик (Курсы)\nИзучил: HTML.\n"
    )
    jobs = find_jobs(parsed(text), dt.date(2025, 9, 28))
    assert [(j.employer, j.title) for j in jobs] == [("Ferrum Market", "Frontend Developer")]
    text = "Experience\nCourse Instructor 2015 - 2019 Company Name City , State\nTaught.\n"
    assert [j.title for j in find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))] == ["Course Instructor"]


def test_a_title_is_read_whole_across_its_separators_beside_an_anchored_employer():
    text = (
        "Experience\nLead Sales Associate - Part Time , 08/2013 to 07/2014 Company Name City , State\nSold.\n"
        "Company Name City , State HR - Shared Services Supervisor 01/2010 to 01/2013\nRan payroll.\n"
        "Business Development Leader | Partner | Director Feb 2000 to Nov 2004 Company Name\nGrew.\n"
    )
    jobs = find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert [j.title for j in jobs] == [
        "Lead Sales Associate - Part Time",
        "HR - Shared Services Supervisor",
        "Business Development Leader | Partner | Director",
    ]
    text = (
        "Professional Experience\nDirector, Quality Improvement Network Facilitation\n"
        "January 2014 to Current Company Name\nLed.\nAssistant Director\nJanuary 2005 to January 2014 Company Name\n"
    )
    jobs = find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert [j.title for j in jobs] == ["Director, Quality Improvement Network Facilitation", "Assistant Director"]
    # without an anchored employer, the piece after the title is the employer
    (job,) = find_jobs(
        parsed("Experience\nSales Manager, Acme Foods 2015 - 2017\nSold.\n", language="en"), dt.date(2021, 8, 8)
    )
    assert (job.title, job.employer) == ("Sales Manager", "Acme Foods")


def test_the_extract_command_says_when_the_timeline_cannot_be_read(tmp_path):
    import json

    from typer.testing import CliRunner

    from kamscreen.cli import app

    cv = tmp_path / "cv.txt"
    cv.write_text("Иван Петров\nОпыт работы\nМенеджер по продажам в ООО Альфа, вёл 20 клиентов.\n", encoding="utf-8")
    shown = CliRunner().invoke(app, ["extract", str(cv), "--as-of", "2025-09-15"])
    assert shown.exit_code == 0 and "could not be read" in " ".join(shown.output.split())
    data = json.loads(CliRunner().invoke(app, ["extract", str(cv), "--as-of", "2025-09-15", "--json"]).output)
    assert data["jobs"] == [] and data["experience"]["total_years"] is None and data["warnings"]


def test_titles_that_share_a_word_with_degrees_are_jobs():
    text = (
        "Experience\nMajor Account Manager 2015 - 2018 Acme Inc\nGrew accounts.\n"
        "Scrum Master 2010 - 2015 Beta LLC\nRan sprints.\nMaster of Science 2005 - 2007 State University\n"
    )
    jobs = find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))
    assert [j.title for j in jobs] == ["Major Account Manager", "Scrum Master"]


def test_positions_under_an_employer_period_are_jobs():
    text = (
        "Опыт работы\nООО «Альфа», 2010 – 2020\nРуководитель отдела продаж, март 2015 – декабрь 2020\n"
        "Руководила 8 менеджерами.\nМенеджер по продажам, январь 2010 – февраль 2015\nВела 40 клиентов.\n"
    )
    jobs = find_jobs(parsed(text), dt.date(2025, 9, 1))
    assert [(j.title, j.employer) for j in jobs][-2:] == [
        ("Руководитель отдела продаж", "ООО «Альфа»"),
        ("Менеджер по продажам", "ООО «Альфа»"),
    ]


def test_a_promotion_told_with_its_date_is_not_a_job():
    text = (
        "Experience\nSales Manager 01/2015 to 12/2019 Company Name City , State\n"
        "Promoted to Senior Account Manager March 2018\nGrew the top accounts.\n"
    )
    assert len(find_jobs(parsed(text, language="en"), dt.date(2021, 8, 8))) == 1
