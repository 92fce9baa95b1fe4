"""Duplicate candidates: match keys per file, grouping with reasons, one row per candidate in every output."""

from __future__ import annotations

import copy
import csv
import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

import duplicates_corpus as C
import hh_resumes as H
from kamscreen.batch import screen
from kamscreen.batch.duplicates import MAX_SHARED_CONTACT, TEXT_THRESHOLD, group
from kamscreen.batch.matchkeys import MatchKeys, match_keys, signature, similarity
from kamscreen.parse import parse

AS_OF = "2025-09-30"


def _screen(folder: Path, out: Path, **options):
    import datetime as dt

    return screen(folder, out, as_of=dt.date.fromisoformat(AS_OF), jobs=1, show_progress=False, **options)


def _lines(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "candidates.jsonl").read_text(encoding="utf-8").splitlines()]


def _by_file(out: Path) -> dict[str, dict]:
    return {line["file"]: line for line in _lines(out)}


# --- match keys ---------------------------------------------------------------------------------


def _keys(tmp_path: Path, text: str, name: str = "cv.txt", salt: str = "salt") -> MatchKeys:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return match_keys(parse(path), salt)


def test_a_phone_written_two_ways_is_one_key_and_contacts_are_kept_only_as_salted_hashes(tmp_path):
    one = _keys(tmp_path, C.ELENA.format(phone="+7 (916) 555-12-34"), "a.txt")
    two = _keys(tmp_path, C.ELENA.format(phone="8 916 555 12 34"), "b.txt")
    assert one.phones == two.phones and len(one.phones) == 1
    stored = json.dumps(_keys(tmp_path, C.ANNA, "anna.txt").to_dict())
    assert "anna.smith" not in stored and "@" not in stored and "2013344" not in stored
    assert _keys(tmp_path, C.ANNA, "x.txt", salt="other").emails != _keys(tmp_path, C.ANNA, "y.txt").emails


def test_a_referees_contacts_at_the_end_are_not_the_candidates(tmp_path):
    referee = "\n\nReferences\nJohn Doe, former manager, john.doe@example.com, +1 (555) 900-1122\n"
    keys = _keys(tmp_path, C.dmitri("+44 20 7946 0001") + "\n" * 3 + "Volunteering and hobbies. " * 40 + referee)
    assert len(keys.phones) == 1 and keys.emails == ()  # Dmitri's own phone only


def test_hh_resume_ids_come_from_the_json_and_from_resume_links(tmp_path):
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(H.KAM_DIRECTOR, ensure_ascii=False), encoding="utf-8")
    assert match_keys(parse(path), "s").hh_ids == (H.KAM_DIRECTOR["id"],)
    linked = _keys(tmp_path, "Резюме: https://hh.ru/resume/0123456789abcdef0123456789abcdef012345\n" + C.ANNA)
    assert linked.hh_ids == ("0123456789abcdef0123456789abcdef012345",)


def test_a_changed_phone_leaves_the_text_signature_as_it_was_and_a_short_text_has_none():
    assert signature(C.dmitri("+44 20 7946 0001")) == signature(C.dmitri("+44 1632 960 123"))
    assert similarity(signature(C.dmitri("1")), signature(C.DMITRI_REWRITTEN)) < TEXT_THRESHOLD
    assert signature("Key Account Manager, Acme, 2019 – 2024") is None


# --- grouping -----------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class _Item:
    file: str
    keys: MatchKeys | None = None
    sha256: str = ""
    status: str = "ok"
    source: str = "pdf"
    document_date: str | None = None
    unread: bool = False
    scored: bool = True


def _groups(items: list[_Item]) -> list[list[str]]:
    return sorted(sorted([items[g.best].file, *(items[i].file for i, _ in g.others)]) for g in group(items))


def test_a_contact_on_many_files_is_an_agencys_and_joins_no_one():
    shared = MatchKeys(emails=("agency",))
    items = [_Item(f"cv{n}.pdf", shared, sha256=str(n)) for n in range(MAX_SHARED_CONTACT + 1)]
    assert len(_groups(items)) == len(items)
    assert len(_groups(items[:2])) == 1


