"""The review app over HTTP (Starlette's test client): access, CSRF, headers, decisions, labels CSV, retrain."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from kamscreen.review.app import Review, create_app
from kamscreen.review.security import COOKIE, Guard
from kamscreen.review.storage import Store, database_url
from review_support import XSS_NAME, db_url, rescreen_tuned, screened, work  # noqa: F401 - fixtures

starlette_testclient = pytest.importorskip("starlette.testclient", reason="needs httpx")
TOKEN = "test-token-0123456789abcdef"


@pytest.fixture
def review(work, db_url):  # noqa: F811
    _, out = work
    store = Store.open(database_url(out, db_url))
    yield Review(out, store, None, Guard(TOKEN))
    store.close()


def client(review: Review, name: str | None = "Anna"):
    c = starlette_testclient.TestClient(create_app(review, hosts=("testserver",)), follow_redirects=False)
    if name:
        assert c.post("/login", data={"token": TOKEN, "name": name}).status_code == 303
    return c


def csrf(c) -> str:
    return re.search(r'<meta name="csrf" content="([0-9a-f]+)">', c.get("/").text).group(1)


def test_without_the_token_every_request_is_refused(review):
    anonymous = client(review, None)
    for path in ("/", "/models", "/labels.csv", "/report.html", f"/c/{review.screening.entries[0].sha256}"):
        assert anonymous.get(path).status_code == 401, path
    sha = review.screening.entries[0].sha256
    assert anonymous.post(f"/c/{sha}/decision", data={"decision": "hire"}).status_code == 401
    assert anonymous.get("/login?token=wrong-token-0000000000").status_code == 401
    assert anonymous.post("/login", data={"token": "wrong", "name": "Eve"}).status_code == 401
    forged = client(review, None)
    forged.cookies.set(COOKIE, Guard("another-token-0123456789").session("Eve"))
    assert forged.get("/").status_code == 401
    assert review.store.decisions(review.vacancy) == {}


def test_posts_need_the_csrf_token_and_the_same_origin(review):
    c = client(review)
    sha = review.screening.entries[0].sha256
    assert c.post(f"/c/{sha}/decision", data={"decision": "hire"}).status_code == 403
    assert c.post(f"/c/{sha}/decision", data={"decision": "hire", "csrf": "0" * 32}).status_code == 403
    assert (
        c.post(
            f"/c/{sha}/decision", data={"decision": "hire", "csrf": csrf(c)}, headers={"origin": "http://evil.example"}
        ).status_code
        == 403
    )
    assert review.store.decisions(review.vacancy) == {}
    ok = c.post(
        f"/c/{sha}/decision", data={"decision": "hire", "csrf": csrf(c)}, headers={"origin": "http://testserver"}
    )
    assert ok.status_code == 303 and review.store.decisions(review.vacancy)[sha].recruiter == "Anna"


def test_pages_carry_a_strict_csp_and_escape_every_cv_string(review):
    c = client(review)
    page = c.get("/")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp and "frame-ancestors 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    xss = next(e for e in review.screening.entries if e.file == XSS_NAME)
    for html in (page.text, c.get(f"/c/{xss.sha256}").text):
        assert "<img src=x" not in html and "<script>window" not in html
        assert "onerror=window.__xss=3&gt;" in html or "onerror=window.__xss=3&#62;" in html
        assert not re.search(r"<script(?![^>]*src=\"/assets/)", html)  # only the app's own script files


def test_decisions_by_two_recruiters_show_in_the_list_and_the_audit_log(review):
    anna, boris = client(review, "Anna"), client(review, "Boris")
    sha = review.screening.entries[1].sha256
    anna.post(f"/c/{sha}/decision", data={"decision": "shortlist", "note": "P&L <b>owner</b>", "csrf": csrf(anna)})
    boris.post(f"/c/{sha}/decision", data={"decision": "interview", "note": "call Tuesday", "csrf": csrf(boris)})
    page = anna.get(f"/c/{sha}").text
    assert re.search(r"Boris</td>\s*<td>shortlist → interview", page)
    assert re.search(r"Anna</td>\s*<td>— → shortlist", page)
    assert "P&amp;L &lt;b&gt;owner&lt;/b&gt;" in page and "<b>owner</b>" not in page
    row = re.search(rf'<tr class="row"[^>]*data-sha256="{sha}"[^>]*>', anna.get("/").text).group(0)
    assert 'data-decision="interview"' in row
    keyed = boris.post(
        f"/c/{sha}/decision",
        data={"decision": "offer", "keep_note": "1", "csrf": csrf(boris)},
        headers={"accept": "application/json"},
    )
    assert keyed.json()["decision"]["decision"] == "offer" and keyed.json()["decision"]["note"] == "call Tuesday"


def test_labels_csv_round_trip_is_read_by_train(review, tmp_path):
    from kamscreen.score.train import read_labels

    c = client(review)
    token = csrf(c)
    entries = [e for e in review.screening.entries if e.scored][:5]
    for entry, decision in zip(entries, ("reject", "shortlist", "interview", "offer", "hire"), strict=True):
        c.post(f"/c/{entry.sha256}/decision", data={"decision": decision, "note": "=HYPERLINK(1)", "csrf": token})
    exported = c.get("/labels.csv")
    assert exported.headers["content-type"].startswith("text/csv")
    text = exported.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["label"] for r in rows} == {"rejected", "shortlisted", "interviewed", "offer", "hired"}
    assert all(r["note"] == "'=HYPERLINK(1)" for r in rows)  # no formula for a spreadsheet to run
    path = tmp_path / "labels.csv"
    path.write_text(text, encoding="utf-8")
    assert sorted(lab.y for lab in read_labels(path)) == [0, 1, 1, 1, 1]  # shortlist and later count as fit
    # import into a fresh vacancy: every decision comes back, the note without the guard quote
    review.vacancy = "imported"
    done = c.post("/labels", data={"csrf": token}, files={"labels": ("labels.csv", text.encode(), "text/csv")})
    assert done.status_code == 200 and "5 decision(s) recorded" in done.text
    back = review.store.decisions("imported")
    assert {sha: d.decision for sha, d in back.items()} == {
        e.sha256: d for e, d in zip(entries, ("reject", "shortlist", "interview", "offer", "hire"), strict=True)
    }
    assert {d.note for d in back.values()} == {"=HYPERLINK(1)"}
    bad = c.post("/labels", data={"csrf": token}, files={"labels": ("x.csv", b"name,score\na,1\n", "text/csv")})
    assert bad.status_code == 400 and "expected a &#39;file&#39;" in bad.text


def test_retrain_refuses_few_decisions_then_trains_and_reranks(review):
    c = client(review)
    token = csrf(c)
    scored = [e for e in review.screening.entries if e.scored]
    assert len(scored) >= 20
    for i, entry in enumerate(scored[:12]):
        c.post(f"/c/{entry.sha256}/decision", data={"decision": "shortlist" if i % 3 == 0 else "reject", "csrf": token})
    refused = c.post("/retrain", data={"csrf": token})
    assert refused.status_code == 422 and "only 12 labeled CVs; at least 20 are needed" in refused.text
    assert review.store.models(review.vacancy) == []
    for i, entry in enumerate(scored[12:22]):
        c.post(f"/c/{entry.sha256}/decision", data={"decision": "hire" if i % 3 == 0 else "reject", "csrf": token})
    trained = c.post("/retrain", data={"csrf": token})
    assert trained.status_code == 200, trained.text[-2000:]
    assert "Retrained" in trained.text and "average precision" in trained.text
    assert "only 22 labels" in trained.text  # train's warnings, on the page
    model = review.store.active_model(review.vacancy)
    assert model.card["data"]["n"] == 22 and model.card["data"]["positive"] == 8
    assert (Path(model.path) / "model.json").is_file()
    listing = c.get("/").text
    assert re.search(
        r'ranked-by">model kam-director-\d{8}-\d{6}, trained on 22 labels \(8 positive\) on '
        r"\d{4}-\d\d-\d\d, cross-validated AP \d\.\d\d",
        listing,
    )
    ranks = [int(r) for r in re.findall(r'<tr class="row"[^>]*data-rank="(\d+)"', listing)]
    assert ranks == sorted(ranks) and len(ranks) == len(scored)
    assert re.findall(r'data-fit="([0-9.]+)"', listing)  # probabilities shown
    # a second model keeps the first; switching back to the checklist is one click
    again = c.post("/retrain", data={"csrf": token})
    assert again.status_code == 200 and len(review.store.models(review.vacancy)) == 2
    c.post("/models/activate", data={"model_id": "", "csrf": token})
    assert 'ranked-by">checklist score' in c.get("/").text


def test_a_pickled_model_of_an_earlier_kamscreen_is_never_loaded(review, tmp_path):
    from test_model_file import malicious_pickle

    marker = tmp_path / "pwned"
    old = malicious_pickle(tmp_path / "kam-20240101-000000" / "model.joblib", marker).parent
    review.store.add_model(review.vacancy, old.name, str(old), {"data": {"n": 30}}, "Anna")
    listing = client(review).get("/").text
    assert "the active model kam-20240101-000000 cannot be used here" in listing and "is a pickle" in listing
    assert 'ranked-by">checklist score' in listing and not marker.exists()


def test_report_download_carries_the_decisions_read_only(review):
    c = client(review)
    sha = review.screening.entries[0].sha256
    c.post(f"/c/{sha}/decision", data={"decision": "offer", "csrf": csrf(c)})
    report = c.get("/report.html")
    assert report.headers["content-disposition"].startswith("attachment")
    assert 'class="dec d-offer"' in report.text and "<select" not in report.text.split("<tbody>")[1]


def test_a_rescreen_with_an_added_cv_and_a_changed_profile_keeps_every_decision(review, work, tmp_path):  # noqa: F811
    folder, out = work
    c = client(review)
    token = csrf(c)
    decided = {
        e.sha256: d for e, d in zip(review.screening.entries, ("reject", "shortlist", "hire", "offer"), strict=False)
    }
    for sha, d in decided.items():
        c.post(f"/c/{sha}/decision", data={"decision": d, "csrf": token})
    rescreen_tuned(folder, out, tmp_path)
    page = c.get("/").text
    assert page.count('<tr class="row"') == 26  # 24 fixtures, the hostile CV and the one added
    for sha, d in decided.items():
        assert re.search(rf'data-sha256="{sha}"[^>]*data-decision="{d}"', page), sha
    assert {sha: x.decision for sha, x in review.store.decisions(review.vacancy).items()} == decided
