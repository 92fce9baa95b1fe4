"""Regenerate data/fixtures: CVs with ground truth, labels.csv, hostile files, special files.

Usage: ``python scripts/make_fixtures.py [--out data/fixtures]``. Seeded: a re-run gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fixturegen import coverage, hostile, special
from fixturegen.compose import compose
from fixturegen.hh_pdf import write_hh_export
from fixturegen.model import CVSpec, Doc
from fixturegen.pdf import write_pdf
from fixturegen.personas import EXT, PLAN, PLAN_TABLE, Rotation, build, hire_stage
from fixturegen.truth import build_truth, check
from fixturegen.writers import write_docx, write_rtf, write_txt

SEED = 20250915
ROOT = Path(__file__).resolve().parents[1]


def write_cv(cv: CVSpec, doc: Doc, path: Path, photo=None) -> None:
    """Write one CV in its format; the document date goes where its layout keeps it."""
    stamp = dt.datetime.combine(cv.document_date, dt.time(10, 12))
    title = f"CV {cv.id}"
    if cv.layout == "hh_pdf_table":
        write_hh_export(doc, path, stamp, title)
    elif cv.fmt == "pdf":
        write_pdf(doc, path, stamp, title, cv.layout, photo)
    elif cv.fmt == "docx":
        write_docx(doc, path, stamp, title)
    elif cv.fmt == "rtf":
        write_rtf(doc, path, stamp, title)
    else:
        write_txt(doc, path, cv.encoding, hh_style=bool(cv.footer))
    ts = stamp.replace(tzinfo=dt.UTC).timestamp()
    os.utime(path, (ts, ts))


def make_cvs(out: Path) -> list[dict]:
    hire_rng, table_hire_rng = random.Random(SEED), random.Random(SEED + 1)
    rotation, table_rotation = Rotation(), Rotation()
    truths, texts = [], []
    # PLAN_TABLE (hh.ru's table export) comes after PLAN with its own draws: PLAN's CVs keep their bytes
    plan = [(n, e, rotation, hire_rng) for n, e in enumerate(PLAN, start=1)]
    plan += [(n, e, table_rotation, table_hire_rng) for n, e in enumerate(PLAN_TABLE, start=len(PLAN) + 1)]
    for number, entry, rotation, hire_rng in plan:
        cv = build(number, entry, SEED, rotation)
        doc = compose(cv)
        path = out / "cvs" / f"{cv.id}.{EXT[cv.fmt]}"
        write_cv(cv, doc, path)
        truth = build_truth(cv, doc, hire_stage(cv.persona, hire_rng))
        check(truth, doc)
        (out / "truth" / f"{cv.id}.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        truths.append(truth)
        texts.append("\n".join(p.text for p in doc.main_paras() + doc.sidebar))
    gaps = coverage.missing(texts, truths)
    if gaps:
        raise SystemExit(f"the corpus misses {len(gaps)} required phrasings: {gaps}")
    return truths


def write_labels(out: Path, truths: list[dict]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["file", "label"])
    for t in truths:
        w.writerow([t["file"].removeprefix("cvs/"), t["hire_stage"]])
    (out / "labels.csv").write_text(buf.getvalue(), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "fixtures")
    args = ap.parse_args(argv)
    out: Path = args.out
    for sub in ("cvs", "truth", "hostile", "special"):
        shutil.rmtree(out / sub, ignore_errors=True)
        (out / sub).mkdir(parents=True)
    truths = make_cvs(out)
    write_labels(out, truths)
    hostile.make(out / "hostile", SEED, write_cv)
    special.make(out / "special", SEED, write_cv)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    by_layout: dict[str, int] = {}
    for t in truths:
        by_layout[t["layout"]] = by_layout.get(t["layout"], 0) + 1
    print(
        f"{len(truths)} CVs {by_layout}; pass={sum(t['kam_director_verdict'] == 'pass' for t in truths)}; "
        f"{size / 1e6:.2f} MB in {out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
