"""English role phrasings: bank branches, call centres, admissions, retailers counted."""

from __future__ import annotations

from kamscreen.extract import roles
from kamscreen.extract.model import Evidence, Job
from kamscreen.nlp import make_doc


def classify(title: str | None, body: str):
    text = f"{title}\n{body}" if title else body
    job = Job("2020-01", None, True, title, None, description=Evidence.of(text, 0, len(text)))
    return roles.classify(job, make_doc(text, "en"))


def test_opening_new_customer_accounts_is_selling():
    body = "Opened new customer accounts, including checking and savings. Processed sales referrals."
    v = classify("Senior Financial Representative", body)
    assert v.role == "sales"
    assert "Opened new customer accounts" in [e.text for e in v.reasons]


def test_account_acquisition_is_selling():
    body = "Outside sales calls to gain new business clients. Developed a regional plan for account acquisition."
    v = classify("Work Officer, Assistant Vice President", body)
    assert v.role == "sales"
    assert "account acquisition" in [e.text for e in v.reasons]


def test_call_center_title_serves_clients():
    v = classify("Call Center/Phone Representative", "Identified and resolved account issues. Logged daily inquiries.")
    assert v.role == "account_management"


def test_admissions_representative_recruits_students():
    body = "Telephone interviews to identify high school and adult student prospects."
    assert classify("Admissions Representative", body).role == "sales"


def test_many_retailers_onboarded_is_selling():
    v = classify(
        "Consultant", "Prospect and onboard 100+ traditional retailers through in person meetings and cold emails."
    )
    assert v.role == "sales"
    assert "100+ traditional retailers" in [e.text for e in v.reasons]


def test_a_phrase_and_its_plural_count_once():
    body = "Provided customer services. Ensured customer satisfaction. Extensive sales and customer service experience."
    v = classify("Sales Team", body)
    assert v.role == "sales"


def test_fortune_500_is_no_count_of_clients():
    body = (
        "Consulting for Fortune 500 Companies; my customers include banks. "
        "Helped the sales team close 3 major new accounts."
    )
    v = classify("Client Services Manager", body)
    assert v.role == "account_management"
    assert not any("500" in e.text for e in v.reasons)


def test_branch_manager_with_sales_goals_sells():
    body = "Helped achieve the branch's sales goals. Grew branch sales by 10%."
    assert classify("Branch Manager", body).role == "sales"
    assert classify("Branch Manager", "Managed the branch's payroll, fleet and inventory.").role == "other"
