"""Word banks for the synthetic CVs: employers, titles, duties, KPI phrases, team sizes, languages.

Every KPI phrase is filed under the KPI kind it evidences; duty lines are written so that they
evidence no KPI kind (``truth.KPI_TRIGGERS`` checks that on every generated CV).
Russian past-tense verbs take ``{a}`` ("" or "а") for the candidate's gender.
"""

from __future__ import annotations

COMPANIES = {
    "fmcg": ["Nestlé", "Danone", "PepsiCo", "Mars", "Unilever", "Procter & Gamble", "Coca-Cola HBC", "Ferrero"],
    "retail": ["X5 Group", "Магнит", "Лента", "ВкусВилл", "Metro Cash & Carry", "М.Видео-Эльдорадо"],
    "it": ["Яндекс", "1С", "Лаборатория Касперского", "SAP", "VK", "Positive Technologies", "Softline"],
    "telecom": ["МТС", "Билайн", "МегаФон", "Ростелеком", "Tele2"],
    "pharma": ["Pfizer", "Bayer", "Sanofi", "Р-Фарм", "Герофарм", "Novartis", "AstraZeneca"],
    "medical_devices": ["Siemens Healthineers", "Philips Healthcare", "Medtronic", "GE HealthCare"],
    "manufacturing": ["Северсталь", "НЛМК", "Сибур", "Henkel", "ТМК", "Schneider Electric"],
    "logistics": ["DHL", "Деловые Линии", "ПЭК", "DB Schenker", "СДЭК", "Maersk"],
    "finance": ["Сбербанк", "ВТБ", "Альфа-Банк", "Райффайзенбанк", "Газпромбанк"],
    "advertising": ["Dentsu", "Publicis Groupe", "OMD OM Group", "Okkam", "АДВ"],
    "automotive": ["АвтоВАЗ", "КАМАЗ", "Volkswagen Group Rus", "Группа ГАЗ"],
    "energy": ["Лукойл", "Газпром нефть", "Shell", "Интер РАО", "Т Плюс"],
    "construction": ["ПИК", "Самолёт", "Технониколь", "Saint-Gobain", "Knauf"],
    "agriculture": ["Русагро", "Мираторг", "ЭкоНива", "Syngenta", "ФосАгро"],
}
# Latin spellings for English CVs
COMPANIES_EN = {
    "Магнит": "Magnit",
    "Лента": "Lenta",
    "ВкусВилл": "VkusVill",
    "М.Видео-Эльдорадо": "M.Video-Eldorado",
    "Яндекс": "Yandex",
    "1С": "1C Company",
    "Лаборатория Касперского": "Kaspersky Lab",
    "МТС": "MTS",
    "Билайн": "Beeline",
    "МегаФон": "MegaFon",
    "Ростелеком": "Rostelecom",
    "Р-Фарм": "R-Pharm",
    "Герофарм": "Geropharm",
    "Северсталь": "Severstal",
    "НЛМК": "NLMK",
    "Сибур": "SIBUR",
    "ТМК": "TMK",
    "Деловые Линии": "Delovye Linii",
    "ПЭК": "PEC",
    "СДЭК": "CDEK",
    "Сбербанк": "Sberbank",
    "ВТБ": "VTB",
    "Альфа-Банк": "Alfa-Bank",
    "Райффайзенбанк": "Raiffeisenbank",
    "Газпромбанк": "Gazprombank",
    "АДВ": "ADV Group",
    "АвтоВАЗ": "AvtoVAZ",
    "КАМАЗ": "KAMAZ",
    "Группа ГАЗ": "GAZ Group",
    "Лукойл": "Lukoil",
    "Газпром нефть": "Gazprom Neft",
    "Интер РАО": "Inter RAO",
    "Т Плюс": "T Plus",
    "ПИК": "PIK Group",
    "Самолёт": "Samolet Group",
    "Технониколь": "TechnoNICOL",
    "Русагро": "Rusagro",
    "Мираторг": "Miratorg",
    "ЭкоНива": "EkoNiva",
    "ФосАгро": "PhosAgro",
}
HH_INDUSTRY = {
    "fmcg": "Пищевая промышленность, FMCG",
    "retail": "Розничная торговля",
    "it": "Информационные технологии, системная интеграция, интернет",
    "telecom": "Телекоммуникации, связь",
    "pharma": "Фармацевтика",
    "medical_devices": "Медицина, медицинское оборудование",
    "manufacturing": "Промышленность, производство",
    "logistics": "Транспорт, логистика, перевозки",
    "finance": "Финансовый сектор",
    "advertising": "СМИ, маркетинг, реклама",
    "automotive": "Автомобильный бизнес",
    "energy": "Энергетика, нефть и газ",
    "construction": "Строительство, недвижимость",
    "agriculture": "Сельское хозяйство",
}
# hh.ru's PDF export prints the employer's industries as on hh.ru: each top-level industry on a line,
# its sub-industries as an indented bulleted list under it (some employers have two)
HH_EXPORT_INDUSTRIES = {
    "fmcg": [("Продукты питания", ["Кондитерские изделия", "Молочная продукция"])],
    "retail": [("Розничная торговля", ["Розничная сеть (продуктовая)"])],
    "it": [
        (
            "Информационные технологии, системная интеграция, интернет",
            [
                "Разработка программного обеспечения",
                "Системная интеграция, автоматизации технологических и бизнес-процессов предприятия, ИТ-консалтинг",
            ],
        )
    ],
    "telecom": [("Телекоммуникации, связь", ["Мобильная связь", "Фиксированная связь"])],
    "pharma": [("Медицина, фармацевтика, аптеки", ["Фармацевтическая продукция (производство)"])],
    "medical_devices": [("Медицина, фармацевтика, аптеки", ["Медицинское оборудование (производство)"])],
    "manufacturing": [("Металлургия, металлообработка", ["Черная металлургия (производство)"])],
    "logistics": [("Перевозки, логистика, склад, ВЭД", ["Транспортная, логистическая деятельность"])],
    "finance": [("Финансовый сектор", ["Банк"])],
    "advertising": [
        (
            "СМИ, маркетинг, реклама, BTL, PR, дизайн, продюсирование",
            ["Маркетинговые, рекламные, BTL, дизайнерские, Event-, PR-агентства"],
        )
    ],
    "automotive": [("Автомобильный бизнес", ["Легковые, грузовые автомобили (производство)"])],
    "energy": [("Нефть и газ", ["Нефтепереработка, нефтехимия (производство)"])],
    "construction": [("Строительство, недвижимость, эксплуатация, проектирование", ["Жилищное строительство"])],
    "agriculture": [("Сельское хозяйство", ["Растениеводство, животноводство, птицеводство"])],
}
HH_EXPORT_SECOND_INDUSTRY = ("Услуги для бизнеса", ["Консалтинговые услуги"])
HH_EXPORT_TITLE_TAIL = ", направление по работе с партнёрами Центрального и Северо-Западного регионов"
HH_EXPORT_ROUTINE = [
    "Также:",
    "- подготовка ежемесячной отчётности и презентаций для руководства",
    "- участие в отраслевых выставках и конференциях",
    "- ведение базы договоров и переписки",
    "- участие в проектах по автоматизации отчётности",
    "- работа с корпоративным порталом и базой знаний",
    "В 2019 году участие во внедрении системы электронного документооборота.",
    "- согласование документов с юридическим отделом",
    "- участие в планёрках и стратегических сессиях",
]
HH_EXPORT_PROJECTS = [
    "Проекты:",
    "- запуск совместных маркетинговых программ с партнёрами",
    "- подготовка еженедельной отчётности для руководства",
]
ACCOUNTS = {
    "fmcg": (
        "федеральные сети X5 Group, «Магнит», «Лента» и «Ашан»",
        "federal chains X5 Group, Magnit, Lenta and Auchan",
    ),
    "retail": ("крупнейшие поставщики категории «Бытовая химия»", "the largest suppliers of the household category"),
    "it": ("крупные банки и федеральные ритейлеры", "major banks and national retailers"),
    "telecom": ("корпоративные клиенты сегмента enterprise", "enterprise corporate clients"),
    "pharma": ("аптечные сети «Ригла», «36,6» и «Апрель»", "pharmacy chains Rigla, 36.6 and Aprel"),
    "medical_devices": ("федеральные и частные клиники", "federal and private hospital groups"),
    "manufacturing": ("крупные заводы-потребители проката", "large steel-consuming plants"),
    "logistics": ("крупные e-commerce клиенты", "large e-commerce shippers"),
    "finance": ("крупные корпоративные клиенты банка", "the bank's large corporate clients"),
    "advertising": ("рекламодатели из топ-50", "top-50 advertisers"),
    "automotive": ("дилерские группы и корпоративные автопарки", "dealer groups and corporate fleets"),
    "energy": ("промышленные потребители и сети АЗС", "industrial consumers and fuel station networks"),
    "construction": ("федеральные девелоперы", "national developers"),
    "agriculture": ("агрохолдинги и перерабатывающие заводы", "agricultural holdings and processing plants"),
}
CITIES = {
    "ru": ["Москва", "Санкт-Петербург", "Екатеринбург", "Новосибирск", "Казань", "Нижний Новгород", "Краснодар"],
    "en": ["London", "Moscow", "Berlin", "Dubai", "Warsaw", "Manchester", "Amsterdam"],
}

