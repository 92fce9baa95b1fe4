"""PDF reading: column order, hostile PDFs and DOCX zip bombs, generated on the fly."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from kamscreen.parse import parse
from kamscreen.parse.errors import ParseFailure
from kamscreen.parse.timelimit import time_limit

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

SIDEBAR = [
    "Контакты",
    "+7 999 123-45-67",
    "anna@example.com",
    "Навыки",
    "Переговоры с сетями",
    "CRM, Excel",
    "Знание языков",
    "Английский — B2",
]
MAIN = [
    "Опыт работы",
    "Март 2019 — по настоящее время",
    "ООО «Альфа», Key Account Manager",
    "Вела пять федеральных сетей и отвечала за P&L портфеля,",
    "рост выручки портфеля на 25 % за два года.",
    "Январь 2015 — февраль 2019",
    "ООО «Бета», менеджер по продажам",
    "Холодные звонки и работа с дистрибьюторами в регионах.",
    "Образование",
    "МГУ, экономический факультет, 2014",
]


@pytest.fixture(scope="module")
def font() -> str:
    if not FONT.exists():
        pytest.skip("DejaVuSans.ttf is not installed")
    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    return "DejaVu"


def _write(path: Path, draw, **kwargs) -> Path:
    pdf = canvas.Canvas(str(path), **kwargs)
    draw(pdf)
    pdf.save()
    return path


def _sidebar_cv(font: str):
    def draw(pdf):
        pdf.setFont(font, 18)
        pdf.drawString(40, 790, "Анна Иванова — Key Account Manager")
        pdf.setFont(font, 9)
        for index, line in enumerate(SIDEBAR):
            pdf.drawString(40, 740 - 17 * index, line)  # the sidebar's own leading
        pdf.setFont(font, 10)
        for index, line in enumerate(MAIN):
            pdf.drawString(200, 745 - 13 * index, line)

    return draw


def _block_is_contiguous(text: str, lines: list[str], others: list[str]) -> None:
    positions = [text.index(line) for line in lines]
    assert positions == sorted(positions), "lines out of order"
    between = text[positions[0] : positions[-1]]
    for other in others:
        assert other not in between, f"{other!r} interleaved into the column"


def test_sidebar_layout_reads_each_column_whole(tmp_path, font):
    cv = parse(_write(tmp_path / "sidebar.pdf", _sidebar_cv(font)))
    assert cv.status == "ok", cv.error
    assert cv.text.startswith("Анна Иванова")
    _block_is_contiguous(cv.text, MAIN, SIDEBAR)
    _block_is_contiguous(cv.text, SIDEBAR, MAIN)
    experience = cv.section_text("experience")
    assert "рост выручки портфеля" in experience and "Переговоры" not in experience
    assert any("column" in warning for warning in cv.warnings)
    assert cv.language == "ru"


def test_two_equal_columns(tmp_path, font):
    left = [f"Left column sentence number {i} about key accounts" for i in range(12)]
    right = [f"Right column sentence number {i} about retail" for i in range(12)]

    def draw(pdf):
        pdf.setFont(font, 10)
        pdf.drawString(50, 800, "EXPERIENCE")
        for index, (a, b) in enumerate(zip(left, right, strict=True)):
            pdf.drawString(50, 780 - 14 * index, a)
            pdf.drawString(335, 780 - 14 * index, b)

    cv = parse(_write(tmp_path / "columns.pdf", draw))
    _block_is_contiguous(cv.text, left, right)
    _block_is_contiguous(cv.text, right, left)


def test_right_aligned_dates_stay_with_their_titles(tmp_path, font):
    jobs = [
        ("Key Account Manager, Acme", "2019 – Present"),
        ("Sales Manager, Beta", "2015 – 2019"),
        ("Account Manager, Gamma", "2012 – 2015"),
        ("Sales Assistant, Delta", "2010 – 2012"),
    ]

    def draw(pdf):
        pdf.setFont(font, 10)
        pdf.drawString(50, 800, "Work Experience")
        y = 780
        for title, period in jobs:
            pdf.drawString(50, y, title)
            pdf.drawRightString(545, y, period)
            pdf.drawString(50, y - 13, "City, State")
            y -= 30

    cv = parse(_write(tmp_path / "dates.pdf", draw))
    for title, period in jobs:
        assert f"{title} {period}" in cv.text


def test_short_cells_side_by_side_stay_records(tmp_path, font):
    levels = [("English", "Fluent (C1)"), ("German", "Intermediate"), ("French", "Basic"), ("Russian", "Native")]

    def draw(pdf):
        pdf.setFont(font, 10)
        pdf.drawString(50, 800, "Languages")
        for index, (language, level) in enumerate(levels):
            pdf.drawString(50, 780 - 14 * index, language)
            pdf.drawString(250, 780 - 14 * index, level)

    cv = parse(_write(tmp_path / "levels.pdf", draw))
    for language, level in levels:
        assert f"{language} {level}" in cv.text


def test_hyphenation_and_page_footer(tmp_path, font):
    def draw(pdf):
        for page in (1, 2):
            pdf.setFont(font, 10)
            pdf.drawString(50, 800, "Опыт работы" if page == 1 else "Образование")
            pdf.drawString(50, 780, "Отвечала за ключевых клиентов и их разви-")
            pdf.drawString(50, 766, "тие в регионах")
            pdf.drawString(270, 40, f"Page {page} of 2")
            pdf.showPage()

    cv = parse(_write(tmp_path / "pages.pdf", draw))
    assert cv.pages == 2
    assert "развитие в регионах" in cv.text
    assert "Page 1 of 2" not in cv.text


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_encrypted_pdf(tmp_path, font, engine):
    def draw(pdf):
        pdf.setFont(font, 10)
        pdf.drawString(50, 800, "Опыт работы")

    cv = parse(_write(tmp_path / "locked.pdf", draw, encrypt="secret"), pdf_engine=engine)
    assert (cv.status, cv.error.code) == ("error", "encrypted")
    assert cv.error.message.startswith("locked.pdf:") and "password" in cv.error.message


def test_image_only_pdf_needs_ocr(tmp_path):
    from PIL import Image

    image = Image.new("RGB", (200, 100), "white")

    def draw(pdf):
        pdf.drawImage(ImageReader(image), 50, 600, width=400, height=200)

    cv = parse(_write(tmp_path / "scan.pdf", draw), ocr=False)
    assert (cv.status, cv.error.code) == ("needs_ocr", "needs_ocr")


def test_both_engines_read_the_same_words(tmp_path, font):
    path = _write(tmp_path / "sidebar.pdf", _sidebar_cv(font))
    fast, plumber = parse(path), parse(path, pdf_engine="pdfplumber")
    assert fast.ok and plumber.ok
    assert sorted(fast.text.split()) == sorted(plumber.text.split())


def test_truncated_and_garbage_pdf_are_corrupt(tmp_path, font):
    good = _write(tmp_path / "good.pdf", _sidebar_cv(font)).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good[:300])
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    for path in (cut, garbage):
        cv = parse(path)
        assert (cv.status, cv.error.code) == ("error", "corrupt"), path.name


def test_too_many_pages(tmp_path, font):
    def draw(pdf):
        for page in range(3):
            pdf.setFont(font, 10)
            pdf.drawString(50, 800, f"Опыт работы, страница {page}")
            pdf.showPage()

    path = _write(tmp_path / "long.pdf", draw)
    assert parse(path, max_pages=2).error.code == "too_large"
    assert parse(path, max_pages=2, allow_large=True).pages == 3


def test_docx_zip_bomb_refused_quickly(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b"\x00" * (8 * 2**20))  # 8 MB of zeros: ratio ~1000:1
    start = time.perf_counter()
    cv = parse(path)
    assert time.perf_counter() - start < 60  # a hang guard: the bomb is refused before inflating
    assert (cv.status, cv.error.code) == ("error", "too_large")
    assert "zip bomb" in cv.error.message


def test_truncated_docx_is_corrupt(tmp_path):
    from docx import Document

    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("Опыт работы")
    document.save(buffer)
    path = tmp_path / "cut.docx"
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    assert parse(path).error.code == "corrupt"


def test_time_limit_interrupts():
    with pytest.raises(ParseFailure) as caught, time_limit(0.2, "slow.pdf"):
        while True:
            time.sleep(0.01)
    assert caught.value.code == "timeout"
    assert "slow.pdf" in caught.value.reason


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Менед-\nжер", "Менеджер"),
        ("бизнес-\nпроцессы", "бизнес-процессы"),
        ("какой-\nто", "какой-то"),
        ("cross-\nfunctional", "cross-functional"),
        ("Sales -\nPresent", "Sales -\nPresent"),
        ("Page\u00a0 one\ufeff\n\n\n\nтwo", "Page one\n\nтwo"),
        ("\ufb01nance o\ufb03ce", "finance office"),
        ("Sales â€“ Key Accounts â€¢ AndrÃ© Â· 5Â®", "Sales – Key Accounts • André · 5®"),  # UTF-8 read as cp1252
        ("wellÂ organized, customer. Â\nCompany Name ï¼ City", "well organized, customer.\nCompany Name City"),
        ("Ð¾Ð¿Ñ‹Ñ‚ Ñ€Ð°Ð±Ð¾Ñ‚Ñ‹", "опыт работы"),
        ("ÂNGELO, Café «Ñandú» — 2019", "ÂNGELO, Café «Ñandú» — 2019"),  # real text stays
        (
            "Human Resource ManagerJuly 1996 to December 1999Ingersoll-Rand",
            "Human Resource Manager July 1996 to December 1999 Ingersoll-Rand",
        ),
        ("Director, November 2015 to CurrentDanone", "Director, November 2015 to Current Danone"),
        ("iPhone, PowerPoint, McDonald's, COVID-19, 2019Q1", "iPhone, PowerPoint, McDonald's, COVID-19, 2019Q1"),
    ],
)
def test_clean_text(raw, clean):
    from kamscreen.parse.cleanup import clean_text

    assert clean_text(raw) == clean


def test_parse_turns_a_hang_into_a_timeout_record(tmp_path, monkeypatch, font):
    def hang(*args, **kwargs):
        while True:
            time.sleep(0.01)

    import importlib

    monkeypatch.setattr(importlib.import_module("kamscreen.parse.parser"), "read_pdf", hang)
    path = _write(tmp_path / "slow.pdf", _sidebar_cv(font))
    start = time.perf_counter()
    cv = parse(path, timeout=0.3)
    assert time.perf_counter() - start < 60  # a hang guard: the hang is cut by the timeout
    assert (cv.status, cv.error.code) == ("error", "timeout")


HH_JOBS = [
    (
        "Апрель 2017 — настоящее время",
        "8 лет 6 месяцев",
        "ООО «Нестле Россия»",
        "Менеджер по работе с ключевыми клиентами",
        [f"Вела федеральную сеть номер {i}: ассортимент, промо, планы развития клиента." for i in range(1, 9)],
    ),
    (
        "Январь 2015 — март 2017",
        "2 года 3 месяца",
        "ПепсиКо",
        "Торговый представитель",
        [f"Холодные звонки и встречи с клиентами, неделя {i}." for i in range(1, 40)],
    ),  # runs on to page 2
    ("Июль 2012 — декабрь 2014", "2 года 6 месяцев", "Марс", "Мерчендайзер", ["Выкладка товара в сетях."]),
]
HH_FOOTER = "Иван Петров • Резюме обновлено 15 сентября 2025 в 10:12"


def _hh_table_cv(font: str):
    """hh.ru's PDF export: period | job rows, section labels left of their content, a running footer
    and a page number on every page, a job that goes on over the page break."""

    def draw(pdf):
        state = {"y": 800.0, "page": 1}

        def end_page():
            pdf.setFont(font, 8)
            pdf.drawString(40, 40, HH_FOOTER)
            pdf.drawCentredString(297, 24, str(state["page"]))
            pdf.showPage()
            state.update(y=800.0, page=state["page"] + 1)

        def line(x, text, size=9, step=12):
            if state["y"] < 70:
                end_page()
            pdf.setFont(font, size)
            pdf.drawString(x, state["y"], text)
            state["y"] -= step

        def row(left: list[str], right: list[str]):
            if state["y"] - 12 * len(left) < 70:
                end_page()
            top, page = state["y"], state["page"]
            for text in left:
                line(40, text)
            left_end, state["y"] = state["y"], top
            for text in right:
                line(180, text)
            if state["page"] == page:
                state["y"] = min(state["y"], left_end)
            state["y"] -= 14

        line(40, "Иван Петров", 16, 22)
        line(40, "Мужчина, 38 лет, родился 12 марта 1987", 8)
        line(40, "Опыт работы — 13 лет 2 месяца", 11, 22)
        for period, duration, employer, title, duties in HH_JOBS:
            start, end = period.split(" — ")
            row([f"{start} —", end, duration], [employer, "Москва", "Продукты питания", title, *duties])
        row(["Образование"], ["Высшее"])
        row(["2009"], ["МГУ им. Ломоносова", "Экономический факультет"])
        row(["Знание языков"], ["Русский — Родной", "Английский — B2 — Средне-продвинутый"])
        row(["Повышение", "квалификации, курсы"], ["Управление продажами", "Бизнес-школа, 2015"])
        end_page()

    return draw


def _nonblank(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_hh_table_export_reads_row_by_row_over_page_breaks(tmp_path, font):
    cv = parse(_write(tmp_path / "hh.pdf", _hh_table_cv(font)))
    assert cv.status == "ok" and cv.pages >= 2, cv.error
    lines = _nonblank(cv.text)
    for period, duration, employer, title, duties in HH_JOBS:
        at = lines.index(period)  # the wrapped left cell is one line again
        assert lines[at + 1 : at + 3] == [duration, employer], lines[at : at + 4]
        assert lines[at + 5] == title
        assert lines[at + 6 : at + 6 + len(duties)] == duties  # the page break does not cut the job
    assert lines.count(HH_FOOTER) == 1 and lines[-1] == HH_FOOTER  # the running footer, kept once at the end
    assert not any(line.strip().isdigit() for line in lines if line != "2009")  # page numbers dropped
    assert lines[lines.index("2009") + 1] == "МГУ им. Ломоносова"
    assert lines[lines.index("Знание языков") + 1] == "Русский — Родной"
    assert "Повышение квалификации, курсы" in lines
    assert cv.document_date.date.isoformat() == "2025-09-15"
    experience = cv.section_text("experience")  # "Опыт работы — 13 лет 2 месяца" heads the section
    assert all(job[2] in experience for job in HH_JOBS) and "МГУ" not in experience


def test_sidebar_whose_first_block_lines_up_with_the_main_column_stays_whole(tmp_path, font):
    """Sidebar and main column both start with a heading on one baseline: still a sidebar, because
    the sidebar's long blocks have several main-column items beside them."""
    sidebar = [
        ["Контакты", "+7 999 123-45-67", "anna@example.com", "г. Казань"],
        ["Навыки", "Переговоры с сетями", "CRM, Excel", "Тендеры", "Категорийный менеджмент", "Power BI"],
        ["Знание языков", "Английский — B2", "Немецкий — A2"],
    ]
    main = [
        ["Профиль", "Восемь лет в продажах FMCG."],
        ["Опыт работы"],
        [
            "Key Account Manager",
            "ООО «Альфа» · Москва",
            "Март 2019 — по настоящее время",
            "Вела пять федеральных сетей.",
        ],
        ["Менеджер по продажам", "ООО «Бета» · Тверь", "Январь 2015 — февраль 2019", "Холодные звонки."],
        ["Образование", "МГУ, экономический факультет, 2014"],
    ]

    def draw(pdf):
        pdf.setFont(font, 9)
        for x, blocks in ((40, sidebar), (220, main)):
            y = 780
            for block in blocks:
                for text in block:
                    pdf.drawString(x, y, text)
                    y -= 12
                y -= 14

    cv = parse(_write(tmp_path / "aligned_sidebar.pdf", draw))
    main_lines = [t for block in main for t in block]
    side_lines = [t for block in sidebar for t in block]
    _block_is_contiguous(cv.text, main_lines, side_lines)
    _block_is_contiguous(cv.text, side_lines, main_lines)


