"""report.html in headless Chromium: table, sorting, filters, evidence highlights, read-only decisions, no XSS."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chromium_support import ARGS, CHROMIUM
from kamscreen.cli import app

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"
FORMULA_NAME = '=HYPERLINK("http:x";"y"),+cmd.txt'
XSS = '<script>window.__xss=1</script>\n<img src=x onerror="window.__xss=2">\nKey Account Manager 2019 — 2024\n'

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install chromium)"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    cvs = sorted((FIXTURES / "cvs").glob("*.*")) if (FIXTURES / "cvs").is_dir() else []
    if len(cvs) < 4:
        pytest.skip("data/fixtures/cvs is not generated yet")
    base = tmp_path_factory.mktemp("html")
    folder = base / "cvs"
    folder.mkdir()
    families = {}
    for path in cvs:
        families.setdefault(re.sub(r"_\d+$", "", path.stem), path)
    for path in list(families.values())[:8]:
        shutil.copy2(path, folder / path.name)
    (folder / "xss.txt").write_text(XSS, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / FORMULA_NAME).write_text(
        "Key Account Manager 2015 — 2024\nКлючевые клиенты, рост выручки 20 %.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        app, ["screen", str(folder), "--out", str(base / "out"), "--as-of", "2025-09-01", "--jobs", "1"]
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in (base / "out" / "candidates.jsonl").read_text(encoding="utf-8").splitlines()]
    return base / "out" / "report.html", lines


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, report):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(report[0].as_uri())
    yield page
    assert not errors, errors
    context.close()


def test_table_lists_every_candidate_and_no_cv_script_runs(page, report):
    _, lines = report
    assert page.locator("tr.row").count() == len(lines)
    assert page.locator("tr.row td.file").all_inner_texts() == [rec["file"] for rec in lines]
    assert page.locator(".ranked-by").inner_text() == "checklist score"
    assert page.evaluate("typeof window.__xss") == "undefined"
    xss = next(i for i, rec in enumerate(lines) if rec["file"] == "xss.txt")
    if lines[xss]["status"] == "ok":  # shown as text, not run
        page.click(f"tr.row[data-index='{xss}'] td.who a")
        assert "<script>window.__xss=1</script>" in page.locator(f"#card-{xss} pre.text").inner_text()
        assert page.evaluate("typeof window.__xss") == "undefined"


def test_sorting_and_filters(page, report):
    _, lines = report
    page.click("th[data-key=file]")
    files = page.locator("tr.row td.file").all_inner_texts()
    assert files == sorted(files)
    page.click("th[data-key=score]")  # numbers: high first on the first click
    scores = [float(s) for s in page.locator("tr.row").evaluate_all("rs => rs.map(r => r.dataset.score)") if s]
    assert scores == sorted(scores, reverse=True)
    crit = next(c["id"] for rec in lines if rec.get("checklist") for c in rec["checklist"]["criteria"])
    page.click(f"th[data-key='c-{crit}']")  # statuses: met > partly met > not met > no data
    order = {"met": 0, "partly met": 1, "not met": 2, "no data": 3}
    seen = [
        order[s]
        for s in page.locator("tr.row").evaluate_all(
            f"rs => rs.map(r => r.dataset['c{crit[0].upper()}{crit[1:]}'] || '')"
        )
        if s
    ]
    assert seen == sorted(seen) and seen
    page.fill("#search", "empty.txt")
    assert page.locator("tr.row:visible").count() == 1
    page.fill("#search", "")
    group = next(
        rec["checklist"]["verdict"] for rec in lines if rec.get("checklist") and not rec.get("needs_human_read")
    )
    words = {"pass": "pass", "fail": "fail", "no_data": "no data on a must-have"}
    page.fill("input[data-filter-for=group]", words[group])
    expected = sum(
        1 for rec in lines if (rec.get("checklist") or {}).get("verdict") == group and not rec.get("needs_human_read")
    )
    assert page.locator("tr.row:visible").count() == expected
    page.click("#clear-filters")
    assert page.locator("tr.row:visible").count() == len(lines)
    page.fill("input[data-filter-for=score]", ">= 50")
    assert page.locator("tr.row:visible").count() == sum(
        1 for rec in lines if (rec.get("checklist") or {}).get("score", -1) >= 50
    )
    page.click("#clear-filters")
    flagged = [rec for rec in lines if any(f["kind"] == "sales_without_key_account" for f in rec.get("flags", []))]
    page.fill("input[data-filter-for=flagtext]", "sales without key account")  # the flags' words filter
    assert page.locator("tr.row:visible").count() == len(flagged)


def test_clicking_a_criterion_highlights_its_evidence(page, report):
    _, lines = report
    target = next(
        (i, c)
        for i, rec in enumerate(lines)
        if rec.get("checklist")
        for c in rec["checklist"]["criteria"]
        if c["evidence"]
    )
    index, criterion = target
    page.click(f"tr.row[data-index='{index}'] td.who a")
    card = page.locator(f"#card-{index}")
    assert card.is_visible()
    item = card.locator("li.crit").nth([c["id"] for c in lines[index]["checklist"]["criteria"]].index(criterion["id"]))
    assert page.locator("mark.active").count() == 0
    item.click()
    active = card.locator("mark.hl.active")
    assert active.count() >= 1 and active.first.is_visible()
    inside = page.evaluate(
        """(i) => { const m = document.querySelector('#card-' + i + ' mark.active');
        const p = m.closest('pre').getBoundingClientRect(), r = m.getBoundingClientRect();
        return r.top >= p.top - 1 && r.bottom <= p.bottom + 1 && r.top >= 0 && r.bottom <= window.innerHeight; }""",
        index,
    )
    assert inside
    assert criterion["evidence"][0]["text"].split()[0] in active.first.inner_text() + " ".join(active.all_inner_texts())
    assert card.locator(".as-of").inner_text() == "2025-09-01"  # the "present" used, and its source
    assert "--as-of" in card.locator(".sub").inner_text()


def test_decisions_are_read_only_and_come_from_the_review_database(browser, report, tmp_path):
    """A page written after recruiters decided shows their decisions; it has no control to change them."""
    from kamscreen.review.storage import Store, database_url

    path, lines = report
    out = path.parent
    ok = [rec for rec in lines if rec.get("checklist")][:2]
    store = Store.open(database_url(out, None))
    store.decide("kam-director", ok[0]["sha256"], ok[0]["file"], "shortlist", "", "Anna")
    store.decide("kam-director", ok[1]["sha256"], ok[1]["file"], "reject", "", "Boris")
    store.close()
    folder = out.parent / "cvs"
    (out / "manifest.json").unlink()  # write the outputs again (nothing else changed)
    result = CliRunner().invoke(app, ["screen", str(folder), "--out", str(out), "--as-of", "2025-09-01", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(path.as_uri())
    assert page.locator('tr.row[data-decision="shortlist"] td.file').inner_text() == ok[0]["file"]
    assert page.locator('tr.row[data-decision="reject"] td.file').inner_text() == ok[1]["file"]
    assert page.locator("tbody select, tbody input, tbody button").count() == 0  # nothing to change them with
    context.close()