TITLES = {
    "director": {
        "ru": [
            "Директор по работе с ключевыми клиентами",
            "Руководитель отдела по работе с ключевыми клиентами",
            "Head of Key Accounts",
        ],
        "en": ["Head of Key Accounts", "Key Account Director", "Global Account Director", "Director, Key Accounts"],
    },
    "teamlead": {
        "ru": ["Руководитель группы KAM", "Team Lead, Key Account Management"],
        "en": ["KAM Team Lead", "Key Account Team Lead"],
    },
    "senior": {
        "ru": [
            "Старший менеджер по работе с ключевыми клиентами",
            "Senior Key Account Manager",
            "National Account Manager",
        ],
        "en": ["Senior Key Account Manager", "Strategic Account Manager", "National Account Manager"],
    },
    "kam": {
        "ru": ["Менеджер по работе с ключевыми клиентами", "Key Account Manager", "Менеджер по ключевым клиентам"],
        "en": ["Key Account Manager"],
    },
    "junior": {
        "ru": ["Младший менеджер по работе с ключевыми клиентами", "Junior KAM"],
        "en": ["Junior Key Account Manager", "Junior KAM"],
    },
    "am": {
        "ru": ["Менеджер по сопровождению клиентов", "Аккаунт-менеджер", "Менеджер клиентского сервиса"],
        "en": ["Account Manager", "Client Service Manager"],
    },
    "sales": {
        "ru": ["Менеджер по продажам", "Менеджер по активным продажам", "Торговый представитель"],
        "en": ["Sales Manager", "Sales Representative", "Business Development Representative"],
    },
    "sales_b2c": {
        "ru": ["Продавец-консультант", "Специалист по продажам физическим лицам"],
        "en": ["Retail Sales Associate", "Store Sales Consultant"],
    },
    "dev": {"ru": ["Python-разработчик", "Backend-разработчик"], "en": ["Software Engineer", "Backend Developer"]},
    "acc": {"ru": ["Бухгалтер", "Бухгалтер по расчётам"], "en": ["Accountant", "Staff Accountant"]},
    "log": {
        "ru": ["Координатор по логистике", "Специалист по логистике"],
        "en": ["Logistics Coordinator", "Transport Planner"],
    },
}
STAGE_ROLE = {
    "director": "key_account",
    "teamlead": "key_account",
    "senior": "key_account",
    "kam": "key_account",
    "junior": "key_account",
    "am": "account_management",
    "sales": "sales",
    "sales_b2c": "sales",
    "dev": "other",
    "acc": "other",
    "log": "other",
}
STAGE_B2B = {"sales_b2c": False, "dev": False, "acc": False, "log": False}

