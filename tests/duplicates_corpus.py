"""A folder of duplicate candidates for the grouping tests, written on the fly (PDF, DOCX, TXT, HTML).

``write_folder`` writes 3 pairs of duplicates and 1 near-duplicate with a changed phone:

* ``anna.pdf`` / ``anna.docx`` — one CV in two formats (same e-mail and phone);
* ``carl_2022.txt`` / ``carl_2025.docx`` — a resubmission, rewritten and a job longer (same e-mail);
* ``elena.html`` / ``elena.txt`` — one CV, its phone written two ways (``+7 (916) …`` / ``8 916 …``);
* ``dmitri.txt`` / ``dmitri_v2.docx`` — the near-duplicate: another phone, one sentence changed,
  no e-mail (only the text tells).

``rewritten`` is Dmitri's CV with a third of it rewritten: similar, but below the threshold.
"""

from __future__ import annotations

from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

ANNA = """Anna Smith
anna.smith@example.com | +1 (555) 201-3344 | Chicago, IL

Summary
Key account manager with nine years in consumer goods, leading national retail accounts and a team of six.

Experience
Key Account Manager, Acme Foods — January 2018 – September 2025
Managed 12 national retail accounts worth $40M a year, negotiated annual contracts with buyers and category
directors, grew the portfolio by 18% in two years and led a team of 6 account executives.
Built joint business plans with Walmart and Kroger, ran quarterly business reviews with their vice presidents.

Sales Representative, Brightline Beverages — March 2014 – December 2017
Sold the beverage range to independent grocers in Illinois, opened 45 new outlets and exceeded quota every year.

Education
University of Illinois, BSc Marketing, 2013

Languages
English — native; Spanish — B2
"""

CARL_2022 = """Carl Jones
carl.jones@example.org

Profile
Account manager in medical devices, responsible for hospital groups across the Midwest.

Experience
Account Manager, Medline Partners — May 2019 – May 2022
Managed hospital purchasing groups, ran tenders and price negotiations, kept renewal rates above 95%.

Territory Sales Manager, OrthoWays — June 2015 – April 2019
Sold orthopaedic implants to surgeons and hospital buyers, trained distributors in four states.

Education
Ohio State University, BA Economics, 2014
"""

CARL_2025 = """Carl Jones
carl.jones@example.org

Profile
Strategic key account director for medical devices: national hospital networks, multi-year agreements,
and a team of nine key account managers reporting to me.

Experience
Key Account Director, Stryvo Medical — June 2022 – September 2025
Lead a team of 9 key account managers covering 30 integrated delivery networks; signed three
five-year agreements worth $120M; presented the national account strategy to the executive board.

Account Manager, Medline Partners — May 2019 – May 2022
Managed hospital purchasing groups, ran tenders and price negotiations, kept renewal rates above 95%.

Territory Sales Manager, OrthoWays — June 2015 – April 2019
Sold orthopaedic implants to surgeons and hospital buyers, trained distributors in four states.

Education
Ohio State University, BA Economics, 2014
"""

ELENA = """Elena Sokolova
Phone: {phone}
Moscow

Experience
Head of Key Accounts, Nordic Paper — February 2016 – August 2025
Leads the key account team of 11 people serving packaging buyers of the largest retail chains;
agreed annual terms with X5 Group and Magnit and raised the share of key accounts in revenue from 35% to 52%.

Key Account Manager, Baltic Pack — September 2011 – January 2016
Looked after eight federal distributors, ran promotions and monthly forecasts, collected receivables on time.

Languages
Russian — native; English — C1
"""

DMITRI = """Dmitri Volkov
Tel. {phone}
London, United Kingdom

Summary
Commercial leader for industrial B2B accounts: energy, mining and chemicals. {summary}

Experience
Global Key Account Manager, Severn Valves — April 2017 – August 2025
Responsible for five global accounts (Shell, BP, Rio Tinto, BASF, Anglo American) worth £60M a year;
negotiated framework agreements with procurement directors and led a virtual team of 14 across 6 countries.
Introduced account plans and a CRM pipeline review that cut the sales cycle by 20%.

Regional Sales Manager, Thames Pumps — June 2011 – March 2017
Grew sales of pumps to water utilities and contractors in the South East by 11% a year, managed 3 engineers.

Sales Engineer, Albion Controls — September 2008 – May 2011
Quoted control systems to OEMs, prepared technical proposals and supported trade shows.

Education
University of Manchester, MEng Mechanical Engineering, 2008

Languages
English — native; German — B1
"""
DMITRI_SUMMARY = "Known for long customer relationships."
DMITRI_SUMMARY_V2 = "Known for long customer relationships and calm negotiations."

DMITRI_REWRITTEN = """Dmitri Volkov
Tel. +44 20 7946 0999
London, United Kingdom

Summary
Commercial leader for industrial B2B accounts: energy, mining and chemicals. Known for long customer relationships.

Experience
Head of Strategic Accounts, Severn Valves — April 2017 – August 2025
Owns the relationship with the company's largest energy and mining customers and their global procurement teams;
built a key account programme with executive sponsors and shared scorecards for every account.
Introduced account plans and a CRM pipeline review that cut the sales cycle by 20%.

Regional Sales Manager, Thames Pumps — June 2011 – March 2017
Grew sales of pumps to water utilities and contractors in the South East by 11% a year, managed 3 engineers.

Sales Engineer, Albion Controls — September 2008 – May 2011
Quoted control systems to OEMs, prepared technical proposals and supported trade shows.

Education
University of Manchester, MEng Mechanical Engineering, 2008

Languages
English — native; German — B1
"""


def dmitri(phone: str, summary: str = DMITRI_SUMMARY) -> str:
    return DMITRI.format(phone=phone, summary=summary)


def write_pdf(path: Path, text: str) -> Path:
    """``text`` line by line as a PDF page flow (DejaVu when the text is not Latin-1, else Helvetica)."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = "Helvetica"
    if not all(ord(c) < 256 or c in "—–…’“”•" for c in text):
        pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
        font = "DejaVu"
    pdf = canvas.Canvas(str(path))
    y = 800.0
    for paragraph in text.splitlines():
        for line in simpleSplit(paragraph, font, 10, 500) if paragraph else [""]:
            if y < 60:
                pdf.showPage()
                y = 800.0
            pdf.setFont(font, 10)
            pdf.drawString(50, y, line)
            y -= 14
    pdf.save()
    return path


def write_docx(path: Path, text: str) -> Path:
    import docx

    document = docx.Document()
    for paragraph in text.splitlines():
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


def write_html(path: Path, text: str) -> Path:
    from html import escape

    body = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines())
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return path


def write_folder(folder: Path, *, near_text: str | None = None) -> Path:
    """The 8 files of the module docstring; ``near_text`` replaces Dmitri's second version."""
    folder.mkdir(parents=True, exist_ok=True)
    write_pdf(folder / "anna.pdf", ANNA)
    write_docx(folder / "anna.docx", ANNA)
    (folder / "carl_2022.txt").write_text(CARL_2022, encoding="utf-8")
    write_docx(folder / "carl_2025.docx", CARL_2025)
    write_html(folder / "elena.html", ELENA.format(phone="+7 (916) 555-12-34"))
    (folder / "elena.txt").write_text(ELENA.format(phone="8 916 555 12 34"), encoding="utf-8")
    (folder / "dmitri.txt").write_text(dmitri("+44 20 7946 0001"), encoding="utf-8")
    write_docx(folder / "dmitri_v2.docx", near_text or dmitri("+44 20 7946 0999", DMITRI_SUMMARY_V2))
    return folder
