"""Train the shipped fit model (models/default) on the labeled synthetic fixture corpus.

    python scripts/train_default_model.py [--seed 0]

Reads data/fixtures/labels.csv (file,label), takes each CV's "present" from its truth file
(data/fixtures/truth/*.json: document_date) and writes models/default with a model card that
says plainly it was trained on synthetic fixtures.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from pathlib import Path

from kamscreen.score.train import TrainingError, train

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "data" / "fixtures"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=ROOT / "models" / "default")
    args = parser.parse_args()

    dates = {}
    for path in sorted((FIXTURES / "truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        dates[Path(truth["file"]).name] = truth.get("document_date")
    with open(FIXTURES / "labels.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with tempfile.TemporaryDirectory() as tmp:
        labels = Path(tmp) / "labels.csv"
        with open(labels, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["file", "label", "as_of"])
            for row in rows:  # labels name files in data/fixtures/cvs or relative to data/fixtures
                file = f"cvs/{row['file']}" if (FIXTURES / "cvs" / row["file"]).is_file() else row["file"]
                writer.writerow([file, row["label"], dates.get(Path(file).name) or ""])
        try:
            result = train(labels, FIXTURES, args.out, seed=args.seed, synthetic=True)
        except TrainingError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(json.dumps({"data": result.card["data"], "metrics": result.metrics}, indent=2))
    size = sum(p.stat().st_size for p in args.out.iterdir())
    print(f"wrote {args.out} ({size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