def test_running_footer_is_kept_on_the_last_page_and_header_on_the_first():
    from kamscreen.parse.cleanup import drop_running_lines

    pages = [f"Анна Иванова\nтекст страницы {n}\nАнна • Резюме обновлено 5 мая 2025 в 10:0{n}\n{n}" for n in (1, 2, 3)]
    out, dropped = drop_running_lines(pages)
    assert dropped == 3 + 2 + 2  # three page numbers, two repeated headers, two repeated footers
    assert out[0].startswith("Анна Иванова") and "Анна Иванова" not in out[1] + out[2]
    assert "Резюме" not in out[0] + out[1] and out[2].endswith("Резюме обновлено 5 мая 2025 в 10:03")


def test_a_footer_without_its_start_is_the_running_footer():
    """hh.ru's first page has no name before "Резюме обновлено ..."; it goes with the others."""
    from kamscreen.parse.cleanup import drop_running_lines

    tail = "Резюме обновлено 5 мая 2025 в 10:00"
    pages = [f"Анна Иванова\nпервая\n{tail}", f"вторая\nАнна Иванова • {tail}", f"третья\nАнна Иванова • {tail}"]
    out, dropped = drop_running_lines(pages)
    assert dropped == 2 and out == ["Анна Иванова\nпервая", "вторая", f"третья\nАнна Иванова • {tail}"]


