"""Positions a CV gives no dates: found in the experience section, counted as jobs, no months."""

import datetime as dt

from kamscreen.extract.experience import years
from kamscreen.extract.timeline import read
from kamscreen.parse.model import ParsedCV, Section

PRESENT = dt.date(2021, 8, 1)


def timeline(body: str):
    text = "Experience\n" + body + "Education\nBachelor of Science 2010 State University\n"
    end = text.index("Education")
    sections = (Section("experience", 0, end, "Experience"), Section("education", end, len(text), "Education"))
    return read(ParsedCV(file="cv.txt", status="ok", text=text, sections=sections, language="en"), PRESENT)


def heads(body: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(j.start, j.end, j.title) for j in timeline(body).jobs]


DATED = (
    "Store Manager 01/2001 to 01/2003 Company Name City , State\n\nManaged a multi-department store of 40 people.\n\n"
)


def test_title_before_the_anonymised_employer():
    body = DATED + "Consumer Relations Specialist Company Name City , State\n\nTrained office staff on billing.\n\n"
    assert heads(body) == [("2001-01", "2003-01", "Store Manager"), (None, None, "Consumer Relations Specialist")]


def test_a_list_of_undated_headers_with_a_dash_before_the_place():
    body = (
        DATED
        + "Key Holder, Sales Representative Company Name – City , State\n"
        + "Sales Representative Company Name – City , State\n"
    )
    assert [h[2] for h in heads(body)] == ["Store Manager", "Key Holder, Sales Representative", "Sales Representative"]


def test_title_after_the_employer_and_the_place_below():
    body = "Company Name Accountant\nCity , State\n" + DATED
    assert heads(body)[0] == (None, None, "Accountant")


def test_title_on_the_line_above_the_employer():
    body = DATED + "General Sales Manager\nCompany Name City , State\nSales Manager\nCompany Name City , State\n"
    assert [h[2] for h in heads(body)] == ["Store Manager", "General Sales Manager", "Sales Manager"]


def test_a_legal_form_anchors_the_employer():
    body = DATED + "Account Executive, Acme Logistics LLC\n\nSold freight services.\n"
    assert heads(body)[-1] == (None, None, "Account Executive")


def test_the_header_line_under_a_period_is_that_period_s():
    body = "09/2015 - Current\n\nCompany Name City , State Senior Interior Designer\n\nConferring with clients daily.\n"
    assert heads(body) == [("2015-09", None, "Senior Interior Designer")]


def test_a_header_after_a_list_under_a_period_is_that_period_s():
    body = (
        "09/2015 - Current\n\nConceptual Design\nSpace Planning\nDrafting\n\n"
        "Company Name City , State Senior Interior Designer\n\nConferring with clients to determine their needs.\n"
    )
    assert len(heads(body)) == 1


def test_the_title_of_the_job_above_again_is_a_part_of_it():
    body = (
        "Project manager/Project Engineer Jan 2002 to Jan 2009\nCompany Name City , State\n\n"
        "Developed project scopes, schedules and budgets for the whole region.\nSpecific Accomplishments.\n\n"
        "Project Manager & Project Engineer Company Name City , State\n\nAchieved the first LEED certification.\n"
    )
    assert len(heads(body)) == 1


def test_a_description_line_is_not_a_header():
    body = DATED + "Oversaw National Accounts, distributors and broker partners\nSupported the Group Sales team\n"
    assert len(heads(body)) == 1


def test_undated_positions_add_no_months_and_are_reported():
    found = timeline(DATED + "Sales Representative Company Name – City , State\n")
    assert years(found.jobs, PRESENT) == 2.08
    assert any("without dates" in w and "Sales Representative" in w for w in found.warnings)
    undated = found.jobs[-1]
    assert undated.evidence is None and undated.current is False
    assert undated.description is not None
    assert undated.description.text.startswith("Sales Representative Company Name")


def test_the_dated_job_above_ends_where_an_undated_header_starts():
    body = DATED + "Sales Representative Company Name – City , State\nCold calls to new clients.\n"
    dated, undated = timeline(body).jobs
    assert dated.description is not None and "Sales Representative" not in dated.description.text
    assert undated.description is not None and undated.description.text.endswith("Cold calls to new clients.")