def test_text_never_joins_two_hh_resumes_but_a_shared_contact_does():
    text = signature(C.ANNA)
    items = [
        _Item("hh_" + "a" * 38 + ".json", MatchKeys(signature=text), "1", source="hh_json"),
        _Item("hh_" + "b" * 38 + ".json", MatchKeys(signature=text), "2", source="hh_json"),
    ]
    [first, _second] = group(items)
    assert first.near[0][1].reason == "text 100 % similar, but another hh.ru resume"
    same_person = [dataclasses.replace(item, keys=MatchKeys(phones=("p",), signature=text)) for item in items]
    assert _groups(same_person) == [[items[0].file, items[1].file]]


def test_the_best_source_gives_the_facts_and_each_other_file_says_why_it_belongs():
    email, text = MatchKeys(emails=("e",)), MatchKeys(signature=signature(C.ANNA))
    items = [
        _Item("a.docx", MatchKeys(emails=("e",), signature=signature(C.ANNA)), "1", source="docx"),
        _Item("a.pdf", email, "2", document_date="2025-01-10"),
        _Item("a_new.pdf", email, "3", document_date="2025-06-01"),
        _Item("hh_" + "c" * 38 + ".pdf", text, "4", status="error", scored=False),
        _Item("scan.pdf", MatchKeys(), "5", status="needs_ocr", scored=False),
    ]
    [candidate, scan] = group(items)
    assert items[candidate.best].file == "a_new.pdf" and items[scan.best].file == "scan.pdf"
    others = {items[i].file: (link.reason, link.via) for i, link in candidate.others}
    assert others == {
        "a.pdf": ("same e-mail", None),
        "a.docx": ("same e-mail", None),
        "hh_" + "c" * 38 + ".pdf": ("text 100 % similar", "a.docx"),
    }


# --- the screen: one row per candidate ----------------------------------------------------------


@pytest.fixture(scope="module")
def duplicates(tmp_path_factory):
    base = tmp_path_factory.mktemp("duplicates")
    folder = C.write_folder(base / "cvs")
    _screen(folder, base / "out")
    return folder, base / "out"


def test_three_pairs_and_a_near_duplicate_with_a_changed_phone_rank_four_candidates(duplicates):
    _, out = duplicates
    lines = _by_file(out)
    assert sorted(lines) == ["anna.pdf", "carl_2025.docx", "dmitri_v2.docx", "elena.html"]
    assert [line["rank"] for line in _lines(out)] == [1, 2, 3, 4]
    reasons = {name: [(o["file"], o["reason"]) for o in line["other_files"]] for name, line in lines.items()}
    assert reasons["anna.pdf"] == [("anna.docx", "same e-mail, same phone, text 100 % similar")]
    assert reasons["carl_2025.docx"] == [("carl_2022.txt", "same e-mail")]  # the newer one gives the facts
    assert reasons["elena.html"] == [("elena.txt", "same phone, text 100 % similar")]
    [(file, why)] = reasons["dmitri_v2.docx"]
    assert file == "dmitri.txt" and why.startswith("text ") and why.endswith(" % similar")
    assert int(why.split()[1]) >= TEXT_THRESHOLD * 100 and "phone" not in why
    assert all(line["possible_duplicates"] == [] for line in lines.values())


