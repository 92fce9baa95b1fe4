"""hh.ru's employer PDF export, drawn on the fly with its real geometry: each job read in hh.ru's own
order (period, duration, employer, site, industry, title, description), the footer and the
"История общения с кандидатом" page left out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from kamscreen.extract.timeline import find_jobs
from kamscreen.parse import parse
from kamscreen.parse.columns import Line, text_blocks
from kamscreen.parse.hh_export import join_industry_items

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
LEFT, CELL, RIGHT, EDGE, ITEM = 42.5, 113.4, 127.6, 552.7, 141.7  # the real export's columns (pt)
FOOTER = "Резюме обновлено 15 сентября 2025 в 10:12"
NAME = "Иван Петров"
TITLE = (
    "Руководитель направления по работе с ключевыми клиентами, департамент продаж федеральным сетям и дистрибьюторам"
)
SUB_ITEM = "Системная интеграция, автоматизации технологических и бизнес-процессов предприятия, ИТ-консалтинг"
DUTY = (
    "Ведение федеральных сетей, согласование ассортимента и промо-календаря, подготовка отчётов для "
    "руководства и участие в переговорах по годовым контрактам; "
)


@pytest.fixture(scope="module")
def fonts() -> tuple[str, str]:
    if not (FONT.exists() and BOLD.exists()):
        pytest.skip("DejaVu fonts are not installed")
    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(BOLD)))
    return "DejaVu", "DejaVu-Bold"


class _Pages:
    """A canvas that draws lines top-down and ends each page with hh.ru's footer."""

    def __init__(self, path: Path, fonts: tuple[str, str]):
        self.pdf, self.fonts, self.page, self.y = canvas.Canvas(str(path)), fonts, 1, 800.0

    def line(self, x: float, text: str, size: float = 9, bold: bool = False, step: float = 13) -> None:
        if self.y < 60:
            self.end_page()
        self.pdf.setFont(self.fonts[bold], size)
        self.pdf.drawString(x, self.y, text)
        self.y -= step

    def para(self, x: float, text: str, size: float = 9, bold: bool = False, step: float = 13) -> None:
        """A wrapped paragraph; a "•" item's lines go on under its text (a hanging indent)."""
        hang = pdfmetrics.stringWidth("• ", self.fonts[bold], size) if text.startswith("•") else 0.0
        for k, line in enumerate(simpleSplit(text, self.fonts[bold], size, EDGE - x - hang)):
            self.line(x + hang * (k > 0), line, size, bold, step)

    def row(self, left: list[str], right: list[tuple]) -> None:
        """A table row: the left cell (8 pt), then the right cell's (x, text, size, bold) paragraphs."""
        self.y -= 16
        top = self.y
        for text in left:
            self.line(LEFT, text, 8, step=11)
        left_end, self.y = self.y, top
        for x, text, size, bold in right:
            self.para(x, text, size, bold, 14 if size > 9 else 13)
        self.y = min(self.y, left_end)

    def end_page(self) -> None:
        self.pdf.setFont(self.fonts[False], 8)
        self.pdf.drawString(LEFT, 22, FOOTER if self.page == 1 else f"{NAME} • {FOOTER}")
        self.pdf.showPage()
        self.page += 1
        self.y = 800.0


