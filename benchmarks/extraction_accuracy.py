"""Per-field extraction accuracy over the fixture corpus, against data/fixtures/truth/*.json.

python benchmarks/extraction_accuracy.py [--verbose]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

from kamscreen.extract import extract
from kamscreen.extract.evaluation import FIELDS, accuracy, compare
from kamscreen.parse import parse

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    per_cv, started = [], time.perf_counter()
    for truth_path in sorted((FIXTURES / "truth").glob("*.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        as_of = dt.date.fromisoformat(truth["document_date"])
        facts = extract(parse(FIXTURES / truth["file"], as_of=as_of), as_of=as_of)
        hits = compare(facts, truth)
        per_cv.append(hits)
        if args.verbose:
            misses = [name for name in FIELDS if not all(hits[name])]
            if misses:
                print(f"{truth['id']}: misses {', '.join(misses)}")
    elapsed = time.perf_counter() - started
    print(f"{len(per_cv)} CVs in {elapsed:.1f} s")
    for name, (share, count) in accuracy(per_cv).items():
        print(f"{name:20s} {share:6.1%}  ({count} items)")


if __name__ == "__main__":
    main()