DUTIES = {
    "key_account": {
        "ru": [
            "Ведение {n} ключевых клиентов: {accounts}",
            "Разработка и защита годовых планов развития клиентов (account plans)",
            "Стратегическое партнёрство с ключевыми клиентами на горизонте 1–3 лет",
            "Переговоры по годовым контрактам, условиям поставок и промо-активностям",
            "Участие в тендерах, подготовка коммерческих предложений",
            "Контроль SLA, координация логистики, маркетинга и финансов по клиенту",
            "Оперативное разрешение конфликтных ситуаций, работа с несколькими стейкхолдерами клиента",
            "Анализ sell-in/sell-out, подготовка презентаций для руководства клиентов",
        ],
        "en": [
            "Managed {n} key accounts: {accounts}",
            "Built and defended annual account plans",
            "Long-term strategic partnerships with key accounts on a 1–3 year horizon",
            "Negotiated annual contracts, supply terms and promotions",
            "Ran tenders and prepared commercial proposals",
            "Owned SLA compliance; coordinated logistics, marketing and finance for each client",
            "Resolved escalations quickly across multiple client stakeholders",
            "Sell-in/sell-out analysis and presentations to client leadership",
        ],
    },
    "director": {
        "ru": [
            "Разработка стратегии работы с ключевыми клиентами",
            "Построение процессов KAM, обучение и развитие команды",
            "Отчётность перед коммерческим директором",
        ],
        "en": [
            "Set the key account strategy for the region",
            "Built KAM processes; coached and developed the team",
            "Reported to the Commercial Director",
        ],
    },
    "sales": {
        "ru": [
            "Холодные звонки — до {c} звонков в день",
            "Лидогенерация, ведение воронки продаж",
            "Выполнение ежемесячного плана продаж (в среднем 108 %)",
            "База из {b} клиентов малого и среднего бизнеса",
            "Проведение презентаций и встреч, заключение {d} сделок в месяц",
        ],
        "en": [
            "Cold calling: up to {c} calls a day",
            "Lead generation and sales funnel management",
            "Hit the monthly sales quota (108% on average)",
            "Book of {b} SMB clients",
            "Ran demos and meetings, closing {d} deals a month",
        ],
    },
    "sales_b2c": {
        "ru": [
            "Консультирование покупателей в торговом зале",
            "Выполнение личного плана продаж",
            "Оформление кредитов и рассрочек",
        ],
        "en": [
            "Advised shoppers on the store floor",
            "Met personal sales targets",
            "Processed consumer credit applications",
        ],
    },
    "account_management": {
        "ru": [
            "Сопровождение {b} клиентов после подписания договора",
            "Документооборот, выставление счетов, сверки",
            "Клиентский сервис и поддержка, решение операционных вопросов",
            "Оформление допсоглашений и консультации по продуктам",
        ],
        "en": [
            "Serviced {b} accounts after the sale",
            "Handled paperwork, invoicing and reconciliations",
            "Customer service and support, solving day-to-day issues",
            "Contract paperwork and product consultations",
        ],
    },
    "dev": {
        "ru": [
            "Разработка микросервисов на Python и Go",
            "Проектирование API, code review",
            "Настройка CI/CD, Docker, Kubernetes",
            "Оптимизация запросов к PostgreSQL: время ответа снижено в 3 раза",
        ],
        "en": [
            "Developed Python and Go microservices",
            "API design and code review",
            "CI/CD with Docker and Kubernetes",
            "Tuned PostgreSQL queries, making responses 3 times faster",
        ],
    },
    "acc": {
        "ru": [
            "Ведение первичной документации",
            "Расчёт заработной платы для 150 сотрудников",
            "Подготовка отчётности по РСБУ",
            "Работа в 1С:Бухгалтерия 8.3",
        ],
        "en": [
            "Bookkeeping and primary documents",
            "Payroll for 150 employees",
            "Monthly closing under IFRS",
            "Worked in 1C:Accounting 8.3",
        ],
    },
    "log": {
        "ru": [
            "Планирование отгрузок: до 30 машин в день",
            "Взаимодействие с перевозчиками и складом",
            "Оформление транспортных документов",
            "Контроль сроков доставки по 12 направлениям",
        ],
        "en": [
            "Planned up to 30 truck shipments a day",
            "Coordinated carriers and the warehouse",
            "Prepared transport documents",
            "Tracked delivery times on 12 routes",
        ],
    },
}
# Tricky: a sales title over key-account work, and a KAM title over cold calling.
TRICKY_KAM_AS_SALES = [
    "Ведение 4 федеральных сетей: X5 Group, «Магнит», «Лента» и «Ашан»",
    "Разработка годовых планов развития клиентов (account plans), стратегическое партнёрство",
    "Переговоры по годовым контрактам с категорийными менеджерами сетей",
]
TRICKY_SALES_AS_KAM = [
    "Холодные звонки: 40 звонков в день",
    "База из 120 клиентов, поиск новых клиентов",
    "Лидогенерация и выполнение плана продаж",
]