def _export(path: Path, fonts: tuple[str, str]) -> Path:
    pages = _Pages(path, fonts)
    pages.line(LEFT, NAME, 25, bold=True, step=30)
    pages.line(LEFT, "Мужчина, 40 лет, родился 1 мая 1985")
    pages.line(LEFT, "Опыт работы — 17 лет 6 месяцев", 11, step=20)
    pages.row(
        ["Август 2023 —", "настоящее время", "2 года 2 месяца"],  # one row on the page
        [
            (RIGHT, "ООО «Ромашка»", 12, True),
            (RIGHT, "Москва, romashka.example, https://romashka.example/", 9, False),
            (RIGHT, "Информационные технологии, системная интеграция, интернет", 9, False),
            (ITEM, "• Разработка программного обеспечения", 9, False),
            (ITEM, f"• {SUB_ITEM}", 9, False),
            (RIGHT, TITLE, 12, False),
            (RIGHT, DUTY * 30, 9, False),
        ],
    )  # runs on to page 2
    pages.row(
        ["Январь 2010 —", "Май 2012", "2 года 5 месяцев"],
        [
            (RIGHT, "АО «Лютик»", 12, True),
            (RIGHT, "Финансовый сектор", 9, False),
            (ITEM, "• Банк", 9, False),
            (RIGHT, "Кассир", 12, False),
            (RIGHT, "• Обслуживание клиентов в отделении", 9, False),
        ],
    )
    pages.row(
        ["Март 2008 —", "декабрь 2009", "1 год 10 месяцев"],  # no site, no industry: bullets after the title
        [
            (RIGHT, "ИП Васильков", 12, True),
            (RIGHT, "Курьер", 12, False),
            (RIGHT, "• Доставка документов", 9, False),
            (RIGHT, "• Работа с накладными", 9, False),
        ],
    )
    pages.y -= 10
    pages.line(LEFT, "Образование", 11, step=20)
    pages.line(LEFT, "Высшее", 11, step=20)
    pages.row(["2007"], [(RIGHT, "Московский университет", 12, True), (RIGHT, "Экономист", 9, False)])
    pages.end_page()
    pages.line(LEFT, "История общения с кандидатом", 11, step=20)
    pages.row(["Отклики"], [(RIGHT, "Кассир (вакансия компании)", 9, False), (RIGHT, "12 сентября 2025", 8, False)])
    pages.end_page()
    pages.pdf.save()
    return path


@pytest.fixture(scope="module")
def export(tmp_path_factory, fonts):
    return parse(_export(tmp_path_factory.mktemp("hh") / "export.pdf", fonts))


def _after(lines: list[str], first: str, count: int) -> list[str]:
    at = lines.index(first)
    return lines[at + 1 : at + 1 + count]


def test_each_job_reads_in_hh_order(export):
    assert export.ok and export.pages == 3, export.error
    lines = [line for line in export.text.splitlines() if line.strip()]
    industry = (
        f"Информационные технологии, системная интеграция, интернет • Разработка программного обеспечения • {SUB_ITEM}"
    )
    # the lone row of page 1; its period cell wrapped; its title wrapped over two lines; its
    # sub-industries (one wrapped) on the industry line
    assert _after(lines, "Август 2023 — настоящее время", 5) == [
        "2 года 2 месяца",
        "ООО «Ромашка»",
        "Москва, romashka.example, https://romashka.example/",
        industry,
        TITLE,
    ]
    assert _after(lines, "Январь 2010 — Май 2012", 5) == [
        "2 года 5 месяцев",
        "АО «Лютик»",
        "Финансовый сектор • Банк",
        "Кассир",
        "• Обслуживание клиентов в отделении",
    ]
    assert _after(lines, "Март 2008 — декабрь 2009", 4) == [
        "1 год 10 месяцев",
        "ИП Васильков",
        "Курьер",
        "• Доставка документов",
    ]


def test_footer_kept_once_at_the_end_and_the_history_page_left_out(export):
    lines = [line for line in export.text.splitlines() if line.strip()]
    assert lines[-1] == f"{NAME} • {FOOTER}" and sum(FOOTER in line for line in lines) == 1
    assert "История общения" not in export.text and "вакансия компании" not in export.text
    assert export.document_date.date == dt.date(2025, 9, 15)
    assert any("История общения с кандидатом" in warning for warning in export.warnings)
    experience = export.section_text("experience")
    assert all(employer in experience for employer in ("ООО «Ромашка»", "АО «Лютик»", "ИП Васильков"))
    assert "Московский университет" not in experience


