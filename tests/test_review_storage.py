"""The review database, on SQLite and PostgreSQL: migrations, decisions with their audit log, models."""

from __future__ import annotations

import threading
from itertools import pairwise

import pytest
from sqlalchemy import text

from kamscreen.review import migrations
from kamscreen.review.storage import DECISIONS, Store, StoreError, database_url
from review_support import db_url  # noqa: F401 - fixture

SHA = "a" * 64
OTHER = "b" * 64


@pytest.fixture
def store(db_url):  # noqa: F811 - the fixture above
    store = Store.open(database_url(None, db_url))
    yield store
    store.close()


def test_migrations_reach_the_last_version_once(db_url):  # noqa: F811
    first = Store.open(database_url(None, db_url))
    assert migrations.current(first.engine) == len(migrations.STEPS)
    first.decide("v", SHA, "a.pdf", "reject", "", "Anna")
    again = Store.open(database_url(None, db_url))  # opening again changes nothing
    assert migrations.current(again.engine) == len(migrations.STEPS)
    assert again.decisions("v")[SHA].decision == "reject"
    with again.engine.begin() as conn:
        conn.execute(text("INSERT INTO schema_version (version, step) VALUES (999, 'v999_future')"))
    with pytest.raises(StoreError, match="newer than this kamscreen knows"):
        Store.open(database_url(None, db_url))
    first.close()
    again.close()


def test_a_decision_is_kept_by_vacancy_and_hash_with_its_audit_log(store):
    assert store.decide("kam", SHA, "a.pdf", "shortlist", "strong P&L", "Anna").old_decision is None
    assert store.decide("kam", SHA, "a.pdf", "shortlist", "strong P&L", "Boris") is None  # nothing changed
    change = store.decide("kam", SHA, "renamed/a.pdf", "interview", "", "Boris")
    assert (change.old_decision, change.new_decision, change.old_note, change.new_note) == (
        "shortlist",
        "interview",
        "strong P&L",
        "",
    )
    store.decide("other-vacancy", SHA, "a.pdf", "reject", "", "Anna")
    got = store.decisions("kam")[SHA]
    assert (got.decision, got.recruiter, got.file) == ("interview", "Boris", "renamed/a.pdf")
    assert [(h.recruiter, h.old_decision, h.new_decision) for h in store.history("kam", SHA)] == [
        ("Boris", "shortlist", "interview"),
        ("Anna", None, "shortlist"),
    ]
    cleared = store.decide("kam", SHA, "a.pdf", None, "", "Anna")
    assert cleared.action == "clear" and SHA not in store.decisions("kam")
    assert store.other_vacancies("kam", {SHA, OTHER}) == {"other-vacancy": 1}
    with pytest.raises(ValueError, match="unknown decision"):
        store.decide("kam", SHA, "a.pdf", "maybe", "", "Anna")
    assert DECISIONS == ("reject", "shortlist", "interview", "offer", "hire")


def test_concurrent_recruiters_leave_a_consistent_log(store):
    """Two recruiters flipping one decision at once: every change logged, each from the value before it."""

    def flip(name: str, choices: tuple[str, str]) -> None:
        for i in range(15):
            store.decide("kam", SHA, "a.pdf", choices[i % 2], f"{name} {i}", name)

    threads = [
        threading.Thread(target=flip, args=(n, c))
        for n, c in (("Anna", ("reject", "shortlist")), ("Boris", ("offer", "hire")))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    log = list(reversed(store.history("kam", SHA)))
    assert len(log) == 30
    assert log[0].old_decision is None
    for before, after in pairwise(log):
        assert after.old_decision == before.new_decision and after.old_note == before.new_note
    assert store.decisions("kam")[SHA].decision == log[-1].new_decision


def test_models_are_kept_and_one_is_active(store, tmp_path):
    card = {"data": {"n": 20}}
    first = store.add_model("kam", "m1", str(tmp_path / "m1"), card, "Anna")
    second = store.add_model("kam", "m2", str(tmp_path / "m2"), card, "Boris")
    assert [m.name for m in store.models("kam")] == ["m2", "m1"]
    assert store.active_model("kam").id == second.id
    store.activate("kam", first.id)
    assert store.active_model("kam").name == "m1"
    store.activate("kam", None)
    assert store.active_model("kam") is None and len(store.models("kam")) == 2
    assert store.models("other") == []


def test_bad_database_urls_are_refused_with_the_reason(tmp_path):
    with pytest.raises(StoreError, match="only SQLite and PostgreSQL"):
        Store.open("mysql://u@h/db")
    with pytest.raises(StoreError, match="not a database URL"):
        Store.open("not a url")
    with pytest.raises(StoreError, match="cannot open the database"):
        Store.open("postgresql+psycopg://nobody:wrong@127.0.0.1:1/none?connect_timeout=2")
    assert database_url(tmp_path, None).endswith("/review.sqlite")
    assert database_url(tmp_path, "postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