KPI = {
    "revenue_growth": {
        "ru": [
            "+25 % выручки по ключевым клиентам за 2024 год",
            "рост выручки на 32% за два года",
            "увеличил{a} выручку с 1,1 до 1,6 млрд руб.",
        ],
        "en": [
            "grew key-account revenue by 25% year over year",
            "increased revenue from $12M to $18M",
            "+30% revenue in two years",
        ],
    },
    "retention": {
        "ru": ["retention 95% по ключевым клиентам", "удержание клиентов на уровне 97 %"],
        "en": ["kept client retention at 95%", "retention of 98% of key accounts"],
    },
    "nps": {"ru": ["NPS с 5 до 9", "рост NPS с 32 до 61"], "en": ["raised NPS from 5 to 9", "NPS up from 41 to 67"]},
    "ltv": {"ru": ["рост LTV клиентов на 18%"], "en": ["increased customer LTV by 20%"]},
    "churn": {
        "ru": ["снизил{a} отток на 12%", "отток клиентов снижен с 9% до 4%"],
        "en": ["reduced churn by 12%", "cut churn from 9% to 4%"],
    },
    "pnl": {
        "ru": ["P&L на 1,2 млрд руб.", "ответственность за P&L направления (850 млн руб.)"],
        "en": ["P&L responsibility of $40M", "owned a P&L of EUR 25M"],
    },
    "margin": {
        "ru": ["рост маржинальности на 3 п.п.", "контроль маржинальности сделок"],
        "en": ["improved gross margin by 4 pp", "managed deal margin"],
    },
    "receivables": {
        "ru": ["снижение дебиторской задолженности на 30%", "контроль дебиторской задолженности и отсрочек платежа"],
        "en": ["cut overdue receivables by 30%", "managed receivables and payment terms"],
    },
    "portfolio_growth": {
        "ru": ["расширение портфеля с 4 до 9 сетей", "рост портфеля ключевых клиентов с 6 до 11"],
        "en": ["expanded the portfolio from 6 to 11 key accounts", "grew the key-account portfolio by 40%"],
    },
    "upsell_cross_sell": {
        "ru": ["cross-sell/up-sell", "кросс-продажи и апселл сопутствующих категорий"],
        "en": ["cross-sell/up-sell", "cross-sell/up-sell of adjacent services"],
    },
    "c_level_negotiation": {
        "ru": ["переговоры с первыми лицами", "переговоры с C-level клиентов"],
        "en": ["C-level negotiations", "negotiated with C-level executives"],
    },
}
KPI_LEAD = {"ru": "Результаты: ", "en": "Results: "}
SALES_GROWTH = {"ru": "рост продаж на 15% за год", "en": "grew sales by 15% in a year"}
TOOLS = ["Salesforce", "Power BI", "amoCRM", "Bitrix24", "SberCRM", "Tableau", "Megaplan"]
PORTFOLIO_KPIS = ("revenue_growth", "retention", "nps", "ltv", "churn", "portfolio_growth")
OTHER_KPIS = ("pnl", "margin", "receivables", "upsell_cross_sell", "c_level_negotiation")

