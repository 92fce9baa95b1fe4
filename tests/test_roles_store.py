"""Store and counter jobs: selling to shoppers is sales, shelves and displays are other."""

from __future__ import annotations

import pytest

from kamscreen.extract import roles
from kamscreen.extract.model import Evidence, Job
from kamscreen.nlp import make_doc


def classify(title: str | None, body: str):
    text = f"{title}\n{body}" if title else body
    job = Job("2020-01", None, True, title, None, description=Evidence.of(text, 0, len(text)))
    return roles.classify(job, make_doc(text, "en"))


@pytest.mark.parametrize("title", ["Beauty Advisor", "Beauty Consultant"])
def test_beauty_counter_titles_sell(title):
    assert classify(title, "Created events for loyal clients. Booked appointments.").role == "sales"


_SELLING = "Met monthly sales goals and earned commission."  # sales evidence short of a decision


@pytest.mark.parametrize(
    ("phrase", "found"),
    [
        ("Recommended merchandise to shoppers.", "Recommended merchandise"),
        ("Help locate or obtain merchandise based on customer needs.", "merchandise based on"),
        ("Helped customers select merchandise.", "select merchandise"),
        ("Describe merchandise and explain its care.", "Describe merchandise"),
        ("Helped customers try on clothes.", "try on"),
        ("Created plans to maximize sales.", "maximize sales"),
        ("Increased 2013 sales by 2%.", "Increased 2013 sales"),
        ("Drove sales with a customer first experience.", "Drove sales"),
        ("Grew branch sales by 10%.", "Grew branch sales"),
    ],
)
def test_store_selling_phrases(phrase, found):
    assert classify("Store Associate", _SELLING).role == "other"
    v = classify("Store Associate", f"{_SELLING} {phrase}")
    assert v.role == "sales"
    assert found in [e.text for e in v.reasons]


def test_memberships_sold_with_a_word_between():
    v = classify("Membership Advisor", "Sell club memberships and personal training; met sales goals.")
    assert v.role == "sales"
    assert any("memberships" in e.text for e in v.reasons)


@pytest.mark.parametrize("title", ["Merchandiser", "Мерчендайзер"])
def test_merchandiser_is_other(title):
    body = "Weekly merchandising in a four-store territory. Promoted products to drive sales. Maintained displays."
    assert classify(title, body).role == "other"


def test_opening_and_closing_the_store_is_store_work():
    body = "Opened and closed the store for business. Kept store inventory up to date."
    assert classify("Parts Sales/Commercial Sales Account Manager", body).role == "sales"