def test_every_output_lists_the_candidates_files(duplicates):
    _, out = duplicates
    with open(out / "ranking.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {row["file"]: row for row in csv.DictReader(handle)}
    assert rows["carl_2025.docx"]["other_files"] == "carl_2022.txt (same e-mail)"
    sheet = load_workbook(out / "ranking.xlsx").active
    header = [c.value for c in sheet[1]]
    assert [
        r[header.index("other_files")]
        for r in sheet.iter_rows(min_row=2, values_only=True)
        if r[header.index("file")] == "anna.pdf"
    ] == [rows["anna.pdf"]["other_files"]]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.count('<tr class="row"') == 4 and html.count('<span class="dups">+1</span>') == 4
    assert "One candidate, 2 files: the facts come from" in html and "carl_2022.txt</span> (text) — same e-mail" in html


def test_a_near_duplicate_rewritten_below_the_threshold_is_a_fifth_candidate_with_the_reason(tmp_path):
    folder = C.write_folder(tmp_path / "cvs", near_text=C.DMITRI_REWRITTEN)
    summary = _screen(folder, tmp_path / "out")
    assert (summary.total, summary.candidates) == (8, 5)
    lines = _by_file(tmp_path / "out")
    [near] = lines["dmitri.txt"]["possible_duplicates"]
    share = int(near["reason"].split()[1])
    assert near["file"] == "dmitri_v2.docx" and near["reason"] == f"text {share} % similar, below 70 %"
    assert lines["dmitri_v2.docx"]["possible_duplicates"][0]["file"] == "dmitri.txt"
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "Possible duplicates, kept as other candidates" in html


def test_blind_outputs_name_the_other_files_by_pseudonyms_and_keep_the_reasons(duplicates, tmp_path):
    import shutil

    folder, out = tmp_path / "cvs", tmp_path / "out"
    shutil.copytree(duplicates[0], folder)
    shutil.copy2(folder / "anna.pdf", folder / "anna_copy.pdf")
    _screen(folder, out, blind=True, cache=tmp_path / "private" / "cache.sqlite")
    for name in ("ranking.csv", "candidates.jsonl", "report.html"):
        text = (out / name).read_text(encoding="utf-8-sig")
        for secret in ("anna", "carl", "elena", "dmitri", "555-12-34", "example.com"):
            assert secret not in text.lower(), (name, secret)
    lines = _lines(out)
    assert len(lines) == 4 and all(o["file"].startswith("cv-") for line in lines for o in line["other_files"])
    anna = next(line for line in lines if len(line["other_files"]) == 2)  # anna.pdf, its copy and anna.docx
    others = {o["reason"]: o["file"] for o in anna["other_files"]}
    assert sorted(others) == ["identical file", "same e-mail, same phone, text 100 % similar"]
    assert others["identical file"] == anna["file"].replace(".pdf", "-2.pdf")  # equal content, two names
    with sqlite3.connect(tmp_path / "private" / "cache.sqlite") as db:
        stored = [json.loads(row[0])["keys"] for row in db.execute("SELECT result FROM extractions")]
    keys = json.dumps(stored)  # hashes only: no e-mail, no phone's digits (hex and base64 never hold "@")
    assert len(stored) == 8 and "@" not in keys and not any(digits in keys for digits in ("2013344", "5551234"))


# --- hh.ru: the JSON and its PDF ----------------------------------------------------------------


def _resume(resume_id: str, email: str) -> dict:
    resume = copy.deepcopy(H.KAM_DIRECTOR)
    resume["id"], resume["alternate_url"] = resume_id, f"https://hh.ru/resume/{resume_id}"
    resume["contact"][1]["value"] = email
    return resume


def test_an_hh_json_and_its_pdf_export_are_one_candidate_with_the_facts_from_the_json(tmp_path):
    if not C.FONT.exists():
        pytest.skip("DejaVu fonts are not installed")
    folder = tmp_path / "cvs"
    folder.mkdir()
    resume = _resume("fedcba9876543210fedcba9876543210fedcba", "anna.p@example.com")
    (folder / "petrova.json").write_text(json.dumps(resume, ensure_ascii=False), encoding="utf-8")
    C.write_pdf(folder / "petrova_export.pdf", parse(folder / "petrova.json").text)
    C.write_folder(folder)
    summary = _screen(folder, tmp_path / "out")
    assert (summary.total, summary.candidates) == (10, 5)
    line = _by_file(tmp_path / "out")["petrova.json"]
    [pdf] = line["other_files"]
    assert pdf["file"] == "petrova_export.pdf" and pdf["source"] == "pdf"
    assert pdf["reason"].startswith("same e-mail, same phone, text ")
    assert line["experience"]["stated_total_years"] is not None  # the JSON's total_experience


def test_hh_pull_files_group_by_the_resume_id_in_their_names_even_when_the_pdf_is_unreadable(tmp_path):
    folder = tmp_path / "cvs"
    folder.mkdir()
    ids = ["0123456789abcdef0123456789abcdef01234" + str(n) for n in range(2)]
    for n, resume_id in enumerate(ids):
        resume = _resume(resume_id, f"person{n}@example.com")
        resume["contact"][0]["value"]["formatted"] = f"+7 (916) 000-00-0{n}"
        (folder / f"hh_{resume_id}.json").write_text(json.dumps(resume, ensure_ascii=False), encoding="utf-8")
        (folder / f"hh_{resume_id}.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    summary = _screen(folder, tmp_path / "out")
    assert (summary.total, summary.candidates, summary.failed) == (4, 2, {"corrupt": 2})
    for resume_id in ids:
        [pdf] = _by_file(tmp_path / "out")[f"hh_{resume_id}.json"]["other_files"]
        assert (pdf["file"], pdf["status"], pdf["reason"]) == (f"hh_{resume_id}.pdf", "error", "same hh.ru resume id")


# --- the review app: a candidate's decision -----------------------------------------------------


def test_the_review_app_lists_candidates_and_keeps_a_decision_per_candidate(duplicates, tmp_path):
    import re
    import shutil

    from kamscreen.review import labels
    from kamscreen.review.app import Review, create_app
    from kamscreen.review.security import Guard
    from kamscreen.review.storage import Store, database_url

    testclient = pytest.importorskip("starlette.testclient", reason="needs httpx")
    out = tmp_path / "out"
    shutil.copytree(duplicates[1], out)
    store = Store.open(database_url(out, None))
    review = Review(out, store, None, Guard("t" * 32))
    client = testclient.TestClient(create_app(review, hosts=("testserver",)), follow_redirects=False)
    assert client.post("/login", data={"token": "t" * 32, "name": "Anna"}).status_code == 303
    screening = review.screening
    best = {e.file: e.sha256 for e in screening.entries}
    other = {o["file"]: o["sha256"] for e in screening.entries for o in e.summary["other_files"]}
    assert len(screening.entries) == 4 and len(other) == 4

    # a decision made on another file of a candidate (before grouping) is the candidate's, and says so
    store.decide(review.vacancy, other["dmitri.txt"], "dmitri.txt", "shortlist", "strong", "Boris")
    page = client.get("/").text
    assert page.count('<tr class="row"') == 4 and "on dmitri.txt" in page
    assert client.get(f"/c/{other['dmitri.txt']}").headers["location"] == f"/c/{best['dmitri_v2.docx']}"
    card = client.get(f"/c/{best['dmitri_v2.docx']}").text
    assert "made on dmitri.txt, another file of this candidate" in card and "on this file" in card
    assert list(screening.decisions(store.decisions(review.vacancy))) == [best["dmitri_v2.docx"]]

    # deciding through another file's address keeps the decision under the best file
    csrf = re.search(r'<meta name="csrf" content="([0-9a-f]+)">', page).group(1)
    assert (
        client.post(f"/c/{other['anna.docx']}/decision", data={"decision": "reject", "csrf": csrf}).status_code == 303
    )
    assert store.decisions(review.vacancy)[best["anna.pdf"]].decision == "reject"

    # a labels CSV naming another file decides for its candidate
    done = labels.import_csv(b"file,label\ncarl_2022.txt,hired\n", screening, store, review.vacancy, "Anna")
    assert done.recorded == 1 and store.decisions(review.vacancy)[best["carl_2025.docx"]].decision == "hire"
    assert len(screening.decisions(store.decisions(review.vacancy))) == 3  # one decision per candidate
    store.close()


def test_screen_groups_each_pulled_resume_with_its_pdf(tmp_path):
    from hh_fake_api import TOKEN, FakeHh
    from kamscreen.hh import Client, pull

    with FakeHh(responses=6) as fake:
        pull(Client(fake.url, TOKEN, sleep=lambda s: None, notify=lambda m: None), "42", tmp_path / "cvs")
    summary = _screen(tmp_path / "cvs", tmp_path / "out")
    assert (summary.total, summary.candidates) == (12, 6)
    for line in _lines(tmp_path / "out"):
        [pdf] = line["other_files"]
        assert pdf["file"] == line["file"].replace(".json", ".pdf") and pdf["reason"] == "same hh.ru resume id"