NUMBER_WORDS_RU = {
    2: "двух",
    3: "трёх",
    4: "четырёх",
    5: "пяти",
    6: "шести",
    7: "семи",
    8: "восьми",
    9: "девяти",
    10: "десяти",
    12: "двенадцати",
    15: "пятнадцати",
}
NUMBER_WORDS_EN = {
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    12: "twelve",
    15: "fifteen",
}
TEAM = {  # (template, kind): kind "n" digits, "w" number word, "r" range n–n+5
    "ru": [
        ("Руководил{a} командой из {n} человек", "n"),
        ("В подчинении {n} менеджеров по работе с ключевыми клиентами", "n"),
        ("Руководил{a} командой из {w} человек", "w"),
        ("Управление командой 10–15 человек", "r10"),
        ("Построил{a} отдел с нуля: {n} сотрудников в подчинении", "n"),
        ("Управлял{a} группой из {n} KAM", "n"),
    ],
    "en": [
        ("Led a team of {n} KAMs", "n"),
        ("Managed {n} direct reports", "n"),
        ("Led a team of {w} account managers", "w"),
        ("Managed a team of 10-15 account managers", "r10"),
        ("Built a key account team of {n} people", "n"),
    ],
}
TEAM_NO_NUMBER = {
    "ru": "Руководство отделом по работе с ключевыми клиентами",
    "en": "Headed the key accounts department",
}

