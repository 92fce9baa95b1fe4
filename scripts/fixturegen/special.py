"""Special fixtures: an injection-laden CV (xss.txt) and counterfactual pairs for fairness tests.

A pair ``counterfactual_<n>_a/_b.pdf`` differs only in name, gender, age, birth date, marital status,
citizenship and a photo; every other byte of text is the same, so any score must be equal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

from .compose import compose, personal_line
from .pdf import photo_image
from .personas import PLAN, build
from .truth import build_truth, check
from .writers import text_lines

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '=HYPERLINK("http://evil","x")',
    "+1-555-0100",
    "@SUM(A1)",
]
PROTECTED = ["name", "gender", "age", "birth_date", "marital_status", "citizenship", "photo"]
# (plan entry to copy, layout, (name, gender, birth, personal lines) for a and b)
PAIRS = [
    (
        0,
        "hh",
        (
            "Алексей Смирнов",
            "m",
            dt.date(1987, 3, 12),
            ["Гражданство: Россия", "Семейное положение: женат, двое детей"],
        ),
        ("Гульнара Ахмедова", "f", dt.date(1972, 6, 3), ["Гражданство: Узбекистан", "Семейное положение: не замужем"]),
    ),
    (
        18,
        "two_column",
        (
            "James Carter",
            "m",
            dt.date(1985, 1, 20),
            ["Date of birth: 20 January 1985", "Nationality: British", "Marital status: Married"],
        ),
        (
            "Amara Okafor",
            "f",
            dt.date(1968, 9, 9),
            ["Date of birth: 9 September 1968", "Nationality: Nigerian", "Marital status: Single"],
        ),
    ),
    (
        10,
        "two_column",
        ("Ирина Степанова", "f", dt.date(1990, 11, 2), ["Гражданство: Россия", "Семейное положение: замужем"]),
        ("Тимур Исмаилов", "m", dt.date(1963, 4, 27), ["Гражданство: Таджикистан", "Семейное положение: холост"]),
    ),
]


# Russian past-tense verbs agree with gender: pairs use nouns so that the body is identical and natural
NEUTRAL = [
    (r"Руководила? командой", "Руководство командой"),
    (r"Управляла? группой", "Управление группой"),
    (r"Построила? отдел", "Построение отдела"),
    (r"увеличила? выручку", "увеличение выручки"),
    (r"снизила? отток", "снижение оттока"),
]


def _neutral(cv):
    for job in cv.jobs:
        for rx, noun in NEUTRAL:
            job.lines = [re.sub(rx, noun, line) for line in job.lines]
    return cv


def _xss(seed: int) -> tuple[str, dict]:
    cv = build(50, ("plain_txt", "en", "kam", {"industry": "it"}), seed)
    cv = dataclasses.replace(cv, id="xss", summary=[*cv.summary, f"Portfolio site {PAYLOADS[0]}", PAYLOADS[1]])
    cv.jobs[0].lines = [*cv.jobs[0].lines, PAYLOADS[2], PAYLOADS[3] + " (client hotline)", PAYLOADS[4]]
    doc = compose(cv)
    lines = text_lines(doc, "")
    return "\n".join(lines) + "\n", build_truth(cv, doc, "screened")


def make(out: Path, seed: int, write_cv) -> None:
    text, truth = _xss(seed)
    (out / "xss.txt").write_text(text, encoding="utf-8")
    manifest = {"xss": {"file": "xss.txt", "payloads": PAYLOADS, "truth": truth}, "counterfactual_pairs": []}
    for n, (plan_index, layout, a, b) in enumerate(PAIRS, start=1):
        layout_entry = (layout, *PLAN[plan_index][1:])
        base = _neutral(build(60 + n, layout_entry, seed))
        files, personal_text = {}, {}
        for tag, (name, gender, birth, personal) in (("a", a), ("b", b)):
            cv = dataclasses.replace(
                base,
                id=f"counterfactual_{n}_{tag}",
                name=name,
                gender=gender,
                birth=birth,
                personal=personal,
                photo=tag == "b",
            )
            write_cv(cv, compose(cv), out / f"{cv.id}.pdf", photo_image(seed + n) if tag == "b" else None)
            files[tag] = f"{cv.id}.pdf"
            personal_text[tag] = [name] + ([personal_line(cv)] if layout == "hh" else []) + personal
        doc = compose(base)
        truth = build_truth(dataclasses.replace(base, id=f"counterfactual_{n}"), doc, "screened")
        check(truth, doc)
        manifest["counterfactual_pairs"].append(
            {"a": files["a"], "b": files["b"], "differs_in": PROTECTED, "personal_lines": personal_text, "truth": truth}
        )
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