def test_two_columns_of_a_list_stay_columns(tmp_path, font):
    """A lone left block beside a right block, no dates in it, is a list in two columns, not a table
    row: each column read whole, no items joined (even when narrow against the page's text)."""
    left = [
        "Переговоры с сетями и дилерами",
        "Контроль оплат и сроков сделок",
        "Тендеры и торги на поставку",
        "Планы продаж на год и квартал",
        "Отчёты для руководства и отдела",
    ]
    right = [
        "Анализ полки и промо в сетях",
        "Найм продавцов и их обучение",
        "Выступления перед командой и клиентами",
        "Работа в CRM и отчёты в ней",
        "Бюджеты маркетинга и их контроль",
    ]

    def draw(pdf):
        pdf.setFont(font, 10)
        pdf.drawString(
            40, 820, "Профиль: восемь лет в продажах FMCG, переговоры с федеральными сетями и дистрибьюторами."
        )
        pdf.drawString(40, 800, "Ключевые навыки")
        pdf.setFont(font, 8)
        for k, (a, b) in enumerate(zip(left, right, strict=True)):
            pdf.drawString(60, 780 - 11 * k, a)
            pdf.drawString(250, 780 - 11 * k, b)
        pdf.setFont(font, 10)
        pdf.drawString(40, 700, "Опыт работы")

    lines = _nonblank(parse(_write(tmp_path / "grid.pdf", draw)).text)
    assert lines[2:12] == left + right