LANG_NAMES = {
    "ru": {
        "ru": "Русский",
        "en": "Английский",
        "de": "Немецкий",
        "fr": "Французский",
        "zh": "Китайский",
        "es": "Испанский",
        "it": "Итальянский",
    },
    "en": {
        "ru": "Russian",
        "en": "English",
        "de": "German",
        "fr": "French",
        "zh": "Chinese",
        "es": "Spanish",
        "it": "Italian",
    },
}
HH_LEVELS = {
    "A1": "Начальный",
    "A2": "Элементарный",
    "B1": "Средний",
    "B2": "Средне-продвинутый",
    "C1": "Продвинутый",
    "C2": "В совершенстве",
}
LEVEL_WORDS = {  # phrasings whose truth level is the key (see data/fixtures/README.md)
    "ru": {
        "A2": ["базовый", "технический", "читаю профессиональную литературу", "начальный", "Pre-Intermediate"],
        "B1": ["средний", "разговорный", "Intermediate"],
        "B2": ["выше среднего", "FCE", "BEC Vantage", "Upper-Intermediate", "B2", "IELTS 6.5"],
        "C1": ["свободный", "IELTS 7.0", "продвинутый", "TOEFL iBT 95", "Advanced", "CAE"],
        "C2": ["Proficient", "CPE"],
        "native": ["родной"],
    },
    "en": {
        "A2": ["Elementary", "Pre-Intermediate"],
        "B1": ["Intermediate"],
        "B2": ["Upper-Intermediate", "BEC Vantage", "FCE", "IELTS 6.0", "TOEFL iBT 88"],
        "C1": ["Fluent", "TOEFL iBT 95", "CAE", "IELTS 7.0", "Advanced", "BEC Higher"],
        "C2": ["Proficient", "CPE", "IELTS 8.5", "TOEFL iBT 115"],
        "native": ["Native", "Bilingual"],
    },
}