def test_the_timeline_reads_titles_and_employers(export):
    jobs = find_jobs(export, dt.date(2025, 9, 15))
    assert [(j.start, j.end, j.title, j.employer) for j in jobs] == [
        ("2023-08", None, TITLE, "ООО «Ромашка»"),
        ("2010-01", "2012-05", "Кассир", "АО «Лютик»"),
        ("2008-03", "2009-12", "Курьер", "ИП Васильков"),
    ]


def test_indented_items_join_their_industry_line_and_description_bullets_do_not():
    lines = [
        Line("Финансовый сектор", 0, 9, x0=127.6),
        Line("• Банк", 13, 22, x0=141.7),
        Line("• Страхование", 26, 35, x0=141.7),
        Line("Кассир", 40, 52, x0=127.6),
        Line("• Обслуживание клиентов", 56, 65, x0=127.6),
        Line("• Кассовые операции", 69, 78, x0=127.6),
    ]
    assert [line.text for line in join_industry_items(lines)] == [
        "Финансовый сектор • Банк • Страхование",
        "Кассир",
        "• Обслуживание клиентов",
        "• Кассовые операции",
    ]


def test_a_cell_whose_line_bands_overlap_is_one_block():
    """OCR gives each line a loose band; consecutive lines of a period cell overlap a little and are one
    block (one table row), while a line starting above the one before begins a new block."""
    cell = [Line("Май 2018 —", 53.0, 62.8), Line("декабрь 2020", 64.8, 73.4), Line("2 года 8 месяцев", 70.1, 79.9)]
    assert [len(block) for block in text_blocks(cell)] == [3]
    assert [len(block) for block in text_blocks([*cell, Line("Danone", 53.0, 63.0)])] == [3, 1]


def test_headings_that_fall_in_the_left_column_stay_headings(tmp_path, fonts):
    """Under the job rows, "Образование" and "Высшее" are short enough to sit in the period column:
    the heading stays a line of its own, the education row does not join the last job."""
    pdf = canvas.Canvas(str(tmp_path / "education.pdf"))

    def draw(x: float, y: float, text: str, size: float = 9, bold: bool = False) -> None:
        pdf.setFont(fonts[bold], size)
        pdf.drawString(x, y, text)

    draw(LEFT, 800, "Опыт работы — 10 лет 9 месяцев", 10)
    y = 770.0
    for period, end, duration, employer, title in (
        ("Январь 2020 —", "настоящее время", "5 лет 9 месяцев", "ООО «Ромашка»", "Кассир"),
        ("Январь 2015 —", "декабрь 2019", "5 лет", "АО «Лютик»", "Курьер"),
    ):
        for k, text in enumerate((period, end, duration)):
            draw(LEFT, y - 11 * k, text, 8)
        draw(RIGHT, y, employer, 12, True)
        draw(RIGHT, y - 14, "Финансовый сектор")
        draw(ITEM, y - 27, "• Банк")
        draw(RIGHT, y - 45, title, 12)
        for k in range(4):
            draw(RIGHT, y - 62 - 13 * k, "Обслуживание клиентов в отделении банка, кассовые операции и отчёты.")
        y -= 130
    draw(LEFT, y, "Образование", 10)
    draw(LEFT, y - 14, "Высшее", 10)
    draw(LEFT, y - 40, "2007", 8)
    draw(RIGHT, y - 40, "Московский университет", 12, True)
    draw(RIGHT, y - 55, "Экономист")
    draw(LEFT, 22, f"{NAME} • {FOOTER}", 8)
    pdf.save()
    cv = parse(tmp_path / "education.pdf")
    lines = [line for line in cv.text.splitlines() if line.strip()]
    assert _after(lines, "Образование", 3) == ["Высшее", "2007", "Московский университет"]
    assert "Московский университет" in cv.section_text("education")
    assert "Московский университет" not in cv.section_text("experience")