def test_a_title_wrapped_over_full_lines_is_one_line_a_sentence_is_not_joined(tmp_path, font):
    title = ["Руководитель направления по работе с ключевыми клиентами и", "федеральными сетями"]
    ended = ["Отвечала за отчётность и планирование продаж по всем каналам сбыта.", "Вторая строка того же размера."]

    def draw(pdf):
        pdf.setFont(font, 9)
        for k in range(8):
            pdf.drawString(
                40, 820 - 12 * k, "Описание обязанностей девятым кеглем, строка во всю ширину колонки текста"
            )
        pdf.setFont(font, 12)
        for k, text in enumerate(title + ended):
            pdf.drawString(40, 700 - 15 * k - 20 * (k >= 2), text)

    lines = _nonblank(parse(_write(tmp_path / "title.pdf", draw)).text)
    assert " ".join(title) in lines and ended[0] in lines and ended[1] in lines


def test_single_table_row_under_a_job_carried_over_from_the_page_before(tmp_path, font):
    """A page that starts with the end of a job's description, then one period | job row."""

    def draw(pdf):
        pdf.setFont(font, 9)
        for i in range(6):
            pdf.drawString(180, 800 - 12 * i, f"Продолжение описания прошлой работы, строка {i}.")
        for k, text in enumerate(["Январь 2013 —", "декабрь 2014", "2 года"]):
            pdf.drawString(40, 714 - 12 * k, text)
        for k, text in enumerate(["ООО «Марс»", "Москва", "Торговый представитель", "Холодные звонки"]):
            pdf.drawString(180, 714 - 12 * k, text)

    lines = _nonblank(parse(_write(tmp_path / "carried.pdf", draw)).text)
    assert lines[5] == "Продолжение описания прошлой работы, строка 5."
    assert lines[6:10] == ["Январь 2013 — декабрь 2014", "2 года", "ООО «Марс»", "Москва"]