NAMES = {
    "ru": {
        "m": [
            "Алексей Смирнов",
            "Дмитрий Кузнецов",
            "Сергей Волков",
            "Андрей Морозов",
            "Илья Павлов",
            "Максим Орлов",
            "Павел Фёдоров",
            "Артём Лебедев",
            "Роман Соколов",
            "Никита Егоров",
            "Олег Зайцев",
            "Кирилл Беляев",
        ],
        "f": [
            "Анна Иванова",
            "Екатерина Попова",
            "Ольга Васильева",
            "Мария Новикова",
            "Татьяна Козлова",
            "Юлия Никитина",
            "Наталья Макарова",
            "Ирина Степанова",
            "Светлана Андреева",
            "Елена Громова",
            "Дарья Титова",
        ],
    },
    "en": {
        "m": [
            "James Carter",
            "Daniel Novak",
            "Michael Brennan",
            "Oliver Hughes",
            "Ivan Petrov",
            "Thomas Keller",
            "Arjun Mehta",
            "Lukas Weber",
            "Sergei Ivanov",
        ],
        "f": [
            "Emma Lawson",
            "Sophie Turner",
            "Anna Kowalska",
            "Laura Fischer",
            "Maria Sokolova",
            "Hannah Price",
            "Olga Smirnova",
            "Claire Dubois",
        ],
    },
}
EDUCATION = {
    "ru": [
        ("МГУ имени М.В. Ломоносова", "Экономический факультет, Маркетинг"),
        ("НИУ «Высшая школа экономики»", "Менеджмент"),
        ("РЭУ им. Г.В. Плеханова", "Коммерция и торговое дело"),
        ("СПбГУ", "Экономика предприятия"),
        ("Финансовый университет при Правительстве РФ", "Финансы и кредит"),
        ("УрФУ имени Б.Н. Ельцина", "Маркетинг"),
        ("МГИМО", "Международные экономические отношения"),
        ("НГТУ", "Прикладная информатика"),
    ],
    "en": [
        ("Lomonosov Moscow State University", "MSc in Economics"),
        ("University of Manchester", "BA in Business Management"),
        ("HSE University", "Master of Management"),
        ("London School of Economics", "BSc in Management"),
        ("University of Warwick", "BSc in Economics"),
        ("Erasmus University Rotterdam", "MSc in Marketing"),
        ("University of Leeds", "BSc in Computer Science"),
    ],
}
SKILLS = {
    "ru": [
        "Ведение переговоров",
        "Стратегическое планирование",
        "Управление ключевыми клиентами",
        "Деловая переписка",
        "Тендерные процедуры",
        "Категорийный менеджмент",
        "Публичные выступления",
        "Аналитическое мышление",
    ],
    "en": [
        "Negotiation",
        "Strategic planning",
        "Key account management",
        "Stakeholder management",
        "Tender management",
        "Category management",
        "Public speaking",
        "Business analysis",
    ],
}
SKILLS_OTHER = {
    "dev": {
        "ru": ["Python", "Go", "PostgreSQL", "Docker", "Kubernetes", "Linux"],
        "en": ["Python", "Go", "PostgreSQL", "Docker", "Kubernetes", "Linux"],
    },
    "acc": {
        "ru": ["1С:Бухгалтерия", "РСБУ", "МСФО", "Excel", "Налоговый учёт"],
        "en": ["IFRS", "1C:Accounting", "Excel", "Payroll", "Tax accounting"],
    },
    "log": {
        "ru": ["1С:УТ", "Excel", "Транспортная логистика", "Таможенное оформление"],
        "en": ["Excel", "Route planning", "Customs documents", "WMS"],
    },
}
SUMMARY = {
    "key_account": {
        "ru": [
            "Выстраиваю долгосрочные партнёрства с крупнейшими клиентами компании.",
            "Сильные стороны: переговоры, стратегическое мышление, презентации.",
        ],
        "en": [
            "I build long-term partnerships with a company's largest clients.",
            "Strengths: negotiation, strategic thinking, presentations.",
        ],
    },
    "account_management": {
        "ru": ["Внимательно отношусь к клиентам и документам, быстро решаю вопросы."],
        "en": ["Attentive to clients and paperwork; I solve issues fast."],
    },
    "sales": {
        "ru": ["Энергичный продавец, люблю звонки и встречи с клиентами."],
        "en": ["Energetic salesperson who enjoys calls and client meetings."],
    },
    "other": {
        "ru": ["Ответственный специалист, ищу новые задачи."],
        "en": ["Reliable specialist looking for new challenges."],
    },
}
HEADINGS = {
    "ru": {
        "summary": "О себе",
        "experience": "Опыт работы",
        "education": "Образование",
        "languages": "Знание языков",
        "skills": "Навыки",
        "contacts": "Контакты",
        "extra": "Дополнительная информация",
        "profile": "Профиль",
    },
    "en": {
        "summary": "Summary",
        "experience": "Experience",
        "education": "Education",
        "languages": "Languages",
        "skills": "Skills",
        "contacts": "Contact",
        "extra": "Additional information",
        "profile": "Profile",
    },
}
